// Inert anodes in the smelter case (docs/model/inert-anode.md, "In potline smelter"): anode.type
// selects the anode; an inert-anode smelter has no anode carbon, anode plant, baking furnace or PFC,
// so the inputs that describe them are errors, and the anode material cost per tonne is an input.
#include <iterator>
#include <string>

#include "ccs_internal.hpp"
#include "potline/plant/anode_type.hpp"

namespace potline::plant::detail {
namespace {

// Smelter inputs that describe carbon anodes, their plant, their baking or their anode effects.
const char* const kCarbonOnlyKeys[] = {
    "consumption.net_carbon",   "consumption.gross_carbon", "plant.anode_plant",
    "prices.anode",             "prices.coke",              "prices.pitch",
    "prices.anode_conversion",  "anode.coke",               "anode.pitch",
    "emissions.technology_class", "emissions.co2_method",   "emissions.pfc_method",
    "emissions.anode_sulfur",   "emissions.anode_ash",      "emissions.aem",
    "emissions.ae_frequency",   "emissions.ae_duration",    "emissions.aeo",
    "emissions.low_voltage_cf4",
    "emissions.from_simulation", "emissions.baking_mass_loss", "emissions.waste_tar_share",
    "emissions.paste_consumption", "fuel.baking_energy",    "fuel.baking_fuel",
    "fuel.baking_emission_factor"};
constexpr const char* kInertOnlyKeys[] = {"anode.cost", "anode.wear"};

bool given_by_user(const io::Value* v) {
  return v != nullptr && (v->origin == io::Origin::kCaseFile || v->origin == io::Origin::kCommandLine);
}

}  // namespace
}  // namespace potline::plant::detail

namespace potline::plant {
const std::vector<std::string>& carbon_anode_only_keys() {
  static const std::vector<std::string> keys(std::begin(detail::kCarbonOnlyKeys), std::end(detail::kCarbonOnlyKeys));
  return keys;
}
}  // namespace potline::plant

namespace potline::plant::detail {

void add_anode_type_fields(io::SchemaTable<SmelterCase>& t) {
  t.choice("anode.type", {"carbon", "inert"})
      .default_("carbon")
      .doc(
          "carbon (prebake or Søderberg) or inert (oxygen-evolving) anodes; inert: no anode carbon, anode "
          "plant, baking furnace, anode CO2 or PFC (docs/model/inert-anode.md)");
  t.number("anode.cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc(
          "inert anodes: anode material cost per t Al (manufacture and replacement, net of any recycling "
          "credit; no producer has published it); required with anode.type = \"inert\"");
  t.number("anode.wear")
      .unit("kg/t", "1")
      .range(0.0, 100.0)
      .doc(
          "inert anodes: anode material worn per t Al (reported; 'potline cell' computes it from the wear "
          "rate, e.g. 6.8 kg/t for the RUSAL-like example)");
}

void resolve_anode_type(SmelterCase& c, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const io::Value* type = v.get("anode.type");
  const std::string where = type && !type->location.to_string().empty() ? " (" + type->location.to_string() + ")" : "";
  SmelterInputs& in = c.inputs;
  in.inert_anode = v.text("anode.type") == "inert";
  if (!in.inert_anode) {
    for (const char* key : kInertOnlyKeys) {
      const io::Value* x = v.get(key);
      if (!given_by_user(x)) continue;
      d.warning(x->location, key,
                "is an inert-anode input and is ignored: anode.type is \"carbon\"" + where +
                    "; set anode.type = \"inert\" to use it");
    }
    return;
  }
  for (const char* key : kCarbonOnlyKeys) {
    const io::Value* x = v.get(key);
    if (!given_by_user(x)) continue;
    d.error(x->location, key,
            std::string("is a carbon-anode input, but anode.type = \"inert\"") + where +
                ": an inert-anode smelter has no anode carbon, anode plant, baking furnace or anode effects "
                "(no anode CO2 or PFC); remove the key or set anode.type = \"carbon\"");
  }
  if (const io::Value* tech = v.get("potline.technology"); given_by_user(tech) && !tech->text.empty()) {
    d.error(tech->location, "potline.technology",
            "the catalogue's technologies are carbon-anode cells, but anode.type = \"inert\"" + where +
                ": give the inert-anode potlines' potline.sec_ac (e.g. from 'potline cell' on an inert-anode "
                "cell case) and potline.current_efficiency if the capacity is derived");
  }
  if (auto cost = v.maybe_number("anode.cost")) {
    in.inert_anode_usd_per_kg = *cost;
  } else {
    d.error(type ? type->location : core::SourceLocation{}, "anode.cost",
            "required with anode.type = \"inert\": the inert-anode material cost per t Al (USD/t); no producer "
            "has published it, so give an estimate with its basis");
  }
  in.net_carbon_kg_per_kg = 0.0;
  c.notes.push_back(
      "inert anodes: no anode carbon, anode plant, baking furnace, anode CO2 or PFC; the anode cost is "
      "anode.cost (the 'anodes' line of C1; in summary.json cost_usd_per_t.breakdown.anodes and, for scripts, "
      "breakdown.carbon)");
}

void apply_inert_anode(SmelterCase& c) {
  if (!c.inputs.inert_anode) return;
  EmissionInputs& e = c.inputs.emissions;
  e.inert_anode = true;
  e.net_anode_kg_per_kg = 0.0;
  e.anode_baking = false;
  e.baked_anode_kg_per_kg = 0.0;
  e.green_anode_kg_per_kg = 0.0;
  e.paste_kg_per_kg = 0.0;
  e.aem_min_per_cell_day = 0.0;
  e.aeo_mV = 0.0;
}

}  // namespace potline::plant::detail

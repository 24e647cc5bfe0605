// The option schemas of bath, emissions and cbam (see options.hpp).
#include "potline/api/options.hpp"

#include "potline/cell/cell_schema.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::api {
namespace {

/// A cell-case field as a bath option: the same unit, default, range and source.
io::FieldSpec from_cell(const std::string& cell_key, const std::string& option) {
  io::FieldSpec f = *cell::cell_schema().find(cell_key);
  f.key = "bath." + option;
  return f;
}

}  // namespace

std::string option_of(const std::string& key) { return "--" + key.substr(key.find('.') + 1); }

const io::Schema& bath_options_schema() {
  static const io::Schema schema("bath", {from_cell("bath.alumina", "alumina"), from_cell("bath.alf3", "alf3"),
                                          from_cell("bath.caf2", "caf2"), from_cell("bath.mgf2", "mgf2"),
                                          from_cell("bath.lif", "lif"), from_cell("bath.kf", "kf"),
                                          from_cell("operation.bath_temperature", "temperature"),
                                          from_cell("model.conductivity", "conductivity-model")});
  return schema;
}

const io::Schema& emissions_options_schema() {
  static const io::Schema schema = [] {
    io::SchemaTable<io::Unbound> t("emissions");
    t.number("emissions.production-t").unit("t").range(0.0, 1e9).exclusive_min().default_(1.0).doc("aluminium produced");
    t.choice("emissions.technology-class", plant::technology_class_names())
        .default_("CWPB")
        .doc("cell technology class (IPCC)");
    // The typical range and its basis are the smelter case's (one declaration of the basis).
    const io::FieldSpec& case_aem = *plant::smelter_schema().find("emissions.aem");
    t.number("emissions.aem")
        .unit("min/d")
        .range(0.0, 100.0)
        .typical(case_aem.typical_min.value_or(0.0), case_aem.typical_max.value_or(100.0))
        .source(case_aem.source)
        .doc("anode-effect minutes per cell-day (slope method)");
    t.number("emissions.ae-frequency")
        .unit("1/d")
        .range(0.0, 20.0)
        .doc("anode effects per cell-day (slope method, with --ae-duration-min)");
    t.number("emissions.ae-duration-min").unit("min").range(0.0, 600.0).doc("mean anode-effect duration");
    // One declaration of the low-voltage CF4 (the smelter case's; user trial T10-7).
    const io::FieldSpec& lv = *plant::smelter_schema().find("emissions.low_voltage_cf4");
    t.number("emissions.low-voltage-cf4")
        .unit(lv.unit, lv.internal_unit)
        .range(lv.min.value_or(0.0), lv.max.value_or(1.0))
        .default_note(lv.default_note)
        .source(lv.source)
        .doc(lv.description);
    t.choice("emissions.pfc-method", {"tier1", "slope", "overvoltage"})
        .default_note("slope or overvoltage with --aem / --ae-frequency / --aeo; else, as potline smelter, the slope "
                      "method with the AEM of the class's entry in data/fleet-anode-effects.toml; tier1 without one")
        .doc("PFC method (tier1: the IPCC default factor per tonne, whatever else is given)");
    t.number("emissions.aeo")
        .unit("mV")
        .range(0.0, 10000.0)
        .doc("anode-effect overvoltage (overvoltage method, with --ce)");
    t.number("emissions.ce").unit("%").range(50.0, 100.0).doc("current efficiency (overvoltage method)");
    t.number("emissions.nac")
        .unit("t/t")
        .range(0.0, 1.0)
        .exclusive_min()
        .doc("net anode consumption, t C per t Al (Tier 2 CO2; else Tier 1)");
    t.number("emissions.sulfur")
        .unit("%")
        .range(0.0, 10.0)
        .warn_plain_fraction()
        .default_note("the data's Tier 2 default")
        .doc("anode sulfur (Tier 2)");
    t.number("emissions.ash").unit("%").range(0.0, 10.0).default_note("the data's Tier 2 default").doc("anode ash (Tier 2)");
    t.choice("emissions.coefficients", {"IPCC2006", "IPCC2019"})
        .default_note("as potline smelter: IPCC2019 where it has the class (every class but CWPB) for the slope method, "
                      "IPCC2006 for Tier 1 and the overvoltage method")
        .doc("PFC coefficient set");
    t.choice("emissions.gwp", plant::gwp_set_names()).default_("AR5").doc("GWP-100 set");
    return t.schema();
  }();
  return schema;
}

const io::Schema& cbam_options_schema() {
  static const io::Schema schema = [] {
    io::SchemaTable<io::Unbound> t("cbam");
    t.integer("cbam.year")
        .range(policy::kCbamFirstYear, policy::kCbamMaxYear)
        .default_(2026)
        .doc("import year (certificates from 2026; free allocation phased out by 2034: later years as 2034, no free-allocation adjustment)");
    t.number("cbam.direct-t-co2e-per-t")
        .unit("t/t")
        .range(0.0, 50.0)
        .doc("actual direct embedded emissions, t CO2e per t (incl. PFC); or --default-country");
    t.text("cbam.default-country").doc("use the country default value (ISO3, e.g. CHN) with its mark-up");
    t.number("cbam.eua-price-eur")
        .unit("EUR/t")
        .range(0.0, 10000.0)
        .default_note("required")
        .doc("certificate price per t CO2e (required)");
    t.number("cbam.carbon-price-paid-eur")
        .unit("EUR/t")
        .range(0.0, 10000.0)
        .default_(0.0)
        .doc("carbon price effectively paid at origin per t CO2e");
    t.number("cbam.cscf").unit("1").range(0.0, 1.0).default_note("data/cbam.toml").doc("cross-sectoral correction factor");
    return t.schema();
  }();
  return schema;
}

io::ValueSet read_schema_options(const io::Schema& schema, const OptionTexts& given, core::Diagnostics& d) {
  io::ValueSet values;
  std::vector<std::string> known;
  for (const auto& f : schema.fields()) known.push_back(option_of(f.key));
  for (const auto& [key, text] : given) {
    const io::FieldSpec* spec = schema.find(key);
    if (spec == nullptr) {
      std::string message = "unknown option of '" + schema.name() + "'";
      const std::string hint = core::closest_match(option_of(key), known);
      if (!hint.empty()) message += "; did you mean '" + hint + "'?";
      d.error({option_of(key), 0, 0}, option_of(key), message);
      continue;
    }
    io::FieldSpec f = *spec;
    f.key = option_of(key);
    const bool numeric = !text.empty() && text.find_first_not_of("+-.0123456789eE") == std::string::npos;
    if (auto v = io::convert_input(f, text, !numeric, {f.key, 0, 0}, d)) {
      v->origin = io::Origin::kCommandLine;
      values.set(key, std::move(*v));
    }
  }
  io::fill_defaults(schema, values);
  return values;
}

}  // namespace potline::api

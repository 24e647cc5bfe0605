// A retrofit's new cells and their anode-effect record (user trial 11, T11-5): the case's
// [emissions] describe the old cells; the plant after the retrofit takes retrofit.aem or
// retrofit.technology's class default (plant/smelter_pfc_default.cpp). docs/model/economics.md.
#include "retrofit_pfc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "potline/plant/smelter.hpp"

namespace potline::finance::detail {
namespace {

// The anode-effect record of the new cells (T11-5): the case's emissions.aem (ae_frequency x
// ae_duration, aeo, from_simulation) and class describe the old cells. With retrofit.aem the new
// cells take it (slope method); with retrofit.technology and no retrofit.aem, the PFC default of
// smelter/invest for potline.technology (plant/smelter_pfc_default.cpp: the class's AEM of
// data/fleet-anode-effects.toml). A pfc_method = "tier1" of the case stays (an inventory choice,
// not a record of the cells). Without either, the old record stays, with a note
// (note_pfc_by_plan).
constexpr const char* kOldCellRecord[] = {"emissions.aem", "emissions.ae_frequency",
                                          "emissions.ae_duration", "emissions.aeo",
                                          "emissions.from_simulation"};

}  // namespace

io::ValueSet new_cells_anode_effects(const io::ValueSet& user, const io::ValueSet& after) {
  const bool technology = !user.text("retrofit.technology").empty();
  const bool own_class = user.has("retrofit.technology_class");
  if (!technology && !user.has("retrofit.aem") && !own_class) return after;
  std::set<std::string> record(std::begin(kOldCellRecord), std::end(kOldCellRecord));
  // The new cells' class is never the old cells' emissions.technology_class (user trial T12-6: the
  // AP60 retrofit's retrofit.aem = 0.015 was priced with CWPB's IPCC 2006 slope coefficient).
  record.insert("emissions.technology_class");
  if (user.text("emissions.pfc_method") != "tier1") record.insert("emissions.pfc_method");
  io::ValueSet out;
  for (const auto& [k, x] : after.all()) {
    if (!record.count(k)) out.set(k, x);
  }
  if (user.has("retrofit.aem")) out.set("emissions.aem", *user.get("retrofit.aem"));
  if (own_class) {
    out.set("emissions.technology_class", *user.get("retrofit.technology_class"));
  } else if (!technology) {
    // Without retrofit.technology the new cells' class is the schema's stated default (estimate:
    // point-fed prebake, the cells every retrofit installs; invest_case.cpp, retrofit.technology_class).
    io::Value modern;
    modern.text = kNewCellsDefaultClass;
    modern.origin = io::Origin::kCalibrated;
    out.set("emissions.technology_class", modern);
  }
  return out;
}

void name_new_cells_class(const io::ValueSet& user, plant::SmelterCase& operating) {
  const bool technology = !user.text("retrofit.technology").empty();
  const bool own_class = user.has("retrofit.technology_class");
  if (!technology && !own_class && !user.has("retrofit.aem")) return;  // the old cells' record and class
  if (operating.inputs.inert_anode || operating.pfc_basis.find("class") != std::string::npos) return;
  const std::string origin =
      own_class    ? std::string("retrofit.technology_class")
      : technology ? "retrofit.technology " + user.text("retrofit.technology")
                   : std::string("the default of retrofit.technology_class: an estimate, the point-fed prebake cells a "
                                 "retrofit installs");
  operating.pfc_basis += fmt::format("; the new cells' class {} ({})",
                                     plant::to_string(operating.inputs.emissions.technology), origin);
}

// A retrofit's PFC and direct emissions by plan (T11-5): the EU ETS and CBAM of each plan are
// charged on its own (investment.cpp, operate); the note says what each plan's PFC rests on.
void note_pfc_by_plan(const io::ValueSet& user, InvestCase& c) {
  const bool new_cells = !user.text("retrofit.technology").empty() || user.has("retrofit.sec_ac");
  if (!c.existing || !new_cells) return;
  const plant::SmelterResult before = plant::evaluate(c.existing->inputs);
  const plant::SmelterResult after = plant::evaluate(c.operating.inputs);
  std::string note = fmt::format(
      "PFC by plan: the old cells {:.3f} t CO2e/t ({}), the new cells {:.3f} ({}); direct "
      "emissions {:.3f} t CO2e/t keeping the old cells, {:.3f} after the retrofit, each plan's "
      "EU ETS and CBAM on its own",
      before.emissions.pfc_co2e, c.existing->pfc_basis, after.emissions.pfc_co2e,
      c.operating.pfc_basis, before.emissions.direct, after.emissions.direct);
  const bool old_record =
      std::any_of(std::begin(kOldCellRecord), std::end(kOldCellRecord), [&](const char* k) {
        const io::Value* v = user.get(k);
        return v != nullptr && v->origin != io::Origin::kDefault;
      });
  if (user.text("retrofit.technology").empty() && !user.has("retrofit.aem") &&
      !user.has("retrofit.technology_class") && old_record &&
      !c.operating.inputs.inert_anode)
    note +=
        "; the new cells keep the old cells' anode-effect record (emissions inputs of the case): "
        "give retrofit.aem, retrofit.technology or retrofit.technology_class for theirs";
  c.operating.notes.push_back(note);
}

}  // namespace potline::finance::detail

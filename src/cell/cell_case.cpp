#include "potline/cell/cell_case.hpp"

#include <fmt/format.h>

#include "potline/cell/anode_inputs.hpp"
#include "potline/cell/bath_origin.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/published_bound.hpp"
#include "potline/purity/purity_schema.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/core/constants.hpp"

namespace potline::cell {
namespace {

core::SourceLocation location_of(const io::ValueSet& values, const std::string& key) {
  const io::Value* v = values.get(key);
  return v == nullptr ? core::SourceLocation{} : v->location;
}

// Technology parameters, its published line current as the operating and nominal current,
// then schema defaults.
io::ValueSet technology_baseline(const Technology& tech) {
  io::ValueSet values;
  for (const auto& p : tech.parameters) values.set(p.key, p.value);
  if (tech.line_current_A) {
    io::Value current;
    current.number = tech.line_current_A->value;
    current.origin = io::Origin::kTechnology;
    if (!values.has("operation.line_current")) values.set("operation.line_current", current);
    if (!values.has("design.nominal_current")) values.set("design.nominal_current", current);
  }
  io::Value id;
  id.text = tech.id;
  id.origin = io::Origin::kTechnology;
  values.set("case.technology", id);
  io::fill_defaults(cell_schema(), values);
  return values;
}

// Faraday: CE = production / (I·M_Al/3F·day). A production published as a lower bound ("> 4.5 t/d")
// bounds the CE from below only: the technology's labelled CE estimate is used when it meets the
// bound (AP60-600: its first generation's measured 95.9 % against ≥ 93.1 %), the bound itself
// otherwise, and the notes say which (user trial 2026-12-05, item J).
double current_efficiency_from_production(const Technology& tech, std::vector<std::string>& notes) {
  const double faraday_ce = tech.production_kg_per_day->value /
                            (faraday_production_kg_per_s(tech.line_current_A->value, 1.0) * constants::kSecondsPerDay);
  const PublishedBound bound = published_bound(*tech.production_kg_per_day);
  const auto& estimate = tech.estimated_current_efficiency;
  if (bound == PublishedBound::kLower && estimate && estimate->value >= faraday_ce) {
    notes.push_back(fmt::format("the published {} per pot-day is a lower bound (current efficiency at least {:.1f} %, "
                                "Faraday); the calibration takes the estimated {} ({})",
                                tech.production_kg_per_day->text, faraday_ce * 100, estimate->text, estimate->source));
    return estimate->value;
  }
  const char* kind = bound == PublishedBound::kLower   ? ", a lower bound, so the CE is one too, not a measured figure"
                     : bound == PublishedBound::kUpper ? ", an upper bound, so the CE is one too, not a measured figure"
                                                       : "";
  notes.push_back(fmt::format("current efficiency {:.1f} % derived from the published {} per pot-day (Faraday){}",
                              faraday_ce * 100, tech.production_kg_per_day->text, kind));
  return faraday_ce;
}

// The operating point to calibrate against: published numbers first; CE from production per
// pot-day by Faraday; a labelled estimate of CE last. AC specific energy is brought to DC with the
// rectifier efficiency (plant auxiliaries are not separated: stated in the notes).
PublishedPoint published_point(const Technology& tech, double rectifier_efficiency,
                               std::vector<std::string>& notes) {
  PublishedPoint p;
  if (tech.voltage_V) p.voltage_V = tech.voltage_V->value;
  if (tech.current_efficiency) p.current_efficiency = tech.current_efficiency->value;
  if (tech.sec_dc_J_per_kg) {
    p.sec_dc_J_per_kg = tech.sec_dc_J_per_kg->value;
    if (tech.sec_dc_J_per_kg->assumed_basis) {
      notes.push_back(fmt::format("published SEC {} taken as DC at the cell: the source does not say",
                                  tech.sec_dc_J_per_kg->text));
    }
  } else if (tech.sec_ac_J_per_kg) {
    p.sec_dc_J_per_kg = tech.sec_ac_J_per_kg->value * rectifier_efficiency;
    notes.push_back(fmt::format(
        "published SEC {} taken as AC{} and converted to DC with the rectifier efficiency {:.3f} "
        "(plant auxiliaries, if included in the figure, are not separated)",
        tech.sec_ac_J_per_kg->text,
        tech.sec_ac_J_per_kg->assumed_basis ? " (the source does not say)" : "", rectifier_efficiency));
  }
  if (!p.current_efficiency && tech.production_kg_per_day && tech.line_current_A) {
    p.current_efficiency = current_efficiency_from_production(tech, notes);
  }
  const bool two_of_three = (p.voltage_V && p.sec_dc_J_per_kg);
  if (!p.current_efficiency && !two_of_three && tech.estimated_current_efficiency) {
    p.current_efficiency = tech.estimated_current_efficiency->value;
    notes.push_back("current efficiency " + tech.estimated_current_efficiency->text + " is an " +
                    tech.estimated_current_efficiency->source);
  }
  return p;
}

void set_calibrated(io::ValueSet& values, const std::string& key, double number) {
  io::Value v;
  v.number = number;
  v.origin = io::Origin::kCalibrated;
  values.set(key, v);
}

}  // namespace

bool values_to_inputs(const io::ValueSet& values, CellDesign& design, ModelConstants& constants,
                      OperatingPoint& op, core::Diagnostics& diagnostics) {
  CellCase c;
  c.design = design;
  c.constants = constants;
  c.op = op;
  bool ok = true;
  auto report_missing = [&](const io::FieldSpec& f) {
    diagnostics.error({}, f.key,
                      "required: give it in the case file or with --set" +
                          std::string(!f.unit.empty() && f.unit != "1" ? " (in " + f.unit + ")" : "") +
                          ", or choose a technology with case.technology");
    ok = false;
  };
  for (const io::FieldSpec* f : cell_table().bind(values, c)) report_missing(*f);
  // The drops are stated at the nominal current; the model takes them as resistances.
  const double nominal = values.maybe_number("design.nominal_current").value_or(c.op.line_current_A);
  double drops[3] = {0.0, 0.0, 0.0};
  const char* drop_keys[3] = {"design.anode_drop", "design.cathode_drop", "design.external_drop"};
  for (int i = 0; i < 3; ++i) {
    if (const auto x = values.maybe_number(drop_keys[i])) {
      drops[i] = *x;
    } else {
      report_missing(*cell_schema().find(drop_keys[i]));
    }
  }
  if (nominal > 0.0) {
    c.design.anode_resistance_ohm = drops[0] / nominal;
    c.design.cathode_resistance_ohm = drops[1] / nominal;
    c.design.external_resistance_ohm = drops[2] / nominal;
  }
  design = c.design;
  constants = c.constants;
  op = c.op;
  return ok;
}

std::string estimated_acd_note(const std::string& id) {
  return "technology '" + id + "' has no published voltage or SEC to calibrate the ACD against; ACD 4.5 cm is an "
         "estimate (middle of 3–6 cm)";
}

std::vector<std::string> catalogue_caveats(const CellCase& c) {
  std::vector<std::string> out;
  if (!c.technology || !c.calibration) return out;
  for (const auto& p : c.calibration->problems)
    out.push_back("technology '" + c.technology->id + "' is implausibly calibrated: " + p);
  const std::string estimated = estimated_acd_note(c.technology->id);
  for (const auto& n : c.calibration->notes)
    if (n == estimated) out.push_back(n);
  return out;
}

std::optional<CellCase> technology_case(const Technology& tech, const TechnologyCatalogue&,
                                        core::Diagnostics& diagnostics) {
  CellCase c;
  c.technology = tech;
  c.title = tech.name;
  c.values = technology_baseline(tech);
  const bool acd_published = tech.parameter("operation.acd") != nullptr;
  if (!acd_published) {
    // A provisional ACD so that the inputs are complete; calibration replaces it.
    set_calibrated(c.values, "operation.acd", 0.045);
  }
  core::Diagnostics local;
  if (!values_to_inputs(c.values, c.design, c.constants, c.op, local)) {
    for (const auto& d : local.items()) {
      diagnostics.error(tech.location, d.key,
                        "technology '" + tech.id + "' cannot be evaluated: " + tech.location.file +
                            " has no value (published or estimated) for this parameter; "
                            "'potline technologies' shows which technologies are complete");
    }
    return std::nullopt;
  }
  std::vector<std::string> notes;
  const PublishedPoint point = published_point(tech, c.design.rectifier_efficiency, notes);
  c.calibration = calibrate(c.design, c.constants, c.op, point, acd_published);
  c.calibration->notes.insert(c.calibration->notes.begin(), notes.begin(), notes.end());
  if (c.calibration->acd_m) {
    set_calibrated(c.values, "operation.acd", *c.calibration->acd_m);
    c.op.acd_m = *c.calibration->acd_m;
  } else if (!acd_published) {
    // A caveat of the catalogue's own data, whatever the input: a note of every command that runs the
    // cell (catalogue_caveats), not a warning at the data file's line (user trial T19-10).
    c.calibration->notes.push_back(estimated_acd_note(tech.id));
  }
  if (c.calibration->cathode_resistance_ohm) {
    c.design.cathode_resistance_ohm = *c.calibration->cathode_resistance_ohm;
    const double nominal = c.values.maybe_number("design.nominal_current").value_or(c.op.line_current_A);
    set_calibrated(c.values, "design.cathode_drop", *c.calibration->cathode_resistance_ohm * nominal);
  }
  if (c.calibration->dewing_constant) {
    set_calibrated(c.values, "model.current_efficiency_constant", *c.calibration->dewing_constant);
    c.constants.dewing_constant = *c.calibration->dewing_constant;
  }
  if (c.calibration->mass_transfer_coefficient) {
    set_calibrated(c.values, "model.mass_transfer_coefficient", *c.calibration->mass_transfer_coefficient);
    c.constants.mass_transfer.coefficient_m_per_s = *c.calibration->mass_transfer_coefficient;
  }
  return c;
}

bool check_technology_name(const io::ValueSet& user_values, const TechnologyCatalogue& catalogue,
                           core::Diagnostics& diagnostics) {
  const std::string tech_name = user_values.text("case.technology");
  if (tech_name.empty() || catalogue.find(tech_name) != nullptr) return true;
  std::string message = "unknown technology '" + tech_name + "'";
  const std::string hint = core::closest_match(tech_name, catalogue.ids());
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  // No close match: the ids, as every unknown name of at most 60 candidates (docs audit DA19-40).
  if (hint.empty()) {
    std::string known;
    for (const auto& id : catalogue.ids()) known += (known.empty() ? "" : ", ") + id;
    message += " (known: " + known + ")";
  }
  message += "; 'potline technologies' lists them";
  diagnostics.error(location_of(user_values, "case.technology"), "case.technology", message);
  return false;
}

std::optional<CellCase> build_cell_case(const io::ValueSet& user_values,
                                        const TechnologyCatalogue& catalogue,
                                        core::Diagnostics& diagnostics, const CellCaseOptions& options) {
  CellCase c;
  const std::string tech_name = user_values.text("case.technology");
  if (!tech_name.empty()) {
    const Technology* tech = catalogue.find(tech_name);
    if (tech == nullptr) {
      check_technology_name(user_values, catalogue, diagnostics);
      return std::nullopt;
    }
    auto base = technology_case(*tech, catalogue, diagnostics);
    if (!base) return std::nullopt;
    c = std::move(*base);
  } else {
    io::fill_defaults(cell_schema(), c.values);
  }
  for (const auto& [key, value] : user_values.all()) c.values.set(key, value);
  c.title = c.values.text("case.title", c.title);

  if (!values_to_inputs(c.values, c.design, c.constants, c.op, diagnostics)) return std::nullopt;
  {
    CellCase bound;  // the purity inputs (values_to_inputs fills design, constants and operation)
    cell_table().bind(c.values, bound);
    c.purity = bound.purity;
  }

  // Cross-field checks.
  const std::size_t errors_before = diagnostics.error_count();
  check_anode_inputs(c.values, c.constants.anode_type, diagnostics);
  purity::check_purity_inputs(c.values, c.purity, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  const double components = 100.0 - c.op.bath.cryolite_wt();
  if (c.op.bath.cryolite_wt() < 0.0) {
    diagnostics.error(location_of(c.values, "bath.alumina"), "bath",
                      fmt::format("bath components (Al2O3, AlF3, CaF2, MgF2, LiF, KF) sum to {:.4g} wt%, "
                                  "more than 100 wt%; cryolite is the rest and cannot be negative",
                                  components));
    return std::nullopt;
  }
  const bath::Properties props = bath::evaluate(c.op.bath, c.op.bath_temperature_K, c.constants.conductivity);
  // A temperature solved from the heat balance is checked by the caller at the solved state.
  if (props.superheat_K < 0.0 && !options.temperature_from_heat_balance) {
    // Placed at the composition key given with --set when that was the change, and naming where each
    // part came from (a --set #1 bath.alf3=0.11 was blamed on the case file's temperature line).
    const BathBlame blame = bath_blame(c.values);
    diagnostics.error(blame.location, blame.key,
                      fmt::format("bath temperature {:.1f} °C ({}) is below the liquidus {:.{}f} °C (Solheim et al. "
                                  "1996) of this bath: {}; the bath would freeze; raise the temperature or change "
                                  "the composition",
                                  c.op.bath_temperature_K - 273.15, value_origin(c.values, "operation.bath_temperature"),
                                  props.liquidus_K - 273.15, props.superheat_K > -0.05 ? 2 : 1,
                                  bath_composition_origins(c.values)));
    return std::nullopt;
  }
  const double geometric = anode_area_m2(c.design);
  if (c.design.cathode_area_m2 < 0.5 * geometric) {
    diagnostics.warning(location_of(c.values, "design.cathode_area"), "design.cathode_area",
                        fmt::format("cathode area {:.3g} m2 is less than half the anode area {:.3g} m2",
                                    c.design.cathode_area_m2, geometric));
  }
  return c;
}

}  // namespace potline::cell

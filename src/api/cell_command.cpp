// potline cell as a library function (see case_commands.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "cell_thermal.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/bath/liquidus.hpp"
#include "potline/bath/properties.hpp"
#include "potline/bath/validity.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"
#include "potline/cell/report.hpp"
#include "potline/core/units.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/csv.hpp"

namespace potline::api {
namespace {

cell::TechnologyCatalogue load_catalogue(const CaseSource& source) {
  core::Diagnostics diagnostics;
  auto catalogue = cell::TechnologyCatalogue::load(source.data() + "/technologies.toml", diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  return catalogue;
}

// The case file (or text), --technology and the --set overrides, as user values.
io::ValueSet read_user_values(const CaseSource& source, const std::string& technology, core::Diagnostics& diagnostics) {
  const io::Schema& schema = cell::cell_schema();
  io::ValueSet user;
  if (source.text) {
    io::read_case_text(*source.text, source.display_name, schema, user, diagnostics);
  } else if (!source.path.empty()) {
    io::read_case_file(source.path, schema, user, diagnostics);
  }
  set_technology_option(technology, user);
  if (!source.given() && technology.empty()) {
    diagnostics.error({}, "", "give a case file (potline cell CASE.toml) or --technology NAME; "
                              "'potline technologies' lists the technologies, "
                              "'potline template cell' writes a starter case");
  }
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < source.sets.size(); ++i) {
    if (auto ov = io::parse_override(source.sets[i], static_cast<int>(i + 1), diagnostics)) overrides.push_back(*ov);
  }
  io::apply_overrides(overrides, schema, user, diagnostics);
  return user;
}

std::optional<double> read_target_voltage(const std::string& text, core::Diagnostics& diagnostics) {
  if (text.empty()) return std::nullopt;
  // Through the schema path, so a bad unit or value reads as for a case field ("unit 'cm' (a length)
  // cannot be converted to V (a voltage) ...", not the SI dimensions it printed before).
  io::FieldSpec field;
  field.key = "target-voltage";
  field.unit = "V";
  field.internal_unit = "V";
  field.min = 0.0;
  field.min_exclusive = true;
  field.max = 100.0;
  field.max_exclusive = true;
  field.description = "cell voltage to solve the ACD for";
  const auto v = io::convert_input(field, text, false, {"--target-voltage", 0, 0}, diagnostics);
  if (!v) return std::nullopt;
  return v->number;
}

// Sets the ACD that gives `target_V`, recorded as a calibrated input; returns the note saying so (a
// successful solve doubts no input: a note since user trial T17-12, a warning before).
std::string solve_target_voltage(cell::CellCase& c, double target_V, core::Diagnostics& diagnostics) {
  const cell::AcdSolve solve = cell::solve_acd_for_voltage(c.design, c.constants, c.op, target_V);
  if (!solve.converged) {
    diagnostics.error({"--target-voltage", 0, 0}, "target-voltage", solve.failure);
    throw core::InputError(diagnostics);
  }
  c.op.acd_m = solve.acd_m;
  io::Value v;
  v.number = solve.acd_m;
  v.origin = io::Origin::kCalibrated;
  v.location = {"--target-voltage", 0, 0};
  c.values.set("operation.acd", v);
  return fmt::format("ACD solved for {:.4g} V (--target-voltage): operation.acd = {:.3f} cm ({} evaluations)", target_V,
                     solve.acd_m * 100, solve.evaluations);
}

// A bath correlation used outside its validity range ("... used outside its validity range: AlF3 = 30 wt%
// (valid 0–20 wt%)"): the key of the value given (--set, else the case file) that put it there, the last
// --set first; empty when none was given (user trial T18-6: unlocated, so Python issued no InputWarning).
std::string validity_key(const std::string& sentence, const io::ValueSet& values) {
  if (sentence.find(" used outside its validity range: ") == std::string::npos) return {};
  static const std::pair<const char*, const char*> kNames[] = {
      {"AlF3 = ", "bath.alf3"}, {"CaF2 = ", "bath.caf2"}, {"LiF = ", "bath.lif"},    {"MgF2 = ", "bath.mgf2"},
      {"KF = ", "bath.kf"},     {"Al2O3 = ", "bath.alumina"}, {": t = ", "operation.bath_temperature"},
      {"; t = ", "operation.bath_temperature"}};
  std::string best;
  int best_rank = -1;
  for (const auto& [name, key] : kNames) {
    if (sentence.find(name) == std::string::npos) continue;
    const io::Value* v = values.get(key);
    if (v == nullptr || v->location.file.empty()) continue;
    int rank = -1;
    if (v->origin == io::Origin::kCommandLine)
      rank = 1 + std::atoi(v->location.file.c_str() + std::min(v->location.file.size(), v->location.file.find('#') + 1));
    else if (v->origin == io::Origin::kCaseFile)
      rank = 0;
    if (rank > best_rank) best = key, best_rank = rank;
  }
  return best;
}

// The unlocated validity warnings of run.warnings[from..] (collect_warnings' bath sentences) placed at
// the value that caused them, as bath.alumina's saturation (T17-1, T18-6).
void place_validity_warnings(CellRun& run, std::size_t from) {
  for (std::size_t i = from; i < run.warnings.size() && i < run.located_warnings.size(); ++i) {
    const std::string key = validity_key(run.warnings[i], run.c.values);
    if (key.empty()) continue;
    const core::SourceLocation& where = run.c.values.get(key)->location;
    run.located_warnings[i] = core::Diagnostic{core::Severity::kWarning, where, key, run.warnings[i]}.to_string();
    run.warnings[i] = where.to_string() + ": " + key + ": " + run.warnings[i];
  }
}

}  // namespace

namespace {
// run_cell without the located_at_case wrapper.
CellRun run_cell_here(const CaseSource& source, const std::string& technology, const std::string& target_voltage,
                      bool thermal, const HeldAcd* held = nullptr) {
  core::Diagnostics diagnostics;
  const io::ValueSet user = read_user_values(source, technology, diagnostics);
  const std::optional<double> target_V = read_target_voltage(target_voltage, diagnostics);
  if (const io::Value* acd = user.get("operation.acd"); target_V && acd && acd->origin == io::Origin::kCommandLine) {
    // Two inputs that fix the ACD: the --set was dropped without a word (user trial T19-11).
    diagnostics.error(acd->location, "operation.acd",
                      fmt::format("{:.4g} cm and --target-voltage {:.4g} V both fix the ACD (--target-voltage solves "
                                  "operation.acd for that cell voltage): give one of them",
                                  acd->number * 100, *target_V));
  }
  if (diagnostics.has_errors()) {
    // An unknown technology is said with the other input errors, not in a second run (a case with
    // `technology = "AP4"` and a bad unit gave only the unit error first). build_cell_case says the
    // same when it is the only error.
    if (!user.text("case.technology").empty()) cell::check_technology_name(user, load_catalogue(source), diagnostics);
    throw core::InputError(diagnostics);
  }

  const cell::TechnologyCatalogue catalogue = load_catalogue(source);
  // --thermal calibrates a catalogue technology at its catalogue point, a case file with --set at the file
  // as written: the bath temperature is solved there (cell_thermal_summary checks the solved state).
  cell::CellCaseOptions options;
  options.temperature_from_heat_balance =
      thermal && (!user.text("case.technology").empty() || (source.given() && !source.sets.empty()));
  auto built = cell::build_cell_case(user, catalogue, diagnostics, options);
  if (!built || diagnostics.has_errors()) throw core::InputError(diagnostics);
  CellRun run{std::move(*built), {}, {}, {}, catalogue.path(), {}};
  std::string solved;
  const io::Value* file_acd = run.c.values.get("operation.acd");
  const std::optional<double> written_acd_m =
      file_acd && file_acd->origin == io::Origin::kCaseFile ? std::optional<double>(file_acd->number) : std::nullopt;
  if (target_V) solved = solve_target_voltage(run.c, *target_V, diagnostics);
  if (target_V && written_acd_m)  // the case file's ACD is replaced: say so (T19-11)
    solved += fmt::format("; it replaces the case file's operation.acd = {:.3f} cm", *written_acd_m * 100);
  if (held) {  // another current: the ACD simulate's pot control settles at (T17-5, T18-2, T19-1)
    run.c.op.acd_m = held->acd_m;
    io::Value v;
    v.number = held->acd_m;
    v.origin = io::Origin::kCalibrated;
    v.location = {thermal ? "--thermal" : "operation.line_current", 0, 0};
    run.c.values.set("operation.acd", v);
    solved = held->note;
  }

  run.result = cell::evaluate(run.c.design, run.c.constants, run.c.op);
  // Alumina at or above saturation at the case's temperature: a warning of bath.alumina, at its place
  // (user trial T17-1: "warning: Alumina 20 wt% is at or above ..." named neither place nor key).
  if (run.result.bath.flags & bath::kAboveSaturation) {
    const io::Value* alumina = run.c.values.get("bath.alumina");
    for (const auto& sentence : bath::describe(bath::kAboveSaturation, run.c.op.bath, run.c.op.bath_temperature_K))
      diagnostics.warning(alumina != nullptr ? alumina->location : core::SourceLocation{}, "bath.alumina", sentence);
  }
  run.warnings = cell::collect_warnings(run.c, run.result, diagnostics);
  run.located_warnings = located_warnings(diagnostics, {&run.c.values}, source);
  // collect_warnings: the diagnostics' warnings first, then the bath's and the cell's state (no place).
  const std::size_t unplaced = run.located_warnings.size();
  for (std::size_t i = run.located_warnings.size(); i < run.warnings.size(); ++i)
    run.located_warnings.push_back("warning: " + run.warnings[i]);  // as core::Diagnostic prints one with no place
  place_validity_warnings(run, unplaced);
  std::vector<std::string> notes = cell::collect_notes(run.c, run.result);
  if (!solved.empty()) notes.insert(notes.begin(), solved);
  // T8-9: the Dewing CE away from the technology's calibration current.
  if (run.c.technology && run.c.technology->line_current_A) {
    if (auto note = cell::dewing_current_note(run.c.constants.current_efficiency_model, run.c.op.line_current_A,
                                              run.c.op.line_current_A, run.c.technology->line_current_A->value,
                                              "line current"))
      notes.push_back(std::move(*note));
  }
  run.summary = cell::cell_result_json(run.c, run.result, run.warnings, notes);
  if (target_V) run.summary["target_voltage_V"] = *target_V;
  return run;
}

// More than this share off the technology's operating point's heat loss, the held bath temperature
// is no state the cell stays in (estimate: a rule of the check, the text's note since 2026-12-05; not
// a published figure; `--thermal` solves the state).
constexpr double kHeldLossTolerance = 0.25;

// T14-1: the isothermal cell holds the bath at its input temperature, so its heat loss is whatever
// closes the balance: at 340 kA and the catalogue ACD it lost 540 kW against AP40's 778 kW, and its
// 11.93 kWh/kg DC read as a 12 % saving in --json, Python and --vary, where only the text said the cell
// would cool. The JSON says it too: design_heat_loss_kW, operating_point, and a warning.
void check_held_heat_loss(CellRun& run, const CaseSource& source, bool thermal) {
  if (!run.c.technology) {
    run.summary["design_heat_loss_kW"] = nullptr;
    run.summary["operating_point"] = nullptr;  // no reference point to judge the held state by
    return;
  }
  const CellRun catalogue =
      run_cell_here(CaseSource{"", std::nullopt, "", {}, source.data_dir}, run.c.technology->id, "", false);
  const double design_W = catalogue.result.energy.heat_loss_W, loss_W = run.result.energy.heat_loss_W;
  const bool held = design_W > 0.0 && std::abs(loss_W / design_W - 1.0) <= kHeldLossTolerance;
  run.summary["design_heat_loss_kW"] = design_W / 1e3;
  run.summary["operating_point"] = held;
  if (held || design_W <= 0.0) return;
  // A negative loss is a deficit: the cell would need heat from outside (trial 7, T7-11).
  const auto kw = [](double W) {
    return std::abs(W) >= 1e4 ? fmt::format("{:.0f}", W / 1e3) : fmt::format("{:.3g}", W / 1e3);
  };
  const std::string loss = loss_W >= 0.0 ? "heat loss " + kw(loss_W) + " kW"
                                         : "a heat deficit of " + kw(-loss_W) + " kW (no heat loss)";
  const std::string message = fmt::format(
      "{} against {:.0f} kW at {}'s operating point: with the bath held at {:.1f} °C the loss is what closes the "
      "balance, and a cell run so would {}, so voltage, CE and SEC here are no operating point ({})",
      loss, design_W / 1e3, run.c.technology->id, run.c.op.bath_temperature_K - 273.15,
      loss_W > design_W ? "heat up" : "cool and grow ledge",
      thermal ? "the thermal steady state solves the bath temperature and ledge" : "--thermal solves the bath "
                                                                                 "temperature and ledge");
  run.warnings.push_back(message);
  run.summary["warnings"].push_back(message);
  run.located_warnings.push_back("warning: " + message);  // about no single input
}

// T19-24: excess AlF3 moved from the design point's with the bath held at its temperature: Dewing's
// CE sees the superheat rise as the liquidus falls (about 5 K per wt%) and lowers the CE, against
// the published direction ([Arthur 1974]: acid baths dissolve less metal;
// docs/model/current-efficiency.md), and nothing said so, as the ACD and current notes do.
void add_held_alf3_note(CellRun& run, const CaseSource& source) {
  if (run.c.constants.current_efficiency_model != cell::CurrentEfficiencyModel::kDewing) return;
  const ThermalDesign d = thermal_design_point(run, source);
  const double alf3 = run.c.op.bath.alf3_excess_wt, design_alf3 = d.op.bath.alf3_excess_wt;
  if (std::abs(alf3 - design_alf3) < 0.05) return;
  cell::OperatingPoint at_design = run.c.op;
  at_design.bath.alf3_excess_wt = design_alf3;
  const double ce = run.result.current_efficiency;
  const double design_ce =
      cell::evaluate(run.c.design, run.c.constants, at_design).current_efficiency;
  if (std::abs(ce - design_ce) < 5e-4 || (ce < design_ce) != (alf3 > design_alf3)) return;
  const double t_K = run.c.op.bath_temperature_K;
  const std::string note = fmt::format(
      "excess AlF3 {:.1f} wt% (bath.alf3) against the design point's {:.1f} wt% with the bath held "
      "at {:.1f} °C: "
      "the default Dewing CE moves with the superheat, which the {} liquidus {} ({:+.1f} K), so it "
      "reads {:.1f} % "
      "against {:.1f} % at {:.1f} wt% — the published direction is the opposite ({} baths dissolve "
      "{} metal); "
      "--thermal solves the bath temperature, which follows the liquidus, and "
      "model.current_efficiency_model = "
      "\"mass_transfer\" takes the bath ratio (docs/model/current-efficiency.md, \"Which model\")",
      alf3, design_alf3, t_K - 273.15, alf3 > design_alf3 ? "lower" : "higher",
      alf3 > design_alf3 ? "raises" : "lowers",
      bath::liquidus_K(at_design.bath) - bath::liquidus_K(run.c.op.bath), 100 * ce, 100 * design_ce,
      design_alf3, alf3 > design_alf3 ? "more acid" : "less acid",
      alf3 > design_alf3 ? "less" : "more");
  run.summary["notes"].push_back(note);
}
}  // namespace

CellRun run_cell(const CaseSource& source, const std::string& technology, const std::string& target_voltage,
                 bool thermal) {
  return located_at_case(source, [&] {
    CellRun run = run_cell_here(source, technology, target_voltage, thermal);
    // At another line current: at the ACD simulate starts such a case at, with or without --thermal
    // (user trials T17-5, T18-2: `cell --thermal` at 420 kA held the catalogue ACD, ledge 3.1 cm
    // outside the safe window, where simulate and smelter settle the cell at 3.36 cm, ledge 5.8 cm;
    // T19-1: plain `cell` kept it, 13.90 kWh/kg AC against 13.35 from every other command). An ACD
    // given (operation.acd, or solved by --target-voltage) is held.
    // A bare `--technology T` is its catalogue point, the design point itself (and
    // thermal_design_point runs it: asking it again would recurse).
    const bool design_point = !source.given() && source.sets.empty();
    if (target_voltage.empty() && !design_point)
      if (const auto held = controlled_thermal_acd(run, source))
        run = run_cell_here(source, technology, target_voltage, thermal, &*held);
    if (!thermal && !design_point)
      add_held_alf3_note(run, source);  // --thermal solves the temperature
    check_held_heat_loss(run, source, thermal);
    return run;
  });
}

Tables CellRun::tables() const {
  return {{"breakdown.csv", cell::breakdown_csv(result)},
          {"energy.csv", cell::energy_csv(result)},
          {"inputs.csv", cell::inputs_csv(c)},
          {"published.csv", published_point_csv(*this)}};
}

namespace {

// What each published number is to the model (T7-24): the calibration fits the ACD (or the cathode
// drop) to the voltage and the CE constant to the CE, with Faraday closing V, CE and SEC when one of
// the three is missing (cell::calibrate); the case runs at the published line current. A number the
// calibration used agrees by construction at the published point; only the others test the model.
constexpr const char* kCalibrationTarget = "calibration target (0 % by construction at the published point)";
constexpr const char* kCaseInput = "input (the case runs at it)";
constexpr const char* kIndependent = "independent of the calibration";

std::string published_basis(const cell::Technology& t, const std::string& model_key) {
  const bool ce_from_production = !t.current_efficiency && t.production_kg_per_day && t.line_current_A;
  const bool voltage_and_ce = t.voltage_V && (t.current_efficiency || ce_from_production);
  if (model_key == "current_kA") return kCaseInput;
  if (model_key == "voltage_V" || model_key == "current_efficiency") return kCalibrationTarget;
  if (model_key == "sec_dc_kWh_per_kg") return voltage_and_ce ? kIndependent : kCalibrationTarget;
  if (model_key == "sec_ac_kWh_per_kg") return voltage_and_ce || t.sec_dc_J_per_kg ? kIndependent : kCalibrationTarget;
  if (model_key == "production_kg_per_day") return ce_from_production ? kCalibrationTarget : kIndependent;
  return kIndependent;
}

}  // namespace

std::string published_point_csv(const CellRun& run) {
  using Published = std::optional<cell::PublishedValue>;
  const cell::Technology* tech = run.c.technology ? &*run.c.technology : nullptr;
  const auto published = [tech](Published cell::Technology::*member) { return tech ? tech->*member : Published(); };
  struct Row {
    const char* quantity;
    const char* unit;
    const char* model_key;  // in the summary
    double summary_scale;   // summary value -> unit
    Published value;
    double si_scale;        // SI (catalogue) -> unit
  };
  const Row rows[] = {
      {"Line current", "kA", "current_kA", 1.0, published(&cell::Technology::line_current_A), 1e-3},
      {"Cell voltage", "V", "voltage_V", 1.0, published(&cell::Technology::voltage_V), 1.0},
      {"Current efficiency", "%", "current_efficiency", 100.0, published(&cell::Technology::current_efficiency), 100.0},
      {"Specific energy, DC (cell)", "kWh/kg", "sec_dc_kWh_per_kg", 1.0, published(&cell::Technology::sec_dc_J_per_kg),
       1.0 / constants::kJoulePerKWh},
      {"Specific energy, AC (plant)", "kWh/kg", "sec_ac_kWh_per_kg", 1.0, published(&cell::Technology::sec_ac_J_per_kg),
       1.0 / constants::kJoulePerKWh},
      {"Production per pot-day", "kg/day", "production_kg_per_day", 1.0,
       published(&cell::Technology::production_kg_per_day), 1.0},
  };
  std::string out = io::csv_row({"Quantity", "Unit", "Model", "Published", "Source", "Note", "Basis"});
  for (const Row& r : rows) {
    const io::Json& m = run.summary.contains(r.model_key) ? run.summary[r.model_key] : io::Json();
    const std::string model = m.is_number() ? fmt::format("{}", m.get<double>() * r.summary_scale) : "";
    std::string note;
    if (r.value) {
      note = r.value->note;
      if (r.value->assumed_basis) {
        note += std::string(note.empty() ? "" : "; ") + "the source does not state DC or AC: the basis is an assumption";
      }
    } else if (!tech) {
      note = "the case names no catalogue technology";
    } else if (std::string(r.model_key) == "current_efficiency" && tech->estimated_current_efficiency) {
      note = "not published; the calibration uses " + tech->estimated_current_efficiency->text + " (" +
             tech->estimated_current_efficiency->source + ")";
    } else {
      note = "not published for " + tech->id;
    }
    out += io::csv_row({r.quantity, r.unit, model, r.value ? fmt::format("{:.12g}", r.value->value * r.si_scale) : "",
                        r.value ? r.value->source : "", note, r.value ? published_basis(*tech, r.model_key) : ""});
  }
  return out;
}

}  // namespace potline::api

// potline simulate as library functions (see simulate_command.hpp).
#include "potline/api/simulate_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <sstream>

#include "potline/bath/liquidus.hpp"
#include "potline/bath/properties.hpp"
#include "potline/bath/validity.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/csv.hpp"
#include "potline/potline/faults_profiles.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/potline/thermal_calibration.hpp"

namespace potline::api {
namespace {

std::string num(double v) {
  if (!std::isfinite(v)) throw core::RunError("a non-finite value reached an output file");
  return fmt::format("{:.10g}", v);
}

// Collects the rows in memory.
class Collector final : public line::Observer {
 public:
  Collector(const line::SimulationCase& c, bool collect) : c_(c), collect_(collect) {
    if (collect_) {
      series_ << timeseries_csv_header();
      events_ << events_csv_header();
    }
  }
  void on_row(const line::Row& r) override {
    watch.on_row(c_, r);
    if (collect_) series_ << timeseries_csv_row(r);
  }
  void on_events(const std::vector<line::Event>& events) override {
    if (collect_) events_ << events_csv_rows(events);
  }
  std::string series() const { return series_.str(); }
  std::string events() const { return events_.str(); }

  CurrentLimitWatch watch;

 private:
  const line::SimulationCase& c_;
  bool collect_;
  std::ostringstream series_, events_;
};

}  // namespace

namespace {
// A case without a technology whose operating point --set changes (operation.*, bath.*) keeps the
// heat-loss network of the case file as written, as `potline cell --thermal` does: calibrated with
// its --set, `--vary operation.line_current=...` on examples/custom-design.toml gave each point the
// same superheat and ledge (each a cell re-lined for it). None when the file alone is no complete case.
std::optional<cell::OperatingPoint> file_design_point(const io::ValueSet& written, const std::vector<io::Override>& sets,
                                                      const cell::TechnologyCatalogue& catalogue) {
  if (!written.text("case.technology").empty()) return std::nullopt;  // the catalogue point
  const bool moves_point = std::any_of(sets.begin(), sets.end(), [](const io::Override& o) {
    return o.key.rfind("operation.", 0) == 0 || o.key.rfind("bath.", 0) == 0;
  });
  if (!moves_point) return std::nullopt;
  core::Diagnostics quiet;
  const auto file_case = cell::build_cell_case(written, catalogue, quiet);
  if (!file_case || quiet.has_errors()) return std::nullopt;
  return file_case->op;
}

std::string hours(double s) { return fmt::format("{:.6g} h", s / 3600.0); }

// Where a key's value came from (case file line or --set #N), or the case when it is a default.
core::SourceLocation where_of(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x != nullptr ? x->location : core::SourceLocation{};
}

bool given(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x != nullptr && x->origin != io::Origin::kDefault;
}

// What the run would silently skip (trial 6, T6-10: "100 d" typed for "100 h"): an outage that starts
// after the end of the run, an output interval longer than the run, current steps after its end.
void check_timing(const line::SimulationCase& c, const io::ValueSet& v, core::Diagnostics& d) {
  const std::string end = fmt::format("the end of the run (run.duration = {})", hours(c.duration_s));
  if (c.schedule.has_outage() && c.schedule.outage_start_s() >= c.duration_s) {
    d.warning(where_of(v, "potline.outage_start"), "potline.outage_start",
              fmt::format("{} is at or after {}: the outage never happens", hours(c.schedule.outage_start_s()), end));
  }
  // The dated disturbances, as the outage (trial 9, T9-6: a feed stop after the end was silent).
  const auto never = [&](const char* key, double start_s, const char* what) {
    if (start_s >= 0.0 && start_s >= c.duration_s && given(v, key)) {
      d.warning(
          where_of(v, key), key,
          fmt::format("{} is at or after {}: the {} never happens", hours(start_s), end, what));
    }
  };
  never("disturbance.feed_stop_start", c.control.feed_stop_start_s, "feed stop");
  never("disturbance.anode_problem_start", c.upsets.anode_problem_start_s, "anode problem");
  never("disturbance.cover_loss_start", c.upsets.cover_loss_start_s, "cover loss");
  if (given(v, "run.output_interval") && c.output_interval_s >= c.duration_s) {
    d.warning(where_of(v, "run.output_interval"), "run.output_interval",
              fmt::format("{} is not shorter than the run (run.duration = {}): timeseries.csv has only the rows at 0 "
                          "and at the end",
                          hours(c.output_interval_s), hours(c.duration_s)));
  }
  if (!v.text("potline.current_steps").empty()) {
    std::string late;
    for (const auto& p : c.schedule.points()) {
      if (p.time_s >= c.duration_s) late += (late.empty() ? "" : ", ") + hours(p.time_s);
    }
    if (!late.empty()) {
      d.warning(where_of(v, "potline.current_steps"), "potline.current_steps",
                fmt::format("the step(s) at {} are at or after {}: they never act", late, end));
    }
  }
}

// A DC power schedule beyond what the rectifier limit can draw: the current is then held at
// potline.max_current and the power is not met (trial 6, T6-24). The line voltage at the limit is
// the resistance control's E_b + R·I through the design point (cell::evaluate at operation.*).
void check_power_reach(const line::SimulationCase& c, const io::ValueSet& v, core::Diagnostics& d) {
  if (!c.schedule.is_power() || c.schedule.points().empty()) return;
  const double nominal_V = cell::evaluate(c.design, c.constants, c.op).voltage_V;
  const double I_n = c.schedule.nominal_A(), I_max = c.schedule.max_A();
  const double e_b = std::min(c.control.back_emf_V, nominal_V);
  const double limit_W = c.cells * I_max * (e_b + (nominal_V - e_b) * I_max / I_n);
  std::size_t above = 0;
  const line::CurrentSchedule::Point* first = nullptr;
  double peak_W = 0;
  for (const auto& p : c.schedule.points()) {
    if (p.time_s >= c.duration_s || p.value <= 1.001 * limit_W) continue;
    ++above;
    if (first == nullptr) first = &p;
    peak_W = std::max(peak_W, p.value);
  }
  if (above == 0) return;
  d.warning(where_of(v, "potline.current_csv"), "potline.current_csv",
            fmt::format("{} row(s) of the power schedule ask for more than the rectifier limit potline.max_current = "
                        "{:.6g} kA can draw, about {:.4g} MW for {} cell(s) at the design voltage ({:.4g} V per cell "
                        "at {:.6g} kA): the first at {} ({:.6g} MW), the highest {:.6g} MW; the current is held at the "
                        "limit there and the power is not met",
                        above, I_max / 1e3, limit_W / 1e6, c.cells, nominal_V, I_n / 1e3, hours(first->time_s),
                        first->value / 1e6, peak_W / 1e6));
}

void check_schedule_reach(const line::SimulationCase& c, const io::ValueSet& v, core::Diagnostics& d) {
  check_timing(c, v, d);
  check_power_reach(c, v, d);
}

// A bath that starts at or above its alumina saturation at the start temperature (the heat
// balance's, which `cell` does not check at its fixed 965 °C): said as `cell` says it (T11-9).
void check_start_saturation(const line::SimulationCase& c, const io::ValueSet& v, core::Diagnostics& d) {
  const double t_K = c.op.bath_temperature_K;
  if (!(bath::evaluate(c.op.bath, t_K, bath::ConductivityModel::kHives1996).flags & bath::kAboveSaturation)) return;
  for (std::string sentence : bath::describe(bath::kAboveSaturation, c.op.bath, t_K)) {
    sentence[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[0])));
    d.warning(where_of(v, "bath.alumina"), "bath.alumina",
              fmt::format("at the start of the run: {} The cells start at {:.1f} °C (thermal_calibration in the summary) "
                          "with the saturation's alumina dissolved and the rest of the {:.4g} wt% undissolved "
                          "(timeseries.csv: Mean undissolved alumina), which dissolves as electrolysis brings the bath "
                          "below saturation (docs/model/dynamics.md, \"Initial state\").",
                          sentence, t_K - 273.15, c.op.bath.alumina_wt));
  }
}

// load_simulation without the located_at_case wrapper.
SimulationInput load_simulation_here(const CaseSource& source, int threads) {
  const io::Schema& schema = line::simulate_schema();
  core::Diagnostics diagnostics;
  io::ValueSet user;
  if (!source.given()) {
    diagnostics.error({}, "", "give a case file: potline simulate CASE.toml ('potline template simulate' writes one)");
    throw core::InputError(diagnostics);
  }
  if (source.text) {
    io::read_case_text(*source.text, source.display_name, schema, user, diagnostics);
  } else {
    io::read_case_file(source.path, schema, user, diagnostics);
  }
  set_technology_option(source.technology, user);
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < source.sets.size(); ++i) {
    if (auto ov = io::parse_override(source.sets[i], static_cast<int>(i + 1), diagnostics)) overrides.push_back(*ov);
  }
  const io::ValueSet written = user;
  io::apply_overrides(overrides, schema, user, diagnostics);
  const std::size_t rejected = diagnostics.error_count();
  auto catalogue = cell::TechnologyCatalogue::load(source.data() + "/technologies.toml", diagnostics);
  // An unknown technology is said with the other input errors, not in a second run (user trial T10-5;
  // build_cell_case says it when it is the only one).
  if (rejected > 0 && diagnostics.error_count() == rejected) cell::check_technology_name(user, catalogue, diagnostics);
  // Errors of inputs the cells are not built from (run.seed, window.*, ...) leave the case to be
  // built, so its own errors (a feed cycle that cannot work, user trial T17-7) come in the same
  // pass. The schedule's and the cell list's errors need no cell: they come in this pass too
  // (T19-7).
  if (diagnostics.has_errors() && !line::errors_leave_cells_buildable(diagnostics)) {
    line::check_schedule_and_cells_apart(user, catalogue, source.base_dir(), diagnostics);
    throw core::InputError(diagnostics);
  }
  const std::size_t before_data = diagnostics.error_count();
  const plant::EmissionData emissions = plant::EmissionData::load(source.data(), diagnostics);
  if (diagnostics.error_count() > before_data) throw core::InputError(diagnostics);
  const auto design_point = file_design_point(written, overrides, catalogue);
  auto built = line::build_simulation_case(user, catalogue, emissions, source.base_dir(), diagnostics,
                                           design_point ? &*design_point : nullptr);
  if (!built || diagnostics.has_errors()) throw core::InputError(diagnostics);
  if (threads > 0) built->threads = threads;
  check_schedule_reach(*built, user, diagnostics);
  check_start_saturation(*built, user, diagnostics);
  SimulationInput input{std::move(*built), catalogue.path(), {}, {}};
  for (const char* f :
       {"ipcc-aluminium.toml", "power.toml", "fuels.toml"})  // what EmissionData::load read
    input.emission_files.push_back(source.data() + "/emissions/" + f);
  for (const auto& d : diagnostics.items()) input.warnings.push_back(d.to_string());
  return input;
}
}  // namespace

SimulationInput load_simulation(const CaseSource& source, int threads) {
  return located_at_case(source, [&] { return load_simulation_here(source, threads); });
}

namespace {
// The disturbance windows of a run (docs/cli.md, summary key event_windows).
io::Json event_windows_json(const std::vector<line::WindowMetrics>& windows) {
  io::Json out = io::Json::array();
  for (const line::WindowMetrics& w : windows) {
    io::Json e;
    e["kind"] = w.kind;
    e["cells"] = w.cells;  // the cells it was followed on (an anode problem's, a cover loss's only theirs)
    e["start_h"] = w.start_s / 3600.0;
    e["end_h"] = w.end_s / 3600.0;
    e["scheduled_end_h"] = w.scheduled_end_s / 3600.0;
    e["cells_cleared"] = w.cells_cleared;
    e["min_bath_temperature_degC"] = w.min_temperature_K - 273.15;
    e["max_bath_temperature_degC"] = w.max_temperature_K - 273.15;
    e["min_superheat_K"] = w.min_superheat_K;
    e["min_ledge_cm"] = w.min_ledge_m * 100;
    e["max_ledge_cm"] = w.max_ledge_m * 100;
    e["recovery_h"] = w.recovery_s >= 0.0 ? io::Json(w.recovery_s / 3600.0) : io::Json(nullptr);
    e["cells_not_recovered"] = w.cells_not_recovered;
    // How recovery_h is judged: averages over one feed cycle, held for the dwell (2026-12-06,
    // T12-2).
    e["recovery_average_h"] = w.recovery_average_s / 3600.0;
    e["recovery_dwell_h"] = w.recovery_dwell_s / 3600.0;
    e["pre_swing_K"] = w.pre_swing_K;
    e["ae_during"] = w.ae_during;
    e["ae_after_24h"] = w.ae_after;
    // The end of the run cut the window or its 24 h after (trial 9, T9-6).
    e["planned_end_h"] = w.planned_end_s / 3600.0;
    e["cut_at_run_end"] = w.planned_end_s > w.scheduled_end_s;
    e["after_h"] = w.after_s / 3600.0;
    e["cells_cut_out"] = w.cells_cut_out;
    out.push_back(e);
  }
  return out;
}

// Process-fault events and anode effects by cause (docs/model/faults.md; summary key "faults").
io::Json faults_json(const line::SimulationCase& c, const line::Summary& s) {
  const line::FaultCounts& f = s.faults;
  io::Json j;
  j["profile"] = c.feeders.faults.profile;  // faults.profile in force ("auto" resolved)
  if (const line::FaultProfile* p = line::find_fault_profile(c.feeders.faults.profile)) {
    // The published (or labelled) range the profile's rates are calibrated to.
    j["profile_ae_per_cell_day_range"] = io::Json::array({p->ae_per_day_min, p->ae_per_day_max});
    j["profile_ae_minutes_per_cell_day_range"] = io::Json::array({p->aem_min, p->aem_max});
  }
  j["feeder_faults"] = s.feeder_faults;
  j["breaker_failures"] = f.breaker_failures;
  j["crust_collapses"] = f.crust_collapses;
  j["poor_alumina_periods"] = f.poor_alumina_periods;
  j["anode_spikes"] = f.anode_spikes;
  j["sludge_formed_kg"] = f.sludge_formed_kg;
  j["sludge_final_kg"] = f.sludge_final_kg;
  io::Json count, minutes;
  for (std::size_t i = 0; i < line::kAeCauses; ++i) {
    const char* cause = line::to_string(static_cast<line::AeCause>(i));
    count[cause] = f.ae_count[i];
    minutes[cause] = s.ae.cell_days > 0 ? f.ae_seconds[i] / 60.0 / s.ae.cell_days : 0.0;
  }
  j["ae_by_cause"] = count;
  j["ae_minutes_per_cell_day_by_cause"] = minutes;
  return j;
}
}  // namespace

namespace {

/// "purity" of the summary: the tapped metal's composition and grades over the run.
io::Json purity_track_json(const line::PuritySummary& p) {
  io::Json j;
  j["steady_fe_wt"] = p.steady_fe * 100;
  j["steady_si_wt"] = p.steady_si * 100;
  j["taps"] = p.taps;
  j["tapped_t"] = p.tapped_t;
  j["mean_fe_wt"] = p.mean_fe * 100;
  j["mean_si_wt"] = p.mean_si * 100;
  j["max_fe_wt"] = p.max_fe * 100;
  j["max_si_wt"] = p.max_si * 100;
  io::Json shares = io::Json::object();
  const std::vector<std::string> names = line::tapped_grade_names();
  for (std::size_t k = 0; k < names.size(); ++k) shares[names[k]] = p.share_by_grade[k];
  j["tapped_share_by_grade"] = shares;
  j["stub_dips"] = p.stub_dips;
  j["cathode_failures"] = p.cathode_failures;
  j["fe_balance_error_kg"] = p.fe_balance_error_kg;
  return j;
}

// The tracking feed control's overfeed threshold and where it comes from (summary key
// feed_control; docs/model/dynamics.md §4, "Feed: where the cycle sits").
io::Json feed_control_json(const line::SimulationCase& c, const line::Summary& s) {
  io::Json j;
  j["slope_threshold_mV_per_min"] = s.feed_slope_threshold_V_per_s * 60e3;
  j["basis"] = s.feed_slope_threshold_derived ? "centred on bath.alumina" : "control.slope_threshold";
  j["design_alumina_wt"] = c.op.bath.alumina_wt;
  return j;
}

}  // namespace

namespace {
// summary key liquidus_out_of_range (trial 6, T6-8), of a complete run or of one stopped by a
// guard.
io::Json liquidus_range_json(int cells, double cell_hours, double max_cell_hours,
                             double max_alf3_wt, double min_temperature_K) {
  const bool any = cells > 0;
  io::Json r;
  r["correlation"] = "Solheim et al. (1996)";
  r["valid_alf3_excess_wt"] = {bath::kSolheim1996AlF3_wt.min, bath::kSolheim1996AlF3_wt.max};
  r["cells"] = cells;
  r["cell_hours"] = cell_hours;
  r["max_cell_hours"] = max_cell_hours;
  r["max_alf3_excess_wt"] = any ? io::Json(max_alf3_wt) : io::Json(nullptr);
  r["min_bath_temperature_degC"] = any ? io::Json(min_temperature_K - 273.15) : io::Json(nullptr);
  return r;
}
}  // namespace

io::Json simulation_summary_json(const line::SimulationCase& c, const line::Summary& s,
                                 const std::vector<std::string>& case_warnings) {
  io::Json j;
  j["title"] = c.title;
  j["technology"] = c.technology;  // as run (a --set case.technology included; T13-7)
  j["simulated_days"] = s.simulated_days;
  j["cells"] = s.cells;
  j["mean_line_current_kA"] = s.mean_line_current_A / 1e3;
  j["mean_voltage_V"] = s.mean_voltage_V;
  j["current_efficiency"] = s.current_efficiency;
  j["current_efficiency_model"] = std::string(cell::to_name(c.constants.current_efficiency_model));
  j["sec_dc_kWh_per_kg"] = s.sec_dc_kWh_per_kg;
  j["production_t"] = s.production_t;
  j["energy_MWh"] = s.energy_MWh;
  j["mean_power_MW"] = s.simulated_days > 0 ? s.energy_MWh / (s.simulated_days * 24.0) : 0.0;
  j["ae_count"] = s.ae.count;
  j["ae_per_cell_day"] = s.ae.frequency_per_cell_day();
  j["ae_minutes_per_cell_day"] = s.ae.minutes_per_cell_day();
  // Means over the anode effects: undefined (null, not 0 wt% or 0 s) when the run had none, so
  // that `compare` or a table never reads "onset at 0 wt%" (docs/cli.md, Changes).
  const auto per_ae = [&](double mean) { return s.ae.count > 0 ? io::Json(mean) : io::Json(nullptr); };
  j["ae_mean_duration_s"] = per_ae(s.ae.mean_duration_s());
  j["ae_overvoltage_mV"] = s.ae.overvoltage_mV();
  j["ae_onset_alumina_wt"] = per_ae(s.ae_onset_alumina_wt);
  j["ae_onset_zone_alumina_wt"] = per_ae(s.ae_onset_zone_wt);
  j["feeders_per_cell"] = s.feeders_per_cell;
  j["alumina_zones_per_cell"] = s.zones_per_cell;
  j["feeder_faults"] = s.feeder_faults;
  j["faults"] = faults_json(c, s);
  j["pfc_cf4_kg"] = s.pfc.cf4_kg;
  j["pfc_c2f6_kg"] = s.pfc.c2f6_kg;
  j["pfc_t_co2e"] = s.pfc.co2e_t;
  j["pfc_t_co2e_per_t_al"] = s.production_t > 0 ? s.pfc.co2e_t / s.production_t : 0.0;
  j["pfc_method"] = c.pfc_method == line::PfcMethod::kSlope ? "slope" : "overvoltage";
  j["pfc_coefficients"] = c.pfc_set + "/" + c.pfc_technology;
  j["pfc_basis"] = c.pfc_basis;  // where the class and set come from (user trial T12-1)
  j["gwp"] = c.gwp_set;
  j["pfc_cf4_slope_kg"] = s.pfc.slope_cf4_kg;
  if (s.pfc.overvoltage_cf4_kg) j["pfc_cf4_overvoltage_kg"] = *s.pfc.overvoltage_cf4_kg;
  j["pfc_cf4_low_voltage_kg"] = s.pfc.low_voltage_cf4_kg;  // pfc.low_voltage_cf4 x production (in pfc_cf4_kg)
  j["thermal_calibration"] = line::thermal_calibration_json(c);
  j["mean_superheat_K"] = s.mean_superheat_K;
  j["min_ledge_cm"] = s.min_ledge_m * 100;
  j["max_ledge_cm"] = s.max_ledge_m * 100;
  j["alumina_min_wt"] = s.alumina_min_wt;
  j["alumina_max_wt"] = s.alumina_max_wt;
  j["mean_alumina_wt"] = s.mean_alumina_wt;
  j["feed_control"] = feed_control_json(c, s);
  j["cells_in_line"] = s.cells_in_line;
  j["cut_out_cells"] = cut_out_cells_json(s.cut_out);
  j["cut_ins"] = s.cut_ins;  // potline.cut_in (docs/model/dynamics.md §7)
  j["cut_in_heat_MWh"] = s.cut_in_heat_J / 3.6e9;
  j["startup_energy_MWh"] = s.startup_energy_J / 3.6e9;  // potline.startup_* (§7)
  j["ledge_melt_outs"] = s.ledge_melt_outs;  // potline.on_ledge_melt_out
  j["cells_ledge_melted_out"] = s.cells_ledge_melted_out;
  j["ledge_bare_cell_hours"] = s.ledge_bare_cell_hours;
  j["cells_out_of_window"] = s.cells_out_of_window;
  j["cell_hours_out_of_window"] = s.cell_hours_out_of_window;
  j["event_windows"] = event_windows_json(s.windows);
  // the bath outside the liquidus correlation's validity (trial 6, T6-8)
  j["liquidus_out_of_range"] = liquidus_range_json(
      s.cells_outside_liquidus_range, s.liquidus_range_cell_hours, s.liquidus_range_max_cell_hours,
      s.liquidus_range_max_alf3_wt, s.liquidus_range_min_temperature_K);
  j["energy_balance_error"] = s.energy_balance_error;
  j["current_limit_hours"] = s.current_limit_hours;
  j["restart_held_hours"] = s.restart_held_hours;  // potline.restart_after_outage (dynamics.md §7)
  {  // ACD limits of the resistance control (docs/model/dynamics.md §4)
    io::Json a;
    a["min_cm"] = s.min_acd_m * 100;
    a["max_cm"] = s.max_acd_m * 100;
    a["at_ceiling_cell_hours"] = s.acd_at_max_cell_hours;
    a["at_floor_cell_hours"] = s.acd_at_min_cell_hours;
    a["below_floor_cell_hours"] = s.acd_below_min_cell_hours;
    a["cells_at_limit"] = s.cells_at_acd_limit;
    j["acd"] = a;
  }
  {  // the heat-balance loop at its limit and hot pots (docs/model/dynamics.md §4; T14-4)
    io::Json h;
    h["at_limit_cell_hours"] = s.loop_at_limit_cell_hours;
    h["at_limit_max_cell_hours"] = s.loop_at_limit_max_cell_hours;
    h["out_of_window_at_limit_cell_hours"] = s.loop_limit_out_of_window_cell_hours;
    h["out_of_window_at_limit_max_h"] = s.loop_limit_out_of_window_max_h;
    h["cells_out_of_window_at_limit_a_day"] = s.cells_loop_limit_out_of_window_a_day;
    h["hot_cell_hours"] = s.hot_cell_hours;
    j["heat_balance_loop"] = h;
  }
  if (c.exchangers.enabled) {  // shell heat exchangers (docs/model/dynamics.md §2); absent without them
    io::Json x;
    x["mode"] = c.exchangers.mode == line::ExchangerMode::kSchedule ? "schedule" : "automatic";
    x["max_extraction_kW_per_cell"] = s.exchanger_max_W / 1e3;
    x["mean_extraction_kW_per_cell"] = s.exchanger_mean_W / 1e3;
    x["energy_MWh"] = s.exchanger_energy_J / 3.6e9;
    x["final_fraction"] = s.exchanger_final_fraction;
    j["heat_exchangers"] = x;
  }
  if (s.purity.enabled) j["purity"] = purity_track_json(s.purity);  // grade over time; absent without [purity]
  j["complete"] = s.complete;
  j["integrator"] = c.integrator == line::IntegratorKind::kBatch ? "batch" : "cvode";
  j["seed"] = c.seed;
  j["cell_steps"] = s.cell_steps;
  j["wall_seconds"] = s.wall_seconds;
  // What the CLI prints on stderr (T14-7): the case's warnings, then the run's, and its notes.
  const SimulationMessages m = simulation_messages(c, s);
  std::vector<std::string> warnings = case_warnings;
  warnings.insert(warnings.end(), m.warnings.begin(), m.warnings.end());
  j["warnings"] = warnings;
  j["notes"] = m.notes;
  return j;
}

std::string liquidus_range_note(const line::Summary& s) {
  if (s.cells_outside_liquidus_range == 0) return "";
  return fmt::format("the bath left the validity range of the liquidus correlation [Solheim 1996] (excess AlF3 "
                     "{:g}-{:g} wt%, and CaF2, LiF, MgF2, KF, Al2O3) in {} of {} cell(s) for {:.3g} cell-h (longest {:.3g} "
                     "h; max excess AlF3 {:.1f} wt%, bath down to {:.1f} °C): the liquidus, superheat and freeze verdict "
                     "there are extrapolated (summary.json: liquidus_out_of_range)",
                     bath::kSolheim1996AlF3_wt.min, bath::kSolheim1996AlF3_wt.max, s.cells_outside_liquidus_range, s.cells,
                     s.liquidus_range_cell_hours, s.liquidus_range_max_cell_hours, s.liquidus_range_max_alf3_wt,
                     s.liquidus_range_min_temperature_K - 273.15);
}

io::Json stopped_summary_json(const line::SimulationCase& c, const line::SimulationStopped& e,
                              const std::vector<std::string>& case_warnings) {
  const line::StoppedLoopFigures& f = e.loop;
  io::Json j;
  j["title"] = c.title;
  j["technology"] = c.technology;
  j["complete"] = false;
  j["stop_reason"] = line::to_string(e.reason);
  j["stop_cell"] = e.cell;
  j["stop_time_h"] = e.time_s / 3600.0;
  j["stop_message"] = e.what();
  j["last_row_h"] = e.last_row_s / 3600.0;
  j["cells"] = c.cells;
  j["seed"] = c.seed;
  io::Json h;  // the heat-balance loop up to the stop (T15-1; keys as a complete run's)
  h["at_limit_cell_hours"] = e.loop.at_limit_cell_hours;
  h["at_limit_max_cell_hours"] = e.loop.at_limit_max_cell_hours;
  h["out_of_window_at_limit_cell_hours"] = e.loop.out_of_window_at_limit_cell_hours;
  h["out_of_window_at_limit_max_h"] = e.loop.out_of_window_at_limit_max_h;
  h["cells_out_of_window_at_limit_a_day"] = e.loop.cells_out_of_window_at_limit_a_day;
  h["hot_cell_hours"] = e.loop.hot_cell_hours;
  j["heat_balance_loop"] = h;
  // Up to the stop (T19-17: the note on the extrapolated liquidus points here).
  j["liquidus_out_of_range"] = liquidus_range_json(
      f.cells_outside_liquidus_range, f.liquidus_range_cell_hours, f.liquidus_range_max_cell_hours,
      f.liquidus_range_max_alf3_wt, f.liquidus_range_min_temperature_K);
  // The case's warnings, then the run's up to the stop, as a complete run's (DA19-21), and its
  // notes.
  const SimulationMessages m = stopped_run_messages(c, e);
  std::vector<std::string> warnings = case_warnings;
  warnings.insert(warnings.end(), m.warnings.begin(), m.warnings.end());
  if (!warnings.empty()) j["warnings"] = warnings;
  if (!m.notes.empty()) j["notes"] = m.notes;
  return j;
}

std::string timeseries_csv_header() {
  return "Time [h],Line current [kA],Mean cell voltage [V],Line power DC [MW],Line energy DC [MWh],"
         "Mean alumina [wt%],Min alumina [wt%],Max alumina [wt%],Mean undissolved alumina [kg],"
         "Mean excess AlF3 [wt%],Mean bath temperature [degC],Mean superheat [K],Mean ledge [cm],"
         "Min ledge [cm],Max ledge [cm],Mean ACD [cm],Mean metal [t],Mean heat loss [kW],"
         "Cells in anode effect [-],Anode effects cumulative [-],Mean alumina feed over interval [kg/h],"
         "Mean metal temperature [degC],Line voltage [V],Cells in line [-]\n";
}

std::string timeseries_csv_row(const line::Row& r) {
  std::ostringstream row;
  row << num(r.time_s / 3600) << ',' << num(r.line_current_A / 1e3) << ',' << num(r.mean_voltage_V) << ','
      << num(r.line_power_W / 1e6) << ',' << num(r.energy_J / 3.6e9) << ',' << num(r.mean_alumina_wt) << ','
      << num(r.min_alumina_wt) << ',' << num(r.max_alumina_wt) << ',' << num(r.mean_undissolved_kg) << ','
      << num(r.mean_alf3_wt) << ',' << num(r.mean_temperature_K - 273.15) << ',' << num(r.mean_superheat_K) << ','
      << num(r.mean_ledge_m * 100) << ',' << num(r.min_ledge_m * 100) << ',' << num(r.max_ledge_m * 100) << ','
      << num(r.mean_acd_m * 100) << ',' << num(r.mean_metal_kg / 1e3) << ',' << num(r.mean_heat_loss_W / 1e3) << ','
      << r.cells_in_ae << ',' << r.ae_count << ',' << num(r.mean_feed_kg_per_s * 3600) << ','
      << num(r.mean_metal_temperature_K - 273.15) << ',' << num(r.line_voltage_V) << ',' << r.cells_in_line << '\n';
  return row.str();
}

std::string events_csv_header() { return "Time [h],Cell [-],Event,Value,Unit\n"; }

std::string events_csv_rows(const std::vector<line::Event>& events) {
  std::string rows;
  for (const auto& e : events) {
    const long cell = e.cell == line::kLineEvent ? -1L : static_cast<long>(e.cell);
    rows += io::csv_row({num(e.time_s / 3600), std::to_string(cell), line::to_string(e.kind), num(e.value),
                         line::event_unit(e.kind)});
  }
  return rows;
}

SimulationRun run_simulation(const SimulationInput& input, bool collect_tables) {
  Collector collector(input.c, collect_tables);
  line::Summary s;
  try {
    s = line::run_simulation(input.c, &collector);
  } catch (const line::SimulationStopped& e) {
    const std::string cause = collector.watch.stop_cause(input.c);
    const line::SimulationStopped stop(e.what() + cause, e.reason, e.cell, e.time_s, e.last_row_s);
    throw SimulationStoppedRun(stop, {stopped_summary_json(input.c, stop, input.warnings),
                                      collector.series(),
                                      collector.events(),
                                      {},
                                      {}});
  }
  SimulationRun run{simulation_summary_json(input.c, s, input.warnings), collector.series(), collector.events(), {}, {}};
  if (collect_tables && s.purity.enabled) run.purity_taps_csv = line::purity_taps_csv(s.purity);
  if (collect_tables && !s.cut_out.empty()) run.cut_out_cells_csv = cut_out_cells_csv(s.cut_out);
  io::require_finite(run.summary);
  return run;
}

void CurrentLimitWatch::on_row(const line::SimulationCase& c, const line::Row& r) {
  const bool at_limit = r.line_current_A >= c.schedule.max_A() * (1 - 1e-6);
  if (!at_limit) since_s_ = -1;
  else if (since_s_ < 0) since_s_ = r.time_s;
}

std::string CurrentLimitWatch::stop_cause(const line::SimulationCase& c) const {
  if (since_s_ < 0) return "";
  return fmt::format(" — likely cause: the line current sat at the rectifier limit potline.max_current = {:.6g} kA "
                     "({:.3g} × nominal) from {} on{}",
                     c.schedule.max_A() / 1e3, c.schedule.max_A() / c.schedule.nominal_A(), hours(since_s_),
                     c.schedule.is_power() ? ": the power schedule (potline.current_csv) asks for more than the line "
                                             "can take at that current"
                                           : "");
}

}  // namespace potline::api

// potline simulate CASE.toml [--set KEY=VALUE]... [--out DIR] [--threads N] [--json]
// The case, the summary document and the CSV rows come from api:: (simulate_command.hpp), shared with
// the Python API and --vary; this file streams the run folder, shows progress and handles signals.
#include <fmt/format.h>

#include <chrono>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "potline/potline/faults_profiles.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/api/read_files.hpp"
#include "potline/api/run_folder.hpp"
#include "potline/api/simulate_command.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/run_outputs.hpp"
#include "potline/version.hpp"
#include "potline/core/constants.hpp"
#include "run_folder.hpp"
#include "vary.hpp"

#include <unistd.h>

namespace potline::app {
namespace {

struct SimulateOptions {
  std::string case_file;
  std::vector<std::string> sets;
  std::string technology;  ///< --technology: overrides case.technology
  std::string out_dir;
  int threads = 0;
  bool json = false;
  bool quiet = false;
  bool report = false;
  VaryOptions vary;
};

// The --set options with --technology first, as the run applies them ("case.technology=X" in the
// title's changed-on-the-command-line list, T13-7; a later --set case.technology wins).
std::vector<std::string> sets_with_technology(const SimulateOptions& o) {
  std::vector<std::string> sets;
  if (!o.technology.empty()) sets.push_back("case.technology=" + o.technology);
  sets.insert(sets.end(), o.sets.begin(), o.sets.end());
  return sets;
}

// The one piece of mutable global state: the number of the signal (SIGINT, SIGTERM) that asked the
// run to stop, 0 while none has. A signal handler may only store into a volatile sig_atomic_t
// (C++ [support.signal]; anything else is not async-signal-safe) and it cannot reach an object
// except through a global. The simulation polls it between integration chunks through
// Observer::stop_requested, stops cleanly, and the command writes outputs marked partial.
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int signal_number) { g_stop_signal = signal_number; }

// Installs the handler for SIGINT and SIGTERM for the lifetime of a run, restoring the previous
// dispositions afterwards.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

// The run folder, created if missing (a path that is or runs through a file was refused by the
// --out validator, run_folder_path()).
void prepare_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw core::RunError(fmt::format("cannot create the run folder '{}': {}", dir, ec.message()));
}

// Streams timeseries.csv and events.csv; prints progress on stderr for long runs.
class Writer final : public line::Observer {
 public:
  Writer(const line::SimulationCase& c, const std::string& dir, bool progress)
      : c_(c), progress_(progress), start_(std::chrono::steady_clock::now()) {
    if (!dir.empty()) {
      series_.open(std::filesystem::path(dir) / "timeseries.csv");
      events_.open(std::filesystem::path(dir) / "events.csv");
      if (!series_ || !events_) throw core::RunError("cannot write into " + dir);
      series_ << api::timeseries_csv_header();
      events_ << api::events_csv_header();
    }
  }
  void on_row(const line::Row& r) override {
    watch.on_row(c_, r);
    if (!series_.is_open()) return;
    series_ << api::timeseries_csv_row(r);
  }
  void on_events(const std::vector<line::Event>& events) override {
    if (!events_.is_open()) return;
    events_ << api::events_csv_rows(events);
  }
  void on_progress(double t, double end) override {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    const double wall = std::chrono::duration<double>(now - start_).count();
    // A terminal gets one line rewritten every second; a file or pipe (a log, CI) gets a full line
    // every 30 s instead of hundreds of carriage-return updates (user trial 6, T6-19).
    const double every_s = tty_ ? 1.0 : 30.0;
    if (wall < 2.0 || std::chrono::duration<double>(now - last_).count() < every_s) return;
    last_ = now;
    const double speed = t / constants::kSecondsPerDay / wall;
    std::fprintf(stderr, "%ssimulated %.1f of %.1f d, %.1f d/s (per line), %.0f s left%s", tty_ ? "\r" : "",
                 t / constants::kSecondsPerDay, end / constants::kSecondsPerDay, speed,
                 (end - t) / constants::kSecondsPerDay / std::max(speed, 1e-9), tty_ ? "   " : "\n");
    std::fflush(stderr);
    printed_ = tty_;
  }
  bool stop_requested() override { return g_stop_signal != 0; }
  // A cell cut out of the line: one warning line when it happens (after the progress line, if any).
  void on_cell_cut_out(const line::CutOutCell& cell, int cells_in_line) override {
    if (printed_) std::fprintf(stderr, "\n");
    printed_ = false;
    std::cerr << "warning: "
              << api::cut_out_warning(cell, cells_in_line, c_.cells, c_.schedule.is_power(),
                                      c_.power_basis == line::PowerBasis::kCellsInLine)
              << "\n";
  }
  // A repaired cell cut in again (potline.cut_in): one note line.
  void on_cell_cut_in(const line::CutOutCell& cell, int cells_in_line) override {
    if (printed_) std::fprintf(stderr, "\n");
    printed_ = false;
    std::cerr << "note: "
              << api::cut_in_warning(cell, cells_in_line, c_.cells, c_.startup_voltage_V,
                                     c_.startup_time_s)
              << "\n";
  }
  void finish() {
    if (printed_) std::fprintf(stderr, "\n");
    printed_ = false;
    series_.close();
    events_.close();
  }

  api::CurrentLimitWatch watch;  ///< names the rectifier limit when a guard stops the run there

 private:
  const line::SimulationCase& c_;
  bool progress_;
  bool tty_ = isatty(STDERR_FILENO) != 0;
  std::chrono::steady_clock::time_point start_, last_;
  bool printed_ = false;
  std::ofstream series_, events_;
};

using LoadedCase = api::SimulationInput;

LoadedCase load_case(const SimulateOptions& o, const GlobalOptions& global) {
  LoadedCase loaded = api::load_simulation({o.case_file, std::nullopt, "", o.sets, data_dir(global), o.technology}, o.threads);
  for (const auto& w : loaded.warnings) std::cerr << w << "\n";
  return loaded;
}

// manifest.json and summary.json (api::save_run_folder, as every command and Python's Result.save);
// `complete` false marks the time series as partial. The CSV files were written as the run went.
void write_run_files(const SimulateOptions& o, const GlobalOptions& global, const LoadedCase& loaded,
                     const std::string& started, const io::Json& summary, bool complete) {
  if (o.out_dir.empty()) return;
  api::RunFolder folder{o.out_dir, "simulate", global.command_line, {o.case_file}, started};
  for (const auto& f : api::read_files(loaded)) folder.input_files.push_back(f);
  folder.seed = loaded.c.seed;
  folder.complete = complete;
  folder.report = o.report && complete;
  folder.written_by_caller = {"timeseries.csv", "events.csv"};
  if (summary.contains("purity")) folder.written_by_caller.push_back("purity_taps.csv");  // grade over time
  if (summary.contains("cut_out_cells") && !summary["cut_out_cells"].empty()) {
    folder.written_by_caller.push_back("cut_out_cells.csv");  // cells cut out of the line
  }
  std::cerr << api::save_run_folder(folder, summary, {});
}

// The tapped metal (summary 'purity'), so a text run of a [purity] case says which grades it made.
void print_purity(const line::PuritySummary& p) {
  std::string grades;
  const std::vector<std::string> names = line::tapped_grade_names();
  for (std::size_t k = 0; k < names.size() && k < p.share_by_grade.size(); ++k) {
    if (p.share_by_grade[k] <= 0.0) continue;
    grades += fmt::format("{}{} {:.1f} %", grades.empty() ? "" : ", ", names[k], 100 * p.share_by_grade[k]);
  }
  std::cout << fmt::format("  metal: {} taps, {:.2f} t; Fe mean {:.3f} wt% (max {:.3f}), Si mean {:.3f} wt% (max {:.3f}); "
                           "tapped by grade {}\n",
                           p.taps, p.tapped_t, 100 * p.mean_fe, 100 * p.max_fe, 100 * p.mean_si, 100 * p.max_si,
                           grades.empty() ? "none" : grades);
}

// The event windows (summary key event_windows, docs/model/dynamics.md §6), one line each, so a text
// run of an outage or a feed stop shows its minimum and recovery without --json (at most 8 lines).
void print_windows(const std::vector<line::WindowMetrics>& windows) {
  constexpr std::size_t kLines = 8;
  for (std::size_t i = 0; i < windows.size() && i < kLines; ++i) {
    const line::WindowMetrics& w = windows[i];
    std::string span = w.end_s > w.start_s ? fmt::format("{:.1f}–{:.1f} h", w.start_s / 3600, w.end_s / 3600)
                                           : fmt::format("at {:.1f} h", w.start_s / 3600);
    const bool cut_at_end = w.planned_end_s > w.scheduled_end_s;  // by the end of the run (T9-6)
    // A per-cell disturbance is followed on its own cells only (user trial T17-11).
    if (w.kind == "anode_problem" || w.kind == "cover_loss") span += fmt::format(" on {} cell(s)", w.cells);
    if (w.cells_cleared > 0) {
      span += fmt::format(" (cleared at an anode effect in {} cell(s); scheduled to {:.1f} h{})",
                          w.cells_cleared, w.planned_end_s / 3600,
                          cut_at_end ? fmt::format(", cut at the end of the run at {:.1f} h",
                                                   w.scheduled_end_s / 3600)
                                     : std::string());
    } else if (cut_at_end) {
      span += fmt::format(" (of {:.4g}–{:.4g} h: cut at the end of the run)", w.start_s / 3600,
                          w.planned_end_s / 3600);
    }
    const std::string after =
        w.after_cut ? fmt::format("{:.3g} h after (the run ends)", w.after_s / 3600) : "24 h after";
    // Recovery is judged on averages over one feed cycle (docs/model/dynamics.md §6, user trial
    // T12-2).
    const std::string back =
        w.recovery_s >= 0.0
            ? fmt::format("back within 2 K on {:.3g}-h means {:.1f} h after (swing {:.1f} K before)",
                          w.recovery_average_s / 3600, w.recovery_s / 3600, w.pre_swing_K)
            : fmt::format("{} cell(s) not back within 2 K on {:.3g}-h means by the end (swing {:.1f} "
                          "K before)",
                          w.cells_not_recovered, w.recovery_average_s / 3600, w.pre_swing_K);
    const std::string cut =
        w.cells_cut_out > 0 ? fmt::format(", {} cut out of the line before", w.cells_cut_out) : "";
    std::cout << fmt::format(
        "  {} {}: bath {:.1f}–{:.1f} °C, superheat min {:.1f} K, ledge {:.1f}–{:.1f} cm, {}{}; "
        "AEs {} during, {} in the {}\n",
        w.kind, span, w.min_temperature_K - 273.15, w.max_temperature_K - 273.15, w.min_superheat_K,
        w.min_ledge_m * 100, w.max_ledge_m * 100, back, cut, w.ae_during, w.ae_after, after);
  }
  if (windows.size() > kLines) {
    std::cout << fmt::format("  ... {} more event windows (summary.json or --json: event_windows)\n",
                             windows.size() - kLines);
  }
}

// The cells cut out of the line (summary key cut_out_cells), one line each (at most 8).
void print_cut_out(const line::Summary& s) {
  if (s.cut_out.empty()) return;
  constexpr std::size_t kLines = 8;
  std::cout << fmt::format(
      "  cut out of the line: {} of {} cell(s); {} in the line at the end (means, energy, "
      "production and PFC count each cell while it was in the line)\n",
      s.cut_out.size(), s.cells, s.cells_in_line);
  for (std::size_t i = 0; i < s.cut_out.size() && i < kLines; ++i) {
    const line::CutOutCell& c = s.cut_out[i];
    std::cout << fmt::format(
        "    cell {} at {:.2f} h: {}; bath {:.1f} °C, metal {:.1f} °C, liquid bath {:.0f} kg "
        "({:.1f} %), ledge {:.1f} cm, excess AlF3 {:.1f} wt%, {:.3f} V{}; out of the line from "
        "{:.2f} h\n",
        c.cell, c.time_s / 3600, c.reason, c.bath_temperature_K - 273.15,
        c.metal_temperature_K - 273.15, c.liquid_bath_kg, 100 * c.liquid_bath_fraction,
        100 * c.ledge_m, c.alf3_excess_wt, c.voltage_V, c.line_off ? " (line off)" : "",
        c.shorted_s / 3600);
    if (c.line_off && c.held_current_s > 0.0) {  // froze in an outage, the current came back first
      std::cout << fmt::format(
          "      carried the line current for {:.2f} h after the restart, dead, at {:.3f} V (its "
          "last resistance under current, {:.3f} V at {:.1f} kA at {:.2f} h; a lower bound)\n",
          c.held_current_s / 3600, c.held_voltage_V, c.reference_voltage_V,
          c.reference_current_A / 1000, c.reference_time_s / 3600);
    }
    if (c.cut_in_s >= 0.0) {  // potline.cut_in = "restart"
      std::cout << fmt::format("      cut in again at {:.2f} h after its repair, restarted ({:.3f} V)\n",
                               c.cut_in_s / 3600, c.cut_in_voltage_V);
    }
  }
  if (s.cut_out.size() > kLines) {
    std::cout << fmt::format("    ... {} more (summary.json: cut_out_cells; cut_out_cells.csv)\n",
                             s.cut_out.size() - kLines);
  }
  if (s.restarts_held > 0 || s.restart_held_hours > 0) {  // potline.restart_after_outage
    std::cout << fmt::format(
        "  the line's restart waited {:.2f} h after the scheduled return of the current until the "
        "crew had shorted the dead pot(s) (potline.restart_after_outage = \"after_shorting\"; "
        "events.csv: restart_held)\n",
        s.restart_held_hours);
  }
}

void print_summary(const line::SimulationCase& c, const line::Summary& s, const SimulateOptions& o,
                   const io::Json& summary) {
  std::cout << fmt::format(
      "{}: {} cell(s), {:.2f} d\n  mean line current {:.1f} kA, mean cell voltage {:.3f} V, CE "
      "{:.2f} % ({})\n"
      "  production {:.2f} t, energy {:.1f} MWh DC ({:.1f} MWh AC at the rectifier efficiency "
      "{:.3f}), SEC {:.3f} kWh/kg (DC)\n"
      "  anode effects {} ({:.3f}/cell-day, {:.3f} AE-min/cell-day), PFC {:.3f} t CO2e\n"
      "  superheat mean {:.1f} K, ledge {:.1f}–{:.1f} cm, alumina {:.2f}–{:.2f} wt%, energy "
      "balance error {:.1e}\n",
      c.title + io::changed_on_command_line(sets_with_technology(o), c.title), s.cells, s.simulated_days,
      s.mean_line_current_A / 1e3, s.mean_voltage_V, 100 * s.current_efficiency,
      cell::to_name(c.constants.current_efficiency_model), s.production_t,
      s.energy_MWh, s.energy_MWh / c.design.rectifier_efficiency, c.design.rectifier_efficiency,
      s.sec_dc_kWh_per_kg, s.ae.count, s.ae.frequency_per_cell_day(), s.ae.minutes_per_cell_day(),
      s.pfc.co2e_t, s.mean_superheat_K, s.min_ledge_m * 100, s.max_ledge_m * 100, s.alumina_min_wt,
      s.alumina_max_wt, s.energy_balance_error);
  if (s.pfc.low_voltage_cf4_kg > 0) {  // pfc.low_voltage_cf4; summary pfc_cf4_low_voltage_kg
    std::cout << fmt::format("  of the PFC, low-voltage CF4 {:.4g} kg ({:.4g} kg/t x {:.2f} t, pfc.low_voltage_cf4) = {:.3f} t "
                             "CO2e ({} GWP of CF4 {:g})\n",
                             s.pfc.low_voltage_cf4_kg, c.low_voltage_cf4_kg_per_kg * 1000.0, s.production_t,
                             s.pfc.low_voltage_cf4_kg * c.gwp.cf4 / 1000.0, c.gwp_set, c.gwp.cf4);
  }
  // Where the heat-loss network is calibrated and where the run starts (summary key
  // thermal_calibration).
  const io::Json& t = summary.at("thermal_calibration");
  std::cout << fmt::format("  thermal network calibrated at {} ({:.4g} kA, ACD {:.2f} cm, {:.1f} °C); start {:.1f} °C, "
                           "superheat {:.1f} K, ledge {:.1f} cm\n",
                           t.at("point").get<std::string>(), t.at("line_current_kA").get<double>(),
                           t.at("acd_cm").get<double>(), t.at("bath_temperature_degC").get<double>(),
                           t.at("start_bath_temperature_degC").get<double>(), t.at("start_superheat_K").get<double>(),
                           t.at("start_ledge_cm").get<double>());
  // Where the feed control runs the cell against the design point's alumina (summary keys
  // feed_control, mean_alumina_wt; docs/model/dynamics.md §4, "Feed: where the cycle sits").
  const io::Json& f = summary.at("feed_control");
  const bool derived = f.at("basis").get<std::string>() != "control.slope_threshold";
  std::cout << fmt::format("  feed control: overfeed at an R_p slope of {:.3f} mV/min ({}); mean alumina {:.2f} wt% "
                           "against the design point's {:.2f}\n",
                           f.at("slope_threshold_mV_per_min").get<double>(),
                           derived ? "derived: centres the tracking cycle on bath.alumina" : "control.slope_threshold",
                           summary.at("mean_alumina_wt").get<double>(), f.at("design_alumina_wt").get<double>());
  // The fault profile in force and the range it is calibrated to (summary key faults.profile).
  if (const line::FaultProfile* p = line::find_fault_profile(c.feeders.faults.profile)) {
    // A rate the case sets overrides the profile's (cell-process-faults: 0.286 AE/cell-day beside a
    // profile "calibrated to 0.01–0.1" read as a contradiction): the line says which rates it gives.
    std::cout << fmt::format("  fault profile {} (the fault rates the case does not set): rates calibrated to {:g}–{:g} "
                             "AE/cell-day ({:g}–{:g} AE-min/cell-day with {} quench; docs/model/faults.md)\n",
                             p->name, p->ae_per_day_min, p->ae_per_day_max, p->aem_min, p->aem_max, p->quench);
  }
  if (s.cells_out_of_window > 0) {  // summary keys cells_out_of_window, cell_hours_out_of_window
    std::cout << fmt::format("  safe window: {} of {} cell(s) left it, {:.1f} cell-h out (running means over "
                             "window.averaging; events.csv: window_*)\n",
                             s.cells_out_of_window, s.cells, s.cell_hours_out_of_window);
  }
  // The heat-balance loop at its limit and the hot-pot rule (summary key heat_balance_loop; T15-9).
  if (const std::string loop = api::heat_balance_loop_text(c, s); !loop.empty()) std::cout << "  " << loop << "\n";
  print_cut_out(s);
  if (s.ledge_melt_outs > 0) {  // potline.on_ledge_melt_out; summary ledge_melt_outs
    std::cout << fmt::format("  ledge melted out {} time(s) on {} cell(s), {:.1f} cell-h without side ledge "
                             "(bath on the side lining; events.csv: ledge_melted_out)\n",
                             s.ledge_melt_outs, s.cells_ledge_melted_out, s.ledge_bare_cell_hours);
  }
  print_windows(s.windows);
  if (s.purity.enabled) print_purity(s.purity);
  if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
}

int run_simulate(const SimulateOptions& o, const GlobalOptions& global) {
  if (o.vary.active()) {
    const api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global), o.technology};
    return run_vary_command(o.vary, "simulate", o.sets, o.json, VaryFolder{o.out_dir, global.command_line, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      return api::run_simulation(api::load_simulation(point, o.threads), false).summary;
    });
  }
  const LoadedCase loaded = load_case(o, global);
  const line::SimulationCase& c = loaded.c;
  const std::string started = utc_now();
  if (!o.out_dir.empty()) {
    // Before the series are streamed into it (save_run_folder checks the other commands' folders).
    std::cerr << api::foreign_folder_warning(o.out_dir, {"manifest.json", "summary.json", "timeseries.csv",
                                                         "events.csv", "purity_taps.csv", "cut_out_cells.csv",
                                                         "report.html"});
    prepare_folder(o.out_dir);
  }
  Writer writer(c, o.out_dir, !o.quiet);
  line::Summary s;
  try {
    const StopSignals signals;
    s = line::run_simulation(c, &writer);
  } catch (const line::SimulationStopped& e) {
    // A physical guard tripped: keep what was simulated, marked partial, and fail (exit 1).
    writer.finish();
    write_run_files(o, global, loaded, started, api::stopped_summary_json(c, e, loaded.warnings),
                    false);
    // The heat-balance loop up to the stop (T15-1: a run that stops frozen is when it matters) and
    // the bath outside the liquidus correlation (T19-17); the cut-outs were printed as they
    // happened.
    const std::string w = api::heat_balance_loop_warning(c, e.loop.cells_out_of_window_at_limit_a_day, c.cells,
                                                         e.loop.out_of_window_at_limit_max_h,
                                                         e.loop.out_of_window_at_limit_cell_hours);
    if (!w.empty()) std::cerr << "warning: " << w << "\n";
    for (const auto& n : api::stopped_run_messages(c, e).notes) std::cerr << "note: " << n << "\n";
    const std::string cause = writer.watch.stop_cause(c);
    if (cause.empty()) throw;
    throw core::RunError(e.what() + cause);
  }
  writer.finish();
  io::Json j = api::simulation_summary_json(c, s, loaded.warnings);
  io::require_finite(j);
  if (!o.out_dir.empty() && s.purity.enabled) {  // grade over time (docs/model/purity.md)
    const auto taps = std::filesystem::path(o.out_dir) / "purity_taps.csv";
    io::write_text_file(taps.string(), line::purity_taps_csv(s.purity));
  }
  if (!o.out_dir.empty() && !s.cut_out.empty()) {  // cells cut out of the line (dynamics.md §7)
    const auto cut = std::filesystem::path(o.out_dir) / "cut_out_cells.csv";
    io::write_text_file(cut.string(), api::cut_out_cells_csv(s.cut_out));
  }
  write_run_files(o, global, loaded, started, j, s.complete);
  // The run's warnings and notes (summary.json "warnings", "notes"); the cut-out lines were printed
  // as they happened.
  const api::SimulationMessages end = api::simulation_end_messages(c, s);
  for (const auto& w : end.warnings) std::cerr << "warning: " << w << "\n";
  for (const auto& n : end.notes) std::cerr << "note: " << n << "\n";
  if (!s.complete) {
    const int signal_number = static_cast<int>(g_stop_signal);
    std::cerr << fmt::format("potline: stopped by signal {} ({}) at {:.4g} of {:.4g} d; {}\n", signal_number,
                             signal_number == SIGINT ? "SIGINT" : "SIGTERM", s.simulated_days, c.duration_s / constants::kSecondsPerDay,
                             o.out_dir.empty() ? "no run folder" : "partial results in " + o.out_dir + "/ (\"complete\": false)");
    return 128 + signal_number;  // the shell's convention: 130 for SIGINT, 143 for SIGTERM
  }
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    print_summary(c, s, o, j);
  }
  if (o.report) write_run_report(o.out_dir, o.json);  // after the results (it came before the title)
  return 0;
}

}  // namespace

void add_simulate_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "dynamic cell or potline with pot control: alumina, temperature, ledge, AEs, PFC");
  cmd->add_option("case", options->case_file, "TOML case file (see 'potline template simulate')");
  cmd->add_option("-t,--technology", options->technology,
                  "a catalogue technology (see 'potline technologies'); overrides case.technology");
  cmd->add_option("-s,--set", options->sets, "override a case field: KEY=VALUE (value may carry a unit); repeatable")
      ->allow_extra_args(false);
  CLI::Option* out_option = cmd->add_option("-o,--out", options->out_dir,
                                            "run folder: manifest.json, summary.json, timeseries.csv, events.csv (purity_taps.csv with [purity])")
                                ->check(run_folder_path());
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  // 0 = the case's run.threads, as Python's potline.simulate(threads=0) (T14-8).
  cmd->add_option("--threads", options->threads,
                  "worker threads (overrides run.threads; 0: run.threads, as without the option; results do not "
                  "depend on it)")
      ->check(integer_in(0, 256));
  cmd->add_flag("--json", options->json, "print the summary as one JSON object on stdout");
  add_vary_options(cmd, options->vary, "simulate");
  cmd->add_flag("-q,--quiet", options->quiet, "no progress line on stderr");
  cmd->callback([options, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_simulate(*options, global); });
  });
}

}  // namespace potline::app

#pragma once
// potline simulate as library functions (see case_commands.hpp for the other commands): reading the
// case, the summary document (summary.json, --json) and the rows of timeseries.csv and events.csv.
// The CLI streams the rows into its run folder with a progress line and stops on SIGINT/SIGTERM;
// the Python API and --vary collect them in memory (run_simulation). Columns: docs/cli.md.
#include <string>
#include <utility>
#include <vector>

#include "potline/api/case_commands.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::api {

struct SimulationInput {
  line::SimulationCase c;
  std::string catalogue_path;
  std::vector<std::string> warnings;  ///< diagnostics of reading the case, one per line (file:line:col ...)
  /// The emission data files read (plant::EmissionData::load: the PFC coefficients of pfc_t_co2e),
  /// for the manifest (docs audit DA19-37).
  std::vector<std::string> emission_files;
};

/// Reads the case and its overrides; `threads` > 0 overrides run.threads (results do not depend on it).
SimulationInput load_simulation(const CaseSource& source, int threads = 0);

/// The summary document; "warnings" holds `case_warnings` (reading the case) then the run's, "notes"
/// the run's (simulation_messages; T14-7).
io::Json simulation_summary_json(const line::SimulationCase& c, const line::Summary& s,
                                 const std::vector<std::string>& case_warnings = {});

/// The warnings and notes of a finished run, as the CLI prints them on stderr without "warning: " or
/// "note: " (simulate_messages.cpp; user trial T14-7).
struct SimulationMessages {
  std::vector<std::string> warnings;
  std::vector<std::string> notes;
};
/// All of them: the cells cut out of the line (warnings) and cut in again (notes) in the order they
/// happened, then simulation_end_messages.
SimulationMessages simulation_messages(const line::SimulationCase& c, const line::Summary& s);
/// The warning for cells out of their safe window a day or more with the heat-balance loop at its limit
/// (T14-4); empty when there are none. Also for a run that stopped (T15-1).
std::string heat_balance_loop_warning(const line::SimulationCase& c, int cells_out, int cells, double longest_h,
                                      double cell_hours);
/// The text line of the heat-balance loop and the hot-pot rule (summary key heat_balance_loop; user
/// trial T15-9: a pot marked hot was visible only in JSON): the cell-hours at the loop's limit and out
/// of the window there, and those marked hot with what the rule does then; empty when neither happened.
std::string heat_balance_loop_text(const line::SimulationCase& c, const line::Summary& s);
/// Those of the whole run, printed at its end: the rectifier limit, the ACD limits when a cell also
/// left its safe window, the heat-balance loop at its limit (warnings); the bath outside the
/// liquidus correlation, the ACD limits when every cell stayed in its window, the Dewing CE away
/// from its calibration current (notes: results that doubt no input, docs/cli.md "Error messages").
SimulationMessages simulation_end_messages(const line::SimulationCase& c, const line::Summary& s);
/// The one note of a run whose bath left the liquidus correlation's validity (summary key
/// liquidus_out_of_range; a caveat of the model's superheat there, not a doubt of the input: a
/// warning until 2026-12-07); empty when it stayed within.
std::string liquidus_range_note(const line::Summary& s);
/// The cells cut out of the line (summary key cut_out_cells, docs/cli.md), by time then cell.
io::Json cut_out_cells_json(const std::vector<line::CutOutCell>& cells);
/// cut_out_cells.csv of the run folder: one row per cut-out cell, by time then cell.
std::string cut_out_cells_csv(const std::vector<line::CutOutCell>& cells);
/// The warning line of a cell cut out of the line (without "warning: ").
/// `power_schedule`: the line follows a power schedule (the cells left take the line's power);
/// `power_scaled`: its set point is scaled by the cells in the line (potline.power_basis).
std::string cut_out_warning(const line::CutOutCell& c, int cells_in_line, int cells,
                            bool power_schedule = false, bool power_scaled = false);
/// The note line of a cell cut in again after its repair (potline.cut_in).
/// `startup_voltage_V`, `startup_time_s`: its start-up (potline.startup_*; 0: none).
std::string cut_in_warning(const line::CutOutCell& c, int cells_in_line, int cells,
                           double startup_voltage_V = 0.0, double startup_time_s = 0.0);
/// The warnings and notes of a run a guard stopped, up to the stop: the cells cut out (and cut in
/// again) so far, the heat-balance loop at its limit (warnings), the bath outside the liquidus
/// correlation (note; user trial T19-17: the stopped run lost the note that explains its last
/// hours).
SimulationMessages stopped_run_messages(const line::SimulationCase& c,
                                        const line::SimulationStopped& e);
/// What a guard-stopped run leaves: which guard, where and when, and how far the outputs go; its
/// `warnings` (the case's, then the run's so far) and `notes` as a complete run's (docs audit
/// DA19-21: only the heat-balance loop's warning was kept).
io::Json stopped_summary_json(const line::SimulationCase& c, const line::SimulationStopped& e,
                              const std::vector<std::string>& case_warnings = {});

/// Follows the time-series rows: since when the line current has sat at the rectifier limit
/// potline.max_current. A run stopped by a guard with the current there names the limit as the
/// likely cause (trial 6, T6-24: a power CSV 300 × nominal failed at 1,100 °C after 15.7 h).
class CurrentLimitWatch {
 public:
  void on_row(const line::SimulationCase& c, const line::Row& r);
  /// " — likely cause: ..." when the last row had the current at the limit, else "".
  std::string stop_cause(const line::SimulationCase& c) const;

 private:
  double since_s_ = -1;  ///< start of the rows at the limit up to the last one; -1: not at it
};

std::string timeseries_csv_header();
std::string timeseries_csv_row(const line::Row& r);
std::string events_csv_header();
/// One line per event; line events (the rectifier) carry cell -1.
std::string events_csv_rows(const std::vector<line::Event>& events);

struct SimulationRun {
  io::Json summary;
  std::string timeseries_csv;  ///< empty unless collected
  std::string events_csv;
  std::string purity_taps_csv;  ///< with [purity]: one row per tap (grade over time), else empty
  std::string cut_out_cells_csv;  ///< cells cut out of the line: one row each; empty when none
  Tables tables() const {
    Tables t = {{"timeseries.csv", timeseries_csv}, {"events.csv", events_csv}};
    if (!purity_taps_csv.empty()) t["purity_taps.csv"] = purity_taps_csv;
    if (!cut_out_cells_csv.empty()) t["cut_out_cells.csv"] = cut_out_cells_csv;
    return t;
  }
};

/// A run a physical guard stopped, with what was simulated up to the stop (Python's RunError.result,
/// T11-11): the summary is stopped_summary_json, the tables the time series and events so far.
class SimulationStoppedRun : public line::SimulationStopped {
 public:
  SimulationStoppedRun(const line::SimulationStopped& stop, SimulationRun run)
      : line::SimulationStopped(stop), partial(std::move(run)) {}
  SimulationRun partial;
};

/// Runs the simulation to its end. A tripped physical guard throws SimulationStoppedRun (a
/// line::SimulationStopped, a core::RunError) carrying the partial run. `collect_tables` false skips
/// the time series (when only the summary is needed).
SimulationRun run_simulation(const SimulationInput& input, bool collect_tables = true);

}  // namespace potline::api

#pragma once
// Internals of the potline driver shared by its source files (not installed): the per-cell run
// record, a block of cells with its records and events, and the pieces run_simulation is made of.
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "potline/control/pot_controller.hpp"
#include "potline/dynamics/alumina_zones.hpp"
#include "potline/dynamics/cell_block.hpp"
#include "potline/potline/faults.hpp"
#include "potline/potline/simulation.hpp"
#include "potline/core/constants.hpp"

namespace potline::line::detail {

/// A disturbance window of the run: [start, end], then an after-period for extremes and AEs.
struct Window {
  const char* kind;
  double start_s, end_s;  ///< as scheduled; a cell's cleared feed stop ends earlier (CellWindow)
  double planned_end_s = end_s;  ///< as the case asked, before the end of the run cut it
  /// Followed on the cells of a per-cell disturbance only (CellRun::upset_cell: an anode problem, a
  /// cover loss); the others are not in its metrics.
  bool upset_cells_only = false;
};

/// One cell's record of one window (docs/model/dynamics.md §6, "Event windows").
struct CellWindow {
  bool started = false;
  /// The reference of its recovery: the bath temperature averaged over the feed cycle before the
  /// start (what the filter holds of it; the step's temperature when no bin is complete yet).
  double pre_mean_K = 0;
  /// The bath's swing over the same cycle (max − min of the instantaneous temperature) [K].
  double pre_swing_K = 0;
  double min_temperature_K = 1e300, max_temperature_K = 0, min_superheat_K = 1e300;
  double min_ledge_m = 1e300, max_ledge_m = 0;
  /// The feed-cycle average has left the ±kRecoveryBand_K band around pre_mean_K since the start.
  bool filtered_left = false;
  /// Centre of the first average of the present run of in-band averages after the end (< 0: none).
  double in_band_since_s = -1;
  double recovered_after_s = -1;
  long ae_during = 0, ae_after = 0;
  /// A feed stop cleared by the operators an anode effect brought (disturbance.ae_clears_feed_stop)
  /// ends for this cell at the clearing, not at its scheduled end (< 0: not cleared).
  double cleared_s = -1;
};

/// The disturbance windows of a case: the outage, every feed stop, every scheduled current step
/// (at most kMaxWindows, in time order).
std::vector<Window> disturbance_windows(const SimulationCase& c);
inline constexpr std::size_t kMaxWindows = 64;
/// Extremes and AEs are followed this long after a window's end [s].
inline constexpr double kAfterWindow_s = constants::kSecondsPerDay;
/// A cell has recovered when its bath, averaged over one feed cycle, is within this of the same
/// average before the window's start, and stays there for the dwell [K].
inline constexpr double kRecoveryBand_K = 2.0;

/// How a window's recovery is judged (docs/model/dynamics.md §6, "Event windows"): the bath
/// temperature summed in bins of bin_s (a whole number of steps), averaged over the last `bins`
/// bins (one nominal feed cycle of the controller) and compared with its average over the last
/// `reference_bins` bins before the window (the same feed cycle); back in the band, the feed-cycle
/// averages must stay there for dwell_s.
struct RecoverySettings {
  double bin_s = 300;
  std::size_t bins = 1;
  std::size_t reference_bins = 1;
  double dwell_s = 0;
  [[nodiscard]] double average_s() const noexcept { return bin_s * static_cast<double>(bins); }
  [[nodiscard]] double reference_s() const noexcept {
    return bin_s * static_cast<double>(reference_bins);
  }
};
/// The settings for a run's controller and step: the average covers one nominal feed cycle,
/// overfeed_duration × (1 + (overfeed − 1)/(1 − underfeed)) (AP40 defaults: 60 min × 7/3 = 2.33 h),
/// within [1 h, 12 h]; the reference one such cycle; the dwell 30 min.
RecoverySettings recovery_settings(const control::ControllerSettings& cs, double step_s);

/// A cell's running feed-cycle average of the bath temperature (ring of bin sums).
struct RecoveryFilter {
  std::vector<double> sum_Ks, weight_s;  ///< ∫ T dt and ∫ dt of the complete bins (ring)
  std::vector<double> min_K, max_K;      ///< extremes of T in the complete bins (ring)
  std::size_t complete = 0;              ///< bins completed so far
  long bin = -1;                         ///< the bin being filled (< 0: none yet)
  double open_sum_Ks = 0, open_weight_s = 0;
  double open_min_K = 1e300, open_max_K = -1e300;
  double last_reference_K = 0;  ///< the average over the last reference_bins complete bins
};

/// What the driver keeps about one cell besides its state: controller, anode-effect state,
/// totals, statistics of the true state, and the mass and heat at the start (conservation).
struct CellRun {
  control::PotController controller;
  FeederBank feeders;            ///< feeder rotation and faults
  ProcessFaults faults;          ///< crust breakers, collapse, alumina quality, spikes, sludge
  AeCause ae_cause = AeCause::kControl;  ///< cause of the current (or last) anode effect
  dynamics::AluminaZones zones;  ///< feeder-zone deviations from the bath average
  ExchangerState exchanger;      ///< shell heat exchangers (fraction in use, rule state, heat taken)
  double zone_voltage_age_s = 0; ///< time since the zone overvoltage was evaluated
  bool in_ae = false;
  double ae_start = 0;
  double last_current = 0;
  /// Its voltage and the line current at the last step under current (above kLineOnFraction of
  /// nominal), recorded when the current changes, and when: the resistance a cell that trips a
  /// guard with the line off is held in the line at (cut_in_out.cpp).
  double on_voltage_V = 0, on_current_A = 0, on_time_s = 0;
  CellTotals totals;
  double stored_heat_start = 0;
  double alumina_start = 0, alf3_start = 0, cryolite_start = 0, metal_start = 0;
  double bath_start = 0;  ///< liquid bath mass at the start [kg]
  double min_alumina = std::numeric_limits<double>::infinity(), max_alumina = 0;
  double min_ledge = std::numeric_limits<double>::infinity(), max_ledge = 0;
  double superheat_seconds = 0;  // ∫ superheat dt
  double alumina_seconds = 0;    // ∫ bath-average alumina dt [wt%·s]
  double superheat_mean_K = 0, ledge_mean_m = 0;  ///< running means judged against the safe window
  double window_ledge_offset_m = 0;  ///< the window's ledge bounds are shifted by this (LedgeReference::kCell)
  double out_of_window_s = 0;
  double loop_limit_stretch_s = 0;  ///< out of the window with the heat-balance loop at its limit, unbroken
  bool left_window = false;
  bool out_of_window_now = false;  ///< the running means are outside the window at present
  double window_left_s = 0;        ///< when they last left it
  double fed_interval = 0;
  std::vector<CellWindow> windows;  ///< one per disturbance window
  RecoveryFilter
      recovery_filter;  ///< the bath's feed-cycle average the windows' recovery is judged on
  std::size_t first_open_window = 0;  ///< windows before this are closed for this cell
  PurityCell purity;                ///< Fe and Si of the metal pad (purity_track.hpp), updated at taps
  /// Time the bath composition was outside the validity of the liquidus correlation ([Solheim
  /// 1996], bath::kLiquidusOutOfRange) and the extremes there (max excess AlF3, min temperature).
  double liquidus_range_s = 0, liquidus_range_max_alf3_wt = 0;
  double liquidus_range_min_temperature_K = std::numeric_limits<double>::infinity();
  /// Tripped a cell-local guard (potline.on_frozen_cell, on_overheated_cell): no longer integrated
  /// or controlled, its state held; `cut` says when and why. It stays in the series, its voltage
  /// held, until the crew shorts it out (`shorted`, at cut.shorted_s).
  bool cut_out = false;
  bool shorted = false;      ///< shorted out of the series: adds nothing to the line from then on
  double held_energy_J = 0;  ///< ∫ I·V dt while held in the line between the guard and the shorting
  double held_charge_C = 0;  ///< ∫ I dt over the same time
  CutOutCell cut;
  /// Cut-in after repair (potline.cut_in, cut_in_out.cpp): the physical states the cell started
  /// the run with (its restart state), when the repaired cell is due back (infinite: never), its
  /// earlier cut-outs (each with its cut-in time) and its time out of the line before the present.
  std::array<double, dynamics::kPhysicalStateCount> start_state{};
  double cut_in_due_s = std::numeric_limits<double>::infinity();
  std::vector<CutOutCell> past_cuts;
  double out_of_line_s = 0;
  /// The start-up of its last cut-in (potline.startup_*): when it began (< 0: none running).
  double startup_start_s = -1;
  control::AcdLimitRecord acd_before_restart;  ///< the ACD record of its controllers before the last restart
  /// The side ledge is melted out (at the model's floor, dynamics.minimum_ledge), since when.
  bool ledge_out = false;
  double ledge_out_since_s = 0;
  /// Per-cell disturbances (disturbance.cells with disturbance.anode_problem_* / cover_loss_*):
  /// the cell is named, and which of them act now.
  bool upset_cell = false;
  bool anode_problem_on = false, cover_lost = false;
  /// Top heat retention in a cut (control.cut_top_loss_reduction): the factor on the top
  /// node-to-potroom conductance it sets now (1: none); the cover loss multiplies it.
  double top_retention = 1.0;
};

/// A cell cut out of, or cut in to, the line during a chunk: reported by the driver in time order.
struct LineChange {
  CutOutCell cell;
  bool cut_in = false;
};

/// The first physical guard a block tripped (docs/model/dynamics.md, "Physical guards").
struct Violation {
  bool set = false;
  StopReason reason = StopReason::kStateOutOfRange;
  std::uint32_t cell = 0;
  double time_s = 0;
  std::string message;  ///< names the cell, the time and the state
  /// A cell-local physical state (frozen bath, bath or metal pad below 660.3 °C; a bath, metal pad
  /// or node above 1100 °C): the name of the reason a cell can be cut out for; null for the others.
  const char* cut_out_reason = nullptr;
  /// The cut-out reason is a temperature above its range (potline.on_overheated_cell decides);
  /// otherwise potline.on_frozen_cell does.
  bool overheated = false;
};

/// A block of cells advanced by one thread at a time.
struct Block {
  std::size_t first = 0;  ///< global index of the first cell
  std::unique_ptr<dynamics::CellBlock> cells;
  std::vector<CellRun> runs;
  std::vector<Event> events;
  Violation violation;  ///< set: the block stopped at violation.time_s
  /// Cells of this block cut out of or cut in to the line since the driver's last report.
  std::vector<LineChange> line_changes;
  /// Line current the cells' inputs were last set to (NaN before the first step): the per-cell
  /// update is skipped while it stays the same.
  double applied_current_A = std::numeric_limits<double>::quiet_NaN();
};

/// What every step of every block needs to know about the run.
struct StepContext {
  const SimulationCase& c;
  const control::ControllerSettings& cs;
  double h = 0;             ///< step [s]
  double target_metal = 0;  ///< metal left after tapping [kg]
  int feeders = 1;          ///< point feeders per cell
  int zones = 1;            ///< alumina zones per cell
  const std::vector<Window>* windows = nullptr;  ///< disturbance windows of the run
  double window_keep = 0;   ///< exp(−h/window.averaging): running-mean weight per step
  RecoverySettings recovery{};  ///< how the windows' recovery is judged
};

/// Follows cell `run` through the open windows at time t (bath temperature, superheat, ledge).
void track_windows(const std::vector<Window>& windows, const RecoverySettings& rs, CellRun& run,
                   double t, double h, double temperature_K, double superheat_K, double ledge_m);
/// Counts an AE onset at t in the windows it falls in or after.
void count_window_ae(const std::vector<Window>& windows, CellRun& run, double t);
/// The operators an anode effect brought cleared the scenario's feed stop at t: the feed-stop
/// windows open at t end there for this cell.
void clear_feed_stop_windows(const std::vector<Window>& windows, CellRun& run, double t);
/// The windows' metrics over all cells.
/// `run_end_s`: where the run ended (its duration, or a guard's stop): a window's "after" period
/// is cut there.
std::vector<WindowMetrics> window_metrics(const std::vector<Window>& windows,
                                          const RecoverySettings& rs,
                                          const std::vector<Block>& blocks, double run_end_s);

/// State guards of one cell after a step: finite, bath not frozen, every state in its physical
/// range. False (and `v` filled) when one trips. O(1), allocates only on a violation.
/// `known_finite`: the integrator's step has already stopped on any non-finite state.
bool check_cell_state(const dynamics::CellModel& m, const double* y, const CellRun& run, double frozen_fraction,
                      std::uint32_t cell, double t, Violation& v, bool known_finite = false);
/// The cell's guard `v` (a cell-local state) cuts it out of the line at t (cut_in_out.cpp): dead,
/// held in the series until potline.cut_out_delay has passed; `v` is consumed.
void cut_out_cell(Block& b, std::size_t k, const StepContext& x, double t, Violation& v);
/// A dead cell not yet shorted, at line current I over the step that ended at t: its held energy
/// and charge; shorted once the delay has passed.
void hold_in_line(Block& b, std::size_t k, const StepContext& x, double t, double I);
/// The voltage of a dead cell held in the line at line current I: its last resistance under
/// current, E_b + (V_ref − E_b)·I/I_ref (0 at no current). docs/model/dynamics.md §7.
double held_voltage_V(const CutOutCell& c, double back_emf_V, double I);
/// The line is on above this share of the nominal current (the pot controller's "line off"
/// threshold, kOffCurrentFraction in src/control/pot_controller_internal.hpp; a modelling choice).
constexpr double kLineOnFraction = 0.05;
/// The cell's ACD record over the run (its controllers before and after restarts).
control::AcdLimitRecord acd_record(const CellRun& run);
/// A shorted cell whose repair is done (potline.cut_in = "restart"): restarted at t and back in
/// the series at line current I.
void cut_in_cell(Block& b, std::size_t k, const StepContext& x, double t, double I);
/// The side ledge of cell k reached the model's floor (`bare`) or grew back: event, count and
/// potline.on_ledge_melt_out. False when the block must stop (b.violation set).
bool on_ledge_change(Block& b, std::size_t k, const StepContext& x, double t, bool bare);
/// A ledge at or below this share above the model's floor is melted out; it is back above `kLedgeBackShare`.
inline constexpr double kLedgeOutShare = 1.001, kLedgeBackShare = 2.0;

/// Per-cell disturbances of cell k at t (cell_upsets.cpp): starts and ends them, sets the top
/// loss factor and logs. True when an input changed.
bool update_cell_upsets(Block& b, std::size_t k, const StepContext& x, double t);
/// The anode problem's rise of the cell voltage at line current I [V]: the bath's ohmic drop
/// (∂V/∂ACD × ACD) carried by the anodes left, N/(N − n).
double anode_problem_voltage_V(const CellRun& run, const SimulationCase& c, const dynamics::Electrical& e,
                               const double* y);

/// The pot controller of `cell` whose cycles (taps, anode setting) start at t0, drawing on random
/// stream `stream` (simulation.cpp).
control::PotController make_controller(const SimulationCase& c, const control::ControllerSettings& cs,
                                       std::size_t cell, double t0, std::uint64_t stream);
/// Random streams of restarted cells' controllers: this offset + n·2²⁰ + cell for the n-th restart.
inline constexpr std::uint64_t kCutInStream = 8ull << 20;

/// Energy balance of one cell (checked at output rows). False (and `v` filled) above the limit.
bool check_energy_balance(const dynamics::CellModel& m, const double* y, const CellRun& run, std::uint32_t cell,
                          double t, Violation& v);

/// Line current at t: the schedule's, or for a power schedule the regulated current of this
/// control period (zero during an outage, and before `off_until_s` while a restart waits for dead
/// pots to be shorted, potline.restart_after_outage).
double line_current_at(const SimulationCase& c, double t, double regulated_A, double off_until_s = -1.0);

/// Controller settings derived from the case and the base cell.
control::ControllerSettings controller_settings(const SimulationCase& c, const std::vector<double>& states);

/// Cells per block: at most `block_size`, as equal as possible, in a number of blocks divisible
/// by 4 where there are enough cells (balanced over 1, 2 or 4 threads).
std::vector<std::size_t> block_sizes(std::size_t cells, int block_size);

/// Splits the cells into blocks with their integrators, controllers and start records.
std::vector<Block> build_blocks(const SimulationCase& c, const control::ControllerSettings& cs,
                                const std::vector<dynamics::CellModel>& models, const std::vector<double>& states);

/// Advances block `b` by `steps` steps from step `first_step` at line current `regulated_A`
/// (power schedules), running the controllers between steps.
void advance_block(Block& b, const StepContext& x, long first_step, long steps, double regulated_A,
                   double off_until_s = -1.0);

/// The time-series row at time t over all blocks; `step_count` steps since the previous row.
/// Resets the per-interval feed counters.
Row make_row(const SimulationCase& c, std::vector<Block>& blocks, double t, long step_count, double h,
             double regulated_A, double off_until_s = -1.0);

/// Moves the blocks' events, merged in time order, to the observer (or drops them without one).
void flush_events(std::vector<Block>& blocks, std::vector<Event>& merged, Observer* observer);

/// The run summary after `duration_s`.
Summary summarise(const SimulationCase& c, std::vector<Block>& blocks, double duration_s, long total_steps);

}  // namespace potline::line::detail

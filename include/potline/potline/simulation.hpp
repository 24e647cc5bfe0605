#pragma once
// Dynamic simulation of one cell or a potline of N cells in series: the line current follows a
// schedule; every cell has its own state, controller and random stream; outputs are streamed to
// an observer (time-series rows, events) and summarised at the end.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "potline/cell/inputs.hpp"
#include "potline/control/pot_controller.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/batch.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/potline/feeders.hpp"
#include "potline/potline/heat_exchangers.hpp"
#include "potline/potline/pfc.hpp"
#include "potline/potline/purity_track.hpp"
#include "potline/potline/schedule.hpp"

namespace potline::line {

enum class IntegratorKind { kBatch, kCvode };
enum class EventDetail { kAll, kControl, kNone };

struct Spread {
  double acd = 0;          ///< relative sd of the initial ACD
  double heat_loss = 0;    ///< relative sd of the thermal resistances
  double dissolution = 0;  ///< relative sd of the alumina dissolution rate
};

/// What the ledge bounds of the safe window are measured from (docs/model/dynamics.md §6).
enum class LedgeReference : std::uint8_t {
  kAbsolute,  ///< the bounds as given
  kCell,      ///< each cell's own design ledge: bounds shifted by (its ledge − dynamics.initial_ledge)
};

/// The safe window ([window]). Its defaults live once, in the simulate schema (window.*), and a
/// case built from it sets every member; the bounds below only repeat them for code that builds
/// heat-state bounds without a case (benchmarks), and the averaging has none here.
struct SafeWindow {
  double superheat_min_K = 5, superheat_max_K = 15;   ///< [Shen et al. 500 kA model]
  double ledge_min_m = 0.05, ledge_max_m = 0.10;
  LedgeReference ledge_reference = LedgeReference::kAbsolute;
  double averaging_s{};  ///< superheat and ledge judged on running means over this time (window.averaging)
};

/// What a cell-local physical guard does (potline.on_frozen_cell for a frozen bath, a bath or metal
/// pad below the melting point of aluminium; potline.on_overheated_cell for a bath, metal pad or
/// lining node above 1100 °C; docs/model/dynamics.md §7, "Cut out of the line").
enum class FrozenCellAction : std::uint8_t {
  kCutOut,  ///< shorted out of the series (cut-out switches); the line runs on with the others
  kStop,    ///< the run stops (exit 1)
};

/// What a cell whose side ledge has melted out does (potline.on_ledge_melt_out; docs/model/dynamics.md
/// §7, "Ledge melt-out"): the bath reaches the side lining, which plants treat as a tap-out risk.
enum class LedgeMeltOutAction : std::uint8_t {
  kWarn,    ///< an event (ledge_melted_out) and a summary count; the cell runs on
  kCutOut,  ///< cut out of the line as potline.on_frozen_cell = "cut_out" does
  kStop,    ///< the run stops (exit 1)
};

/// What happens to a cell cut out of the line after its repair (potline.cut_in; dynamics.md §7).
enum class CutInAction : std::uint8_t {
  kNever,    ///< it stays out to the end of the run
  kRestart,  ///< cut in again potline.repair_time after its shorting, restarted (bath and metal poured)
};

/// What the power of a power schedule is the power of (potline.power_basis; dynamics.md §6).
enum class PowerBasis : std::uint8_t {
  kLine,         ///< the line's DC power as written: the cells in the line share all of it
  kCellsInLine,  ///< the power of all potline.cells: the set point is scaled by cells in line / cells
};

/// When the line's current returns after an outage while a dead pot in the series is not yet
/// shorted (potline.restart_after_outage; dynamics.md §7, "Restart after an outage").
enum class RestartPractice : std::uint8_t {
  kOnSchedule,     ///< the current returns as scheduled; the dead pot carries it until it is shorted
  kAfterShorting,  ///< the line stays off until the crew has shorted every dead pot in the series
};

/// Disturbances of named cells (disturbance.cells; docs/model/dynamics.md §6, "Per-cell
/// disturbances"): an anode problem and a lost anode cover, each from a start for a duration.
struct CellUpsets {
  double anode_problem_start_s = -1;  ///< < 0: none
  double anode_problem_duration_s = 0;
  int anodes_out = 1;                 ///< anodes carrying no current (burnt off, disconnected)
  double cover_loss_start_s = -1;     ///< < 0: none
  double cover_loss_duration_s = 0;
  double cover_loss_factor = 1.5;     ///< top node-to-potroom conductance × this while the cover is lost
  bool any() const { return anode_problem_start_s >= 0.0 || cover_loss_start_s >= 0.0; }
};

struct SimulationCase {
  std::string title;
  std::string technology;  ///< case.technology's catalogue id as run ("": none); summary key `technology`
  cell::CellDesign design;
  cell::ModelConstants constants;
  cell::OperatingPoint op;
  /// The operating point the heat-loss network is calibrated at (docs/model/dynamics.md, "Thermal
  /// calibration"): a catalogue technology's own point (with the case's design); none: `op` itself.
  /// When its current, ACD or bath composition differ from `op`'s, each cell starts in the steady
  /// state of that network at `op`, and op.bath_temperature_K is that steady temperature.
  std::optional<cell::OperatingPoint> calibration_op;
  std::string calibration_basis = "the case's operating point";  ///< in words (run output)
  /// The design whose heat generation at calibration_op the network loses (per m² of each path): a
  /// catalogue technology's own design when the case changes design.*, so that a higher cathode or
  /// anode drop warms the cell (user trial T19-22); the cells then start in the steady state of
  /// `design` at `op`. none: `design` (the case's design is calibrated, as before).
  std::optional<cell::CellDesign> calibration_design;
  /// Steady ledge at `op` of the cell without spread, where the run starts (0: dynamics.initial_ledge).
  double start_ledge_m = 0;
  dynamics::DynamicsParameters dynamics;
  control::ControllerSettings control;
  FeederSettings feeders;             ///< point feeders, alumina zones, feeder faults
  HeatExchangerSettings exchangers;   ///< optional shell heat exchangers and their schedule or rule
  bool target_voltage_given = false;
  /// The run derives control.slope_threshold so that the feed cycle's mean alumina is bath.alumina
  /// (docs/model/dynamics.md §4, "Feed: where the cycle sits"): control.centre_feed_cycle (default
  /// true), unless control.slope_threshold is given.
  bool centre_feed_cycle = true;
  int cells = 1;
  double duration_s = 86400;
  std::uint64_t seed = 1;
  CurrentSchedule schedule;
  /// Power schedules: the rectifier re-sets the line current to meet the power this often [s].
  double power_control_period_s = 60.0;
  /// Power schedules: the line's power as written, or scaled by the cells in the line
  /// (potline.power_basis).
  PowerBasis power_basis = PowerBasis::kLine;
  Spread spread;
  IntegratorKind integrator = IntegratorKind::kBatch;
  dynamics::BatchOptions batch;
  double cvode_relative_tolerance = 1e-6;
  bool controller_enabled = true;     ///< false: constant feed, no events (tests)
  double open_loop_feed_factor = 1.0; ///< without controller: feed = factor × Faraday demand
  std::string pfc_set = "IPCC2006";   ///< names as in data/emissions/ipcc-aluminium.toml (reported)
  std::string pfc_technology = "CWPB";
  std::string pfc_basis;              ///< where the class and set come from (simulate_pfc.cpp; reported)
  PfcMethod pfc_method = PfcMethod::kSlope;
  std::string gwp_set = "AR5";
  PfcCoefficients pfc_coefficients;   ///< of (pfc_set, pfc_technology), from the one table
  Gwp gwp;                            ///< of gwp_set, from the one table
  double low_voltage_cf4_kg_per_kg = 0;  ///< pfc.low_voltage_cf4 (input kg/t), kg CF4 per kg Al
  SafeWindow window;
  int threads = 1;
  int block_size = 16;
  double output_interval_s = 3600;
  EventDetail events = EventDetail::kControl;
  /// A cell whose liquid bath falls below this share of its initial mass is frozen: cut out of
  /// the line or the run stops, as on_frozen_cell says (docs/model/dynamics.md, "Physical guards").
  double frozen_bath_fraction = 0.5;
  /// A cell that trips a cell-local physical guard (frozen bath, bath or metal pad below 660.3 °C)
  /// is cut out of the line, or the run stops (potline.on_frozen_cell).
  FrozenCellAction on_frozen_cell = FrozenCellAction::kCutOut;
  /// The cells the scenario's feed stop (disturbance.feed_stop_*) applies to, 0-based as in the
  /// outputs, ascending (disturbance.cells); empty: every cell.
  std::vector<std::uint32_t> disturbance_cells;
  /// A cell whose bath, metal pad or a lining node rises above 1100 °C is cut out of the line, or
  /// the run stops (potline.on_overheated_cell).
  FrozenCellAction on_overheated_cell = FrozenCellAction::kCutOut;
  /// Time from the guard to the cell's shorting by the crew [s] (potline.cut_out_delay): the dead
  /// cell stays in the series meanwhile, its state and voltage held as they were at the guard.
  double cut_out_delay_s = 3600.0;
  /// The line's restart after an outage with dead pots not yet shorted (potline.restart_after_outage).
  RestartPractice restart_after_outage = RestartPractice::kOnSchedule;
  /// A cut-out cell is cut in again after its repair, restarted, or stays out (potline.cut_in).
  CutInAction cut_in = CutInAction::kNever;
  /// Time from a cell's shorting to its cut-in (potline.repair_time) [s].
  double repair_time_s = 72 * 3600.0;
  /// Start-up of a cell cut in after its repair (potline.startup_voltage, potline.startup_time):
  /// its controller's target is raised by startup_voltage_V at the cut-in, the raise falling
  /// linearly to zero over startup_time_s (0 V or 0 s: none).
  double startup_voltage_V = 0.5;
  double startup_time_s = 72 * 3600.0;
  /// A cell whose side ledge melts out (potline.on_ledge_melt_out).
  LedgeMeltOutAction on_ledge_melt_out = LedgeMeltOutAction::kWarn;
  /// Anode problem and lost cover on the cells of disturbance.cells (disturbance.anode_problem_*,
  /// disturbance.cover_loss_*).
  CellUpsets upsets;
  PurityTrackSettings purity;         ///< grade over time ([purity]; purity_track.hpp)
};

enum class EventKind : std::uint8_t {
  kFeed, kUnderfeed, kOverfeed, kBeamMove, kTap, kAnodeChange, kBeamRaise, kAnodeEffectStart,
  kAnodeEffectEnd, kAlF3Rate, kBathSample,
  kBathFrozen,    ///< a cell's bath froze (value: liquid bath left, % of its initial mass): cut out or the run stops
  kCurrentLimit,  ///< the rectifier limit started to hold a regulated current (value: requested kA)
  kFeederChoke,    ///< a feeder choked: delivers nothing (value: feeder number, 1-based)
  kFeederPartial,  ///< a feeder is partly blocked (value: feeder number)
  kFeederCleared,  ///< a feeder fault was cleared (value: feeder number)
  kBreakerFailed,    ///< a crust breaker failed: its feeder's shots stay on the crust (value: feeder)
  kBreakerRepaired,  ///< the breaker works again; the pile falls in as sludge (value: kg)
  kCrustCollapse,    ///< a piece of crust fell into the bath as sludge (value: kg alumina)
  kPoorAlumina,      ///< a poor-alumina period started (value 1) or ended (value 0)
  kAnodeSpike,       ///< an anode spike touched the metal (value 1) or was removed (value 0)
  // A cell's running means left the safe window (value: the mean that crossed, first limit in this
  // order) or came back into it (value: hours out); window.* and docs/model/dynamics.md §6.
  kWindowSuperheatLow,   ///< running-mean superheat below window.superheat_min (value: K)
  kWindowSuperheatHigh,  ///< running-mean superheat above window.superheat_max (value: K)
  kWindowLedgeThin,      ///< running-mean ledge below window.ledge_min (value: cm, from the window's reference)
  kWindowLedgeThick,     ///< running-mean ledge above window.ledge_max (value: cm)
  kWindowReturned,       ///< back in the window (value: hours out)
  kCellCutOut,           ///< a cell was cut out of the line (value: its voltage, which leaves the line's, V)
  kCellCutIn,            ///< a repaired cell was cut in again, restarted (value: its voltage, which joins the line's, V)
  kLedgeMeltedOut,       ///< a cell's side ledge melted out: bath on the side lining (value: ledge, cm)
  kLedgeReformed,        ///< its ledge grew back (value: hours without ledge)
  kAnodeProblem,         ///< an anode problem started (value: anodes out) or ended (value 0)
  kCoverLoss,            ///< a cell lost its anode cover (value: top-loss factor) or it was restored (value 0)
  /// An anode effect brought the operators, who cleared the scenario's feed stop
  /// (disturbance.ae_clears_feed_stop; value: the stopped feeder, 0 every feeder): its window ends.
  kFeedStopCleared,
  /// The line's restart after an outage waited for dead pots to be shorted
  /// (potline.restart_after_outage = "after_shorting"; line event, value: hours held).
  kRestartHeld,
};
const char* to_string(EventKind kind) noexcept;
const char* event_unit(EventKind kind) noexcept;

/// Cell index of events that concern the whole line (the rectifier).
inline constexpr std::uint32_t kLineEvent = 0xFFFFFFFFu;

struct Event {
  double time_s;
  std::uint32_t cell;  ///< cell index, or kLineEvent
  EventKind kind;
  double value;
};

/// One time-series row: instantaneous values at time_s over the line (for one cell: its values).
struct Row {
  double time_s = 0;
  double line_current_A = 0;
  double mean_voltage_V = 0;
  double line_power_W = 0;
  double energy_J = 0;             ///< cumulative line energy
  double production_kg = 0;        ///< cumulative metal produced, summed over the cells (cut-out ones to their cut-out)
  double mean_alumina_wt = 0, min_alumina_wt = 0, max_alumina_wt = 0;
  double mean_undissolved_kg = 0;
  double mean_alf3_wt = 0;
  double mean_temperature_K = 0;
  double mean_superheat_K = 0;
  double mean_ledge_m = 0, min_ledge_m = 0, max_ledge_m = 0;
  double mean_acd_m = 0;
  double mean_metal_kg = 0;
  double mean_bath_kg = 0;         ///< liquid bath
  double mean_heat_loss_W = 0;
  int cells_in_ae = 0;
  long ae_count = 0;               ///< cumulative
  double mean_feed_kg_per_s = 0;   ///< interval mean
  double mean_metal_temperature_K = 0;  ///< the metal pad's own temperature
  double line_voltage_V = 0;            ///< sum over the cells in the line
  /// cells in the series: live cells, and dead cells until the crew shorts them out
  /// (potline.cut_out_delay); the means are over the live cells
  int cells_in_line = 0;
};

/// A cell cut out of the line (potline.on_frozen_cell = "cut_out"; docs/model/dynamics.md §7):
/// when, why, and its state at that time (kept as it was: the cell is no longer integrated).
struct CutOutCell {
  std::uint32_t cell = 0;
  double time_s = 0;
  std::string reason;  ///< the guard: "bath_frozen", "bath_temperature_low", "metal_frozen", "ledge_melted_out",
                       ///< "bath_overheated", "metal_overheated", "node_overheated"
  /// When the crew shorted it out of the series (time_s + potline.cut_out_delay); until then it
  /// was in the line with its state and voltage held.
  double shorted_s = 0;
  std::string message;  ///< the guard's message (names the cell, the time and the state)
  double bath_temperature_K = 0, metal_temperature_K = 0;
  double superheat_K = 0;  ///< against the liquidus of its bath at that time
  double liquid_bath_kg = 0;
  double liquid_bath_fraction = 0;  ///< of its liquid bath at the start
  double ledge_m = 0;
  double alf3_excess_wt = 0;
  double voltage_V = 0;  ///< its voltage then (0 when the line was off: no current, no voltage)
  /// The line was off at the guard (below 5 % of the nominal current, an outage): its voltage then
  /// says nothing of the pot under current. Held in the line when the current returns before the
  /// crew shorts it, it carries it at its last resistance under current (reference_* below).
  bool line_off = false;
  /// Its last voltage and current under current (> 5 % of nominal) up to the guard, and when: the
  /// held pot's voltage at a line current I is E_b + (reference_voltage_V − E_b)·I /
  /// reference_current_A (docs/model/dynamics.md §7: a lower bound for a frozen pot).
  double reference_voltage_V = 0, reference_current_A = 0, reference_time_s = 0;
  /// While held in the line (guard to shorting): the time it carried the line current (> 5 % of
  /// nominal) and its voltage at the last such step (0 and 0: it carried none).
  double held_current_s = 0, held_voltage_V = 0;
  /// When it was cut in again after its repair (potline.cut_in = "restart"); < 0: not in the run.
  double cut_in_s = -1;
  double cut_in_voltage_V = 0;  ///< its voltage after the restart
};

/// True when `cell` was cut out for a temperature above its range (potline.on_overheated_cell),
/// false for a frozen or too cold cell (potline.on_frozen_cell).
bool overheated(const CutOutCell& cell);
/// The key whose "cut_out" value cut `cell` out: "on_frozen_cell", "on_overheated_cell" or
/// "on_ledge_melt_out".
const char* cut_out_key(const CutOutCell& cell);

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_row(const Row&) {}
  virtual void on_events(const std::vector<Event>&) {}
  virtual void on_progress(double /*simulated_s*/, double /*end_s*/) {}
  /// Polled between integration chunks (at most an hour of simulated time apart): true ends the
  /// run early at the time reached, with a row there and Summary::complete = false.
  virtual bool stop_requested() { return false; }
  /// A cell was cut out of the line (reported after the integration chunk it happened in, in time
  /// order; before the rows and events of that chunk).
  virtual void on_cell_cut_out(const CutOutCell& /*cell*/, int /*cells_in_line*/) {}
  /// A repaired cell was cut in again (potline.cut_in; reported like on_cell_cut_out, merged with
  /// the cut-outs in time order).
  virtual void on_cell_cut_in(const CutOutCell& /*cell*/, int /*cells_in_line*/) {}
};

/// Cause an anode effect is attributed to (docs/model/faults.md): the first condition in this
/// order active at its onset; kControl: none (the feeding and tracking cycle alone).
enum class AeCause : std::uint8_t { kFeedStop, kFeeder, kCrustBreaker, kPoorAlumina, kAnodeChange, kSludge, kControl };
inline constexpr std::size_t kAeCauses = 7;
const char* to_string(AeCause cause) noexcept;

/// Process-fault events and the anode effects attributed to each cause.
struct FaultCounts {
  long breaker_failures = 0, crust_collapses = 0, poor_alumina_periods = 0, anode_spikes = 0;
  std::array<long, kAeCauses> ae_count{};
  std::array<double, kAeCauses> ae_seconds{};
  double sludge_formed_kg = 0;  ///< alumina that fell to the bottom as sludge
  double sludge_final_kg = 0;   ///< sludge left at the end
};

struct CellTotals {
  double energy_in_J = 0, energy_line_J = 0, energy_chemical_J = 0, energy_lost_J = 0;
  double energy_anode_J = 0, tapped_heat_J = 0, stored_heat_change_J = 0;
  double energy_balance_error = 0;  ///< |residual| / energy in
  double charge_C = 0, metal_produced_kg = 0, metal_tapped_kg = 0, metal_change_kg = 0;
  double alumina_fed_kg = 0, alumina_consumed_kg = 0, alumina_change_kg = 0;
  double alf3_added_kg = 0, alf3_consumed_kg = 0, alf3_change_kg = 0;
  double cryolite_change_kg = 0;   ///< liquid cryolite + ledge
  long ae_count = 0;
  double ae_seconds = 0, ae_volt_seconds = 0;
  double ae_onset_alumina_wt_sum = 0;  ///< Σ bath-average dissolved alumina at AE onsets
  double ae_onset_zone_wt_sum = 0;     ///< Σ alumina of the zone that started each AE
  long feeder_faults = 0;              ///< stochastic feeder faults started
  FaultCounts faults;                  ///< process faults and anode effects by cause
  long beam_moves = 0, taps = 0, anode_changes = 0;
  control::AcdLimitRecord acd;         ///< time held by the ACD limits, ACD range
  /// Restarts after a repair (potline.cut_in) and what they poured in: the stored heat of the
  /// restart state over the dead cell's (not drawn from the line), metal, alumina, AlF3 and
  /// cryolite + ledge. The balances close with them: stored-heat change = energy terms + cut_in_heat.
  long cut_ins = 0;
  double cut_in_heat_J = 0, cut_in_metal_kg = 0, cut_in_alumina_kg = 0, cut_in_alf3_kg = 0;
  double cut_in_cryolite_kg = 0;
  /// ∫ I · (start-up raise of the target) dt over its start-ups (potline.startup_*): the energy the
  /// raised target asks of the line, an estimate of the start-ups' extra energy [J].
  double startup_energy_J = 0;
  /// The top heat a cut's retention kept (control.cut_top_loss_reduction; docs/model/dynamics.md
  /// §4): at each controller sample the top's outer-path loss at the moment's top temperature
  /// without the retention less with it (the controller's own count against a cut's deficit), ×
  /// the sample period [J]. An accounting figure: its energy is in energy_lost_J already.
  double top_heat_kept_J = 0;
  long ledge_melt_outs = 0;    ///< times its side ledge melted out (potline.on_ledge_melt_out)
  double ledge_bare_s = 0;     ///< time without ledge
  /// The heat-balance loop at its limit while the cell was out of its safe window (the loop had no
  /// authority left to bring it back; user trial T14-4): in all, and the longest unbroken stretch.
  double loop_limit_out_of_window_s = 0, loop_limit_out_of_window_longest_s = 0;
};

/// One disturbance of the run (outage, feed stop, current step) and how the cells went through
/// it (docs/model/dynamics.md §6, "Event windows"). Extremes are over all cells from the start of
/// the window to 24 h after its end; recovery is per cell, the time from the end to the centre of
/// the first feed-cycle average of its bath temperature that is within 2 K of the same average
/// before the start and stays there for the dwell (30 min); the slowest cell is reported.
struct WindowMetrics {
  std::string kind;  ///< "outage", "feed_stop", "current_step", "anode_problem", "cover_loss"
  /// The cells it was followed on: every cell in the line, an anode problem's or cover loss's only
  /// their disturbance.cells.
  int cells = 0;
  /// end_s: the window's end; a feed stop cleared at an anode effect (disturbance.ae_clears_feed_stop)
  /// ends at the latest clearing of its cells, before its scheduled_end_s
  double start_s = 0, end_s = 0, scheduled_end_s = 0;
  /// The end the case asked for; later than scheduled_end_s when the end of the run cut the window
  /// (trial 9, T9-6).
  double planned_end_s = 0;
  /// The "after" period the AE count covers: 24 h, or less when the run ended first [s].
  double after_s = 0;
  bool after_cut = false;  ///< the run ended before the 24 h after its end were over
  int cells_cleared = 0;  ///< cells whose feed stop an anode effect cleared before its scheduled end
  double min_temperature_K = 0, max_temperature_K = 0;
  double min_superheat_K = 0;
  double min_ledge_m = 0, max_ledge_m = 0;
  double recovery_s = -1;        ///< slowest cell; < 0: some cell had not recovered at the end
  /// The feed-cycle average and the dwell recovery_s is judged with [s].
  double recovery_average_s = 0, recovery_dwell_s = 0;
  /// The bath's swing (max − min) over the feed cycle before the start, the largest over the cells
  /// [K]: the scale the 2 K band is read against.
  double pre_swing_K = 0;
  int cells_not_recovered = 0;
  long ae_during = 0;            ///< AE onsets within the window
  long ae_after = 0;             ///< AE onsets in the 24 h after its end
  int cells_cut_out = 0;  ///< cells cut out before they recovered (not in cells_not_recovered)
};

struct Summary {
  double simulated_days = 0;
  int cells = 0;
  double mean_line_current_A = 0;
  double mean_voltage_V = 0;
  double current_efficiency = 0;
  double sec_dc_kWh_per_kg = 0;
  double production_t = 0;
  double energy_MWh = 0;
  AnodeEffectStatistics ae;
  double ae_onset_alumina_wt = 0;  ///< mean bath-average dissolved alumina at AE onset (0: no AE)
  double ae_onset_zone_wt = 0;     ///< mean alumina of the zone that started the AE (0: no AE)
  int feeders_per_cell = 0, zones_per_cell = 0;
  long feeder_faults = 0;          ///< stochastic feeder faults over all cells
  FaultCounts faults;              ///< process faults and anode effects by cause, all cells
  PfcResult pfc;
  double mean_superheat_K = 0;
  double min_ledge_m = 0, max_ledge_m = 0;
  double alumina_min_wt = 0, alumina_max_wt = 0;
  double mean_alumina_wt = 0;  ///< time mean of the bath-average alumina over the cells in the line
  /// The feed control's overfeed threshold (control.slope_threshold) and whether the run derived
  /// it, centring the tracking cycle on bath.alumina (docs/model/dynamics.md §4).
  double feed_slope_threshold_V_per_s = 0;
  bool feed_slope_threshold_derived = false;
  double energy_balance_error = 0;  ///< worst cell
  /// Cells whose running-mean superheat or ledge left the window (a cut-out cell: before its
  /// cut-out).
  int cells_out_of_window = 0;
  double cell_hours_out_of_window = 0;
  double final_mean_temperature_K = 0;
  /// Bath outside the validity of the liquidus correlation ([Solheim 1996]): cells, cell-hours,
  /// the longest of one cell, and over those times the highest excess AlF3 and the lowest bath
  /// temperature (0 when no cell left it). The superheat and freeze verdicts there are extrapolated.
  int cells_outside_liquidus_range = 0;
  double liquidus_range_cell_hours = 0, liquidus_range_max_cell_hours = 0;
  double liquidus_range_max_alf3_wt = 0, liquidus_range_min_temperature_K = 0;
  long cell_steps = 0;
  long voltage_evaluations = 0;
  double wall_seconds = 0;
  double current_limit_hours = 0;   ///< time the rectifier limit held a regulated current
  /// Time the line's restarts after outages waited for dead pots to be shorted, and how many did
  /// (potline.restart_after_outage = "after_shorting").
  double restart_held_hours = 0;
  int restarts_held = 0;
  /// ACD limits of the resistance control (control.acd_min, control.acd_max,
  /// control.min_anode_immersion): cell-hours it asked for more than the ceiling / floor allowed,
  /// the cells that did, and the ACD range over all cells.
  double acd_at_max_cell_hours = 0, acd_at_min_cell_hours = 0;
  /// cell-hours the ACD read was below control.acd_min (the metal pad rose between two beam
  /// decisions; the controller raises the anodes back at the next one)
  double acd_below_min_cell_hours = 0;
  int cells_at_acd_limit = 0;
  /// The heat-balance loop's offset at its limit (control.temperature_max_offset): cell-hours and the
  /// most of one cell; of them, the cell-hours with the cell out of its safe window, the longest
  /// unbroken stretch of one cell and the cells with a stretch of a day or more (user trial T14-4;
  /// docs/model/dynamics.md §4, "A hot pot").
  double loop_at_limit_cell_hours = 0, loop_at_limit_max_cell_hours = 0;
  double loop_limit_out_of_window_cell_hours = 0, loop_limit_out_of_window_max_h = 0;
  int cells_loop_limit_out_of_window_a_day = 0;
  double hot_cell_hours = 0;  ///< the last bath reading marked the pot hot (control.hot_bath_margin)
  double min_acd_m = 0, max_acd_m = 0;
  /// Shell heat exchangers (heat_exchangers.enabled; all 0 without): largest extraction per cell at
  /// the design shell temperature (mean over cells), mean extraction per cell over the run, heat
  /// taken over all cells, mean fraction in use at the end.
  double exchanger_max_W = 0, exchanger_mean_W = 0, exchanger_energy_J = 0, exchanger_final_fraction = 0;
  bool complete = true;             ///< false: stopped early (Observer::stop_requested) at simulated_days
  std::vector<CellTotals> per_cell;  ///< for conservation checks
  std::vector<WindowMetrics> windows;  ///< one per disturbance window, in time order
  PuritySummary purity;                ///< grade over time (enabled with [purity])
  /// Cells cut out of the line (potline.on_frozen_cell = "cut_out"), by time then cell; the line's
  /// means, energy, production and emissions count each cell while it was in the line.
  std::vector<CutOutCell> cut_out;
  int cells_in_line = 0;  ///< at the end
  long cut_ins = 0;            ///< cells cut in again after a repair (potline.cut_in)
  double cut_in_heat_J = 0;    ///< stored heat the restarts poured in (not drawn from the line)
  double startup_energy_J = 0;  ///< the start-ups' raise × current (CellTotals::startup_energy_J)
  long ledge_melt_outs = 0;    ///< ledge melt-outs over all cells (potline.on_ledge_melt_out)
  int cells_ledge_melted_out = 0;
  double ledge_bare_cell_hours = 0;
};

/// Why a physical guard stopped a run.
enum class StopReason { kBathFrozen, kStateOutOfRange, kEnergyBalance, kLedgeMeltedOut };
const char* to_string(StopReason reason) noexcept;

/// A physical guard stopped the run (docs/model/dynamics.md, "Physical guards"): a bath froze, a
/// state left its physical range or became non-finite, or the energy balance drifted. what()
/// names the cell, the time and the state. The observer has received every row up to the last
/// full output interval before `time_s` and the events up to `time_s`.
/// The heat-balance loop's figures of a run that stopped (Summary's loop_* and hot_cell_hours up to the
/// stop; user trial T15-1: a run that stops frozen is when the loop's warning matters).
struct StoppedLoopFigures {
  double at_limit_cell_hours = 0, at_limit_max_cell_hours = 0;
  double out_of_window_at_limit_cell_hours = 0, out_of_window_at_limit_max_h = 0;
  int cells_out_of_window_at_limit_a_day = 0;
  double hot_cell_hours = 0;
  /// The run up to the stop, for its warnings and notes (docs audit DA19-21, user trial T19-17: a
  /// stopped run lost the liquidus-validity note that explains its last hours, and the cut-outs
  /// before the stop): the cells cut out of the line (and cut in again) so far, and the bath
  /// outside the liquidus correlation's validity (as Summary's liquidus_range_* fields).
  std::vector<CutOutCell> cut_out;
  int cells_outside_liquidus_range = 0;
  double liquidus_range_cell_hours = 0, liquidus_range_max_cell_hours = 0,
         liquidus_range_max_alf3_wt = 0;
  double liquidus_range_min_temperature_K = 0;
};

class SimulationStopped : public core::RunError {
 public:
  SimulationStopped(const std::string& message, StopReason reason, std::uint32_t cell, double time_s,
                    double last_row_s, StoppedLoopFigures loop_figures = {})
      : core::RunError(message), reason(reason), cell(cell), time_s(time_s), last_row_s(last_row_s),
        loop(loop_figures) {}
  StopReason reason;
  std::uint32_t cell;
  double time_s;      ///< simulated time of the violation [s]
  double last_row_s;  ///< time of the last time-series row written [s]
  StoppedLoopFigures loop;  ///< the heat-balance loop up to the stop
};

/// Runs the simulation. Throws SimulationStopped when a physical guard trips and core::RunError
/// on solver failure (naming the cell and states).
Summary run_simulation(const SimulationCase& c, Observer* observer = nullptr);

/// The cell models and initial states the run uses (after spread), for tests.
std::vector<dynamics::CellModel> build_models(const SimulationCase& c, std::vector<double>& states);

/// The dynamics parameters every cell of the run starts from (before its spread): the case's, with
/// the anode cycle of the controller and no shell heat exchangers unless fitted.
dynamics::DynamicsParameters cell_dynamics_parameters(const SimulationCase& c);

/// The current-efficiency note of cell::dewing_current_note for a run of `c` whose line current is
/// `low_A`…`high_A` (one value: its mean): against the current the CE was calibrated at (the
/// thermal calibration point's, else the case's). simulate, flex and fleet.flex print it (T8-9).
std::optional<std::string> ce_current_note(const SimulationCase& c, double low_A, double high_A, std::string_view what);

}  // namespace potline::line

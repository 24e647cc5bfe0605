#pragma once
// The `potline flex` case: a simulate case (technology, dynamics, control, [potline] cells) plus
// [flex] (dispatch limits, heat-state bounds, solver), [economics] (metal, alumina, carbon,
// penalties) and [envelope]. Every field is declared once in flex_schema.cpp (io::SchemaTable).
// SI inside: powers as shares of the nominal power (1 = nominal), money in EUR per SI unit.
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::flex {

enum class SolverChoice { kAuto, kLp, kMilp };
/// The production curve the dispatch uses (flex.production_curve; docs/model/flexibility.md §2).
enum class ProductionCurveChoice { kConcave, kMeasured };
/// The production's lag behind the power (flex.production_lag; docs/model/flexibility.md §2).
enum class ProductionLagChoice { kNone, kFirstOrder };
/// The rise out of a cut (flex.rise_state; docs/model/flexibility.md §3, "The rise out of a cut").
enum class RiseStateChoice { kNone, kHeatDeficit };

/// Defaults of flex.min_power and flex.max_power (shares of nominal power), declared once: the
/// schema gives them (flex_schema.cpp, in %) and DispatchSettings below takes them as initializers,
/// so a FlexCase built without the schema (tests, benchmarks, the API) has the case file's limits
/// (FlexSchema.StructDefaultsAreTheSchemaDefaults). Source: the schema's (conventional potlines
/// tolerate about ±5 % power).
inline constexpr double kDefaultMinPowerShare = 0.95;
inline constexpr double kDefaultMaxPowerShare = 1.05;

/// Default of flex.simulated_cells, declared once (the schema gives it; its source is the
/// schema's): bath samples every 3 h of the day (docs/model/flexibility.md §4, "Simulated cells").
inline constexpr int kDefaultSimulatedCells = 8;

/// Dispatch limits and solver settings ([flex]).
struct DispatchSettings {
  double horizon_s = 86400;               ///< optimised time from flex.start (the series as selected)
  double production_target = 1.0;         ///< metal over the horizon, share of nominal production
  double min_power = kDefaultMinPowerShare;  ///< line power, share of the nominal power
  double max_power = kDefaultMaxPowerShare;  ///< the dispatch stays within the rectifier's reach too
  double ramp_per_s = 0.2 / 3600;         ///< largest change of the power share per second
  int max_changes_per_day = 0;            ///< set-point changes per calendar day; 0: no limit
  double min_dwell_s = 0;                 ///< shortest time between two set-point changes; 0: none
  double change_penalty_eur = 0;          ///< cost of one set-point change (wear, operator time)
  double max_off_s = 0;                   ///< longest stop of the line (power zero) in a row; 0: never off
  std::optional<double> ledge_min_m, ledge_max_m;          ///< default: [window]
  std::optional<double> superheat_min_K, superheat_max_K;  ///< default: [window]
  double end_ledge_tolerance_m = 0.005;   ///< |ledge at the end − ledge at the start| ≤ this
  SolverChoice solver = SolverChoice::kAuto;
  double mip_gap = 0.005;                 ///< relative gap at which CBC stops
  ProductionCurveChoice production_curve = ProductionCurveChoice::kConcave;
  ProductionLagChoice production_lag = ProductionLagChoice::kNone;
  RiseStateChoice rise_state = RiseStateChoice::kNone;
  double time_limit_s = 10;               ///< CBC time limit
  int max_resolves = 4;                   ///< re-simulation rounds that tighten bounds
  double fit_duration_s = 24 * 3600.0;    ///< length of each step-response run of the fit
  double ae_after_ramp_s = 4 * 3600.0;    ///< anode effects this soon after a power increase count as caused by it
  /// Cells simulated in the dispatch's dynamic runs (the fit, the checks, the constant levels),
  /// their tap, bath-sample and anode-change phases spread over the day as a line's are; the
  /// results are per cell (flex.simulated_cells; docs/model/flexibility.md §4). The envelope holds
  /// one cell.
  int simulated_cells = kDefaultSimulatedCells;
};

/// Defaults of [economics] in the schema's units, each declared once: flex_schema.cpp gives them as
/// the schema defaults and Economics below as its initializers, so a FlexCase built without the
/// schema (tests, benchmarks, the API) prices as a case file does. Their sources are the schema's
/// (docs/cli.md, Source column), repeated here.
/// LME 2024 average 2,392 USD/t [EGA 2024] at 1.0824 USD/EUR [ECB 2024]: 2,210 EUR/t.
inline constexpr double kDefaultMetalPrice_EUR_per_t = 2210.0;
/// Estimate: between ≈ 350 USD/t early in 2024 and > 700 USD/t at its end [Rusal alumina 2024].
inline constexpr double kDefaultAluminaPrice_EUR_per_t = 450.0;
/// Estimate: stoichiometric 1.889 kg/kg (molar masses) plus ≈ 1.5 % handling losses.
inline constexpr double kDefaultAluminaConsumption_kg_per_kg = 1.92;
/// Estimate: the 600 USD/t anode price of examples/invest-new-build.toml at [ECB 2024].
inline constexpr double kDefaultCarbonPrice_EUR_per_t = 550.0;
/// Estimate: 2024 EU ETS allowance average about 65 EUR/t, as data/fleet-paths.toml.
inline constexpr double kDefaultCo2Price_EUR_per_t = 65.0;
/// Estimate: days with a price spread like the series'.
inline constexpr double kDefaultFlexibleDaysPerYear = 250.0;

/// Prices of metal and raw materials and the material intensities ([economics]).
struct Economics {
  double metal_eur_per_kg = kDefaultMetalPrice_EUR_per_t / 1e3;     ///< realised metal price
  double alumina_eur_per_kg = kDefaultAluminaPrice_EUR_per_t / 1e3;
  double carbon_eur_per_kg = kDefaultCarbonPrice_EUR_per_t / 1e3;   ///< net anode carbon
  double alumina_kg_per_kg = kDefaultAluminaConsumption_kg_per_kg;  ///< alumina per kg Al
  double co2_eur_per_kg = kDefaultCo2Price_EUR_per_t / 1e3;         ///< CO2e price (PFC of AEs)
  double heat_exchanger_capex_eur = 0;  ///< investment in shell heat exchangers (0: not assessed)
  double flexible_days_per_year = kDefaultFlexibleDaysPerYear;  ///< days the value is earned
};

/// Interruptible load and reserve capacity ([grid], docs/model/flexibility.md §6): a capacity held
/// available for the grid operator's calls, paid for its availability and for the energy a call
/// cuts. The capacity is one number for the horizon (AbLaV offers are constant over the tender
/// period) and must survive a call of the full duration starting at any step.
struct GridProducts {
  double interruptible_power_W = 0;       ///< most capacity the potline may offer (0: no offer)
  double call_duration_s = 3600;          ///< longest single call
  int calls_per_period = 1;               ///< most calls the contract allows per period
  double call_period_s = 7 * 86400.0;     ///< contract (tender) period
  double notice_s = 0;                    ///< from the call to the cut; the line may preheat meanwhile
  std::optional<double> call_min_power;   ///< lowest line power during a call (share); default flex.min_power
  double reserve_price_eur_per_J = 0;     ///< availability payment per W and second (EUR/(MW h))
  double call_price_eur_per_J = 0;        ///< payment per joule a call cuts (EUR/MWh)
  bool offered() const { return interruptible_power_W > 0; }
};

/// The operating-envelope scan ([envelope]).
struct EnvelopeSettings {
  std::vector<double> levels;             ///< power shares to hold (1 = nominal)
  double max_duration_s = 7 * 86400.0;    ///< each level is held at most this long
  /// Each level is called after this long at nominal power from the calibration point (0: called
  /// at the calibration point itself); the hold and its limits count from the call.
  double settle_s = 48 * 3600.0;
};

struct FlexCase {
  line::SimulationCase sim;               ///< the cell, dynamics and control of one cell
  int cells = 1;                          ///< cells of the potline (economics scale by it)
  DispatchSettings dispatch;
  Economics economics;
  EnvelopeSettings envelope;
  GridProducts grid;
  std::string prices_path;                ///< flex.prices (or --prices), resolved against the case folder
  /// Where sim.design.rectifier_efficiency came from (the case, the technology or the schema
  /// default): the power bought is AC at the grid connection = DC / that efficiency.
  std::string rectifier_efficiency_origin = "the schema default";
  /// Where sim.constants.current_efficiency_model came from (flex::ce_model_origin: "the flex
  /// default", "the case file", "--set", "the simulate default"; T9-3).
  std::string ce_model_origin = "the simulate default";
  core::SourceLocation prices_where;

  double ledge_min_m() const { return dispatch.ledge_min_m.value_or(sim.window.ledge_min_m); }
  double ledge_max_m() const { return dispatch.ledge_max_m.value_or(sim.window.ledge_max_m); }
  double superheat_min_K() const { return dispatch.superheat_min_K.value_or(sim.window.superheat_min_K); }
  double superheat_max_K() const { return dispatch.superheat_max_K.value_or(sim.window.superheat_max_K); }
  double call_min_power() const { return grid.call_min_power.value_or(dispatch.min_power); }
  /// DC energy delivered / AC energy drawn at the rectifier station (design.rectifier_efficiency,
  /// the same declaration the cell and smelter models use for SEC_AC = SEC_DC / η).
  double rectifier_efficiency() const { return sim.design.rectifier_efficiency; }
};

/// What the rectifier can deliver (docs/model/flexibility.md §3, "The rectifier's reach"): at its
/// current limit potline.max_current, the cell voltage the resistance control holds there — its
/// target with the heat feed-forward's offset at that current (control.heat_feedforward), at the
/// lower edge of its deadband (control.deadband: the control does not raise a voltage within it) —
/// and the power share that gives. The heat-balance loop's offset is taken at its start (zero);
/// over days it can move the voltage by up to control.temperature_max_offset, which the
/// re-simulation reports as time at the rectifier limit.
struct RectifierReach {
  double max_current_A = 0;  ///< potline.max_current
  double voltage_V = 0;      ///< cell voltage held at that current
  double max_share = 1;      ///< max_current_A × voltage_V / nominal cell power
};
RectifierReach rectifier_reach(const line::SimulationCase& sim);
/// The cell voltage the resistance control holds at line current `current_A` (as RectifierReach).
double held_voltage_V(const line::SimulationCase& sim, double current_A);
/// The line current that draws `share` of the nominal power at the voltage the control holds there
/// (what potline.max_current must be for that share to be reachable).
double current_for_share_A(const line::SimulationCase& sim, double share);

/// The fields of [flex], [economics] and [envelope] (bound to FlexCase).
const io::SchemaTable<FlexCase>& flex_table();
/// Every field a flex case accepts: the simulate fields and the flex fields.
const io::Schema& flex_schema();

}  // namespace potline::flex

namespace potline::cell {
class TechnologyCatalogue;
}
namespace potline::plant {
class EmissionData;
}

namespace potline::flex {

/// Builds the flex case from user values (case file and --set applied); `case_dir` resolves
/// flex.prices and potline.current_csv. The simulation case is that of one representative cell
/// (no spread); `cells` keeps potline.cells. Collects every error in `diagnostics`.
std::optional<FlexCase> build_flex_case(const io::ValueSet& user_values, const cell::TechnologyCatalogue& catalogue,
                                        const plant::EmissionData& emissions, const std::string& case_dir,
                                        core::Diagnostics& diagnostics);

}  // namespace potline::flex

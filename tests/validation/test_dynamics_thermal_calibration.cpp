// An amperage change shows its thermal consequence in the dynamic model as in the steady state
// (issue 11 part 7; docs/model/dynamics.md, "Thermal calibration"): simulate at ±5 % of AP40's
// catalogue current against `potline cell --thermal` at the same points. A consistency check of the
// dynamic model (feed and tapping cycles, anode changes, the pot controller) against the steady-state
// heat balance of the same heat-loss network, not a comparison with published data.
#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/api/case_commands.hpp"

namespace test_dynamics_thermal_calibration {

using namespace potline;

namespace {
struct Point {
  double run_superheat_K;     ///< time mean over the 7 days
  double last_day_ledge_cm;   ///< mean of the rows of the last day
  double run_ce;
  double thermal_superheat_K;  ///< cell --thermal
  double thermal_ledge_cm;
  double thermal_ce;
};

Point at(const std::vector<std::string>& sets) {
  testing_dyn::Recorder rec;
  // 14 d: at 380 kA the ledge grows 6 cm and is still growing on day 7 (10.9 cm against 12.5 cm on
  // day 14, measured 2026-12-06 with the feed cycle centred on the design alumina).
  std::vector<std::string> run_sets = sets;
  run_sets.emplace_back("run.duration=14d");
  const auto c = testing_dyn::make_case(testing_dyn::read_example("cell-7d.toml"), run_sets);
  const line::Summary s = line::run_simulation(c, &rec);
  double ledge = 0;
  int n = 0;
  for (const line::Row& r : rec.rows) {
    if (r.time_s < 13 * 86400.0) continue;
    ledge += r.mean_ledge_m * 100;
    ++n;
  }
  const api::CaseSource source{"", std::string("[case]\ntechnology = \"AP40\"\n"), "<test>", sets, ""};
  const io::Json t = api::cell_thermal_summary(api::run_cell(source), source);
  return {s.mean_superheat_K, ledge / std::max(n, 1), s.current_efficiency, t.at("superheat_K").get<double>(),
          t.at("ledge_cm").get<double>(), t.at("current_efficiency").get<double>()};
}
}  // namespace

// ±5 % current (380 and 420 kA against the catalogue's 400 kA). Measured 2026-12-06 (14 d, the feed
// cycle centred on the design alumina, user trial T10-1): mean superheat 5.38 / 8.15 K against cell
// --thermal's 5.32 / 8.16 K; last-day ledge 12.48 / 3.09 cm against 12.56 / 3.1 cm; CE 95.17 / 94.86 %
// against 95.17 / 94.86 %. Until then (7 d, the feed control at ≈ 2.4 wt%): 5.27 / 8.15 K, last-day
// ledge 11.6 / 2.8 cm, CE 95.21 / 94.88 %. Tolerances: 0.5 K on the mean superheat,
// 15 % on the superheat shift between the two, 1.5 cm on the ledge (the 400 kA run's own drift plus
// margin), 0.1 points on the CE. Before the change (calibrated at each run's own point) the run gave
// 6.79 / 6.96 K: a shift of 0.17 K against 2.84 K, and CE 95.05 / 95.01 %. The ACD is given (the
// catalogue's 3.8 cm): without it the case starts at the ACD the control settles at (T17-5, below).
TEST(DynamicsThermalCalibration, FivePercentAmperageMovesSuperheatAsTheHeatBalance) {
  const Point low = at({"operation.line_current=380 kA", "operation.acd=3.8 cm"});
  const Point high = at({"operation.line_current=420 kA", "operation.acd=3.8 cm"});
  for (const Point& p : {low, high}) {
    EXPECT_NEAR(p.run_superheat_K, p.thermal_superheat_K, 0.5);
    EXPECT_NEAR(p.last_day_ledge_cm, p.thermal_ledge_cm, 1.5);
    EXPECT_NEAR(p.run_ce, p.thermal_ce, 0.001);
  }
  const double run_shift = high.run_superheat_K - low.run_superheat_K;
  const double thermal_shift = high.thermal_superheat_K - low.thermal_superheat_K;
  EXPECT_GT(run_shift, 0.0);
  EXPECT_NEAR(run_shift, thermal_shift, 0.15 * thermal_shift);
  EXPECT_GT(low.last_day_ledge_cm, high.last_day_ledge_cm + 5.0);
}

// An ACD cut or rise of 0.2 cm (the catalogue's 3.80 cm): measured (2026-12-06, 14 d) mean superheat
// 6.28 / 7.45 K against cell --thermal's 6.26 / 7.48 K; last-day ledge 8.37 / 5.22 cm against 8.3 /
// 5.1 cm; CE 95.07 / 94.95 % against 95.07 / 94.94 %; SEC 12.96 / 13.41 kWh/kg against 12.91 / 13.38
// (7 d until 2026-12-06: 6.27 / 7.41 K, ledge 7.3 / 4.9 cm, CE 95.09 / 94.97 %). Same tolerances.
TEST(DynamicsThermalCalibration, AcdChangeMovesSuperheatAsTheHeatBalance) {
  const Point cut = at({"operation.acd=3.6 cm"});
  const Point rise = at({"operation.acd=4.0 cm"});
  for (const Point& p : {cut, rise}) {
    EXPECT_NEAR(p.run_superheat_K, p.thermal_superheat_K, 0.5);
    EXPECT_NEAR(p.last_day_ledge_cm, p.thermal_ledge_cm, 1.5);
    EXPECT_NEAR(p.run_ce, p.thermal_ce, 0.001);
  }
  const double run_shift = rise.run_superheat_K - cut.run_superheat_K;
  const double thermal_shift = rise.thermal_superheat_K - cut.thermal_superheat_K;
  EXPECT_GT(run_shift, 0.0);
  EXPECT_NEAR(run_shift, thermal_shift, 0.15 * thermal_shift);
}

// User trial T17-5: AP40 at 420 kA as the case's current (its ACD not given) and the catalogue cell
// stepped from 400 to 420 kA at 24 h settle in one state: the case starts at the ACD the control
// settles at (line::controlled_operating_point, the ACD whose steady state is at the catalogue's
// 965 °C) and its heat-balance loop holds 965 °C; the step gets there through the heat feed-forward
// and the loop. Before, the case ran at the catalogue ACD for good (60 d: 4.327 V, SEC 13.594, ledge
// 1.8-4.3 cm, out of the window throughout) against the step's 4.153 V, 13.029, 4.1-7.9 cm.
// Compared over days 8-10 (the step's loop settles over its 3-d integral time): mean ACD and
// ledge. A consistency check of the control, not a validation.
TEST(DynamicsThermalCalibration, ACaseAtAnotherCurrentSettlesWhereAStepToItDoes) {
  const auto late_means = [](const std::string& set) {
    testing_dyn::Recorder rec;
    const auto c = testing_dyn::make_case(testing_dyn::read_example("cell-7d.toml"),
                                          {set, "run.duration=10d", "run.events=none"});
    line::run_simulation(c, &rec);
    double acd = 0, ledge = 0;
    int n = 0;
    for (const line::Row& r : rec.rows) {
      if (r.time_s < 8 * 86400.0) continue;
      acd += r.mean_acd_m * 100;
      ledge += r.mean_ledge_m * 100;
      ++n;
    }
    return std::pair<double, double>{acd / std::max(n, 1), ledge / std::max(n, 1)};
  };
  const auto [case_acd, case_ledge] = late_means("operation.line_current=420 kA");
  const auto [step_acd, step_ledge] = late_means("potline.current_steps=24 h 1.05");
  EXPECT_NEAR(case_acd, step_acd, 0.1) << "cm";
  EXPECT_NEAR(case_ledge, step_ledge, 1.0) << "cm";
  EXPECT_GT(case_ledge, 5.0);  // in the window, not at the catalogue ACD's 3.1 cm
}

// Ladder rung c at the design point (docs/validation.md rows D7, D33, D34): `potline cell --thermal`
// for every technology of the catalogue at its catalogue point. The network is calibrated there, so
// the values are the calibration's inputs: the superheat is the catalogue's bath temperature minus
// the model's liquidus of the catalogue bath (a check of those inputs, not a prediction of the heat
// balance), the ledge is `dynamics.initial_ledge` (6.5 cm, [Shen et al. 500 kA model]'s initial
// ledge) and the ledge-face flux is h × superheat (h = 1.2 kW/(m²·K), D9). Measured 2026-12-05: 6.90
// K, 6.50 cm and 8.28 kW/m² for 17 of 18 technologies; HAL275 (its catalogue bath is at another
// temperature) 5.94 K, 6.50 cm, 7.13 kW/m².
namespace {
// The heat flux that leaves a vertical steel shell at temperature Ts by natural convection
// (Churchill-Chu, [Incropera et al. 2007] eq. 9.26, air properties of its Table A.4 at the film
// temperature, plate height 1 m) and radiation (emissivity 0.8, oxidised steel; estimate) to air
// and surroundings at 40 °C, the model's own potroom air (dynamics.ambient_temperature; 30 °C until
// 2026-12-06, which made the bound 0.15 kW/m² higher than the model's ambient gives) [W/m²]. A
// bound derived from measured shell temperatures, not the model's formula (the model has no shell
// surface).
double shell_flux_W_per_m2(double shell_degC) {
  struct Air { double T_K, nu, k, alpha, pr; };
  static constexpr Air kTable[] = {{350, 20.92e-6, 30.0e-3, 29.9e-6, 0.700},
                                   {400, 26.41e-6, 33.8e-3, 38.3e-6, 0.690},
                                   {450, 32.39e-6, 37.3e-3, 47.2e-6, 0.686},
                                   {500, 38.79e-6, 40.7e-3, 56.7e-6, 0.684}};
  const double ts = shell_degC + 273.15, ta = 40.0 + 273.15, tf = 0.5 * (ts + ta);
  std::size_t i = 0;
  while (i + 2 < std::size(kTable) && tf > kTable[i + 1].T_K) ++i;
  const Air& a = kTable[i];
  const Air& b = kTable[i + 1];
  const double f = (tf - a.T_K) / (b.T_K - a.T_K);
  const double nu = a.nu + f * (b.nu - a.nu), k = a.k + f * (b.k - a.k);
  const double alpha = a.alpha + f * (b.alpha - a.alpha), pr = a.pr + f * (b.pr - a.pr);
  const double ra = 9.81 / tf * (ts - ta) / (nu * alpha);  // height 1 m
  const double nu_l = std::pow(0.825 + 0.387 * std::pow(ra, 1.0 / 6) / std::pow(1 + std::pow(0.492 / pr, 9.0 / 16),
                                                                                8.0 / 27),
                               2);
  return nu_l * k * (ts - ta) + 0.8 * 5.670e-8 * (std::pow(ts, 4) - std::pow(ta, 4));
}

io::Json design_thermal(const std::string& technology) {
  const api::CaseSource source{"", "[case]\ntechnology = \"" + technology + "\"\n", "<test>", {}, ""};
  return api::cell_thermal_summary(api::run_cell(source), source);
}
}  // namespace

// D7 and D33: superheat 5–12 K (ladder row c) and ledge within the 5–10 cm window of
// [Shen et al. 500 kA model] for every catalogue technology at its design point. Calibration inputs
// (see above): this holds the catalogue's bath temperatures and compositions and the initial ledge to
// the ranges, it does not validate the heat balance.
TEST(DesignPointHeatBalance, EveryCatalogueCellHasSuperheatAndLedgeInRangeByConstruction) {
  int n = 0;
  for (const std::string& id : testing_dyn::catalogue().ids()) {
    const io::Json t = design_thermal(id);
    ASSERT_EQ(t.at("status").get<std::string>(), "steady") << id;
    const double superheat = t.at("superheat_K").get<double>();
    const double ledge = t.at("ledge_cm").get<double>();
    EXPECT_GE(superheat, 5.0) << id;
    EXPECT_LE(superheat, 12.0) << id;
    EXPECT_NEAR(ledge, 6.5, 0.01) << id;  // the calibration ledge, inside 5–10 cm
    // The ledge-face flux is h × superheat (D9's published h): a consistency check.
    EXPECT_NEAR(t.at("ledge_flux_kW_per_m2").get<double>(), 1.2 * superheat, 0.01) << id;
    ++n;
  }
  EXPECT_GE(n, 18);
}

// D34, a known miss: the flux through the ledge-covered band (AP40 8.28 kW/m²) against the flux
// that the shell temperatures measured on two 400 kA pots in the melt zone, 195.1–308.8 °C
// ([Zhang et al. 2012]), lose to the potroom: 2.72–6.63 kW/m² by the derivation above (2.87–6.79
// with the 30 °C air used until 2026-12-06). The model is 25 % above the upper end (with emissivity
// 0.7–0.9 still above). Its wall node sits at 320 °C, inside the shell, so above the measured
// surface as it should be. By the same laws a shell losing 8.28 kW/m² would be at 344 °C. Asserted:
// above the range and within 1.5 times its upper end, so that a change shows.
TEST(DesignPointHeatBalance, KnownMissLedgeBandFluxIsAboveWhatMeasuredShellTemperaturesLose) {
  const double low = shell_flux_W_per_m2(195.1) / 1e3, high = shell_flux_W_per_m2(308.8) / 1e3;
  EXPECT_NEAR(low, 2.72, 0.05);
  EXPECT_NEAR(high, 6.63, 0.05);
  const io::Json t = design_thermal("AP40");
  const double flux = t.at("ledge_flux_kW_per_m2").get<double>();
  EXPECT_GT(flux, high);
  EXPECT_LT(flux, 1.5 * high);
  EXPECT_GT(t.at("wall_temperature_degC").get<double>(), 308.8);
}

}  // namespace test_dynamics_thermal_calibration

// Scenarios with asserted behaviour (issue part 6).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/dynamics/batch.hpp"

namespace test_dynamics_scenarios {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;
using potline::testing_dyn::Recorder;

namespace {
const line::Row& at(const Recorder& r, double hours) {
  const auto it = std::min_element(r.rows.begin(), r.rows.end(), [&](const line::Row& a, const line::Row& b) {
    return std::fabs(a.time_s - hours * 3600) < std::fabs(b.time_s - hours * 3600);
  });
  return *it;
}
}  // namespace

// Nominal operation, 7 days, modern cell: no anode effect, dissolved alumina inside the band the
// tracking controller works in. Band: above the model's AE concentration (≈1.0 wt% for AP40 at
// 965 °C from the Grjotheim–Welch critical current density) plus 0.4 wt%, and below 4 wt%
// (well under saturation, ≈7–8 wt%, [Skybakmoen 1997]). Measured minimum 1.47 wt% with the
// side-split default (1.59 with the former h = 2.7 calibration; the margin was 0.5 wt% then).
TEST(DynamicsScenarios, NominalWeekHasNoAnodeEffects) {
  const auto c = make_case(read_example("cell-7d.toml"));
  const auto s = line::run_simulation(c);
  EXPECT_EQ(s.ae.count, 0);
  EXPECT_GT(s.alumina_min_wt, 1.4);
  EXPECT_LT(s.alumina_max_wt, 4.0);
  EXPECT_NEAR(s.current_efficiency, 0.95, 0.02);
  EXPECT_GT(s.min_ledge_m, 0.02);
}

// Ladder row c in the dynamics (docs/validation.md D8, D42): the design week of AP40 (cell-7d, 7 d,
// faults on) holds the CE in the 94–96 % commonly quoted for point-fed prebake cells and the SEC at
// the technology's published figure (13.15 kWh/kg DC, [Fiot et al. AP40]'s "below 13150 kWh/t", an
// upper bound). Not independent of the data: the steady-state cell is calibrated to that SEC
// (CellValidation), so the SEC check is of the dynamics against the point they start from; its
// tolerance is the resistance control's ±50 mV deadband on 4.19 V (1.2 %). Measured 2026-12-06:
// CE 95.01 %, SEC 13.21 kWh/kg (+0.46 %: the mean voltage 4.212 V against 4.192 V, the tracking
// cycle's convex voltage and the ACD's spread in the deadband, D40).
TEST(DynamicsScenarios, LadderCDesignWeekHoldsTheCeRangeAndThePublishedSecToTheDeadband) {
  const auto c = make_case(read_example("cell-7d.toml"));
  const auto s = line::run_simulation(c);
  EXPECT_GE(s.current_efficiency, 0.94);
  EXPECT_LE(s.current_efficiency, 0.96);
  constexpr double kPublishedSec_kWh_per_kg = 13.15;  // data/technologies.toml AP40 sec_dc
  constexpr double kDeadband = 0.05 / 4.192;           // control.deadband on the design voltage
  EXPECT_NEAR(s.sec_dc_kWh_per_kg / kPublishedSec_kWh_per_kg, 1.0, kDeadband);
}

// Feed stopped: alumina falls at the Faraday rate and an AE follows when the dissolved alumina
// reaches the critical concentration, at the time computed from the inventory and that rate.
TEST(DynamicsScenarios, FeedStopLeadsToAnodeEffectAtTheComputedTime) {
  auto c = make_case("[case]\ntechnology = \"AP40\"\n",
                     {"run.duration=1d", "run.output_interval=1min", "run.events=control",
                      "disturbance.feed_stop_start=2h", "disturbance.feed_stop_duration=20h"});
  Recorder rec;
  const auto s = line::run_simulation(c, &rec);
  ASSERT_GE(s.ae.count, 1);
  double t_ae = -1, ae_wt = 0;
  for (const auto& e : rec.events) {
    if (e.kind == line::EventKind::kAnodeEffectStart) {
      t_ae = e.time_s;
      ae_wt = e.value;
      break;
    }
  }
  ASSERT_GT(t_ae, 2 * 3600.0);
  // Faraday rate of alumina consumption at the initial state.
  const cell::CellResult r = cell::evaluate(c.design, c.constants, c.op);
  const double rate = r.production_kg_per_s * 101.9600768 / (2 * 26.9815384);  // kg/s
  // Measured slope between 10 and 20 min after the stop (undissolved pool nearly gone:
  // τ = 1/k ≈ 6 min; the AE comes ~25 min after the stop).
  const line::Row& a = at(rec, 2.0 + 10.0 / 60), &b = at(rec, 2.0 + 20.0 / 60);
  // Alumina inventory in kg (wt% alone also moves with the bath mass as cryolite freezes or melts).
  const auto inventory_kg = [&](const line::Row& r) { return r.mean_alumina_wt / 100 * r.mean_bath_kg + r.mean_undissolved_kg; };
  std::vector<double> y;
  const auto models = line::build_models(c, y);
  const double bath = dynamics::bath_mass_kg(y.data());
  const double slope_kg_per_s = (inventory_kg(a) - inventory_kg(b)) / (b.time_s - a.time_s);
  EXPECT_NEAR(slope_kg_per_s, rate, 0.02 * rate);  // CE drifts with superheat (Dewing): 2 %
  const double faraday_wt_per_s = rate / bath * 100;
  // Computed time: from the inventory at the stop to the AE concentration at the Faraday rate.
  const line::Row& stop = at(rec, 2.0);
  const double inventory_wt = stop.mean_alumina_wt + stop.mean_undissolved_kg / bath * 100;
  const double predicted = 2 * 3600.0 + (inventory_wt - ae_wt) / faraday_wt_per_s;
  EXPECT_NEAR(t_ae, predicted, 0.05 * (predicted - 2 * 3600.0));
}

// −25 % current for 12 h cools the bath and thickens the ledge; the step back melts it, with
// time constants of hours (63 % of the ledge growth within 1–12 h of the step). The magnitude
// (≈150 K cooling) is far larger than plant experience: see the limitation in
// docs/model/dynamics.md (no lining/crust heat capacity; the bath follows its falling liquidus).
TEST(DynamicsScenarios, CurrentStepsMoveTheLedgeWithTimeConstantsOfHours) {
  auto c = make_case("[case]\ntechnology = \"AP40\"\n",
                     {"run.duration=4d", "potline.current_steps=24 h 0.75; 36 h 1.0", "run.output_interval=15min"});
  Recorder rec;
  line::run_simulation(c, &rec);
  const auto& before = at(rec, 24);
  const auto& low = at(rec, 36);
  const auto& end = at(rec, 96);
  EXPECT_LT(low.mean_temperature_K, before.mean_temperature_K - 3.0);
  EXPECT_GT(low.mean_ledge_m, before.mean_ledge_m + 0.01);
  EXPECT_LT(end.mean_ledge_m, low.mean_ledge_m - 0.01);
  // Time to 63 % of the ledge change after the down step.
  const double target = before.mean_ledge_m + 0.63 * (low.mean_ledge_m - before.mean_ledge_m);
  double t63 = -1;
  for (const auto& r : rec.rows) {
    if (r.time_s > 24 * 3600 && r.mean_ledge_m >= target) {
      t63 = r.time_s / 3600 - 24;
      break;
    }
  }
  EXPECT_GT(t63, 1.0);
  EXPECT_LT(t63, 12.0);
  EXPECT_NEAR(end.mean_temperature_K, before.mean_temperature_K, 15.0);
}

// 3-hour outage: during the outage the bath cools and the ledge grows; after restart the bath
// reheats over hours and the ledge melts back (the qualitative course of Dupuis, Eick &
// Waldmann 2007). Magnitude: with the conductor Joule heat in the top/lining nodes and the
// cathode blocks coupled to the metal, the AP40 bath falls 966 -> ~905 °C and the ledge grows
// 5.3 -> ~11.8 cm (docs/model/dynamics.md, known limitations; the ~910–980 °C band of
// [Dupuis et al. 2007] for a 240 kA cell is unverified). The lower bound asserted here (> 890 °C)
// guards against regressions only; it is not a validation.
TEST(DynamicsScenarios, OutageCoolsThenRecovers) {
  const auto c = make_case(read_example("outage-3h.toml"));
  Recorder rec;
  const auto s = line::run_simulation(c, &rec);
  const auto& before = at(rec, 24);
  const auto& end_outage = at(rec, 27);
  const auto& after = at(rec, 72);
  EXPECT_LT(end_outage.mean_temperature_K, before.mean_temperature_K - 20);
  EXPECT_GT(end_outage.mean_ledge_m, before.mean_ledge_m + 0.02);
  EXPECT_GT(after.mean_temperature_K, end_outage.mean_temperature_K + 20);
  EXPECT_LT(after.mean_ledge_m, end_outage.mean_ledge_m);
  // The coldest point is at the end of the outage (within 1 h), not later.
  const auto coldest = std::min_element(rec.rows.begin(), rec.rows.end(), [](const line::Row& a, const line::Row& b) {
    return a.mean_temperature_K < b.mean_temperature_K;
  });
  EXPECT_NEAR(coldest->time_s / 3600, 27.0, 1.0);
  EXPECT_GT(coldest->mean_temperature_K, 890.0 + 273.15);
  EXPECT_LT(s.energy_balance_error, 5e-3);
}

// Manual quench: more AE-minutes and PFC than automatic at the same AE frequency. The stuck feeder
// provokes the same anode effects in both runs; a long manual quench can let alumina run out once
// more and start a second effect, so the comparison is made per anode effect (the issue's "same
// AE frequency") and the counts may differ by one such follow-on effect per feeder stop.
TEST(DynamicsScenarios, ManualQuenchEmitsMoreThanAutomatic) {
  const auto manual = make_case(read_example("cell-7d-manual-quench.toml"));
  const auto automatic = make_case(read_example("cell-7d-manual-quench.toml"), {"control.quench=automatic"});
  const auto m = line::run_simulation(manual);
  const auto a = line::run_simulation(automatic);
  ASSERT_GT(a.ae.count, 0);
  EXPECT_GE(m.ae.count, a.ae.count);
  EXPECT_LE(m.ae.count, 2 * a.ae.count);
  const double per_ae_manual = m.ae.minutes_per_cell_day() / m.ae.count;
  const double per_ae_automatic = a.ae.minutes_per_cell_day() / a.ae.count;
  EXPECT_GT(per_ae_manual, 2.0 * per_ae_automatic);
  EXPECT_GT(m.pfc.cf4_kg / m.ae.count, 2.0 * a.pfc.cf4_kg / a.ae.count);
  EXPECT_GT(m.pfc.co2e_t, a.pfc.co2e_t);
}
}  // namespace test_dynamics_scenarios

// Validation rung 9f / issue 13 part 7 (docs/validation.md F8): the TRIMET-like potline of
// examples/flex-week-heat-exchangers.toml at −25 % and +25 % over the seeds (run.seed 1–5 and 11),
// from a cell settled 48 h at nominal (envelope.settle, the default), and what the exchangers'
// ledge rule does to the hold: it keeps a cut's extra ledge while the superheat's daily mean is
// below 6 K (heat_exchangers.melt_back_superheat, the example's), so the cryolite of that ledge
// stays frozen and the liquidus low (docs/model/flexibility.md §7, "What limits −25 %").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "flex_example_case.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/flex/cell_runs.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/resimulate.hpp"

namespace test_flex_trimet_seeds {

using namespace potline;

namespace {

constexpr double kHour = 3600.0;
const std::vector<int> kSeeds = {1, 2, 3, 4, 5, 11};

// The settled −25 % hold of a 168-h envelope run at `seed`, with `extra` overrides.
flex::EnvelopeRow hold_at(int seed, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> sets = {"envelope.levels=75", "envelope.max_duration=168 h",
                                   "run.seed=" + std::to_string(seed)};
  sets.insert(sets.end(), extra.begin(), extra.end());
  const flex::FlexCase c =
      potline::testing::flex_example_case("flex-week-heat-exchangers.toml", sets);
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  EXPECT_EQ(rows.size(), 1u);
  return rows.at(0);
}

// Mean of `values` over [from_s, to_s) of the trace's rows.
double mean_over(const flex::CellTrace& t, const std::vector<double>& values, double from_s,
                 double to_s) {
  double sum = 0;
  int n = 0;
  for (std::size_t i = 0; i < t.time_s.size(); ++i) {
    if (t.time_s[i] < from_s || t.time_s[i] >= to_s) continue;
    sum += values[i];
    ++n;
  }
  return n > 0 ? sum / n : 0.0;
}

}  // namespace

// F8 −25 % over the seeds, the example as it is (its exchangers keep a cut's extra ledge below a
// 6 K superheat mean): every seed holds the published 48 h from the settled cell (measured
// 2026-12-07: 71.4, 98.2, 68.3, 72.1, 132.5 and 102.8 h at seeds 1–5 and 11; 1,143–1,146 MWh AC in
// 48-h runs). Not the week: the steady superheat at −25 % is still 5.0–5.2 K (days 3–7), so every
// seed's daily mean dips under 5 K within it.
TEST(FlexTrimetSeeds, MinusTwentyFivePercentHoldsFortyEightHoursAtEverySeed) {
  double shortest = 1e9;
  for (int seed : kSeeds) {
    const flex::EnvelopeRow row = hold_at(seed);
    shortest = std::min(shortest, row.hold_s);
    EXPECT_GE(row.hold_s, 48 * kHour) << seed;
    EXPECT_EQ(row.limit, "superheat_min") << seed;  // within the week
    EXPECT_LT(row.freeze_alarm_s, 0.0) << seed;
  }
  EXPECT_LT(shortest, 80 * kHour);  // 68.3 h (seed 3): the margin is days, not the week
}

// Sensitivity, the rule without it (heat_exchangers.melt_back_superheat = 0, the example until
// 2026-12-07): the integral melts the first day's extra ledge back on days 2–3 whatever the
// superheat, and the settled hold depends on the seed: 41.9, 103.2, 47.2, 43.5, 158.6 and 111.0 h
// (measured 2026-12-07), 3 of 6 below 48 h. Asserted so that a change is seen.
TEST(FlexTrimetSeeds, SensitivityMeltingTheCutsLedgeBackTheHoldDependsOnTheSeed) {
  double shortest = 1e9, longest = 0;
  int held = 0;
  for (int seed : kSeeds) {
    const flex::EnvelopeRow row = hold_at(seed, {"heat_exchangers.melt_back_superheat=0"});
    shortest = std::min(shortest, row.hold_s);
    longest = std::max(longest, row.hold_s);
    if (row.hold_s >= 48 * kHour) ++held;
    if (!row.limit.empty()) {
      EXPECT_EQ(row.limit, "superheat_min") << seed;
    }
  }
  EXPECT_GT(shortest, 35 * kHour);  // 41.9 h (seed 1)
  EXPECT_LT(shortest, 48 * kHour);
  EXPECT_GT(longest, 150 * kHour);  // 158.6 h (seed 5)
  EXPECT_GE(held, 2);               // 3 of 6 measured
  EXPECT_LE(held, 4);
}

// Known miss of the intuitive rule: a superheat floor that closes the exchangers
// (heat_exchangers.superheat_floor 5 K, margin 1 K) melts the ledge faster, and its cryolite lowers
// the AlF3 excess and raises the liquidus: the hold is shorter at every seed (measured 2026-12-07
// with the example's rule: 48.5, 66.3, 53.9, 45.4, 89.8, 78.4 h against 71.4–132.5 h; without it
// 38.4–79.5 h against 41.9–158.6 h).
TEST(FlexTrimetSeeds, KnownMissClosingTheExchangersOnASuperheatFloorShortensTheHoldAtEverySeed) {
  for (int seed : kSeeds) {
    const flex::EnvelopeRow kept = hold_at(seed);
    const flex::EnvelopeRow closed = hold_at(seed, {"heat_exchangers.superheat_floor=5"});
    EXPECT_LT(closed.hold_s, kept.hold_s) << seed;
  }
}

// Why (docs/model/flexibility.md §7): one cell at seed 1, 48 h at nominal, then 75 % power. At the
// call the bath cools and bath freezes onto the ledge (6.4 → 7.5 cm within the first day), the bath
// more acid, the liquidus lower. Melting that ledge back on days 2–3 (the rule without the bound)
// returns its cryolite: the liquidus rises ≈ 5 K in a day (956.3 → 961.5 °C daily means) while the
// superheat mean is at its lowest. Kept (the example), the ledge stays ≈ 0.8 cm thicker, the AlF3
// excess ≈ 0.6 wt% higher and the liquidus ≈ 4 K lower on day 2 (measured 2026-12-07). The steady
// superheat (days 4–7) is the bath's heat balance either way, 5.0–5.2 K. The model's own balance,
// not a validation.
TEST(FlexTrimetSeeds, KeepingTheCutsLedgeKeepsTheLiquidusLowOnDayTwo) {
  const auto trace = [](const std::string& melt_back) {
    const flex::FlexCase c = potline::testing::flex_example_case(
        "flex-week-heat-exchangers.toml",
        {"run.seed=1", "heat_exchangers.melt_back_superheat=" + melt_back});
    return flex::run_power_schedule(c.sim, {1.0, 0.75}, 48 * kHour, 216 * kHour, 300.0);
  };
  const flex::CellTrace kept = trace("6"), melted = trace("0");
  ASSERT_FALSE(kept.stopped || melted.stopped);
  const auto liquidus = [](const flex::CellTrace& t) {
    std::vector<double> l(t.time_s.size());
    for (std::size_t i = 0; i < l.size(); ++i) l[i] = t.temperature_K[i] - t.superheat_K[i];
    return l;
  };
  const double day2_from = 72 * kHour, day2_to = 96 * kHour;
  EXPECT_GT(mean_over(kept, kept.ledge_m, day2_from, day2_to),
            mean_over(melted, melted.ledge_m, day2_from, day2_to) + 0.005);
  EXPECT_GT(mean_over(kept, kept.alf3_wt, day2_from, day2_to),
            mean_over(melted, melted.alf3_wt, day2_from, day2_to) + 0.3);
  EXPECT_LT(mean_over(kept, liquidus(kept), day2_from, day2_to),
            mean_over(melted, liquidus(melted), day2_from, day2_to) - 2.0);
  // Days 4–7: the steady superheat, the same within 0.2 K.
  EXPECT_NEAR(mean_over(kept, kept.superheat_K, 120 * kHour, 216 * kHour),
              mean_over(melted, melted.superheat_K, 120 * kHour, 216 * kHour), 0.2);
}

// F8 +25 % over the seeds (docs/validation.md F8, note F8): from a cell settled 48 h at nominal
// every seed holds the 48 h; from the calibration point (envelope.settle = 0) seeds 2 and 11 leave
// before it, at 40.9 h (ledge_min) and 42.3 h (the ledge mean, named acd_min: the ACD sat at its
// floor), 977 and 1,015 MWh AC; seeds 1, 3, 4, 5 hold it (measured 2026-12-07 on main 15e3f35). A
// known miss of the published 48 h; why: the steady balance below.
TEST(FlexTrimetSeeds,
     KnownMissPlusTwentyFivePercentFromTheCalibrationPointLeavesBeforeFortyEightHoursAtTwoSeeds) {
  int held = 0;
  for (int seed : kSeeds) {
    for (const char* settle : {"48 h", "0"}) {
      const flex::FlexCase c = potline::testing::flex_example_case(
          "flex-week-heat-exchangers.toml",
          {"envelope.levels=125", "envelope.max_duration=48 h",
           std::string("envelope.settle=") + settle, "run.seed=" + std::to_string(seed)});
      const flex::EnvelopeRow row = flex::operating_envelope(c, flex::case_bounds(c)).at(0);
      if (std::string(settle) == "48 h") {
        EXPECT_TRUE(row.limit.empty())
            << seed << ": " << row.limit << " after " << row.hold_s / kHour;
        continue;
      }
      if (row.limit.empty()) {
        ++held;
        continue;
      }
      EXPECT_EQ(row.window_limit, "ledge_min") << seed;  // hot: the ledge mean below 5 cm
      EXPECT_GT(row.hold_s, 36 * kHour) << seed;         // 40.9 h (seed 2), 42.3 h (seed 11)
    }
  }
  EXPECT_EQ(held, 4);
}

// Why +25 % is a matter of the seed (docs/model/flexibility.md §7): the steady balance of the
// case's cell at 125 % of the nominal power with the ACD at its floor (control.acd_min 2.5 cm,
// where the rectifier sized for the published +25 % delivers it) and the shell heat exchangers at
// full use: the cell generates 446 kW against 391 kW at nominal, the side must pass 178 kW
// against 137 kW, and the ledge thins until its face passes it: 4.86 cm, 0.14 cm under the
// window's 5 cm (measured 2026-12-07). At half use 2.2 cm: the exchangers' range is spent. The dynamic runs' 3-h
// ledge means sit at 4.4–5.0 cm from about 15 h on, and the 24-h mean leaves 5 cm when a
// feed-control excursion (alumina 3.7–4.3 wt% at 227 kA, a lower liquidus) thins it further, which
// depends on the seed. The model's own balance, not a validation.
TEST(FlexTrimetSeeds,
     AtPlusTwentyFivePercentTheSteadyLedgeAtTheAcdFloorAndFullExtractionSitsOnTheWindowFloor) {
  const flex::FlexCase c = potline::testing::flex_example_case("flex-week-heat-exchangers.toml");
  std::vector<double> y(dynamics::kStateCount);
  dynamics::CellModel m =
      dynamics::build_cell_model(c.sim.design, c.sim.constants, c.sim.op, c.sim.dynamics, y.data());
  dynamics::prepare_rhs(m);
  const auto steady = [&](double use) {
    cell::OperatingPoint op = c.sim.op;
    op.acd_m = c.sim.control.acd_min_m;
    dynamics::ThermalSteadyState s;
    for (int k = 0; k < 30; ++k) {  // the current that draws 125 % at the steady voltage
      s = dynamics::solve_thermal_steady_state(m, op, use);
      op.line_current_A = 1.25 * flex::nominal_cell_power_W(c.sim) / s.result.voltage_V;
    }
    return s;
  };
  const dynamics::ThermalSteadyState full = steady(1.0);
  ASSERT_EQ(full.status, "steady");
  EXPECT_NEAR(full.ledge_m, c.sim.window.ledge_min_m, 0.003);  // 4.86 cm against 5 cm
  EXPECT_LT(full.ledge_m, c.sim.window.ledge_min_m);
  EXPECT_LT(steady(0.5).ledge_m, 0.03);  // 2.2 cm
}

}  // namespace test_flex_trimet_seeds

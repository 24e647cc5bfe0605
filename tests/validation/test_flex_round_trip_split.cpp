// The delivered round trip split into storage and operating point (docs/model/flexibility.md §5,
// "Storage and operating point"; issue 13):
// - conservation: on the TRIMET-like cell (8 simulated cells, a daily ±25 % cycle against the flat
//   schedule) the split's terms — metal, heat still stored, operating point, losses — add up to
//   the energy change the cells drew, measured per step as the value figures measure it, within the
//   dynamic model's energy-balance closure (its guard and docs/model/dynamics.md: ≤ 1.3e-4 of the
//   energy in per run);
// - the noise threshold's basis (user trial T11-13(d)): two flat runs that differ only in their seed
//   have storage losses within kRoundTripNoiseShare of the flat energy;
// - the split's arithmetic on hand numbers (the code's own bookkeeping, named so).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "flex_example_case.hpp"
#include "potline/flex/round_trip.hpp"

namespace test_flex_round_trip_split {

using namespace potline;

namespace {

constexpr double kStep_s = 3600;

// A daily cycle of `days` days: 1.25 for the first 12 hours of each day, 0.75 after.
std::vector<double> daily_cycle(int days) {
  std::vector<double> shares;
  for (int h = 0; h < 24 * days; ++h) shares.push_back(h % 24 < 12 ? 1.25 : 0.75);
  return shares;
}

flex::Resimulation run(const flex::FlexCase& c, const std::vector<double>& shares) {
  flex::Resimulation r;
  r.trace = flex::run_power_schedule(c.sim, shares, kStep_s,
                                     kStep_s * static_cast<double>(shares.size()), 300,
                                     c.dispatch.simulated_cells);
  return r;
}

// Shifted and added energy (AC, potline) per step of the two runs, as the value figures count them.
void shift(const flex::FlexCase& c, std::size_t steps, const flex::Resimulation& flat,
           const flex::Resimulation& opt, double& shifted, double& added, double& change) {
  flex::HorizonPrices p;
  p.step_s = kStep_s;
  p.price_eur_per_J.assign(steps, 0.0);
  const std::vector<double> f = flex::delivered_step_energy_J(c, p, flat);
  const std::vector<double> o = flex::delivered_step_energy_J(c, p, opt);
  shifted = added = change = 0;
  for (std::size_t k = 0; k < steps; ++k) {
    const double d = o[k] - f[k];
    (d < 0 ? shifted : added) += std::abs(d);
    change += d;
  }
}

}  // namespace

// Conservation: metal + heat still stored + operating point + losses = the measured change.
TEST(FlexRoundTripSplit, TermsAddUpToTheMeasuredEnergyChange) {
  const flex::FlexCase c = potline::testing::flex_example_case("flex-week-heat-exchangers.toml");
  const int days = 3;
  const std::vector<double> cycle = daily_cycle(days), flat_shares(cycle.size(), 1.0);
  const flex::Resimulation flat = run(c, flat_shares), opt = run(c, cycle);
  ASSERT_FALSE(flat.trace.stopped) << flat.trace.stop_message;
  ASSERT_FALSE(opt.trace.stopped) << opt.trace.stop_message;
  double shifted = 0, added = 0, change = 0;
  shift(c, cycle.size(), flat, opt, shifted, added, change);
  const flex::RoundTripSplit s = flex::round_trip_split(c, flat, opt, shifted, added);
  ASSERT_TRUE(s.available);
  const double flat_J = flat.trace.energy_J * c.cells / c.rectifier_efficiency();
  // The measured change is the per-step one the value figures use.
  EXPECT_NEAR(s.energy_change_J, change, 1e-9 * flat_J);
  const double sum =
      s.metal_J + s.stored_heat_J + s.operating_point_J - s.top_heat_kept_J + s.losses_J();
  RecordProperty("energy_change_MWh", std::to_string(change / 3.6e9));
  RecordProperty("sum_of_terms_MWh", std::to_string(sum / 3.6e9));
  RecordProperty("operating_point_MWh", std::to_string(s.operating_point_J / 3.6e9));
  RecordProperty("losses_MWh", std::to_string(s.losses_J() / 3.6e9));
  // Two runs' balance closures (≤ 1.3e-4 of the energy in each; 3e-4 of the flat energy for both).
  EXPECT_NEAR(sum, change, 3e-4 * flat_J)
      << "terms " << sum / 3.6e9 << " MWh, measured " << change / 3.6e9 << " MWh";
  EXPECT_NEAR(s.balance_residual_J, change - sum, 1e-6 * flat_J);
  // The cycle moves energy: something is shifted, the terms are not all zero, and a storage cycle
  // of the dynamic model does not return more than it takes beyond the noise.
  EXPECT_GT(shifted, 0.05 * flat_J);
  EXPECT_GT(std::abs(s.metal_J), 0.0);
  EXPECT_FALSE(s.above_one_beyond_noise())
      << "losses " << s.losses_J() / 3.6e9 << " MWh, noise " << s.noise_J / 3.6e9;
  ASSERT_TRUE(s.storage_round_trip.has_value());
  EXPECT_LE(*s.storage_round_trip, shifted / (shifted - s.noise_J));
}

// The threshold's basis (T11-13(d)): the same flat week with another seed (the controllers'
// noise, the feeders' and the faults' streams) — a "schedule" that moves nothing — has storage
// losses within the noise threshold, so its round trip is never flagged. Measured 2026-12-07 (main
// 99d38a9 with this change) over 9 seed pairs of the three examples (each example's seed against the
// next three): |losses| 0.07–0.52 % of the flat energy, of either sign (the steady operating point
// moves with the seed more than a flat cell's heat loss follows within one horizon); re-measured on
// main 34cacf7: 0.01–0.26 %, this pair −0.13 % (−0.16 % on 99d38a9); the threshold 0.6 %.
TEST(FlexRoundTripSplit, TwoFlatRunsDifferingInTheirSeedAreWithinTheNoise) {
  flex::FlexCase c = potline::testing::flex_example_case("flex-week-heat-exchangers.toml");
  const std::vector<double> flat_shares(24 * 7, 1.0);
  const flex::Resimulation a = run(c, flat_shares);
  c.sim.seed += 1;
  const flex::Resimulation b = run(c, flat_shares);
  double shifted = 0, added = 0, change = 0;
  shift(c, flat_shares.size(), a, b, shifted, added, change);
  const flex::RoundTripSplit s = flex::round_trip_split(c, a, b, shifted, added);
  ASSERT_TRUE(s.available);
  RecordProperty("losses_MWh", std::to_string(s.losses_J() / 3.6e9));
  RecordProperty("noise_MWh", std::to_string(s.noise_J / 3.6e9));
  EXPECT_LT(std::abs(s.losses_J()), s.noise_J)
      << "losses " << s.losses_J() / 3.6e9 << " MWh, noise " << s.noise_J / 3.6e9 << " MWh";
  EXPECT_FALSE(s.above_one_beyond_noise());
}

// The split's arithmetic on hand terms (the code's own bookkeeping): two runs whose balances close
// (line = in + outside; in = chemical + tapped + lost + anodes + stored), 10 cells at η = 0.95.
TEST(FlexRoundTripSplit, HandTermsRecomputeTheSplitArithmetic) {
  flex::CellEnergyTerms f, o;
  f.complete = o.complete = true;
  f.chemical_J = 50, f.tapped_J = 2, f.lost_J = 40, f.anode_J = 1, f.stored_J = 0, f.metal_kg = 4;
  o.chemical_J = 53, o.tapped_J = 2, o.lost_J = 39, o.anode_J = 1, o.stored_J = 0.5;
  o.top_kept_J = 0.25;  // the cuts' top retention kept 0.25 J of the optimised run's loss
  f.in_J = 93, o.in_J = 95.5;
  f.line_J = 100, o.line_J = 103;  // outside the cells 7 and 7.5
  const double scale = 10 / 0.95;
  const double op_W = -2.0 / 100;  // −2 J over 100 s a cell
  const flex::RoundTripSplit s =
      flex::split_energy_change(f, o, op_W, 100, 10, 0.95, 3 * scale, 20 * scale, 23 * scale);
  ASSERT_TRUE(s.available);
  EXPECT_NEAR(s.metal_J, 3 * scale, 1e-9);
  EXPECT_NEAR(s.stored_heat_J, 0.5 * scale, 1e-9);
  EXPECT_NEAR(s.operating_point_J, -2 * scale, 1e-9);
  EXPECT_NEAR(s.top_heat_kept_J, 0.25 * scale, 1e-9);
  EXPECT_NEAR(s.cycle_heat_loss_J, (-1 + 2 + 0.25) * scale, 1e-9);
  EXPECT_NEAR(s.outside_cells_J, 0.5 * scale, 1e-9);
  EXPECT_NEAR(s.anode_heating_J, 0.0, 1e-9);
  EXPECT_NEAR(s.balance_residual_J, 0.0, 1e-9);
  EXPECT_NEAR(s.losses_J(), 1.75 * scale, 1e-9);
  EXPECT_NEAR(s.storage_round_trip.value_or(-1), 20 / 21.75, 1e-12);
  EXPECT_NEAR(s.metal_J_per_kg, 52 / 4.0 / 0.95, 1e-12);
  EXPECT_NEAR(s.operating_point_kg, 2 * scale / (52 / 4.0 / 0.95), 1e-9);
  EXPECT_NEAR(s.noise_J, flex::kRoundTripNoiseShare * 100 * scale, 1e-12);
}

}  // namespace test_flex_round_trip_split

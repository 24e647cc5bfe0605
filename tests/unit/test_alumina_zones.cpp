// Feeder zones (dynamics/alumina_zones.hpp), point feeders and their seeded faults
// (potline/feeders.hpp) and the reheat practice of the pot controller after an outage.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/control/pot_controller.hpp"
#include "potline/dynamics/alumina_zones.hpp"
#include "potline/potline/feeders.hpp"

namespace test_alumina_zones {

using potline::dynamics::AluminaZones;

namespace {
double mean_deviation(const AluminaZones& z) {
  double sum = 0;
  for (int i = 0; i < z.size(); ++i) sum += z.deviation_wt(i);
  return sum / z.size();
}
}  // namespace

// Shots into single zones, even additions and exchange steps never move the bath average: the
// zones carry deviations only, so the lumped state's mass balance is untouched.
TEST(AluminaZones, DeviationsAverageToZeroAndSharesToOne) {
  AluminaZones z(4, 1800.0, 5.0);
  double undissolved = 50.0;
  for (int k = 0; k < 2000; ++k) {
    if (k % 7 == 0) {
      z.add(k % 4 == 3 ? 0 : k % 4, 0.9, 0.9, undissolved, 8500.0);
      undissolved += 0.9;
    }
    if (k % 97 == 0) {
      z.add_evenly(10.0, undissolved);
      undissolved += 10.0;
    }
    const double dissolution = 0.003 * undissolved;
    undissolved -= dissolution * 5.0;
    z.advance(dissolution, 8500.0, k % 500 < 10);
  }
  EXPECT_NEAR(mean_deviation(z), 0.0, 1e-12);
  double shares = 0;
  for (int i = 0; i < z.size(); ++i) shares += z.share(i);
  EXPECT_NEAR(shares, 1.0, 1e-12);
  EXPECT_LT(z.min_deviation_wt(), 0.0);  // zone 3 is never fed
}

// A zone that receives nothing while the others dissolve D kg/s settles at the deficit of the
// steady state of dδ/dt = −100·D/M − δ/τ, i.e. δ = −100·D·τ/M (hand solution; the other three
// zones share the surplus equally: +100·D·τ/(3M)). D = 0.07 kg/s, M = 8500 kg, τ = 1800 s:
// −1.482 wt%.
TEST(AluminaZones, StuckZoneDeficitMatchesHandSolution) {
  AluminaZones z(4, 1800.0, 5.0);
  // All undissolved alumina in zones 1–3 (zone 0's feeder is stuck).
  z.add(1, 0.0, 100.0, 0.0, 8500.0);
  z.add(2, 0.0, 100.0, 100.0, 8500.0);
  z.add(3, 0.0, 100.0, 200.0, 8500.0);
  for (int k = 0; k < 20000; ++k) z.advance(0.07, 8500.0, false);  // 28 h ≫ τ
  EXPECT_NEAR(z.deviation_wt(0), -100.0 * 0.07 * 1800.0 / 8500.0, 1e-6);
  EXPECT_NEAR(z.deviation_wt(1), 100.0 * 0.07 * 1800.0 / 8500.0 / 3.0, 1e-6);
}

// The immediate part of a shot raises its zone by 100·m·(N − 1)/M above the new average.
TEST(AluminaZones, ShotRaisesItsZone) {
  AluminaZones z(4, 1800.0, 5.0);
  z.add(2, 0.85, 0.0, 0.0, 8500.0);
  EXPECT_NEAR(z.deviation_wt(2), 100.0 * 0.85 * 3.0 / 8500.0, 1e-12);
  EXPECT_NEAR(z.deviation_wt(0), -100.0 * 0.85 / 8500.0, 1e-12);
}

// Uniform zones add no voltage; unequal zones add a positive term (η is convex in c), which grows
// as the lowest zone nears the critical concentration.
TEST(AluminaZones, ConcentrationOvervoltageOfUnequalZones) {
  AluminaZones z(4, 1800.0, 5.0);
  EXPECT_NEAR(z.concentration_overvoltage_V(2.5, 1.0, 1238.0), 0.0, 1e-12);
  z.add(1, 0.0, 100.0, 0.0, 8500.0);
  for (int k = 0; k < 400; ++k) z.advance(0.07, 8500.0, false);
  const double mild = z.concentration_overvoltage_V(3.0, 1.0, 1238.0);
  const double near_onset = z.concentration_overvoltage_V(2.0, 1.0, 1238.0);
  EXPECT_GT(mild, 0.0);
  EXPECT_GT(near_onset, mild);
  EXPECT_LT(near_onset, 0.3);  // capped at i/i_c = 0.99: T/23209·ln(100) ≈ 0.25 V for one zone in four
}

TEST(Feeders, CountEstimateFromAnodes) {
  potline::line::FeederSettings s;
  EXPECT_EQ(potline::line::feeder_count(s, 40), 4);  // AP40
  EXPECT_EQ(potline::line::feeder_count(s, 58), 6);  // AP60
  EXPECT_EQ(potline::line::feeder_count(s, 18), 2);
  s.feeders = 5;
  EXPECT_EQ(potline::line::feeder_count(s, 40), 5);
  EXPECT_EQ(potline::line::zone_count(s, 5), 5);
  EXPECT_EQ(potline::line::zone_of_feeder(4, 5, 2), 1);
}

// Over 20,000 feeder-days the number of faults is Poisson with mean rate × exposure (exposure is
// the time without a fault: mean durations 4 h and 8 h at equal rates, 6 h on average); the same
// seed and stream give the same sequence.
TEST(Feeders, FaultsAreSeededAndAtTheirRate) {
  potline::line::FeederSettings s;
  s.choke_rate_per_day = 0.02;
  s.partial_rate_per_day = 0.02;
  const auto count = [&](std::uint64_t seed) {
    potline::line::FeederBank bank(&s, 4, seed, 3);
    long chokes = 0;
    while (bank.next_change_s() < 5000.0 * 86400.0) {
      const auto change = bank.update(bank.next_change_s());
      if (change.fault == potline::line::FeederFault::kChoke) ++chokes;
    }
    return std::pair{bank.faults_started(), chokes};
  };
  const auto [faults, chokes] = count(11);
  const double exposure_days = 4 * 5000.0 * (1.0 - 0.04 * 6.0 / 24.0);
  const double expected = 0.04 * exposure_days;  // ≈ 792
  EXPECT_NEAR(static_cast<double>(faults), expected, 4.0 * std::sqrt(expected));
  EXPECT_NEAR(static_cast<double>(chokes), 0.5 * faults, 4.0 * std::sqrt(0.25 * faults));
  EXPECT_EQ(count(11), count(11));
  EXPECT_NE(count(11).first, count(12).first);
}

TEST(Feeders, ClearAllEndsEveryFault) {
  potline::line::FeederSettings s;
  s.choke_rate_per_day = 10.0;
  potline::line::FeederBank bank(&s, 4, 1, 1);
  while (bank.fault(0) == potline::line::FeederFault::kNone) bank.update(bank.next_change_s());
  EXPECT_EQ(bank.delivery(0), 0.0);
  EXPECT_GE(bank.clear_all(0.0), 1);
  for (int f = 0; f < 4; ++f) EXPECT_EQ(bank.delivery(f), 1.0);
}

// After an outage longer than reheat_min_outage the target voltage is raised by reheat_voltage,
// held for reheat_hold, then brought back linearly over reheat_ramp; a short interruption does
// nothing.
TEST(PotControllerReheat, TargetRaisedHeldAndReturnedAfterOutage) {
  potline::control::ControllerSettings s;
  s.nominal_current_A = 400e3;
  s.target_voltage_V = 4.2;
  s.ae_detect_voltage_V = 8.0;  // 4-5 V is no anode effect: the resistance control runs
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  double t = 0;
  for (; t < 3600; t += 5) c.sample(t, 4.2, 400e3);
  EXPECT_DOUBLE_EQ(c.target_voltage_V(), 4.2);
  for (; t < 3600 + 3 * 3600; t += 5) c.sample(t, 0.0, 0.0);  // 3 h outage
  c.sample(t, 4.0, 400e3);
  EXPECT_NEAR(c.target_voltage_V(), 4.5, 1e-12);
  const double back = t;
  // The cell above the raised target: the hold is counted from the first decision that reads it
  // (a decision at every sample with these settings), 5 s after the return.
  for (t += 5; t < back + 12 * 3600; t += 5) c.sample(t, 4.6, 400e3);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.3 * 0.5, 1e-3);  // 4 h into the ramp
  for (; t < back + 17 * 3600; t += 5) c.sample(t, 4.2, 400e3);
  EXPECT_DOUBLE_EQ(c.target_voltage_V(), 4.2);
  for (; t < back + 17 * 3600 + 600; t += 5) c.sample(t, 0.0, 0.0);  // 10 min: below reheat_min_outage
  c.sample(t, 4.2, 400e3);
  EXPECT_DOUBLE_EQ(c.target_voltage_V(), 4.2);
}
}  // namespace test_alumina_zones

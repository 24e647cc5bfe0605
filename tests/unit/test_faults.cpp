// Unit tests of the process faults beyond the feeders (potline/faults.hpp, docs/model/faults.md):
// seeded, deterministic event streams at their rates, the crust-breaker pile, the pick-up onset,
// spikes, sludge, the order of causes, "off" by default and the input errors.
#include <gtest/gtest.h>

#include <cmath>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/potline/faults.hpp"

namespace potline::line::test_faults {
namespace {

constexpr double kDay = 86400.0;

struct Tally {
  long failures = 0, collapses = 0, poor_starts = 0;
  double poor_seconds = 0;
};

Tally run_for(const FaultSettings& s, int feeders, double days, std::uint64_t stream) {
  ProcessFaults f(&s, feeders, 42, stream);
  Tally n;
  double poor_since = -1;
  while (f.next_change_s() <= days * kDay) {
    const double t = f.next_change_s();
    const FaultChange c = f.update(t);
    if (c.event == FaultEvent::kBreakerFailed) ++n.failures;
    if (c.event == FaultEvent::kCrustCollapse) ++n.collapses;
    if (c.event == FaultEvent::kPoorAluminaStart) {
      ++n.poor_starts;
      poor_since = t;
    }
    if (c.event == FaultEvent::kPoorAluminaEnd) n.poor_seconds += t - poor_since;
  }
  return n;
}

TEST(ProcessFaults, OffByDefault) {
  const FaultSettings s;
  const ProcessFaults f(&s, 4, 1, 2);
  EXPECT_TRUE(std::isinf(f.next_change_s()));
  EXPECT_DOUBLE_EQ(f.dissolution_share(), 1.0);
  EXPECT_DOUBLE_EQ(f.onset_alumina_wt(1.0, 40, 10.0), 1.0);  // no pick-up time set
}

// Poisson rates: counts over 4 feeders × 2000 days within about 3 standard deviations of rate ×
// exposure (~2000 breaker failures and collapses: 5 %; the exposure excludes the repair times).
TEST(ProcessFaults, EventCountsFollowTheirRates) {
  FaultSettings s;
  s.breaker_rate_per_day = 0.25;
  s.breaker_mean_s = 0.1 * kDay;
  s.collapse_rate_per_day = 1.0;
  s.poor_alumina_rate_per_day = 0.1;
  s.poor_alumina_mean_s = 2 * kDay;
  const double days = 2000;
  const Tally n = run_for(s, 4, days, 7);
  const double breaker_exposure = 4 * days / (1.0 + s.breaker_rate_per_day * 0.1);
  EXPECT_NEAR(n.failures, s.breaker_rate_per_day * breaker_exposure, 0.05 * s.breaker_rate_per_day * breaker_exposure);
  EXPECT_NEAR(n.collapses, days, 0.05 * days);
  // Poor alumina: a period every 1/0.1 = 10 days of normal alumina plus 2 days of poor alumina.
  EXPECT_NEAR(n.poor_starts, days / 12.0, 0.2 * days / 12.0);  // ~167 periods: 3 sd
  EXPECT_NEAR(n.poor_seconds / (n.poor_starts * kDay), 2.0, 0.5);  // CV 1: sd of the mean 0.15
}

TEST(ProcessFaults, SameStreamSameEventsOtherStreamOthers) {
  FaultSettings s;
  s.breaker_rate_per_day = 0.5;
  s.collapse_rate_per_day = 0.5;
  ProcessFaults a(&s, 4, 42, 9), b(&s, 4, 42, 9), c(&s, 4, 42, 10);
  EXPECT_EQ(a.next_change_s(), b.next_change_s());
  EXPECT_NE(a.next_change_s(), c.next_change_s());
  for (int i = 0; i < 50; ++i) {
    const double t = a.next_change_s();
    const FaultChange x = a.update(t), y = b.update(t);
    EXPECT_EQ(x.event, y.event);
    EXPECT_EQ(x.feeder, y.feeder);
  }
}

// A failed breaker keeps its feeder's shots on the crust; they fall in, all of them, at the repair.
TEST(ProcessFaults, FailedBreakerPilesShotsAndDropsThemAtTheRepair) {
  FaultSettings s;
  s.breaker_rate_per_day = 10.0;
  ProcessFaults f(&s, 1, 3, 4);
  FaultChange c = f.update(f.next_change_s());
  ASSERT_EQ(c.event, FaultEvent::kBreakerFailed);
  EXPECT_DOUBLE_EQ(f.deliver(0, 1.8), 0.0);
  EXPECT_DOUBLE_EQ(f.deliver(0, 1.8), 0.0);
  c = f.update(f.next_change_s());
  ASSERT_EQ(c.event, FaultEvent::kBreakerRepaired);
  EXPECT_DOUBLE_EQ(c.sludge_kg, 3.6);
  EXPECT_DOUBLE_EQ(f.deliver(0, 1.8), 1.8);
}

// The pile under a feeder with a failed breaker grows until it reaches the feeder outlet
// (breaker_pile_max); an anode effect brings the operators, who have the breaker repaired: the
// pile falls in as sludge and the next failure is drawn.
TEST(ProcessFaults, PileIsBoundedAndAnAnodeEffectRepairsTheBreaker) {
  FaultSettings s;
  s.breaker_rate_per_day = 10.0;
  s.breaker_pile_max_kg = 5.0;
  ProcessFaults f(&s, 2, 3, 4);
  const FaultChange failed = f.update(f.next_change_s());
  ASSERT_EQ(failed.event, FaultEvent::kBreakerFailed);
  const int k = failed.feeder;
  for (int i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(f.deliver(k, 1.8), 0.0);
  EXPECT_EQ(f.repair_breaker(1 - k, 100.0).event, FaultEvent::kNone);  // the other one works
  const FaultChange repaired = f.repair_breaker(k, 100.0);
  ASSERT_EQ(repaired.event, FaultEvent::kBreakerRepaired);
  EXPECT_DOUBLE_EQ(repaired.sludge_kg, 5.0);
  EXPECT_DOUBLE_EQ(f.sludge_kg(), 5.0);
  EXPECT_FALSE(f.breaker_failed(k));
  EXPECT_GT(f.next_change_s(), 0.0);
}

// Pick-up: during pickup_time after an anode change the onset concentration is that of the
// critical current density at anodes/(anodes − 1) of the mean current density (the Piontelli form
// i_c ∝ √(C/100) − 0.04, recomputed here), and the plain C_AE afterwards.
TEST(ProcessFaults, PickupRaisesTheOnsetConcentrationForItsDuration) {
  FaultSettings s;
  s.pickup_time_s = 3600;
  ProcessFaults f(&s, 4, 1, 1);
  f.anode_changed(100.0);
  const double share = 40.0 / 39.0;
  const double root = 0.04 + share * (std::sqrt(0.01) - 0.04);
  EXPECT_NEAR(f.onset_alumina_wt(1.0, 40, 200.0), 100.0 * root * root, 1e-12);
  EXPECT_GT(f.onset_alumina_wt(1.0, 40, 200.0), 1.02);
  EXPECT_DOUBLE_EQ(f.onset_alumina_wt(1.0, 40, 3800.0), 1.0);
}

// A spike carries spike_current anode shares of the line current past electrolysis: on a 40-anode
// cell with the default (1 share) 2.5 %; the electrolysis path above its back EMF falls by that
// share (hand computation: 4.0 V path, 1.7 V back EMF: −0.025 × 2.3 V).
TEST(ProcessFaults, SpikeShuntsAShareOfTheCurrentAndLowersTheVoltage) {
  FaultSettings s;
  s.spike_rate_per_day = 10.0;
  ProcessFaults f(&s, 4, 5, 6);
  EXPECT_DOUBLE_EQ(f.shunt_fraction(40), 0.0);
  ASSERT_EQ(f.update(f.next_change_s()).event, FaultEvent::kSpikeStart);
  EXPECT_DOUBLE_EQ(f.shunt_fraction(40), 0.025);
  EXPECT_NEAR(f.spike_voltage_V(4.0, 40), -0.025 * 2.3, 1e-12);
  EXPECT_DOUBLE_EQ(f.shunt_fraction(1), 0.5);  // capped
  ASSERT_EQ(f.update(f.next_change_s()).event, FaultEvent::kSpikeEnd);
  EXPECT_DOUBLE_EQ(f.spike_voltage_V(4.0, 40), 0.0);
}

// Sludge: a collapse puts its mass under the metal; it dissolves back first order (after one time
// constant e^-1 is left) and covers mass/areal-mass of the cathode, so the cathode drop grows by
// A/(A − a) (hand computation: 100 kg at 50 kg/m² covers 2 m² of 40 m²: 0.3 V × 2/38).
TEST(ProcessFaults, SludgeDissolvesBackAndRaisesTheCathodeDrop) {
  FaultSettings s;
  s.collapse_rate_per_day = 10.0;
  s.collapse_mass_kg = 100.0;
  ProcessFaults f(&s, 4, 8, 9);
  const FaultChange c = f.update(f.next_change_s());
  ASSERT_EQ(c.event, FaultEvent::kCrustCollapse);
  EXPECT_DOUBLE_EQ(f.sludge_kg(), 100.0);
  EXPECT_NEAR(f.sludge_voltage_V(0.3, 40.0), 0.3 * 2.0 / 38.0, 1e-12);
  EXPECT_NEAR(f.sludge_voltage_V(0.3, 1.0), 0.3 * 0.9 / 0.1, 1e-12);  // at most 90 % covered
  const double dissolved = f.dissolve_sludge(s.sludge_dissolution_s);
  EXPECT_NEAR(f.sludge_kg(), 100.0 * std::exp(-1.0), 1e-9);
  EXPECT_NEAR(dissolved + f.sludge_kg(), 100.0, 1e-9);
  EXPECT_DOUBLE_EQ(f.sludge_formed_kg(), 100.0);
  // Step-wise release: nothing before the interval, then the whole accumulated time at once.
  EXPECT_DOUBLE_EQ(f.dissolve_sludge_after_step(ProcessFaults::kSludgeInterval_s / 2), 0.0);
  const double before = f.sludge_kg();
  const double later = f.dissolve_sludge_after_step(ProcessFaults::kSludgeInterval_s / 2);
  EXPECT_NEAR(later, before * -std::expm1(-ProcessFaults::kSludgeInterval_s / s.sludge_dissolution_s), 1e-9);
}

// Attribution: the first active condition in the documented order.
TEST(ProcessFaults, AnodeEffectCauseFollowsTheDocumentedOrder) {
  FaultSettings s;
  s.pickup_time_s = 3600;
  s.breaker_rate_per_day = 10.0;
  ProcessFaults f(&s, 1, 3, 4);
  EXPECT_EQ(f.cause_at(0.0, false, false), AeCause::kControl);
  f.anode_changed(0.0);
  EXPECT_EQ(f.cause_at(10.0, false, false), AeCause::kAnodeChange);
  ASSERT_EQ(f.update(f.next_change_s()).event, FaultEvent::kBreakerFailed);
  EXPECT_EQ(f.cause_at(10.0, false, false), AeCause::kCrustBreaker);
  EXPECT_EQ(f.cause_at(10.0, false, true), AeCause::kFeeder);
  EXPECT_EQ(f.cause_at(10.0, true, true), AeCause::kFeedStop);
  EXPECT_STREQ(to_string(AeCause::kCrustBreaker), "crust_breaker");
}

TEST(ProcessFaults, InputErrorsNameTheKeyValueAndRange) {
  const auto message = [](const std::vector<std::string>& sets) {
    try {
      testing_dyn::make_case(testing_dyn::read_example("cell-7d.toml"), sets);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string m = message({"faults.breaker_rate=-1", "faults.poor_alumina_dissolution=1.5",
                                 "faults.sludge_dissolution_time=0 h"});
  EXPECT_NE(m.find("'faults.breaker_rate': value -1 1/d is outside the allowed range [0, 10] 1/d"), std::string::npos)
      << m;
  EXPECT_NE(m.find("'faults.poor_alumina_dissolution': value 1.5 is outside the allowed range [0, 1]"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("'faults.sludge_dissolution_time': value '0 h' is outside the allowed range [0.1, 1000] h"),
            std::string::npos)
      << m;
}

}  // namespace
}  // namespace potline::line::test_faults

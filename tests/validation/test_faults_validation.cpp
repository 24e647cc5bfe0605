// Process faults in the potline (potline/faults.hpp, docs/model/faults.md): results independent of
// the thread count, alumina conserved through crust piles and sludge, anode effects attributed to
// causes that add up, and the consequences that emerge from the faults (none is forced). Short
// runs (4 AP40 cells, days): the rates are scenario inputs, not published values.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "../unit/test_dynamics_helpers.hpp"

namespace test_faults_validation {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {
std::vector<std::string> with(std::vector<std::string> sets, const std::string& extra) {
  sets.push_back(extra);
  return sets;
}
}  // namespace

// Every cell draws its faults from its own stream, so one thread or two give the same run; the
// alumina balance closes with the piles held on the crust and the sludge under the metal (both
// counted as fed when they reach the bath); every anode effect has one cause.
TEST(ProcessFaultsValidation, SameResultOnAnyThreadCountAluminaConservedCausesAddUp) {
  const std::string example = read_example("cell-process-faults.toml");
  const auto one = line::run_simulation(make_case(example, {"run.duration=4d", "run.threads=1"}));
  const auto two = line::run_simulation(make_case(example, {"run.duration=4d", "run.threads=2"}));
  EXPECT_EQ(one.production_t, two.production_t);
  EXPECT_EQ(one.ae.count, two.ae.count);
  EXPECT_EQ(one.mean_voltage_V, two.mean_voltage_V);
  EXPECT_EQ(one.faults.breaker_failures, two.faults.breaker_failures);
  EXPECT_GT(one.faults.breaker_failures + one.faults.crust_collapses + one.faults.anode_spikes, 0);
  for (const auto& t : one.per_cell) {
    EXPECT_NEAR(t.alumina_fed_kg - t.alumina_consumed_kg, t.alumina_change_kg,
                1e-6 * std::max(1.0, t.alumina_consumed_kg));
  }
  const auto& f = one.faults;
  EXPECT_EQ(std::accumulate(f.ae_count.begin(), f.ae_count.end(), 0L), one.ae.count);
  EXPECT_NEAR(std::accumulate(f.ae_seconds.begin(), f.ae_seconds.end(), 0.0), one.ae.total_seconds, 1e-6);
  EXPECT_LT(one.energy_balance_error, 0.005);
}

// Crust-breaker failures starve the failed feeder's zone as a choke does: with them (and no other
// new fault) the line has more anode effects than without, at the same seed, and those anode
// effects are attributed to them. 0.2 failures per feeder-day is a scenario input.
TEST(ProcessFaultsValidation, BreakerFailuresCauseAnodeEffects) {
  const std::vector<std::string> base = {"run.duration=4d", "potline.cells=4", "faults.profile=none", "feeders.choke_rate=0",
                                         "feeders.partial_rate=0"};
  const auto without = line::run_simulation(make_case(read_example("potline-year.toml"), base));
  const auto failing =
      line::run_simulation(make_case(read_example("potline-year.toml"), with(base, "faults.breaker_rate=0.2")));
  EXPECT_GT(failing.faults.breaker_failures, 0);
  EXPECT_GT(failing.ae.count, without.ae.count);
  EXPECT_GT(failing.faults.ae_count[static_cast<std::size_t>(line::AeCause::kCrustBreaker)], 0);
}

// An anode spike carries part of the current to the metal without electrolysis: the same cells
// with a spike most of the time produce less metal per charge (lower current efficiency).
TEST(ProcessFaultsValidation, SpikesLowerTheCurrentEfficiency) {
  const std::vector<std::string> base = {"run.duration=2d", "potline.cells=2", "faults.profile=none", "feeders.choke_rate=0",
                                         "feeders.partial_rate=0"};
  const auto clean = line::run_simulation(make_case(read_example("potline-year.toml"), base));
  const auto spiked = line::run_simulation(make_case(
      read_example("potline-year.toml"), with(with(base, "faults.spike_rate=10"), "faults.spike_duration=100 h")));
  EXPECT_GT(spiked.faults.anode_spikes, 0);
  // A spike of one anode share on 40 anodes costs up to 2.5 % of the charge: expect a loss of CE
  // between 1 and 3 points (the spikes start within the first hours).
  EXPECT_GT(clean.current_efficiency - spiked.current_efficiency, 0.01);
  EXPECT_LT(clean.current_efficiency - spiked.current_efficiency, 0.03);
}
}  // namespace test_faults_validation

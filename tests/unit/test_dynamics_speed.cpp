// What the speed-ups of the batch integrator and the potline driver rely on (issue 11,
// docs/performance.md): the right-hand side never reads the running integrals (the Heun predictor
// skips them), and the results do not depend on how the cells are split into blocks (the driver
// balances the blocks over the threads).
#include <gtest/gtest.h>

#include <numeric>

#include "../../src/potline/line_internal.hpp"
#include "potline/dynamics/batch.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_speed {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

TEST(DynamicsSpeed, RhsDoesNotReadTheRunningIntegrals) {
  const auto c = make_case(read_example("potline-year.toml"), {"run.duration=1d", "potline.cells=1"});
  std::vector<double> y;
  const std::vector<dynamics::CellModel> models = line::build_models(c, y);
  dynamics::CellInputs in;
  in.current_A = c.schedule.nominal_A();
  in.ledge_flow_factor = dynamics::ledge_flow_factor(models[0], in.current_A);
  in.alf3_addition_kg_per_s = 1e-5;
  in.feed_kg_per_s = 1e-3;
  const dynamics::Electrical e = dynamics::evaluate_electrical(models[0], y.data(), in, true);
  std::vector<double> other = y;
  for (int i = dynamics::kFirstRunningIntegral; i < dynamics::kStateCount; ++i) other[i] = 1e9 * (i + 1);
  std::vector<double> dy(dynamics::kStateCount), dy_other(dynamics::kStateCount);
  dynamics::rhs(models[0], in, e, y.data(), dy.data());
  dynamics::rhs(models[0], in, e, other.data(), dy_other.data());
  for (int i = 0; i < dynamics::kStateCount; ++i) EXPECT_EQ(dy[i], dy_other[i]) << dynamics::state_name(i);
}

TEST(DynamicsSpeed, BlocksAreEqualAndDivisibleByFour) {
  using line::detail::block_sizes;
  EXPECT_EQ(block_sizes(300, 16), std::vector<std::size_t>(20, 15));  // not 18 × 16 + 12
  EXPECT_EQ(block_sizes(32, 16), std::vector<std::size_t>(4, 8));
  EXPECT_EQ(block_sizes(10, 3), (std::vector<std::size_t>{3, 2, 3, 2}));
  EXPECT_EQ(block_sizes(3, 16), (std::vector<std::size_t>{1, 1, 1}));  // never an empty block
  EXPECT_EQ(block_sizes(1, 16), (std::vector<std::size_t>{1}));
  EXPECT_EQ(block_sizes(8, 1), std::vector<std::size_t>(8, 1));
  for (const std::size_t cells : {5, 17, 99, 301}) {
    const auto sizes = block_sizes(cells, 16);
    EXPECT_EQ(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}), cells);
    for (const std::size_t s : sizes) EXPECT_LE(s, 16u);
  }
}

// Six cells in one block, in blocks of 4 (two of 2 and of 1 after balancing) and one cell per
// block: rows, events and summary are identical, bit for bit.
TEST(DynamicsSpeed, SameResultsForAnyBlockLayout) {
  std::vector<testing_dyn::Recorder> records(3);
  std::vector<line::Summary> sums;
  const char* sizes[] = {"potline.block_size=6", "potline.block_size=4", "potline.block_size=1"};
  for (int i = 0; i < 3; ++i) {
    const auto c = make_case(read_example("potline-year.toml"),
                             {"run.duration=1d", "potline.cells=6", "run.threads=2", sizes[i]});
    sums.push_back(line::run_simulation(c, &records[static_cast<std::size_t>(i)]));
  }
  for (int i = 1; i < 3; ++i) {
    SCOPED_TRACE(sizes[i]);
    const auto& a = records[0];
    const auto& b = records[static_cast<std::size_t>(i)];
    EXPECT_EQ(sums[0].energy_MWh, sums[static_cast<std::size_t>(i)].energy_MWh);
    EXPECT_EQ(sums[0].production_t, sums[static_cast<std::size_t>(i)].production_t);
    EXPECT_EQ(sums[0].mean_superheat_K, sums[static_cast<std::size_t>(i)].mean_superheat_K);
    EXPECT_EQ(sums[0].alumina_min_wt, sums[static_cast<std::size_t>(i)].alumina_min_wt);
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
      EXPECT_EQ(a.rows[r].mean_temperature_K, b.rows[r].mean_temperature_K);
      EXPECT_EQ(a.rows[r].mean_voltage_V, b.rows[r].mean_voltage_V);
      EXPECT_EQ(a.rows[r].mean_alumina_wt, b.rows[r].mean_alumina_wt);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t k = 0; k < a.events.size(); ++k) {
      EXPECT_EQ(a.events[k].time_s, b.events[k].time_s);
      EXPECT_EQ(a.events[k].cell, b.events[k].cell);
      EXPECT_EQ(a.events[k].value, b.events[k].value);
    }
  }
}
}  // namespace test_dynamics_speed

// fleet::solve, the one fleet solve behind `potline fleet` and every sweep sample: an infeasible
// market is a result (feasible = false with the explanation), which the fleet command turns into an
// input error (tests/regression/test_fleet_examples.cpp, InfeasibleTradeExplainedNotCrashed) and a
// sweep stores as market_feasible = 0 (below); cost-curve dispatch meets demand at the curve's
// marginal cost.
#include <gtest/gtest.h>

#include <numeric>

#include "potline/cell/technology.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/sweep/run.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_solve {

using namespace potline;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }
std::string examples() { return std::string(POTLINE_SOURCE_DIR) + "/examples"; }

fleet::FleetCase parse(const std::string& text) {
  core::Diagnostics d;
  return fleet::parse_fleet_case(text, "solve.toml", examples(), cell::default_data_dir(), data(), d);
}

const char* kBase = "[fleet]\nlme = \"2400 USD/t\"\n";
const char* kEuropeTimesFive = "[[demand]]\nregion = \"europe\"\nfactor = 5\n";

double row(const sweep::SampleResult& r, const std::string& entity, const std::string& metric) {
  for (const auto& x : r.rows) if (x.entity == entity && x.metric == metric) return x.value;
  return -1.0;
}

bool has_row(const sweep::SampleResult& r, const std::string& metric) {
  for (const auto& x : r.rows) if (x.metric == metric) return true;
  return false;
}

}  // namespace

TEST(fleet_solve, InfeasibleMarketIsAResultWithItsExplanation) {
  const fleet::FleetCase c = parse(std::string(kBase) + kEuropeTimesFive);
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  EXPECT_FALSE(r.feasible);
  EXPECT_NE(r.explanation.find("infeasible trade problem"), std::string::npos) << r.explanation;
  EXPECT_NE(r.explanation.find("world demand"), std::string::npos) << r.explanation;
  EXPECT_GT(r.capacity_kg_per_s, 0.0);
  EXPECT_EQ(r.production_total_kg_per_s, 0.0);
  EXPECT_EQ(std::accumulate(r.price_usd_per_kg.begin(), r.price_usd_per_kg.end(), 0.0), 0.0);
}

TEST(fleet_solve, CostCurveDispatchMeetsDemandAtTheMarginalCost) {
  const fleet::FleetCase c = parse(std::string(kBase) + "[market]\nsolve = false\n");
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  ASSERT_TRUE(r.feasible) << r.explanation;
  EXPECT_FALSE(r.market_solved);
  EXPECT_NEAR(r.production_total_kg_per_s, r.demand_total_kg_per_s, 1e-9 * r.demand_total_kg_per_s);
  EXPECT_EQ(r.marginal_cost_usd_per_kg, fleet::marginal_cost(r.curve, r.demand_total_kg_per_s));
  EXPECT_EQ(r.marginal_cost_usd_per_kg, r.cost_curve_marginal_cost_usd_per_kg);
  for (double p : r.price_usd_per_kg) EXPECT_EQ(p, r.marginal_cost_usd_per_kg);
  // Every producing smelter is at or below the marginal cost, every idle one at or above.
  for (std::size_t i = 0; i < r.smelters.size(); ++i) {
    if (r.production_kg_per_s[i] > 0) {
      EXPECT_LE(r.smelters[i].c1_usd_per_kg, r.marginal_cost_usd_per_kg);
    }
    else EXPECT_GE(r.smelters[i].c1_usd_per_kg, r.marginal_cost_usd_per_kg);
  }
}

TEST(fleet_solve, CostCurveDispatchBeyondCapacityIsInfeasible) {
  const fleet::FleetCase c = parse(std::string(kBase) + "[market]\nsolve = false\n[[demand]]\nregion = \"china\"\nfactor = 3\n");
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  EXPECT_FALSE(r.feasible);
  EXPECT_NE(r.explanation.find("exceeds the capacity on the cost curve"), std::string::npos) << r.explanation;
}

TEST(fleet_solve, SampleDemandFactorsMultiplyTheCaseDemand) {
  const fleet::FleetCase c = parse(kBase);
  const fleet::FleetResult base = fleet::solve(c, c.shocks);
  std::vector<double> factor(c.model.regions.regions.size(), 1.0);
  // A factor below 1: with the 2024 demand the operating fleet has only ~0.3 % spare capacity, so a
  // US demand 10 % higher would be infeasible with fixed demand (tested above for Europe x 5).
  factor[static_cast<std::size_t>(c.model.regions.index_of("usa"))] = 0.9;
  const fleet::FleetResult less = fleet::solve(c, c.shocks, factor);
  const auto usa = static_cast<std::size_t>(c.model.regions.index_of("usa"));
  EXPECT_DOUBLE_EQ(less.demand_kg_per_s[usa], 0.9 * base.demand_kg_per_s[usa]);
  EXPECT_LT(less.production_total_kg_per_s, base.production_total_kg_per_s);
}

// Europe's demand x 20: infeasible even with the backtest's elastic demand (since 2026-12-06; x 5
// was infeasible with fixed demand): the demand below 50 % of the reference (the curve's range)
// must be served, 0.5 x 20 x 7.07 + 0.5 x 65.7 = 103.5 Mt/yr against 72.94 of capacity.
TEST(fleet_solve, SweepStoresAnInfeasibleMarketAsNotFeasible) {
  core::Diagnostics d;
  const std::string text = std::string("[sweep]\nbase = \"world.toml\"\nseed = 3\nsamples = 1\n") +
                           "[[scenario]]\nname = \"base\"\n[[scenario]]\nname = \"europe-x5\"\n" +
                           "[[scenario.demand]]\nregion = \"europe\"\nfactor = 20\n";
  const sweep::SweepSpec spec = sweep::parse_sweep(text, "solve-sweep.toml", examples(), cell::default_data_dir(), data(), d);
  const sweep::SampleResult ok = sweep::evaluate_sample(spec, 0, 0);
  const sweep::SampleResult bad = sweep::evaluate_sample(spec, 1, 0);
  EXPECT_EQ(row(ok, "world", "market_feasible"), 1.0);
  EXPECT_TRUE(has_row(ok, "production_Mt"));
  EXPECT_EQ(row(bad, "world", "market_feasible"), 0.0);
  EXPECT_GT(row(bad, "world", "capacity_Mt"), 0.0);
  EXPECT_GT(row(bad, "world", "demand_Mt"), row(ok, "world", "demand_Mt"));
  EXPECT_FALSE(has_row(bad, "production_Mt"));  // no production, price or trade rows for it
  EXPECT_FALSE(has_row(bad, "price_usd_per_t"));
}

// The cap's shadow price from the LP: with China's cap binding (43.4 Mt/yr against 43.53 of
// operating capacity and demand above it), the partly run Chinese smelter is indifferent between
// one more tonne and none: its C1 plus the shadow price equals China's price (no freight at home).
TEST(fleet_solve, BindingCapReportsItsShadowPrice) {
  fleet::FleetCase c = parse(std::string(kBase) + "[[cap]]\nregion = \"china\"\ncapacity = \"43.4 Mt/yr\"\n"
                             "[[demand]]\nregion = \"china\"\nfactor = 0.99\n");
  // One supplier per smelter at its C1 (no [curtailment] segments: a running smelter's base is
  // priced below C1 by the restart cost, tests/unit/test_fleet_curtailment.cpp): the textbook
  // marginal condition is then checked smelter by smelter.
  c.model.regions.curtailment = {};
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  ASSERT_TRUE(r.feasible) << r.explanation;
  ASSERT_EQ(r.cap_shadow_usd_per_kg.size(), 1u);
  EXPECT_GT(r.cap_shadow_usd_per_kg[0], 0.0);
  const auto china = static_cast<std::size_t>(c.model.regions.index_of("china"));
  int marginal = 0;
  for (std::size_t i = 0; i < r.smelters.size(); ++i) {
    if (c.model.smelters[i].region != static_cast<int>(china)) continue;
    const double q = r.production_kg_per_s[i], k = r.smelters[i].capacity_kg_per_s;
    if (q > 1e-9 * k && q < k * (1 - 1e-9)) {
      ++marginal;
      EXPECT_NEAR(r.smelters[i].c1_usd_per_kg + r.cap_shadow_usd_per_kg[0], r.price_usd_per_kg[china], 1e-9)
          << c.model.smelters[i].record.id;
    }
  }
  EXPECT_GE(marginal, 1);
  // In this case every producing smelter earns at least its C1 at its home region's price (the margin
  // of cost_curve.csv; not a general property: a pure exporter's netback may exceed its home price).
  for (std::size_t i = 0; i < r.smelters.size(); ++i) {
    if (r.production_kg_per_s[i] <= 0) continue;
    const auto reg = static_cast<std::size_t>(c.model.smelters[i].region);
    EXPECT_GE(r.price_usd_per_kg[reg] - r.smelters[i].c1_usd_per_kg, -1e-9) << c.model.smelters[i].record.id;
  }
  // Without the binding cap (the shipped 45 Mt/yr of examples/world-2024.toml is above China's
  // operating capacity) the shadow price is 0.
  const fleet::FleetCase open = parse(std::string(kBase) + "[[cap]]\nregion = \"china\"\ncapacity = \"45 Mt/yr\"\n");
  const fleet::FleetResult o = fleet::solve(open, open.shocks);
  ASSERT_EQ(o.cap_shadow_usd_per_kg.size(), 1u);
  EXPECT_EQ(o.cap_shadow_usd_per_kg[0], 0.0);
}
}  // namespace test_fleet_solve

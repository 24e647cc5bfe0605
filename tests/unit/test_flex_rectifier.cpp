// The rectifier's reach in the dispatch (docs/model/flexibility.md §3, "The rectifier's reach") and
// the flex defaults declared once:
// - a two-price-level case whose hand optimum (+10 % while cheap) lies beyond the rectifier's reach
//   plans exactly the reach in the cheap hours, and its saving is the hand optimum at that level;
// - the FlexCase struct's defaults are the schema's (no second default that can disagree).
#include <gtest/gtest.h>

#include <cmath>

#include "flex_example_case.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/io/case_file.hpp"

namespace test_flex_rectifier {

using namespace potline;

namespace {

// The two-price-level case of FlexValidation (tests/common/flex_example_case.hpp): 100 cells of
// 1.6 MW DC (η = 0.975), 12 h at 20 then 12 h at 120 EUR/MWh, linear production (e = 0.7), heat
// state free, limits ±10 %; here the rectifier delivers at most `reach` of nominal power.
using TwoLevel = potline::testing::TwoPriceLevelCase;

TwoLevel capped_case(double reach) {
  TwoLevel t = potline::testing::two_price_level_case();
  t.m.max_share = reach;
  return t;
}

}  // namespace

// By hand: without the cap the optimum is +10 % in the 12 cheap hours and −10 % in the 12 dear ones
// (F1). With the rectifier delivering at most 106 %, the cheap hours run at 106 % and the
// production target (Σu ≥ 0 with linear production) lets the dear hours cut 0.06 × 12 share-hours
// in all: saving 0.06 × (1.6 MW × 100 / 0.975) × 12 h × 100 EUR/MWh = 11,815.38 EUR over the flat
// schedule.
TEST(FlexRectifier, TwoPriceLevelsPlanExactlyTheRectifierReach) {
  const TwoLevel t = capped_case(1.06);
  EXPECT_NEAR(flex::highest_share(t.c, t.m), 1.06, 1e-12);
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  for (const bool milp : {false, true}) {
    TwoLevel u = t;
    if (milp) {
      u.c.dispatch.max_changes_per_day = 2;
      u.c.dispatch.mip_gap = 0;
    }
    const auto s = flex::optimise_schedule(u.c, u.m, u.p, flex::case_bounds(u.c));
    EXPECT_EQ(s.milp, milp);
    double dear = 0;
    for (std::size_t k = 0; k < t.K; ++k) {
      if (k < t.K / 2) {
        EXPECT_NEAR(s.shares[k], 1.06, 1e-9) << k;
      }
      EXPECT_LE(s.shares[k], 1.06 + 1e-9) << k;
      if (k >= t.K / 2) dear += s.shares[k] - 1.0;
    }
    EXPECT_NEAR(dear, -0.06 * 12, 1e-9);
    const double hand = 0.06 * (1.6 * 100 / 0.975) * 12 * 100;
    EXPECT_NEAR(hand, 11815.3846, 1e-3);
    EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-6 * hand)
        << (milp ? "MILP" : "LP");
  }
}

// A reach above flex.max_power changes nothing: the hand optimum of F1 (+10 % / −10 %).
TEST(FlexRectifier, AReachAboveMaxPowerLeavesTheHandOptimum) {
  const TwoLevel t = capped_case(1.2);
  EXPECT_NEAR(flex::highest_share(t.c, t.m), 1.1, 1e-12);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  for (std::size_t k = 0; k < t.K; ++k)
    EXPECT_NEAR(s.shares[k], k < t.K / 2 ? 1.1 : 0.9, 1e-9) << k;
}

// The flat schedule stays within the reach too: a production target that would need 108 % of the
// power at e = 0.7 (+5.6 % metal) is flattened at the reach, 106 %.
TEST(FlexRectifier, FlatScheduleStaysWithinTheReach) {
  TwoLevel t = capped_case(1.06);
  t.c.dispatch.production_target = 1.056;
  EXPECT_NEAR(flex::flat_share(t.c, t.m), 1.06, 1e-12);
}

// Every [flex], [economics], [grid] and [envelope] member a default-constructed FlexCase holds is
// the schema's default (flex_schema.cpp declares it; the struct takes it from the same constant): a
// FlexCase built without the schema (tests, benchmarks, the API) runs with the case file's limits.
TEST(FlexSchema, StructDefaultsAreTheSchemaDefaults) {
  const auto& table = flex::flex_table();
  const io::Schema schema = table.schema();  // by value: iterate a named copy, not a temporary
  io::ValueSet defaults;
  io::fill_defaults(schema, defaults);
  flex::FlexCase bound;
  table.bind(defaults, bound);
  const flex::FlexCase plain;
  int compared = 0;
  for (const auto& field : schema.fields()) {
    const auto a = table.read(plain, field.key), b = table.read(bound, field.key);
    if (!a || !b) continue;
    ++compared;
    EXPECT_NEAR(a->number, b->number, 1e-12 * std::max(1.0, std::abs(b->number))) << field.key;
    EXPECT_EQ(a->text, b->text) << field.key;
  }
  EXPECT_GT(compared, 20);
  EXPECT_DOUBLE_EQ(plain.dispatch.min_power, 0.95);
  EXPECT_DOUBLE_EQ(plain.dispatch.max_power, 1.05);
}

}  // namespace test_flex_rectifier

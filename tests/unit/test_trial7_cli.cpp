// User trial 7 (2026-12-06): a smelter's break-even power price (T7-35), the did-you-mean of a name
// in another case (T7-21).
#include <gtest/gtest.h>

#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/power_breakeven.hpp"

namespace test_trial7_cli {
namespace {

namespace pc = potline::core;

// The tester's hand division for the Mount Holly-like case (T7-35): a margin of 456 USD/t at 55
// USD/MWh with 15.2 kWh/kg bought goes to 0 at 55 + 456/15.2 = 85 USD/MWh. (The same formula as the
// code: the CLI test checks it against the smelter model at that price.)
TEST(PowerBreakeven, IsTheHandDivision) {
  constexpr double kUsdPerMWh = 1.0 / 3.6e9;  // USD/J
  const auto p = potline::plant::breakeven_power_usd_per_J(0.456, 55 * kUsdPerMWh, 15.2 * 3.6e6);
  ASSERT_TRUE(p);
  EXPECT_NEAR(*p / kUsdPerMWh, 85.0, 1e-9);
  EXPECT_LT(*potline::plant::breakeven_power_usd_per_J(-1.0, 55 * kUsdPerMWh, 15.2 * 3.6e6), 0.0);
  EXPECT_FALSE(potline::plant::breakeven_power_usd_per_J(0.456, 55 * kUsdPerMWh, 0.0));
}

// 'CANADA' is 3 edits from every region id: equal but for case, it gets its did-you-mean (T7-21); a
// name close to nothing lists the few known names.
TEST(UnknownName, CaseInsensitiveMatchAndList) {
  pc::Diagnostics d;
  potline::io::report_unknown_name("region or country", "CANADA", {"usa", "canada", "CAN"}, {},
                                   "tariff[0].exempt", d);
  potline::io::report_unknown_name("region", "zzzz", {"usa", "canada"}, {}, "cap[0].region", d);
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(d.items()[0].message, "unknown region or country 'CANADA' (did you mean 'canada'?)");
  EXPECT_EQ(d.items()[1].message, "unknown region 'zzzz' (known: usa, canada)");
}

}  // namespace
}  // namespace test_trial7_cli

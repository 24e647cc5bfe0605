// User trial 15, T15-4, T15-5, T15-6: how firm flex's year's value is (its adjustments against the
// simulation's noise, the year without them, the operating point's range), the heat exchangers'
// increment split into the delivered savings and the adjustments with the case without them printed
// term by term, and the wording of the terms. The text is checked against the JSON's figures (the
// model's), and the JSON's figures against each other; no frozen flex figure (helper flex13 moves them).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial15_flex {
namespace {

double num(const Json& j, const char* key) { return j.at(key).get<double>(); }
std::string meur(double eur) { return fmt::format("{:+.2f}", eur / 1e6); }

// T15-4: flex-day's operating point (+7.8 MWh) and end heat (+38.8 MWh) lie within the ±74.3 MWh noise
// the storage line prints; the year's line now says so, the year without them, and the year at the
// 0.02–0.91 share of the operating point a flat cell follows within a horizon
// (docs/model/flexibility.md §5).
TEST(CliTrial15Flex, DayYearSaysItsAdjustmentsAreWithinTheNoiseAndTheOperatingPointsRange) {
  const RunResult j = potline({"flex", example("flex-day.toml"), "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json v = parse_json(j.out).at("value");
  const Json& c = v.at("annual_value_caveats");
  const Json& split = v.at("delivered").at("round_trip_split");
  EXPECT_DOUBLE_EQ(num(c, "noise_MWh"), num(split, "noise_MWh"));
  EXPECT_DOUBLE_EQ(num(c, "operating_point_MWh"), num(split, "operating_point_MWh"));
  EXPECT_EQ(c.at("operating_point_within_noise").get<bool>(),
            std::abs(num(split, "operating_point_MWh")) <= num(split, "noise_MWh"));
  EXPECT_EQ(c.at("end_heat_within_noise").get<bool>(), std::abs(num(split, "stored_heat_MWh")) <= num(split, "noise_MWh"));
  const double per_year = num(v, "annual_value_eur") / num(v, "delivered_value_eur");
  EXPECT_NEAR(num(c, "annual_value_without_adjustments_eur"),
              (num(v, "delivered_savings_eur") - num(v, "not_physical_eur")) * per_year, 1e-6 * per_year);
  // Only share f of the operating point out: the value rises by (1 − f) × operating_point_eur.
  const auto followed = [&](double f) { return (num(v, "delivered_value_eur") + (1 - f) * num(v, "operating_point_eur")) * per_year; };
  const double a = followed(num(c, "operating_point_followed_share_min")), b = followed(num(c, "operating_point_followed_share_max"));
  EXPECT_NEAR(num(c, "annual_value_operating_point_followed_low_eur"), std::min(a, b), 1e-3);
  EXPECT_NEAR(num(c, "annual_value_operating_point_followed_high_eur"), std::max(a, b), 1e-3);
  EXPECT_DOUBLE_EQ(num(c, "operating_point_followed_share_min"), 0.02);
  EXPECT_DOUBLE_EQ(num(c, "operating_point_followed_share_max"), 0.91);

  const RunResult r = potline({"flex", example("flex-day.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  ASSERT_TRUE(c.at("operating_point_within_noise").get<bool>() && c.at("end_heat_within_noise").get<bool>()) << c.dump();
  expect_in(r.out, fmt::format("    how firm: the operating point ({:+.1f} MWh AC) and the end heat ({:+.1f} MWh AC) are "
                               "within the simulation's noise (+-{:.1f} MWh, as for the storage losses); without "
                               "either a year is {} M EUR. The operating point is taken out in full at its steady "
                               "value, which over-states it within one horizon (a flat cell's heat loss followed "
                               "0.02-0.91 of it in seed pairs, docs/model/flexibility.md §5): at those shares a year "
                               "is {} to {} M EUR\n",
                               num(split, "operating_point_MWh"), num(split, "stored_heat_MWh"), num(split, "noise_MWh"),
                               meur(num(c, "annual_value_without_adjustments_eur")),
                               meur(num(c, "annual_value_operating_point_followed_low_eur")),
                               meur(num(c, "annual_value_operating_point_followed_high_eur"))));
  // T15-6: the split's wording: the top heat kept explained where printed; the losses' parts summed.
  expect_in(r.out, " - top heat kept in cuts +0.0 (control.cut_top_loss_reduction: the top loss a cut's retention "
                   "avoided, energy not lost rather than stored, so in the savings and out of the losses) + losses ");
  expect_in(r.out, "(= the cells' heat loss beyond the operating point's, the top heat kept already out of it, ");
  expect_in(r.out, "      (the metal basis: the top heat kept in cuts, the operating point and the heat still stored "
                   "count as given back; the storage round trip below takes them out)\n");
  expect_in(r.out, fmt::format("t less metal at the same energy (a cost of {:.0f} EUR in the delivered savings, not "
                               "storage: given back in the year's value)",
                               -num(v, "operating_point_eur")));
  EXPECT_EQ(r.out.find("makes -"), std::string::npos) << r.out;
}

// T15-5: the insulated week's increment (+1.48 M EUR on 2026-12-07) rested on the case without exchangers'
// operating point, which no output showed. The JSON has the without case's terms and the increment's
// parts; the text prints its year's-value line and the split.
TEST(CliTrial15Flex, ExchangerIncrementSplitsIntoSavingsAndAdjustmentsWithTheWithoutCasesTerms) {
  const RunResult j = potline({"flex", example("flex-week-insulated.toml"), "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json v = parse_json(j.out).at("value");
  const Json& x = v.at("heat_exchangers");
  ASSERT_EQ(x.at("basis"), "delivered");
  const double per_year = num(v, "annual_value_eur") / num(v, "delivered_value_eur");
  const double without_value = num(x, "without_delivered_savings_eur") - num(x, "without_not_physical_eur") -
                               num(x, "without_operating_point_eur") + num(x, "without_end_heat_eur");
  EXPECT_NEAR(num(x, "without_delivered_value_eur"), without_value, 1e-6 * std::abs(without_value));
  EXPECT_NEAR(num(x, "without_annual_value_eur"), without_value * per_year, 1e-6 * std::abs(without_value) * per_year);
  const double savings = (num(v, "delivered_savings_eur") - num(x, "without_delivered_savings_eur")) * per_year;
  EXPECT_NEAR(num(x, "savings_increment_annual_value_eur"), savings, 1e-6 * std::abs(savings));
  EXPECT_NEAR(num(x, "savings_increment_annual_value_eur") + num(x, "adjustments_increment_annual_value_eur"),
              num(x, "increment_annual_value_eur"), 1e-6 * std::abs(num(x, "increment_annual_value_eur")));
  if (savings > 0) {
    EXPECT_NEAR(num(x, "savings_payback_years"), num(x, "capex_eur") / savings, 1e-9 * num(x, "capex_eur"));
  }

  const RunResult r = potline({"flex", example("flex-week-insulated.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const double op = num(x, "without_operating_point_eur");
  const std::string op_text =
      op < 0 ? fmt::format("+ operating point cost given back {:.0f} (a flat cell at the optimised run's mean heat state "
                           "would lose that metal too: not flexibility)",
                           -op)
             : fmt::format("- operating point gain taken out {:.0f} (a flat cell at the optimised run's mean heat state "
                           "makes that metal too: not flexibility)",
                           op);
  expect_in(r.out, fmt::format("    without them, the year's value: delivered savings {:+.0f} EUR {} - not physical {:+.0f} "
                               "+ heat left in the cells at the end {:+.0f} = {:+.0f} EUR over the horizon; the "
                               "increment {} M EUR = the delivered savings' {} M EUR (",
                               num(x, "without_delivered_savings_eur"), op_text, num(x, "without_not_physical_eur"),
                               num(x, "without_end_heat_eur"), num(x, "without_delivered_value_eur"),
                               meur(num(x, "increment_annual_value_eur")),
                               meur(num(x, "savings_increment_annual_value_eur"))));
  expect_in(r.out, fmt::format(") + the adjustments' {} M EUR (operating point, end heat, not physical of both cases)\n",
                               meur(num(x, "adjustments_increment_annual_value_eur"))));
  // T18-4: the metal basis's round trip above 1 (1.188 on 2026-12-07) says on its row that it is not
  // a storage efficiency and names the storage round trip.
  const Json& delivered = v.at("delivered");
  if (!delivered.at("round_trip_efficiency").is_null() && num(delivered, "round_trip_efficiency") > 1.0) {
    expect_in(r.out, fmt::format("      (above 1, so not a storage efficiency: what the cells did not lose counts as "
                                 "given back here; the storage round trip, {:.3f}, is the one to quote)\n",
                                 num(delivered.at("round_trip_split"), "storage_round_trip_efficiency")));
  }
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial15_flex

// flex's current-efficiency model and the CE's share of the value (user trial T9-3;
// docs/model/flexibility.md §5, "Current efficiency"; docs/validation.md F18, F8b): mass_transfer
// unless the case or --set names one, stated in the text, the JSON and economics.csv; with Dewing
// the insulated week's delivered round trip above 1 is flagged as not physical and left out of the
// year's value with its amount.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_ce_cli {
namespace {

double num(const Json& j) {
  return j.get<double>();
}

}  // namespace

// The insulated TRIMET-like week with flex's default: mass_transfer, said where it came from; the
// CE falls with the ±25 % swing and costs the savings. Its delivered round trip on the metal basis
// is 1.151 with 8 simulated cells (main 0542a0c and 2451fb1): the swinging cells lose less heat than
// the flat ones (an operating point, docs/model/flexibility.md §4). Until 2026-12-06 that flagged
// 21,054 EUR a week not physical; the storage round trip (the operating point taken out, §5
// "Storage and operating point") is 0.868, so nothing is left out now (0.825 on main 99d38a9 with
// the top heat kept in cuts out of its losses, 2026-12-07).
TEST(FlexCeCli, InsulatedWeekIsValuedWithTheMassTransferCeByDefault) {
  const RunResult r = potline({"flex", example("flex-week-insulated.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("current_efficiency_model").get<std::string>(), "mass_transfer");
  EXPECT_EQ(j.at("current_efficiency_model_origin").get<std::string>(), "the flex default");
  const Json& ce = j.at("value").at("current_efficiency");
  EXPECT_EQ(ce.at("model").get<std::string>(), "mass_transfer");
  EXPECT_LT(num(ce.at("change_points")), 0.0);
  EXPECT_LT(num(ce.at("value_eur")), 0.0);
  const double rt = num(j.at("value").at("delivered").at("round_trip_efficiency"));
  EXPECT_GT(rt, 1.0);  // 1.176 on main 34cacf7 (1.151 on 0542a0c: 8 simulated cells; 1.14 with 12-24)
  EXPECT_LT(rt, 1.3);
  const Json& split = j.at("value").at("delivered").at("round_trip_split");
  const double storage = num(split.at("storage_round_trip_efficiency"));
  EXPECT_LT(storage, 1.0);  // 0.825 measured (2026-12-07, main 99d38a9 and 34cacf7)
  EXPECT_GT(storage, 0.7);
  EXPECT_FALSE(split.at("above_one_beyond_noise").get<bool>());
  // T13-13: the week's end in the dynamic model against the plan's end condition (0.5 cm).
  const double gap = num(split.at("end_ledge_gap_cm")), tol = num(split.at("end_ledge_tolerance_cm"));
  const bool within = split.at("end_within_tolerance").get<bool>();
  EXPECT_EQ(within, std::abs(gap) <= tol);
  EXPECT_FALSE(within) << gap;  // -0.73 cm against the flat run's end (34cacf7; -0.74 on 99d38a9; -1.12 on 12-06)
  EXPECT_DOUBLE_EQ(num(ce.at("not_physical_eur")), 0.0);
  EXPECT_DOUBLE_EQ(num(j.at("value").at("not_physical_eur")), num(ce.at("not_physical_eur")));
  const RunResult t = potline({"flex", example("flex-week-insulated.toml")});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  EXPECT_NE(
      t.out.find(
          "  current efficiency: mass_transfer (the flex default: the CE falls with the current "
          "density; cell, simulate and fleet default to dewing); the schedule's "),
      std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("of the savings, the current efficiency change [EUR]"), std::string::npos);
  EXPECT_EQ(t.err.find("warning: not physical"), std::string::npos) << t.err;
  EXPECT_NE(t.out.find(" - not physical +0 + heat left in the cells"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("(a storage cycle returns less than it takes)"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("    end of the horizon: the optimised run's ledge ends "), std::string::npos) << t.out;
  // A note in the text, since the warning audit of 2026-12-07 (T19-15): the year's value counts the
  // heat left in the cells (below), nothing to act on (a warning on stderr before, T15-13).
  EXPECT_EQ(t.out.find("  note: the schedule does not end in the flat schedule's heat state") !=
                std::string::npos,
            !within)
      << t.out;
  EXPECT_EQ(t.err.find("the schedule does not end in the flat schedule's heat state"),
            std::string::npos)
      << t.err;
  // The heat the week leaves in the cells is valued in the year's value at the mean price.
  const Json& v = j.at("value");
  EXPECT_GT(num(v.at("end_heat_eur")), 0.0);  // the ledge ends thinner: more heat left in
  EXPECT_GT(num(v.at("operating_point_eur")), 0.0);  // the swinging cells' mean state is colder
  EXPECT_NE(t.out.find(fmt::format("+ heat left in the cells at the end {:+.0f} ({:+.1f} MWh AC at the "
                                   "horizon's mean price {:.2f} EUR/MWh)",
                                   num(v.at("end_heat_eur")), num(v.at("end_heat_MWh")),
                                   num(v.at("end_heat_price_eur_per_MWh")))),
            std::string::npos)
      << t.out;
}

// The same week with Dewing (--set): the delivered round trip on the metal basis is above 1 (1.252),
// the storage round trip below (0.877, measured 2026-12-06), so the Dewing CE gain under the current
// swing is what is left out of the year's value, with the amount in the text, the JSON and
// economics.csv.
TEST(FlexCeCli, DewingRoundTripAboveOneIsFlaggedAndLeftOutOfTheYearsValue) {
  const std::vector<std::string> args = {"flex", example("flex-week-insulated.toml"), "--set",
                                         "model.current_efficiency_model=dewing"};
  std::vector<std::string> json_args = args;
  json_args.push_back("--json");
  const RunResult r = potline(json_args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("current_efficiency_model_origin").get<std::string>(), "--set");
  const Json& v = j.at("value");
  const Json& ce = v.at("current_efficiency");
  const double rt = num(v.at("delivered").at("round_trip_efficiency"));
  ASSERT_GT(rt, 1.0);
  EXPECT_TRUE(ce.at("dewing_gain").get<bool>());
  EXPECT_GT(num(ce.at("change_points")), 0.0);
  EXPECT_DOUBLE_EQ(num(ce.at("beyond_round_trip_t")), 0.0);
  EXPECT_LT(num(v.at("delivered").at("round_trip_split").at("storage_round_trip_efficiency")), 1.0);
  const double excluded = num(ce.at("not_physical_eur"));
  EXPECT_NEAR(excluded, std::max(num(ce.at("value_eur")), num(ce.at("beyond_round_trip_eur"))),
              1e-6);
  EXPECT_GT(excluded, 0.0);
  EXPECT_NEAR(num(v.at("not_physical_eur")), excluded, 1e-9);
  // The year's value: (delivered savings − the part left out − the operating point + the heat
  // left in the cells at the end) × 250 days / 7 (docs/model/flexibility.md §5, "The year's value").
  EXPECT_NEAR(num(v.at("annual_value_eur")),
              (num(v.at("delivered_savings_eur")) - excluded - num(v.at("operating_point_eur")) +
               num(v.at("end_heat_eur"))) *
                  250.0 / 7.0,
              1e-3);
  const std::string note = ce.at("note").get<std::string>();
  EXPECT_NE(note.find("the current efficiency was calibrated at"), std::string::npos);
  // T10-4: the note's current range leaves out the rows of the representative cell's anode
  // effects, on which the whole line's current drops (the cell stands for all 120 cells; 48.5 kA,
  // "-71 %", with them). A schedule of 75-125 % of the power stays above half the nominal 170 kA.
  const std::size_t range = note.find("outside anode effects (");
  ASSERT_NE(range, std::string::npos) << note;
  const double low_kA =
      std::stod(note.substr(range + std::string("outside anode effects (").size()));
  EXPECT_GT(low_kA, 85.0) << note;
  const RunResult t = potline(args);
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  EXPECT_NE(t.out.find("  current efficiency: dewing (--set: no current-density term)"),
            std::string::npos)
      << t.out;
  const std::size_t w = t.err.find("warning: not physical: CE model");  // on stderr (T15-13)
  ASSERT_NE(w, std::string::npos) << t.err;
  EXPECT_NE(t.err.find("left out of the year's value", w), std::string::npos);
  EXPECT_NE(t.out.find(fmt::format(" - not physical {:+.0f} + heat left in the cells", excluded)),
            std::string::npos)
      << t.out;
}

}  // namespace test_flex_ce_cli
}  // namespace potline_cli_test

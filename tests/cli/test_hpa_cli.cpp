// HPA upgrading beside the potlines (docs/model/hpa.md): the US example against a hand computation,
// the segregation route, and the input errors.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_hpa_cli {
namespace {

std::string hpa_us() { return (source_dir() / "examples" / "hpa-us.toml").string(); }

}  // namespace

// Three-layer defaults: yield 0.965, 16 kWh/kg. Metal price 2400 + 400 USD/t, power 55 USD/MWh:
// lost metal (1/0.965 − 1) × 2800 = 101.55, energy 16 × 55 = 880, conversion 600 → 1581.6 USD/t;
// margin 2000 − 1581.6 = 418.4 USD/t; load 16 kWh/kg × 20,000 t/yr / 8766 h = 36.5 MW.
TEST(HpaCli, UsExampleMatchesAHandComputation) {
  const RunResult r = potline({"smelter", hpa_us(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& h = j.at("hpa");
  ASSERT_TRUE(h.is_object());
  EXPECT_EQ(h.at("route"), "three_layer");
  EXPECT_NEAR(h.at("feed_t_per_year").get<double>(), 20000 / 0.965, 1e-6);
  const double lost = (1 / 0.965 - 1) * 2800;
  EXPECT_NEAR(h.at("cost_usd_per_t").at("metal_lost").get<double>(), lost, 1e-6);
  EXPECT_NEAR(h.at("cost_usd_per_t").at("energy").get<double>(), 880, 1e-6);
  EXPECT_NEAR(h.at("breakeven_premium_usd_per_t").get<double>(), lost + 880 + 600, 1e-6);
  EXPECT_NEAR(h.at("margin_usd_per_t").get<double>(), 2000 - (lost + 880 + 600), 1e-6);
  EXPECT_NEAR(h.at("electrical_load_MW").get<double>(), 16.0 * 20000 * 1000 / (365.25 * 24) / 1000, 1e-6);
  const RunResult text = potline({"smelter", hpa_us()});
  EXPECT_NE(text.out.find("HPA line"), std::string::npos) << text.out;
}

TEST(HpaCli, SegregationLosesNoMetalAndUsesFarLessEnergy) {
  const RunResult r =
      potline({"smelter", hpa_us(), "--json", "--set", "hpa.route=segregation", "--set", "hpa.yield=0.6"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  EXPECT_DOUBLE_EQ(h.at("cost_usd_per_t").at("metal_lost").get<double>(), 0.0);
  EXPECT_NEAR(h.at("energy_kWh_per_kg").get<double>(), 16.0 / std::sqrt(200.0), 1e-9);
  EXPECT_NEAR(h.at("feed_t_per_year").get<double>(), 20000 / 0.6, 1e-6);
}

TEST(HpaCli, MissingYieldAndTooLargeALineAreInputErrors) {
  // Without [purity] a segregation line needs its yield (with it, the yield follows from the feed).
  const TempDir dir;
  const std::string text = read_file(hpa_us());
  const std::string no_purity = dir.write("no-purity.toml", text.substr(0, text.find("\n[purity]\n")));
  const RunResult r = potline({"smelter", no_purity, "--set", "hpa.route=segregation"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("hpa.yield"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("required with hpa.route = \"segregation\" and no [purity]"), std::string::npos) << r.err;
  const RunResult big = potline({"smelter", hpa_us(), "--set", "hpa.capacity=300000 t/yr"});
  EXPECT_EQ(big.exit_code, 2) << big.describe();
  EXPECT_NE(big.err.find("more than the potlines produce"), std::string::npos) << big.err;
}

// The feed from the smelter's own pots (docs/model/hpa.md, "Feed from the pots"): the example's
// [purity] raw materials (the [Lazko et al. raw materials] limits) give a metal of 0.0294 wt% Fe and
// 0.0344 wt% Si (purity.md's hand computation, with the smelter's 1925 kg/t alumina and 425 kg/t
// carbon); three-layer refining takes P1020 pots, nearly all of them, and the purest 8.3 % feed the line.
TEST(HpaCli, ThreeLayerFeedIsThePurestPotsOfTheSmelter) {
  const RunResult r = potline({"smelter", hpa_us(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  const Json& f = h.at("feed");
  ASSERT_TRUE(f.is_object()) << h.dump();
  EXPECT_EQ(f.at("requirement"), "P1020");
  EXPECT_NEAR(f.at("metal_fe_wt").get<double>(), 0.0294, 0.0001);
  EXPECT_NEAR(f.at("metal_si_wt").get<double>(), 0.0344, 0.0001);
  EXPECT_GT(f.at("share_meeting_requirement").get<double>(), 0.999);
  // What the pots can make grade by grade: P0406 for 74.3 % of them, as the fleet's [[hpa]] finds for the
  // same raw materials (docs/validation.md), and the requirement's share among them.
  EXPECT_NEAR(f.at("metal_grade_shares").at("P0406").get<double>(), 0.743, 0.001);
  EXPECT_DOUBLE_EQ(f.at("metal_grade_shares").at("P1020").get<double>(), f.at("share_meeting_requirement").get<double>());
  EXPECT_NEAR(f.at("feed_share_of_production").get<double>(), 20000 / 0.965 / 250000, 1e-9);
  EXPECT_LT(f.at("fe_wt").get<double>(), f.at("metal_fe_wt").get<double>());
  EXPECT_LT(f.at("si_wt").get<double>(), f.at("metal_si_wt").get<double>());
  EXPECT_FALSE(f.at("yield_from_feed").get<bool>());
  EXPECT_TRUE(f.at("product_si_wt").is_null());
  // The route's economics are unchanged by where its feed comes from (hand computation above).
  EXPECT_NEAR(h.at("margin_usd_per_t").get<double>(), 2000 - ((1 / 0.965 - 1) * 2800 + 880 + 600), 1e-6);
  const RunResult text = potline({"smelter", hpa_us()});
  EXPECT_NE(text.out.find("feed: the purest 8.3 % of the pots"), std::string::npos) << text.out;
}

// Segregation with [purity] and no hpa.yield: the line takes the purest pots meeting P0406 and its
// yield is the fraction a single normal freezing can crystallise within the product limits (0.005 wt%
// Fe and Si by default). The binding element is Si (k 0.124 against 0.036 for Fe): the product's Si is
// at its limit, its Fe below; feed × yield is the line's capacity.
TEST(HpaCli, SegregationYieldFollowsFromTheFeedByNormalFreezing) {
  const RunResult r = potline({"smelter", hpa_us(), "--json", "--set", "hpa.route=segregation"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  expect_all_finite(h);
  const Json& f = h.at("feed");
  EXPECT_EQ(f.at("requirement"), "P0406");
  EXPECT_TRUE(f.at("yield_from_feed").get<bool>());
  const double y = h.at("yield").get<double>();
  EXPECT_GT(y, 0.5);
  EXPECT_LT(y, 1.0);
  EXPECT_NEAR(f.at("product_si_wt").get<double>(), 0.005, 1e-9);
  EXPECT_LT(f.at("product_fe_wt").get<double>(), 0.005);
  EXPECT_NEAR(f.at("feed_share_of_production").get<double>() * 250000 * y, 20000, 1e-6);
  EXPECT_NEAR(h.at("feed_t_per_year").get<double>() * y, 20000, 1e-6);
  EXPECT_LE(f.at("feed_share_of_production").get<double>(), f.at("share_meeting_requirement").get<double>());
  // A tighter product lowers the yield; one purer than the feed's first crystals is an input error.
  const RunResult tight =
      potline({"smelter", hpa_us(), "--json", "--set", "hpa.route=segregation", "--set", "hpa.product_si=0.004 wt%"});
  ASSERT_EQ(tight.exit_code, 0) << tight.describe();
  EXPECT_LT(parse_json(tight.out).at("hpa").at("yield").get<double>(), y);
  const RunResult none =
      potline({"smelter", hpa_us(), "--set", "hpa.route=segregation", "--set", "hpa.product_si=0.0001 wt%"});
  EXPECT_EQ(none.exit_code, 2) << none.describe();
  EXPECT_NE(none.err.find("segregation of the smelter's purest pots can make at most"), std::string::npos) << none.err;
}

// A line whose feed exceeds the metal of the required grade is an input error (as one whose feed
// exceeds the production), naming the capacity the pots could feed.
TEST(HpaCli, FeedBeyondTheMetalOfTheRequiredGradeIsAnInputError) {
  const RunResult r = potline({"smelter", hpa_us(), "--set", "hpa.feed_grade=P0202"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'hpa.capacity'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("whose pots meet hpa.feed_grade = P0202"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lower hpa.capacity to at most"), std::string::npos) << r.err;
  // [purity] without a line is a warning, not silently dropped.
  const RunResult alone =
      potline({"smelter", (source_dir() / "examples" / "smelter-us-old-grid.toml").string(), "--set",
               "purity.alumina_fe=0.01 wt%"});
  EXPECT_EQ(alone.exit_code, 0) << alone.describe();
  EXPECT_NE(alone.err.find("'purity.alumina_fe': is ignored"), std::string::npos) << alone.out << alone.err;
}

// The fleet's [[hpa]] line (src/fleet/hpa_product.cpp) takes its feed from the smelter's pots as
// the smelter case does: the table's raw materials with the smelter's consumptions, at the solved
// production (Mount Holly, examples/hpa-us-fleet.toml: 172.5 of its 230 kt/yr at world.toml's
// prices).
TEST(HpaCli, FleetLineFeedsOnTheSmeltersPurestPots) {
  const auto upgrading = [](const Json& j) {
    for (const Json& row : j.at("hpa").at("smelters"))
      if (row.at("id") == "us-mount-holly") return row.at("upgrading");
    return Json();
  };
  const std::string fleet = (source_dir() / "examples" / "hpa-us-fleet.toml").string();
  const RunResult r = potline({"fleet", fleet, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json u = upgrading(parse_json(r.out));
  ASSERT_TRUE(u.is_object());
  const Json& f = u.at("feed");
  EXPECT_EQ(f.at("requirement"), "P1020");
  EXPECT_NEAR(f.at("metal_si_wt").get<double>(), 0.0344, 0.0001);  // as in the smelter case
  EXPECT_NEAR(f.at("feed_share_of_production").get<double>() * f.at("meeting_requirement_t_per_year").get<double>() /
                  f.at("share_meeting_requirement").get<double>(),
              u.at("feed_t_per_year").get<double>(), 1e-6);
  EXPECT_LT(f.at("si_wt").get<double>(), f.at("metal_si_wt").get<double>());
  // Segregation: the yield follows from the feed; a line the pots cannot feed is an input error naming
  // the smelter.
  const TempDir dir;
  std::string text = read_file(fleet);
  const auto swap = [&](const std::string& from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
  swap("route = \"three_layer\"", "route = \"segregation\"");
  swap("base = \"world.toml\"",
       "base = \"" + (source_dir() / "examples" / "world.toml").string() + "\"");
  const RunResult seg = potline({"fleet", dir.write("seg.toml", text), "--json"});
  ASSERT_EQ(seg.exit_code, 0) << seg.describe();
  const Json us = upgrading(parse_json(seg.out));
  EXPECT_TRUE(us.at("feed").at("yield_from_feed").get<bool>());
  EXPECT_NEAR(us.at("feed").at("product_si_wt").get<double>(), 0.005, 1e-9);
  EXPECT_NEAR(us.at("hpa_t_per_year").get<double>(), 20000, 1e-6);
  swap("capacity = \"20000 t/yr\"", "capacity = \"150000 t/yr\"");
  const RunResult big = potline({"fleet", dir.write("big.toml", text)});
  EXPECT_EQ(big.exit_code, 2) << big.describe();
  EXPECT_NE(big.err.find("smelter 'us-mount-holly'"), std::string::npos) << big.err;
  EXPECT_NE(big.err.find("segregation of the smelter's purest pots can make at most"), std::string::npos) << big.err;
}

// potline invest with [hpa]: the text output states the line and the project's return with it (it used to
// print the project alone, so the JSON's hpa.irr_with_hpa had no text counterpart).
TEST(HpaCli, InvestTextStatesTheReturnWithTheHpaLine) {
  const std::string invest = (source_dir() / "examples" / "invest-new-build.toml").string();
  const std::vector<std::string> sets = {"--set", "hpa.capacity=20000 t/yr", "--set", "hpa.conversion_cost=1500",
                                         "--set", "hpa.premium=3000"};
  std::vector<std::string> json_args = {"invest", invest, "--json"};
  json_args.insert(json_args.end(), sets.begin(), sets.end());
  const RunResult r = potline(json_args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  std::vector<std::string> text_args = {"invest", invest};
  text_args.insert(text_args.end(), sets.begin(), sets.end());
  const RunResult text = potline(text_args);
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("HPA line (three_layer, 20000 t/yr)"), std::string::npos) << text.out;
  const std::string irr = fmt::format("IRR {:.2f} %", 100 * h.at("irr_with_hpa").get<double>());
  EXPECT_NE(text.out.find("with the HPA line: NPV " + fmt::format("{:.1f}", h.at("npv_with_hpa_usd").get<double>() / 1e6) +
                          " M USD   " + irr),
            std::string::npos)
      << text.out;
  EXPECT_TRUE(h.at("feed").is_null());  // no [purity]: the feed is not linked
  std::vector<std::string> with_purity = json_args;
  with_purity.insert(with_purity.end(), {"--set", "purity.alumina_fe=0.010 wt%", "--set", "purity.alumina_si=0.013 wt%"});
  const RunResult p = potline(with_purity);
  ASSERT_EQ(p.exit_code, 0) << p.describe();
  EXPECT_EQ(parse_json(p.out).at("hpa").at("feed").at("requirement"), "P1020");
  std::vector<std::string> text_with_purity = text_args;
  text_with_purity.insert(text_with_purity.end(), {"--set", "purity.alumina_fe=0.010 wt%"});
  const RunResult pt = potline(text_with_purity);
  EXPECT_NE(pt.out.find("HPA feed: the purest"), std::string::npos) << pt.out;
  const RunResult plain = potline({"invest", invest});
  EXPECT_EQ(plain.out.find("HPA line"), std::string::npos) << plain.out;
}

}  // namespace test_hpa_cli
}  // namespace potline_cli_test

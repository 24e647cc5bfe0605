// User trial 13, T13-11: the same scenario year gave two world prices — at the end of a path
// (examples/world-path-2035.toml with fleet.last_year = 2030) and solved alone (fleet.year = 2030) —
// and neither output said why. A path carries which smelters ran from year to year (a smelter that
// stopped pays its restart to run again); a year alone starts every smelter from the dataset status
// and the pipeline's dated events. The summary now says what a year starts from (`year_start`) and,
// for a path, solves its last year alone beside it (`path_end_vs_year_alone`, docs/cli.md;
// docs/model/fleet.md, "Years and paths").
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_fleet_path_end_cli {
namespace {

double num(const Json& j, const char* key) { return j.at(key).get<double>(); }

// The path's last year beside the same year alone: the "alone" figures are those of a run with
// fleet.year = 2030 (a path of one year: the dataset status), the path's those of the path itself;
// the smelters listed are exactly those whose start differs, largest first, and the text prints the
// summary's figures. Measured 2026-12-07 (main 909d469): 2030 at the path's end 2,776.2 USD/t,
// 75.83 Mt; alone 2,702.8, 76.43 Mt; four smelters stopped in the path (China's idle aggregate below
// 300 kA, Alro, San Ciprian, Aluminium of Greece) pay their restart there.
TEST(CliFleetPathEnd, APathsLastYearIsSolvedAloneBesideItAndTheStartsThatDifferAreNamed) {
  const RunResult path = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.last_year=2030", "--json"});
  ASSERT_EQ(path.exit_code, 0) << path.describe();
  const Json s = parse_json(path.out);
  EXPECT_EQ(s.at("year").get<int>(), 2030);
  EXPECT_EQ(s.at("year_start").get<std::string>(), "path");
  const Json& e = s.at("path_end_vs_year_alone");
  EXPECT_EQ(e.at("year").get<int>(), 2030);
  ASSERT_TRUE(e.at("feasible_alone").get<bool>());
  EXPECT_NEAR(num(e, "world_price_path_usd_per_t"), num(s, "world_price_usd_per_t"), 1e-9);

  const RunResult alone = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.year=2030", "--set",
                                   "fleet.last_year=2030", "--json"});
  ASSERT_EQ(alone.exit_code, 0) << alone.describe();
  const Json a = parse_json(alone.out);
  EXPECT_EQ(a.at("year_start").get<std::string>(), "dataset_status");
  EXPECT_FALSE(a.contains("path_end_vs_year_alone"));
  EXPECT_NEAR(num(e, "world_price_alone_usd_per_t"), num(a, "world_price_usd_per_t"), 1e-6);
  for (const auto& [region, price] : a.at("price_by_region_usd_per_t").items())
    EXPECT_NEAR(e.at("price_alone_by_region_usd_per_t").at(region).get<double>(), price.get<double>(), 1e-6) << region;
  // The prices differ here (a path effect, not a bug): the listed smelters are why.
  EXPECT_GT(std::abs(num(e, "world_price_alone_usd_per_t") - num(e, "world_price_path_usd_per_t")), 1.0);
  const Json& rows = e.at("start_differs");
  ASSERT_FALSE(rows.empty());
  double previous = 1e300;
  for (const Json& d : rows) {
    EXPECT_NE(d.at("start_in_path").get<std::string>(), d.at("start_alone").get<std::string>()) << d.dump();
    EXPECT_LE(num(d, "capacity_kt_per_year"), previous + 1e-9);
    previous = num(d, "capacity_kt_per_year");
    // A smelter stopped in the path's year before pays its restart: it makes less than alone.
    if (d.at("start_in_path").get<std::string>() == "stopped") {
      EXPECT_LE(num(d, "production_path_kt_per_year"), num(d, "production_alone_kt_per_year") + 1e-6) << d.dump();
    }
  }

  const RunResult text = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.last_year=2030"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, fmt::format("  2030 alone (fleet.year = 2030: the dataset status of 2024, no path): world price {:.1f} "
                                  "USD/t, production {:.2f} Mt, against the path's {:.1f} and {:.2f}\n",
                                  num(e, "world_price_alone_usd_per_t"), num(e, "production_alone_Mt"),
                                  num(e, "world_price_path_usd_per_t"), num(e, "production_path_Mt")));
  const Json& first = rows.front();
  if (first.at("start_alone").get<std::string>() == "running")
    expect_in(text.out, "    stopped at the end of the path's 2029, so paying a restart in 2030 (in part where the path's "
                        "output is above 0); running from the start when 2030 is solved alone (output path -> alone): " +
                            first.at("id").get<std::string>() + " ");
  // The path's prices differ from the year alone's here, so no "same world price" line (T15-8).
  EXPECT_EQ(text.out.find("the same world price and production both ways"), std::string::npos) << text.out;
}

// The 2035 path's end and 2035 alone differ in a smelter's start (China's idle capacity restarts alone) but
// not in the world price or production: the text says the binding China cap takes it (user trial T15-8).
// With new smelters ramping up (fleet.greenfield_ramp, user trial 16, T16-7, 2026-12-07) the shipped path
// ends with every smelter starting as in 2035 alone ("every smelter starts the same in both"); the case
// of T15-8 is the path without the ramp. Since Oceania's dated 2024 states and Mozal's stop from March
// 2026 (fleet19, 2026-12-07) the shipped path is that case again: China's idle below-300 kA row is
// stopped at the end of 2034 and runs when 2035 is solved alone, the china cap taking it.
TEST(CliFleetPathEnd, SameWorldPriceBothWaysNamesTheLimitsThatBind) {
  const RunResult shipped = potline({"fleet", example("world-path-2035.toml")});
  ASSERT_EQ(shipped.exit_code, 0) << shipped.describe();
  expect_in(shipped.out, "running from the start when 2035 is solved alone (output path -> alone): cn-agg-idle");
  expect_in(shipped.out, "    the same world price and production both ways: within the limits that bind (china cap)");
  const RunResult text = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.greenfield_ramp=0"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "running from the start when 2035 is solved alone (output path -> alone): cn-agg-idle");
  expect_in(text.out, "    the same world price and production both ways: within the limits that bind (china cap), what "
                      "these smelters make in one, other smelters make in the other\n");
}

// A year alone says what it starts from; the dataset's own year (the 2024 backtest) says nothing.
TEST(CliFleetPathEnd, AYearAloneSaysItStartsFromTheDatasetStatus) {
  const RunResult later = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.year=2030", "--set",
                                   "fleet.last_year=2030"});
  ASSERT_EQ(later.exit_code, 0) << later.describe();
  expect_in(later.out, "  a year alone: its smelters start from the dataset status of 2024 and the pipeline's dated "
                       "events, not from a path's stops (at the end of a path, fleet.year = 2024 and fleet.last_year = "
                       "2030, a smelter stopped in an earlier year pays its restart, which can move the year's prices)\n");
  const RunResult base = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(base.exit_code, 0) << base.describe();
  const Json s = parse_json(base.out);
  if (s.contains("year_start")) {
    EXPECT_EQ(s.at("year_start").get<std::string>(), "dataset_status");
  }
  EXPECT_FALSE(s.contains("path_end_vs_year_alone"));
  const RunResult text = potline({"fleet", example("world-2024.toml")});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_EQ(text.out.find("a year alone:"), std::string::npos);
}

}  // namespace
}  // namespace potline_cli_test::test_fleet_path_end_cli

// User trial 14, T14-13: a fleet data file the case names that cannot be read gives one error at the
// key (WHERE: error: 'KEY': ...) naming the file tried and, for a relative path, where it was looked
// for, and nothing after it: an unreadable fleet.regions gave 235 errors, 234 of them "unknown region"
// of the rows checked against the missing table, and the real one had no key, no case location and no
// resolved path.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial14_fleet_files {
namespace {

std::string case_with(const std::string& key, const std::string& value) {
  return "[case]\nbase = \"" + example("world-2024.toml") + "\"\n[fleet]\n" + key + " = \"" + value + "\"\n";
}

TEST(CliTrial14FleetFiles, AnUnreadableRegionTableIsOneErrorAtItsKey) {
  const TempDir dir;
  const std::string file = dir.write("g2.toml", case_with("regions", "fleet-regions.toml"));
  const RunResult r = potline({"fleet", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  const std::string tried = (dir.path() / "fleet-regions.toml").string();
  expect_in(r.err, file + ":4:11: error: 'fleet.regions': cannot read the region table '" + tried +
                       "': no such file (a relative path is read from the case file's folder; the data folder has ");
  expect_in(r.err, "fleet-regions.toml: give that path, or leave fleet.regions out for the data folder's default)");
  expect_not_in(r.err, "unknown region");
  expect_in(r.err, "potline: 1 input error(s); nothing was run");
}

TEST(CliTrial14FleetFiles, EveryDataFileKeyNamesItself) {
  const TempDir dir;
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"smelters", "the smelter dataset"},      {"power", "the power price table"},
      {"anode_effects", "the anode-effect table"}, {"power_supply", "the power supply curves"},
      {"pipeline", "the capacity pipeline"},   {"sanctions", "the dated trade measures"},
      {"paths", "the price and demand paths"}, {"fuel_paths", "the fuel price paths"}};
  for (const auto& [key, what] : keys) {
    SCOPED_TRACE(key);
    const std::string file = dir.write(key + ".toml", case_with(key, "nothere.toml"));
    const RunResult r = potline({"fleet", file});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, file + ":4:" + std::to_string(key.size() + 4) + ": error: 'fleet." + key + "': cannot read " +
                         what + " '" + (dir.path() / "nothere.toml").string() +
                         "': no such file (a relative path is read from the case file's folder)");
    expect_in(r.err, "potline: 1 input error(s); nothing was run");
  }
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial14_fleet_files

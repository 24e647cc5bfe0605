// A feed stop on named cells (disturbance.cells; docs/model/dynamics.md §6, "Disturbances of named
// cells"): examples/potline-cell-feed-stop.toml, feeder 1 of cells 2 and 4 stuck from 12 h for up
// to 24 h. Only those cells see it; input errors name the key, the item and the line's cells.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_disturbance_cells {

TEST(CliDisturbanceCells, OnlyTheNamedCellsHaveTheFeedStop) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r =
      potline({"simulate", example("potline-cell-feed-stop.toml"), "-q", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string events = read_file(run / "events.csv");
  // Each of the two cells has its anode effect in the stop (its depleted zone); no other cell has
  // one.
  EXPECT_EQ(count_lines_containing(events, ",2,anode_effect_start,"), 1);
  EXPECT_EQ(count_lines_containing(events, ",4,anode_effect_start,"), 1);
  EXPECT_EQ(count_lines_containing(events, "anode_effect_start"), 2);
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(s.at("faults").at("ae_by_cause").at("feed_stop").get<int>(), 2);
  // Without the list every cell's feeder sticks: six anode effects.
  const auto all = potline({"simulate", example("potline-cell-feed-stop.toml"), "--set",
                            "disturbance.cells=", "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.describe();
  EXPECT_EQ(parse_json(all.out).at("faults").at("ae_by_cause").at("feed_stop").get<int>(), 6);
}

TEST(CliDisturbanceCells, ListsAndRangesAreRead) {
  const auto r = potline({"simulate", example("potline-cell-feed-stop.toml"), "--set",
                          "disturbance.cells=[0-1, 4]", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out).at("faults").at("ae_by_cause").at("feed_stop").get<int>(), 3);
}

TEST(CliDisturbanceCells, CellsOutOfRangeOrMalformedAreInputErrors) {
  const auto r = potline({"simulate", example("potline-cell-feed-stop.toml"), "--set",
                          "disturbance.cells=4, 6-9, x", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "'disturbance.cells': cell 9 does not exist: the line has 6 cell(s) (potline.cells), "
            "numbered 0 to 5");
  expect_in(r.err, "'disturbance.cells': 'x' is not a cell number or a range 'FIRST-LAST'");
  expect_in(r.err, "2 input error(s)");
  const auto reversed = potline(
      {"simulate", example("potline-cell-feed-stop.toml"), "--set", "disturbance.cells=5-3", "-q"});
  EXPECT_EQ(reversed.exit_code, 2) << reversed.describe();
  expect_in(reversed.err, "'5-3' is not a cell number or a range");
}

TEST(CliDisturbanceCells, CellsWithoutAFeedStopAreAnInputError) {
  const auto r =
      potline({"simulate", example("potline-cut-out.toml"), "--set", "disturbance.cells=1", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "'disturbance.cells': names the cells of a feed stop, an anode problem or a cover loss, "
            "but the case has none (disturbance.feed_stop_start, anode_problem_start, cover_loss_start)");
}

}  // namespace test_cli_disturbance_cells
}  // namespace potline_cli_test

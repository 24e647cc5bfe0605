// `potline simulate` end to end with a frozen cell cut out of the line (potline.on_frozen_cell;
// docs/model/dynamics.md §7, "Cut out of the line"; docs/cli.md): examples/potline-cut-out.toml,
// six cells, cell 4 freezes at 32.54 h (32.74 h from the feed cycle's centring until the overfeed trigger read
// the line current, both 2026-12-06). The run ends with exit 0; stderr warns when it happens; the
// text summary, summary.json, cut_out_cells.csv, events.csv and timeseries.csv name the cell, the
// time, the reason and the state; "stop" keeps exit 1 with the message; 1 and 2 threads agree.
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_cut_out {
TEST(CliCutOut, FrozenCellIsCutOutAndTheRunEndsWithExitZero) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline(
      {"simulate", example("potline-cut-out.toml"), "-q", "--out", run.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // The HTML report has the table of cut-out cells.
  expect_in(read_report(run / "report.html"), "Cells cut out of the line");
  // The warning when it happens, naming the cell, the time and the state.
  expect_in(r.err, "warning: cell 4 at 32.54 h (1.356 d): bath frozen: the liquid bath is down to");
  expect_in(r.err, "cell 4 cut out of the line (potline.on_frozen_cell = \"cut_out\"");
  expect_in(r.err, "the line runs on with 5 of 6 cell(s)");
  // The text summary.
  expect_in(r.out, "cut out of the line: 1 of 6 cell(s); 5 in the line at the end");
  expect_in(r.out, "cell 4 at 32.54 h: bath_frozen; bath 841.1 °C");
  expect_in(r.out, "1 cut out of the line before");
  // summary.json
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_TRUE(s.at("complete").get<bool>());
  EXPECT_EQ(s.at("cells").get<int>(), 6);
  EXPECT_EQ(s.at("cells_in_line").get<int>(), 5);
  const Json& cut = s.at("cut_out_cells");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].at("cell").get<int>(), 4);
  EXPECT_NEAR(cut[0].at("time_h").get<double>(), 32.54, 0.01);
  EXPECT_EQ(cut[0].at("reason").get<std::string>(), "bath_frozen");
  EXPECT_NEAR(cut[0].at("liquid_bath_percent").get<double>(), 50.0, 0.1);
  EXPECT_NEAR(cut[0].at("bath_temperature_degC").get<double>(), 841.1, 0.1);
  expect_in(cut[0].at("message").get<std::string>(), "cell 4 at 32.54 h");
  EXPECT_EQ(s.at("event_windows").at(0).at("cells_cut_out").get<int>(), 1);
  expect_all_finite(s);
  // cut_out_cells.csv, listed in the manifest.
  const auto csv = lines_of(read_file(run / "cut_out_cells.csv"));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv[0].rfind("Cell [-],Time [h],Shorted out [h],Reason,", 0), 0u) << csv[0];
  EXPECT_EQ(csv[1].rfind("4,32.5", 0), 0u) << csv[1];
  expect_in(csv[1], ",33.5");  // shorted out potline.cut_out_delay = 1 h later
  EXPECT_NEAR(cut[0].at("shorted_h").get<double>() - cut[0].at("time_h").get<double>(), 1.0, 1e-9);
  expect_in(r.err, "stay in the line voltage until the crew shorts it out at 33.54 h");
  expect_in(csv[1], ",bath_frozen,");
  expect_in(read_file(run / "manifest.json"), "cut_out_cells.csv");
  // events.csv: the freeze and the cut-out, one each.
  const std::string events = read_file(run / "events.csv");
  EXPECT_EQ(count_lines_containing(events, ",4,bath_frozen,"), 1);
  EXPECT_EQ(count_lines_containing(events, ",4,cell_cut_out,"), 1);
  // timeseries.csv: the dead cell stays in the series until it is shorted out at 33.54 h, then the
  // line voltage loses about its voltage; the cell count 6 -> 5.
  const auto rows = lines_of(read_file(run / "timeseries.csv"));
  const auto header = csv_cells(rows.at(0));
  const std::size_t time = column(header, "Time [h]"), volts = column(header, "Line voltage [V]"),
                    cells = column(header, "Cells in line [-]");
  double before = 0, after = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto v = csv_cells(rows[i]);
    const double t = std::stod(v.at(time));
    if (t <= 33.54) {
      before = std::stod(v.at(volts));
      EXPECT_EQ(v.at(cells), "6") << rows[i];
    } else {
      if (after == 0) after = std::stod(v.at(volts));
      EXPECT_EQ(v.at(cells), "5") << rows[i];
    }
  }
  EXPECT_NEAR(before - after, cut[0].at("voltage_V").get<double>(), 0.1);
  EXPECT_FALSE(has_nonfinite_word(read_file(run / "timeseries.csv")));
}

TEST(CliCutOut, StopModeKeepsExitOneWithTheMessage) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("potline-cut-out.toml"), "--set",
                          "potline.on_frozen_cell=stop", "-q", "--out", run.string()});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  expect_in(r.err, "cell 4 at 32.54 h (1.356 d): bath frozen");
  expect_in(r.err, "the run stops here (potline.on_frozen_cell = \"stop\"");
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_FALSE(s.at("complete").get<bool>());
  EXPECT_EQ(s.at("stop_reason"), "bath_frozen");
  EXPECT_EQ(s.at("stop_cell"), 4);
  EXPECT_FALSE(std::filesystem::exists(run / "cut_out_cells.csv"));
}

TEST(CliCutOut, EveryCellCutOutIsARunTimeFailure) {
  const auto r =
      potline({"simulate", example("potline-cut-out.toml"), "--set", "run.duration=4 d", "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  expect_in(r.err,
            "all 6 cell(s) of the line are cut out (potline.on_frozen_cell = \"cut_out\"), the "
            "first at 32.54 h");
  EXPECT_EQ(count_lines_containing(r.err, "warning: cell "), 6);
}

TEST(CliCutOut, OneAndTwoThreadsWriteTheSameFiles) {
  TempDir dir;
  const auto one = dir.path() / "one", two = dir.path() / "two";
  ASSERT_EQ(potline({"simulate", example("potline-cut-out.toml"), "-q", "--threads", "1", "--out",
                     one.string()})
                .exit_code,
            0);
  ASSERT_EQ(potline({"simulate", example("potline-cut-out.toml"), "-q", "--threads", "2", "--out",
                     two.string()})
                .exit_code,
            0);
  for (const char* f : {"timeseries.csv", "events.csv", "cut_out_cells.csv"}) {
    EXPECT_EQ(read_file(one / f), read_file(two / f)) << f;
  }
  Json a = parse_json(read_file(one / "summary.json")),
       b = parse_json(read_file(two / "summary.json"));
  a.erase("wall_seconds");
  b.erase("wall_seconds");
  EXPECT_EQ(a, b);
}

TEST(CliCutOut, UnknownModeIsAnInputError) {
  const auto r = potline({"simulate", example("potline-cut-out.toml"), "--set",
                          "potline.on_frozen_cell=bypass", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "potline.on_frozen_cell");
  expect_in(r.err, "cut_out");
}

// An overheated cell (bath above the 1100 °C guard) is cut out like a frozen one and reported with
// its reason; the run ends with exit 0.
TEST(CliCutOut, OverheatedCellIsCutOutWithItsReason) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("potline-cut-out.toml"), "--set",
                          "control.target_voltage=5.2", "--set", "potline.current_steps=0 h 1.0",
                          "--set", "run.duration=14 h", "-q", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "cell 2 cut out of the line (potline.on_overheated_cell = \"cut_out\"");
  expect_in(r.out, "cell 2 at 12.13 h: bath_overheated; bath 1100.0 °C");
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(s.at("cut_out_cells").at(0).at("reason").get<std::string>(), "bath_overheated");
  const auto stop =
      potline({"simulate", example("potline-cut-out.toml"), "--set", "control.target_voltage=5.2",
               "--set", "potline.current_steps=0 h 1.0", "--set", "run.duration=14 h", "--set",
               "potline.on_overheated_cell=stop", "-q"});
  EXPECT_EQ(stop.exit_code, 1) << stop.describe();
  expect_in(stop.err, "the run stops here (potline.on_overheated_cell = \"stop\"");
}

TEST(CliCutOut, NegativeDelayIsAnInputError) {
  const auto r = potline(
      {"simulate", example("potline-cut-out.toml"), "--set", "potline.cut_out_delay=-1 h", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "potline.cut_out_delay");
}

}  // namespace test_cli_cut_out
}  // namespace potline_cli_test

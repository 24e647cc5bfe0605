// Grade over time in potline simulate, end to end (issue 14; src/potline/purity_track*.cpp): a
// [purity] balance and a scheduled cathode failure in one AP40 cell over 3 days with 12-hourly
// taps; the summary's "purity", the run folder's purity_taps.csv, and the bad-input errors.
#include <fmt/format.h>

#include <algorithm>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_grade_cli {
namespace {

std::vector<std::string> simulate_args(const std::vector<std::string>& sets) {
  std::vector<std::string> args = {"simulate",
                                   (source_dir() / "examples" / "cell-7d.toml").string(),
                                   "--json",
                                   "--set",
                                   "run.duration=3 d",
                                   "--set",
                                   "run.events=none",
                                   "--set",
                                   "run.output_interval=6 h",
                                   "--set",
                                   "control.tap_interval=12 h"};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  return args;
}

// Raw materials at [Lazko et al. raw materials]' limits for high-quality metal (as PurityCli).
const std::vector<std::string> kBalance = {"purity.alumina_fe=0.010%", "purity.alumina_si=0.013%",
                                           "purity.anode_fe=0.024%", "purity.anode_si=0.022%"};

TEST(GradeCli, WithoutPurityTheSummaryHasNoPurity) {
  const RunResult r = potline(simulate_args({"run.duration=0.5 d"}));
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_FALSE(parse_json(r.out).contains("purity"));
}

TEST(GradeCli, CathodeFailureTakesTheTappedMetalOutOfItsGrade) {
  std::vector<std::string> sets = kBalance;
  sets.push_back("purity.cathode_failure_time=30 h");
  TempDir dir;
  std::vector<std::string> args = simulate_args(sets);
  args.push_back("--out");
  args.push_back((dir.path() / "run").string());
  const RunResult r = potline(args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json p = parse_json(r.out).at("purity");
  expect_all_finite(p);
  // The balance of PurityCli.CarbonCellGradeFromAluminaAndAnodes: Fe 0.0294 %, Si 0.0344 % (P0406).
  EXPECT_NEAR(p.at("steady_fe_wt").get<double>(), 100 * 0.2945 / 1000.64, 2e-4);
  EXPECT_NEAR(p.at("steady_si_wt").get<double>(), 100 * 0.34375 / 1000.64, 2e-4);
  EXPECT_EQ(p.at("cathode_failures"), 1);
  EXPECT_GE(p.at("taps").get<int>(), 5);
  // Before the failure the taps are P0406; after it, 10 kg/d of Fe (the default estimate) lifts
  // them.
  EXPECT_GT(p.at("tapped_share_by_grade").at("P0406").get<double>(), 0.2);
  EXPECT_GT(p.at("max_fe_wt").get<double>(), 0.06);
  EXPECT_LT(p.at("fe_balance_error_kg").get<double>(), 1e-9);
  const std::string taps = read_file(dir.path() / "run" / "purity_taps.csv");
  EXPECT_EQ(lines_of(taps).front(), "time_h,cell,tapped_kg,fe_wt_pct,si_wt_pct,grade");
  EXPECT_EQ(static_cast<int>(lines_of(taps).size()), p.at("taps").get<int>() + 1);
  EXPECT_GE(count_lines_containing(taps, ",P0406"), 1);
}

TEST(GradeCli, BadPurityInputIsAnError) {
  RunResult r = potline(simulate_args({"purity.alumina_fe=120%"}));
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.alumina_fe"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100"), std::string::npos) << r.err;

  r = potline(simulate_args({"purity.stub_dip_time=10 h", "purity.stub_dip_cell=3"}));
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.stub_dip_cell"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cell 3 is beyond the run's 1 cell (potline.cells)"), std::string::npos)
      << r.err;

  r = potline(simulate_args({"purity.cathode_failure_rate=-1"}));
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.cathode_failure_rate"), std::string::npos) << r.err;
}

// The text summary of a [purity] case names the tapped grades (examples/cell-grade-cathode-failure.toml
// printed none of its metal: only --json and purity_taps.csv had it).
TEST(GradeCli, TextSummaryNamesTheTappedGrades) {
  std::vector<std::string> args = simulate_args(kBalance);
  args.push_back("--set");
  args.push_back("purity.cathode_failure_time=30 h");
  const RunResult j = potline(args);
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json p = parse_json(j.out).at("purity");
  args.erase(std::find(args.begin(), args.end(), "--json"));
  args.push_back("-q");
  const RunResult text = potline(args);
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find(fmt::format("  metal: {} taps, {:.2f} t; Fe mean {:.3f} wt% (max {:.3f})",
                                      p.at("taps").get<int>(), p.at("tapped_t").get<double>(),
                                      p.at("mean_fe_wt").get<double>(), p.at("max_fe_wt").get<double>())),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find(fmt::format("tapped by grade P0406 {:.1f} %",
                                      100 * p.at("tapped_share_by_grade").at("P0406").get<double>())),
            std::string::npos)
      << text.out;
  // Grades with no tapped metal are left out.
  EXPECT_EQ(text.out.find("P0202"), std::string::npos) << text.out;
  const RunResult plain = potline({"simulate", (source_dir() / "examples" / "cell-7d.toml").string(), "-q",
                                   "--set", "run.duration=0.5 d"});
  EXPECT_EQ(plain.out.find("metal:"), std::string::npos) << plain.out;
}

}  // namespace
}  // namespace potline_cli_test::test_grade_cli

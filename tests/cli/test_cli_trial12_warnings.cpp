// User trial 12 (2026-12-06), T12-5: the warnings of `potline smelter` and `potline invest` came on
// stdout, as "  warning: labour.wage: ...", without the place of the value they are about, while
// their input errors say file:line:col. Now they go to stderr as "FILE:LINE:COL: warning: 'KEY': ..."
// (or "--set #N: ..." for a --set value), and the JSON output keeps them in its "warnings" array.
#include <fmt/format.h>

#include <algorithm>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial12_warnings {
namespace {

// The example with `wage` replaced by `value` (its line kept), and the 1-based line of the wage.
std::pair<std::string, int> with_wage(const TempDir& dir, const std::string& example_name, const std::string& value) {
  std::string text = read_file(example(example_name));
  const auto at = text.find("\nwage = ");
  EXPECT_NE(at, std::string::npos);
  const auto end = text.find('\n', at + 1);
  text.replace(at + 1, end - at - 1, "wage = " + value);
  const int line = 2 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  return {dir.write(example_name, text), line};
}

TEST(CliTrial12Warnings, SmelterWarningsGoToStderrAtTheValuesPlace) {
  const TempDir dir;
  const auto [file, line] = with_wage(dir, "smelter-ca-hydro.toml", "\"110000 USD/d\"");
  const RunResult r = potline({"smelter", file});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // Column 8: the value after "wage = ".
  expect_in(r.err, fmt::format("{}:{}:8: warning: 'labour.wage': value '110000 USD/d' (= 40177500 USD/yr) is "
                               "outside the typical range",
                               file, line));
  expect_not_in(r.out, "warning");
  expect_not_in(r.out, "110000 USD/d");
  // --json: the same warning in the summary's array (unlocated, as before), and located on stderr.
  const RunResult j = potline({"smelter", file, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  expect_in(parse_json(j.out).at("warnings").dump(), "labour.wage: value '110000 USD/d'");
  expect_in(j.err, fmt::format("{}:{}:8: warning: 'labour.wage'", file, line));
  // A --set value is located at its --set, as its errors are.
  const RunResult s = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "plant.capacity=473 t/yr"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  expect_in(s.err, "--set #1: warning: 'plant.capacity': value '473 t/yr' is outside the typical range");
  expect_not_in(s.out, "warning");
}

TEST(CliTrial12Warnings, InvestWarningsGoToStderrAtTheValuesPlace) {
  const TempDir dir;
  const auto [file, line] = with_wage(dir, "invest-new-build.toml", "\"110000 USD/d\"");
  const RunResult r = potline({"invest", file});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, fmt::format("{}:{}:8: warning: 'labour.wage': value '110000 USD/d'", file, line));
  expect_not_in(r.out, "warning");
  const RunResult j = potline({"invest", file, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  expect_in(parse_json(j.out).at("warnings").dump(), "labour.wage: value '110000 USD/d'");
  // A warning raised after reading (a rule between keys, no position of its own) takes the place of
  // the value it is about: investment.downtime_share given to a new build.
  const RunResult d = potline({"invest", example("invest-new-build.toml"), "--set", "investment.downtime_share=0.2"});
  ASSERT_EQ(d.exit_code, 0) << d.describe();
  expect_in(d.err, "--set #1: warning: 'investment.downtime_share': ignored for a new build");
  // A retrofit's new-cell keys are named as the user gave them.
  const RunResult rc = potline({"invest", example("invest-ap60-retrofit.toml"), "--set", "retrofit.capacity=500 t/yr"});
  ASSERT_EQ(rc.exit_code, 0) << rc.describe();
  expect_in(rc.err, "--set #1: warning: 'retrofit.capacity': value '500 t/yr' is outside the typical range");
  expect_not_in(rc.out, "warning");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial12_warnings

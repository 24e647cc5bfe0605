// User trial 16 findings in the commands' input and output (T16-5, ...). Each test asserts the
// message it is about.
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial16_fixes {
namespace {

// The number of "error:" lines in `err`.
int error_lines(const std::string& err) {
  int n = 0;
  for (const auto& line : lines_of(err)) n += line.find(": error: ") != std::string::npos ? 1 : 0;
  return n;
}

// T16-5: one unclosed string in a shipped case gave the TOML syntax error and then 11 (smelter) or 5+
// (invest) "required" errors for keys that are in the file; flex added "give a price series". Now the
// syntax error alone, exit 2. Cell and simulate already stopped there; they are checked too.
TEST(CliTrial16, ATomlSyntaxErrorIsTheOnlyError) {
  TempDir tmp;
  const struct {
    const char* command;
    const char* example;
    const char* from;
    const char* to;
  } cases[] = {
      {"smelter", "smelter-us-old-grid.toml", "lme = 2400 ", "lme = \"2400 "},
      {"invest", "invest-new-build.toml", "wacc = \"8 %\"", "wacc = \"8 %"},
      {"flex", "flex-day.toml", "title = \"300 x AP40 potline, one day of power flexibility\"",
       "title = \"300 x AP40 potline, one day of power flexibility"},
      {"simulate", "cell-7d.toml", "title = \"AP40 cell, 7 days, automatic AE quench\"",
       "title = \"AP40 cell, 7 days, automatic AE quench"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    std::string text = read_file(example(c.example));
    const std::size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.example << " has no '" << c.from << "'";
    text.replace(at, std::string(c.from).size(), c.to);
    const std::string path = tmp.write(std::string("bad-") + c.example, text);
    const RunResult r = potline({c.command, path});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, ": error: TOML syntax error: Error while parsing string");
    expect_in(r.err, "(a string not closed on its line: add the closing \")");
    EXPECT_EQ(error_lines(r.err), 1) << r.err;
    expect_in(r.err, "potline: 1 input error(s); nothing was run");
    EXPECT_EQ(r.err.find("required"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial16_fixes

namespace potline_cli_test::test_cli_trial16_fixes {
namespace {

// T16-16: fleet.year before the paths gave the one real error at --set #1 and eight more "fuel path ...
// starts in 2024" errors located in data/fleet-fuel-paths.toml.
TEST(CliTrial16, AFleetYearBeforeThePathsIsOneError) {
  const RunResult r = potline({"fleet", example("world.toml"), "--set", "fleet.year=2023"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'fleet.year': 2023 is outside the years the paths cover (2024–2035, ");
  EXPECT_EQ(error_lines(r.err), 1) << r.err;
  EXPECT_EQ(r.err.find("fuel path"), std::string::npos) << r.err;
  expect_in(r.err, "potline: 1 input error(s); nothing was run");
}

// T16-11: the NPV and IRR are pre-tax by default (investment.tax_rate 0), and only the LCOA line said
// so; the NPV line and decision.tax_rate now say it.
TEST(CliTrial16, InvestSaysWhetherTheNpvIsPreTax) {
  RunResult r = potline({"invest", example("invest-new-build.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, " from the start of construction (3 construction years)   (pre-tax: investment.tax_rate 0)\n");
  r = potline({"invest", example("invest-new-build.toml"), "--set", "investment.tax_rate=25 %", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_DOUBLE_EQ(parse_json(r.out).at("decision").at("tax_rate").get<double>(), 0.25);
  r = potline({"invest", example("invest-new-build.toml"), "--set", "investment.tax_rate=25 %"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "   (after tax at investment.tax_rate 25 %)\n");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial16_fixes

// Hand-typed numbers (user trial of 2026-12-05): a decimal comma or a thousands separator, and a
// unit in the wrong case, are said as such (they read as unknown units: "unknown unit ','
// (did you mean 'm'?)", "unknown unit 'CM' (did you mean 'm'?)").
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_typing_slips {
namespace {

TEST(CliTypingSlips, ACommaInANumberIsSaidAsSuch) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "plant.capacity=230,000 t/yr",
                               "--set", "potline.current_efficiency=0,95"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'plant.capacity': '230,000 t/yr' has a comma in the number: write a decimal "
                   "point and no thousands separator, e.g. \"230000 t/yr\" (thousands) or \"230.000 t/yr\"");
  expect_in(r.err, "--set #2: error: 'potline.current_efficiency': '0,95' has a comma in the number: write a "
                   "decimal point and no thousands separator, e.g. \"0.95\"");
  EXPECT_EQ(r.err.find("unknown unit ','"), std::string::npos) << r.err;
}

TEST(CliTypingSlips, AUnitInTheWrongCaseNamesTheFieldsUnit) {
  const RunResult r = potline({"cell", example("default.toml"), "--set", "operation.acd=4 CM"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'operation.acd': unknown unit 'CM': unit symbols are case-sensitive, write \"4 cm\"");
  const RunResult ok = potline({"cell", example("default.toml"), "--set", "operation.acd=4 cm"});
  EXPECT_EQ(ok.exit_code, 0) << ok.describe();
}

// The same slips in a case file are TOML syntax errors; toml++'s description ("expected a comment or
// whitespace, saw 'c'") gains what it most likely means.
TEST(CliTypingSlips, TomlSyntaxErrorsSayWhatTheLineLikelyMeant) {
  TempDir tmp;
  const std::string head = "[case]\ntitle = \"x\"\ntechnology = \"AP40\"\n[operation]\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"acd = 4 cm  # note\n", "unit.toml:5:9: error: TOML syntax error: Error while parsing key-value pair: expected a "
                               "comment or whitespace, saw 'c' (a value with a unit is a string: write acd = \"4 cm\")"},
      {"acd = 4,5\n", "(a comma in a number: write a decimal point, acd = 4.5)"},
      {"acd = \"4 cm\n", "(a string not closed on its line: add the closing \")"},
  };
  int n = 0;
  for (const auto& [line, message] : cases) {
    const std::string name = n++ == 0 ? "unit.toml" : "case" + std::to_string(n) + ".toml";
    const RunResult r = potline({"cell", tmp.write(name, head + line)});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, message);
  }
  const RunResult plain = potline({"cell", tmp.write("ok.toml", head + "acd = [1\n")});
  EXPECT_EQ(plain.exit_code, 2) << plain.describe();
  EXPECT_EQ(plain.err.find(" (a "), std::string::npos) << "no guess where none fits: " << plain.err;
}

}  // namespace
}  // namespace potline_cli_test::test_cli_typing_slips

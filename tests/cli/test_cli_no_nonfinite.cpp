// No NaN or Inf ever reaches an output: every command, text and JSON, at ordinary and at extreme
// (but allowed) inputs, either prints finite numbers or fails with a message.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_no_nonfinite {
namespace {

// Interval notation for an open end, "[0, inf) USD" or "(-inf, 5] V" as printed by 'potline schema',
// is a range, not a number: remove it before the scan.
std::string without_open_interval_ends(const std::string& text) {
  static const std::regex open_end(R"((\(-inf, )|(, inf\)))");
  return std::regex_replace(text, open_end, " ");
}

void expect_finite_output(const std::vector<std::string>& args) {
  std::string shown;
  for (const auto& a : args) shown += a + " ";
  SCOPED_TRACE(shown);
  const RunResult r = potline(args);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.describe();
  EXPECT_FALSE(has_nonfinite_word(without_open_interval_ends(r.out))) << r.out;
  EXPECT_FALSE(has_nonfinite_word(without_open_interval_ends(r.err))) << r.err;
  const bool json = std::find(args.begin(), args.end(), "--json") != args.end();
  if (json && r.exit_code == 0) expect_all_finite(parse_json(r.out));
}

TEST(CliNoNonFinite, ScannerFindsNonFiniteWordsOnly) {
  // The scanner itself must be able to fail.
  EXPECT_TRUE(has_nonfinite_word("{\"x\": NaN}"));
  EXPECT_TRUE(has_nonfinite_word("voltage -inf V"));
  EXPECT_TRUE(has_nonfinite_word("Infinity"));
  EXPECT_TRUE(has_nonfinite_word("x,nan,1"));
  EXPECT_FALSE(has_nonfinite_word("information, infinite, nano, financial"));
  EXPECT_FALSE(has_nonfinite_word(without_open_interval_ends("allowed [0, inf) USD; (-inf, 5] V")));
  EXPECT_TRUE(has_nonfinite_word(without_open_interval_ends("value inf USD")));
}

TEST(CliNoNonFinite, OrdinaryCommands) {
  expect_finite_output({"bath", "--json"});
  expect_finite_output({"bath"});
  expect_finite_output({"cell", default_case(), "--json"});
  expect_finite_output({"cell", default_case()});
  expect_finite_output({"technologies"});
  expect_finite_output({"schema", "--json"});
  expect_finite_output({"schema"});
  expect_finite_output({"template", "cell"});
}

TEST(CliNoNonFinite, ExtremeButAllowedCellInputs) {
  for (const char* o : {"operation.line_current=0.001 kA", "operation.line_current=2000 kA", "design.anode_count=1",
                        "design.anode_length=0.01 m", "design.cathode_area=0.001 m2", "operation.acd=15 cm",
                        "operation.acd=1 cm", "bath.alumina=0.01", "bath.alumina=20", "bath.lif=20", "bath.kf=20",
                        "operation.bath_temperature=1100 degC", "model.current_efficiency_constant=5",
                        "model.current_efficiency_constant=-5", "model.anode_effect_overvoltage=0",
                        "design.anode_immersion=0.001 cm", "design.nominal_current=0.001 kA"}) {
    expect_finite_output({"cell", "--technology", "AP40", "--set", o, "--json"});
    expect_finite_output({"cell", "--technology", "AP40", "--set", o});
  }
}

TEST(CliNoNonFinite, ExtremeButAllowedBathInputs) {
  expect_finite_output({"bath", "--alumina", "0.001", "--alf3", "0", "--caf2", "0", "--temperature", "1100", "--json"});
  expect_finite_output({"bath", "--alumina", "20", "--alf3", "30", "--caf2", "20", "--mgf2", "10", "--temperature",
                        "850", "--json"});
  expect_finite_output({"bath", "--lif", "20", "--kf", "20", "--json"});
  expect_finite_output({"bath", "--conductivity-model", "wang1992", "--json"});
}

TEST(CliNoNonFinite, ExtremeTargetVoltages) {
  for (const char* v : {"3.2", "11", "99.9", "0.001"}) {
    expect_finite_output({"cell", "--technology", "AP40", "--target-voltage", v, "--json"});
  }
}

}  // namespace
}  // namespace test_cli_no_nonfinite
}  // namespace potline_cli_test

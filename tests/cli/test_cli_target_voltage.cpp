// `potline cell --target-voltage V`: solves the ACD for a cell voltage; unreachable or invalid
// targets are input errors (exit 2) naming target-voltage.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_target_voltage {
namespace {

TEST(CliTargetVoltage, SolvesTheAcdForTheTarget) {
  const RunResult r = potline({"cell", default_case(), "--target-voltage", "4.3", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NEAR(finite_number(j, "voltage_V"), 4.3, 1e-4);
  const double acd = finite_number(j, "acd_cm");
  EXPECT_GT(acd, 1.0);
  EXPECT_LT(acd, 15.0);
  EXPECT_NEAR(finite_number(j, "target_voltage_V"), 4.3, 1e-12);

  // Running forward at the reported ACD gives the target voltage back.
  const RunResult forward =
      potline({"cell", default_case(), "--set", "operation.acd=" + std::to_string(acd), "--json"});
  ASSERT_EQ(forward.exit_code, 0) << forward.describe();
  EXPECT_NEAR(finite_number(parse_json(forward.out), "voltage_V"), 4.3, 1e-4);
}

TEST(CliTargetVoltage, HigherTargetNeedsALargerAcd) {
  const RunResult low = potline({"cell", "--technology", "AP60", "--target-voltage", "4.1", "--json"});
  const RunResult high = potline({"cell", "--technology", "AP60", "--target-voltage", "4.4 V", "--json"});
  ASSERT_EQ(low.exit_code, 0) << low.describe();
  ASSERT_EQ(high.exit_code, 0) << high.describe();
  const Json jl = parse_json(low.out);
  const Json jh = parse_json(high.out);
  EXPECT_NEAR(finite_number(jh, "voltage_V"), 4.4, 1e-4);
  EXPECT_LT(finite_number(jl, "acd_cm"), finite_number(jh, "acd_cm"));
}

TEST(CliTargetVoltage, TextOutputReportsTheSolvedAcd) {
  const RunResult r = potline({"cell", default_case(), "--target-voltage", "4.3"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // A successful solve doubts no input: a note of the text (JSON "notes"), not a warning (T17-12).
  EXPECT_NE(r.out.find("  note: ACD solved for 4.3 V (--target-voltage): operation.acd = 4.099 cm"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.err.find("ACD solved"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("cell voltage 4.300 V"), std::string::npos) << r.out;
}

void expect_rejected(const std::string& target, const std::string& detail) {
  SCOPED_TRACE("--target-voltage " + target);
  const RunResult r = potline({"cell", default_case(), "--target-voltage", target, "--json"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("target-voltage"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(detail), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << "nothing should be printed on stdout: " << r.out;
}

TEST(CliTargetVoltage, UnreachableHighTargetIsAnInputError) {
  expect_rejected("50", "reachable with ACD");
}

TEST(CliTargetVoltage, UnreachableLowTargetIsAnInputError) {
  expect_rejected("1", "reachable with ACD");
}

TEST(CliTargetVoltage, NonPositiveOrAbsurdTargetIsAnInputError) {
  expect_rejected("0", "allowed range");
  expect_rejected("-4", "allowed range");
  expect_rejected("4.3 kV", "allowed range");
}

TEST(CliTargetVoltage, NonNumericTargetIsAnInputError) {
  expect_rejected("abc", "not a number");
  expect_rejected("4.3 cm", "cannot be converted");
}

}  // namespace
}  // namespace test_cli_target_voltage
}  // namespace potline_cli_test

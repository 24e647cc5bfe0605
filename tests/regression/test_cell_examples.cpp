// Regression of every cell example: `potline cell EXAMPLE --json` against the stored reference in
// tests/regression/reference/ (regenerate with scripts/update-regression.sh after an intended
// change). Numbers must agree to 1e-9 relative (plus 1e-12 absolute for values near zero): the
// model is deterministic, so any larger drift is an unintended change of the physics or the data.
#include <gtest/gtest.h>

#include <cmath>

#include "../cli/cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cell_examples {
namespace {

void expect_same(const Json& actual, const Json& reference, const std::string& path) {
  if (reference.is_number()) {
    ASSERT_TRUE(actual.is_number()) << path;
    const double a = actual.get<double>(), r = reference.get<double>();
    EXPECT_NEAR(a, r, 1e-9 * std::fabs(r) + 1e-12) << path;
  } else if (reference.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path;
    for (auto it = reference.begin(); it != reference.end(); ++it) {
      ASSERT_TRUE(actual.contains(it.key())) << path << "." << it.key() << " disappeared";
      expect_same(actual.at(it.key()), it.value(), path + "." + it.key());
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
      EXPECT_TRUE(reference.contains(it.key())) << path << "." << it.key() << " is new: update the reference";
    }
  } else if (reference.is_array()) {
    ASSERT_TRUE(actual.is_array()) << path;
    ASSERT_EQ(actual.size(), reference.size()) << path;
    for (std::size_t i = 0; i < reference.size(); ++i) {
      expect_same(actual[i], reference[i], path + "[" + std::to_string(i) + "]");
    }
  } else {
    EXPECT_EQ(actual, reference) << path;
  }
}

class CellExampleRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(CellExampleRegression, MatchesStoredReference) {
  const std::string name = GetParam();
  const auto result = potline({"cell", (source_dir() / "examples" / (name + ".toml")).string(), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json reference =
      parse_json(read_file(source_dir() / "tests" / "regression" / "reference" / ("cell-" + name + ".json")));
  expect_same(parse_json(result.out), reference, name);
}

INSTANTIATE_TEST_SUITE_P(Examples, CellExampleRegression,
                         ::testing::Values("default", "custom-design", "grande-baie-p155", "inert-anode-elysis-like",
                                           "inert-anode-rusal-like"));

}  // namespace
}  // namespace test_cell_examples
}  // namespace potline_cli_test

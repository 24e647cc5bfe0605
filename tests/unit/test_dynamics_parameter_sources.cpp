// Issue 11, "Done when": docs/model/dynamics.md states every parameter's source or basis. The
// parameters are declared once, in the simulate schema, with their source (docs/model/dynamics.md
// §9 points to it: `potline schema simulate` and the generated "potline simulate" table of
// docs/cli.md). This test holds that: every field of the dynamics groups gives a source or basis,
// and the few that take theirs from the case (no source text of their own) have a row in §9's
// table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "potline/io/schema.hpp"
#include "potline/potline/simulate_case.hpp"

namespace test_dynamics_parameter_sources {
namespace {

// The groups docs/model/dynamics.md §9 names as its own (the cell keys are docs/model/cell.md's).
constexpr std::string_view kGroups[] = {
    "run.",         "dynamics.", "control.", "feeders.",         "faults.",
    "disturbance.", "window.",   "potline.", "heat_exchangers.", "pfc."};

// Fields whose value is the case's own operating point (no source text in the schema); their basis
// is a row of §9's table.
const std::set<std::string> kBasisInDynamicsMd = {"control.target_voltage", "control.alf3_target"};

bool dynamics_key(const std::string& key) {
  for (std::string_view g : kGroups) {
    if (key.starts_with(g)) return true;
  }
  return false;
}

std::string parameter_section() {
  std::ifstream in(std::filesystem::path(POTLINE_SOURCE_DIR) / "docs/model/dynamics.md");
  std::stringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const std::size_t from = text.find("## 9. Parameter sources");
  return from == std::string::npos ? std::string() : text.substr(from);
}

}  // namespace

TEST(DynamicsParameterSources, EveryDynamicsFieldGivesASourceOrItsBasisIsInSection9) {
  const std::string section9 = parameter_section();
  ASSERT_FALSE(section9.empty()) << "docs/model/dynamics.md has no '## 9. Parameter sources'";
  std::size_t checked = 0;
  for (const auto& f : potline::line::simulate_schema().fields()) {
    if (!dynamics_key(f.key)) continue;
    ++checked;
    if (kBasisInDynamicsMd.count(f.key)) {
      EXPECT_NE(section9.find("`" + f.key + "`"), std::string::npos)
          << f.key << ": its basis belongs in the table of docs/model/dynamics.md §9";
    } else {
      EXPECT_FALSE(f.source.empty())
          << f.key << ": no source or basis in the simulate schema (give one, or a row in §9)";
    }
  }
  EXPECT_GT(checked, 150u);  // 195 on 2026-12-06
}

}  // namespace test_dynamics_parameter_sources

// One model, one answer (trial 14, T14-9): `flex` checks a schedule in the dynamic model with one
// representative cell of the case's line; `simulate` runs the line's cells. Both build the case with
// line::build_simulation_case, so every examples/flex-*.toml, stripped of its flex-only tables, runs in
// simulate (a short run of all its cells), calibrated at the point flex calibrates it at (summary key
// thermal_calibration of both). The insulated example was refused by simulate: a cell of its ACD
// spread (potline.spread_acd, calibrated at its own ACD) lost 1.7 % less at the side, so the
// exchangers' fixed rating went over the 95 % cap that the design cell meets (93.8 %).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../cli/cli_helpers.hpp"
#include "flex_example_case.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/potline/simulation.hpp"
#include "potline/potline/thermal_calibration.hpp"

namespace potline_cli_test {
namespace test_flex_cells_in_simulate {
namespace {

std::vector<std::string> flex_examples() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / "examples")) {
    const std::string name = e.path().filename().string();
    if (name.rfind("flex-", 0) == 0 && e.path().extension() == ".toml") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The case without the tables only flex reads (the repro of T14-9).
std::string simulate_part(const std::string& text) {
  static const std::set<std::string> flex_only = {"[flex]", "[economics]", "[envelope]", "[grid]"};
  std::istringstream in(text);
  std::string line, out;
  bool skip = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() == '[') skip = flex_only.count(line.substr(0, line.find(']') + 1)) > 0;
    if (!skip) out += line + "\n";
  }
  return out;
}

}  // namespace

TEST(FlexCellsInSimulate, EveryFlexExampleRunsInSimulateCalibratedWhereFlexCalibratesIt) {
  const std::vector<std::string> names = flex_examples();
  ASSERT_GE(names.size(), 3u);
  TempDir dir;
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const std::string stripped = dir.write(name, simulate_part(read_file(source_dir() / "examples" / name)));
    const RunResult r = potline({"simulate", stripped, "--set", "run.duration=1 h", "--json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    const Json s = parse_json(r.out);
    const Json& sim = s.at("thermal_calibration");

    const potline::flex::FlexCase c = potline::testing::flex_example_case(name);
    const Json flex = potline::line::thermal_calibration_json(c.sim);
    EXPECT_EQ(flex.at("point"), sim.at("point"));
    for (const char* key : {"line_current_kA", "acd_cm", "bath_temperature_degC", "alf3_wt",
                            "start_bath_temperature_degC", "start_superheat_K", "start_ledge_cm"}) {
      EXPECT_NEAR(flex.at(key).get<double>(), sim.at(key).get<double>(), 1e-9) << key;
    }
    EXPECT_EQ(s.at("cells").get<int>(), c.cells);
  }
}

// The line's spread cells keep the design cell's exchanger share (the cell flex runs): the insulated
// example's 120 cells (its potline.spread_acd 1 %) all carry 0.623 × 93.8 % of their own side loss at
// design use; with the rating fixed in W instead, the cells below the design ACD went over the 95 % cap.
TEST(FlexCellsInSimulate, SpreadCellsKeepTheDesignCellsExchangerShare) {
  potline::flex::FlexCase c = potline::testing::flex_example_case("flex-week-insulated.toml");
  potline::line::SimulationCase line = c.sim;
  line.cells = c.cells;
  line.spread = potline::line::Spread{};
  line.spread.acd = 0.01;  // the example's (flex builds its cell without spread)
  line.spread.heat_loss = 0.03;
  line.spread.dissolution = 0.1;
  std::vector<double> design_states, states;
  const auto design = potline::line::build_models(c.sim, design_states);
  ASSERT_EQ(design.size(), 1u);
  const double share = design[0].exchanger_share;
  EXPECT_NEAR(c.sim.dynamics.exchanger_design_fraction * share, 0.938, 0.002);
  const auto models = potline::line::build_models(line, states);
  ASSERT_EQ(models.size(), static_cast<std::size_t>(c.cells));
  for (const auto& m : models) EXPECT_NEAR(m.exchanger_share, share, 1e-12);
}

}  // namespace test_flex_cells_in_simulate
}  // namespace potline_cli_test

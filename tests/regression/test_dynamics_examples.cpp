// Every dynamics example runs through `potline simulate --json` (the potline example shortened to
// 12 cells × 2 days) and its summary matches the stored reference in
// tests/regression/reference/dynamics-*.json within per-key tolerances. References are produced by
// scripts/update-regression.sh (batch integrator, GCC 12, x86-64); a change beyond the tolerances
// is a model change and needs a note in the commit. Tolerances allow for libm/compiler differences
// in the random streams' transcendental functions, which can shift controller decisions by a
// sample; they are far below the seed-to-seed spread (≈10 mV in mean voltage for cell-7d).
#include <gtest/gtest.h>

#include <cmath>

#include "../cli/cli_helpers.hpp"

namespace potline_cli_test {
namespace test_dynamics_examples {
namespace {

struct Example {
  const char* name;  // examples/<name>.toml, reference dynamics-<name>.json
  std::vector<std::string> sets;
};

const std::vector<Example> kExamples = {
    {"cell-7d", {}},
    {"cell-7d-manual-quench", {}},
    {"cell-stuck-feeder", {}},
    {"cell-modulation", {}},
    {"outage-3h", {}},
    {"outage-ladder", {}},
    {"cell-process-faults", {}},
    {"cell-grade-cathode-failure", {}},
    {"potline-year", {"run.duration=2d", "potline.cells=12"}},
    {"potline-cut-out", {}},
    {"potline-cell-feed-stop", {}},
    {"potline-cut-in", {}},
    {"potline-cell-upsets", {}},
};

double number(const Json& j, const char* key) { return j.at(key).get<double>(); }

TEST(DynamicsExamples, SummariesMatchReferences) {
  for (const auto& ex : kExamples) {
    SCOPED_TRACE(ex.name);
    std::vector<std::string> args = {"simulate", (source_dir() / "examples" / (std::string(ex.name) + ".toml")).string(),
                                     "--json"};
    for (const auto& s : ex.sets) {
      args.push_back("--set");
      args.push_back(s);
    }
    const auto result = potline(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const Json s = parse_json(result.out);
    const Json ref = parse_json(
        read_file(source_dir() / "tests" / "regression" / "reference" / ("dynamics-" + std::string(ex.name) + ".json")));
    const auto relative = [&](const char* key, double tolerance) {
      EXPECT_NEAR(number(s, key), number(ref, key), tolerance * std::fabs(number(ref, key)) + 1e-9) << key;
    };
    const auto absolute = [&](const char* key, double tolerance) {
      EXPECT_NEAR(number(s, key), number(ref, key), tolerance) << key;
    };
    relative("mean_voltage_V", 0.002);
    absolute("current_efficiency", 0.002);
    relative("production_t", 0.002);
    relative("energy_MWh", 0.002);
    EXPECT_EQ(s.at("ae_count").get<long>(), ref.at("ae_count").get<long>());
    relative("ae_minutes_per_cell_day", 0.1);
    absolute("mean_superheat_K", 0.5);
    absolute("min_ledge_cm", 0.3);
    absolute("max_ledge_cm", 0.3);
    absolute("alumina_min_wt", 0.1);
    absolute("alumina_max_wt", 0.1);
    EXPECT_LT(number(s, "energy_balance_error"), 0.005);
    if (ref.contains("cut_out_cells")) {  // cells cut out of the line (docs/model/dynamics.md §7):
                                          // which and when
      const Json& got = s.at("cut_out_cells");
      const Json& want = ref.at("cut_out_cells");
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].at("cell").get<int>(), want[i].at("cell").get<int>());
        EXPECT_EQ(got[i].at("reason"), want[i].at("reason"));
        EXPECT_NEAR(got[i].at("time_h").get<double>(), want[i].at("time_h").get<double>(), 0.05);
      }
    }
    if (ref.contains("faults")) {  // process faults (docs/model/faults.md): seeded events, exact
      for (const char* key : {"breaker_failures", "crust_collapses", "poor_alumina_periods", "anode_spikes"}) {
        EXPECT_EQ(s.at("faults").at(key).get<long>(), ref.at("faults").at(key).get<long>()) << key;
      }
    }
    if (ref.contains("purity") && ref.at("purity").is_object()) {  // grade over time (docs/model/purity.md)
      const Json& p = s.at("purity");
      const Json& q = ref.at("purity");
      for (const char* key : {"taps", "stub_dips", "cathode_failures"}) {
        EXPECT_EQ(p.at(key).get<long>(), q.at(key).get<long>()) << key;
      }
      for (const char* key : {"mean_fe_wt", "max_fe_wt", "mean_si_wt", "tapped_t"}) {
        EXPECT_NEAR(p.at(key).get<double>(), q.at(key).get<double>(), 0.01 * std::fabs(q.at(key).get<double>())) << key;
      }
    }
  }
}

}  // namespace
}  // namespace test_dynamics_examples
}  // namespace potline_cli_test

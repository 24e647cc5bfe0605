// Every dynamics example runs (the potline example shortened to 12 cells × 2 days) and its summary
// matches the stored reference within per-key tolerances. References were produced by this code
// (batch integrator, GCC 12, x86-64) when the examples were added; a change beyond the tolerances
// is a model change and needs a note. Tolerances allow for libm/compiler differences in the
// random streams' transcendental functions, which can shift controller decisions by a sample.
#include <gtest/gtest.h>

#include <cmath>

#include "../unit/test_dynamics_helpers.hpp"

using namespace potline;

namespace {
struct Reference {
  const char* file;
  std::vector<std::string> sets;
  double voltage_V, ce, production_t, energy_MWh;
  long ae_count;
  double ae_min_per_cell_day, superheat_K, min_ledge_cm, max_ledge_cm, alumina_min_wt, alumina_max_wt;
};

const std::vector<Reference> kReferences = {
    {"cell-7d.toml", {}, 4.166393, 0.950443, 21.432961, 279.981633, 0, 0.0, 6.502242, 4.747016, 6.349274, 1.675258, 3.24499},
    {"cell-7d-manual-quench.toml", {}, 4.215775, 0.949431, 21.410139, 283.300067, 4, 1.72619, 7.005226, 0.671148, 6.386708, 0.852508, 3.406668},
    {"outage-3h.toml", {}, 4.214847, 0.951977, 8.817027, 116.329784, 0, 0.0, 6.262243, 3.572626, 14.611364, 1.68528, 4.018225},
    {"potline-year.toml", {"run.duration=2d", "potline.cells=12"}, 4.19029, 0.950829, 73.514232, 965.442796, 0, 0.0, 6.615747, 3.623825, 7.044559, 1.581571, 3.859765},
};
}  // namespace

TEST(DynamicsExamples, SummariesMatchReferences) {
  for (const auto& ref : kReferences) {
    SCOPED_TRACE(ref.file);
    const auto c = testing_dyn::make_case(testing_dyn::read_example(ref.file), ref.sets);
    const auto s = line::run_simulation(c);
    EXPECT_NEAR(s.mean_voltage_V, ref.voltage_V, 0.002 * ref.voltage_V);
    EXPECT_NEAR(s.current_efficiency, ref.ce, 0.002);
    EXPECT_NEAR(s.production_t, ref.production_t, 0.002 * ref.production_t);
    EXPECT_NEAR(s.energy_MWh, ref.energy_MWh, 0.002 * ref.energy_MWh);
    EXPECT_EQ(s.ae.count, ref.ae_count);
    EXPECT_NEAR(s.ae.minutes_per_cell_day(), ref.ae_min_per_cell_day, 0.1 * ref.ae_min_per_cell_day + 1e-9);
    EXPECT_NEAR(s.mean_superheat_K, ref.superheat_K, 0.5);
    EXPECT_NEAR(s.min_ledge_m * 100, ref.min_ledge_cm, 0.3);
    EXPECT_NEAR(s.max_ledge_m * 100, ref.max_ledge_cm, 0.3);
    EXPECT_NEAR(s.alumina_min_wt, ref.alumina_min_wt, 0.1);
    EXPECT_NEAR(s.alumina_max_wt, ref.alumina_max_wt, 0.1);
    EXPECT_LT(s.energy_balance_error, 0.005);
  }
}

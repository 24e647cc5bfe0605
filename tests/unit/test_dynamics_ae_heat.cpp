// Where the anode-effect power goes in the dynamic cell (docs/model/dynamics.md §2, "Anode-effect
// heat"): a share `dynamics.ae_heat_to_top` of I·ΔV_AE heats the top node (anode carbon at the gas
// film, cover), the rest the bath. Model behaviour, not a published comparison (the published bath
// rise of a manual anode effect is D43, tests/validation/test_dynamics_anode_effects.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_dynamics_helpers.hpp"

namespace test_dynamics_ae_heat {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;
using potline::testing_dyn::Recorder;

struct AeResponse {
  double rise_K;       ///< highest bath of the hour after onset minus the bath before it
  double min_ledge_m;  ///< thinnest ledge of the 3 h after onset
};

std::vector<AeResponse> responses(const std::vector<std::string>& sets) {
  Recorder rec;
  line::run_simulation(make_case(read_example("cell-7d-manual-quench.toml"), sets), &rec);
  std::vector<AeResponse> out;
  for (const auto& e : rec.events) {
    if (e.kind != line::EventKind::kAnodeEffectStart) continue;
    double before = 0, peak = 0, ledge = 1.0;
    for (const auto& r : rec.rows) {
      if (r.time_s <= e.time_s) before = r.mean_temperature_K;
      if (r.time_s > e.time_s && r.time_s <= e.time_s + 3600.0) peak = std::max(peak, r.mean_temperature_K);
      if (r.time_s > e.time_s && r.time_s <= e.time_s + 3.0 * 3600.0) ledge = std::min(ledge, r.mean_ledge_m);
    }
    out.push_back({peak - before, ledge});
  }
  return out;
}

// A short (automatic-quench, 25–45 s) anode effect of AP40 at 400 kA and ≈ 25 V releases
// ≈ 0.3 GJ; the bath's half would melt at most ≈ 0.7 cm of its 14.6 m² ledge if all of it went
// there. Against the same run with the whole AE power in the top node (`dynamics.ae_heat_to_top`
// = 1: nothing into the bath directly), the thinnest ledge of the 3 h after each AE differs by
// 0.06–0.23 cm (measured 2026-12-06): the ledge thinning after an AE of the all-feeder stop
// (0.5–1.1 cm in both runs) is the stop, quench feed and control cycle, not the AE heat. Bound:
// 0.3 cm.
TEST(AnodeEffectHeatSplit, ShortAnodeEffectMeltsMillimetresOfLedgeNotCentimetres) {
  const std::vector<std::string> automatic = {"control.quench=automatic", "run.output_interval=30s"};
  std::vector<std::string> top_only = automatic;
  top_only.push_back("dynamics.ae_heat_to_top=1");
  const auto split = responses(automatic);
  const auto none = responses(top_only);
  ASSERT_GE(split.size(), 3u);
  ASSERT_EQ(split.size(), none.size());
  for (std::size_t i = 0; i < split.size(); ++i) {
    EXPECT_LT(none[i].min_ledge_m - split[i].min_ledge_m, 0.003) << "AE " << i;
    EXPECT_LT(split[i].rise_K, 15.0) << "AE " << i;
    EXPECT_LT(none[i].rise_K, 2.0) << "AE " << i;
  }
}
}  // namespace test_dynamics_ae_heat

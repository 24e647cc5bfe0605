// Validation rung 9f / issue 13 part 7 (docs/validation.md, "Power flexibility"): the TRIMET-like
// potline of examples/flex-week-heat-exchangers.toml (120 P155 cells, 93 MW, shell heat exchangers,
// heat feed-forward of the target voltage, ACD limits of the resistance control) against
// [TRIMET 2019]: ±25 % power for up to 48 h, ≈ 1,120 MWh of flexible energy. One representative
// cell per level, 48 h each (the envelope runs one cell; × 120 for the line).
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/control/pot_controller.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

namespace test_flex_trimet {

using namespace potline;

namespace {

constexpr double kPublished_MWh = 1120.0;  // [TRIMET 2019]
constexpr double kHour = 3600.0;

flex::FlexCase trimet_case(const std::vector<std::string>& extra) {
  core::Diagnostics d;
  io::ValueSet user;
  const std::string path = std::string(POTLINE_SOURCE_DIR) + "/examples/flex-week-heat-exchangers.toml";
  io::read_case_file(path, flex::flex_schema(), user, d);
  std::vector<io::Override> sets = {*io::parse_override("envelope.levels=75, 125", 1, d),
                                    *io::parse_override("envelope.max_duration=48 h", 1, d)};
  for (const std::string& e : extra) sets.push_back(*io::parse_override(e, 1, d));
  io::apply_overrides(sets, flex::flex_schema(), user, d);
  const auto catalogue = cell::TechnologyCatalogue::load(cell::default_data_dir() + "/technologies.toml", d);
  const auto emissions = plant::EmissionData::load(cell::default_data_dir(), d);
  auto c = flex::build_flex_case(user, catalogue, emissions, std::string(POTLINE_SOURCE_DIR) + "/examples", d);
  EXPECT_TRUE(c) << d.to_string();
  return *c;
}

double mwh(double joules) { return joules / 3.6e9; }

// The ACD limits of the case (control.acd_min 2.5 cm; ceiling 8 cm: control.acd_max, and the 20 cm
// bath less control.min_anode_immersion 12 cm).
double ceiling_m(const flex::FlexCase& c) {
  control::ControllerSettings s = c.sim.control;
  s.bath_height_m = c.sim.dynamics.bath_height_m;
  return control::acd_ceiling_m(s);
}

// The line is ≈ 93 MW, so ±25 % held 48 h is 0.25 × 93.1 MW × 48 h = 1,117 MWh each way, the published
// figure. +25 %: held the 48 h (daily means) with the ACD lowered from 5.9 to 2.8 cm, above the floor.
TEST(FlexTrimet, PlusTwentyFivePercentHoldsFortyEightHoursWithinTheAcdLimits) {
  const flex::FlexCase c = trimet_case({});
  ASSERT_EQ(c.cells, 120);
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  const auto& up = rows[1];
  EXPECT_LT(up.frozen_s, 0.0);
  EXPECT_TRUE(up.limit.empty()) << up.limit << " after " << up.hold_s / kHour << " h";
  EXPECT_NEAR(mwh(up.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh);
  EXPECT_GE(up.min_acd_m, c.sim.control.acd_min_m - 1e-3);
}

// Known miss (docs/validation.md, "Power flexibility"): at −25 % the resistance control asks for the
// 12–13.5 cm of ACD that held the heat balance before the limits; the ceiling (8 cm) stops it
// 0.2 h after the call and the superheat mean falls below 5 K after 17.3 h (measured): ≈ 400 MWh
// against the published 1,120 MWh. The test asserts the limit works and the miss, so that a change in either
// is seen.
TEST(FlexTrimet, KnownMissMinusTwentyFivePercentLeavesTheWindowAtTheAcdCeiling) {
  const flex::FlexCase c = trimet_case({});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  const auto& down = rows[0];
  EXPECT_LT(down.frozen_s, 0.0);
  EXPECT_LE(down.max_acd_m, ceiling_m(c) + 1e-3);  // metal-pad and tap drift between beam moves
  EXPECT_GT(down.acd_limit_s, 24 * kHour);
  EXPECT_GE(down.acd_limit_first_s, 0.0);
  EXPECT_LT(down.acd_limit_first_s, 1 * kHour);  // 0.2 h: the feed-forward moves up to 2 cm per decision
  EXPECT_FALSE(down.limit.empty());  // superheat_min, measured
  EXPECT_LT(down.hold_s, 48 * kHour);
  EXPECT_LT(mwh(down.flexible_energy_J), 0.85 * kPublished_MWh);
}

// Without the limits the voltage carries −25 %: 48 h held, but with an ACD above 12 cm (13.6 cm
// measured) that a 20 cm bath cannot give (the pass of this rung before the limits).
TEST(FlexTrimet, WithoutTheAcdLimitsTheVoltageHoldsMinusTwentyFivePercentAtAnImpossibleAcd) {
  const flex::FlexCase c = trimet_case({"control.acd_max=0", "control.min_anode_immersion=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].limit.empty()) << rows[0].limit << " after " << rows[0].hold_s / kHour << " h";
  EXPECT_GT(rows[0].max_acd_m, 0.12);
  EXPECT_DOUBLE_EQ(rows[0].acd_limit_s, 0.0);
}

// Without the feed-forward (constant cell voltage only) −25 % leaves the window within a day
// (measured 16.9 h with the ACD limits, 19.3 h before them, the superheat).
TEST(FlexTrimet, WithoutTheHeatFeedforwardMinusTwentyFivePercentLeavesWithinADay) {
  const flex::FlexCase c = trimet_case({"control.heat_feedforward=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].limit.empty());
  EXPECT_LT(rows[0].hold_s, 24 * kHour);
}

}  // namespace
}  // namespace test_flex_trimet

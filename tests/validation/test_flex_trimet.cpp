// Validation rung 9f / issue 13 part 7 (docs/validation.md, "Power flexibility"): the TRIMET-like
// potline of examples/flex-week-heat-exchangers.toml (120 P155 cells, 93 MW, shell heat exchangers,
// heat feed-forward of the target voltage) against [TRIMET 2019]: ±25 % power for up to 48 h,
// ≈ 1,120 MWh of flexible energy. One representative cell per level, 48 h each (the envelope runs
// one cell; × 120 for the line).
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
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

// The line is ≈ 93 MW, so ±25 % held 48 h is 0.25 × 93.1 MW × 48 h = 1,117 MWh each way, the published
// figure. Measured (daily means, docs/validation.md): both levels held the 48 h. Physically doubtful
// (docs/validation.md): at −25 % the voltage does the work; the P155 ACD rises from 5.9 to ≈ 13 cm,
// which the model (constant anode immersion) does not check.
TEST(FlexTrimet, PlusMinusTwentyFivePercentWithExchangersAndHeatFeedforward) {
  const flex::FlexCase c = trimet_case({});
  ASSERT_EQ(c.cells, 120);
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) {
    EXPECT_LT(r.frozen_s, 0.0) << r.share;
    EXPECT_TRUE(r.limit.empty()) << r.share << ": " << r.limit << " after " << r.hold_s / kHour << " h";
    EXPECT_NEAR(mwh(r.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh) << r.share;
  }
}

// Without the feed-forward (constant cell voltage only) −25 % leaves the window within a day
// (measured 19.3 h, the superheat): the feed-forward is what holds it.
TEST(FlexTrimet, WithoutTheHeatFeedforwardMinusTwentyFivePercentLeavesWithinADay) {
  const flex::FlexCase c = trimet_case({"control.heat_feedforward=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].limit.empty());
  EXPECT_LT(rows[0].hold_s, 24 * kHour);
}

}  // namespace
}  // namespace test_flex_trimet

// SEC and current efficiency at each smelter's own operating point (issue 10, part 1): a row that
// names its technology and a line current runs the technology's calibrated cell at that current
// (plant/smelter_build.cpp); a retrofit or a technology class runs at the technology's published
// operating point. Directions and equalities, not the cell model's numbers.
#include <gtest/gtest.h>

#include "fleet_fixtures.hpp"

namespace test_fleet_operating_point {

using namespace potline;
using fleet::fixtures::shipped_world;
using fleet::fixtures::smelter_of;

TEST(fleet_operating_point, ARowsLineCurrentIsItsCellsOperatingPoint) {
  core::Diagnostics d;
  const fleet::FleetCase c = shipped_world("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // AP40: Kitimat at its published 400 kA, Alouette at 395 kA, at the ACD the pot control holds the
  // design bath temperature at (T17-14; line::controlled_operating_point).
  const auto& design = smelter_of(c, "ca-kitimat");
  const auto& own = smelter_of(c, "ca-alouette");
  EXPECT_NE(own.sec_origin.find("run at the smelter's line current 395 kA and the ACD the pot control holds its design "
                                "bath temperature at, 3.9"),
            std::string::npos)
      << own.sec_origin;
  // Less current through the same cell at the same heat loss: a higher ACD holds the temperature, and
  // the SEC rises (it fell, at the catalogue ACD kept, before T17-14).
  EXPECT_GT(own.inputs.potline_sec_ac_J_per_kg, design.inputs.potline_sec_ac_J_per_kg) << design.sec_origin;
}

// T7-26 then T17-14: HAL275 at Sunndal's 275 kA (8 % below its published 300 kA) at the catalogue ACD
// froze a 21.6 cm ledge at 3.6 K superheat, so Sunndal kept the published point; at the ACD the pot
// control raises it to (≈ 5 cm) it is a working cell in the window, and its SEC lies above the
// published one (Qatalum's), as a line run below its design current does.
TEST(fleet_operating_point, ADeratedLineRunsAtTheAcdThatKeepsItsHeatBalance) {
  core::Diagnostics d;
  const fleet::FleetCase c = shipped_world("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const auto& design = smelter_of(c, "gcc-qatalum");
  const auto& own = smelter_of(c, "eu-sunndal");
  EXPECT_NE(design.sec_origin.find("calibrated to its published operating point"), std::string::npos) << design.sec_origin;
  EXPECT_NE(own.sec_origin.find("run at the smelter's line current 275 kA and the ACD"), std::string::npos)
      << own.sec_origin;
  EXPECT_GT(own.inputs.potline_sec_ac_J_per_kg, design.inputs.potline_sec_ac_J_per_kg);
}

TEST(fleet_operating_point, ALineFarFromItsDesignCurrentRunsThereOutsideTheWindowAndSaysSo) {
  core::Diagnostics d;
  const fleet::FleetCase c = shipped_world("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // P155: Grande-Baie at its published 170 kA; Laterriere at 219 kA, 29 % above: the calibrated cell
  // is a working cell there, outside the safe window (ledge about 3.6 cm at the ACD that holds its bath
  // temperature), so it runs there, said in its SEC origin (user trial T19-2; the published point until
  // 2026-12-07), at a lower ACD and SEC than the published point.
  const auto& creep = smelter_of(c, "ca-laterriere");
  EXPECT_NE(creep.sec_origin.find("run at the smelter's line current 219 kA"), std::string::npos) << creep.sec_origin;
  EXPECT_NE(creep.sec_origin.find("outside the safe window: ledge 3.6 cm < 5 cm"), std::string::npos)
      << creep.sec_origin;
  EXPECT_LT(creep.inputs.potline_sec_ac_J_per_kg, smelter_of(c, "ca-grande-baie").inputs.potline_sec_ac_J_per_kg);
}

TEST(fleet_operating_point, ARetrofitRunsTheNewTechnologyAtItsOwnDesignCurrent) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase retrofit =
      shipped_world("[[retrofit]]\nsmelter = \"eu-sunndal\"\ntechnology = \"AP40\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // Sunndal retrofitted to AP40: the AP40 cell at its own 400 kA, not at Sunndal's 275 kA of HAL275.
  const auto& s = smelter_of(retrofit, "eu-sunndal");
  EXPECT_NE(s.sec_origin.find("calibrated to its published operating point"), std::string::npos) << s.sec_origin;
  EXPECT_EQ(s.inputs.potline_sec_ac_J_per_kg, smelter_of(base, "ca-alma").inputs.potline_sec_ac_J_per_kg);  // class 'modern': AP40
}
}  // namespace test_fleet_operating_point

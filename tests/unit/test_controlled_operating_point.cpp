// The operating point simulate's pot control settles a calibrated cell at, at another line current
// (line::controlled_operating_point, user trials T17-5 and T17-14).
#include <gtest/gtest.h>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/technology.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/thermal_start.hpp"
#include "potline/potline/thermal_window.hpp"
#include "shipped_data.hpp"

namespace test_controlled_operating_point {

using potline::cell::CellCase;

CellCase catalogue_case(const std::string& id) {
  const auto& catalogue = potline::testing::shipped_catalogue();
  potline::core::Diagnostics d;
  return *potline::cell::technology_case(*catalogue.find(id), catalogue, d);
}

TEST(ControlledOperatingPoint, AtTheCatalogueCurrentItIsTheCatalogueAcd) {
  const CellCase c = catalogue_case("AP40");
  const auto p = potline::line::controlled_operating_point(c.design, c.constants, c.op, c.op.line_current_A);
  EXPECT_NEAR(p.op.acd_m, c.op.acd_m, 1e-5);
  EXPECT_NEAR(p.op.bath_temperature_K, c.op.bath_temperature_K, 0.01);
  EXPECT_FALSE(p.acd_at_limit);
}

// More current: less ACD holds the design temperature, and the ledge stays in the window that the
// catalogue ACD leaves (T17-5: 3.1 cm at the catalogue ACD; simulate's step settles at ≈ 3.4 cm of ACD
// and ≈ 6 cm of ledge). Less current: more ACD.
TEST(ControlledOperatingPoint, AmperageCreepLowersTheAcdAndKeepsTheDesignTemperature) {
  const CellCase c = catalogue_case("AP40");
  const double I = c.op.line_current_A;
  const auto up = potline::line::controlled_operating_point(c.design, c.constants, c.op, 1.05 * I);
  const auto down = potline::line::controlled_operating_point(c.design, c.constants, c.op, 0.95 * I);
  EXPECT_LT(up.op.acd_m, c.op.acd_m);
  EXPECT_GT(down.op.acd_m, c.op.acd_m);
  EXPECT_NEAR(up.op.bath_temperature_K, c.op.bath_temperature_K, 0.01);
  EXPECT_NEAR(down.op.bath_temperature_K, c.op.bath_temperature_K, 0.01);
  EXPECT_TRUE(up.judgement.problems.empty()) << up.judgement.problems.front();
  EXPECT_TRUE(down.judgement.problems.empty()) << down.judgement.problems.front();
  // As measured 2026-12-07 (docs/model/cell.md): +5 % ACD 3.36 cm, ledge 5.8 cm; -5 % 4.32 cm, 7.2 cm.
  EXPECT_NEAR(up.op.acd_m * 100, 3.36, 0.01);
  EXPECT_NEAR(down.op.acd_m * 100, 4.32, 0.01);
}

// The Soral cell (calibrated at ACD 7.02 cm) at 90 % of its current: the temperature would need more
// ACD than the resistance control's 8 cm; the point is held there and says so.
TEST(ControlledOperatingPoint, AnAcdBeyondTheControlsLimitIsHeldThere) {
  const CellCase c = catalogue_case("ALUSUISSE-SORAL");
  const auto p = potline::line::controlled_operating_point(c.design, c.constants, c.op, 0.9 * c.op.line_current_A);
  EXPECT_TRUE(p.acd_at_limit);
  EXPECT_NEAR(p.op.acd_m, p.acd_max_m, 1e-12);
  EXPECT_NEAR(p.acd_max_m, 0.08, 1e-12);
  EXPECT_FALSE(p.judgement.problems.empty());
}

// The controlled-ACD start (line::controlled_acd_start): the one rule by which simulate starts a
// case at another line current and `potline cell --thermal` runs it (user trials T17-5, T18-2; both
// called it through copies of the rule until 2026-12-07). AP40 at 420 kA, its ACD not given: the
// ACD the pot control settles at, the bath at the catalogue's 965.0 °C, the ledge in the window (as
// measured 2026-12-07: 3.36 cm, 5.8 cm; the catalogue ACD held there gives 3.1 cm of ledge).
TEST(ControlledAcdStart, AnotherCurrentRunsAtTheControlledAcdAndTheDesignTemperature) {
  const CellCase c = catalogue_case("AP40");
  potline::cell::OperatingPoint op = c.op;
  op.line_current_A = 420e3;
  const auto p = potline::line::controlled_acd_start({}, c.design, c.constants, c.op, op, true);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->op.acd_m * 100, 3.36, 0.01);
  EXPECT_NEAR(p->op.bath_temperature_K, c.op.bath_temperature_K, 0.05);
  EXPECT_NEAR(p->judgement.state.ledge_m * 100, 5.8, 0.05);
  EXPECT_TRUE(p->judgement.problems.empty());
}

// Run as written (nullopt): the design current; an ACD other than the design's; an ACD given on the
// command line, or in the case file of a technology's case (a case without one is its own design
// point, so its file's ACD is the design ACD). A bath composition changed as well takes the
// controlled ACD too (since T19-12).
TEST(ControlledAcdStart, AGivenAcdOrTheDesignCurrentRunAsWritten) {
  using potline::io::Origin;
  const CellCase c = catalogue_case("AP40");
  potline::cell::OperatingPoint op = c.op;
  const auto start = [&](const potline::cell::OperatingPoint& at, Origin acd_origin,
                         bool technology) {
    potline::io::ValueSet v;
    v.set("operation.acd", {c.op.acd_m, "", acd_origin, {}});
    return potline::line::controlled_acd_start(v, c.design, c.constants, c.op, at, technology);
  };
  EXPECT_FALSE(start(op, Origin::kTechnology, true).has_value());  // the design current
  op.line_current_A = 420e3;
  EXPECT_TRUE(start(op, Origin::kTechnology, true).has_value());
  EXPECT_FALSE(start(op, Origin::kCommandLine, true).has_value());
  EXPECT_FALSE(start(op, Origin::kCommandLine, false).has_value());
  EXPECT_FALSE(start(op, Origin::kCaseFile, true).has_value());
  EXPECT_TRUE(start(op, Origin::kCaseFile, false).has_value());
  potline::cell::OperatingPoint other_acd = op;
  other_acd.acd_m += 0.001;
  EXPECT_FALSE(start(other_acd, Origin::kTechnology, true).has_value());
  potline::cell::OperatingPoint other_bath = op;
  other_bath.bath.alf3_excess_wt += 0.5;
  EXPECT_TRUE(start(other_bath, Origin::kTechnology, true).has_value());
}

// User trial T19-12: the rule took the controlled ACD only at the exact design composition (AlF3
// 11.99 / 12 / 12.01 wt% at 420 kA: ACD 3.80 / 3.36 / 3.80 cm). With another bath the control holds
// the temperature that bath has at the design current and ACD, so the point is continuous in the
// composition (measured 2026-12-07: 3.3635 / 3.3636 / 3.3636 cm) and at the design current is the
// design ACD (a consistency check of the rule, not a validation).
TEST(ControlledOperatingPoint, AnotherBathIsContinuousInTheCompositionAndTheCurrent) {
  const CellCase c = catalogue_case("AP40");
  potline::cell::OperatingPoint op = c.op;
  op.line_current_A = 420e3;
  const auto at_design_bath =
      potline::line::controlled_operating_point(c.design, c.constants, c.op, op);
  EXPECT_EQ(at_design_bath.target_temperature_K, c.op.bath_temperature_K);
  for (const double d_alf3 : {-0.01, 0.01}) {
    potline::cell::OperatingPoint near = op;
    near.bath.alf3_excess_wt += d_alf3;
    const auto p = potline::line::controlled_operating_point(c.design, c.constants, c.op, near);
    ASSERT_TRUE(p.judgement.operating_point);
    EXPECT_NEAR(p.op.acd_m, at_design_bath.op.acd_m, 2e-6) << d_alf3;  // was 0.44 cm away
    EXPECT_NEAR(p.target_temperature_K, c.op.bath_temperature_K, 0.1) << d_alf3;
  }
  potline::cell::OperatingPoint other = c.op;  // the design current, 11 wt% AlF3
  other.bath.alf3_excess_wt = 11.0;
  const auto same_current =
      potline::line::controlled_operating_point(c.design, c.constants, c.op, other);
  EXPECT_NEAR(same_current.op.acd_m, c.op.acd_m, 1e-5);
  other.line_current_A = 420e3;
  const auto p = potline::line::controlled_operating_point(c.design, c.constants, c.op, other);
  EXPECT_NEAR(p.op.bath_temperature_K, same_current.target_temperature_K, 0.01);
  EXPECT_LT(p.op.acd_m, c.op.acd_m);
}

}  // namespace test_controlled_operating_point

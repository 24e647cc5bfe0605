// A production per pot-day published as a lower bound ("> 4.5 t/d") bounds the current efficiency
// from below only (user trial 2026-12-05, item J): the calibration takes the technology's labelled
// CE estimate when it meets the bound and the bound itself when it does not, and says which.
#include <gtest/gtest.h>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/published_bound.hpp"
#include "potline/cell/solve.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "shipped_data.hpp"

namespace potline::cell {
namespace test_published_bound {
namespace {

const TechnologyCatalogue& catalogue() { return potline::testing::shipped_catalogue(); }

struct Calibrated {
  Calibration cal;
  double current_efficiency = 0.0;  // the model's at the calibrated case
};

Calibrated calibrate(const Technology& t) {
  core::Diagnostics d;
  auto c = technology_case(t, catalogue(), d);
  EXPECT_TRUE(c.has_value()) << d.to_string();
  EXPECT_TRUE(c->calibration.has_value());
  return {*c->calibration, evaluate(c->design, c->constants, c->op).current_efficiency};
}

bool any_note_has(const Calibration& cal, const std::string& text) {
  for (const auto& n : cal.notes) {
    if (n.find(text) != std::string::npos) return true;
  }
  return false;
}

// Faraday at 600 kA: 8.0518 kg/(kA·day) × 600 = 4,831 kg per pot-day at CE 1, so "> 4,500 kg" is
// CE ≥ 93.1 %.
double bound_ce() {
  return 4500.0 / (600.0 * constants::kMolarMassAl_kg_per_mol / (3.0 * constants::kFaraday_C_per_mol) *
                   1000.0 * constants::kSecondsPerDay);
}

TEST(PublishedBound, ReadFromTheCataloguesNotes) {
  const Technology* t = catalogue().find("AP60-600");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(published_bound(*t->production_kg_per_day), PublishedBound::kLower);
  EXPECT_EQ(published_bound(*t->sec_dc_J_per_kg), PublishedBound::kUpper);
  EXPECT_EQ(published_bound(*catalogue().find("AP60")->line_current_A), PublishedBound::kNone);
}

TEST(PublishedBound, AnEstimateThatMeetsALowerBoundIsCalibrated) {
  const Technology* t = catalogue().find("AP60-600");
  ASSERT_NE(t, nullptr);
  ASSERT_TRUE(t->estimated_current_efficiency.has_value());
  const Calibrated c = calibrate(*t);
  EXPECT_NEAR(c.current_efficiency, 0.959, 1e-9);
  EXPECT_GT(c.current_efficiency, bound_ce());
  EXPECT_TRUE(any_note_has(c.cal, "is a lower bound (current efficiency at least 93.1 %"));
}

TEST(PublishedBound, AnEstimateBelowTheBoundGivesWayToTheBound) {
  Technology t = *catalogue().find("AP60-600");
  t.estimated_current_efficiency->value = 0.90;
  const Calibrated c = calibrate(t);
  EXPECT_NEAR(c.current_efficiency, bound_ce(), 1e-9);
  EXPECT_TRUE(any_note_has(c.cal, "a lower bound, so the CE is one too, not a measured figure"));
}

TEST(PublishedBound, WithoutAnEstimateTheBoundIsCalibratedAndSaidToBeOne) {
  Technology t = *catalogue().find("AP60-600");
  t.estimated_current_efficiency.reset();
  const Calibrated c = calibrate(t);
  EXPECT_NEAR(c.current_efficiency, bound_ce(), 1e-9);
  EXPECT_TRUE(any_note_has(c.cal, "a lower bound, so the CE is one too"));
}

}  // namespace
}  // namespace test_published_bound
}  // namespace potline::cell

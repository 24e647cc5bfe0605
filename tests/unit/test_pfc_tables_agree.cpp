// The PFC coefficients and GWPs of the dynamic simulation (src/potline/pfc.cpp, compiled in so a
// simulation needs no data directory) must equal the rows of data/emissions/ipcc-aluminium.toml
// that the smelter model reads: one table corrected without the other fails here.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/potline/pfc.hpp"
#include "../common/shipped_data.hpp"

using namespace potline;

namespace {
const plant::EmissionData& data() { return potline::testing::shipped_emission_data(); }
}  // namespace

TEST(PfcTablesAgree, SlopeRatioAndOvervoltageCoefficients) {
  const struct {
    const char* simulation_set;
    plant::CoefficientSet set;
  } sets[] = {{"ipcc2006", plant::CoefficientSet::kIpcc2006}, {"ipcc2019", plant::CoefficientSet::kIpcc2019}};
  int compared = 0;
  for (const auto& s : sets) {
    for (const auto& name : plant::technology_class_names()) {
      const auto cls = plant::technology_class_from_name(name);
      ASSERT_TRUE(cls);
      const plant::PfcCoefficients* file = data().pfc(s.set, *cls);
      const auto compiled = line::pfc_coefficients(s.simulation_set, name);
      SCOPED_TRACE(std::string(s.simulation_set) + " " + name);
      if (file == nullptr || !compiled) continue;
      ++compared;
      EXPECT_DOUBLE_EQ(compiled->slope_cf4, file->slope_cf4);
      EXPECT_DOUBLE_EQ(compiled->c2f6_to_cf4, file->c2f6_per_cf4);
      EXPECT_EQ(compiled->overvoltage_cf4.has_value(), !std::isnan(file->overvoltage_cf4));
      if (compiled->overvoltage_cf4) EXPECT_DOUBLE_EQ(*compiled->overvoltage_cf4, file->overvoltage_cf4);
    }
  }
  EXPECT_GE(compared, 9);  // 4 classes in the 2006 set, 5 in the 2019 set
}

TEST(PfcTablesAgree, GwpSets) {
  const struct {
    const char* name;
    plant::GwpSet set;
  } sets[] = {{"AR4", plant::GwpSet::kAR4}, {"AR5", plant::GwpSet::kAR5}, {"AR6", plant::GwpSet::kAR6}};
  for (const auto& s : sets) {
    SCOPED_TRACE(s.name);
    const auto compiled = line::gwp(s.name);
    const plant::GwpValues* file = data().gwp(s.set);
    ASSERT_TRUE(compiled);
    ASSERT_NE(file, nullptr);
    EXPECT_DOUBLE_EQ(compiled->cf4, file->cf4);
    EXPECT_DOUBLE_EQ(compiled->c2f6, file->c2f6);
  }
}

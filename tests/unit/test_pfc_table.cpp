// One PFC/GWP table (data/emissions/ipcc-aluminium.toml): the simulate case carries the
// coefficients and GWPs of that table — the same rows `potline smelter`, `emissions` and `fleet`
// resolve — with one naming convention; the former simulate spellings warn.
#include <gtest/gtest.h>

#include "potline/io/case_file.hpp"
#include "potline/potline/simulate_case.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_pfc_table {

using namespace potline;

namespace {

struct Built {
  std::optional<line::SimulationCase> c;
  core::Diagnostics d;
};

Built build(const std::vector<std::string>& sets) {
  Built b;
  io::ValueSet v;
  io::read_case_text("[case]\ntechnology = \"AP40\"\n", "<test>", line::simulate_schema(), v, b.d);
  std::vector<io::Override> ov;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (auto o = io::parse_override(sets[i], static_cast<int>(i + 1), b.d)) ov.push_back(*o);
  }
  io::apply_overrides(ov, line::simulate_schema(), v, b.d);
  b.c = line::build_simulation_case(v, testing_dyn::catalogue(), potline::testing::shipped_emission_data(), "", b.d);
  return b;
}

const plant::EmissionData& table() { return potline::testing::shipped_emission_data(); }

}  // namespace

TEST(pfc_table, SimulateCarriesTheTableRowsTheSmelterModelResolves) {
  const Built b = build({});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->pfc_set, "IPCC2006");
  core::Diagnostics d;
  const auto k = plant::resolve_coefficients(table(), plant::CoefficientSet::kIpcc2006, plant::TechnologyClass::kCWPB,
                                             plant::GwpSet::kAR5, plant::Co2Method::kTier2, plant::PfcMethod::kSlope, {}, d);
  ASSERT_TRUE(k);
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, k->pfc.slope_cf4);
  EXPECT_EQ(b.c->pfc_coefficients.c2f6_to_cf4, k->pfc.c2f6_per_cf4);
  EXPECT_EQ(*b.c->pfc_coefficients.overvoltage_cf4, k->pfc.overvoltage_cf4);
  EXPECT_EQ(b.c->gwp.cf4, k->gwp_cf4);
  EXPECT_EQ(b.c->gwp.c2f6, k->gwp_c2f6);
  // The table's values (IPCC 2006 Table 4.16, AR5), not a second copy.
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, 0.143);
  EXPECT_EQ(b.c->gwp.cf4, 6630);
}

TEST(pfc_table, FormerSetSpellingIsAcceptedWithADeprecationWarning) {
  const Built b = build({"pfc.coefficients=ipcc2019", "pfc.technology=PFPB_modern"});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->pfc_set, "IPCC2019");
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, table().pfc(plant::CoefficientSet::kIpcc2019, plant::TechnologyClass::kPFPBModern)->slope_cf4);
  EXPECT_NE(b.d.to_string().find("'ipcc2019' is the former spelling of 'IPCC2019' (deprecated)"), std::string::npos)
      << b.d.to_string();
  const Built now = build({"pfc.coefficients=IPCC2019", "pfc.technology=PFPB_modern"});
  ASSERT_TRUE(now.c);
  EXPECT_EQ(now.d.to_string().find("deprecated"), std::string::npos) << now.d.to_string();
}

TEST(pfc_table, ClassesAndGwpSetsFollowTheTable) {
  // IPCC 2006 has no point-fed rows: its CWPB row serves them, in simulate as in smelter.
  Built b = build({"pfc.technology=PFPB_legacy"});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, 0.143);
  // SAR is a set of the table.
  b = build({"pfc.gwp=SAR"});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->gwp.cf4, 6500);
  EXPECT_EQ(b.c->gwp.c2f6, 9200);
  // A class the set has no row for names the classes it has.
  b = build({"pfc.coefficients=IPCC2019", "pfc.technology=CWPB"});
  EXPECT_FALSE(b.c);
  EXPECT_NE(b.d.to_string().find("'CWPB' has no coefficients in set 'IPCC2019'; choose one of: SWPB, VSS, HSS, PFPB_legacy, "
                                  "PFPB_modern"),
            std::string::npos)
      << b.d.to_string();
}
}  // namespace test_pfc_table

// One PFC/GWP table (data/emissions/ipcc-aluminium.toml): the simulate case carries the
// coefficients and GWPs of that table — the same rows `potline smelter`, `emissions` and `fleet`
// resolve — with one naming convention; the former simulate spellings warn.
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/anode_effects.hpp"
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
  // AP40 without [pfc]: the class and set potline smelter takes for it (user trial T12-1), PFPB_modern
  // under IPCC2019, not the IPCC2006 CWPB row the simulate schema defaulted to.
  const Built b = build({});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->pfc_set, "IPCC2019");
  EXPECT_EQ(b.c->pfc_technology, "PFPB_modern");
  EXPECT_NE(b.c->pfc_basis.find("technology AP40: cell type PFPB"), std::string::npos) << b.c->pfc_basis;
  core::Diagnostics d;
  const auto k = plant::resolve_coefficients(table(), plant::CoefficientSet::kIpcc2019,
                                             plant::TechnologyClass::kPFPBModern, plant::GwpSet::kAR5,
                                             plant::Co2Method::kTier2, plant::PfcMethod::kSlope, {}, d);
  ASSERT_TRUE(k);
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, k->pfc.slope_cf4);
  EXPECT_EQ(b.c->pfc_coefficients.c2f6_to_cf4, k->pfc.c2f6_per_cf4);
  EXPECT_FALSE(b.c->pfc_coefficients.overvoltage_cf4);  // the 2019 set has none
  EXPECT_EQ(b.c->gwp.cf4, k->gwp_cf4);
  EXPECT_EQ(b.c->gwp.c2f6, k->gwp_c2f6);
  // The table's values ([IPCC 2019 Refinement] updated Table 4.16, AR5), not a second copy.
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, 0.104);
  EXPECT_EQ(b.c->gwp.cf4, 6630);
  EXPECT_TRUE(b.d.warning_messages().empty()) << b.d.to_string();
}

TEST(pfc_table, TheDefaultSetIsTheAnodeEffectTablesSet) {
  // One default set: the emission data's default_set is the set of the fleet's anode-effect table,
  // whose class entries smelter, invest and fleet take (T12-1).
  core::Diagnostics d;
  const auto anode = plant::AnodeEffectTable::load_unchecked(cell::default_data_dir() + "/fleet-anode-effects.toml", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_EQ(plant::to_string(table().default_set), anode.coefficient_set);
  using plant::CoefficientSet;
  using plant::TechnologyClass;
  EXPECT_EQ(plant::default_coefficient_set(table(), TechnologyClass::kPFPBModern), CoefficientSet::kIpcc2019);
  EXPECT_EQ(plant::default_coefficient_set(table(), TechnologyClass::kSWPB), CoefficientSet::kIpcc2019);
  EXPECT_EQ(plant::default_coefficient_set(table(), TechnologyClass::kCWPB), CoefficientSet::kIpcc2006);
  // A preferred IPCC2006 keeps IPCC2006 (its CWPB row covers point-fed prebake).
  EXPECT_EQ(plant::default_coefficient_set(table(), TechnologyClass::kPFPBModern, CoefficientSet::kIpcc2006),
            CoefficientSet::kIpcc2006);
}

TEST(pfc_table, PointFedClassUnderAGivenIpcc2006IsItsCwpbRowReportedSoWithAWarning) {
  // It was labelled "IPCC2006/PFPB_modern" with the CWPB numbers and no word (T12-1).
  const Built b = build({"pfc.coefficients=IPCC2006"});
  ASSERT_TRUE(b.c) << b.d.to_string();
  EXPECT_EQ(b.c->pfc_set + "/" + b.c->pfc_technology, "IPCC2006/CWPB");
  EXPECT_EQ(b.c->pfc_coefficients.slope_cf4, 0.143);
  EXPECT_NE(b.d.to_string().find("set 'IPCC2006' has no row for PFPB_modern (technology AP40"), std::string::npos)
      << b.d.to_string();
  EXPECT_NE(b.d.to_string().find("reported as IPCC2006/CWPB"), std::string::npos) << b.d.to_string();
  // pfc.technology alone picks the set that has the class.
  const Built legacy = build({"pfc.technology=PFPB_legacy"});
  ASSERT_TRUE(legacy.c) << legacy.d.to_string();
  EXPECT_EQ(legacy.c->pfc_set + "/" + legacy.c->pfc_technology, "IPCC2019/PFPB_legacy");
  EXPECT_EQ(legacy.c->pfc_coefficients.slope_cf4, 0.122);
  // The overvoltage method takes IPCC2006 (the set with overvoltage coefficients), as smelter's aeo.
  const Built ov = build({"pfc.method=overvoltage"});
  ASSERT_TRUE(ov.c) << ov.d.to_string();
  EXPECT_EQ(ov.c->pfc_set + "/" + ov.c->pfc_technology, "IPCC2006/CWPB");
  EXPECT_TRUE(ov.c->pfc_coefficients.overvoltage_cf4);
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
  Built b = build({"pfc.technology=PFPB_legacy", "pfc.coefficients=IPCC2006"});
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
  EXPECT_NE(b.d.to_string().find("'CWPB' (pfc.technology of the case) has no coefficients in set 'IPCC2019'; choose one "
                                  "of: SWPB, VSS, HSS, PFPB_legacy, PFPB_modern"),
            std::string::npos)
      << b.d.to_string();
}
}  // namespace test_pfc_table

// potline cell with a [purity] section, end to end: the metal's Fe and Si, its grade and grade
// shares in the JSON, the inert anode's wear as an Fe source, and the bad-input errors.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_purity_cli {
namespace {

RunResult cell(const std::vector<std::string>& sets, const std::string& technology = "AP40") {
  std::vector<std::string> args = {"cell", "--technology", technology, "--json"};
  for (const auto& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  return potline(args);
}

TEST(PurityCli, NoPurityKeysGiveANullPurity) {
  const RunResult r = cell({});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_TRUE(parse_json(r.out).at("purity").is_null());
}

// Alumina 0.010 % Fe and 0.013 % Si, anodes 0.024 % Fe and 0.022 % Si ([Lazko et al. raw
// materials]' "high-quality" limits), default consumptions: the balance of tests/unit/test_purity
// (Fe 0.0295 %, Si 0.0343 %) → P0406, as the unit test computes by hand.
TEST(PurityCli, CarbonCellGradeFromAluminaAndAnodes) {
  const RunResult r = cell({"purity.alumina_fe=0.010%", "purity.alumina_si=0.013%", "purity.anode_fe=0.024%",
                            "purity.anode_si=0.022%", "purity.target_grade=P0406"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json p = parse_json(r.out).at("purity");
  EXPECT_NEAR(p.at("fe_wt").get<double>(), 100 * 0.2945 / 1000.64, 1e-4);
  EXPECT_NEAR(p.at("si_wt").get<double>(), 100 * 0.34375 / 1000.64, 1e-4);
  EXPECT_EQ(p.at("grade"), "P0406");
  EXPECT_EQ(p.at("target_grade"), "P0406");
  const double target = p.at("target_share").get<double>();
  EXPECT_GT(target, 0.3);
  EXPECT_LE(target, p.at("grade_shares").at("P1020").get<double>());
  expect_all_finite(parse_json(r.out));
}

TEST(PurityCli, InertAnodeWearIsAnIronSource) {
  const RunResult r = potline({"cell", (source_dir() / "examples" / "inert-anode-rusal-like.toml").string(), "--json",
                               "--set", "purity.alumina_fe=0.010%", "--set", "purity.inert_anode_fe=10%"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& p = j.at("purity");
  const double wear = j.at("anode").at("wear_kg_per_t").get<double>();
  EXPECT_NEAR(p.at("inert_anode_wear_kg_per_t").get<double>(), wear, 1e-12);
  EXPECT_NEAR(p.at("sources").at("inert_anode").at("fe_kg_per_t").get<double>(), 0.10 * wear, 1e-12);
  EXPECT_DOUBLE_EQ(p.at("sources").at("anode_carbon").at("fe_kg_per_t").get<double>(), 0.0);
}

TEST(PurityCli, ImpurityOver100PercentIsAnError) {
  const RunResult r = cell({"purity.alumina_fe=120%"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.alumina_fe"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100"), std::string::npos) << r.err;
}

TEST(PurityCli, FeAndSiOfOneMaterialOver100PercentIsAnError) {
  const RunResult r = cell({"purity.alumina_fe=60%", "purity.alumina_si=50%"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.alumina_fe + purity.alumina_si"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("add up to more than 100 wt%"), std::string::npos) << r.err;
}

TEST(PurityCli, UnknownGradeNameIsAnErrorListingTheGrades) {
  const RunResult r = cell({"purity.target_grade=P0101"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("purity.target_grade"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("P0406"), std::string::npos) << r.err;
}

TEST(PurityCli, CarbonAnodeImpurityInAnInertCaseIsAnError) {
  const RunResult r = potline({"cell", (source_dir() / "examples" / "inert-anode-rusal-like.toml").string(), "--set",
                               "purity.anode_fe=0.02%"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'purity.anode_fe': is a carbon-anode input, but anode.type = \"inert\""), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace test_purity_cli
}  // namespace potline_cli_test

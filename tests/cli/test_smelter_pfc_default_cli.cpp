// `potline smelter` and `invest` default the PFC as `potline fleet` prices the same plant (user
// trial 8, T8-4): the template's AP40 smelter took IPCC 2006 Tier 1 for CWPB, PFC 3.096 and scope
// 1 4.859 t CO2e/t (CBAM 2026 300 USD/t at 80 EUR/t); it now takes the PFPB_modern class entry of
// data/fleet-anode-effects.toml, and a smelter exported from the fleet gives the scope 1 of the
// same plant built by hand without [emissions].
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_smelter_pfc_default_cli {

namespace {

/// `text` without the lines that set one of `keys` (a case "by hand" without those inputs).
std::string without_keys(const std::string& text, const std::vector<std::string>& keys) {
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line)) {
    bool drop = false;
    for (const auto& k : keys)
      drop = drop || line.rfind(k + " =", 0) == 0 || line.rfind(k + "=", 0) == 0;
    if (!drop) out += line + "\n";
  }
  return out;
}

const std::vector<std::string> kPfcKeys = {"technology_class", "pfc_method", "coefficient_set",
                                           "aem"};

Json smelter_json(const std::filesystem::path& file, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"smelter", file.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

}  // namespace

TEST(SmelterPfcDefaultCli, TheTemplatesScopeOneAndPfcAreInThePublishedRange) {
  TempDir dir;
  const RunResult t = potline({"template", "smelter"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  const auto with = dir.path() / "template.toml";
  const auto bare = dir.path() / "bare.toml";
  std::ofstream(with) << t.out;
  std::ofstream(bare) << without_keys(t.out, kPfcKeys);
  const std::vector<std::string> cbam = {"--set", "cbam.eua_price=80 EUR/t", "--set",
                                         "cbam.usd_per_eur=1.08"};
  const Json a = smelter_json(with, cbam);
  const Json b = smelter_json(bare, cbam);
  const double pfc = a.at("emissions_t_co2e_per_t").at("pfc").get<double>();
  const double scope1 = a.at("emissions_t_co2e_per_t").at("scope1").get<double>();
  // Modern point-fed cells: AEM 0.003-0.15 ([IAI Anode Effect Survey]) x 0.104 kg CF4 per AE-min
  // (IPCC 2019) x ~7,300 (AR5, with C2F6) is 0.002-0.11 t CO2e/t; the IAI's 2016 world average over
  // every technology 0.38 ([EGA PFC 2017]). IPCC 2006 Tier 1 gave 3.10.
  EXPECT_GT(pfc, 0.002);
  EXPECT_LT(pfc, 0.11);
  // Scope 1 within the EU's CBAM default direct values of 2025, 1.70-3.20 t CO2e/t
  // ([EU 2025/2621]; docs/validation.md E12-E25); it was 4.86.
  EXPECT_GT(scope1, 1.70);
  EXPECT_LT(scope1, 3.20);
  EXPECT_LT(a.at("cbam_usd_per_t").at("2026").get<double>(), 100.0);  // 300 with Tier 1
  // The template's [emissions] is what the case gives without it.
  EXPECT_DOUBLE_EQ(b.at("emissions_t_co2e_per_t").at("scope1").get<double>(), scope1);
  EXPECT_DOUBLE_EQ(b.at("cbam_usd_per_t").at("2026").get<double>(),
                   a.at("cbam_usd_per_t").at("2026").get<double>());
  const std::string basis = b.at("emissions_method").at("pfc_basis").get<std::string>();
  expect_in(basis, "technology class PFPB_modern (technology AP40");
  expect_in(basis, "AEM 0.015 AE-min/cell-day");
  expect_in(b.at("emissions_method").at("pfc_basis_source").get<std::string>(),
            "[IAI Anode Effect Survey]");
  expect_in(a.at("emissions_method").at("pfc_basis").get<std::string>(),
            "emissions.pfc_method = \"slope\" of the case");
  // And in the text.
  const RunResult text = potline({"smelter", bare.string()});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "PFC basis             technology class PFPB_modern");
}

TEST(SmelterPfcDefaultCli, AFleetExportedSmelterAndTheSamePlantByHandGiveTheSameScopeOne) {
  // Kitimat: AP40 cells, Canada, no published PFC of its own: the fleet's PFPB_modern class entry.
  TempDir dir;
  const auto exported = dir.path() / "kitimat.toml";
  const RunResult x = potline({"fleet", example("world-2024.toml"), "--export-smelter",
                               "ca-kitimat", "--out", exported.string()});
  ASSERT_EQ(x.exit_code, 0) << x.describe();
  const std::string text = read_file(exported);
  expect_in(text, "pfc_method = \"slope\"");
  const auto by_hand = dir.path() / "by-hand.toml";
  std::ofstream(by_hand) << without_keys(text, kPfcKeys);
  const Json a = smelter_json(exported);
  const Json b = smelter_json(by_hand);
  for (const char* k : {"pfc", "scope1", "total"}) {
    EXPECT_DOUBLE_EQ(a.at("emissions_t_co2e_per_t").at(k).get<double>(),
                     b.at("emissions_t_co2e_per_t").at(k).get<double>())
        << k;
  }
  if (a.contains("cbam_usd_per_t")) {
    EXPECT_DOUBLE_EQ(a.at("cbam_usd_per_t").at("2026").get<double>(),
                     b.at("cbam_usd_per_t").at("2026").get<double>());
  }
  expect_in(b.at("emissions_method").at("pfc_basis").get<std::string>(),
            "technology class PFPB_modern");
}

TEST(SmelterPfcDefaultCli, TheInvestTemplateCarriesTheSameEmissions) {
  TempDir dir;
  const RunResult t = potline({"template", "invest"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  expect_in(t.out, "aem = \"0.015 min/d\"  # estimate: the PFPB_modern class entry");
  const auto file = dir.path() / "invest.toml";
  std::ofstream(file) << t.out;
  const RunResult r = potline({"invest", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.out, "IPCC2006 PFC coefficients for CWPB");
}

// T8-4 follow-up: an AEM beside an explicit Tier 1 is not used, and the output says so.
TEST(SmelterPfcDefaultCli, AnAemBesideExplicitTier1IsNamedAsNotUsed) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                               "emissions.pfc_method=tier1", "--set", "emissions.aem=0.5"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "emissions.pfc_method = \"tier1\" uses the IPCC default factor of class ");
  expect_in(r.out, ": emissions.aem not used (give pfc_method = \"slope\" or \"overvoltage\", or leave it out)");
  const RunResult s = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                               "emissions.pfc_method=slope", "--set", "emissions.aem=0.5"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  expect_not_in(s.out, "not used (give pfc_method");
}

}  // namespace potline_cli_test::test_smelter_pfc_default_cli

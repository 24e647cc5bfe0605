// `potline fleet` names each smelter's PFC standard and basis in cost_curve.csv (issue 10, part 3;
// data/fleet-anode-effects.toml, docs/model/fleet.md "PFC of each smelter"): every row of the 2024
// case is on the IPCC 2019 slope method with the entry's basis, none on IPCC 2006 Tier 1; a
// published figure's row says so and carries its GWP set; an empty table brings Tier 1 back.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_fleet_pfc_cli {

namespace {

/// id -> pfc_standard of a run folder's cost_curve.csv.
std::map<std::string, std::string> pfc_standards(const std::filesystem::path& run) {
  const auto lines = lines_of(read_file(run / "cost_curve.csv"));
  std::map<std::string, std::string> out;
  if (lines.empty()) return out;
  const auto head = csv_cells(lines.front());
  std::size_t id = head.size(), pfc = head.size();
  for (std::size_t k = 0; k < head.size(); ++k) {
    if (head[k] == "id") id = k;
    if (head[k] == "pfc_standard") pfc = k;
  }
  EXPECT_LT(pfc, head.size()) << "no pfc_standard column";
  for (std::size_t i = 1; i < lines.size() && pfc < head.size() && id < head.size(); ++i) {
    const auto row = csv_cells(lines[i]);
    if (row.size() == head.size()) out[row[id]] = row[pfc];
  }
  return out;
}

}  // namespace

TEST(FleetPfcCli, CostCurveNamesEachSmeltersPfcStandardAndBasis) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto pfc = pfc_standards(dir.path() / "run");
  ASSERT_GT(pfc.size(), 100u);
  for (const auto& [id, standard] : pfc) {
    EXPECT_EQ(standard.rfind("IPCC2019 slope (", 0), 0u) << id << ": " << standard;
    const bool labelled = standard.find("; published") != std::string::npos ||
                          standard.find("; estimate") != std::string::npos;
    EXPECT_TRUE(labelled) << id << ": " << standard;
  }
  EXPECT_EQ(pfc.at("ru-bratsk"),
            "IPCC2019 slope (VSS, AEM 0.885 AE-min/cell-day equivalent of 0.433 t CO2e/t AR4; "
            "published: Rusal company PFC 2018)");
  EXPECT_NE(pfc.at("gcc-ega-al-taweelah").find("0.007 t CO2e/t AR4; published: EGA, Al Taweelah 2017"), std::string::npos);
  EXPECT_NE(pfc.at("us-sebree").find("0.779 t CO2e/t AR5; published: EPA GHGRP 2021"), std::string::npos);
  EXPECT_NE(pfc.at("oc-tomago").find("0.107 t CO2e/t SAR; published: Australian Aluminium Council"), std::string::npos);
  EXPECT_NE(pfc.at("ca-becancour").find("(PFPB_legacy, AEM 0.363 AE-min/cell-day equivalent of 0.38 t CO2e/t AR4; "
                                        "estimate: IAI 2016 world average"),
            std::string::npos)
      << pfc.at("ca-becancour");
}

// Provenance texts name a data file by its file name: the absolute path the file was resolved to
// made the same case's cost_curve.csv differ from one checkout to another (power_origin of 113 rows).
TEST(FleetPfcCli, CostCurveNamesDataFilesWithoutTheCheckoutsPath) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string csv = read_file(dir.path() / "run" / "cost_curve.csv");
  const std::string data_dir = (source_dir() / "data").string();
  EXPECT_EQ(csv.find(data_dir), std::string::npos) << data_dir;
  EXPECT_NE(csv.find("region table fleet-regions.toml, region '"), std::string::npos);
  EXPECT_NE(csv.find("fleet-power.toml: [[contract]] of ca-becancour"), std::string::npos);
}

TEST(FleetPfcCli, AnEmptyAnodeEffectTableBringsTierOneBack) {
  TempDir dir;
  const auto none = dir.path() / "none.toml";
  { std::ofstream(none) << "coefficient_set = \"IPCC2019\"\n"; }
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", (dir.path() / "run").string(), "--set",
                               "fleet.anode_effects=" + none.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto pfc = pfc_standards(dir.path() / "run");
  EXPECT_EQ(pfc.at("ru-bratsk"), "IPCC2006 Tier 1 (VSS; no anode-effect entry for VSS in region russia)");
}

TEST(FleetPfcCli, AnUnknownSmelterInTheTableIsAnInputErrorAtItsPlace) {
  TempDir dir;
  const auto bad = dir.path() / "bad.toml";
  { std::ofstream(bad) << "coefficient_set = \"IPCC2019\"\n[[anode_effects]]\nsmelters = [\"ru-bratk\"]\n"
                          "pfc_co2e = \"0.4 t/t\"\ngwp = \"AR4\"\nsource = \"s\"\n"; }
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.anode_effects=" + bad.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("bad.toml:3:13"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown smelter 'ru-bratk' (did you mean 'ru-bratsk'?)"), std::string::npos) << r.err;
}

}  // namespace potline_cli_test::test_fleet_pfc_cli

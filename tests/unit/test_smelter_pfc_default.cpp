// A smelter case without emissions.pfc_method takes its PFC as the fleet prices the same plant
// (user trial 8, T8-4; docs/model/emissions.md, "Default PFC"): the IPCC class of
// potline.technology and the AEM of that class's entry in data/fleet-anode-effects.toml, by the
// IPCC 2019 slope method. Before, every such case took IPCC 2006 Tier 1 for CWPB, 3.10 t CO2e/t,
// whatever its technology.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/shipped_data.hpp"
#include "potline/plant/anode_effects.hpp"
#include "potline/plant/smelter.hpp"

namespace test_smelter_pfc_default {

using namespace potline;

namespace {

// The template's inputs (`potline template smelter`), no [emissions].
std::string case_text(const std::string& technology, const std::string& extra = {}) {
  return "[case]\ntitle = \"pfc default\"\n[potline]\ntechnology = \"" + technology +
         "\"\npots_per_line = 300\n[prices]\nyear = 2024\nlme = 2400\nalumina_lme_share = "
         "0.21\nanode = 600\n"
         "alf3 = 1200\npower = \"40 USD/MWh\"\n[labour]\nemployees = 900\nwage = \"110000 "
         "USD/yr\"\n"
         "[power]\nsource = \"hydro\"\n" +
         extra;
}

plant::SmelterCase build(const std::string& text, const plant::SmelterData& data =
                                                      potline::testing::shipped_smelter_data()) {
  core::Diagnostics d;
  io::ValueSet user;
  std::vector<plant::PotlineGroupValues> groups;
  plant::read_smelter_case_text(text, "case.toml", user, groups, d);
  auto c = plant::build_smelter_case(user, groups, data, d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  if (!c) throw std::runtime_error(d.to_string());
  return *c;
}

double pfc_t_per_t(const plant::SmelterCase& c) {
  return plant::evaluate(c.inputs).emissions.pfc_co2e;
}

}  // namespace

TEST(smelter_pfc_default, Ap40TakesTheModernClassEntryAsTheFleetDoes) {
  const plant::SmelterCase c = build(case_text("AP40"));
  const plant::EmissionInputs& e = c.inputs.emissions;
  EXPECT_EQ(e.technology, plant::TechnologyClass::kPFPBModern);
  EXPECT_EQ(e.pfc_method, plant::PfcMethod::kSlope);
  EXPECT_EQ(c.coefficient_set, plant::CoefficientSet::kIpcc2019);
  EXPECT_DOUBLE_EQ(e.aem_min_per_cell_day, 0.015);  // the PFPB_modern class entry of the table
  // Hand arithmetic: IPCC 2019 PFPB_modern slope 0.104 kg CF4 per AE-min, C2F6/CF4 0.057, AR5 GWPs
  // 6,630 and 11,100: 0.015 x 0.104 x (6,630 + 0.057 x 11,100) / 1000 = 0.01133 t CO2e/t.
  EXPECT_NEAR(pfc_t_per_t(c), 0.015 * 0.104 * (6630 + 0.057 * 11100) / 1000, 1e-6);
  EXPECT_NE(c.pfc_basis.find("technology class PFPB_modern (technology AP40: cell type PFPB, first "
                             "industrial year 2010)"),
            std::string::npos)
      << c.pfc_basis;
  EXPECT_NE(c.pfc_basis.find("fleet-anode-effects.toml:"), std::string::npos) << c.pfc_basis;
  EXPECT_NE(c.pfc_basis_source.find("[IAI Anode Effect Survey]"), std::string::npos)
      << c.pfc_basis_source;
}

TEST(smelter_pfc_default, ALegacyPointFedTechnologyTakesTheIaiWorldAverage) {
  // P155: point-fed prebake first run in 1980, the legacy class: the IAI's 2016 world average, 0.38
  // t CO2e/t in AR4, comes back with AR5 as 0.38 x (6,630 + F x 11,100) / (7,390 + F x 12,200),
  // with the class's C2F6/CF4 ratio F = 0.097 (IPCC 2019 PFPB_legacy): 0.342 t CO2e/t.
  const plant::SmelterCase c = build(case_text("P155"));
  EXPECT_EQ(c.inputs.emissions.technology, plant::TechnologyClass::kPFPBLegacy);
  EXPECT_NEAR(pfc_t_per_t(c), 0.38 * (6630 + 0.097 * 11100) / (7390 + 0.097 * 12200), 1e-6);
}

TEST(smelter_pfc_default, ASoderbergTechnologyTakesItsClass) {
  // The catalogue has no Søderberg cell: AP40's entry as a VSS cell type, in a catalogue of its
  // own.
  const std::string shipped = cell::default_data_dir() + "/technologies.toml";
  std::stringstream all;
  all << std::ifstream(shipped).rdbuf();
  const std::string text = all.str();
  const std::size_t from = text.find("[[technology]]\nid = \"AP40\"");
  ASSERT_NE(from, std::string::npos);
  std::string block = text.substr(from, text.find("[[technology]]", from + 1) - from);
  block.replace(block.find("id = \"AP40\""), 11, "id = \"TEST-VSS\"");
  block.erase(block.find("aliases"),
              block.find('\n', block.find("aliases")) - block.find("aliases") + 1);
  block.replace(block.find("cell_type = \"PFPB\""), 18, "cell_type = \"VSS\"");
  const auto path = std::filesystem::temp_directory_path() /
                    ("pfc-default-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text << "\n" << block;
  plant::SmelterData data = potline::testing::shipped_smelter_data();
  core::Diagnostics d;
  data.technologies = cell::TechnologyCatalogue::load(path.string(), d);
  std::filesystem::remove(path);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // Søderberg Tier 2 CO2 needs the paste consumption (as with emissions.technology_class = "VSS").
  const plant::SmelterCase c =
      build(case_text("TEST-VSS", "[emissions]\npaste_consumption = 0.52\n"), data);
  EXPECT_EQ(c.inputs.emissions.technology, plant::TechnologyClass::kVSS);
  EXPECT_EQ(c.inputs.emissions.pfc_method, plant::PfcMethod::kSlope);
  EXPECT_NE(c.pfc_basis.find("technology class VSS (technology TEST-VSS: cell type VSS"),
            std::string::npos)
      << c.pfc_basis;
  // The IAI world average with IPCC 2019 VSS's ratio F = 0.086.
  EXPECT_NEAR(pfc_t_per_t(c), 0.38 * (6630 + 0.086 * 11100) / (7390 + 0.086 * 12200), 1e-6);
}

TEST(smelter_pfc_default, TheCasesOwnMethodOrAemStillWins) {
  // An explicit Tier 1 is the IPCC 2006 CWPB factor of before (0.4 kg CF4, 0.04 kg C2F6 per t,
  // AR5).
  const plant::SmelterCase t1 = build(
      case_text("AP40", "[emissions]\npfc_method = \"tier1\"\ntechnology_class = \"CWPB\"\n"));
  EXPECT_EQ(t1.inputs.emissions.pfc_method, plant::PfcMethod::kTier1);
  EXPECT_NEAR(pfc_t_per_t(t1), (0.4 * 6630 + 0.04 * 11100) / 1000, 1e-3);
  EXPECT_NE(t1.pfc_basis.find("emissions.pfc_method = \"tier1\" of the case"), std::string::npos)
      << t1.pfc_basis;
  // An AEM without a method: the slope method with the case's AEM.
  const plant::SmelterCase aem = build(case_text("AP40", "[emissions]\naem = 0.1\n"));
  EXPECT_EQ(aem.inputs.emissions.pfc_method, plant::PfcMethod::kSlope);
  EXPECT_DOUBLE_EQ(aem.inputs.emissions.aem_min_per_cell_day, 0.1);
  EXPECT_NE(aem.pfc_basis.find("the case's emissions.aem"), std::string::npos) << aem.pfc_basis;
}

TEST(smelter_pfc_default, WithoutATableEntryTierOneWithANote) {
  plant::SmelterData data = potline::testing::shipped_smelter_data();
  data.anode_effects = plant::AnodeEffectTable{};
  const plant::SmelterCase c = build(case_text("AP40"), data);
  EXPECT_EQ(c.inputs.emissions.pfc_method, plant::PfcMethod::kTier1);
  EXPECT_NE(c.pfc_basis.find("IPCC 2006 Tier 1 default for PFPB_modern"), std::string::npos)
      << c.pfc_basis;
  bool noted = false;
  for (const auto& n : c.notes) noted = noted || n.find("give emissions.aem") != std::string::npos;
  EXPECT_TRUE(noted);
}

}  // namespace test_smelter_pfc_default

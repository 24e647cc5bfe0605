// China's capacity-weighted mix of cell classes (issue 10, part 1; data/fleet-technology-classes.toml,
// class 'china', [[class.mix]]): the aggregate rows split so that China's operating capacity holds the
// published shares, a change of one part's technology moving exactly that part's rows on the cost
// curve, levers that name an aggregate reaching its parts, and the input errors of a bad mix.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

#include "fleet_fixtures.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/ccs_lever.hpp"
#include "potline/fleet/hpa_product.hpp"
#include "potline/fleet/technology_classes.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_china_mix {

using namespace potline;
using fleet::fixtures::shipped_world;
using fleet::fixtures::smelter_of;

namespace {

const std::string kWorld2024 = std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml";

/// The 2024 case as `potline fleet` solves its year (the pipeline's later restarts left out).
fleet::FleetCase world_2024(core::Diagnostics& d, const std::string& data_dir = cell::default_data_dir(),
                            const plant::SmelterData& data = potline::testing::shipped_smelter_data()) {
  const fleet::FleetCase loaded = fleet::load_fleet_case(kWorld2024, data_dir, data, d);
  return fleet::case_for_year(loaded, loaded.year, nullptr);
}

std::string read(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

/// A China class whose mix is 20 % "big" (AP40) and 80 % "old" (P155), and a default class.
fleet::TechnologyClasses two_part_china_mix(core::Diagnostics& d) {
  return fleet::TechnologyClasses::parse(
      "[[class]]\nid = \"c\"\ntechnology = \"AP40\"\nregions = [\"china\"]\nbasis = \"b\"\n"
      "[[class.mix]]\npart = \"big\"\ntechnology = \"AP40\"\nshare = 0.2\nsource = \"s\"\n"
      "[[class.mix]]\npart = \"old\"\ntechnology = \"P155\"\nshare = 0.8\nsource = \"s\"\n"
      "[[class]]\nid = \"default\"\ntechnology = \"P155\"\nbasis = \"b\"\n",
      "classes.toml", {"AP40", "P155"}, {"china"}, d);
}

}  // namespace

// The shares of the shipped mix (600 kA 10.4 %, 300-500 kA 72 %, below 300 kA the remaining 17.6 %)
// hold for China's operating capacity in the 2024 case, named plants (priced with AP40) included, and
// China's capacity is unchanged (43.53 Mt/yr, [SMM Dec 2024]). A recomputation of the split's rule on
// the shipped data: it proves the split, not the shares.
TEST(fleet_china_mix, ChinasOperatingCapacityHoldsThePublishedShares) {
  core::Diagnostics d;
  const fleet::FleetCase c = world_2024(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::map<std::string, double> by_technology;
  double china = 0;
  int parts = 0;
  for (const auto& s : c.model.smelters) {
    if (s.record.region != "china") continue;
    china += s.record.capacity_kg_per_s;
    by_technology[s.technology] += s.record.capacity_kg_per_s;
    if (s.record.id.find('@') != std::string::npos) {
      ++parts;
      EXPECT_TRUE(s.record.aggregate) << s.record.id;
      EXPECT_EQ(s.technology_class.rfind("china@", 0), 0u) << s.technology_class;
    }
    EXPECT_NE(s.record.id, "cn-agg-rest");  // split, not kept beside its parts
  }
  constexpr double kKtPerYear = 1e6 / constants::kSecondsPerYear;  // kg/s per kt/yr
  EXPECT_NEAR(china / kKtPerYear, 43533, 1);
  // Xinjiang's aggregate (captive coal) x three technology parts, and the two grid aggregates x three
  // technology parts x three power parts (the power mix, tests/validation/test_fleet_china.cpp).
  EXPECT_EQ(parts, 3 + 2 * 3 * 3);
  EXPECT_NEAR(by_technology["SAMI600"] / china, 0.104, 1e-9);
  EXPECT_NEAR(by_technology["AP40"] / china, 0.72, 1e-9);
  EXPECT_NEAR(by_technology["CN-PB240"] / china, 0.176, 1e-9);
  // The 600 kA part is point-fed modern, the old part legacy: both on China's anode-effect entries.
  const auto& sami = smelter_of(c, "cn-agg-rest@600kA@grid");
  const auto& old = smelter_of(c, "cn-agg-rest@below-300kA@grid");
  EXPECT_NE(sami.pfc_standard.find("slope (PFPB_modern"), std::string::npos) << sami.pfc_standard;
  EXPECT_NE(old.pfc_standard.find("slope (PFPB_legacy"), std::string::npos) << old.pfc_standard;
}

// A change of the 600 kA part's technology (SAMI600's rectifier efficiency 0.975 -> 0.95 in a copy of
// the data folder) moves China's 600 kA rows, and only them, on the cost curve: their SEC by 0.975/0.95.
TEST(fleet_china_mix, ChangingOnePartsTechnologyMovesThatPartsChineseRowsOnly) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("potline-china-mix-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(cell::default_data_dir(), dir, fs::copy_options::recursive);
  std::string text = read(dir / "technologies.toml");
  const auto block = text.find("id = \"SAMI600\"");
  ASSERT_NE(block, std::string::npos);
  const std::string key = "\"design.rectifier_efficiency\" = { value = \"0.975\"";
  const auto at = text.find(key, block);
  ASSERT_NE(at, std::string::npos);
  ASSERT_LT(at, text.find("[[technology]]", block));
  text.replace(at, key.size(), "\"design.rectifier_efficiency\" = { value = \"0.95\"");
  std::ofstream(dir / "technologies.toml") << text;

  core::Diagnostics d1, d2, d3;
  const fleet::FleetCase base = world_2024(d1);
  const plant::SmelterData changed_data = plant::SmelterData::load(dir.string(), d2);
  ASSERT_FALSE(d2.has_errors()) << d2.to_string();
  const fleet::FleetCase changed = world_2024(d3, dir.string(), changed_data);
  ASSERT_FALSE(d3.has_errors()) << d3.to_string();
  ASSERT_EQ(base.model.smelters.size(), changed.model.smelters.size());
  std::vector<fleet::SmelterEconomics> e0, e1;
  fleet::evaluate(base.model, base.shocks, e0);
  fleet::evaluate(changed.model, changed.shocks, e1);
  int moved = 0;
  for (std::size_t i = 0; i < e0.size(); ++i) {
    const auto& s = base.model.smelters[i];
    if (s.technology == "SAMI600") {
      ++moved;
      EXPECT_EQ(s.record.region, "china") << s.record.id;
      EXPECT_NEAR(e1[i].sec_ac_J_per_kg / e0[i].sec_ac_J_per_kg, 0.975 / 0.95, 1e-9) << s.record.id;
      EXPECT_GT(e1[i].c1_usd_per_kg, e0[i].c1_usd_per_kg) << s.record.id;
    } else {
      EXPECT_DOUBLE_EQ(e1[i].c1_usd_per_kg, e0[i].c1_usd_per_kg) << s.record.id;
    }
  }
  EXPECT_EQ(moved, 1 + 2 * 3);  // Xinjiang's 600 kA part; each grid aggregate's, by three power sources
  fs::remove_all(dir);
}

// A [[power_shock]] naming an aggregate row of the dataset reaches every part it was split into.
TEST(fleet_china_mix, LeverNamingAnAggregateReachesItsParts) {
  core::Diagnostics d0, d1;
  const auto base = shipped_world("", d0);
  const auto shocked = shipped_world("[[power_shock]]\nsmelter = \"cn-agg-rest\"\nfactor = 1.5\n", d1);
  ASSERT_FALSE(d1.has_errors()) << d1.to_string();
  for (const std::string part : {"600kA@captive_coal", "300-500kA@hydro", "below-300kA@grid"}) {
    const std::string id = "cn-agg-rest@" + part;
    EXPECT_NEAR(smelter_of(shocked, id).base_power_usd_per_J, 1.5 * smelter_of(base, id).base_power_usd_per_J, 1e-18)
        << id;
  }
  EXPECT_DOUBLE_EQ(smelter_of(shocked, "cn-agg-xinjiang@600kA").base_power_usd_per_J,
                   smelter_of(base, "cn-agg-xinjiang@600kA").base_power_usd_per_J);
}

// The dataset id of a split aggregate selects all its parts in the levers that list smelters
// ([[hpa]], [[ccs_retrofit]]), and only them: a longer id with the same start is another row.
TEST(fleet_china_mix, SmelterListsReachTheParts) {
  fleet::SmelterRecord part, other;
  part.id = "cn-agg-rest@600kA";
  other.id = "cn-agg-rest2";
  EXPECT_TRUE(fleet::is_row_or_part(part.id, "cn-agg-rest"));
  EXPECT_TRUE(fleet::is_row_or_part("cn-agg-rest@600kA@hydro", "cn-agg-rest"));
  EXPECT_TRUE(fleet::is_row_or_part("cn-agg-rest", "cn-agg-rest"));
  EXPECT_FALSE(fleet::is_row_or_part(other.id, "cn-agg-rest"));
  EXPECT_FALSE(fleet::is_row_or_part("cn-agg-rest@", "cn-agg-rest"));
  fleet::HpaProduct hpa;
  hpa.smelters = {"cn-agg-rest"};
  fleet::CcsRetrofit ccs;
  ccs.smelters = {"cn-agg-rest"};
  EXPECT_TRUE(hpa.covers(part));
  EXPECT_TRUE(ccs.covers(part));
  EXPECT_FALSE(hpa.covers(other));
  EXPECT_FALSE(ccs.covers(other));
}

// A bad mix: shares that do not add up to 1, an unknown technology, a part without a source or with
// an '@', a mix without regions; each reported with the file and its reason.
TEST(fleet_china_mix, BadMixIsAnInputErrorWithItsReason) {
  core::Diagnostics d;
  fleet::TechnologyClasses::parse(
      "[[class]]\nid = \"c\"\ntechnology = \"AP40\"\nbasis = \"b\"\n"
      "[[class.mix]]\npart = \"a@b\"\ntechnology = \"AP-40\"\nshare = 0.5\n"
      "[[class.mix]]\npart = \"x\"\ntechnology = \"P155\"\nshare = 1.5\nsource = \"s\"\n",
      "classes.toml", {"AP40", "P155"}, {"china"}, d);
  const std::string s = d.to_string();
  EXPECT_NE(s.find("part name without '@'"), std::string::npos) << s;
  EXPECT_NE(s.find("unknown technology 'AP-40' (did you mean 'AP40'?)"), std::string::npos) << s;
  EXPECT_NE(s.find("required: the published basis of the part's share"), std::string::npos) << s;
  EXPECT_NE(s.find("a share of capacity between 0 and 1"), std::string::npos) << s;
  EXPECT_NE(s.find("has a mix but no regions"), std::string::npos) << s;
  EXPECT_NE(s.find("add up to 0.5, not 1"), std::string::npos) << s;
  EXPECT_NE(s.find("classes.toml:"), std::string::npos) << s;
}

// Named rows that already hold more than a part's share: an error naming the part and both shares.
TEST(fleet_china_mix, NamedRowsAbovePartShareAreAnInputError) {
  core::Diagnostics d;
  fleet::TechnologyClasses classes = two_part_china_mix(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::vector<fleet::SmelterRecord> rows(2);
  rows[0].id = "named";
  rows[0].region = "china";
  rows[0].status = fleet::Status::kOperating;
  rows[0].capacity_kg_per_s = 5;
  rows[1] = rows[0];
  rows[1].id = "agg";
  rows[1].aggregate = true;
  classes.split_mixed_rows(rows, d);
  const std::string s = d.to_string();
  EXPECT_NE(s.find("part 'big': the named rows priced with AP40 already hold 50.0 %"), std::string::npos) << s;
}

// Without a named row the aggregate takes the shares as they are: 20 % and 80 %.
TEST(fleet_china_mix, AggregateAloneTakesThePublishedShares) {
  core::Diagnostics d;
  fleet::TechnologyClasses classes = two_part_china_mix(d);
  std::vector<fleet::SmelterRecord> rows(1);
  rows[0].id = "agg";
  rows[0].region = "china";
  rows[0].status = fleet::Status::kOperating;
  rows[0].capacity_kg_per_s = 10;
  rows[0].aggregate = true;
  classes.split_mixed_rows(rows, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, "agg@big");
  EXPECT_DOUBLE_EQ(rows[0].capacity_kg_per_s, 2.0);
  EXPECT_EQ(rows[1].id, "agg@old");
  EXPECT_DOUBLE_EQ(rows[1].capacity_kg_per_s, 8.0);
  EXPECT_EQ(classes.part_of(*classes.split_row("agg@old")).technology, "P155");
}

}  // namespace test_fleet_china_mix

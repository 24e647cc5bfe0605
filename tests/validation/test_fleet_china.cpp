// China in the 2024 backtest (examples/world-2024.toml): the power sources of its capacity
// (data/fleet-technology-classes.toml, class 'china', [[class.power_mix]]) and the emissions that
// follow from them, against published figures. Every comparison is a row of docs/validation.md.
//
// Independent figures: the electricity emissions of Chinese coal-powered smelting in 2020 ([Wood
// Mackenzie 2021 China coal], 12.36 t CO2e/t); the world's smelting scope 1 + 2 intensity of 2018 ([IAI
// B2DS dataset 2021], 12.80 t CO2e/t, a known miss); China's SEC of 2015 ([Fastmarkets IAI China SEC
// 2015]). The shares of the power mix are inputs (Ember's 65 % captive,
// Aladdiny's 11 % Yunnan), so the test of the shares checks the split, not the shares.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/solve.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/technology_classes.hpp"
#include "potline/fleet/years.hpp"
#include "../common/fleet_2024_case.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_china {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr

using Backtest = potline::testing::Fleet2024;

const Backtest& backtest() { return potline::testing::fleet_2024_case(); }

/// A China class with a two-part technology mix and the power mix `power` ([[class.power_mix]] tables).
fleet::TechnologyClasses china_class_with_power(const std::string& power, core::Diagnostics& d) {
  return fleet::TechnologyClasses::parse(
      "[[class]]\nid = \"c\"\ntechnology = \"AP40\"\nregions = [\"china\"]\nbasis = \"b\"\n"
      "[[class.mix]]\npart = \"big\"\ntechnology = \"AP40\"\nshare = 0.5\nsource = \"s\"\n"
      "[[class.mix]]\npart = \"old\"\ntechnology = \"P155\"\nshare = 0.5\nsource = \"s\"\n" +
          power + "[[class]]\nid = \"default\"\ntechnology = \"P155\"\nbasis = \"b\"\n",
      "classes.toml", {"AP40", "P155"}, {"china"}, d);
}

fleet::SmelterRecord china_row(const std::string& id, double kg_per_s, plant::PowerSource source, bool aggregate) {
  fleet::SmelterRecord r;
  r.id = id;
  r.region = "china";
  r.status = fleet::Status::kOperating;
  r.capacity_kg_per_s = kg_per_s;
  r.power_source = source;
  r.aggregate = aggregate;
  return r;
}

}  // namespace

// China's operating capacity in the 2024 case holds the power mix's shares (captive coal 65 %, hydro
// 11 %, grid 24 %) while its total (43.53 Mt/yr, [SMM Dec 2024]) and its technology shares stay; the
// Xinjiang aggregate, on captive coal in the dataset, is not split by power. A recomputation of the
// split's rule on the shipped data: it proves the split, not the shares.
TEST(fleet_china, ChinasOperatingCapacityHoldsThePowerMixShares) {
  const auto& c = backtest().c;
  std::map<plant::PowerSource, double> by_source;
  std::map<std::string, double> by_technology;
  double china = 0;
  for (const auto& s : c.model.smelters) {
    if (s.record.region != "china" || s.record.status != fleet::Status::kOperating) continue;
    china += s.record.capacity_kg_per_s;
    by_source[s.record.power_source] += s.record.capacity_kg_per_s;
    by_technology[s.technology] += s.record.capacity_kg_per_s;
    if (fleet::is_row_or_part(s.record.id, "cn-agg-xinjiang")) {
      EXPECT_EQ(s.record.power_source, plant::PowerSource::kCaptiveCoal) << s.record.id;
      EXPECT_EQ(s.record.id.find('@'), s.record.id.rfind('@')) << s.record.id;  // one split only
    }
  }
  EXPECT_NEAR(china * kToMt, 43.533, 0.001);
  EXPECT_NEAR(by_source[plant::PowerSource::kCaptiveCoal] / china, 0.65, 1e-9);
  EXPECT_NEAR(by_source[plant::PowerSource::kHydro] / china, 0.11, 1e-9);
  EXPECT_NEAR(by_source[plant::PowerSource::kGrid] / china, 0.24, 1e-9);
  EXPECT_NEAR(by_technology["SAMI600"] / china, 0.104, 1e-9);
  EXPECT_NEAR(by_technology["AP40"] / china, 0.72, 1e-9);
}

// The electricity part of the scope 1 + 2 emissions (total minus the CBAM-boundary direct emissions)
// of China's smelters on captive coal, production-weighted, against Wood Mackenzie's 12.36 t CO2e per
// tonne of aluminium from coal-fired power in 2020 ([Wood Mackenzie 2021 China coal]). The model's figure
// is the cell model's SEC x the coal plant factor of data/emissions/power.toml (IPCC 94.6 t CO2/TJ at an
// estimated 35 % efficiency): 13.28 t/t, +7.4 %. 15 %: the issue's tolerance for emissions intensity.
TEST(fleet_china, CaptiveCoalElectricityEmissionsWithinFifteenPercentOfWoodMackenzie2020) {
  const auto& b = backtest();
  double q = 0, e = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    const auto& s = b.c.model.smelters[i];
    if (s.record.region != "china" || s.record.power_source != plant::PowerSource::kCaptiveCoal) continue;
    const auto& econ = b.r.smelters[i];
    q += b.r.production_kg_per_s[i];
    e += b.r.production_kg_per_s[i] * (econ.total_co2e_kg_per_kg - econ.direct_co2e_kg_per_kg);
  }
  ASSERT_GT(q, 0.0);
  EXPECT_NEAR(e / q, 12.36, 0.15 * 12.36);
}

// Known miss, asserted as it stands so a change shows: world smelting scope 1 + 2 intensity against
// the IAI's 2018 figure, 823 Mt CO2e over 64.3 Mt = 12.80 t CO2e/t ([IAI B2DS dataset 2021]): 10.86
// t/t (-15.2 %), just outside the issue's 15 %. With China's power mix alone 10.98 (-14.2 %); China's
// below-300 kA lines at the tiered tariff's 13.65 kWh/kg instead of A697's 15.0 take 0.12 t/t off again;
// before both 9.84 (-23 %). For another year (2018 vs the 2024 case): docs/validation.md.
TEST(fleet_china, KnownMissWorldScopeOneTwoIntensityJustBelowTheIai2018Figure) {
  const auto& b = backtest();
  const double intensity = b.r.emissions_kg_co2e_per_s / b.r.production_total_kg_per_s;  // kg/kg = t/t
  EXPECT_LT(intensity, 0.85 * 12.80);  // the miss
  EXPECT_GT(intensity, 0.80 * 12.80);
}

// China's production-weighted SEC (AC) in the 2024 case against the IAI's 12,875 kWh/t of 2015 ([Fastmarkets
// IAI China SEC 2015]): 13,408 (+4.1 %) with the below-300 kA lines on CN-PB240 (13,645, +6.0 %, with
// A697). Loosely: nine years apart (China's cells have grown since, which lowers its 2024 figure) and
// the IAI's boundary is not stated; 5 %, the tolerance of the SEC rows of docs/validation.md.
TEST(fleet_china, ChinaSecWithinFivePercentOfTheIai2015Figure) {
  EXPECT_NEAR(potline::testing::region_sec_ac_kWh_per_t(backtest(), "china"), 12875, 0.05 * 12875);
}

// CN-PB240, the catalogue's class for China's lines below 300 kA, calibrated to the tiered tariff's
// threshold (13.65 kWh/kg AC, [China aluminium tiered tariff 2022]) at an estimated 92 % current
// efficiency: the calibrated ACD lies in the plausible 3-6 cm. A check at the calibration point (the SEC
// is the input), of the plausibility of the class's estimated design, not a validation.
TEST(fleet_china, BelowThreeHundredKaClassCalibratesToAPlausibleCell) {
  const auto& b = backtest();
  bool found = false;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (b.c.model.smelters[i].technology != "CN-PB240") continue;
    found = true;
    EXPECT_NEAR(b.r.smelters[i].sec_ac_J_per_kg / 3.6e6, 13.65, 1e-3) << b.c.model.smelters[i].record.id;
  }
  EXPECT_TRUE(found);
  const auto& catalogue = potline::testing::shipped_catalogue();
  const cell::Technology* t = catalogue.find("CN-PB240");
  ASSERT_NE(t, nullptr);
  core::Diagnostics d;
  const auto c = cell::technology_case(*t, catalogue, d);
  ASSERT_TRUE(c.has_value()) << d.to_string();
  ASSERT_TRUE(c->calibration.has_value());
  ASSERT_TRUE(c->calibration->acd_m.has_value());
  EXPECT_GE(*c->calibration->acd_m, cell::kPlausibleAcdMin_m);
  EXPECT_LE(*c->calibration->acd_m, cell::kPlausibleAcdMax_m);
  EXPECT_TRUE(c->calibration->plausible());
}

// The captive coal plant's CO2 factor (data/emissions/power.toml: IPCC 94.6 t CO2/TJ of coal at an
// estimated 35 % net efficiency, 0.973 t/MWh) lies within China's national ETS benchmarks for coal
// units, 0.877 (above 300 MW) to 0.979 t CO2/MWh (below 300 MW) ([China ETS benchmarks 2020]). A
// consistency check of an estimate against allocation benchmarks, not a measurement.
TEST(fleet_china, CaptiveCoalFactorWithinChinasEtsCoalBenchmarks) {
  const auto& coal = potline::testing::shipped_emission_data().coal;
  ASSERT_GT(coal.efficiency, 0.0);
  const double t_per_MWh = coal.fuel_co2_kg_per_J / coal.efficiency * 3.6e9 / 1e3;
  EXPECT_GE(t_per_MWh, 0.877);
  EXPECT_LE(t_per_MWh, 0.979);
}

// The split rule on a small fleet of 10: named rows on captive coal (2) and hydro (1), a captive-coal
// aggregate (1, split by technology only) and a grid aggregate (6). Technology: the named rows (3, priced
// with the class's AP40) leave 0.5 x 10 - 3 = 2 of the aggregates' 7 to "big", 5 to "old". Power (50 %
// captive coal, 20 % hydro, 30 % grid): the grid aggregate takes (5 - 3) / 6 captive coal, (2 - 1) / 6
// hydro, 3 / 6 grid, in each technology part.
TEST(fleet_china, PowerMixSplitsOnlyTheGridAggregates) {
  core::Diagnostics d;
  fleet::TechnologyClasses classes = china_class_with_power(
      "[[class.power_mix]]\npower_source = \"captive_coal\"\nshare = 0.5\nsource = \"s\"\n"
      "[[class.power_mix]]\npower_source = \"hydro\"\nshare = 0.2\nsource = \"s\"\n"
      "[[class.power_mix]]\npower_source = \"grid\"\nshare = 0.3\nsource = \"s\"\n",
      d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::vector<fleet::SmelterRecord> rows = {china_row("coal", 2, plant::PowerSource::kCaptiveCoal, false),
                                            china_row("hydro", 1, plant::PowerSource::kHydro, false),
                                            china_row("agg-coal", 1, plant::PowerSource::kCaptiveCoal, true),
                                            china_row("agg", 6, plant::PowerSource::kGrid, true)};
  classes.split_mixed_rows(rows, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::map<std::string, const fleet::SmelterRecord*> by_id;
  for (const auto& r : rows) by_id[r.id] = &r;
  EXPECT_EQ(rows.size(), 2u + 2u + 2u * 3u);
  ASSERT_TRUE(by_id.count("agg-coal@big"));
  EXPECT_EQ(by_id["agg-coal@big"]->power_source, plant::PowerSource::kCaptiveCoal);
  for (const auto& [part, technology_share] : std::map<std::string, double>{{"big", 2.0 / 7}, {"old", 5.0 / 7}}) {
    const double kg_per_s = 6 * technology_share;
    EXPECT_NEAR(by_id.at("agg@" + part + "@captive_coal")->capacity_kg_per_s, kg_per_s * 2.0 / 6, 1e-12);
    EXPECT_NEAR(by_id.at("agg@" + part + "@hydro")->capacity_kg_per_s, kg_per_s * 1.0 / 6, 1e-12);
    EXPECT_NEAR(by_id.at("agg@" + part + "@grid")->capacity_kg_per_s, kg_per_s * 3.0 / 6, 1e-12);
    EXPECT_EQ(by_id.at("agg@" + part + "@hydro")->power_source, plant::PowerSource::kHydro);
    EXPECT_EQ(by_id.at("agg@" + part + "@captive_coal")->power_source, plant::PowerSource::kCaptiveCoal);
  }
  const auto* split = classes.split_row("agg@old@hydro");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->parent_id, "agg");
  ASSERT_TRUE(split->power_part.has_value());
  EXPECT_EQ(*split->power_part, 1u);
  EXPECT_NEAR(split->aggregate_share, 5.0 / 7 / 6, 1e-12);
}

// A bad power mix: an unknown source, a duplicate, shares that do not add up to 1, a part without a
// source, a power mix without a technology mix; each reported with the file and its reason.
TEST(fleet_china, BadPowerMixIsAnInputErrorWithItsReason) {
  core::Diagnostics d;
  china_class_with_power("[[class.power_mix]]\npower_source = \"coal\"\nshare = 0.5\n"
                         "[[class.power_mix]]\npower_source = \"hydro\"\nshare = 0.2\nsource = \"s\"\n"
                         "[[class.power_mix]]\npower_source = \"hydro\"\nshare = 0.2\nsource = \"s\"\n",
                         d);
  std::string s = d.to_string();
  EXPECT_NE(s.find("unknown power_source 'coal'"), std::string::npos) << s;
  EXPECT_NE(s.find("duplicate power source 'hydro'"), std::string::npos) << s;
  EXPECT_NE(s.find("add up to 0.9, not 1"), std::string::npos) << s;
  EXPECT_NE(s.find("required: the published basis of the power source's share"), std::string::npos) << s;
  EXPECT_NE(s.find("classes.toml:"), std::string::npos) << s;

  core::Diagnostics d2;
  fleet::TechnologyClasses::parse(
      "[[class]]\nid = \"c\"\ntechnology = \"AP40\"\nregions = [\"china\"]\nbasis = \"b\"\n"
      "[[class.power_mix]]\npower_source = \"grid\"\nshare = 1.0\nsource = \"s\"\n",
      "classes.toml", {"AP40"}, {"china"}, d2);
  EXPECT_NE(d2.to_string().find("has a power mix but no technology mix"), std::string::npos) << d2.to_string();
}

// Named rows that hold more of a source than its share, and named rows on a source the mix does not
// list: errors naming the class, the source and the shares.
TEST(fleet_china, NamedRowsBeyondThePowerMixAreAnInputError) {
  core::Diagnostics d;
  fleet::TechnologyClasses classes = china_class_with_power(
      "[[class.power_mix]]\npower_source = \"hydro\"\nshare = 0.1\nsource = \"s\"\n"
      "[[class.power_mix]]\npower_source = \"grid\"\nshare = 0.9\nsource = \"s\"\n",
      d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::vector<fleet::SmelterRecord> rows = {china_row("hydro", 3, plant::PowerSource::kHydro, false),
                                            china_row("gas", 1, plant::PowerSource::kCaptiveGas, false),
                                            china_row("agg", 6, plant::PowerSource::kGrid, true)};
  classes.split_mixed_rows(rows, d);
  const std::string s = d.to_string();
  EXPECT_NE(s.find("power source 'hydro': the other rows already hold 30.0 %"), std::string::npos) << s;
  EXPECT_NE(s.find("10.0 % of the operating capacity is on a power source the power mix does not list"), std::string::npos)
      << s;
}
}  // namespace test_fleet_china

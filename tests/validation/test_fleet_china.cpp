// China in the 2024 backtest (examples/world-2024.toml): the power sources of its capacity
// (data/fleet-technology-classes.toml, class 'china', [[class.power_mix]]) and the emissions that
// follow from them, against published figures. Every comparison is a row of docs/validation.md.
//
// Independent figures: the electricity emissions of Chinese coal-powered smelting in 2020 ([Wood
// Mackenzie 2021 China coal], 12.36 t CO2e/t); the world's smelting scope 1 + 2 and direct intensities
// of 2018 ([IAI B2DS dataset 2021], 12.80 and 2.38 t CO2e/t) and CRU's direct of 2020 ([CRU 2021
// direct], 1.96); the EU's default direct value for China ([EU 2025/2621]); China's SEC of 2015
// ([Fastmarkets IAI China SEC 2015]); the CNIA's CO2 of China's electrolytic aluminium in 2023 ([Argus
// 2024 China low-carbon aluminium], 420 Mt, over [NBS 2023 aluminium] 41.59 Mt). The shares of the power
// mix are inputs (captive 45 % and grid 42 %, estimates from the CNIA's 2023 renewable share; Yunnan's
// 13 % of 2024 capacity), so the test of the shares checks the split, not the shares. China's PFC has
// two bases (fleet.china_pfc, data/fleet-anode-effects.toml): the IAI's world average (the default, the
// basis of the IAI's own totals) and the top-down estimate from China's atmospheric CF4 (an upper bound);
// the emission comparisons are asserted on both, so that neither basis hides a miss.
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

/// The same 2024 case with China's PFC on the top-down basis (fleet.china_pfc = top_down).
const Backtest& backtest_top_down() {
  static const Backtest solved = potline::testing::solve_fleet_2024({"fleet.china_pfc=top_down"});
  return solved;
}

/// Production-weighted direct (CBAM boundary: anode CO2, PFC, on-site fuel; no electricity, captive
/// or bought) intensity, t CO2e/t, of the rows in `region` (empty: the world).
double direct_t_per_t(const Backtest& b, const std::string& region = {}) {
  double q = 0, e = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (!region.empty() && b.c.model.smelters[i].record.region != region) continue;
    q += b.r.production_kg_per_s[i];
    e += b.r.production_kg_per_s[i] * b.r.smelters[i].direct_co2e_kg_per_kg;
  }
  EXPECT_GT(q, 0.0) << region;
  return q > 0 ? e / q : 0.0;
}

/// Production-weighted scope 1 + 2 intensity, t CO2e/t, of the rows in `region`.
double scope_one_two_t_per_t(const Backtest& b, const std::string& region) {
  double q = 0, e = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (b.c.model.smelters[i].record.region != region) continue;
    q += b.r.production_kg_per_s[i];
    e += b.r.production_kg_per_s[i] * b.r.smelters[i].total_co2e_kg_per_kg;
  }
  EXPECT_GT(q, 0.0) << region;
  return q > 0 ? e / q : 0.0;
}

/// World scope 1 + 2 intensity, t CO2e/t.
double scope_one_two_t_per_t(const Backtest& b) { return b.r.emissions_kg_co2e_per_s / b.r.production_total_kg_per_s; }

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

// China's operating capacity in the 2024 case holds the power mix's shares (captive coal 45 %, hydro
// 13 %, grid 42 %; 50 / 13 / 37 with the 2022 grid factors and 65 / 13 / 22 earlier on 2026-12-05) while its total (43.53 Mt/yr, [SMM Dec 2024]) and its technology shares stay; the
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
  EXPECT_NEAR(by_source[plant::PowerSource::kCaptiveCoal] / china, 0.45, 1e-9);
  EXPECT_NEAR(by_source[plant::PowerSource::kHydro] / china, 0.13, 1e-9);
  EXPECT_NEAR(by_source[plant::PowerSource::kGrid] / china, 0.42, 1e-9);
  EXPECT_NEAR(by_technology["SAMI600"] / china, 0.104, 1e-9);
  EXPECT_NEAR(by_technology["AP40"] / china, 0.72, 1e-9);
}

// The electricity part of the scope 1 + 2 emissions (total minus the CBAM-boundary direct emissions)
// of China's smelters on captive coal, production-weighted, against Wood Mackenzie's 12.36 t CO2e per
// tonne of aluminium from coal-fired power in 2020 ([Wood Mackenzie 2021 China coal]). The model's figure
// is the cell model's SEC x the coal plant factor of data/emissions/power.toml (IPCC 94.6 t CO2/TJ at an
// estimated 35 % efficiency): 13.04 t/t, +5.5 % (13.28, +7.4 %, with A697 for the below-300 kA
// lines). 15 %: the issue's tolerance for emissions intensity.
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

// World smelting scope 1 + 2 intensity against the IAI's 2018 figure, 823 Mt CO2e over 64.3 Mt = 12.80 t
// CO2e/t ([IAI B2DS dataset 2021]). Known miss on both bases of China's PFC, asserted as it stands so a
// change shows: 9.45 t/t on the IAI basis (-26.2 %), 10.19 on the top-down basis (-20.4 %) with China's
// 2023 grid factor and the captive share estimated on it (45 %; 9.48 and 10.22 with the 2022 factor and
// 50 %, 10.02 and 10.77, -21.7 and -15.9 %, with Ember's 65 % of 2020; 9.56 and 10.30 before South
// Africa's Eskom factor and Mozal's hydro). The gap is mostly
// electricity: the IAI's electricity-related part is 10.42 t/t (670 Mt), the model's 7.42 (the power mix of China's 2024 fleet, with Yunnan's hydro and the grid's renewables,
// against the IAI's 2018 mix, about 85 % coal in China by [Ember 2020 aluminium coal]'s reading of the
// IAI's 2019 data). Not like for like: the IAI's figure uses life-cycle electricity factors (CO2, CH4,
// N2O and upstream, [IAI GHG intensity boundary]) and is of 2018; the world scope 1 + 2 comparison is
// CRU's (E1, test_fleet_backtest_2024.cpp). Where the gap sits: docs/validation.md, E6.
TEST(fleet_china, KnownMissWorldScopeOneTwoIntensityBelowTheIai2018FigureOnBothPfcBases) {
  const double iai_basis = scope_one_two_t_per_t(backtest());
  EXPECT_LT(iai_basis, 0.85 * 12.80);  // the miss
  EXPECT_GT(iai_basis, 0.70 * 12.80);
  const double top_down = scope_one_two_t_per_t(backtest_top_down());
  EXPECT_LT(top_down, 0.85 * 12.80);  // the miss
  EXPECT_GT(top_down, 0.75 * 12.80);
}

// World smelting direct (non-electricity) intensity against the IAI's 2018 figure, 153 Mt / 64.3 Mt =
// 2.38 t CO2e/t ([IAI B2DS dataset 2021]), like-for-like in PFC: the IAI's totals carry the industry's
// own (bottom-up) PFC, so China's PFC is on the IAI basis here (the default; the IAI's 2016 world
// average over every technology, 0.38 t CO2e/t in AR4, standing for the IAI's China figure, which was
// not readable). Model 2.03 t/t: -14.8 %, inside the issue's 15 % by 0.2 points, a marginal pass that
// rests on that estimate (the IAI basis was chosen as the issue's stated basis, not for this test).
// CRU's 2020 world average on its boundary (anode making, electrolysis with PFC, casting fuel; [CRU
// 2021 direct], a CRU model estimate): 1.96, +3.5 %.
TEST(fleet_china, WorldDirectIntensityWithinFifteenPercentOfTheIai2018AndCru2020FiguresOnTheIaiPfcBasis) {
  const double world = direct_t_per_t(backtest());
  EXPECT_NEAR(world, 2.38, 0.15 * 2.38);
  EXPECT_NEAR(world, 1.96, 0.15 * 1.96);
}

// Known miss on the top-down basis, asserted as it stands: with China's PFC from its atmospheric CF4
// ([An et al. 2024], 1.57 t CO2e/t, an upper bound: every Chinese CF4 source counted as aluminium)
// the world's direct intensity is 2.77 t/t, +16 % on the IAI's 2.38 and +41 % on CRU's 1.96; China
// (60 % of the output at 3.34 t/t) carries the gap; outside China 1.92 on either basis.
TEST(fleet_china, KnownMissWorldDirectIntensityAboveTheIaiAndCruFiguresOnTheTopDownPfcBasis) {
  const double world = direct_t_per_t(backtest_top_down());
  EXPECT_GT(world, 1.15 * 2.38);  // the miss
  EXPECT_LT(world, 1.25 * 2.38);
  EXPECT_GT(world, 1.15 * 1.96);
  EXPECT_LT(world, 1.50 * 1.96);
}

// China's direct intensity against the EU's default value for China (CN 7601, route K, before the
// mark-up; [EU 2025/2621] Annex I via [CBAM Annex I transcription]), 3.0 t CO2e/t: a generic value set
// by the Commission, not a measurement. On the top-down basis 3.34 (+11 %, within 15 %); on the IAI
// basis 2.10 (-30 %), a known miss asserted as it stands: the EU value leaves about 1.2 t CO2e/t of
// PFC above China's anode CO2 and fuel in the model, between the two bases (0.34 and 1.57).
TEST(fleet_china, ChinaDirectIntensityAgainstTheEuDefaultWithinFifteenPercentOnlyOnTheTopDownPfcBasis) {
  const double top_down = direct_t_per_t(backtest_top_down(), "china");
  EXPECT_NEAR(top_down, 3.0, 0.15 * 3.0);
  const double iai_basis = direct_t_per_t(backtest(), "china");
  EXPECT_LT(iai_basis, 0.85 * 3.0);  // the miss
  EXPECT_GT(iai_basis, 0.65 * 3.0);
}

// China's and the world's primary aluminium intensity as a World Economic Forum / Accenture article
// gives them, "according to the latest figures, which cover the 2005 to 2019 period": 12.7 t per t in
// China against a world average of 10.3 ([WEF Accenture 2022]; the source of the figures, presumably
// the IAI's, and their boundary are not stated, and "carbon" is taken as CO2e). Loosely: 2019 against
// the 2024 case (China has moved capacity to Yunnan's hydro since). On both bases of China's PFC the
// model lies within 15 %: China 11.25 (-11.5 %) on the IAI basis, 12.49 (-1.7 %) top-down; the world
// 9.45 (-8.3 %) and 10.19 (-1.1 %) (China 12.16 and 13.40, the world 10.02 and 10.77, with the captive
// share of 2020). The comparison does not tell the bases apart.
TEST(fleet_china, ChinaAndWorldScopeOneTwoWithinFifteenPercentOfTheWefAccenture2019FiguresOnBothPfcBases) {
  for (const Backtest* b : {&backtest(), &backtest_top_down()}) {
    EXPECT_NEAR(scope_one_two_t_per_t(*b, "china"), 12.7, 0.15 * 12.7);
    EXPECT_NEAR(scope_one_two_t_per_t(*b), 10.3, 0.15 * 10.3);
  }
}

// China's scope 1 + 2 intensity against the CNIA's CO2 of China's electrolytic aluminium in 2023, 420 Mt
// ([Argus 2024 China low-carbon aluminium], CNIA data; its boundary, presumably electrolysis with its
// electricity, and whether PFC is counted, not stated in the text read) over China's 2023 output of
// 41.59 Mt ([NBS 2023 aluminium]) = 10.10 t/t. On the IAI basis of China's PFC 11.25 (+11.4 %, within
// 15 %); on the top-down basis 12.49 (+24 %), a known miss asserted as it stands. Not independent of the
// power-mix input in its origin: the captive share (45 %) is estimated from the CNIA's renewable share
// of 2023 in the same release, though not from this figure; with Ember's 65 % of 2020 the model was 12.16
// (+20 %, a miss) on the IAI basis. 2023 against the 2024 case.
TEST(fleet_china, ChinaScopeOneTwoWithinFifteenPercentOfTheCnia2023FigureOnlyOnTheIaiPfcBasis) {
  const double cnia = 420.0 / 41.59;
  EXPECT_NEAR(scope_one_two_t_per_t(backtest(), "china"), cnia, 0.15 * cnia);
  const double top_down = scope_one_two_t_per_t(backtest_top_down(), "china");
  EXPECT_GT(top_down, 1.15 * cnia);  // the miss
  EXPECT_LT(top_down, 1.30 * cnia);
}

// China's scope 1 + 2 intensity against the two largest producers' own figures for electrolytic
// aluminium in 2024: China Hongqiao 10.33 t CO2e/t (scope 1 with its captive plants + scope 2, [Hongqiao
// ESG 2024]) and Chalco 10.5 t CO2/t ([Chalco ESG 2024]; 11.25 in 2023). Loosely: company mixes, not
// China's (Hongqiao's Shandong captive coal with its Yunnan hydro, Chalco's grid, captive and Yunnan
// Aluminium's hydro), and their accounting rules (likely China's ETS guideline's) not read. On the IAI
// basis of China's PFC the model's 11.25 is +8.9 % and +7.1 % (within 15 %); on the top-down basis
// 12.49, +21 % and +19 %, a known miss asserted as it stands. With the captive share of 2020 (65 %) the
// model was 12.16 on the IAI basis: +18 % and +16 %, both misses. Neither figure enters the captive
// estimate (the CNIA's renewable share does); Hongqiao's was read before the share was changed, Chalco's
// after.
TEST(fleet_china, ChinaScopeOneTwoWithinFifteenPercentOfHongqiaoAndChalco2024OnlyOnTheIaiPfcBasis) {
  const double model = scope_one_two_t_per_t(backtest(), "china");
  EXPECT_NEAR(model, 10.33, 0.15 * 10.33);
  EXPECT_NEAR(model, 10.5, 0.15 * 10.5);
  const double top_down = scope_one_two_t_per_t(backtest_top_down(), "china");
  EXPECT_GT(top_down, 1.15 * 10.5);  // the miss
  EXPECT_LT(top_down, 1.30 * 10.33);
}

// Outside China the two bases give the same smelters the same emissions, and production is the same
// (PFC carries no cost in the 2024 case): the basis moves China's PFC and nothing else.
TEST(fleet_china, ThePfcBasisMovesOnlyChinasEmissions) {
  const auto& a = backtest();
  const auto& b = backtest_top_down();
  ASSERT_EQ(a.c.model.smelters.size(), b.c.model.smelters.size());
  for (std::size_t i = 0; i < a.c.model.smelters.size(); ++i) {
    EXPECT_NEAR(a.r.production_kg_per_s[i], b.r.production_kg_per_s[i], 1e-9) << a.c.model.smelters[i].record.id;
    if (a.c.model.smelters[i].record.region == "china") continue;
    EXPECT_EQ(a.r.smelters[i].direct_co2e_kg_per_kg, b.r.smelters[i].direct_co2e_kg_per_kg) << a.c.model.smelters[i].record.id;
  }
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

// The same factor against China's fossil-power average of the MEE, 0.8325 t CO2/MWh in 2022 ([MEE 2022
// grid factors]) and 0.8273 in 2023 ([MEE 2023 grid factors]): the national average over every fossil
// unit, supercritical, ultra-supercritical and gas included, so a subcritical captive fleet
// ([Ember 2021 China aluminium captive]) should lie above it; the estimate is 18 % above the 2023
// figure. A consistency check of an estimate, not a measurement of the captive plants.
TEST(fleet_china, CaptiveCoalFactorAboveChinasFossilPowerAverageOf2022And2023) {
  const auto& coal = potline::testing::shipped_emission_data().coal;
  ASSERT_GT(coal.efficiency, 0.0);
  const double t_per_MWh = coal.fuel_co2_kg_per_J / coal.efficiency * 3.6e9 / 1e3;
  EXPECT_GT(t_per_MWh, 0.8325);
  EXPECT_GT(t_per_MWh, 0.8273);
  EXPECT_LT(t_per_MWh, 1.25 * 0.8273);  // not beyond a plausible subcritical margin
}

// Bookkeeping, not a validation: the grid aggregates' parts take the MEE's 2023 national factor without
// market-traded non-fossil power, 0.6096 t CO2/MWh ([MEE 2023 grid factors]; +4.1 % on 2022's 0.5856, the
// 2024 case's until 2026-12-05; the all-inclusive average fell, 0.5366 -> 0.5306), the latest year
// published and the year of the CNIA renewable share the power mix is estimated from (the grid part's
// share follows from the same factor: 0.42, with 2022's 0.37). The named provincial rows keep their
// 2022 factors (the provinces' 2023 factors were not in the copies read).
TEST(fleet_china, ChinasGridAggregatesTakeTheMee2023NationalFactor) {
  const auto& b = backtest();
  bool found = false;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    const auto& s = b.c.model.smelters[i];
    if (s.record.region != "china" || s.record.power_source != plant::PowerSource::kGrid) continue;
    if (s.record.id.rfind("cn-agg-", 0) != 0) continue;  // the aggregates take the national factor
    const auto& econ = b.r.smelters[i];
    const double scope2 = econ.total_co2e_kg_per_kg - econ.direct_co2e_kg_per_kg;
    EXPECT_NEAR(scope2 / (econ.sec_ac_J_per_kg / 3.6e6), 0.6096, 1e-3) << s.record.id;
    found = true;
  }
  EXPECT_TRUE(found);
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

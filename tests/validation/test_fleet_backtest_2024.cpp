// The 2024 backtest (examples/world-2024.toml) against published 2024 figures. Every comparison here
// is listed in docs/validation.md with its source, tolerance and result; comparisons the model does
// not meet are listed there with the reason, not asserted here.
//
// Independent figures: world and regional primary output 2024 ([IAI 2024]; Africa, South America and
// Oceania from the IAI's 2025 figures and their change, [PRIME IAI 2025], [TASS IAI 2025]); China's operating
// capacity at end-2024 ([SMM Dec 2024]); the 2024 average LME price ([EGA 2024]); which plants ran in 2024 (company reports, cited per plant below).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "potline/plant/emissions.hpp"
#include "../common/fleet_2024_case.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_backtest_2024 {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kLme2024_usd_per_t = 2392;                 // [EGA 2024]

using Backtest = potline::testing::Fleet2024;

const Backtest& backtest() { return potline::testing::fleet_2024_case(); }

double region_production_Mt(const std::string& id) {
  const auto& b = backtest();
  const int i = b.c.model.regions.index_of(id);
  EXPECT_GE(i, 0) << id;
  return i < 0 ? 0.0 : b.r.production_by_region_kg_per_s[static_cast<std::size_t>(i)] * kToMt;
}

double region_price(const std::string& id) {
  const auto& b = backtest();
  const int i = b.c.model.regions.index_of(id);
  return i < 0 ? 0.0 : b.r.price_usd_per_kg[static_cast<std::size_t>(i)] * 1e3;
}

/// Production of smelter `id` in kt/yr, or -1 when the 2024 case does not include it.
double smelter_kt(const std::string& id) {
  const auto& b = backtest();
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (b.c.model.smelters[i].record.id == id) return b.r.production_kg_per_s[i] * kToMt * 1e3;
  }
  return -1;
}

}  // namespace

// World demand is set to world output (data/fleet-regions.toml, stocks assumed unchanged) at the
// 2024 LME, so this only checks that the fleet serves it at about that price: a consistency check,
// not an independent validation. Since the demand elasticity (2026-12-06) 72.64 Mt (-0.2 %); 72.41
// Mt (-0.5 %) since the EU ETS of 2024 is charged (T8-2: Alro stops); 72.66 Mt (-0.1 %) since each
// region's curve passes through its demand at its observed 2024 price, LME + premium (T12-11:
// Alro runs 235.6 kt again, Portland its turndown band).
TEST(fleet_backtest_2024, WorldProductionServesTheCalibratedDemand) {
  EXPECT_NEAR(backtest().r.production_total_kg_per_s * kToMt, 72.76, 0.05 * 72.76);  // [IAI 2024]
}

// China's output follows from its operating capacity ([SMM Dec 2024], 43.53 Mt/yr) and demand;
// independent of the IAI output figure it is compared with (43.38 Mt, [IAI 2024]).
TEST(fleet_backtest_2024, ChinaProductionWithinFivePercentOfIai) {
  EXPECT_NEAR(region_production_Mt("china"), 43.38, 0.05 * 43.38);
  // The 45 Mt/yr cap does not bind in 2024: China runs below it.
  EXPECT_LT(region_production_Mt("china"), 45.0);
}

// IAI's GCC: 6.26 Mt in 2024 ([IAI 2024]). Not independent for Bahrain and the UAE: the Alba and EGA
// rows hold those companies' 2024 output ([Alba 2024], [EGA 2024]); Qatalum, Sohar and Ma'aden hold
// nameplates (data/smelters.csv).
TEST(fleet_backtest_2024, GccProductionWithinFivePercentOfIai) {
  EXPECT_NEAR(region_production_Mt("gcc"), 6.26, 0.05 * 6.26);
}

/// 2024 production of the given countries (ISO3) in Mt.
double countries_production_Mt(const std::vector<std::string>& countries) {
  const auto& b = backtest();
  double kg_per_s = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    const std::string& country = b.c.model.smelters[i].record.country;
    if (std::find(countries.begin(), countries.end(), country) != countries.end()) kg_per_s += b.r.production_kg_per_s[i];
  }
  return kg_per_s * kToMt;
}

// IAI's regions count only the countries whose producers report to the IAI; a country marked with an
// asterisk in the region's list ([IAI production regions]) is in the separate "Estimated Unreported"
// line (the IAI's 2019 regions add up to 61.89 Mt of its 63.69 Mt world total, [PRIME IAI 2019]).
//
// "Russia & Eastern Europe": 4.17 Mt in 2024 ([IAI 2024]); its only reporting country with a
// smelter in 2024 is Russia (Romania, Bosnia, Croatia, Hungary and Poland are starred; Montenegro,
// Slovakia and Slovenia reported until 2023). Russia: 4.16 Mt (-0.3 %) since 2026-12-05, when the
// Boguchany row left Rusal's output: Rusal reports the BEMO smelter (a 50:50 joint venture) apart
// from its own output ([Rusal AR 2020]: 290 kt in 2020; its smelters' 3,801 kt of rated capacity at
// 98 % match its 2020 output of 3,755 kt, [Rusal 2020 output], only without Boguchany), so Rusal's
// 3.99 Mt ([Rusal 2024]) is split over its ten other smelters and Boguchany holds its own last
// published output (an estimate for 2024). 3.87 Mt (-7.1 %, a known miss) before. Independent of
// the IAI figure: no Russian row was set from it. Romania (Alro) is starred: outside the IAI's
// figure, so Russia alone is the like-for-like sum. With Alro: 4.26 Mt (+2.2 %) since Alro's line
// current inferred from its cells (120 kA, the `old` class, C1 2,652 -> 2,756 USD/t; 2026-12-06),
// which leaves it 101.8 kt at Europe's margin; 4.39 Mt (+5.3 %) before, since South America's
// dated 2024 state (Alumar's restart ramp and CBA at 80 %, data/fleet-pipeline.toml, 2026-12-05
// evening) left Europe's marginal plant, Alro, to run 235.6 kt (its 2024 output: 248 kt, [Alro AR
// 2024]); 4.18 Mt (+0.2 %) with the 20.4 kt it ran before (37.1 for a while on 2026-12-05, between the
// region file's European and Oceanian labour costs; 72.4 kt, 4.23 Mt, before Norway's current
// capacities; stopped, 4.16 Mt, earlier that day; 4.25 Mt, +2.0 %, before Germany's dated part).
// Since the EU ETS of 2024 is charged on EU and EEA smelters (user trial 8, T8-2, 2026-12-06) Alro's C1,
// 2,756 + 45 USD/t of ETS, lies over Europe's price (2,483) and it stops: 4.16 Mt with Alro.
// The sum with Alro is asserted as it stands (not the IAI's boundary).
TEST(fleet_backtest_2024, RussiaAndEasternEuropeWithinFivePercentOfIai) {
  const double russia = countries_production_Mt({"RUS"});
  EXPECT_NEAR(russia, 4.17, 0.05 * 4.17);
  // 4.219 since the fine demand blocks (2026-12-06, T9-11: Alro 59.7 kt, the elastic demand meets
  // its step finer); 4.261 with the coarse blocks. 4.160 since the EU ETS of 2024 (T8-2: Alro stops).
  // 4.395 (+5.4 %, outside the IAI's boundary) since the demand is anchored at each region's observed
  // 2024 price (T12-11): Alro runs its potlines' 95 %, 235.6 kt, at Europe's 2,541 USD/t.
  EXPECT_NEAR(countries_production_Mt({"RUS", "ROU"}), 4.395, 0.01);
}

// "Western & Central Europe": 2.83 Mt in 2024 (IAI data, [Alcircle European aluminium 2024]). Its
// reporting countries with a smelter in the dataset ([IAI production regions]): France, Germany,
// Greece, Iceland, Norway, Spain, Sweden (the Netherlands and the UK are starred). 2.96 Mt (+4.6 %,
// within 5 %) since 2026-12-05, but NOT because the region's output is right. Aluminium of Greece,
// which ran at full capacity in 2024 (Metlen "maintained full capacity in Europe", [Metlen S&P
// 2025]), is stopped on the cost of its own gas plant (96.6 USD/MWh, data/fleet-power.toml: Europe's
// 2024 gas price, the unit's published efficiency and the 2024 EUA price; Greece's compensation of
// indirect emission costs not counted), and Alro (Romania, outside this region, still on the
// European grid estimate of 70 USD/MWh, its own 2024 price not found) runs what Europe's marginal
// plant runs, 20.4 kt. With Greece cheaper than Alro it would be Greece's part and the region at
// 2.98 Mt (+5.3 %, a fail). Norway's rows hold Hydro Sunndal's and Alcoa Mosjoen's current
// capacities, 400 and 200 kt/yr ([Hydro Sunndal], [Alcoa Mosjoen 2022]; 360 and 188 before: region
// 2.91 Mt, +2.8 %, and Alro 72.4 kt); with Hydro's 2021 figure for Sunndal, 450 kt/yr ([Hydro
// Sunndal 2021]), the region is at 3.00 Mt (+6.0 %, a fail) and Europe's price falls to 2,376.
// Europe's output (3.03 Mt) is set by its demand and the import cost at the marginal plant's price.
// Earlier that day: 2.98 Mt (+5.3 %) with Greece running and Alro stopped; 2.88 Mt (+1.8 %) before
// Germany ran its dated part. Since the AP18 rows are the `ap18` class (CN-PB240's 13.65 kWh/kg for
// the `old` class's 15.0; user trial 16, T16-10, 2026-12-07) Saint-Jean-de-Maurienne runs all of its
// 145 kt (137.75, its turndown band idle, before): 2.974 Mt, +5.07 %, a miss by a tenth of a point
// even with the Greek plant stopped. Asserted as it stands; not tuned.
TEST(fleet_backtest_2024, KnownMissWesternAndCentralEuropeJustAboveIaiEvenWithAluminiumOfGreeceStopped) {
  const double wce = countries_production_Mt({"FRA", "DEU", "GRC", "ISL", "NOR", "ESP", "SWE"});
  EXPECT_GT(wce, 1.05 * 2.83);  // the miss
  EXPECT_NEAR(wce, 2.974, 0.001);
  EXPECT_NEAR(smelter_kt("eu-st-jean-de-maurienne"), 145.0, 0.5);
  EXPECT_NEAR(countries_production_Mt({"DEU"}), 0.2347, 0.005);
  EXPECT_EQ(smelter_kt("eu-aluminium-of-greece"), 0.0);  // ran in 2024: running, the miss would be larger
  // The region file's sourced 2024 labour costs (2026-12-05) lowered Alro's C1 from 2,694 to 2,652
  // USD/t (Europe's loaded wage 90,000 -> 73,200 USD/yr, [Eurostat labour costs 2024]) and Europe's
  // price with it (2,414 -> 2,372); Alro ran 37.1 kt until Oceania's (100,000 -> 76,400 USD/yr,
  // [ABS AWE Nov 2024]) let Tiwai Point run all of its 335 kt (318 before) and took those 16.7 kt
  // back: 20.4 kt, as before both. Since South America's dated 2024 state (Alumar's restart ramp,
  // CBA at 80 %; 2026-12-05 evening) takes 0.22 Mt out of the 2024 case, Alro runs 235.6 kt (its own
  // 2024 output 248 kt, [Alro AR 2024]) and Kubal all of its 120.7 kt (114.7 before): the region
  // 2.966 Mt. Since Alro's line current inferred from its cells (120 kA: the `old` class, 15.00
  // kWh/kg AC for 13.51, C1 2,652 -> 2,756 USD/t; 2026-12-06) the elastic demand takes less of its
  // metal: 101.8 kt (the region unchanged, 2.960 Mt). Not tuned: measured consequences.
  // 59.7 kt since the fine demand blocks (0.1 %, 2026-12-06, T9-11); 101.8 with the coarse ones.
  // Since the EU ETS of 2024 is charged (T8-2: 45 USD/t on its 2.104 t/t direct emissions above
  // 1.464) it stopped; since the demand is anchored at each region's observed 2024 price (T12-11)
  // Europe's price is 2,541 USD/t and Alro runs 95 % of its 248 kt/yr (its potlines' segment at C1
  // 2,801 less the 280 USD/t restart cost a stop would bring). The region (without Romania) unchanged.
  EXPECT_NEAR(smelter_kt("eu-alro-slatina"), 235.6, 0.5);
}

// Germany: Trimet's Essen, Hamburg and Voerde ran in part in 2024 (cells restarted from early 2024,
// [Recycling Magazin 2025]); the dated status gives each its 2024 mean (99.2, 81.1 and 54.4 kt/yr:
// 40 % at the start of 2024 after the cuts of 2021-23, a linear ramp to full capacity by mid-2025,
// estimates from the published dates), and on the German price (the 2024 day-ahead average less the
// electricity price compensation, plus the reduced grid fee, levies and tax: 40.9 USD/MWh, each part
// sourced or labelled in data/fleet-regions.toml) each runs all of it: C1 2,361 USD/t against Europe's
// 2,372 (2,414 before 2026-12-05's labour costs). Germany's 2024 national output is not published (2023: 190 kt, [Aluminium Deutschland
// 2023]); the model's 234.7 kt is Trimet's dated part, not a comparison with a published figure.
TEST(fleet_backtest_2024, GermanPlantsRunTheirDated2024Part) {
  EXPECT_NEAR(smelter_kt("eu-trimet-essen"), 99.18, 0.5);
  EXPECT_NEAR(smelter_kt("eu-trimet-hamburg"), 81.15, 0.5);
  EXPECT_NEAR(smelter_kt("eu-trimet-voerde"), 54.39, 0.5);
  EXPECT_LT(smelter_kt("eu-rheinwerk"), 0.0);  // idle since 2023: not in the case
}

// Iceland (2026-12-05): bookkeeping of published 2024 outputs, not a validation (the rows take them).
// Landsvirkjun curtailed its large customers from 19 January (Nordural, ISAL) and February
// (Fjardaal) to 7 May 2024 for low reservoirs ([mbl Landsvirkjun 2023], [Landsvirkjun curtailments
// 2024]); the sizes are not published, the outputs are: Nordural 308,335 t ([Nordural 2024]),
// Fjardaal 340,826 t ([Fjardaal 2024]), each a dated 2024 curtailment in data/fleet-pipeline.toml.
// ISAL's row holds Rio Tinto's 212 kt/yr of primary metal ([Rio Tinto ISAL review 2020]; 230 before,
// the cast product with its alloying additions); its 2024 output was not found. Iceland 0.894 ->
// 0.861 Mt; the 32.9 kt go to Europe's marginal running plant, Aluminium of Greece (39.5 -> 72.4 kt),
// so W&C Europe did not move (2.98 Mt; since Greece's own gas cost, test above, it is Alro that runs).
TEST(fleet_backtest_2024, IcelandicSmeltersRunTheirPublished2024Output) {
  EXPECT_NEAR(smelter_kt("eu-nordural"), 308.335, 0.01);
  EXPECT_NEAR(smelter_kt("eu-fjardaal"), 340.826, 0.01);
  EXPECT_NEAR(smelter_kt("eu-isal"), 212.0, 0.01);
  EXPECT_NEAR(countries_production_Mt({"ISL"}), 0.8612, 0.0005);
}

// Europe as one region, as the IAI reports its 2025 figures ([PRIME IAI 2025], inferred from the
// report): 2024 = 2.83 + 4.17 = 7.00 Mt. Model 7.12 Mt (+1.7 %) with Norway's current capacities and
// Aluminium of Greece stopped on its own gas plant's cost (2026-12-05; 7.07 Mt before Norway's; 7.14 Mt, +2.0 %, with Germany's dated part and Greece
// running; 7.04 Mt before it, 6.85 before the Boguchany correction, when the Russian miss, -0.30 Mt,
// and Western Europe, +0.14 Mt, offset). Romania's Alro, which runs in Greece's place, is not in this
// sum.
TEST(fleet_backtest_2024, EuropeIncludingRussiaReportingCountriesWithinFivePercentOfIai) {
  EXPECT_NEAR(countries_production_Mt({"FRA", "DEU", "GRC", "ISL", "NOR", "ESP", "SWE", "RUS"}), 7.00, 0.05 * 7.00);
}

// "Asia (ex China)": 4.81 Mt in 2024 ([IAI 2024]). Its reporting countries ([IAI production regions])
// are India, Indonesia, Kazakhstan and Turkey; Azerbaijan, Iran, Japan, Malaysia, North Korea and
// Tajikistan are starred (Estimated Unreported). Not independent for India's Vedanta rows (their
// capacities match its FY24 output, docs/data.md).
TEST(fleet_backtest_2024, AsiaExChinaReportingCountriesWithinFivePercentOfIai) {
  EXPECT_NEAR(countries_production_Mt({"IND", "IDN", "KAZ", "TUR"}), 4.81, 0.05 * 4.81);
}

// China's production-weighted SEC (AC) with its technology mix (data/fleet-technology-classes.toml:
// 600 kA 10.4 %, 300-500 kA 72 %, below 300 kA 17.6 %) against China's comprehensive AC power
// consumption of aluminium ingot, 13,599 kWh/t in 2016 ([Aluminium China 2016 energy]); 5 %. Eight
// years apart (China's consumption has fallen since with larger cells), and not the same boundary (the
// ingot figure includes casting and auxiliaries, the model's the rectified cell power); independent of
// the mix's shares. The IAI's 12,875 kWh/t for China in 2015 ([Fastmarkets IAI China SEC 2015]) is
// asserted in test_fleet_china.cpp (+4.1 % since CN-PB240, 2026-12-05).
TEST(fleet_backtest_2024, ChinaSecWithinFivePercentOfThe2016IngotAcConsumption) {
  EXPECT_NEAR(potline::testing::region_sec_ac_kWh_per_t(backtest(), "china"), 13599, 0.05 * 13599);
}

// IAI's North America = Canada + USA: 3.98 Mt in 2024 ([IAI 2024]). 3.83 Mt (-3.6 %) since Warrick's
// dated 2024 state (2026-12-06); 3.98 before, when the US's +14 % hid Canada's low.
TEST(fleet_backtest_2024, NorthAmericaProductionWithinFivePercentOfIai) {
  EXPECT_NEAR(region_production_Mt("usa") + region_production_Mt("canada"), 3.98, 0.05 * 3.98);
}

// W26, a known miss asserted as it stands (user trial 7, T7-2): US output against the USGS monthly
// figures, 563 kt in January-October 2024 ([USGS monthly aluminum 2024]) x 12/10 = 0.676 Mt (an
// estimate of the year). The model's four US rows are each sourced: Warrick runs two of its five
// potlines, 107.4 kt/yr ([Alcoa Warrick restart 2017], [Alcoa Warrick curtailment 2022];
// data/fleet-pipeline.toml), not its 269 kt nameplate (0.762 Mt, +12.7 %, before 2026-12-06). With
// Warrick's third potline the rows would make 0.674 Mt; no restart of it was found. 0.601 Mt (-11.1
// %) since the demand elasticity (2026-12-06): Mount Holly and Sebree, the dearest US plants (C1
// 2,806 and 2,813 against the US price of 2,668 USD/t), run at the bottom of their turndown band
// (95 %); 0.620 (-8.3 %) with fixed demand.
TEST(fleet_backtest_2024, KnownMissUsProductionBelowUsgsWithWarrickOnTwoPotlines) {
  const double us = region_production_Mt("usa");
  EXPECT_LT(us, 0.95 * 0.676);  // the miss
  EXPECT_GT(us, 0.85 * 0.676);  // by less than 15 %
  EXPECT_NEAR(smelter_kt("us-warrick"), 107.4, 0.1);
}

// Africa, South America and Oceania in 2024, from the IAI's 2025 figures and their change on 2024
// ([PRIME IAI 2025]: Africa 1.62 Mt, +2.5 %; Oceania 1.88 Mt, +0.8 %; [TASS IAI 2025]: South America
// 1.5 Mt, +1.9 %): 2024 = 2025 / (1 + change), 1.580, 1.865 and 1.472 Mt. The rounding of the
// reported figures leaves Africa 1.576-1.586, Oceania 1.859-1.871 and South America 1.42-1.52 Mt
// (1.5 Mt has two digits). Each IAI region's reporting countries are the model region's
// ([IAI production regions]: Africa Cameroon, Egypt, Ghana, Mozambique, Nigeria, South Africa; South
// America Argentina, Brazil, Venezuela; Oceania Australia and New Zealand, the "Australia, New
// Zealand" of the report). No row was set from these figures.
TEST(fleet_backtest_2024, AfricaProductionWithinFivePercentOfIai) {
  EXPECT_NEAR(region_production_Mt("africa"), 1.580, 0.05 * 1.580);  // 1.630 Mt (+3.2 %) on 2026-12-05
}

// W25, a pass since 2026-12-07 (fleet19): the two Oceanian rows that did not run their nameplates in
// 2024 hold their published states as dated statuses (data/fleet-pipeline.toml): Portland at 75 % of
// its 358 kt/yr from 15 March 2023 ([Alcoa Portland 2023]; no restart found), 268.5 kt, and Tiwai
// Point's demand response, one third of the smelter from 1 August 2024 ([NZAS demand response 2024]),
// restarting on a linear ramp (an estimate) to April 2025: 7/12 x 335 + 2/12 x 223.3 + 3/12 x 251.6 =
// 295.4 kt. 1.875 Mt (+0.6 %); a known miss before, with both rows at their nameplates: 1.999 Mt
// (+7.2 %; Portland all of its 358 kt at Oceania's price since T12-11, Tomago 584.2 of its 590 since
// T16-10). Tomago, the marginal plant then, runs all of its 590 kt now. Not tuned.
TEST(fleet_backtest_2024, OceaniaWithinFivePercentOfIaiWithPortlandAndTiwaiPointAtTheirDated2024Rates) {
  const double oceania = region_production_Mt("oceania");
  EXPECT_NEAR(oceania, 1.865, 0.05 * 1.865);
  EXPECT_NEAR(oceania, 1.875, 0.002);
  EXPECT_NEAR(smelter_kt("oc-portland"), 268.5, 0.1);
  EXPECT_NEAR(smelter_kt("oc-tiwai-point"), (7 * 335.0 + 2 * 223.3 + 3 * 251.6) / 12, 0.2);
}

// A known miss, asserted as it stands: 1.589 Mt against 1.472 (+8.0 %; +4.5 % on the top of the
// rounding range, 1.52) since the demand elasticity (2026-12-06): South America's price, 2,378
// USD/t, is above Aluar's and Alumar's C1 (2,324), so they run all their dated capacity; 1.555
// (+5.6 %) with fixed demand, when the region's price was their C1. Since 2026-12-05 evening the
// 2024 case holds two Brazilian smelters' dated 2024 state (data/fleet-pipeline.toml): Alumar,
// restarting since 2022, at about 67 % from January and 322 kt/yr from October 2024 (about 125
// kt/yr still to restart, [SMM overseas aluminium 2024]; 305 kt in 2024 against its 447 kt row),
// CBA at about 80 % (364 of its 455 kt/yr, same source). 1.777 Mt (+21 %) before, with the rows'
// nameplates. The rest is not found: Albras and Aluar hold nameplates (their 2024 outputs not
// read); Aluar and Alumar run at the bottom of their turndown band (the region's price is their
// C1). Venezuela's Venalum, curtailed in the dataset, ran at about 20 % (same source), which would
// add to the model. Not tuned: the dated parts are the published rates.
TEST(fleet_backtest_2024, KnownMissSouthAmericaAboveIaiBecauseTheRowsHoldNameplates) {
  const double sa = region_production_Mt("south_america");
  EXPECT_GT(sa, 1.05 * 1.472);  // outside 5 %: the miss
  EXPECT_LT(sa, 1.05 * 1.52);   // within 5 % of the top of the rounding range
  EXPECT_NEAR(sa, 1.589, 0.01);  // as it stands on 2026-12-06 (1.555 with fixed demand; 1.777
                                 // before the dated 2024 state)
}

// W19 and W20: Europe's and rest of Asia's (Japan's) price against the 2024 LME + the region's
// published premium, 10 % (the tolerance). The annual premia are estimates with a published
// basis (data/fleet-regions.toml): Rotterdam duty-paid ≈ 300 USD/t (the mean of the year's start
// and end, [Platts EU P1020 outlook 2025]); the main-Japanese-port premium ≈ 143 (Q1 90, Q2
// 145-148, Q4 175; Q3 not found, between Q2 and Q4, [MJP Q1 2024], [MJP Q2 2024], [MJP Q1 2025];
// 155 with a Q1 of 130 before 2026-12-07, T13-8). The model's price is
// the marginal tonne's delivered cost, not an input. W19 passes since the demand elasticity
// (2026-12-06): Europe 2,447 USD/t, -9.1 % against 2,692 (a known miss at -11.9 %, 2,372, with
// fixed demand on 2026-12-05): the model's premium, 149 USD/t over the world price, is still only
// the freight and 3 % duty of the marginal import (docs/validation.md, note W19); the world price
// under it rose. W20: 2,368 USD/t, -7.0 % against 2,547 (-9.9 % before).
// Since T12-11 (2026-12-06 late) each region's demand curve passes through its 2024 demand at this
// very price, LME + the region's premium, so these comparisons are largely calibration points
// (docs/validation.md, note W15): Europe 2,541 USD/t (-5.6 %), rest of Asia 2,459 (-3.0 % against
// 2,535 since T13-8, 2026-12-07; -3.4 % against 2,547 before).
TEST(fleet_backtest_2024, EuropePriceWithinTenPercentOfLmePlusRotterdamPremium) {
  const double published = kLme2024_usd_per_t + 300.0;
  EXPECT_NEAR(region_price("europe"), published, 0.10 * published);
}

TEST(fleet_backtest_2024, RestOfAsiaPriceWithinTenPercentOfLmePlusJapanPremium) {
  EXPECT_NEAR(region_price("rest_of_asia"), kLme2024_usd_per_t + 143.0, 0.10 * (kLme2024_usd_per_t + 143.0));
}

// The LP prices are the delivered cost of the marginal tonne. The exporting regions' price (the
// lowest regional price) and the consumption-weighted mean are compared with the 2024 LME average;
// 10 % is the tolerance (the LME moved between about 2,150 and 2,700 USD/t during 2024).
// Partly calibration points: the demand curves pass through the 2024 demand at the LME + each
// region's premium (T12-11; China's premium 0). World 2,389 (-0.1 %), mean 2,489 (+4.1 %), China
// 2,469 (+3.2 %).
TEST(fleet_backtest_2024, WorldPriceWithinTenPercentOfLme2024) {
  const auto& r = backtest().r;
  double lowest = 1e300, weighted = 0, total = 0;
  for (std::size_t s = 0; s < r.price_usd_per_kg.size(); ++s) {
    lowest = std::min(lowest, r.price_usd_per_kg[s] * 1e3);
    weighted += r.price_usd_per_kg[s] * 1e3 * r.consumption_kg_per_s[s];
    total += r.consumption_kg_per_s[s];
  }
  EXPECT_NEAR(lowest, kLme2024_usd_per_t, 0.10 * kLme2024_usd_per_t);
  EXPECT_NEAR(weighted / total, kLme2024_usd_per_t, 0.10 * kLme2024_usd_per_t);
  EXPECT_NEAR(region_price("china"), kLme2024_usd_per_t, 0.10 * kLme2024_usd_per_t);
}

// The US price against LME + the Midwest premium (2,392 + ~430 USD/t, [SMU Midwest premium Jan
// 2024], the premium an estimate from it). The marginal US import pays the 10 % Section 232 tariff
// once the Australia-US lane carries its observed 2024 flow (82.4 kt, [Metalnomist US imports
// 2024]); without that input the model's US price is 2,561 USD/t (-9.2 %, within 10 % on main of
// 2026-12-05; 2,517, -10.8 %, a fail, before), but with 1.20 Mt of Australian metal in the US and
// every regional price moved (world 2,401): docs/validation.md. Partly a calibration point since
// T12-11: the US demand curve passes through the US 2024 demand at 2,822 USD/t; the model's US price
// 2,768 (-1.9 %), its premium over the world price 379 against the 430 published.
TEST(fleet_backtest_2024, UsPriceWithinTenPercentOfLmePlusMidwestPremium) {
  EXPECT_NEAR(region_price("usa"), kLme2024_usd_per_t + 430.0, 0.10 * (kLme2024_usd_per_t + 430.0));
}

// Smelters that produced metal in 2024, each with the report that says so; the 2024 case must run
// every one of them (production > 0). Exceptions are listed in docs/validation.md with the reason
// (Aluminium of Greece since its own gas plant's cost, 2026-12-05, below; Alro before it that day). Nordural and Lista run since the dataset holds their 2024 status
// (their later changes are dated events of data/fleet-pipeline.toml); Kubal on its SE2 price
// (data/fleet-regions.toml); Trimet's three German plants their dated part on Germany's price. The
// Rheinwerk, taken for a plant that ran in 2024 before 2026-12-05 (not asserted), was idle (next test).
TEST(fleet_backtest_2024, SmeltersThatRanIn2024Run) {
  std::map<std::string, std::string> ran = {
      // [Alcoa 10-K 2024]
      {"ca-baie-comeau", "Alcoa 10-K 2024"}, {"ca-becancour", "Alcoa 10-K 2024"},
      {"ca-deschambault", "Alcoa 10-K 2024"}, {"eu-fjardaal", "Alcoa 10-K 2024"}, {"eu-mosjoen", "Alcoa 10-K 2024"},
      {"oc-portland", "Alcoa 10-K 2024"}, {"us-massena-west", "Alcoa 10-K 2024"}, {"us-warrick", "Alcoa 10-K 2024"},
      {"sa-alumar", "Alcoa 10-K 2024"},
      // [Century 10-K 2024]
      {"us-mount-holly", "Century 10-K 2024"}, {"us-sebree", "Century 10-K 2024"},
      {"eu-nordural", "Century 10-K 2024"},
      // [Alcoa Lista 2022]: two of its three lines kept running after the 2022 curtailment (no
      // restart or further curtailment found for 2024)
      {"eu-lista", "Alcoa Lista 2022"},
      // [Rio Tinto AR 2024]
      {"ca-alma", "Rio Tinto AR 2024"}, {"ca-arvida", "Rio Tinto AR 2024"}, {"ca-grande-baie", "Rio Tinto AR 2024"},
      {"ca-laterriere", "Rio Tinto AR 2024"}, {"ca-kitimat", "Rio Tinto AR 2024"}, {"ca-alouette", "Rio Tinto AR 2024"},
      {"eu-isal", "Rio Tinto AR 2024"}, {"oc-tomago", "Rio Tinto AR 2024"}, {"oc-boyne", "Rio Tinto AR 2024"},
      {"oc-bell-bay", "Rio Tinto AR 2024"}, {"oc-tiwai-point", "Rio Tinto AR 2024"}, {"gcc-sohar", "Rio Tinto AR 2024"},
      // [Hydro AR 2024]
      {"eu-sunndal", "Hydro AR 2024"}, {"eu-sunndal-su3", "Hydro AR 2024"}, {"eu-husnes", "Hydro AR 2024"}, {"eu-karmoy", "Hydro AR 2024"},
      {"eu-ardal", "Hydro AR 2024"}, {"gcc-qatalum", "Hydro AR 2024"},
      {"sa-albras", "Hydro AR 2024"},
      // [Rusal AR 2024]
      {"ru-krasnoyarsk", "Rusal AR 2024"}, {"ru-bratsk", "Rusal AR 2024"}, {"ru-sayanogorsk", "Rusal AR 2024"},
      {"ru-khakas", "Rusal AR 2024"}, {"ru-irkutsk", "Rusal AR 2024"}, {"ru-irkutsk-5", "Rusal AR 2024"}, {"ru-taishet", "Rusal AR 2024"},
      {"ru-boguchany", "Rusal AR 2024"}, {"ru-novokuznetsk", "Rusal AR 2024"},
      {"eu-kubal", "Rusal AR 2024"},  // Rusal's 2024 output includes Kubal ([Rusal 2024])
      // [Recycling Magazin 2025]: cells restarted at all three from early 2024 (each runs the part
      // dated in data/fleet-pipeline.toml)
      {"eu-trimet-essen", "Recycling Magazin 2025"}, {"eu-trimet-hamburg", "Recycling Magazin 2025"},
      {"eu-trimet-voerde", "Recycling Magazin 2025"},
  };
  // Aluminium of Greece ran at full capacity in 2024 (Metlen "maintained full capacity in Europe",
  // [Metlen S&P 2025]) but is stopped in the case since 2026-12-05: on the cost of its own gas plant
  // (96.6 USD/MWh, data/fleet-power.toml) its C1 is 3,011 USD/t against Europe's price of 2,372, and
  // Alro, Europe's marginal plant on the European grid estimate, runs in its place (20.4 of its 248
  // kt since Norway's current capacities; 72.4 before). Alro was the stopped one earlier that day
  // (docs/validation.md, exceptions). Asserted as it stands. Alro ran in 2024 ([Alro AR 2024]) but
  // stops in the case since the EU ETS of 2024 is charged (T8-2; its C1 with the ETS, 2,801 USD/t,
  // over Europe's price, 2,483; the indirect-cost compensation and the ETS's allocation on historical
  // activity are not modelled): a known miss, asserted as it stood until T12-11. Since each region's
  // demand is anchored at its observed 2024 price (T12-11, 2026-12-06 late) Europe's price is 2,541
  // and Alro runs 235.6 kt ([Alro AR 2024]: 248 kt in 2024): it joins the list.
  EXPECT_EQ(smelter_kt("eu-aluminium-of-greece"), 0.0);
  ran.emplace("eu-alro-slatina", "Alro AR 2024");
  for (const auto& [id, source] : ran) {
    EXPECT_GT(smelter_kt(id), 0.0) << id << " ran in 2024 (" << source << ") but is curtailed in the 2024 case";
  }
}

// Smelters idle through 2024 are not in the 2024 case (status curtailed in data/smelters.csv).
TEST(fleet_backtest_2024, SmeltersIdleIn2024DoNotRun) {
  for (const char* id : {"us-hawesville",   // [Century 10-K 2024]: curtailed since June 2022
                         "eu-san-ciprian",  // [Alcoa 10-K 2024]: curtailed since January 2022
                         "eu-rheinwerk"})   // [Speira Rheinwerk 2023]: ramped down in H2 2023
  {
    EXPECT_LE(smelter_kt(id), 0.0) << id;
  }
}

/// Production-weighted direct (CBAM: no electricity) intensity of the smelters of `country`, t CO2e/t.
double country_direct_t_per_t(const std::string& country) {
  const auto& b = backtest();
  double q = 0, e = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (b.c.model.smelters[i].record.country != country) continue;
    q += b.r.production_kg_per_s[i];
    e += b.r.production_kg_per_s[i] * b.r.smelters[i].direct_co2e_kg_per_kg;
  }
  EXPECT_GT(q, 0.0) << country;
  return q > 0 ? e / q : 0.0;
}

// Scope 1 + 2 intensity of the world's primary aluminium: CRU's 2023 average, 10.5 t CO2e/t
// ([CRU 2023 scope 3]; an independent estimate from CRU's emissions model, for 2023, not 2024). 15 %:
// the tolerance for emissions intensity.
TEST(fleet_backtest_2024, WorldScopeOneTwoIntensityWithinFifteenPercentOfCru2023) {
  const auto& b = backtest();
  const double intensity = b.r.emissions_kg_co2e_per_s / b.r.production_total_kg_per_s;  // kg/kg = t/t
  EXPECT_NEAR(intensity, 10.5, 0.15 * 10.5);
}

// Share of the world's primary output powered by fossil-fuel captive plants (captive coal or gas):
// 49 % in 2021 (37 % in 2012) in a smelter-by-smelter inventory of 249 smelters and 280 captive
// units
// ([Tan et al. 2025], abstract). A check of the power-mix inputs (China's captive share is the E4
// estimate from the CNIA's 2023 renewable share; the rest company sources), not of a model result,
// and 2021 against 2024: China's output grew since mostly on Yunnan's hydro. Model 41.8 % (30.4 Mt;
// 49 % of 2021's 67.1 Mt is 32.9), -14.7 %, a marginal pass since China's captive share became the
// 45 % estimated on the MEE's 2023 grid factors (44.8 % with the 50 % of 2022's factors). 15 %: the
// issue's tolerance for emissions figures. A known miss by a hair since Warrick's dated 2024 state
// (2026-12-06): Warrick, on Alcoa's own coal plant, runs 107.4 instead of 269 kt/yr, and the share
// was 41.6 % (-15.05 %). A pass by a hair again since Alro's line current inferred from its cells
// (2026-12-06): Alro, on the grid, runs 101.8 kt for 235.6 and the world 72.51 Mt for 72.64, so the
// captive share is 41.70 % (-14.90 %); about 41.76 % since the EU ETS of 2024 stops Alro (T8-2).
// A known miss by a hair again since each region's demand is anchored at its observed 2024 price
// (T12-11, 2026-12-06 late): Alro (grid) runs 235.6 kt again and Portland (grid) its turndown band,
// 41.61 % (-15.07 %). Asserted as it stands; not a sign the inputs are right.
TEST(fleet_backtest_2024, KnownMissWorldCaptiveFossilShareJustOverFifteenPercentBelowTanEtAl2021) {
  const auto& b = backtest();
  double captive = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (plant::is_captive(b.c.model.smelters[i].record.power_source)) captive += b.r.production_kg_per_s[i];
  }
  const double share = captive / b.r.production_total_kg_per_s;
  EXPECT_LT(share, 0.85 * 0.49);  // the miss, as it stands (41.62 % since W25; 41.55 % before, 41.56 % before T16-10 and T17-13)
  EXPECT_GT(share, 0.84 * 0.49);  // by a hair
}

// Direct emissions per tonne (anode CO2, PFC and on-site fuel; the CBAM boundary, without captive
// power) of the UAE against the EU's default value for it (CN 7601, route K, before the mark-up;
// [EU 2025/2621] Annex I via [CBAM Annex I transcription]): 1.87 t CO2e/t. Independent of the model's
// inputs (the UAE's PFC comes from EGA's published 2017 figures, [EGA PFC 2017], not from the EU
// value). China's comparison with its EU value depends on the basis of its PFC: test_fleet_china.cpp.
TEST(fleet_backtest_2024, UaeDirectIntensityWithinFifteenPercentOfTheEuDefault) {
  EXPECT_NEAR(country_direct_t_per_t("ARE"), 1.87, 0.15 * 1.87);
}

// The same comparison for the countries that left IPCC 2006 Tier 1 PFC on 2026-12-04
// (data/fleet-anode-effects.toml): Russia on Rusal's published company PFC of 2018 ([Rusal SR 2018],
// 0.433 t CO2e/t; 5.76 t/t before, +167 %), Australia on the Australian Aluminium Council's national
// PFC (0.107 t CO2e/t of 2013, [AAC sustainability data 2013]; 0.14 of 2011 until 2026-12-05; 4.21 t/t
// before); Canada, Bahrain and India on the
// ESTIMATE for their legacy point-fed lines, the IAI's 2016 world average of 0.38 t CO2e/t over
// every technology ([EGA PFC 2017]; 2.91, 3.22, 2.54 before). EU defaults 2.16, 1.70, 1.96, 1.87,
// 1.87. None of these figures was chosen to meet the EU values (Brazil, the US, Argentina, New
// Zealand, South Africa and Mozambique still miss and are listed in docs/validation.md).
TEST(fleet_backtest_2024, PublishedPfcBringsRussiaAustraliaCanadaBahrainIndiaWithinFifteenPercentOfTheEuDefaults) {
  EXPECT_NEAR(country_direct_t_per_t("RUS"), 2.16, 0.15 * 2.16);
  EXPECT_NEAR(country_direct_t_per_t("AUS"), 1.70, 0.15 * 1.70);
  EXPECT_NEAR(country_direct_t_per_t("CAN"), 1.96, 0.15 * 1.96);
  EXPECT_NEAR(country_direct_t_per_t("BHR"), 1.87, 0.15 * 1.87);
  EXPECT_NEAR(country_direct_t_per_t("IND"), 1.87, 0.15 * 1.87);
}

/// examples/world-path-2035.toml's year 2024 (with `--set` style overrides), solved as `potline fleet`
/// solves a path's first year.
fleet::YearResult path_2024(const std::vector<std::string>& overrides) {
  core::Diagnostics d;
  std::vector<std::string> sets = overrides;
  sets.push_back("fleet.last_year=2024");
  const fleet::FleetCase path = fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                                                       cell::default_data_dir(), potline::testing::shipped_smelter_data(), d, sets);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  std::vector<fleet::YearResult> years = fleet::solve_years(path);
  EXPECT_EQ(years.size(), 1u);
  return years.empty() ? fleet::YearResult{} : std::move(years.front());
}

// examples/world-path-2035.toml's 2024 is the backtest's year: it holds the Australia-US lane at
// its observed 2024 flow in 2024 only ([[flow_limit]] until_year = 2024, 2026-12-05), and since the
// backtest took the path's demand elasticity (0.3, 2026-12-06) every regional price and output of
// its 2024 equals the backtest's (before, with the backtest's fixed demand, they differed by what
// the elasticity does: 2,298.3 against 2,243.5 USD/t). A consistency check of the two example
// files, not a validation. From 2025 the lane's 2024 flow no longer holds.
TEST(fleet_backtest_2024, PathExample2024EqualsTheBacktest) {
  const fleet::YearResult y = path_2024({});
  ASSERT_TRUE(y.r.feasible) << y.r.explanation;
  const auto& b = backtest();
  ASSERT_EQ(y.r.price_usd_per_kg.size(), b.r.price_usd_per_kg.size());
  EXPECT_NEAR(y.r.world_price_usd_per_kg * 1e3, b.r.world_price_usd_per_kg * 1e3, 0.5);
  for (std::size_t r = 0; r < b.r.price_usd_per_kg.size(); ++r) {
    const std::string& id = b.c.model.regions.regions[r].id;
    EXPECT_NEAR(y.r.price_usd_per_kg[r] * 1e3, b.r.price_usd_per_kg[r] * 1e3, 0.5) << id;
    EXPECT_NEAR(y.r.production_by_region_kg_per_s[r] * kToMt, b.r.production_by_region_kg_per_s[r] * kToMt, 0.0005) << id;
  }
  EXPECT_EQ(y.c.flow_limits.size(), 1u);  // the lane's 2024 flow
  core::Diagnostics d;
  const fleet::FleetCase path = fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                                                       cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  EXPECT_EQ(fleet::case_for_year(path, 2024, nullptr).flow_limits.size(), 1u);
  // 2025 holds only the EU's quota on Russian metal (275 kt, the path's own [[flow_limit]], T9-10).
  const auto limits_2025 = fleet::case_for_year(path, 2025, nullptr).flow_limits;
  ASSERT_EQ(limits_2025.size(), 1u);
  EXPECT_NEAR(limits_2025.front().max_kg_per_s * kToMt, 0.275, 1e-9);
  EXPECT_TRUE(fleet::case_for_year(path, 2026, nullptr).flow_limits.empty());
}

// Why the backtest's demand answers the price (issue 10, user trial 7, T7-2; docs/validation.md,
// note W15). With fixed demand (72.76 Mt, world output) the case runs 72.94 Mt/yr of operating
// capacity, 0.18 Mt/yr over demand, and the world price is the cost of whichever plant the last
// 0.18 Mt falls on: Warrick's dated 2024 state (two of five potlines, -161.6 kt/yr) moved it from
// 2,243.5 to 2,573.9 USD/t (+14.7 %). With the elasticity the same correction leaves it at 2,298.3
// (2,298.3 before it as well, in the path's 2024): the elastic consumption meets the supply at the
// same step. Since Alro's line current inferred from its cells (the `old` class, C1 2,756 USD/t for
// 2,652; 2026-12-06) 2,326.2 with the elasticity, 2,573.9 with fixed demand (unchanged). Since the
// EU ETS of 2024 is charged (T8-2) 2,342.2 and 2,624.0 with the coarse demand blocks, 2,332.9 and
// 2,624.0 with the fine ones (2026-12-06). Since each region's curve passes through its demand at
// its observed 2024 price, LME + premium (T12-11, 2026-12-06 late), 2,389.4 with the elasticity
// (2,332.9 with the curves at the LME, `market.demand_anchor = "lme"`); fixed demand has no anchor
// (2,624.0). Since TALCO runs its 80 kt/yr in force (user trial 16, T16-8, 2026-12-07) the operating
// capacity is 73.02 Mt/yr, 0.26 Mt/yr over demand: 2,379.9 with the elasticity, 2,430.2 with fixed
// demand (the last quarter megatonne now falls on a cheaper plant). Since the AP18 rows are the `ap18`
// class and Hillside and Mozal hold their 2024 capacities (user trials T16-10, T17-13, 2026-12-07):
// 73.03 Mt/yr, 2,376.5 with the elasticity and with fixed demand alike (Tomago, now at C1 2,396 in
// Oceania, is the marginal plant of both). Since Portland and Tiwai Point hold their dated 2024 states
// (W25, fleet19, 2026-12-07) the operating capacity is 72.90 Mt/yr, 0.14 Mt/yr over demand: 2,389.6
// with the elasticity, 2,623.9 with fixed demand (the last 0.14 Mt falls on a dearer plant again).
// Both asserted as measured, on the path's 2024 (= the backtest's).
TEST(fleet_backtest_2024, FixedDemandLeftTheWorldPriceToTheLastQuarterOfAMegatonne) {
  const fleet::YearResult fixed = path_2024({"market.demand_elasticity=0"});
  ASSERT_TRUE(fixed.r.feasible) << fixed.r.explanation;
  EXPECT_NEAR(fixed.r.world_price_usd_per_kg * 1e3, 2623.9, 3.0);
  // The same with the fine demand blocks (0.1 %, 2026-12-06, T9-11): a supply step sets it; 2,389.4
  // since the regional price anchor (T12-11), 2,379.9 since TALCO runs (T16-8), 2,376.5 since T16-10
  // and T17-13, 2,389.6 since W25's dated states.
  EXPECT_NEAR(backtest().r.world_price_usd_per_kg * 1e3, 2389.6, 3.0);
  double capacity = 0;
  for (const double c : backtest().r.capacity_by_region_kg_per_s) capacity += c;
  EXPECT_NEAR(capacity * kToMt - 72.76, 0.137, 0.01);  // the operating capacity over the 2024 demand
}

// The elasticity is an estimate (published evidence: short-run demand for metals price-inelastic,
// [Campbell & Vogely 1985], [Fernandez 2018]); the 2024 world price stays within 10 % of the 2024
// LME for any value from 0.05 to 0.3 (measured 2026-12-06 after Alro's inferred line current: 2,368
// USD/t at 0.05, 2,326 at 0.1, 0.2 and 0.3; before it 2,307 at 0.1, 2,294 at 0.2, 2,298 at 0.3), so
// the W15 verdict does not rest on the value chosen. Since the regional price anchor (T12-11): 2,430
// at 0.05, 2,409 at 0.1, 2,395 at 0.2, 2,389 at 0.3.
TEST(fleet_backtest_2024,
     WorldPriceWithinTenPercentOfLme2024ForElasticitiesFromFiveHundredthsToThreeTenths) {
  for (const char* e : {"0.05", "0.1", "0.2"}) {
    const fleet::YearResult y = path_2024({std::string("market.demand_elasticity=") + e});
    ASSERT_TRUE(y.r.feasible) << e << ": " << y.r.explanation;
    EXPECT_NEAR(y.r.world_price_usd_per_kg * 1e3, kLme2024_usd_per_t, 0.10 * kLme2024_usd_per_t)
        << e;
  }
  EXPECT_NEAR(backtest().r.world_price_usd_per_kg * 1e3, kLme2024_usd_per_t,
              0.10 * kLme2024_usd_per_t);
}

// W27, a known gap asserted as it stands: the 2024 case leaves out the rows curtailed in 2024
// (data/smelters.csv status; W22). Offered to the LP at their C1 plus the restart cost (the region
// file's [curtailment], 280 USD/t of capacity over one year) and, since 2026-12-06, after the
// restart's lead time (fleet.restart_lead_time, 0.75 yr: a quarter of their capacity in the year
// they restart), six of them restart in 2024 on their estimated power prices (25-40 USD/MWh), each
// at its quarter: Alscon (Nigeria, 48 of 193 kt), Valco (Ghana, 50 of 200), Shenhuo Yongcheng
// (China, 62.5 of 250), TALCO (Tajikistan, 129 of 517), Wenatchee (US, 46 of 184), Volkhov (Russia,
// 6 of 24): 0.342 Mt, none of which ran so in 2024 (their barriers, gas and power supply, are not
// costs the model has). Before the lead time four restarted in full, 0.96 Mt (TALCO 316 kt since
// Alro's inferred line current stops Alro here; 0.72 before that). The world price stays within
// 10 % of the LME (2,298 USD/t, -3.9 %; 2,235 before); Africa's output does not (1.73 Mt against
// 1.58; 2.02 before). San Ciprian and China's idle aggregate restart only from
// 2025 (data/fleet-pipeline.toml) and stay out either way. Since each region's demand is anchored at
// its observed 2024 price (T12-11, 2026-12-06 late) Magnitude 7's New Madrid (US) restarts too, 65.8
// kt: 0.408 Mt, world price 2,370 USD/t (-0.9 %), Africa 1.73 Mt. Since the stale curtailed rows were
// re-sourced (2026-12-07, user trial 14, T14-6; W43) Wenatchee is closed and Shenhuo Yongcheng and
// Volkhov of unknown status, so four restart: Alscon, Valco, TALCO and New Madrid, 0.293 Mt; world
// price and Africa unchanged (2,370 USD/t, 1.73 Mt). Since TALCO is an operating row at its 80 kt/yr
// in force (T16-8, 2026-12-07) three restart: Alscon, Valco and New Madrid, 0.164 Mt; world price and
// Africa unchanged (2,369.9 USD/t, 1.73 Mt).
TEST(fleet_backtest_2024, KnownGapIdleRowsOnEstimatedPowerPricesWouldRestartIn2024) {
  const fleet::YearResult y = path_2024({"fleet.include_status=[\"operating\",\"curtailed\"]"});
  ASSERT_TRUE(y.r.feasible) << y.r.explanation;
  double restarted = 0;
  for (std::size_t i = 0; i < y.c.model.smelters.size(); ++i) {
    const std::string& id = y.c.model.smelters[i].record.id;
    const double kt = y.r.production_kg_per_s[i] * kToMt * 1e3;
    if (id == "af-alscon" || id == "af-valco-tema") {
      EXPECT_GT(kt, 40.0) << id;  // the gap: they run
      EXPECT_LE(kt, 0.25 * y.r.smelters[i].capacity_kg_per_s * kToMt * 1e3 * (1 + 1e-9))
          << id;  // the lead time
    }
    if (y.c.model.smelters[i].record.status == fleet::Status::kCurtailed)
      restarted += y.r.production_kg_per_s[i] * kToMt;
  }
  EXPECT_NEAR(restarted, 0.164, 0.05);
  EXPECT_NEAR(y.r.world_price_usd_per_kg * 1e3, kLme2024_usd_per_t, 0.10 * kLme2024_usd_per_t);
}

}  // namespace test_fleet_backtest_2024

// Emissions intensity of the 2024 fleet case (examples/world-2024.toml) against figures that
// smelters, companies and national associations publish for their own plants (issue 10, parts 3
// and 7: "regional emissions intensity within 15 % of published figures"). Every comparison here is
// a row of docs/validation.md ("Emissions: company and national figures"), with its source in
// docs/references.md. None of these figures is an input of the model: the PFC inputs
// (data/fleet-anode-effects.toml) are other figures, named per test where they share a source.
//
// The EU's CBAM default values ([EU 2025/2621]) are generic, conservative values per country, not
// measurements; the comparisons with them that still miss are asserted here as they stand (so a
// change shows), next to the measured figures that replace them where one was found.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "potline/plant/smelter.hpp"
#include "../common/fleet_2024_case.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_company_emissions {

using namespace potline;

namespace {

using Case2024 = potline::testing::Fleet2024;

const Case2024& case_2024() { return potline::testing::fleet_2024_case(); }

enum class Scope { direct, scope_one_two };

double intensity(const fleet::SmelterEconomics& s, Scope scope) {
  return scope == Scope::direct ? s.direct_co2e_kg_per_kg : s.total_co2e_kg_per_kg;  // kg/kg = t/t
}

/// Production-weighted intensity (t CO2e/t) of the smelters that `pick` selects; 0 if none produce.
template <class Pick>
double weighted(Pick pick, Scope scope) {
  const auto& b = case_2024();
  double q = 0, e = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (!pick(b.c.model.smelters[i].record)) continue;
    q += b.r.production_kg_per_s[i];
    e += b.r.production_kg_per_s[i] * intensity(b.r.smelters[i], scope);
  }
  EXPECT_GT(q, 0.0);
  return q > 0 ? e / q : 0.0;
}

double smelters(const std::vector<std::string>& ids, Scope scope) {
  return weighted([&](const auto& rec) { return std::find(ids.begin(), ids.end(), rec.id) != ids.end(); }, scope);
}

double country(const std::string& iso3, Scope scope = Scope::direct) {
  return weighted([&](const auto& rec) { return rec.country == iso3; }, scope);
}

}  // namespace

// Tiwai Point (New Zealand's one smelter): NZAS's own figure for 2018, 2.04 t CO2-e per tonne of
// aluminium, "from the consumption of fuels ..., carbon anodes, electrical energy use and the
// generation of perfluorocarbon (PFC) gases" ([NZAS environmental performance 2018]). Its power is
// Manapouri hydro, so the figure is, within its electricity term, the smelter's direct intensity;
// the model's scope 1 + 2 and its direct intensity are the same for this hydro row (2.10, +3 %).
// The model's PFC here is the IAI 2016 world-average ESTIMATE of the legacy classes, not NZAS's
// own (not published in the source read). The EU default for New Zealand (1.70) is below NZAS's
// measured figure: the EU-default row (+24 %) misses, this one passes.
TEST(fleet_company_emissions, TiwaiPointWithinFifteenPercentOfTheNzasFigureFor2018) {
  EXPECT_NEAR(smelters({"oc-tiwai-point"}, Scope::direct), 2.04, 0.15 * 2.04);
  EXPECT_NEAR(smelters({"oc-tiwai-point"}, Scope::scope_one_two), 2.04, 0.15 * 2.04);
  EXPECT_NEAR(country("NZL"), 2.04, 0.15 * 2.04);
}

// Australia: the Australian Aluminium Council's direct (process) emissions of the country's
// smelters in 2011, "PFCs, carbon inputs, fuels", 1.87 t CO2-e per tonne ([AAC smelting 2011]);
// model 1.87 (0 %). And its sustainability data for 2013 ([AAC sustainability data 2013]): 2.85 Mt
// CO2-e from carbon, 0.19 Mt of PFCs and 0.23 Mt of other site-level emissions over 1.78 Mt of
// aluminium = 1.84 t CO2-e/t; model +2 %. NOT independent in its PFC part: the model's Australian PFC
// input is the 2013 figure's 0.19 Mt over 1.78 Mt (0.107 t/t; the 2011 figure's 0.14 until
// 2026-12-05), so what these check is the anode CO2 and fuel (≈ 1.73 published in both years
// against ≈ 1.76 in the model). Figures of 2011 and 2013 for the 2024 fleet.
TEST(fleet_company_emissions, AustraliaDirectWithinFifteenPercentOfTheAluminiumCouncilFigureFor2011) {
  EXPECT_NEAR(country("AUS"), 1.87, 0.15 * 1.87);
}

TEST(fleet_company_emissions, AustraliaDirectWithinFifteenPercentOfTheAluminiumCouncilFigureFor2013) {
  EXPECT_NEAR(country("AUS"), (2.85 + 0.19 + 0.23) / 1.78, 0.15 * (2.85 + 0.19 + 0.23) / 1.78);
}

// Canada (every smelter a member of the Aluminium Association of Canada: Alouette, Rio Tinto,
// Alcoa; hydro power, so scope 1 + 2 is the direct intensity): "two tonnes of CO2 per tonne of
// aluminium produced" in 2017 ([AAC sustainability 2017], a rounded figure in a press account of the
// association's report); model 1.90 (−5 %). The model's Canadian PFC is an ESTIMATE (the IAI world
// average on the four legacy lines, the modern-class AEM on the rest), not from this source. The
// EU default for Canada (1.96) is met as well (docs/validation.md).
TEST(fleet_company_emissions, CanadaWithinFifteenPercentOfTheAluminiumAssociationOfCanadaFigureFor2017) {
  EXPECT_NEAR(country("CAN"), 2.0, 0.15 * 2.0);
  EXPECT_NEAR(country("CAN", Scope::scope_one_two), 2.0, 0.15 * 2.0);
}

// Bookkeeping, not a validation: Aluminium of Greece takes the CF4 per tonne Mytilineos publishes
// for 2019, 0.06 kg CF4/t Al ([Mytilineos SDR 2019]), through the AEM that gives it under the IPCC
// 2019 PFPB_modern slope (0.577 x 0.104 = 0.0600), so its PFC is 0.436 t CO2e/t with AR5 GWPs and
// its direct intensity 2.20 (1.77 on the modern-class estimate before). The smelter's own intensity
// is read, not a production-weighted one: since 2026-12-05 (its own gas plant's cost) it does not run
// in the 2024 case (docs/validation.md, exceptions).
TEST(fleet_company_emissions, AluminiumOfGreeceTakesTheCf4MytilineosPublishes) {
  const auto& b = case_2024();
  const auto it = std::find_if(b.c.model.smelters.begin(), b.c.model.smelters.end(),
                               [](const auto& s) { return s.record.id == "eu-aluminium-of-greece"; });
  ASSERT_NE(it, b.c.model.smelters.end());
  EXPECT_NE(it->pfc_standard.find("published: Mytilineos 2019"), std::string::npos) << it->pfc_standard;
  const auto r = plant::evaluate(it->inputs);
  EXPECT_NEAR(r.emissions.cf4_kg_per_kg * 1000.0, 0.06, 0.0005);  // kg CF4 per t Al
  const auto i = static_cast<std::size_t>(it - b.c.model.smelters.begin());
  EXPECT_NEAR(b.r.smelters[i].direct_co2e_kg_per_kg, 2.20, 0.01);
}

// Norðurál Grundartangi (Iceland, Century): its 2024 report states scope 1 "under 2 tonnes of CO2
// equivalent per tonne produced" ([Nordural 2024 report]); model 1.89. A bound, not a value; the
// model's PFC for it derives from [McKenna 2022] (one-sixth of Sebree's), not from this report.
TEST(fleet_company_emissions, NorduralScopeOneBelowTheTwoTonnesNorduralPublishes) {
  const double model = smelters({"eu-nordural"}, Scope::direct);
  EXPECT_LT(model, 2.0);
  EXPECT_GT(model, 1.5);  // an anode-CO2 floor: the bound is not met by a smelter without emissions
}

// EGA (Jebel Ali and Al Taweelah, on their own gas-fired power stations): "In 2016, EGA's total greenhouse
// gas emissions, including power generation and desalination, were less than 8 tonnes carbon dioxide
// equivalent per tonne of aluminium" ([EGA emissions 2016]); model 7.79 scope 1 + 2 (the cell model's SEC
// x the captive gas factor at an estimated 45 % efficiency, plus EGA's own PFC and the anode and fuel
// CO2). A bound, not a value, from 2016 against 2024; EGA's figure also carries desalination.
TEST(fleet_company_emissions, EgaScopeOneTwoBelowTheEightTonnesEgaPublishedFor2016) {
  const double model = smelters({"gcc-ega-jebel-ali", "gcc-ega-al-taweelah", "gcc-ega-al-taweelah-3"}, Scope::scope_one_two);
  EXPECT_LT(model, 8.0);
  EXPECT_GT(model, 6.0);  // the gas power is in it: the bound is not met by leaving scope 2 out
}

// Known miss, asserted as it stands: Norðurál's green accounting for 2017 gives its footprint as
// 1.61 t CO2 per tonne of aluminium (1.65 in 2006), "close to the practical minimum achievable with
// our processes" ([Nordural green accounting 2017]); model 1.89, +18 %. The boundary is not stated
// on the page read (the model counts anode baking, ≈ 0.19 t/t, and casting fuel at the smelter);
// the model's PFC for it is derived from [McKenna 2022] (0.12 t/t with AR5), not from this figure.
// Neither is tuned. The 2024 report's "under 2" (test above) is met.
TEST(fleet_company_emissions, KnownMissNorduralAboveItsPublishedFootprintFor2017) {
  const double model = smelters({"eu-nordural"}, Scope::direct);
  EXPECT_GT(model, 1.15 * 1.61);  // the miss
  EXPECT_LT(model, 1.30 * 1.61);
}

// Aluminerie Alouette (Sept-Îles; AP30-class cells on Hydro-Québec power, own anode plant): "chaque
// tonne d'aluminium produite émet 1,84 tonne de CO2" in 2017, from 595,840 t of aluminium and
// "près de 1,12 million de tonnes de CO2" ([Alouette 2017 emissions], the company's figures as
// reported by Radio-Canada); model 1.77 direct (−4 %; hydro, so scope 1 + 2 alike). Independent of
// the model's PFC input for it, which is the modern-class AEM estimate (0.011 t CO2e/t).
TEST(fleet_company_emissions, AlouetteWithinFifteenPercentOfItsPublishedFigureFor2017) {
  EXPECT_NEAR(smelters({"ca-alouette"}, Scope::direct), 1.84, 0.15 * 1.84);
  EXPECT_NEAR(smelters({"ca-alouette"}, Scope::scope_one_two), 1.84, 0.15 * 1.84);
}

// Québec's register of large emitters (third-party-verified facility inventories), 2016, as
// tabulated by the Journal de Québec ([Quebec emitters 2016]): Aluminerie de Bécancour 805,726 t
// CO2e. The source gives no production; the dataset's 413 kt/yr capacity stands for it (ABI ran in
// full until its 2018 lockout): 1.95 t CO2e/t; model 2.10 (+8 %), its P155 lines on the IAI
// world-average PFC ESTIMATE. The same register's "ALCOA CANADA et filiales", 945,552 t CO2e (Baie-
// Comeau and Deschambault; ABI is listed apart), over the two smelters' 280 + 287 kt/yr: 1.67 t/t;
// model 2.10, +26 %: a miss, asserted as it stands (1.94, +16 %, until 2026-12-05, when
// Deschambault's cells became the catalogue's AP30, first run in 1986, whose PFC class is the
// legacy one at the IAI world average, where AP40's modern class gave it the modern-class AEM
// estimate); a production below those capacities would raise the published intensity and narrow the
// gap. Neither figure is an input.
TEST(fleet_company_emissions, BecancourWithinFifteenPercentOfItsRegisteredEmissionsFor2016) {
  EXPECT_NEAR(smelters({"ca-becancour"}, Scope::direct), 805726.0 / 413000.0, 0.15 * 805726.0 / 413000.0);
}

TEST(fleet_company_emissions, KnownMissAlcoaQuebecSmeltersAboveTheirRegisteredEmissionsFor2016) {
  const double published = 945552.0 / (280000.0 + 287000.0);
  const double model = smelters({"ca-baie-comeau", "ca-deschambault"}, Scope::direct);
  EXPECT_GT(model, 1.20 * published);  // the miss, at the dataset's capacities as outputs
  EXPECT_LT(model, 1.30 * published);
}

// Known miss, asserted as it stands: Hydro Sunndal (HAL275/HAL300 cells, own anode plant) produced
// 347,000 t of electrolysis metal in 2014 and "slapp ut over 520 000 tonn CO2" ([Sunndal 2014
// emissions]; the same article: "over 530 000 tonn CO2 i året"): 1.50–1.53 t/t; model 1.77, +16 to
// +18 %. Whether the newspaper's "CO2" includes Sunndal's PFC is not stated; the model's PFC for it
// is the modern-class estimate (0.011 t/t), so the gap is in anode, baking and fuel CO2 (≈ 1.76 in
// the model), as for [Hydro AR 2011] and [Nordural green accounting 2017]. Not tuned.
TEST(fleet_company_emissions, KnownMissSunndalAboveItsReportedCo2For2014) {
  const double model = smelters({"eu-sunndal", "eu-sunndal-su3"}, Scope::direct);
  EXPECT_GT(model, 1.15 * 520.0 / 347.0);  // the miss, against the lower published bound
  EXPECT_LT(model, 1.25 * 520.0 / 347.0);
}

// Known miss, asserted as it stands: Inalum (Kuala Tanjung, Indonesia's one smelter; prebake cells
// of 1982 on its own Asahan hydro, 99.31 % renewable energy in 2024) states "sekitar 2,5 kilogram
// CO₂ per kilogram aluminium", against a "global limit" of four kilograms ([Inalum 2025 emissions];
// the four-tonne low-carbon threshold is a scope 1 + 2 one); its EPD of 2025 on 2024 data gives
// 3.75 kg CO2e per kg of ingot for the core process (the smelter, its anode plant and casthouse)
// besides 7.83 upstream ([Inalum EPD 2025]). Model 2.10 (scope 1 + 2 = direct on hydro): −16 %
// against the first, −44 % against the second. The model's Inalum PFC is the IAI 2016 world-average
// ESTIMATE (0.34 t CO2e/t in AR5); both figures put Inalum above it (and above the EU default for
// Indonesia, 1.70, which the model misses at +24 %). Not tuned: neither figure separates PFC.
TEST(fleet_company_emissions, KnownMissInalumBelowItsPublishedFigures) {
  const double model = smelters({"as-inalum-kuala-tanjung"}, Scope::scope_one_two);
  EXPECT_LT(model, 0.85 * 2.5);  // the miss against the lower of the two figures
  EXPECT_GT(model, 0.75 * 2.5);
  EXPECT_LT(model, 0.60 * 3.75);
}

// Bookkeeping, not a validation: ISAL (Straumsvík) takes its own published PFC of 2008, 23 kg CO2e
// per tonne ([ISAL PFC 2008]; SAR assumed), through the AEM that reproduces it; the smelter model
// prices the same CF4 and C2F6 with AR5 (×≈1.04), and ISAL's direct intensity is 1.79 (2.10 on the
// IAI world-average estimate before).
TEST(fleet_company_emissions, IsalTakesThePfcAlcanIcelandPublishedFor2008) {
  const auto& b = case_2024();
  const auto it = std::find_if(b.c.model.smelters.begin(), b.c.model.smelters.end(),
                               [](const auto& s) { return s.record.id == "eu-isal"; });
  ASSERT_NE(it, b.c.model.smelters.end());
  EXPECT_NE(it->pfc_standard.find("published: ISAL"), std::string::npos) << it->pfc_standard;
  const auto r = plant::evaluate(it->inputs);
  EXPECT_NEAR(r.emissions.pfc_co2e, 0.023, 0.0025);  // t CO2e per t, AR5 against SAR's 0.023
  EXPECT_NEAR(smelters({"eu-isal"}, Scope::direct), 1.79, 0.01);
}

// Known miss, asserted as it stands: CBA (Aluminio, São Paulo; Söderberg cells on its own hydro
// plants) publishes 2.56 t CO2e per tonne of liquid aluminium for its electrolysis, scope 1 and 2,
// from its 2019 GHG Protocol inventory ([CBA inventory 2020]); model 2.10 (−18 %), its power at
// hydro's zero and its VSS PFC at the IAI 2016 world-average ESTIMATE (0.34 t CO2e/t in AR5). Not
// resolved: the source does not split the figure, so whether CBA's scope 2 counts Brazil's grid
// average (then its direct part is below 2.56) or its Söderberg PFC is above the world average
// (about 0.8 if scope 2 is near zero) cannot be told from it; neither is tuned.
TEST(fleet_company_emissions, KnownMissCbaScopeOneTwoBelowItsPublishedElectrolysisFigure) {
  const double model = smelters({"sa-cba"}, Scope::scope_one_two);
  EXPECT_LT(model, 0.85 * 2.56);  // the miss
  EXPECT_GT(model, 0.75 * 2.56);
}

// Known miss, asserted as it stands: Brazil's primary aluminium, scope 1 + 2, 3.512 t CO2e per tonne
// in 2015 from the sector's companies, the reduction process counting CO2, CF4 and C2F6
// ([ABAL sustentabilidade 2015]); model 2.29 (−35 %), of which 2.10 direct; Alumar on the SIN's 2023
// average factor, 0.0385 t/MWh ([MCTI SIN factor 2023]; 2.58, −27 %, on the region's estimated 0.10
// before 2026-12-05). The gap is most likely scope 2: the model gives Albras's and CBA's own or
// contracted hydro zero, a company reporting by location counts Brazil's grid average (how the
// figure counts it is not stated), and 2015 was a dry year with a SIN factor above 0.1. An earlier ABAL
// study's 2.6 ([ABAL GHG study 2010]; boundary not stated) is met (−0.3 %) but not asserted.
TEST(fleet_company_emissions, KnownMissBrazilScopeOneTwoBelowAbalsFigureFor2015) {
  const double model = country("BRA", Scope::scope_one_two);
  EXPECT_LT(model, 0.85 * 3.512);  // the miss
  EXPECT_GT(model, 0.60 * 3.512);
}

// Known miss, asserted as it stands: Hydro's specific direct emissions from primary production,
// 1.61 t CO2e per tonne in 2011 ([Hydro AR 2011]), against the model's Hydro-operated smelters of
// the 2024 case that Hydro consolidated then (Sunndal, Karmøy, Årdal, Husnes, Albras; not Qatalum,
// equity-accounted, nor the Karmøy pilot of 2018): 2.01, +25 % (2.02 before Sunndal's 400 kt/yr). The model's anode CO2 and fuel alone
// (≈ 1.76) exceed Hydro's total, so the gap is not only the IAI world-average PFC ESTIMATE on the
// four legacy lines (0.34 t CO2e/t in AR5). Caveats: a 2011 company figure whose consolidated set
// also held Høyanger, Neuss and Slovalco (not in the 2024 case).
TEST(fleet_company_emissions, KnownMissHydroSmeltersAboveHydrosPublishedDirectIntensityFor2011) {
  const double model = smelters({"eu-sunndal", "eu-sunndal-su3", "eu-karmoy", "eu-ardal", "eu-husnes", "sa-albras"}, Scope::direct);
  EXPECT_GT(model, 1.15 * 1.61);  // the miss
  EXPECT_LT(model, 1.35 * 1.61);
}

// Hillside's scope 1 + 2 intensity in FY24 (year to June 2024), derived from South32's published
// figures: about 59 % ([Business Day Hillside 2024]) of the company's 20.3 Mt CO2-e of operational
// scope 1 + 2 ([South32 FY24 annual reporting]) over Hillside's 720 kt (FY24 guidance after a record
// 540 kt in nine months, [South32 Mar 2024 quarterly]; the year's output itself not read) = 16.6 t
// CO2e/t (±0.14 for the share's rounding). An ESTIMATE from published figures, not a published
// intensity. Model 15.53 (-6.6 %) since Hillside's grid is Eskom's own factor, 1.02 t CO2 per MWh
// generated in 2013/14 ([Eskom IR 2014 factors]; a ZAF [[subregion]] of data/fleet-regions.toml); 12.56
// (-24.5 %, a miss) on the africa region's unsourced 0.80 before (2026-12-05). Eskom's 1.07 per MWh sold
// would give 16.2 (-2.6 %). The model's direct part (1.77, the modern-class AEM estimate) is not
// separable in South32's figure; the factor is a source's, not chosen for this row.
TEST(fleet_company_emissions, HillsideScopeOneTwoWithinFifteenPercentOfTheFigureSouth32sFy2024SharesGive) {
  const double published = 0.59 * 20.3e6 / 720e3;
  EXPECT_NEAR(smelters({"af-hillside"}, Scope::scope_one_two), published, 0.15 * published);
}

// Mozal's electricity: South32 "purchase[s] hydro-generated electricity for ... Mozal Aluminium"
// (through Eskom and Motraco, [South32 emissions and energy]) and counts Mozal among its low-carbon
// operations; Hillside carries 94 % of the company's scope 2 ([Alcircle Hillside 2025], a statement of
// early 2025). A bound from those figures, an ESTIMATE: Mozal's scope 2 is at most 6/94 of Hillside's,
// itself at most Hillside's FY24 scope 1 + 2 (0.59 x 20.3 Mt, above), over Mozal's FY24 output (237 kt
// in nine months, [South32 Mar 2024 quarterly], x 4/3 = 316 kt, an estimate): <= 2.4 t CO2/t. Mozal is
// a hydro row since 2026-12-05 (data/smelters.csv, the same South32 source): scope 2 zero by the model's
// convention for purchased hydro (the IAI's), within the bound; it was on the africa region's grid
// (0.80 t/MWh, an estimate) before, 10.8 t/t, a miss. The world's scope 1 + 2 -5.8 Mt CO2e with it; no
// production or price moves.
TEST(fleet_company_emissions, MozalScopeTwoWithinTheBoundSouth32sHydroSupplyGives) {
  const double bound = 6.0 / 94.0 * 0.59 * 20.3e6 / (237e3 * 4.0 / 3.0);
  const double scope2 = smelters({"af-mozal"}, Scope::scope_one_two) - smelters({"af-mozal"}, Scope::direct);
  EXPECT_GE(scope2, 0.0);
  EXPECT_LE(scope2, bound);
}

// Known miss, asserted as it stands: Australia's smelting scope 1 + 2 of 2013, 26.6 Mt CO2-e over 1.78 Mt
// = 14.9 t CO2-e/t ([AAC sustainability data 2013]; scope 2 23.3 Mt, 13.1 t/t, over 26,337 GWh: 0.885
// t CO2/MWh on average, Bell Bay's hydro included). Model 11.08 (-25.6 %) for the 2024 fleet: Tomago,
// Boyne and Portland on their states' scope 2 factors of [NGA Factors 2024] (NSW 0.66, QLD 0.71, VIC
// 0.77 t CO2-e/MWh; state [[subregion]]s of data/fleet-regions.toml since 2026-12-05), Bell Bay on
// hydro. 10.39 (-30 %) on the oceania region's unsourced 0.65 before. The rest of the gap is the year:
// the eastern grids of 2013 burnt more coal than those of the 2024 factors (0.885 over all five
// smelters, more on the four grid-supplied ones), and Point Henry (closed 2014) ran in 2013. The
// model's direct part meets the same source's (C3). Nothing tuned.
TEST(fleet_company_emissions, KnownMissAustraliaScopeOneTwoBelowTheAluminiumCouncilFigureFor2013) {
  const double published = 26.6 / 1.78;
  const double model = country("AUS", Scope::scope_one_two);
  EXPECT_LT(model, 0.85 * published);  // the miss
  EXPECT_GT(model, 0.60 * published);
}

// The EU's CBAM default values (direct, CN 7601 route K, before the mark-up; [EU 2025/2621] via
// [CBAM Annex I transcription]) for the countries where the model still misses them. These are
// generic values, not measurements (1.70 is shared by fourteen countries). Asserted as they stand
// so a change shows; docs/validation.md gives the reasons. New Zealand's row misses the EU value
// (+24 %) but meets NZAS's measured figure above; Brazil's CBA misses its own published figure low.
TEST(fleet_company_emissions, KnownMissesAgainstTheEuDefaultValuesAsTheyStand) {
  const double us = country("USA");
  EXPECT_GT(us, 1.15 * 1.70);  // +31 %: Sebree's EPA-reported PFC and the legacy lines' IAI average
  EXPECT_LT(us, 1.45 * 1.70);
  for (const char* iso3 : {"BRA", "ARG", "NZL", "CMR", "IDN"}) {
    const double m = country(iso3);
    EXPECT_GT(m, 1.15 * 1.70) << iso3;  // +24 %: legacy classes at the IAI 2016 world average
    EXPECT_LT(m, 1.35 * 1.70) << iso3;
  }
  // South Africa no longer misses (−11 % since 2026-12-05: Hillside's AP30 cells, first run in 1986,
  // in the legacy PFC class at the IAI world average; −25 % before, at the modern-class AEM estimate
  // of AP40).
  const double za = country("ZAF");
  EXPECT_NEAR(za, 2.358, 0.15 * 2.358);
  const double mz = country("MOZ");
  EXPECT_LT(mz, 0.85 * 3.198);  // −34 %: Mozal likewise (AP30; −45 % before)
  EXPECT_GT(mz, 0.45 * 3.198);
}

// Bookkeeping, not a validation: the grid rows whose state or country has a published factor take it
// (data/fleet-regions.toml [[subregion]]s): scope 2 / SEC (AC) = the factor. Australia's states from
// [NGA Factors 2024], South Carolina's and Kentucky's eGRID subregions from [eGRID2022] (SRVC 622.987,
// SRTV 933.067 lb/MWh; the subregions checked against [eGRID subregion files]), Egypt's national factor of
// [Hurghada SECAP 2018], France's, Germany's and Sweden's of 2023 from [SDES climate key figures 2025],
// Brazil's SIN average of 2023 ([MCTI SIN factor 2023]), Turkey's ([ETKB electricity emission
// factors]), Romania's, Greece's and Iran's 2024 intensities of generation and Russia's (its region
// factor, Novokuznetsk) from [Ember yearly electricity data]; Aluar, a grid row with its own supply's
// factor (data/fleet-power.toml [[supply_emission_factor]], 0.204 from [El Diario Aluar 2022]), takes
// that one instead of Argentina's 0.345. It checks the code takes the input, nothing about the physics.
TEST(fleet_company_emissions, GridRowsTakeTheirStateOrCountryFactorBookkeeping) {
  const auto& b = case_2024();
  const std::vector<std::pair<std::string, double>> expected = {
      {"oc-tomago", 0.66},          {"oc-boyne", 0.71},          {"oc-portland", 0.77},
      {"us-mount-holly", 0.2826},   {"us-sebree", 0.4232},       {"af-egyptalum", 0.55},
      {"eu-dunkerque", 0.049},      {"eu-trimet-essen", 0.366},  {"eu-kubal", 0.027},
      {"eu-alro-slatina", 0.246},   {"sa-alumar", 0.0385},       {"as-eti-seydisehir", 0.439},
      {"eu-aluminium-of-greece", 0.320}, {"as-salco-lamerd", 0.649}, {"sa-aluar", 0.204},
      {"ru-novokuznetsk", 0.446}};
  for (const auto& [id, factor] : expected) {
    const auto it = std::find_if(b.c.model.smelters.begin(), b.c.model.smelters.end(),
                                 [&wanted = id](const auto& s) { return s.record.id == wanted; });
    ASSERT_NE(it, b.c.model.smelters.end()) << id;
    const auto& e = b.r.smelters[static_cast<std::size_t>(it - b.c.model.smelters.begin())];
    ASSERT_GT(e.sec_ac_J_per_kg, 0.0) << id;
    EXPECT_NEAR(e.indirect_co2e_kg_per_kg / (e.sec_ac_J_per_kg / 3.6e6), factor, 1e-3) << id;  // kg/kWh = t/MWh
  }
}

}  // namespace test_fleet_company_emissions

// Supply curves of added load for the largest smelter areas that had none (issue 10, part 6;
// data/power-supply.toml, 2026-12-05): Norway's price area NO2 (a slope from a published model
// result), Norway's other smelter provinces and Sweden's SE2 (an old Nordic system slope), Spain (a
// merit-order slope), Iceland, Sarawak, Irkutsk Oblast, South Africa, Mozambique, Sao Paulo, North
// Sumatra, Argentina, the UK, Iran, Egypt and Kazakhstan (zero rises, each with its reason). Each test states
// what the curve's basis says an added load does to the area's smelters and checks that the shipped
// fleet case does it. These check the data's bookkeeping against its documented basis, not the
// curves against independent price observations (none was found; docs/validation.md).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "../unit/fleet_fixtures.hpp"
#include "potline/fleet/power_supply.hpp"

namespace test_fleet_supply_curves {

using namespace potline;
using fleet::fixtures::kUsdPerMWh;
using fleet::fixtures::shipped_world;
using fleet::fixtures::smelter_of;

namespace {

constexpr double kW_per_GW = 1e9;

// The power price change of every smelter between two cases of the same dataset, USD/MWh.
std::map<std::string, double> rises(const fleet::FleetCase& base, const fleet::FleetCase& dc) {
  std::map<std::string, double> out;
  for (std::size_t i = 0; i < dc.model.smelters.size(); ++i) {
    out[dc.model.smelters[i].record.id] =
        (dc.model.smelters[i].base_power_usd_per_J - base.model.smelters[i].base_power_usd_per_J) / kUsdPerMWh;
  }
  return out;
}

bool names_curve(const fleet::FleetSmelter& s, const std::string& curve) {
  return s.power_origin.find("supply curve '" + curve + "'") != std::string::npos;
}

}  // namespace

// NO2: AFRY's 2.2 ore/kWh for the first 240 MW of Google's Skien data centre ([E24 AFRY Google NO2
// 2024]) at 10.75 NOK/USD = 2.05 USD/MWh at 0.24 GW, linear beyond (8.5 USD/MWh per GW). The curve is
// the grid price; the Norwegian smelters run on hydro under unpublished long-term contracts, so a
// load in Rogaland (Karmoy) or Agder (Lista) moves no smelter's price and names no curve on them.
TEST(fleet_supply_curves, AddedLoadInNorwayNo2MovesTheMarketPriceNotTheContractSmelters) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world(
      "[[added_load]]\nprovince = \"Rogaland\"\nload = \"1 GW\"\n"
      "[[added_load]]\nprovince = \"Agder\"\nload = \"0.5 GW\"\n",
      d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << id;
  for (const char* province : {"Rogaland", "Agder"}) {
    const fleet::SupplyCurve* no2 = dc.power_supply.curve_for({"", "", province});
    ASSERT_NE(no2, nullptr) << province;
    // Bookkeeping of the documented conversion: 22 NOK/MWh / 10.75 NOK/USD at 0.24 GW.
    EXPECT_NEAR(no2->rise_at(0.24 * kW_per_GW) / kUsdPerMWh, 22.0 / 10.75, 0.005) << province;
    EXPECT_NEAR(no2->rise_at(1.0 * kW_per_GW) / kUsdPerMWh, 2.05 / 0.24, 1e-9) << province;
    EXPECT_TRUE(no2->exposes(plant::PowerSource::kGrid));
    EXPECT_FALSE(no2->exposes(plant::PowerSource::kHydro));
  }
  for (const char* id : {"eu-karmoy", "eu-karmoy-pilot", "eu-lista", "eu-sunndal", "eu-sunndal-su3"}) {
    EXPECT_EQ(smelter_of(dc, id).power_origin.find("[[added_load]]"), std::string::npos) << id;
  }
}

// Norway outside NO2 (More og Romsdal in NO3: Sunndal; Nordland in NO4: Mosjoen; Vestland, across
// NO2 and NO5: Husnes, Ardal): the one Nordic slope read, an EMPS study's 0.2 eurocents/kWh per 10
// TWh/yr ([Nordic EMPS wind study]) = 1.90 USD/MWh per GW. A load there is accepted and moves no
// smelter (all on hydro contracts); the NO2 curve, a 2026 model result, is steeper than the old
// system slope, as the data's comment says (about 4.5 times).
TEST(fleet_supply_curves, AddedLoadInNorwayOutsideNo2IsAcceptedAndMovesNoSmelter) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world(
      "[[added_load]]\nprovince = \"Nordland\"\nload = \"1 GW\"\n"
      "[[added_load]]\nprovince = \"More og Romsdal\"\nload = \"1 GW\"\n"
      "[[added_load]]\nprovince = \"Vestland\"\nload = \"1 GW\"\n",
      d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << id;
  const fleet::SupplyCurve* no4 = dc.power_supply.curve_for({"", "", "Nordland"});
  const fleet::SupplyCurve* no2 = dc.power_supply.curve_for({"", "", "Rogaland"});
  ASSERT_NE(no4, nullptr);
  ASSERT_NE(no2, nullptr);
  // Bookkeeping of the documented conversion: 2 EUR/MWh per 10 TWh/yr (1.1416 GW) x 1.0824 USD/EUR.
  EXPECT_NEAR(no4->rise_at(kW_per_GW) / kUsdPerMWh, 2.0 / (10e6 / 8760 / 1e3) * 1.0824, 0.005);
  EXPECT_NEAR(no2->rise_at(kW_per_GW) / no4->rise_at(kW_per_GW), 4.5, 0.05);
  for (const char* id : {"eu-sunndal", "eu-sunndal-su3", "eu-mosjoen", "eu-husnes", "eu-ardal"}) {
    EXPECT_EQ(smelter_of(dc, id).power_origin.find("[[added_load]]"), std::string::npos) << id;
  }
}

// Sweden, SE2: the same Nordic system slope; Kubal is on the grid at SE2's day-ahead average in the
// fleet (data/fleet-regions.toml), so 2 GW in Vasternorrland raise its power price by 2 x 1.90
// USD/MWh, and no other smelter's.
TEST(fleet_supply_curves, AddedLoadInSe2MovesKubalAlongTheNordicSlope) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world("[[added_load]]\nprovince = \"Vasternorrland\"\nload = \"2 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_NEAR(rise, id == "eu-kubal" ? 2 * 1.90 : 0.0, 1e-9) << id;
  EXPECT_TRUE(names_curve(smelter_of(dc, "eu-kubal"), "sweden-se2-nordic-system"));
}

// Spain: almost 2 EUR/MWh per GWh in an hour of renewable output, 2005-09 ([Gelabert et al. 2011]),
// taken as 2 EUR/MWh per GW x 1.0824 = 2.16 USD/MWh per GW. The Spanish smelters were curtailed in
// 2024; in a case that includes the curtailed rows, 1 GW in Spain moves the three of them (grid) by
// 2.16 USD/MWh and nothing else.
TEST(fleet_supply_curves, AddedLoadInSpainMovesTheSpanishGridSmelters) {
  core::Diagnostics d;
  const std::string rows = "include_status = [\"operating\", \"curtailed\"]\n";
  const fleet::FleetCase base = shipped_world(rows, d);
  const fleet::FleetCase dc = shipped_world(rows + "[[added_load]]\ncountry = \"ESP\"\nload = \"1 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  int moved = 0;
  for (const auto& [id, rise] : rises(base, dc)) {
    const bool spanish = smelter_of(dc, id).record.country == "ESP";
    EXPECT_NEAR(rise, spanish ? 2.16 : 0.0, 1e-9) << id;
    moved += spanish;
  }
  EXPECT_EQ(moved, 1);  // San Ciprian (Aviles and La Coruna closed since 2026-12-07, T14-6)
}

// France is still a gap (no French price-per-GW slope found; docs/model/fleet.md): an added load
// there stays an input error naming the areas that have a curve.
TEST(fleet_supply_curves, AddedLoadInFranceIsStillAnInputError) {
  core::Diagnostics d;
  EXPECT_THROW(shipped_world("[[added_load]]\ncountry = \"FRA\"\nload = \"1 GW\"\n", d), core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("no supply curve for country 'FRA'"), std::string::npos) << e;
  EXPECT_NE(e.find("province 'Vasternorrland'"), std::string::npos) << e;
}

// The US smelters' own markets (issue 10, part 6; the PJM mapping, 2026-12-07): no US smelter of the
// dataset is in PJM. Kentucky is MISO's Zone 6, where Sebree buys at MISO market prices: MISO's
// annual capacity price rose from 20.1 USD/MW-day in 2024/25 ([MISO PRA 2024]) to 217 in 2025/26
// ([Utility Dive MISO PRA 2025]) as the summer surplus fell 2.0 GW, 8.20 USD/MWh over 2 GW. A load
// given for Kentucky moves Sebree along that curve and no other smelter (Hawesville is closed, Warrick
// in Indiana runs on its own coal plant); South Carolina (Mount Holly, Santee Cooper, outside any ISO)
// has no curve, so a load there is refused, naming the curves there are.
TEST(fleet_supply_curves, AddedLoadInKentuckyMovesSebreeAlongMisosCapacityCurve) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world("[[added_load]]\nprovince = \"Kentucky\"\nload = \"2 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_NEAR(rise, id == "us-sebree" ? 8.20 : 0.0, 1e-9) << id;
  EXPECT_TRUE(names_curve(smelter_of(dc, "us-sebree"), "kentucky-miso-capacity"));
  // Bookkeeping of the documented conversion: (217 - 20.08) USD/MW-day / 24 h over 2.0 GW.
  const double prior = (30.0 * 92 + 15.0 * 91 + 0.75 * 90 + 34.10 * 92) / 365;
  EXPECT_NEAR((217.0 - prior) / 24.0, 8.20, 0.01);
  EXPECT_THROW(shipped_world("[[added_load]]\nprovince = \"South Carolina\"\nload = \"1 GW\"\n", d),
               core::InputError);
  EXPECT_NE(d.to_string().find("province 'Kentucky'"), std::string::npos) << d.to_string();
}

// Iceland: no market price for a load to move; data centres sign their own contracts
// ([Landsvirkjun customers 2019]); ISAL's contract is CPI-indexed and Nordural's Landsvirkjun
// contract Nord Pool-linked ([Askja Energy smelter tariffs 2017]). The curve is 0: Nordural carries
// its name and reason, Fjardaal and ISAL keep their published contract prices without a note.
TEST(fleet_supply_curves, AddedLoadInIcelandLeavesTheSmeltersOnTheirContracts) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world("[[added_load]]\ncountry = \"ISL\"\nload = \"0.5 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << id;
  EXPECT_TRUE(names_curve(smelter_of(dc, "eu-nordural"), "iceland-bilateral-contracts"));
  for (const char* id : {"eu-fjardaal", "eu-isal"}) {
    EXPECT_NE(dc.power_prices.contract_of(id), nullptr) << id;
    EXPECT_EQ(smelter_of(dc, id).power_origin.find("[[added_load]]"), std::string::npos) << id;
  }
}

// Sarawak: Press Metal's smelters buy under long-term PPAs with Sesco ([New Sarawak Tribune Press
// Metal PPA]); each large user signs its own ([The Star Pertama PPA 2018]). Every Press Metal row is
// reached at 0 with the curve's name; no smelter elsewhere is.
TEST(fleet_supply_curves, AddedLoadInSarawakReachesPressMetalsSmeltersAtZero) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world("[[added_load]]\nprovince = \"Sarawak\"\nload = \"1 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << id;
  int reached = 0;
  for (const auto& s : dc.model.smelters) {
    if (!names_curve(s, "sarawak-ppa")) continue;
    ++reached;
    EXPECT_EQ(s.record.province, "Sarawak") << s.record.id;
  }
  EXPECT_EQ(reached, 3);  // Samalaju, Samalaju phase 3, Mukah
}

// Irkutsk Oblast: Rusal's smelters buy from Irkutskenergo off the market price (leased Bratsk hydro
// units, [Novosti Energetiki BrAZ lease]; contracts to 2026, [Rusal long-term contracts 2017]). BrAZ,
// IrkAZ and Taishet are reached at 0; Krasnoyarsk (another province, no curve) is not.
TEST(fleet_supply_curves, AddedLoadInIrkutskReachesRusalsThreeSmeltersAtZero) {
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  const fleet::FleetCase dc = shipped_world("[[added_load]]\nprovince = \"Irkutsk Oblast\"\nload = \"1 GW\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << id;
  for (const char* id : {"ru-bratsk", "ru-irkutsk", "ru-irkutsk-5", "ru-taishet"}) {
    EXPECT_TRUE(names_curve(smelter_of(dc, id), "irkutsk-rusal-contracts")) << id;
  }
  EXPECT_EQ(smelter_of(dc, "ru-krasnoyarsk").power_origin.find("[[added_load]]"), std::string::npos);
}

// Nine more zero rises, each where the smelter's price is set off any market an added load could
// move: Hillside's rand, PPI-indexed agreement with Eskom to 2031 ([Miningmx Hillside NPA 2021]);
// Mozal's HCB/Eskom agreement to March 2026 ([ALN Mozal 2025]); CBA's own hydro ([Exame CBA 2025]);
// Inalum's own Asahan hydro ([Jakarta Post Inalum 2014]); Aluar's own plants and frozen Futaleufu
// tariff to 2025 ([ADNSur Aluar tariff 2021]); Lochaber's own hydro ([Scottish Places Lochaber
// smelter]); Iran, where shortages are met by capping industries by decree ([PressTV Iran industrial
// power cuts 2021]); Egypt's administered industrial tariffs ([Amwal Al Ghad industrial tariffs
// 2020]); the Pavlodar smelter's group-owned Aksu coal plant ([Kazinform Aksu]). Each load is accepted, moves no price, and
// the area's smelter carries the curve's name and basis.
TEST(fleet_supply_curves, AddedLoadsOnContractsAndOwnHydroLeavePricesWithTheirReasons) {
  struct Area {
    const char* lever;  // the [[added_load]] area line
    const char* curve;
    const char* smelter;
  };
  const Area areas[] = {
      {"country = \"ZAF\"", "south-africa-hillside-npa", "af-hillside"},
      {"country = \"MOZ\"", "mozambique-mozal-agreement", "af-mozal"},
      {"province = \"Sao Paulo\"", "sao-paulo-cba-own-hydro", "sa-cba"},
      {"province = \"North Sumatra\"", "north-sumatra-inalum-own-hydro", "as-inalum-kuala-tanjung"},
      {"country = \"ARG\"", "argentina-aluar-own-and-frozen", "sa-aluar"},
      {"country = \"GBR\"", "uk-lochaber-own-hydro", "eu-lochaber"},
      {"country = \"IRN\"", "iran-rationing-not-price", "as-salco-lamerd"},
      {"country = \"EGY\"", "egypt-administered-tariff", "af-egyptalum"},
      {"country = \"KAZ\"", "kazakhstan-erg-own-coal", "as-kas-pavlodar"},
  };
  core::Diagnostics d;
  const fleet::FleetCase base = shipped_world("", d);
  for (const Area& a : areas) {
    const fleet::FleetCase dc = shipped_world(std::string("[[added_load]]\n") + a.lever + "\nload = \"2 GW\"\n", d);
    ASSERT_FALSE(d.has_errors()) << a.curve << ": " << d.to_string();
    for (const auto& [id, rise] : rises(base, dc)) EXPECT_EQ(rise, 0.0) << a.curve << " " << id;
    EXPECT_TRUE(names_curve(smelter_of(dc, a.smelter), a.curve)) << a.smelter;
  }
}

}  // namespace test_fleet_supply_curves

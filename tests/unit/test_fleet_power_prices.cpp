// Each smelter's own power price (issue 10, part 2; data/fleet-power.toml): a contract, a captive
// plant's fuel x heat rate + O&M + capital, a subregion's or the region's price, each with its basis.
// Hand-computed prices, the shipped rows checked in their published units, and input errors with
// their messages.
#include <gtest/gtest.h>

#include "fleet_fixtures.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/power_prices.hpp"

namespace test_fleet_power_prices {

using namespace potline;

namespace {

using fleet::fixtures::kUsdPerMWh;

const std::vector<std::string> kRegions = {"gcc", "usa", "india"};
const std::vector<std::string> kSmelters = {"gcc-alba-5", "us-mount-holly"};

fleet::PowerPriceTable table(const std::string& text, core::Diagnostics& d) {
  return fleet::PowerPriceTable::parse(text, "p.toml", kRegions, kSmelters, d);
}

fleet::RegionTable regions() {
  core::Diagnostics d;
  auto t = fleet::RegionTable::parse(
      "price_year = 2024\n[freight]\ndefault = \"80 USD/t\"\n"
      "[[region]]\nid = \"gcc\"\nname = \"G\"\ndemand = \"1 Mt/yr\"\npremium = \"0 USD/t\"\nwage = \"1 USD/yr\"\n"
      "employees_per_kt = 1\nother = \"0 USD/t\"\nanode = \"0 USD/t\"\nalf3 = \"0 USD/t\"\n"
      "grid_emission_factor = \"0.5 t/MWh\"\npower = { captive_gas = \"30 USD/MWh\", grid = \"45 USD/MWh\" }\n",
      "r.toml", d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return t;
}

fleet::SmelterRecord record(const std::string& id, const std::string& country, const std::string& province,
                            plant::PowerSource source) {
  fleet::SmelterRecord r;
  r.id = id;
  r.country = country;
  r.region = "gcc";
  r.province = province;
  r.power_source = source;
  return r;
}

const char* kPlant =
    "[[captive_plant]]\npower_source = \"captive_gas\"\nheat_rate = \"8 GJ/MWh\"\nom = \"4 USD/MWh\"\n"
    "capital = \"2 USD/MWh\"\nsource = \"[X] heat rate\"\nom_source = \"estimate: O&M\"\n";

fleet::FleetCase world(core::Diagnostics& d) { return fleet::fixtures::shipped_world("", d); }
const fleet::FleetSmelter& smelter(const fleet::FleetCase& c, const std::string& id) { return fleet::fixtures::smelter_of(c, id); }

}  // namespace

TEST(fleet_power_prices, CaptivePlantIsFuelTimesHeatRatePlusOmAndCapital) {
  core::Diagnostics d;
  const auto t = table(std::string(kPlant) +
                           "[[fuel_price]]\npower_source = \"captive_gas\"\ncountry = \"BHR\"\nprice = \"3 USD/GJ\"\n"
                           "source = \"[Y] gas price\"\n",
                       d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const auto p = fleet::smelter_power_price(record("a", "BHR", "", plant::PowerSource::kCaptiveGas), regions(), t);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->usd_per_J / kUsdPerMWh, 3.0 * 8.0 + 4.0 + 2.0, 1e-9);  // 30 USD/MWh by hand
  EXPECT_EQ(p->basis, "partly sourced");  // sourced fuel and heat rate, estimated O&M
  // Another country of the region has no fuel price: the region table's captive_gas estimate.
  const auto q = fleet::smelter_power_price(record("b", "ARE", "", plant::PowerSource::kCaptiveGas), regions(), t);
  EXPECT_NEAR(q->usd_per_J / kUsdPerMWh, 30.0, 1e-9);
  EXPECT_EQ(q->basis, "estimate");
  EXPECT_NE(q->origin.find("region 'gcc', power.captive_gas"), std::string::npos) << q->origin;
}

TEST(fleet_power_prices, ProvinceBeatsCountryBeatsRegionAndAContractBeatsAll) {
  core::Diagnostics d;
  const auto t = table(std::string(kPlant) +
                           "[[fuel_price]]\npower_source = \"captive_gas\"\nregion = \"gcc\"\nprice = \"1 USD/GJ\"\nsource = \"estimate: r\"\n"
                           "[[fuel_price]]\npower_source = \"captive_gas\"\ncountry = \"BHR\"\nprice = \"2 USD/GJ\"\nsource = \"[c]\"\n"
                           "[[fuel_price]]\npower_source = \"captive_gas\"\nprovince = \"Sitra\"\nprice = \"5 USD/GJ\"\nsource = \"[p]\"\n"
                           "[[contract]]\nsmelter = \"gcc-alba-5\"\nprice = \"20 USD/MWh\"\nsource = \"[contract]\"\n",
                       d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const auto gas = plant::PowerSource::kCaptiveGas;
  const auto rg = regions();
  EXPECT_NEAR(fleet::smelter_power_price(record("x", "QAT", "", gas), rg, t)->usd_per_J / kUsdPerMWh, 1 * 8 + 6, 1e-9);
  EXPECT_EQ(fleet::smelter_power_price(record("x", "QAT", "", gas), rg, t)->basis, "estimate");
  EXPECT_NEAR(fleet::smelter_power_price(record("x", "BHR", "", gas), rg, t)->usd_per_J / kUsdPerMWh, 2 * 8 + 6, 1e-9);
  EXPECT_NEAR(fleet::smelter_power_price(record("x", "BHR", "Sitra", gas), rg, t)->usd_per_J / kUsdPerMWh, 5 * 8 + 6, 1e-9);
  const auto c = fleet::smelter_power_price(record("gcc-alba-5", "BHR", "Sitra", gas), rg, t);
  EXPECT_NEAR(c->usd_per_J / kUsdPerMWh, 20.0, 1e-9);
  EXPECT_EQ(c->basis, "sourced");
  // A grid smelter ignores captive fuel prices.
  EXPECT_NEAR(fleet::smelter_power_price(record("x", "BHR", "", plant::PowerSource::kGrid), rg, t)->usd_per_J / kUsdPerMWh,
              45.0, 1e-9);
}

TEST(fleet_power_prices, BadEntriesAreReportedWithTheirMessages) {
  core::Diagnostics d;
  table("[[captive_plant]]\npower_source = \"hydro\"\nheat_rate = \"-1 GJ/MWh\"\nom = \"4 USD/MWh\"\nsource = \"s\"\n"
        "[[fuel_price]]\npower_source = \"captive_coal\"\ncountry = \"IND\"\nregion = \"india\"\nprice = \"2 USD/GJ\"\n"
        "[[contract]]\nsmelter = \"us-mount-hollly\"\nprice = \"40 USD/MWh\"\nsource = \"s\"\nprize = 3\n"
        "[[fuel]]\n",
        d);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("power_source 'hydro' is not a captive source: captive_coal or captive_gas"), std::string::npos) << e;
  EXPECT_NE(e.find("must not be negative"), std::string::npos) << e;
  EXPECT_NE(e.find("om_source"), std::string::npos) << e;  // required
  EXPECT_NE(e.find("give exactly one of region, country (ISO3) or province"), std::string::npos) << e;
  EXPECT_NE(e.find("required: the source (or 'estimate: basis') of the value"), std::string::npos) << e;
  EXPECT_NE(e.find("no [[captive_plant]] for captive_coal"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown smelter 'us-mount-hollly'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'us-mount-holly'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key in [[contract]] 'prize'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown table 'fuel'"), std::string::npos) << e;
  EXPECT_NE(e.find("p.toml:"), std::string::npos) << e;  // located
}

// The shipped rows, recomputed in the units the sources publish (Btu, US cents, CAD cents): an
// independent route from the file's GJ and USD/MWh conversions.
TEST(fleet_power_prices, ShippedRowsMatchTheirPublishedUnits) {
  core::Diagnostics d;
  const fleet::FleetCase c = world(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // Alba: 4.00 USD/MMBtu x 7,740 Btu/kWh + 4 USD/MWh O&M (estimate).
  const auto& alba = smelter(c, "gcc-alba-5");
  EXPECT_NEAR(alba.base_power_usd_per_J / kUsdPerMWh, 4.00 * 7.740 + 4.0, 0.01);
  EXPECT_EQ(alba.power_basis, "partly sourced");
  // EGA: no published gas price, the region's estimate.
  EXPECT_EQ(smelter(c, "gcc-ega-al-taweelah").power_basis, "estimate");
  // Alouette: 3.87 CAD cents/kWh x 0.730 USD/CAD.
  const auto& alouette = smelter(c, "ca-alouette");
  EXPECT_NEAR(alouette.base_power_usd_per_J / kUsdPerMWh, 38.7 * 0.730, 0.05);
  EXPECT_EQ(alouette.power_basis, "sourced");
  // Mount Holly: South Carolina's industrial average, 6.68 US cents/kWh.
  EXPECT_NEAR(smelter(c, "us-mount-holly").base_power_usd_per_J / kUsdPerMWh, 66.8, 1e-9);
  EXPECT_EQ(smelter(c, "us-mount-holly").power_basis, "sourced");
  // Fjardaal: Landsvirkjun's 2022 average, 43 USD/MWh.
  EXPECT_NEAR(smelter(c, "eu-fjardaal").base_power_usd_per_J / kUsdPerMWh, 43.0, 1e-9);
  for (const auto& s : c.model.smelters) {
    EXPECT_FALSE(s.power_origin.empty()) << s.record.id;
    EXPECT_TRUE(s.power_basis == "sourced" || s.power_basis == "partly sourced" || s.power_basis == "estimate")
        << s.record.id << ": " << s.power_basis;
  }
}

// [[supply_emission_factor]]: a smelter's own supply's CO2 factor replaces its grid's; bad entries
// are refused with their messages.
TEST(fleet_power_prices, SupplyEmissionFactorIsReadAndBadOnesAreRefused) {
  core::Diagnostics d;
  const auto t = table("[[supply_emission_factor]]\nsmelter = \"us-mount-holly\"\nemission_factor = \"0.25 t/MWh\"\n"
                       "source = \"[X] own mix\"\n",
                       d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_NE(t.supply_factor_of("us-mount-holly"), nullptr);
  EXPECT_NEAR(t.supply_factor_of("us-mount-holly")->co2_kg_per_J * 3.6e6, 0.25, 1e-12);
  EXPECT_EQ(t.supply_factor_of("gcc-alba-5"), nullptr);

  core::Diagnostics bad;
  table("[[supply_emission_factor]]\nsmelter = \"us-mount-holly\"\nemission_factor = \"2.5 t/MWh\"\nsource = \"s\"\n"
        "[[supply_emission_factor]]\nsmelter = \"us-mount-holly\"\nemission_factor = -0.1\nsource = \"s\"\n"
        "[[supply_emission_factor]]\nsmelter = \"gcc-alba-6\"\nemission_factor = 0.3\nfactor = 1\n",
        bad);
  const std::string e = bad.to_string();
  EXPECT_NE(e.find("2.5 t/MWh is above any power supply's CO2 factor: allowed 0 to 2 t/MWh"), std::string::npos) << e;
  EXPECT_NE(e.find("must not be negative"), std::string::npos) << e;
  EXPECT_NE(e.find("a second [[supply_emission_factor]] for smelter 'us-mount-holly'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown smelter 'gcc-alba-6'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key in [[supply_emission_factor]] 'factor'"), std::string::npos) << e;
  EXPECT_NE(e.find("required: the source (or 'estimate: basis') of the value"), std::string::npos) << e;
}

// Aluar's shipped supply factor recomputed from its published supply of 2020-21 ([El Diario Aluar
// 2022]): bookkeeping of the file's arithmetic, and the factor reaches the smelter's scope 2 instead
// of Argentina's grid factor.
TEST(fleet_power_prices, AluarTakesItsOwnSupplyFactorNotArgentinasGrid) {
  core::Diagnostics d;
  const fleet::FleetCase c = world(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const double gas_t_per_MWh = 56.1 / 0.45 * 3.6 / 1000;  // IPCC natural gas at the 45 % captive-gas efficiency
  const double expected = 2.1 / 4.63 * gas_t_per_MWh + 11219.0 / 4.63e6 * 0.345;
  const auto& aluar = smelter(c, "sa-aluar");
  EXPECT_NEAR(aluar.inputs.emissions.power_co2_kg_per_J * 3.6e6, expected, 0.001);
  EXPECT_NEAR(aluar.inputs.emissions.power_co2_kg_per_J * 3.6e6, 0.204, 1e-9);
  EXPECT_EQ(aluar.record.power_source, plant::PowerSource::kGrid);  // its price stays the grid's
}

TEST(fleet_power_prices, UnknownPowerFileIsAnInputError) {
  core::Diagnostics d;
  EXPECT_THROW(fleet::parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\npower = \"no-such-power.toml\"\n", "t.toml",
                                       std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                                       potline::testing::shipped_smelter_data(), d),
               core::InputError);
  EXPECT_NE(d.to_string().find("no-such-power.toml"), std::string::npos) << d.to_string();
}
}  // namespace test_fleet_power_prices

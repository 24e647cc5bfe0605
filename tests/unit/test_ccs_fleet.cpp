// [[ccs_retrofit]] in a fleet case (issue 14 part 2; src/fleet/ccs_lever.cpp): the retrofit gives
// the chosen smelters the smelter model's [ccs] inputs, lowers their direct emissions by what is
// captured (electric boiler, non-captive power: no capture fuel, no scope 1 electricity), raises
// their C1 by the capture's cost and lowers their 2034 CBAM cost by the EUA price times the direct
// emissions avoided.
#include <gtest/gtest.h>

#include <cmath>

#include "fleet_fixtures.hpp"
#include "potline/fleet/ccs_lever.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/core/constants.hpp"
#include "potline/plant/ccs_report.hpp"

namespace potline::fleet::test_ccs_fleet {
namespace {

using fixtures::shipped_world;
using fixtures::smelter_of;

// Capture inputs of examples/smelter-ccs-hydro.toml (estimates, docs/model/ccs.md "Cost").
const std::string kRetrofit =
    "[[ccs_retrofit]]\nsmelters = [\"ca-alouette\"]\ncapture_rate = 0.9\nheat_supply = "
    "\"electric\"\n"
    "boiler_efficiency = 0.99\ncapture_cost = \"150 USD/t\"\ntransport_storage = \"20 USD/t\"\n";
const std::string kCbam =
    "[market]\nsolve = false\n[cbam]\nyear = 2034\neua_price = \"80 EUR/t\"\nusd_per_eur = 1.08\n";

std::size_t index_of(const FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return i;
  ADD_FAILURE() << "no smelter " << id;
  return 0;
}

TEST(CcsFleet, RetrofitGivesOnlyTheChosenSmelterTheSmelterModelsCaptureInputs) {
  core::Diagnostics d;
  const FleetCase c = shipped_world(kCbam + kRetrofit, d);
  const plant::CcsInputs& k = smelter_of(c, "ca-alouette").inputs.ccs;
  EXPECT_DOUBLE_EQ(k.capture_rate, 0.9);
  EXPECT_EQ(k.heat_supply, plant::CcsHeatSupply::kElectric);
  EXPECT_NEAR(k.capture_usd_per_kg_co2, 0.150, 1e-12);
  EXPECT_NEAR(k.transport_storage_usd_per_kg_co2, 0.020, 1e-12);
  EXPECT_NEAR(k.co2_fraction, 0.01, 1e-12);  // the smelter schema's default
  EXPECT_DOUBLE_EQ(smelter_of(c, "eu-husnes").inputs.ccs.capture_rate, 0.0);
}

// A cost basis in the lever scales each smelter's capture cost to its own size (docs/model/ccs.md):
// the larger of two retrofitted smelters pays less per t CO2, by the six-tenths rule.
TEST(CcsFleet, CostBasisScalesEachSmeltersCaptureCostToItsSize) {
  core::Diagnostics d;
  const std::string lever =
      "[[ccs_retrofit]]\nsmelters = [\"eu-sunndal\", \"eu-husnes\"]\ncapture_rate = 0.9\nheat_supply = "
      "\"electric\"\ncapture_cost = \"150 USD/t\"\ntransport_storage = \"20 USD/t\"\ncost_basis_capture = "
      "\"1 Mt/yr\"\n";
  const FleetCase c = shipped_world(kCbam + lever, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  for (const std::string id : {"eu-sunndal", "eu-husnes"}) {
    const plant::SmelterInputs& in = smelter_of(c, id).inputs;
    // The smelter's capture at nameplate: capacity x captured CO2 per t Al (the same anode CO2).
    const plant::SmelterResult r = plant::evaluate(in);
    const double design_Mt_per_yr = in.capacity_kg_per_s * r.ccs.captured_kg_per_kg * constants::kSecondsPerYear / 1e9;
    EXPECT_NEAR(in.ccs.capture_usd_per_kg_co2, 0.150 * std::pow(design_Mt_per_yr, 0.6 - 1.0), 1e-9) << id;
    EXPECT_GT(in.ccs.capture_usd_per_kg_co2, 0.150) << id;  // both smaller than 1 Mt CO2/yr
  }
}

TEST(CcsFleet, CaptureLowersDirectEmissionsAndCbamAndRaisesC1ByItsCost) {
  core::Diagnostics d;
  const FleetCase c = shipped_world(kCbam + kRetrofit, d);
  FleetModel without = c.model;
  for (auto& s : without.smelters) s.inputs.ccs.capture_rate = 0;
  std::vector<SmelterEconomics> a, b;
  evaluate(c.model, c.shocks, a);
  evaluate(without, c.shocks, b);
  const std::size_t i = index_of(c, "ca-alouette");
  plant::SmelterCase sc;
  sc.inputs = c.model.smelters[i].inputs;
  const plant::SmelterResult r = plant::evaluate(sc.inputs);
  const plant::CcsEconomics e = plant::ccs_economics(sc, r);
  const double captured = r.ccs.captured_kg_per_kg;
  EXPECT_NEAR(captured, 0.9 * r.ccs.treated_co2_kg_per_kg, 1e-12);
  EXPECT_GT(captured, 1.2);  // 0.9 x ~1.5 t anode CO2 per t Al
  // Electric boiler, hydro power (not captive): the direct emissions avoided are the captured CO2.
  EXPECT_NEAR(b[i].direct_co2e_kg_per_kg - a[i].direct_co2e_kg_per_kg, captured, 1e-9);
  EXPECT_NEAR(a[i].c1_usd_per_kg - b[i].c1_usd_per_kg, e.cost_usd_per_kg, 1e-9);
  // 2034: no free allocation left (CBAM factor 0), so CBAM = EUA x rate x direct emissions.
  EXPECT_NEAR(b[i].cbam_usd_per_kg - a[i].cbam_usd_per_kg, 80 * 1.08 * captured / 1e3, 1e-9);
  // Every other smelter is unchanged.
  const std::size_t j = index_of(c, "eu-husnes");
  EXPECT_DOUBLE_EQ(a[j].c1_usd_per_kg, b[j].c1_usd_per_kg);
}

TEST(CcsFleet, ReportComparesTheFleetWithAndWithoutTheRetrofits) {
  core::Diagnostics d;
  const FleetCase c = shipped_world(kCbam + kRetrofit, d);
  const FleetResult f = solve(c, c.shocks);
  const io::Json j = ccs_retrofit_json(c, f);
  ASSERT_EQ(j.at("smelters").size(), 1u);
  const io::Json& row = j.at("smelters")[0];
  EXPECT_EQ(row.at("id"), "ca-alouette");
  const double produced_kt = row.at("production_kt_per_year").get<double>();
  EXPECT_NEAR(row.at("captured_Mt_co2_per_year").get<double>(),
              row.at("captured_t_per_t").get<double>() * produced_kt / 1e3, 1e-9);
  EXPECT_NEAR(j.at("captured_Mt_co2_per_year").get<double>(),
              row.at("captured_Mt_co2_per_year").get<double>(), 1e-12);
  EXPECT_LT(row.at("cbam_usd_per_t").get<double>(), row.at("cbam_without_usd_per_t").get<double>());
  EXPECT_GT(row.at("c1_usd_per_t").get<double>(), row.at("c1_without_usd_per_t").get<double>());
  EXPECT_GE(row.at("curve_rank").get<int>(),
            row.at("curve_rank_without").get<int>());  // dearer: not earlier
  EXPECT_FALSE(row.at("breakeven_co2_price_usd_per_t").is_null());
  EXPECT_LT(j.at("emissions_Mt_co2e").get<double>(),
            j.at("emissions_without_Mt_co2e").get<double>());
  const std::string csv = ccs_retrofit_csv(j);
  EXPECT_EQ(csv.substr(0, csv.find(',')), "id");
  EXPECT_NE(csv.find("\nca-alouette,canada,0.9,"), std::string::npos) << csv;
}

TEST(CcsFleet, RegionSelectorCoversEveryIncludedSmelterOfTheRegion) {
  core::Diagnostics d;
  const FleetCase c = shipped_world(
      "[[ccs_retrofit]]\ncountry = \"ISL\"\ncapture_rate = 0.5\ngas_price = \"8 "
      "USD/GJ\"\ncapture_cost = 150\n"
      "transport_storage = 20\n",
      d);
  int covered = 0;
  for (const auto& s : c.model.smelters) {
    EXPECT_DOUBLE_EQ(s.inputs.ccs.capture_rate, s.record.country == "ISL" ? 0.5 : 0.0)
        << s.record.id;
    covered += s.record.country == "ISL";
  }
  EXPECT_GE(covered, 2);  // Fjardaal, Straumsvik
}

std::string errors_of(const std::string& text) {
  core::Diagnostics d;
  EXPECT_THROW(shipped_world(text, d), core::InputError);
  return d.to_string();
}

TEST(CcsFleet, BadInputIsReportedWithTheLeverKey) {
  const std::string above = errors_of(
      "[[ccs_retrofit]]\nsmelters = \"eu-sunndal\"\ncapture_rate = 1.2\nheat_supply = "
      "\"electric\"\ncapture_cost = 150\n"
      "transport_storage = 20\n");
  EXPECT_NE(above.find("ccs_retrofit[0].capture_rate"), std::string::npos) << above;
  EXPECT_NE(above.find("[0, 1]"), std::string::npos) << above;

  const std::string unknown = errors_of(
      "[[ccs_retrofit]]\nsmelters = [\"eu-sundal\"]\ncapture_rate = 0.9\nheat_supply = "
      "\"electric\"\ncapture_cost = 150\n"
      "transport_storage = 20\n");
  EXPECT_NE(unknown.find("unknown smelter 'eu-sundal'"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("eu-sunndal"), std::string::npos) << unknown;

  const std::string missing =
      errors_of("[[ccs_retrofit]]\nregion = \"europe\"\ncapture_rate = 0.9\n");
  EXPECT_NE(missing.find("ccs_retrofit[0].capture_cost"), std::string::npos) << missing;
  EXPECT_NE(missing.find("ccs_retrofit[0].transport_storage"), std::string::npos) << missing;
  EXPECT_NE(missing.find("ccs_retrofit[0].gas_price"), std::string::npos) << missing;

  const std::string two = errors_of(
      "[[ccs_retrofit]]\nregion = \"europe\"\ncountry = \"NOR\"\ncapture_rate = 0.9\nheat_supply = "
      "\"electric\"\n"
      "capture_cost = 150\ntransport_storage = 20\n");
  EXPECT_NE(two.find("give exactly one of smelters, region or country"), std::string::npos) << two;
}

}  // namespace
}  // namespace potline::fleet::test_ccs_fleet

// The UK ETS on the UK's smelter (data/uk-ets.toml, policy/uk_ets.hpp; docs/model/fleet.md, UK ETS;
// trial 9, T9-14): the EU ETS's function with the UK's free allocation and UKA price, in the
// smelter's C1 and margin; the EU CBAM on its metal sold into the EU less the UK ETS paid ([EU
// 2023/956] Art. 9).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/uk_ets.hpp"

namespace test_fleet_uk_ets {

using namespace potline;

namespace {

policy::UkEtsSchedule shipped() {
  core::Diagnostics d;
  policy::UkEtsSchedule s =
      policy::UkEtsSchedule::load(cell::default_data_dir() + "/uk-ets.toml", d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return s;
}

fleet::FleetCase world(const std::string& extra, core::Diagnostics& d) {
  return fleet::parse_fleet_case(
      "[fleet]\nlme = \"2400 USD/t\"\n[cbam]\nyear = 2030\neua_price = \"100 EUR/t\"\nusd_per_eur "
      "= 1.08\n" +
          extra,
      "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
      potline::testing::shipped_smelter_data(), d);
}

fleet::FleetCase example(const std::string& name) {
  core::Diagnostics d;
  fleet::FleetCase c =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/" + name,
                             cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  return c.year != 0 ? fleet::case_for_year(c, c.year, nullptr) : c;
}

std::size_t index_of(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return i;
  ADD_FAILURE() << "no smelter " << id;
  return 0;
}

}  // namespace

// The data as shipped: the UK in it, the EU ETS's 2021-2025 benchmark, allocation 1 until 2026 and
// the estimated phase-out from 2027 (0.14 in 2034, 0 from 2035), the 2024 UKA 36 GBP x 1.2785.
TEST(uk_ets, ShippedScheduleCoversTheUkWithItsBenchmarkPhaseOutAndPrice) {
  const policy::UkEtsSchedule s = shipped();
  EXPECT_TRUE(s.covers("GBR"));
  EXPECT_FALSE(s.covers("NOR"));
  EXPECT_DOUBLE_EQ(s.free_allocation_t_per_t(2024), 1.464);
  EXPECT_DOUBLE_EQ(s.free_allocation_t_per_t(2026), 1.464);
  EXPECT_DOUBLE_EQ(s.free_allocation_t_per_t(2034), 1.464 * 0.14);
  EXPECT_DOUBLE_EQ(s.free_allocation_t_per_t(2040), 0.0);
  EXPECT_NEAR(s.uka_usd_per_kg_co2(2024) * 1000.0, 36.0 * 1.2785, 1e-9);
  EXPECT_NEAR(s.uka_usd_per_kg_co2(2040), s.uka_usd_per_kg_co2(2035),
              1e-15);                  // after the table: its last year
  EXPECT_FALSE(s.year_charged(2023));  // no price before 2024 in the data: not charged
  EXPECT_FALSE(s.inputs(2023).on);
  EXPECT_TRUE(s.inputs(2024).on);
}

// Arithmetic test (recomputes policy::uk_ets_carbon_price_paid_eur_per_t's formula by hand): a UK
// ETS cost of 300 USD/t Al on 2 t CO2e/t at 1.08 USD/EUR is 138.89 EUR per t CO2e embedded; the
// CBAM's Art. 9 deduction is then 2 x 138.89 / EUA = the UK ETS cost in certificates.
TEST(uk_ets, ArithmeticCarbonPricePaidDeductsTheUkEtsCostFromCbamCertificates) {
  const double cp = policy::uk_ets_carbon_price_paid_eur_per_t(300.0, 2.0, 1.08);
  EXPECT_NEAR(cp, 300.0 / 1.08 / 2.0, 1e-12);
  policy::CbamInputs in;
  in.year = 2034;
  in.see_direct_t_per_t = 2.0;
  in.eua_price_eur_per_t = 140.0;
  in.carbon_price_paid_eur_per_t = cp;
  in.benchmark_t_per_t = 1.423;
  in.cbam_factor = 0.0;
  const policy::CbamResult r = policy::cbam_cost(in);
  EXPECT_NEAR(r.origin_price_deduction_t_per_t, 300.0 / 1.08 / 140.0, 1e-12);
  EXPECT_NEAR(r.cost_eur_per_t, 2.0 * 140.0 - 300.0 / 1.08, 1e-9);
  EXPECT_DOUBLE_EQ(policy::uk_ets_carbon_price_paid_eur_per_t(0.0, 2.0, 1.08), 0.0);
}

// Arithmetic test with the shipped data: Lochaber in the 2024 backtest pays (direct - 1.464) x 36
// GBP x 1.2785 USD/GBP, in its C1 and so in its margin; no EU ETS; cbam.eu_ets = "off" switches it
// off too.
TEST(uk_ets, ArithmeticLochaberPaysTheUkEtsInItsC1AndNotTheEuEts) {
  const fleet::FleetCase c = example("world-2024.toml");
  const std::size_t gb = index_of(c, "eu-lochaber");
  ASSERT_TRUE(c.model.smelters[gb].in_uk_ets);
  EXPECT_FALSE(c.model.smelters[gb].in_eu_ets);
  ASSERT_TRUE(c.model.uk_ets.on);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const double direct = e[gb].direct_co2e_kg_per_kg;
  ASSERT_GT(direct, 1.464);
  EXPECT_NEAR(e[gb].uk_ets_usd_per_kg * 1000.0, (direct - 1.464) * 36.0 * 1.2785, 1e-9);
  EXPECT_DOUBLE_EQ(e[gb].uk_ets_free_allocation_kg_per_kg, 1.464);
  EXPECT_DOUBLE_EQ(e[gb].eu_ets_usd_per_kg, 0.0);
  fleet::FleetCase switched = c;
  switched.eu_ets = fleet::EuEts::kOff;
  fleet::set_eu_ets_year(switched.model.uk_ets.year, switched);
  EXPECT_FALSE(switched.model.uk_ets.on);
  fleet::FleetCase off = c;  // the UK ETS alone off
  off.model.uk_ets.on = false;
  std::vector<fleet::SmelterEconomics> e_off;
  fleet::evaluate(off.model, off.shocks, e_off);
  EXPECT_NEAR(e[gb].c1_usd_per_kg - e_off[gb].c1_usd_per_kg, e[gb].uk_ets_usd_per_kg, 1e-12);
  // The margin (netback - C1) carries it: the LP's solution is the same, Lochaber's margin is lower
  // by it.
  const fleet::FleetResult r = fleet::solve(c, c.shocks, {}, {});
  const fleet::FleetResult r_off = fleet::solve(off, off.shocks, {}, {});
  EXPECT_NEAR(r.world_price_usd_per_kg, r_off.world_price_usd_per_kg,
              1e-9);  // 48 kt moves no price
  EXPECT_NEAR(r.production_kg_per_s[gb], r_off.production_kg_per_s[gb], 1e-12);
}

// In a CBAM year the EU CBAM on Lochaber's metal is the CBAM it would pay without the UK ETS less
// the UK ETS it pays (Art. 9), never below 0: cbam-2034 (UKA 123.6 GBP, UK allocation 0.14
// x 1.464).
TEST(uk_ets, CbamOnUkMetalIsNetOfTheUkEtsPaid) {
  for (const char* name : {"cbam-2034.toml"}) {
    const fleet::FleetCase c = example(name);
    const std::size_t gb = index_of(c, "eu-lochaber");
    fleet::FleetCase off = c;  // the UK ETS alone off
    off.model.uk_ets.on = false;
    std::vector<fleet::SmelterEconomics> e, e_off;
    fleet::evaluate(c.model, c.shocks, e);
    fleet::evaluate(off.model, off.shocks, e_off);
    ASSERT_GT(e[gb].uk_ets_usd_per_kg, 0.0) << name;
    ASSERT_GT(e_off[gb].cbam_usd_per_kg, e[gb].uk_ets_usd_per_kg) << name;
    EXPECT_NEAR(e[gb].cbam_usd_per_kg, e_off[gb].cbam_usd_per_kg - e[gb].uk_ets_usd_per_kg, 1e-9)
        << name;
    EXPECT_NEAR(e[gb].uk_ets_free_allocation_kg_per_kg, 1.464 * 0.14, 1e-12) << name;
  }
  // A smelter outside the UK ETS gets no deduction.
  core::Diagnostics d;
  const fleet::FleetCase w = world("", d);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(w.model, w.shocks, e);
  EXPECT_DOUBLE_EQ(e[index_of(w, "ru-bratsk")].cbam_carbon_price_paid_eur_per_t, 0.0);
  EXPECT_GT(e[index_of(w, "eu-lochaber")].cbam_carbon_price_paid_eur_per_t, 0.0);
}

// A missing data file is a warning, not an error: the UK ETS is then not charged.
TEST(uk_ets, MissingDataFileWarnsAndChargesNothing) {
  core::Diagnostics d;
  const policy::UkEtsSchedule s = policy::UkEtsSchedule::load("/nonexistent/uk-ets.toml", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_NE(d.to_string().find("no UK ETS data file"), std::string::npos) << d.to_string();
  EXPECT_FALSE(s.covers("GBR"));
  EXPECT_FALSE(s.inputs(2024).on);
}

// A bad price row names the key and the file.
TEST(uk_ets, BadPriceRowIsAnErrorNamingTheKey) {
  const auto path = std::filesystem::temp_directory_path() / "potline-uk-ets-bad.toml";
  std::ofstream(path)
      << "countries = [\"GBR\"]\n[benchmark]\nprimary_aluminium_t_co2e_per_t = 1.464\n"
         "[[allocation_factor]]\nyear = 2021\nvalue = 1.0\n[uka_price]\nvalues = { 2024 = -3 }\n"
         "[usd_per_gbp]\nvalue = 1.28\n";
  core::Diagnostics d;
  policy::UkEtsSchedule::load(path.string(), d);
  EXPECT_TRUE(d.has_errors());
  EXPECT_NE(d.to_string().find("uka_price"), std::string::npos) << d.to_string();
  std::filesystem::remove(path);
}

}  // namespace test_fleet_uk_ets

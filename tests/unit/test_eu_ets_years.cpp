// The EU ETS in every year (user trial 8, T8-2; docs/model/fleet.md, EU ETS): primary aluminium is
// in the EU ETS from 2021 in the model (Phase 4), with free allocation at the 2021-2025 product
// benchmark (1.464 t CO2e/t, [EU 2021/447], data/cbam.toml) and no CBAM factor before 2026, the
// CBAM-period benchmark x the CBAM factor from 2026; independent of [cbam].
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "potline/policy/eu_ets.hpp"

namespace test_eu_ets_years {

using namespace potline;

namespace {

const policy::CbamSchedule& schedule() {
  return potline::testing::shipped_smelter_data().cbam;
}

fleet::FleetCase world_2024(const std::string& extra, core::Diagnostics& d) {
  return fleet::parse_fleet_case("[case]\nbase = \"world-2024.toml\"\n" + extra, "t.toml",
                                 std::string(POTLINE_SOURCE_DIR) + "/examples",
                                 cell::default_data_dir(), potline::testing::shipped_smelter_data(),
                                 d);
}

std::size_t index_of(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return i;
  ADD_FAILURE() << "no smelter " << id;
  return 0;
}

}  // namespace

// The data file's numbers as read (not a recomputation): 1.464 before 2026, 1.423 from it.
TEST(eu_ets_years, BenchmarkIsThe2021To2025OneBefore2026AndTheCbamOneFromIt) {
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2024, schedule()), 1.464);
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2021, schedule()), 1.464);
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2025, schedule()), 1.464);
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2026, schedule()), 1.423);
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2040, schedule()), 1.423);
  EXPECT_DOUBLE_EQ(policy::eu_ets_benchmark_t_per_t(2020, schedule()),
                   0.0);  // Phase 3: not in the data
  EXPECT_FALSE(policy::eu_ets_year_charged(2020));
  EXPECT_TRUE(policy::eu_ets_year_charged(2021));
}

// Arithmetic test (the model's own formula with the data file's numbers): factor 1 before 2026.
TEST(eu_ets_years, ArithmeticFreeAllocationEveryYearFrom2021) {
  const auto& s = schedule();
  auto free = [&](int y) {
    return policy::eu_ets_free_allocation_t_per_t(y, policy::eu_ets_benchmark_t_per_t(y, s),
                                                  s.factor, 1.0);
  };
  for (int y = 2021; y <= 2025; ++y) EXPECT_DOUBLE_EQ(free(y), 1.464) << y;
  EXPECT_NEAR(free(2026), 1.423 * 0.975, 1e-12);
  EXPECT_NEAR(free(2030), 1.423 * 0.515, 1e-12);
  EXPECT_DOUBLE_EQ(free(2034), 0.0);
  EXPECT_DOUBLE_EQ(free(2045), 0.0);
}

// The 2024 backtest has no [cbam]: its EU and EEA smelters pay the ETS of 2024 at the path's EUA
// (65 EUR/t) x the path's 1.0824 USD/EUR above 1.464 t/t; the UK's Lochaber and third countries do
// not.
TEST(eu_ets_years, The2024BacktestChargesTheEtsOfItsYearWithoutCbam) {
  core::Diagnostics d;
  const fleet::FleetCase base = world_2024("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(base.cbam_year, 0);
  const fleet::FleetCase c = fleet::case_for_year(base, 2024, nullptr);
  EXPECT_TRUE(c.model.eu_ets.on);
  EXPECT_EQ(c.model.eu_ets.year, 2024);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const std::size_t hh = index_of(c, "eu-trimet-hamburg");
  EXPECT_DOUBLE_EQ(e[hh].eu_ets_free_allocation_kg_per_kg, 1.464);
  EXPECT_NEAR(e[hh].eu_ets_usd_per_kg * 1000.0,
              (e[hh].direct_co2e_kg_per_kg - 1.464) * 65.0 * 1.0824, 1e-9);
  EXPECT_GT(e[hh].eu_ets_usd_per_kg, 0.0);
  EXPECT_DOUBLE_EQ(e[index_of(c, "eu-lochaber")].eu_ets_usd_per_kg, 0.0);  // UK: outside the EU ETS
  EXPECT_DOUBLE_EQ(e[index_of(c, "gcc-sohar")].eu_ets_usd_per_kg, 0.0);
  std::printf("[ measured ] Trimet Hamburg 2024: direct %.4f t/t, ETS %.2f USD/t\n",
              e[hh].direct_co2e_kg_per_kg, e[hh].eu_ets_usd_per_kg * 1000.0);
}

// 2030 without [cbam]: the ETS of 2030 (1.423 x 0.515) is charged as with it; "off" charges none.
TEST(eu_ets_years, A2030CaseWithoutCbamChargesTheEtsAsACaseWithIt) {
  core::Diagnostics d, d_cbam, d_off;
  const fleet::FleetCase plain = world_2024("[fleet]\nyear = 2030\n", d);
  const fleet::FleetCase cbam =
      world_2024("[fleet]\nyear = 2030\n[cbam]\nusd_per_eur = 1.0824\n", d_cbam);
  const fleet::FleetCase off =
      world_2024("[fleet]\nyear = 2030\n[cbam]\neu_ets = \"off\"\n", d_off);
  ASSERT_FALSE(d.has_errors() || d_cbam.has_errors() || d_off.has_errors())
      << d.to_string() << d_cbam.to_string() << d_off.to_string();
  EXPECT_EQ(cbam.cbam_year, 2030);  // cbam.year may be left out with fleet.year
  const fleet::FleetCase a = fleet::case_for_year(plain, 2030, nullptr);
  const fleet::FleetCase b = fleet::case_for_year(cbam, 2030, nullptr);
  const fleet::FleetCase o = fleet::case_for_year(off, 2030, nullptr);
  std::vector<fleet::SmelterEconomics> ea, eb, eo;
  fleet::evaluate(a.model, a.shocks, ea);
  fleet::evaluate(b.model, b.shocks, eb);
  fleet::evaluate(o.model, o.shocks, eo);
  const std::size_t hh = index_of(a, "eu-trimet-hamburg");
  EXPECT_NEAR(ea[hh].eu_ets_free_allocation_kg_per_kg, 1.423 * 0.515, 1e-12);
  EXPECT_GT(ea[hh].eu_ets_usd_per_kg, 0.0);
  EXPECT_DOUBLE_EQ(ea[hh].eu_ets_usd_per_kg,
                   eb[index_of(b, "eu-trimet-hamburg")].eu_ets_usd_per_kg);
  EXPECT_DOUBLE_EQ(eo[index_of(o, "eu-trimet-hamburg")].eu_ets_usd_per_kg, 0.0);
}

// A year before 2021 is not charged (Phase 3's benchmark is not in the data), whatever the prices.
TEST(eu_ets_years, AYearBefore2021IsNotCharged) {
  core::Diagnostics d;
  fleet::FleetCase c = world_2024("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  fleet::set_eu_ets_year(2020, c);
  EXPECT_FALSE(c.model.eu_ets.on);
  fleet::set_eu_ets_year(2021, c);
  EXPECT_TRUE(c.model.eu_ets.on);
  EXPECT_DOUBLE_EQ(c.model.eu_ets.free_allocation_t_per_t(2021), 1.464);
}

}  // namespace test_eu_ets_years

// CBAM on actual or default embedded emissions per scenario (issue 10, part 3): cbam.route of a
// fleet case, the default value where data/cbam.toml has the country's (China: 3.0 t CO2e/t direct,
// the UAE 1.87, Russia 2.16, Canada 1.96, marked up by year), actual elsewhere, both reported per smelter.
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"

namespace test_fleet_cbam_route {

using namespace potline;

namespace {

fleet::FleetCase world(const std::string& route, core::Diagnostics& d) {
  return fleet::parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\n[cbam]\nyear = 2030\neua_price = \"100 EUR/t\"\n"
                                 "usd_per_eur = 1.08\n" + route,
                                 "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                                 potline::testing::shipped_smelter_data(), d);
}

int index_of(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no smelter " << id;
  return 0;
}

}  // namespace

TEST(fleet_cbam_route, DefaultRouteUsesTheCountryDefaultWhereOneExists) {
  core::Diagnostics d0, d1;
  const fleet::FleetCase actual = world("", d0);
  const fleet::FleetCase def = world("route = \"default\"\n", d1);
  ASSERT_FALSE(d0.has_errors() || d1.has_errors()) << d0.to_string() << d1.to_string();
  std::vector<fleet::SmelterEconomics> ea, ed;
  fleet::evaluate(actual.model, actual.shocks, ea);
  fleet::evaluate(def.model, def.shocks, ed);
  const auto cn = static_cast<std::size_t>(index_of(def, "cn-xinheng-qinghai"));
  const auto ca = static_cast<std::size_t>(index_of(def, "ca-alouette"));
  // China's default 3.0 t CO2e/t with the 30 % mark-up of 2030: 3.9 t/t, in both routes' report.
  EXPECT_NEAR(ed[cn].cbam_default_see_kg_per_kg, 3.0 * 1.3, 1e-12);
  EXPECT_NEAR(ea[cn].cbam_default_see_kg_per_kg, 3.0 * 1.3, 1e-12);
  EXPECT_NEAR(ed[cn].cbam_see_kg_per_kg, 3.9, 1e-12);
  EXPECT_NEAR(ea[cn].cbam_see_kg_per_kg, ea[cn].direct_co2e_kg_per_kg, 1e-12);
  EXPECT_EQ(def.model.smelters[cn].cbam_route, "default (CHN)");
  EXPECT_EQ(actual.model.smelters[cn].cbam_route, "actual");
  // Certificates follow the embedded emissions: (SEE - benchmark x CBAM factor) x EUA x USD/EUR, the
  // benchmark's free allocation the same in both routes.
  const double k = 100.0 * 1.08 / 1000.0;  // USD per kg CO2e
  EXPECT_NEAR(ed[cn].cbam_usd_per_kg - ea[cn].cbam_usd_per_kg, (3.9 - ea[cn].direct_co2e_kg_per_kg) * k, 1e-9);
  EXPECT_EQ(def.model.smelters[ca].cbam_route, "default (CAN)");
  // Turkey has no default value in data/cbam.toml (not read from the Annex): actual in both, and said so.
  const auto mz = static_cast<std::size_t>(index_of(def, "as-eti-seydisehir"));
  EXPECT_EQ(def.model.smelters[mz].cbam_route, "actual (no default value for TUR in data/cbam.toml)");
  EXPECT_DOUBLE_EQ(ed[mz].cbam_see_kg_per_kg, ea[mz].cbam_see_kg_per_kg);
  EXPECT_DOUBLE_EQ(ed[mz].cbam_default_see_kg_per_kg, 0.0);
}

// Countries beyond China ([EU 2025/2621] Annex I, CN 7601 route K, data/cbam.toml): a scenario that
// selects the default route prices each smelter on its own country's value x (1 + 2030's 30 % mark-up).
TEST(fleet_cbam_route, DefaultRouteUsesEachExportingCountrysValue) {
  core::Diagnostics d;
  const fleet::FleetCase def = world("route = \"default\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(def.model, def.shocks, e);
  const struct {
    const char* id;
    const char* route;
    double value;
  } expected[] = {{"gcc-ega-jebel-ali", "default (ARE)", 1.87}, {"ru-bratsk", "default (RUS)", 2.16},
                  {"ca-alouette", "default (CAN)", 1.96},     {"af-hillside", "default (ZAF)", 2.358},
                  {"af-mozal", "default (MOZ)", 3.198},
                  {"cn-xinheng-qinghai", "default (CHN)", 3.0}};
  for (const auto& x : expected) {
    const auto i = static_cast<std::size_t>(index_of(def, x.id));
    EXPECT_EQ(def.model.smelters[i].cbam_route, x.route) << x.id;
    EXPECT_NEAR(e[i].cbam_see_kg_per_kg, x.value * 1.3, 1e-12) << x.id;
    EXPECT_NEAR(e[i].cbam_default_see_kg_per_kg, x.value * 1.3, 1e-12) << x.id;
  }
}

// The CBAM is levied on goods from third countries ([EU 2023/956] Art. 2(1)); the EEA states and
// Switzerland are outside it (Annex III). A smelter there carries no CBAM cost in either route, and
// its route says why, while a third country's smelter still pays.
TEST(fleet_cbam_route, SmeltersInTheEuAndTheEeaCarryNoCbamAndSayWhy) {
  for (const std::string route : {"", "route = \"default\"\n"}) {
    core::Diagnostics d;
    const fleet::FleetCase c = world(route, d);
    ASSERT_FALSE(d.has_errors()) << d.to_string();
    std::vector<fleet::SmelterEconomics> e;
    fleet::evaluate(c.model, c.shocks, e);
    const auto no = static_cast<std::size_t>(index_of(c, "eu-sunndal"));
    const auto is = static_cast<std::size_t>(index_of(c, "eu-fjardaal"));
    const auto de = static_cast<std::size_t>(index_of(c, "eu-trimet-hamburg"));
    EXPECT_EQ(c.model.smelters[no].cbam_route, "not applicable (NOR: EEA state, in the EU ETS)");
    EXPECT_EQ(c.model.smelters[is].cbam_route, "not applicable (ISL: EEA state, in the EU ETS)");
    EXPECT_EQ(c.model.smelters[de].cbam_route,
              "not applicable (DEU: EU member state, in the EU ETS)");
    for (const std::size_t i : {no, is, de}) {
      EXPECT_DOUBLE_EQ(e[i].cbam_usd_per_kg, 0.0) << c.model.smelters[i].record.id;
      EXPECT_DOUBLE_EQ(e[i].cbam_see_kg_per_kg, 0.0) << c.model.smelters[i].record.id;
      EXPECT_GT(e[i].direct_co2e_kg_per_kg, 1.0) << c.model.smelters[i].record.id;  // its emissions stay reported
    }
    const auto gb = static_cast<std::size_t>(index_of(c, "eu-lochaber"));
    EXPECT_GT(e[gb].cbam_usd_per_kg, 0.0);  // the United Kingdom is a third country
  }
}

TEST(fleet_cbam_route, AnUnknownRouteIsAnInputError) {
  core::Diagnostics d;
  EXPECT_THROW(world("route = \"defualt\"\n", d), core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("cbam.route"), std::string::npos) << e;
  EXPECT_NE(e.find("defualt"), std::string::npos) << e;
}
}  // namespace test_fleet_cbam_route

// User trial 12 (2026-12-06), T12-9 (and trial 13, T13-4): [[added_load]] (data-centre load on an
// area's power supply curve, issue 10 part 6) moved smelters' power prices and outputs, and neither
// the fleet text nor summary.json said by how much or on whom. Now summary key `added_loads` and a
// text block give, per area, the GW, the curve and its rise, the exposed smelters' power price and
// the region's price and output before -> after, and every smelter whose power price or output moved.
// "Before" is the case solved without the loads: for examples/world-data-centres.toml, whose only
// levers are its loads on the 2024 backtest, that is the backtest's own solve.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial12_added_load {
namespace {

const Json* area_of(const Json& loads, const std::string& curve) {
  for (const Json& a : loads.at("areas"))
    if (a.at("curve") == curve) return &a;
  return nullptr;
}

const Json* smelter_of(const Json& loads, const std::string& id) {
  for (const Json& s : loads.at("smelters"))
    if (s.at("id") == id) return &s;
  return nullptr;
}

TEST(CliTrial12AddedLoad, SummaryGivesEachAreaAndTheSmeltersItMoved) {
  const RunResult dc = potline({"fleet", example("world-data-centres.toml"), "--json"});
  ASSERT_EQ(dc.exit_code, 0) << dc.describe();
  const RunResult w24 = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(w24.exit_code, 0) << w24.describe();
  const Json j = parse_json(dc.out), backtest = parse_json(w24.out);
  ASSERT_TRUE(j.contains("added_loads")) << dc.out;
  EXPECT_FALSE(backtest.contains("added_loads"));  // no load, no key
  const Json& loads = j.at("added_loads");
  EXPECT_TRUE(loads.at("feasible_without").get<bool>());
  EXPECT_DOUBLE_EQ(loads.at("load_GW").get<double>(), 33.0);
  EXPECT_EQ(loads.at("areas").size(), 3u);
  // Without the loads: the backtest (its world price and US output, an independent solve).
  EXPECT_NEAR(loads.at("world_price_without_usd_per_t").get<double>(), backtest.at("world_price_usd_per_t").get<double>(), 1e-6);
  EXPECT_NEAR(loads.at("world_price_usd_per_t").get<double>(), j.at("world_price_usd_per_t").get<double>(), 1e-9);
  const Json* usa = area_of(loads, "usa-capacity");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->at("region"), "usa");
  EXPECT_DOUBLE_EQ(usa->at("load_GW").get<double>(), 30.0);
  EXPECT_EQ(usa->at("exposed_smelters").get<int>(), 2);
  EXPECT_NEAR(usa->at("region_production_without_Mt").get<double>(),
              backtest.at("production_by_region_Mt").at("usa").get<double>(), 1e-9);
  EXPECT_NEAR(usa->at("region_production_Mt").get<double>(), j.at("production_by_region_Mt").at("usa").get<double>(), 1e-9);
  // Each exposed smelter pays the curve's rise on top of its price without the load.
  const double rise = usa->at("price_rise_usd_per_MWh").get<double>();
  EXPECT_GT(rise, 20.0);
  for (const char* id : {"us-mount-holly", "us-sebree"}) {
    const Json* s = smelter_of(loads, id);
    ASSERT_NE(s, nullptr) << id;
    EXPECT_EQ(s->at("curve"), "usa-capacity");
    EXPECT_NEAR(s->at("power_price_usd_per_MWh").get<double>() - s->at("power_price_without_usd_per_MWh").get<double>(),
                rise, 1e-6);
    EXPECT_GT(s->at("c1_usd_per_t").get<double>(), s->at("c1_without_usd_per_t").get<double>());
    EXPECT_GT(s->at("production_without_kt_per_year").get<double>(), s->at("production_kt_per_year").get<double>());
  }
  // Warrick runs on its own coal plant: not exposed, its power price unchanged.
  const Json* warrick = smelter_of(loads, "us-warrick");
  if (warrick != nullptr) {
    EXPECT_TRUE(warrick->at("curve").is_null());
  }
  // Quebec: the new-supply tariff's rise is 0, its smelters exposed but their price unchanged.
  const Json* quebec = area_of(loads, "quebec-new-supply-tariff");
  ASSERT_NE(quebec, nullptr);
  EXPECT_EQ(quebec->at("price_rise_usd_per_MWh").get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(quebec->at("power_price_usd_per_MWh").get<double>(),
                   quebec->at("power_price_without_usd_per_MWh").get<double>());
  expect_in(quebec->at("curve_source").get<std::string>(), "cost of new supply");
  // Each area against the case without its own load: the US load binds, Quebec's does not.
  EXPECT_TRUE(usa->at("binding").get<bool>());
  EXPECT_FALSE(quebec->at("binding").get<bool>());
  EXPECT_TRUE(loads.at("binding").get<bool>());
}

TEST(CliTrial12AddedLoad, TextSaysWhatTheLoadsDid) {
  const RunResult r = potline({"fleet", example("world-data-centres.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "added load 33 GW (before -> after, i.e. without -> with it): world price ");
  expect_in(r.out, "    region 'usa': +30 GW (US data centres 30 GW) on supply curve 'usa-capacity': +27.");
  // Mount Holly at its 2024 capacity in force, 172.5 kt/yr, not its 230 kt/yr nameplate (T16-18).
  expect_in(r.out, "its 2 exposed smelters (0.38 Mt/yr) pay ");
  expect_in(r.out, "province 'Quebec': +1 GW (Quebec data centres 1 GW) on supply curve 'quebec-new-supply-tariff': "
                   "+0.00 USD/MWh; its 4 exposed smelters");
  expect_in(r.out, "keep their power price 30.0 USD/MWh; does not bind: without it the same prices and production");
  expect_in(r.out, "; binds: usa price ");
  expect_in(r.out, "      curve basis: estimate: the PJM capacity price's rise");
  expect_in(r.out, "    us-mount-holly          usa            usa-capacity");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial12_added_load

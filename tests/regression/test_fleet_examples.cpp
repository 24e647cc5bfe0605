// Every fleet example runs through the CLI with the documented keys and finite numbers, and the
// scenarios move the results the way their policy says; bad fleet input exits 2 with a clear message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>
#include <unistd.h>

#include "../cli/cli_helpers.hpp"

namespace potline_cli_test::test_fleet_examples {

namespace {

std::string example(const std::string& name) { return (source_dir() / "examples" / name).string(); }

Json run_json(const std::string& file, const std::vector<std::string>& sets = {}) {
  std::vector<std::string> args = {"fleet", file, "--json"};
  for (const std::string& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << file << "\n" << r.describe();
  return parse_json(r.out);
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / (std::string("potline-fleet-tests") + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

const char* kBase = "[fleet]\nlme = \"2400 USD/t\"\n";

}  // namespace

TEST(fleet_examples, EveryExampleRunsWithDocumentedKeys) {
  for (const char* name : {"world.toml", "world-2024.toml", "us-tariff-50.toml", "cbam-2034.toml", "xinjiang-exclusion.toml",
                           "world-elastic.toml", "world-path-2035.toml", "world-data-centres.toml"}) {
    const Json j = run_json(example(name));
    expect_all_finite(j);
    for (const char* key : {"capacity_Mt", "production_Mt", "marginal_cost_usd_per_t", "curtailed_Mt", "emissions_Mt_co2e"}) {
      finite_number(j, key);
    }
    EXPECT_GE(j.at("smelters").get<int>(), 60) << name;
    for (const char* region : {"china", "usa", "canada", "europe", "gcc", "india", "russia", "rest_of_asia", "oceania",
                               "south_america", "africa"}) {
      EXPECT_TRUE(j.at("capacity_by_region_Mt").contains(region)) << name << " " << region;
      EXPECT_GT(j.at("price_by_region_usd_per_t").at(region).get<double>(), 0) << name << " " << region;
    }
    // Demand (fixed, or the consumption on the demand curves) is met exactly; capacity =
    // production + curtailed.
    if (!j.at("demand_elastic").get<bool>()) {
      EXPECT_NEAR(j.at("production_Mt").get<double>(), j.at("demand_Mt").get<double>(), 1e-6) << name;
    }
    EXPECT_NEAR(j.at("production_Mt").get<double>(), j.at("consumption_Mt").get<double>(), 1e-6) << name;
    EXPECT_NEAR(j.at("capacity_Mt").get<double>(), j.at("production_Mt").get<double>() + j.at("curtailed_Mt").get<double>(), 1e-6);
    // China's 45 Mt cap holds.
    EXPECT_LE(j.at("production_by_region_Mt").at("china").get<double>(), 45.0 + 1e-6) << name;
  }
}

TEST(fleet_examples, RunFolderHasTheThreeTables) {
  const auto out = std::filesystem::temp_directory_path() / (std::string("potline-fleet-tests") + "-" + std::to_string(::getpid())) / "world-run";
  std::filesystem::remove_all(out);
  const RunResult r = potline({"fleet", example("world.toml"), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* f : {"summary.json", "manifest.json", "cost_curve.csv", "regions.csv", "flows.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
  }
  const std::string curve = read_file(out / "cost_curve.csv");
  EXPECT_EQ(curve.rfind("rank,id,name,region,country,province,aggregate,capacity_kt_per_year,", 0), 0u);
  EXPECT_FALSE(has_nonfinite_word(curve));
  EXPECT_NE(read_file(out / "flows.csv").find("canada,usa,"), std::string::npos);
  const std::string regions = read_file(out / "regions.csv");
  EXPECT_EQ(regions.rfind("region,name,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,imports_Mt_per_year,"
                          "exports_Mt_per_year,price_usd_per_t,emissions_Mt_co2e_per_year,consumption_Mt_per_year,"
                          "premium_usd_per_t,published_premium_usd_per_t,premium_benchmark,premium_basis,table_premium_usd_per_t\n",
                          0),
            0u);
}

TEST(fleet_examples, LmeTariffBasisKeepsTheLinearStandIn) {
  // tariff_basis = "lme": the tariff is 0.5 x the case's LME (2,392, the 2024 average of the backtest
  // world.toml builds on) = 1,196 USD/t whatever the origin price. The marginal US import is Indian
  // metal (the India-US lane, 140 USD/t, data/fleet-regions.toml): P_usa = P_india + 140 + 1196;
  // Canada, which ships its whole capacity to the US at 30 USD/t, earns a rent above that
  // (P_usa >= P_canada + 30 + 1196).
  const RunResult r = potline({"fleet", example("world.toml"), "--json", "--set", "market.tariff_basis=lme"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const double tariff = 0.5 * j.at("lme_usd_per_t").get<double>();
  EXPECT_NEAR(tariff, 1196, 1e-6);
  const double us = j.at("price_by_region_usd_per_t").at("usa").get<double>();
  const double ca = j.at("price_by_region_usd_per_t").at("canada").get<double>();
  const double in = j.at("price_by_region_usd_per_t").at("india").get<double>();
  EXPECT_NEAR(us - in, 140 + tariff, 1e-6);
  EXPECT_GE(us - ca, 30 + tariff - 1e-6);
  EXPECT_EQ(j.at("tariff_iterations").get<int>(), 0);
  EXPECT_EQ(j.at("tariff_basis").get<std::string>(), "lme");
}

// Since 2026-12-06 the backtest (and world.toml on it) answers the price with the elasticity 0.3
// that world-elastic.toml states: the fixed-demand comparison is world.toml with the elasticity set
// to 0.
TEST(fleet_examples, ElasticDemandFollowsItsCurve) {
  const Json fixed = run_json(example("world.toml"), {"market.demand_elasticity=0"});
  const Json j = run_json(example("world-elastic.toml"));
  expect_all_finite(j);
  EXPECT_TRUE(j.at("demand_elastic").get<bool>());
  EXPECT_FALSE(fixed.at("demand_elastic").get<bool>());
  // Fixed demand: consumption = demand by region.
  for (const auto& [region, q] : fixed.at("consumption_by_region_Mt").items()) {
    EXPECT_NEAR(q.get<double>(), fixed.at("demand_by_region_Mt").at(region).get<double>(), 1e-9) << region;
  }
  // Elastic: production = consumption; each region's consumption lies on the step curve: within
  // 50 %..150 % of its reference demand, and at or above it when the price is below the reference
  // price (the LME, 2,392 USD/t, of the backtest world.toml builds on), at or below it when above,
  // give or take the block that holds the reference demand: at that block's own price the LP may take
  // any part of it (since the EU ETS of 2024, T8-2: South America 1.6293 Mt for 1.631 at 2,378 USD/t,
  // one of its blocks; a block is about elasticity x demand_price_step = 0.55 % of the demand wide).
  // Since T12-11 (2026-12-06 late) each region's reference price is its observed 2024 price, the LME
  // + the region table's premium (summary: demand_reference_price_by_region_usd_per_t).
  EXPECT_NEAR(j.at("production_Mt").get<double>(), j.at("consumption_Mt").get<double>(), 1e-6);
  EXPECT_NEAR(j.at("lme_usd_per_t").get<double>(), 2392, 1e-6);
  const double block = 0.3 * j.at("demand_price_step").get<double>();  // a block's share of q0, at most
  double sum = 0;
  for (const auto& [region, q] : j.at("consumption_by_region_Mt").items()) {
    const double q0 = j.at("demand_by_region_Mt").at(region).get<double>();
    const double p = j.at("price_by_region_usd_per_t").at(region).get<double>();
    const double reference = j.at("demand_reference_price_by_region_usd_per_t").at(region).get<double>();
    EXPECT_NEAR(reference, 2392 + j.at("table_premium_by_region_usd_per_t").at(region).get<double>(), 1e-6) << region;
    sum += q.get<double>();
    EXPECT_GE(q.get<double>(), 0.5 * q0 - 1e-9) << region;
    EXPECT_LE(q.get<double>(), 1.5 * q0 + 1e-9) << region;
    if (p < reference) {
      EXPECT_GE(q.get<double>(), q0 * (1 - block) - 1e-9) << region;
    }
    if (p > reference) {
      EXPECT_LE(q.get<double>(), q0 * (1 + block) + 1e-9) << region;
    }
  }
  EXPECT_NEAR(sum, j.at("consumption_Mt").get<double>(), 1e-6);
  EXPECT_NEAR(j.at("capacity_Mt").get<double>(), j.at("production_Mt").get<double>() + j.at("curtailed_Mt").get<double>(), 1e-6);
  EXPECT_LE(j.at("production_by_region_Mt").at("china").get<double>(), 45.0 + 1e-6);
}

TEST(fleet_bad_input, DemandCurveAndTariffKeysChecked) {
  const std::string f = write_temp("bad-market.toml", std::string(kBase) +
                                                          "[market]\ndemand_elasticity = -0.3\ntariff_basis = \"origin\"\n"
                                                          "demand_range = 1.5\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("market.demand_elasticity"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-market.toml:4:21"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'market.tariff_basis': value 'origin' is not one of: transaction_value, origin_price, lme"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("market.demand_range"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-market.toml:5:16"), std::string::npos) << r.err;
}

TEST(fleet_examples, PoliciesMovePricesTheirWay) {
  const Json world = run_json(example("world.toml"));
  // The 50 % tariff is charged on the customs value (the price at origin, tariff_basis
  // "origin_price"): the US imports from Canada (freight 30 USD/t, data/fleet-regions.toml), so
  // P_usa = P_canada + 30 + 0.5 P_canada, within the fixed point's tolerance (0.1 USD/t).
  const double us = world.at("price_by_region_usd_per_t").at("usa").get<double>();
  const double ca = world.at("price_by_region_usd_per_t").at("canada").get<double>();
  EXPECT_NEAR(us, 1.5 * ca + 30, 1.0);
  EXPECT_TRUE(world.at("tariff_converged").get<bool>());
  EXPECT_GE(world.at("tariff_iterations").get<int>(), 1);
  // CBAM 2034 against the same year without CBAM (cbam-2034.toml is world.toml in the year 2034 with
  // an elastic demand and [cbam]; CBAM's year is the scenario year). With the slope-method PFCs of
  // modern smelters (data/fleet-anode-effects.toml) an import's CBAM at the path's 146 EUR/t of 2034
  // passes through: Europe 3,197 -> 3,487 USD/t on 2026-12-05. With Tier 1 PFCs for every smelter (an
  // empty anode-effect table) it rises by more.
  const std::vector<std::string> year_2034 = {"--set", "fleet.year=2034", "--set", "market.demand_elasticity=0.3"};
  const auto run = [](std::vector<std::string> args) {
    args.push_back("--json");
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    return parse_json(r.out);
  };
  std::vector<std::string> without = {"fleet", example("world.toml")};
  without.insert(without.end(), year_2034.begin(), year_2034.end());
  const Json world_2034 = run(without);
  const Json cbam = run({"fleet", example("cbam-2034.toml")});
  const double eu_without = world_2034.at("price_by_region_usd_per_t").at("europe").get<double>();
  const double eu_with = cbam.at("price_by_region_usd_per_t").at("europe").get<double>();
  EXPECT_GT(eu_with, eu_without + 100) << eu_without << " -> " << eu_with;
  EXPECT_EQ(cbam.at("cbam_year").get<int>(), 2034);
  const std::string none = write_temp("no-anode-effects.toml", "coefficient_set = \"IPCC2019\"\n");
  without.insert(without.end(), {"--set", "fleet.anode_effects=" + none});
  const Json world_t1 = run(without);
  const Json cbam_t1 = run({"fleet", example("cbam-2034.toml"), "--set", "fleet.anode_effects=" + none});
  EXPECT_GT(cbam_t1.at("price_by_region_usd_per_t").at("europe").get<double>() -
                world_t1.at("price_by_region_usd_per_t").at("europe").get<double>(),
            eu_with - eu_without);
  // A 20 % US power shock with curtailed capacity allowed back: US capacity in play rises.
  const Json tariff = run_json(example("us-tariff-50.toml"));
  EXPECT_GT(tariff.at("capacity_by_region_Mt").at("usa").get<double>(), world.at("capacity_by_region_Mt").at("usa").get<double>());
}

// Every scenario example builds on the 2024 backtest (case.base, directly or through world.toml),
// so it keeps the backtest's calibration: the 2024 LME average and the scenario year 2024 (cbam-2034:
// 2034, which CBAM's full phase-in needs; the path: 2024 to 2035). Before 2026-12-05 world.toml,
// us-tariff-50, cbam-2034, xinjiang-exclusion and world-elastic ran the uncalibrated defaults (LME
// 2,400, alumina at 14 %): world prices 1,837-2,134 USD/t against the backtest's 2,225. World prices
// measured on 2026-12-05: world 2,225, us-tariff-50 2,157, xinjiang-exclusion 2,225, world-elastic
// 2,166, cbam-2034 3,037 (the year 2034), world-data-centres 2,538.
TEST(fleet_examples, ScenarioExamplesKeepTheBacktestCalibration) {
  const Json backtest = run_json(example("world-2024.toml"));
  for (const char* name : {"world.toml", "us-tariff-50.toml", "xinjiang-exclusion.toml", "world-elastic.toml",
                           "world-data-centres.toml", "cbam-2034.toml", "world-path-2035.toml"}) {
    const Json j = run_json(example(name));
    EXPECT_EQ(j.at("lme_usd_per_t").get<double>(), backtest.at("lme_usd_per_t").get<double>()) << name;
    const int year = j.at("year").get<int>();
    const std::string n = name;
    EXPECT_EQ(year, n == "cbam-2034.toml" ? 2034 : n == "world-path-2035.toml" ? 2035 : 2024) << name;
  }
  // Current policy at 2024 demand: the world (exporters') price is near the backtest's; the US,
  // behind its 50 % tariff, and Europe, without Russian metal, may differ. Equal (2,225 USD/t)
  // until South America's dated 2024 state (2026-12-05 evening) raised the backtest's to 2,243.5,
  // while current policy stayed at 2,225.1. Since Warrick's dated 2024 state and the backtest's
  // demand elasticity (2026-12-06; world.toml and world-elastic.toml now solve the same case):
  // 2,255.2 and 2,298.3 (with fixed demand Warrick's correction alone had moved both to 2,573.9).
  // Since Alro's line current inferred from its cells (2026-12-06: the `old` class, C1 2,652 ->
  // 2,756 USD/t; Europe's marginal plant) 2,298.3 and 2,326.2; 2,288.8 and 2,326.2 since the
  // fine demand blocks (0.1 %, 2026-12-06, T9-11). Since the EU ETS of 2024 is charged on EU and
  // EEA smelters (user trial 8, T8-2: Alro stops) 2,289.1 and 2,332.9. Since each region's demand
  // curve passes through its 2024 demand at its observed 2024 price, LME + premium (T12-11,
  // 2026-12-06 late) 2,369.4 and 2,389.4. Since the main-Japanese-port premium of 2024 was corrected
  // to 143 USD/t (user trial 13, T13-8, 2026-12-07: the rest of Asia's demand anchor) 2,368.0 and
  // 2,389.4. Since TALCO runs its part capacity (user trial 16, T16-8, 2026-12-07) 2,358.9 and
  // 2,379.9; since the AP18 rows' `ap18` class and Hillside's and Mozal's 2024 capacities (user
  // trials T16-10, T17-13, 2026-12-07) 2,358.6 and 2,376.5; since Portland's and Tiwai Point's dated
  // 2024 states (validation W25, fleet19, 2026-12-07) 2,369.9 and 2,389.6. Asserted as measured.
  const Json world = run_json(example("world.toml"));
  EXPECT_NEAR(world.at("world_price_usd_per_t").get<double>(), 2369.9, 1.0);
  EXPECT_NEAR(backtest.at("world_price_usd_per_t").get<double>(), 2389.6, 1.0);
  EXPECT_NEAR(world.at("world_price_usd_per_t").get<double>(), 2392, 0.10 * 2392);
  // The Xinjiang exclusion binds nowhere: the same prices as world.toml.
  const Json xinjiang = run_json(example("xinjiang-exclusion.toml"));
  for (const auto& [region, price] : world.at("price_by_region_usd_per_t").items()) {
    EXPECT_NEAR(xinjiang.at("price_by_region_usd_per_t").at(region).get<double>(), price.get<double>(), 1e-6) << region;
  }
}

TEST(fleet_bad_input, UnknownRegionNamedWithHint) {
  const std::string f = write_temp("bad-region.toml", std::string(kBase) + "[[tariff]]\nimporter = \"usaa\"\nrate = 0.25\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown region 'usaa' (did you mean 'usa'?)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-region.toml:4:12"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, UnknownSmelterNamedWithHint) {
  const std::string f = write_temp("bad-smelter.toml", std::string(kBase) +
                                                           "[[retrofit]]\nsmelter = \"us-mount-holy\"\ntechnology = \"AP60\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown smelter 'us-mount-holy' (did you mean 'us-mount-holly'?)"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, InfeasibleTradeExplainedNotCrashed) {
  const std::string f = write_temp("infeasible.toml", std::string(kBase) + "[[demand]]\nregion = \"europe\"\nfactor = 5\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("infeasible trade problem"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("world demand"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, DuplicateSmelterIdInDataset) {
  const std::string csv = write_temp(
      "dup.csv",
      "id,name,country,region,province,lat,lon,owner,capacity_kt_per_year,status,commissioning_year,technology,"
      "technology_inferred,line_current_kA,power_source,employees,aggregate,source\n"
      "x,X,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n"
      "x,Y,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n");
  const std::string f = write_temp("dup.toml", "[fleet]\nlme = 2400\nsmelters = \"" + csv + "\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("duplicate smelter id 'x'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dup.csv:3:1"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, UnknownKeyInCase) {
  const std::string f = write_temp("bad-key.toml", std::string(kBase) + "[[tarif]]\nimporter = \"usa\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("bad-key.toml:3:3: error: 'tarif': unknown array of tables [[tarif]] (did you mean [[tariff]]?)"),
            std::string::npos) << r.err;
}

// Current-policy examples keep Russian metal out of the US and Europe (the [[exclusion]] of
// examples/world.toml: US measures of 2023-24, EU 16th package of 2025): flows.csv has no
// russia -> usa or russia -> europe row, and Russia still sells its output elsewhere.
TEST(fleet_examples, SanctionsKeepRussianMetalOutOfTheUsAndEurope) {
  const auto out = std::filesystem::temp_directory_path() / (std::string("potline-fleet-tests") + "-" + std::to_string(::getpid())) / "world-sanctions";
  std::filesystem::remove_all(out);
  const RunResult r = potline({"fleet", example("world.toml"), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string flows = read_file(out / "flows.csv");
  EXPECT_EQ(flows.find("russia,usa,"), std::string::npos) << flows;
  EXPECT_EQ(flows.find("russia,europe,"), std::string::npos) << flows;
  EXPECT_NE(flows.find("russia,china,"), std::string::npos) << flows;
}

// The 2024 case reports the cap's shadow price (China runs below its 45 Mt/yr cap: 0) and a margin
// per smelter in cost_curve.csv (the last column; the cheapest smelter's is positive). That every
// producing smelter's margin is >= 0 is the LP's complementary slackness, tested in test_fleet_solve.
TEST(fleet_examples, CapShadowPriceAndMarginsAreReported) {
  const auto out = std::filesystem::temp_directory_path() / (std::string("potline-fleet-tests") + "-" + std::to_string(::getpid())) / "world-2024-margins";
  std::filesystem::remove_all(out);
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", out.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = Json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(j.at("cap_shadow_price_usd_per_t").at("china cap").get<double>(), 0.0);
  const std::string curve = read_file(out / "cost_curve.csv");
  std::istringstream lines(curve);
  std::string header, line;
  std::getline(lines, header);
  ASSERT_NE(header.find(",technology,technology_class,margin_usd_per_t"), std::string::npos) << header;
  // Fields split with CSV quoting (later text columns such as power_origin hold commas).
  const auto fields = [](const std::string& row) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char ch : row) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) out.emplace_back();
      else out.back() += ch;
    }
    return out;
  };
  const std::vector<std::string> names = fields(header);
  const auto column = static_cast<std::size_t>(std::find(names.begin(), names.end(), "margin_usd_per_t") - names.begin());
  ASSERT_LT(column, names.size());
  int rows = 0;
  while (std::getline(lines, line)) {
    const double margin = std::stod(fields(line).at(column));
    if (rows == 0) {
      EXPECT_GT(margin, 0.0) << line;
    }
    ++rows;
    EXPECT_TRUE(std::isfinite(margin)) << line;
  }
  EXPECT_GE(rows, 100);
}

// A path of years (examples/world-path-2035.toml): one summary entry and eleven path.csv rows (one
// per region) a year, 2024 to 2035; the summary's other keys are the last year's.
TEST(fleet_examples, PathOfYearsWritesEveryYear) {
  const auto dir = std::filesystem::temp_directory_path() / (std::string("potline-fleet-tests") + "-" + std::to_string(::getpid())) / "path-run";
  std::filesystem::remove_all(dir);
  const RunResult r = potline({"fleet", example("world-path-2035.toml"), "--out", dir.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  ASSERT_EQ(j.at("path").size(), 12u);
  EXPECT_EQ(j.at("path").front().at("year").get<int>(), 2024);
  EXPECT_EQ(j.at("year").get<int>(), 2035);
  EXPECT_EQ(j.at("path").back().at("production_Mt").get<double>(), j.at("production_Mt").get<double>());
  std::ifstream csv(dir / "path.csv");
  std::string line;
  int lines = 0;
  while (std::getline(csv, line)) ++lines;
  EXPECT_EQ(lines, 1 + 12 * 11);
}
}  // namespace potline_cli_test::test_fleet_examples

// Sweeps (sweep/*.hpp): the counter-based sampler and distributions, the sweep file with its
// errors, the SQLite store (refusing foreign or corrupted files), thread-count independence and
// resume without duplicates.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet.hpp"
#include "potline/sweep/run.hpp"
#include "../common/shipped_data.hpp"

namespace test_sweep {

using namespace potline;
using namespace potline::sweep;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-sweep-unit");
  std::filesystem::create_directories(dir);
  return dir;
}

std::string examples() { return std::string(POTLINE_SOURCE_DIR) + "/examples"; }

// Parses sweep text as if it were a file in examples/ (so base = "world.toml" resolves).
SweepSpec parse(const std::string& text, core::Diagnostics& d) {
  return parse_sweep(text, "test-sweep.toml", examples(), cell::default_data_dir(), data(), d);
}

// The error text of a sweep that must fail.
std::string errors_of(const std::string& text) {
  core::Diagnostics d;
  try {
    parse(text, d);
  } catch (const core::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected input errors for:\n" << text;
  return "";
}

const char* kHead = "[sweep]\nbase = \"world.toml\"\nseed = 7\nsamples = 4\n";

// Every stored row as text, in a canonical order.
std::vector<std::string> dump(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT scenario, sample, entity, metric, value FROM results ORDER BY scenario, sample, entity, metric", -1, &s, nullptr);
  std::vector<std::string> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(s, 4));
    rows.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) + "|" +
                   std::to_string(sqlite3_column_int64(s, 1)) + "|" + reinterpret_cast<const char*>(sqlite3_column_text(s, 2)) +
                   "|" + reinterpret_cast<const char*>(sqlite3_column_text(s, 3)) + "|" + buf);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

SweepSpec small() {
  core::Diagnostics d;
  return load_sweep(examples() + "/sweep-small.toml", cell::default_data_dir(), data(), d);
}

}  // namespace

// ---- sampler

TEST(sweep_random, DrawsArePureFunctionsOfTheirKey) {
  const DrawKey a{1, 0, 5, 2};
  EXPECT_EQ(bits(a, 0), bits(a, 0));
  EXPECT_NE(bits(a, 0), bits(a, 1));
  EXPECT_NE(bits(a, 0), bits(DrawKey{1, 0, 6, 2}, 0));
  EXPECT_NE(bits(a, 0), bits(DrawKey{2, 0, 5, 2}, 0));
  EXPECT_NE(bits(a, 0), bits(DrawKey{1, 1, 5, 2}, 0));
  EXPECT_NE(bits(a, 0), bits(DrawKey{1, 0, 5, 3}, 0));
  // A fixed value: the generator must never change silently (stored sweeps would not resume).
  EXPECT_EQ(bits(DrawKey{0, 0, 0, 0}, 0), bits(DrawKey{0, 0, 0, 0}, 0));
  const double u = uniform01(a, 0);
  EXPECT_GT(u, 0.0);
  EXPECT_LT(u, 1.0);
}

TEST(sweep_random, GoldenValuesDoNotChange) {
  // SplitMix64 finaliser of 0 is its published first output for seed 0: 0xE220A8397B1DCDAF.
  EXPECT_EQ(mix64(0), 0xE220A8397B1DCDAFull);
}

namespace {
struct Moments {
  double mean = 0, var = 0;
};
Moments moments(const Distribution& d, int n) {
  double s = 0, s2 = 0;
  for (int k = 0; k < n; ++k) {
    const double x = sample(d, DrawKey{99, 0, static_cast<std::uint64_t>(k), 0});
    s += x;
    s2 += x * x;
  }
  const double m = s / n;
  return {m, s2 / n - m * m};
}
}  // namespace

TEST(sweep_random, DistributionsHaveTheirMoments) {
  const int n = 40000;  // standard error of the mean ~ sd/200
  {
    const auto m = moments({DistributionKind::kUniform, 2, 4, 0}, n);
    EXPECT_NEAR(m.mean, 3.0, 0.01);
    EXPECT_NEAR(m.var, 4.0 / 12.0, 0.01);
  }
  {
    const auto m = moments({DistributionKind::kNormal, 10, 2, 0}, n);
    EXPECT_NEAR(m.mean, 10.0, 0.03);
    EXPECT_NEAR(std::sqrt(m.var), 2.0, 0.03);
  }
  {
    // lognormal(median 1, sigma 0.5): mean exp(sigma^2/2) = 1.1331
    const auto m = moments({DistributionKind::kLognormal, 1, 0.5, 0}, n);
    EXPECT_NEAR(m.mean, std::exp(0.125), 0.01);
  }
  {
    // triangular(0, 1, 4): mean 5/3, variance (a²+b²+c²-ab-ac-bc)/18 = 13/18
    const auto m = moments({DistributionKind::kTriangular, 0, 1, 4}, n);
    EXPECT_NEAR(m.mean, 5.0 / 3.0, 0.01);
    EXPECT_NEAR(m.var, 13.0 / 18.0, 0.02);
  }
  for (int k = 0; k < 1000; ++k) {
    const double x = sample({DistributionKind::kTriangular, 1, 2, 3}, DrawKey{1, 0, static_cast<std::uint64_t>(k), 0});
    EXPECT_GE(x, 1.0);
    EXPECT_LE(x, 3.0);
  }
}

TEST(sweep_random, BadParametersAreExplained) {
  EXPECT_NE(check({DistributionKind::kUniform, 2, 1, 0}).find("min < max"), std::string::npos);
  EXPECT_NE(check({DistributionKind::kNormal, 0, 0, 0}).find("sd > 0"), std::string::npos);
  EXPECT_NE(check({DistributionKind::kLognormal, -1, 0.1, 0}).find("median > 0"), std::string::npos);
  EXPECT_NE(check({DistributionKind::kTriangular, 0, 5, 4}).find("mode"), std::string::npos);
  EXPECT_EQ(check({DistributionKind::kTriangular, 0, 0, 4}), "");
}

// ---- sweep file

TEST(sweep_file, SmallExampleLoads) {
  const SweepSpec s = small();
  ASSERT_EQ(s.scenarios.size(), 2u);
  EXPECT_EQ(s.scenarios[1].name, "us-power-plus-20");
  const int usa = s.scenarios[1].fleet.model.regions.index_of("usa");
  ASSERT_GE(usa, 0);
  EXPECT_DOUBLE_EQ(s.scenarios[1].fleet.shocks.power_factor[static_cast<std::size_t>(usa)], 1.2);
  EXPECT_DOUBLE_EQ(s.scenarios[0].fleet.shocks.power_factor[static_cast<std::size_t>(usa)], 1.0);
  ASSERT_EQ(s.inputs.size(), 3u);
  // The EUA draw (user trial 17, T17-6; a Europe carbon-price draw before, which replaced the EU ETS):
  // uniform 55-75 EUR/t, the lever's unit (cbam.eua_price, EUR/t, also its internal unit).
  EXPECT_EQ(s.inputs[1].parameter, Parameter::kEuaPrice);
  EXPECT_EQ(s.inputs[1].name, "eua_price");
  EXPECT_NEAR(s.inputs[1].distribution.a, 55.0, 1e-12);
  EXPECT_NEAR(s.inputs[1].distribution.b, 75.0, 1e-12);
  EXPECT_EQ(s.hash.size(), 16u);
}

TEST(sweep_file, InputsDependOnlyOnSeedScenarioAndSample) {
  const SweepSpec s = small();
  const auto a = draw_inputs(s, 0, 3);
  const auto b = draw_inputs(s, 0, 3);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, draw_inputs(s, 0, 4));
  EXPECT_EQ(a, draw_inputs(s, 1, 3));  // common random numbers (the default)
  SweepSpec independent = s;
  independent.common_random_numbers = false;
  EXPECT_NE(draw_inputs(independent, 0, 3), draw_inputs(independent, 1, 3));
}

TEST(sweep_file, HashIgnoresSampleCountOnly) {
  core::Diagnostics d1, d2, d3;
  const auto a = parse(std::string(kHead), d1);
  const auto b = parse("[sweep]\nbase = \"world.toml\"\nseed = 7\nsamples = 40\n", d2);
  const auto c = parse("[sweep]\nbase = \"world.toml\"\nseed = 8\nsamples = 4\n", d3);
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_NE(a.hash, c.hash);
  ASSERT_EQ(a.scenarios.size(), 1u);
  EXPECT_EQ(a.scenarios[0].name, "base");
}

TEST(sweep_file, UnknownRegionInScenarioIsAnErrorWithDidYouMeanAtItsLine) {
  const std::string text = std::string(kHead) +            // lines 1-4
                           "[[scenario]]\n"                 // 5
                           "name = \"typo\"\n"              // 6
                           "[[scenario.power_shock]]\n"     // 7
                           "region = \"usaa\"\n"            // 8
                           "factor = 1.2\n";
  const std::string e = errors_of(text);
  EXPECT_NE(e.find("unknown region 'usaa'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'usa'"), std::string::npos) << e;
  EXPECT_NE(e.find("test-sweep.toml:8"), std::string::npos) << e;
  EXPECT_NE(e.find("scenario 'typo'"), std::string::npos) << e;
}

TEST(sweep_file, UnknownSmelterInScenarioRetrofitIsAnError) {
  const std::string text = std::string(kHead) + "[[scenario]]\nname = \"r\"\n[[scenario.retrofit]]\nsmelter = \"no-such-smelter\"\ntechnology = \"AP60\"\n";
  const std::string e = errors_of(text);
  EXPECT_NE(e.find("unknown smelter 'no-such-smelter'"), std::string::npos) << e;
}

TEST(sweep_file, UncertainInputErrorsAreCollected) {
  const std::string text = std::string(kHead) +
                           "[[uncertain]]\nparameter = \"power_factr\"\ndistribution = \"uniform\"\nmin = 0.9\nmax = 1.1\n"
                           "[[uncertain]]\nparameter = \"power_factor\"\nregion = \"eurpoe\"\ndistribution = \"uniform\"\nmin = 0.9\nmax = 1.1\n"
                           "[[uncertain]]\nparameter = \"alumina_factor\"\ndistribution = \"gaussian\"\nmean = 1\nsd = 0.1\n"
                           "[[uncertain]]\nparameter = \"demand_factor\"\ndistribution = \"uniform\"\nmin = 1.1\nmax = 0.9\n"
                           "[[uncertain]]\nname = \"x\"\nparameter = \"carbon_price\"\ndistribution = \"normal\"\nmean = \"20 USD/t\"\n";
  const std::string e = errors_of(text);
  EXPECT_NE(e.find("test-sweep.toml:6:13: error: 'uncertain[0].parameter': value 'power_factr' is not one of: "
                   "power_factor, power_adder, carbon_price, alumina_factor, demand_factor, eua_price (did you mean "
                   "'power_factor'?)"),
            std::string::npos) << e;
  EXPECT_NE(e.find("test-sweep.toml:12:10: error: 'uncertain[1].region': unknown region 'eurpoe' (did you mean 'europe'?)"),
            std::string::npos) << e;
  EXPECT_NE(e.find("'uncertain[2].distribution': value 'gaussian' is not one of: uniform, normal, lognormal, triangular"),
            std::string::npos) << e;
  EXPECT_NE(e.find("'uncertain[3]': 'demand_factor': uniform needs min < max"), std::string::npos) << e;
  EXPECT_NE(e.find("test-sweep.toml:26:1: error: 'uncertain[4].sd': required for a normal distribution"), std::string::npos) << e;
}

TEST(sweep_file, MissingBaseAndDuplicateScenariosAreErrors) {
  EXPECT_NE(errors_of("[sweep]\nseed = 1\nsamples = 2\n").find("sweep.base"), std::string::npos);
  EXPECT_NE(errors_of(std::string(kHead) + "[[scenario]]\nname = \"a\"\n[[scenario]]\nname = \"a\"\n").find("duplicate scenario name 'a'"),
            std::string::npos);
  EXPECT_NE(errors_of(std::string(kHead) + "[[scenario]]\nname = \"a\"\n[scenario.tarif]\nrate = 1\n").find("did you mean 'tariff'"),
            std::string::npos);
}

// [sweep]'s settings bind SweepSpec members through the sweep table: its defaults apply, required
// keys are named, and --set reaches them.
TEST(sweep_file, BoundSettingsTakeTheTableDefaultsAndRequiredKeysAreNamed) {
  const SweepSpec s = small();
  EXPECT_TRUE(s.common_random_numbers);  // the table's default; the example does not set it
  EXPECT_FALSE(s.store_smelters);
  const std::string e = errors_of("[sweep]\nbase = \"world.toml\"\n");
  EXPECT_NE(e.find("'sweep.seed': required: a non-negative integer seed"), std::string::npos) << e;
  EXPECT_NE(e.find("'sweep.samples': required: the number of Monte Carlo samples per scenario"), std::string::npos) << e;
  EXPECT_LT(e.find("sweep.seed"), e.find("sweep.samples")) << e;
}

// ---- store

TEST(sweep_store, RefusesGarbageForeignAndOtherSweepFiles) {
  const auto dir = temp_dir();
  const std::string garbage = (dir / "garbage.sqlite").string();
  std::ofstream(garbage) << "this is not a database, just some text that is long enough to look like a header......";
  EXPECT_THROW(ResultStore(garbage, "aaaa", "t"), core::InputError);

  const std::string foreign = (dir / "foreign.sqlite").string();
  std::filesystem::remove(foreign);
  {
    sqlite3* db = nullptr;
    sqlite3_open(foreign.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE other(x); INSERT INTO other VALUES(1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  try {
    ResultStore s(foreign, "aaaa", "t");
    ADD_FAILURE() << "a foreign SQLite file was accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("without a Potline sweep schema"), std::string::npos) << e.what();
  }

  const std::string other = (dir / "other.sqlite").string();
  std::filesystem::remove(other);
  { ResultStore s(other, "aaaa", "t"); }
  try {
    ResultStore s(other, "bbbb", "t");
    ADD_FAILURE() << "a store of another sweep was accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("belongs to a different sweep"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(ResultStore(other, "aaaa", "t"));
}

TEST(sweep_store, WritesEachSampleOnceAndMerges) {
  const auto dir = temp_dir();
  const std::string a = (dir / "a.sqlite").string(), b = (dir / "b.sqlite").string();
  std::filesystem::remove(a);
  std::filesystem::remove(b);
  ResultStore sa(a, "h", "t");
  const SampleResult r0{"s", 0, {{"world", "x", 1.0}, {"world", "y", 2.0}}};
  const SampleResult r1{"s", 1, {{"world", "x", 3.0}}};
  sa.write({r0});
  sa.write({r0, r1});  // r0 again: ignored
  EXPECT_EQ(sa.finished().size(), 2u);
  EXPECT_EQ(dump(a).size(), 3u);
  {
    ResultStore sb(b, "h", "t");
    sb.write({r1, SampleResult{"s", 2, {{"world", "x", 5.0}}}});
  }
  EXPECT_EQ(sa.merge_from(b), 1);
  EXPECT_EQ(sa.finished().size(), 3u);
  EXPECT_EQ(dump(a).size(), 4u);
  const SampleResult bad{"s", 9, {{"world", "x", std::nan("")}}};
  EXPECT_THROW(sa.write({bad}), core::RunError);
  EXPECT_EQ(sa.finished().size(), 3u);  // the failed batch left nothing behind
}

// ---- runs

TEST(sweep_run, StoredResultsAreIdenticalForOneAndTwoThreads) {
  const SweepSpec spec = small();
  const auto dir = temp_dir();
  const std::string one = (dir / "t1.sqlite").string(), two = (dir / "t2.sqlite").string();
  std::filesystem::remove(one);
  std::filesystem::remove(two);
  {
    ResultStore s(one, spec.hash, spec.title);
    RunOptions o;
    o.threads = 1;
    const auto sum = run_sweep(spec, s, o);
    EXPECT_EQ(sum.computed, 12);
  }
  {
    ResultStore s(two, spec.hash, spec.title);
    RunOptions o;
    o.threads = 2;
    o.batch = 5;  // uneven batches on purpose
    run_sweep(spec, s, o);
  }
  const auto a = dump(one), b = dump(two);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST(sweep_run, InterruptedSweepResumesWithoutRecomputingOrDuplicating) {
  const SweepSpec spec = small();
  const auto dir = temp_dir();
  const std::string whole = (dir / "whole.sqlite").string(), parts = (dir / "parts.sqlite").string();
  std::filesystem::remove(whole);
  std::filesystem::remove(parts);
  {
    ResultStore s(whole, spec.hash, spec.title);
    run_sweep(spec, s, RunOptions{});
  }
  {
    ResultStore s(parts, spec.hash, spec.title);
    RunOptions o;
    o.limit = 5;
    o.batch = 2;
    EXPECT_EQ(run_sweep(spec, s, o).computed, 5);
  }
  {
    ResultStore s(parts, spec.hash, spec.title);
    const auto sum = run_sweep(spec, s, RunOptions{});
    EXPECT_EQ(sum.skipped, 5);
    EXPECT_EQ(sum.computed, 7);
  }
  EXPECT_EQ(dump(whole), dump(parts));
}

// User trial 17, T17-6: a sweep draws the EUA (parameter eua_price, EUR/t), which prices the EU ETS of
// the EU/EEA smelters (emissions above the free allocation x EUA, so linear in it) and CBAM on imports
// (certificates x EUA, less a price paid at origin), in place of the case's price, as a carbon_price
// draw on Europe replaced the EU ETS. Not regional: a region is an error.
TEST(sweep_run, AnEuaDrawPricesTheEuEtsAndCbamAtTheDrawnPrice) {
  const SweepSpec spec = small();
  const fleet::FleetCase& c = spec.scenarios[0].fleet;
  ASSERT_GT(c.eua_eur_per_t, 0.0);  // 2024: 65 EUR/t, the path's
  fleet::Shocks doubled = c.shocks;
  doubled.eua_eur_per_t = 2 * c.eua_eur_per_t;
  std::vector<fleet::SmelterEconomics> e0, e1;
  fleet::evaluate(c.model, c.shocks, e0);
  fleet::evaluate(c.model, doubled, e1);
  int in_ets = 0;
  for (std::size_t i = 0; i < e0.size(); ++i) {
    if (e0[i].eu_ets_usd_per_kg == 0 || c.model.smelters[i].in_uk_ets) {
      EXPECT_DOUBLE_EQ(e1[i].eu_ets_usd_per_kg, e0[i].eu_ets_usd_per_kg) << c.model.smelters[i].record.id;
      continue;
    }
    ++in_ets;
    EXPECT_NEAR(e1[i].eu_ets_usd_per_kg, 2 * e0[i].eu_ets_usd_per_kg, 1e-12) << c.model.smelters[i].record.id;
  }
  EXPECT_GE(in_ets, 5);  // Germany, France, Norway, Iceland, Sweden, ...
  // CBAM: the 2034 case (every year's CBAM factor 0 by then, the benchmark free allocation gone).
  core::Diagnostics d;
  const fleet::FleetCase cbam = fleet::load_fleet_case(examples() + "/cbam-2034.toml", cell::default_data_dir(), data(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  fleet::Shocks drawn = cbam.shocks;
  drawn.eua_eur_per_t = 0.5 * cbam.eua_eur_per_t;
  fleet::evaluate(cbam.model, cbam.shocks, e0);
  fleet::evaluate(cbam.model, drawn, e1);
  int paying = 0;
  for (std::size_t i = 0; i < e0.size(); ++i) {
    if (e0[i].cbam_usd_per_kg <= 0 || e0[i].cbam_carbon_price_paid_eur_per_t > 0) continue;
    ++paying;
    EXPECT_NEAR(e1[i].cbam_usd_per_kg, 0.5 * e0[i].cbam_usd_per_kg, 1e-9) << cbam.model.smelters[i].record.id;
  }
  EXPECT_GT(paying, 50);
  const std::string e = errors_of(std::string(kHead) +
                                  "[[uncertain]]\nparameter = \"eua_price\"\nregion = \"europe\"\ndistribution = "
                                  "\"uniform\"\nmin = \"55 EUR/t\"\nmax = \"75 EUR/t\"\n");
  EXPECT_NE(e.find("eua_price"), std::string::npos) << e;
  EXPECT_NE(e.find("region"), std::string::npos) << e;
}

TEST(sweep_run, ScenarioLeverMovesTheResult) {
  const SweepSpec spec = small();
  const SampleResult base = evaluate_sample(spec, 0, 0), high = evaluate_sample(spec, 1, 0);
  auto value = [](const SampleResult& r, const std::string& entity, const std::string& metric) {
    for (const auto& x : r.rows) if (x.entity == entity && x.metric == metric) return x.value;
    ADD_FAILURE() << entity << " " << metric << " missing";
    return 0.0;
  };
  EXPECT_EQ(value(base, "input", "power_factor_usa"), value(high, "input", "power_factor_usa"));
  EXPECT_EQ(value(base, "world", "market_feasible"), 1.0);
  // US power 20 % dearer: US production cannot rise.
  EXPECT_LE(value(high, "region:usa", "production_Mt"), value(base, "region:usa", "production_Mt") + 1e-9);
  EXPECT_GT(value(base, "world", "production_Mt"), 10.0);
  // Mass balance of the stored metrics: what the regions consume is what the world produces, and
  // each region consumes its production plus imports minus exports.
  double consumed = 0;
  for (const auto& x : base.rows) {
    if (x.metric != "consumption_Mt" || x.entity.rfind("region:", 0) != 0) continue;
    consumed += x.value;
    EXPECT_NEAR(x.value,
                value(base, x.entity, "production_Mt") + value(base, x.entity, "imports_Mt") -
                    value(base, x.entity, "exports_Mt"),
                1e-9 * std::max(1.0, x.value))
        << x.entity;
  }
  EXPECT_NEAR(consumed, value(base, "world", "production_Mt"), 1e-9 * consumed);
}
// Docs audit DA19-38: the store recorded the SHA-256 of the sweep file, its base cases, the dataset and
// the region table only, so a resume after a change to, say, data/technologies.toml mixed two data sets.
// Every data file a sample reads is an input now: each scenario's fleet files and the smelter model's.
TEST(sweep_file, EveryDataFileASampleReadsIsAnInputOfTheStore) {
  const SweepSpec s = small();
  const auto has = [&](const std::string& tail) {
    return std::any_of(s.input_files.begin(), s.input_files.end(), [&](const std::string& f) {
      return f.size() >= tail.size() && f.compare(f.size() - tail.size(), tail.size(), tail) == 0;
    });
  };
  for (const char* file : {"sweep-small.toml", "world-elastic.toml", "smelters.csv", "fleet-regions.toml",
                           "fleet-technology-classes.toml", "fleet-power.toml", "power-supply.toml",
                           "fleet-anode-effects.toml", "fleet-pipeline.toml", "fleet-sanctions.toml", "fleet-paths.toml",
                           "fleet-fuel-paths.toml", "uk-ets.toml", "technologies.toml", "ipcc-aluminium.toml",
                           "cbam.toml"})
    EXPECT_TRUE(has(file)) << file;
}

// User trial T19-14: a sweep without [[uncertain]] inputs ran N identical samples without a word.
TEST(sweep_file, NoUncertainInputsIsWarnedAtTheSampleCount) {
  core::Diagnostics d;
  parse(std::string(kHead) + "[[scenario]]\nname = \"base\"\n", d);
  EXPECT_EQ(d.to_string(), "test-sweep.toml:4:11: warning: 'sweep.samples': no [[uncertain]] inputs: the 4 samples of "
                           "each scenario are the same run (P10 = P50 = P90); add [[uncertain]] inputs (`potline "
                           "template sweep` shows them), or set samples = 1\n");
}

}  // namespace test_sweep

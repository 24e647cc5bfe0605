// A sweep file is read through its schema (sweep_schema.cpp), and every sampled draw stays in the
// allowed range of the lever it acts on: draws outside are drawn again from the sample's own
// counter-based stream (docs/model/sweep.md, "Draws stay in the lever's range").
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/technology.hpp"
#include "potline/sweep/sweep_file.hpp"
#include "../common/shipped_data.hpp"

namespace test_sweep_ranges {

using namespace potline;
using namespace potline::sweep;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

SweepSpec parse(const std::string& text, const std::vector<std::string>& sets = {}) {
  core::Diagnostics d;
  return parse_sweep(text, "s.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(), data(),
                     d, sets);
}

std::string errors_of(const std::string& text, const std::vector<std::string>& sets = {}) {
  try {
    parse(text, sets);
  } catch (const core::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected input errors for:\n" << text;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kHead = "[sweep]\nbase = \"world.toml\"\nseed = 11\nsamples = 4\n";

// Wide distributions whose plain draws often leave their lever's range [0, ...].
const char* kWide =
    "[[uncertain]]\nparameter = \"demand_factor\"\ndistribution = \"normal\"\nmean = 1.0\nsd = 0.8\n"
    "[[uncertain]]\nparameter = \"carbon_price\"\nregion = \"europe\"\ndistribution = \"normal\"\n"
    "mean = \"10 USD/t\"\nsd = \"20 USD/t\"\n";

}  // namespace

TEST(sweep_ranges, NoDrawLeavesItsLeversRangeAndInRangeDrawsAreUnchanged) {
  const SweepSpec s = parse(std::string(kHead) + kWide);
  ASSERT_EQ(s.inputs.size(), 2u);
  EXPECT_EQ(s.inputs[0].lower, 0.0);
  EXPECT_EQ(s.inputs[0].upper, 100.0);
  int redrawn = 0;
  for (std::int64_t k = 0; k < 20000; ++k) {
    const std::vector<double> x = draw_inputs(s, 0, k);
    for (std::size_t i = 0; i < x.size(); ++i) {
      ASSERT_GE(x[i], s.inputs[i].lower) << s.inputs[i].name << " sample " << k;
      ASSERT_LE(x[i], s.inputs[i].upper) << s.inputs[i].name << " sample " << k;
      const double plain = sample(s.inputs[i].distribution, DrawKey{s.seed, 0, static_cast<std::uint64_t>(k), i});
      if (plain >= s.inputs[i].lower) {
        EXPECT_EQ(x[i], plain);  // attempt 0 is the draw of earlier versions
      } else {
        ++redrawn;
      }
    }
  }
  // P(N(1, 0.8) < 0) = 10.6 %, P(N(10, 20) < 0) = 30.9 %: about 8,300 of 40,000 draws redrawn.
  EXPECT_GT(redrawn, 7000);
  EXPECT_LT(redrawn, 9600);
}

TEST(sweep_ranges, TruncatedNormalMeanMatchesTheClosedForm) {
  // Independent check: the mean of N(mu, sigma) truncated below at 0 is
  // mu + sigma * phi(a) / (1 - Phi(a)), a = -mu / sigma (Johnson, Kotz & Balakrishnan 1994, ch. 13).
  const SweepSpec s = parse(std::string(kHead) + kWide);
  const double mu = 1.0, sigma = 0.8, a = -mu / sigma;
  const double phi = std::exp(-0.5 * a * a) / std::sqrt(2 * M_PI);
  const double tail = 0.5 * std::erfc(a / std::sqrt(2.0));
  const double expected = mu + sigma * phi / tail;  // 1.1634
  double sum = 0;
  const int n = 40000;
  for (int k = 0; k < n; ++k) sum += draw_inputs(s, 0, k)[0];
  EXPECT_NEAR(sum / n, expected, 0.015);  // standard error ~0.0035
}

TEST(sweep_ranges, DistributionsMostlyOutsideTheRangeAndOutOfRangeParametersAreErrors) {
  const std::string e = errors_of(
      std::string(kHead) +
      "[[uncertain]]\nparameter = \"power_factor\"\ndistribution = \"normal\"\nmean = 1.0\nsd = 10000\n"
      "[[uncertain]]\nparameter = \"carbon_price\"\ndistribution = \"uniform\"\nmin = \"-10 USD/t\"\nmax = \"50 USD/t\"\n"
      "[[uncertain]]\nparameter = \"demand_factor\"\ndistribution = \"normal\"\nmean = 1.0\nsd = -0.1\n");
  EXPECT_TRUE(has(e, "s.toml:5:1: error: 'uncertain[0]': 'power_factor': only 0.399 % of this normal distribution lies "
                     "in the allowed range [0, 100] of power_shock.factor; draws outside the range are drawn again, so at "
                     "least 1 % must lie inside")) << e;
  EXPECT_TRUE(has(e, "s.toml:13:7: error: 'uncertain[1].min': value '-10 USD/t' is outside the allowed "
                     "range [0, 10000] USD/t")) << e;
  EXPECT_TRUE(has(e, "s.toml:19:6: error: 'uncertain[2].sd': value -0.1 is outside the allowed range (0, inf)")) << e;
}

TEST(sweep_ranges, WrongTypesAndStrayKeysComeInTheFirstPass) {
  const std::string e = errors_of(
      "[sweep]\nbase = \"world.toml\"\nseed = 1\nsamples = 4\ncommon_random_numbers = \"false\"\n"
      "[[scenario]]\nname = \"a\"\n[[scenario.tariff]]\nimporter = \"usaa\"\n"
      "[[uncertain]]\nparameter = \"demand_factor\"\ndistribution = \"normal\"\nmean = 1.0\nsd = 0.1\nmin = 0.5\n");
  EXPECT_TRUE(has(e, "s.toml:5:25: error: 'sweep.common_random_numbers': expected true or false (unquoted), got the "
                     "string 'false'")) << e;
  EXPECT_TRUE(has(e, "s.toml:15:7: error: 'uncertain[0].min': not a parameter of a normal distribution (give mean, sd)")) << e;
  EXPECT_TRUE(has(e, "unknown region 'usaa' (did you mean 'usa'?)")) << e;
}

TEST(sweep_ranges, SetReachesSweepKeysAndUncertainTables) {
  const SweepSpec s = parse(std::string(kHead) + kWide,
                            {"sweep.samples=3", "uncertain[1].sd=5 USD/t", "sweep.common_random_numbers=false"});
  EXPECT_EQ(s.samples, 3);
  EXPECT_FALSE(s.common_random_numbers);
  EXPECT_DOUBLE_EQ(s.inputs[1].distribution.b, 0.005);  // USD/kg
  const std::string e = errors_of(
      std::string(kHead) + kWide,
      {"uncertain[2].sd=1", "sweep.samples=0", "scenario[0].name=x", "uncertain[0].sd=abc"});
  EXPECT_TRUE(has(e,
                  "--set #1: error: 'uncertain[2].sd': the file has 2 [[uncertain]] tables; the "
                  "index must be 0 or 1"))
      << e;
  EXPECT_TRUE(has(
      e, "--set #2: error: 'sweep.samples': value 0 is outside the allowed range [1, 100000000]"))
      << e;
  EXPECT_TRUE(has(e,
                  "--set #3: error: 'scenario[0].name': [[scenario]] tables are not set with "
                  "--set: edit the file"))
      << e;
  EXPECT_TRUE(has(e, "--set #4: error: 'uncertain[0].sd': 'abc' is not a number")) << e;
}
}  // namespace test_sweep_ranges

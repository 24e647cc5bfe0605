// [[hpa]] in a fleet case (issue 14; src/fleet/hpa_product.cpp): the share of a smelter's metal
// that meets a grade from its own pots is the purity model's with the smelter's own consumptions,
// sold at the grade's premium; an upgrading line is the smelter model's HPA line at the solved
// production.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "fleet_fixtures.hpp"
#include "potline/core/constants.hpp"
#include "potline/finance/hpa_invest.hpp"
#include "potline/fleet/hpa_product.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/text_file.hpp"
#include "potline/purity/feed.hpp"

namespace potline::fleet::test_hpa_fleet {
namespace {

using fixtures::shipped_world;
using fixtures::smelter_of;

// Raw materials at the limits [Lazko et al. raw materials] give for high-quality metal (as in
// PurityBalance.HandComputedTwoElementBalance); premiums and costs are test assumptions.
// Mount Holly's power price is cut by 30 USD/MWh (a test assumption) so that it runs its full capacity
// whatever the rest of the shipped fleet does: the tests below are about the grade balance of one
// smelter, not about whether the fleet's marginal plant runs (it stopped to 27 kt/yr when Boguchany's
// output left Rusal's split on 2026-12-05 and prices fell).
const std::string kHpa =
    "[market]\nsolve = false\n"
    "[[power_shock]]\nsmelter = \"us-mount-holly\"\nadder = -30\n"
    "[[hpa]]\nsmelters = [\"us-mount-holly\"]\ngrade = \"P0406\"\ngrade_premium = \"300 USD/t\"\n"
    "alumina_fe = \"0.010 wt%\"\nalumina_si = \"0.013 wt%\"\nanode_fe = \"0.024 wt%\"\nanode_si = "
    "\"0.022 wt%\"\n";

TEST(HpaFleet, GradeShareIsThePurityModelsWithTheSmeltersOwnConsumptions) {
  core::Diagnostics d;
  const FleetCase c = shipped_world(kHpa, d);
  const FleetSmelter& s = smelter_of(c, "us-mount-holly");
  ASSERT_EQ(c.hpa_products.size(), 1u);
  const HpaProduct* p = hpa_product_of(c, s);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(hpa_product_of(c, smelter_of(c, "us-sebree")), nullptr);
  purity::Inputs in;
  in.alumina_fe = 0.00010;
  in.alumina_si = 0.00013;
  in.anode_fe = 0.00024;
  in.anode_si = 0.00022;
  in.alumina_kg_per_t = s.inputs.alumina_kg_per_kg * 1e3;
  in.anode_carbon_kg_per_t = s.inputs.net_carbon_kg_per_kg * 1e3;
  const purity::MetalPurity expected = purity::metal_purity(in);
  const purity::MetalPurity m = smelter_metal_purity(*p, s);
  EXPECT_NEAR(m.fe, expected.fe, 1e-15);
  EXPECT_NEAR(m.si, expected.si, 1e-15);

  const FleetResult f = solve(c, c.shocks);
  const io::Json j = hpa_product_json(c, f);
  ASSERT_EQ(j.at("smelters").size(), 1u);
  const io::Json& row = j.at("smelters")[0];
  double share = 0;
  for (const auto& g : expected.grade_shares)
    if (g.grade == "P0406") share = g.share;
  EXPECT_GT(share, 0.0);
  EXPECT_LT(share, 1.0);
  EXPECT_NEAR(row.at("grade_share").get<double>(), share, 1e-12);
  const double produced_kt = row.at("production_kt_per_year").get<double>();
  EXPECT_NEAR(row.at("grade_kt_per_year").get<double>(), share * produced_kt, 1e-9);
  EXPECT_NEAR(row.at("grade_income_musd_per_year").get<double>(),
              share * produced_kt * 1e3 * 300 / 1e6, 1e-9);
  EXPECT_NEAR(row.at("c1_usd_per_t").get<double>() -
                  row.at("c1_net_of_grade_premium_usd_per_t").get<double>(),
              share * 300, 1e-9);
  EXPECT_TRUE(row.at("upgrading").is_null());
  EXPECT_NEAR(j.at("grade_kt_per_year_by_region").at("usa").get<double>(), share * produced_kt,
              1e-9);
}

TEST(HpaFleet, UpgradingLineIsTheSmelterModelsAtTheSolvedProduction) {
  core::Diagnostics d;
  const FleetCase c =
      shipped_world(kHpa + "capacity = \"20000 t/yr\"\nconversion_cost = 600\npremium = 2000\n", d);
  const FleetResult f = solve(c, c.shocks);
  const io::Json j = hpa_product_json(c, f);
  const io::Json& line = j.at("smelters")[0].at("upgrading");
  ASSERT_FALSE(line.is_null());
  const FleetSmelter& s = smelter_of(c, "us-mount-holly");
  std::size_t i = 0;
  while (c.model.smelters[i].record.id != "us-mount-holly") ++i;
  ASSERT_GT(f.production_kg_per_s[i], 0.0);
  // Three-layer defaults: yield 0.965, 16 kWh/kg ([Sci Rep 2024 vacuum distillation]).
  const double price_usd_per_t = f.smelters[i].price_usd_per_kg * 1e3;
  const double power_usd_per_MWh = s.inputs.power_usd_per_J * 3.6e9;
  const double cost = (1 / 0.965 - 1) * price_usd_per_t + 16 * power_usd_per_MWh + 600;
  EXPECT_EQ(line.at("route"), "three_layer");
  EXPECT_NEAR(line.at("hpa_t_per_year").get<double>(), 20000, 1e-6);
  EXPECT_NEAR(line.at("cost_usd_per_t").get<double>(), cost, 1e-6);
  EXPECT_NEAR(line.at("margin_musd_per_year").get<double>(), (2000 - cost) * 20000 / 1e6, 1e-6);
  EXPECT_NEAR(j.at("hpa_t_per_year").get<double>(), 20000, 1e-6);
  const std::string csv = hpa_product_csv(j);
  EXPECT_NE(csv.find("upgrading_route"), std::string::npos);
  EXPECT_NE(csv.find("\nus-mount-holly,usa,P0406,"), std::string::npos) << csv;
}

// One income per tonne: the pots the line refines are not also sold at the grade premium. Hand
// computation on the fixture (Mount Holly, Lazko raw materials, P0406 at 300 USD/t, a 20,000 t/yr
// three-layer line): feed = 20,000 / 0.965 = 20,725 t/yr, 9.0 % of the 230 kt/yr; the line ranks
// the pots against P1020 and its cutoff keeps every pot taken within P0406, so the premium is earned
// on (share − feed / production) of the metal. Before the fix: 0.743 × 230 = 171.0 kt/yr, 51.3
// MUSD/yr; after: 150.2 kt/yr, 45.1 MUSD/yr (the 20.7 kt/yr fed to the line, 6.2 MUSD/yr, less).
TEST(HpaFleet, LineFeedIsTakenOutOfTheMetalSoldAtTheGradePremium) {
  core::Diagnostics d;
  const std::string line = "capacity = \"20000 t/yr\"\nconversion_cost = 600\npremium = 2000\n";
  const FleetCase plain = shipped_world(kHpa, d);
  const FleetCase with = shipped_world(kHpa + line, d);
  const io::Json before = hpa_product_json(plain, solve(plain, plain.shocks)).at("smelters").at(0);
  const io::Json after = hpa_product_json(with, solve(with, with.shocks));
  const io::Json& row = after.at("smelters")[0];
  const double produced_kt = row.at("production_kt_per_year").get<double>();
  ASSERT_NEAR(before.at("production_kt_per_year").get<double>(), produced_kt, 1e-9);
  const double share = row.at("grade_share").get<double>();
  EXPECT_NEAR(share, 0.7433, 1e-4);  // as hpa-us: the same raw materials and consumptions
  EXPECT_NEAR(before.at("grade_share").get<double>(), share, 1e-15);

  const double feed_kt = 20000 / 0.965 / 1e3;
  const double fed = feed_kt / produced_kt;
  EXPECT_NEAR(row.at("upgrading").at("feed_t_per_year").get<double>(), feed_kt * 1e3, 1e-6);
  // Every pot the line takes meets P0406: its cutoff on the P1020 limits (Fe 0.20 %, Si 0.10 %) is
  // within P0406's (Fe 0.06 %, Si 0.04 %).
  const HpaProduct& p = *hpa_product_of(with, smelter_of(with, "us-mount-holly"));
  const purity::MetalPurity m = smelter_metal_purity(p, smelter_of(with, "us-mount-holly"));
  const purity::PotSelection taken =
      purity::purest_pots(m.si, p.purity.pot_variation_si, m.fe, p.purity.pot_variation_fe,
                          *purity::find_grade("P1020"), fed);
  EXPECT_LT(taken.cutoff * 0.0020, 0.0006);
  EXPECT_LT(taken.cutoff * 0.0010, 0.0004);
  EXPECT_NEAR(row.at("grade_share_to_line").get<double>(), fed, 1e-9);
  EXPECT_NEAR(row.at("grade_share_sold").get<double>(), share - fed, 1e-9);
  EXPECT_NEAR(before.at("grade_share_sold").get<double>(), share, 1e-15);
  EXPECT_NEAR(before.at("grade_share_to_line").get<double>(), 0.0, 0.0);

  EXPECT_NEAR(before.at("grade_kt_per_year").get<double>(), share * produced_kt, 1e-9);
  EXPECT_NEAR(row.at("grade_kt_per_year").get<double>(), share * produced_kt - feed_kt, 1e-9);
  EXPECT_NEAR(before.at("grade_income_musd_per_year").get<double>() -
                  row.at("grade_income_musd_per_year").get<double>(),
              feed_kt * 1e3 * 300 / 1e6, 1e-9);
  EXPECT_NEAR(row.at("c1_net_of_grade_premium_usd_per_t").get<double>() -
                  before.at("c1_net_of_grade_premium_usd_per_t").get<double>(),
              fed * 300, 1e-9);
  EXPECT_NEAR(after.at("grade_kt_per_year").get<double>(), share * produced_kt - feed_kt, 1e-9);
  // Numbers of the comment above.
  EXPECT_NEAR(before.at("grade_kt_per_year").get<double>(), 171.0, 0.05);
  EXPECT_NEAR(row.at("grade_kt_per_year").get<double>(), 150.2, 0.05);
  EXPECT_NEAR(row.at("grade_income_musd_per_year").get<double>(), 45.07, 0.005);
}

// A line whose cutoff reaches past the grade's limits takes some pots that do not meet the grade:
// only those that do leave the premium metal. Three-layer (ranked against P1020) with P0303 as the
// grade: the pots taken reach Fe above 0.03 %, so fewer than the feed share meet P0303, and the
// share sold is more than max(0, share − feed share). Checked against a sampled population of
// 400,000 pots ranked as the line ranks them (an independent computation of the log-normal formula).
TEST(HpaFleet, PartlyOverlappingFeedMatchesASampledPotPopulation) {
  core::Diagnostics d;
  std::string text = kHpa;
  text.replace(text.find("P0406"), 5, "P0303");
  const FleetCase c = shipped_world(
      text + "capacity = \"20000 t/yr\"\nconversion_cost = 600\npremium = 2000\n", d);
  const io::Json j = hpa_product_json(c, solve(c, c.shocks));
  const io::Json& row = j.at("smelters")[0];
  const double share = row.at("grade_share").get<double>();
  const double fed = row.at("upgrading").at("feed").at("feed_share_of_production").get<double>();
  const double to_line = row.at("grade_share_to_line").get<double>();
  EXPECT_LT(to_line, fed - 0.005);
  EXPECT_GT(row.at("grade_share_sold").get<double>(), std::max(0.0, share - fed) + 0.005);
  EXPECT_NEAR(row.at("grade_share_sold").get<double>(), share - to_line, 1e-12);

  const FleetSmelter& s = smelter_of(c, "us-mount-holly");
  const HpaProduct& p = *hpa_product_of(c, s);
  const purity::MetalPurity m = smelter_metal_purity(p, s);
  const auto lognormal = [](double mean, double cv) {
    const double s2 = std::log1p(cv * cv);
    return std::lognormal_distribution<double>(std::log(mean) - 0.5 * s2, std::sqrt(s2));
  };
  auto fe = lognormal(m.fe, p.purity.pot_variation_fe);
  auto si = lognormal(m.si, p.purity.pot_variation_si);
  std::mt19937_64 rng(14);
  struct Pot {
    double r;
    bool meets;
  };
  constexpr int kPots = 400000;
  std::vector<Pot> pots(kPots);
  for (Pot& pot : pots) {
    const double x = fe(rng), y = si(rng);
    pot = {std::max(x / 0.0020, y / 0.0010), x <= 0.0003 && y <= 0.0003};  // P1020 rank, P0303
  }
  std::sort(pots.begin(), pots.end(), [](const Pot& a, const Pot& b) { return a.r < b.r; });
  const int n_fed = static_cast<int>(fed * kPots);
  const auto meeting = [&](int from, int to) {
    const auto n =
        std::count_if(pots.begin() + from, pots.begin() + to, [](const Pot& q) { return q.meets; });
    return static_cast<double>(n) / kPots;
  };
  EXPECT_NEAR(meeting(0, kPots), share, 0.003);
  EXPECT_NEAR(meeting(0, n_fed), to_line, 0.003);
}

std::string errors_of(const std::string& text) {
  core::Diagnostics d;
  EXPECT_THROW(shipped_world(text, d), core::InputError);
  return d.to_string();
}

TEST(HpaFleet, BadInputIsReportedWithTheLeverKey) {
  const std::string grade =
      errors_of("[[hpa]]\ncountry = \"USA\"\ngrade = \"P0405\"\ngrade_premium = 300\n");
  EXPECT_NE(grade.find("hpa[0].grade"), std::string::npos) << grade;
  EXPECT_NE(grade.find("P0406"), std::string::npos) << grade;  // the grade table is listed

  const std::string over =
      errors_of("[[hpa]]\ncountry = \"USA\"\ngrade_premium = 300\nalumina_fe = \"120 wt%\"\n");
  EXPECT_NE(over.find("hpa[0].alumina_fe"), std::string::npos) << over;
  EXPECT_NE(over.find("100"), std::string::npos) << over;

  const std::string sum = errors_of(
      "[[hpa]]\ncountry = \"USA\"\ngrade_premium = 300\nalumina_fe = \"60 wt%\"\n"
      "alumina_si = \"50 wt%\"\n");
  EXPECT_NE(sum.find("add up to more than 100 wt%"), std::string::npos) << sum;

  const std::string premium = errors_of("[[hpa]]\nregion = \"usa\"\n");
  EXPECT_NE(premium.find("hpa[0].grade_premium"), std::string::npos) << premium;

  const std::string feed = errors_of(
      "[[hpa]]\nsmelters = \"us-mount-holly\"\ngrade_premium = 300\n"
      "capacity = \"300000 t/yr\"\nconversion_cost = 600\npremium = 2000\n");
  EXPECT_NE(feed.find("smelter 'us-mount-holly'"), std::string::npos) << feed;
  EXPECT_NE(feed.find("more than the potlines produce"), std::string::npos) << feed;
}

// HPA in potline invest (src/finance/hpa_invest.cpp): the line of examples/hpa-us.toml's keys
// beside the new build of examples/invest-new-build.toml, as a taxed, discounted margin stream.
// Hand computation: margin = capacity × (premium − [(1/0.965 − 1) × price + 16 kWh/kg × power +
// conversion]) at 40 USD/MWh for the 20 contract years and 50 USD/MWh after; cash flow = margin ×
// (1 − tax).
TEST(HpaInvest, LineIsATaxedDiscountedMarginStreamOverTheOperatingYears) {
  core::Diagnostics d;
  const std::string text =
      *io::read_text_file(std::string(POTLINE_SOURCE_DIR) + "/examples/invest-new-build.toml",
                          "the example", d) +
      "\n[hpa]\ncapacity = \"20000 t/yr\"\nconversion_cost = 600\npremium = 2000\n";
  const finance::InvestCase c = finance::load_invest_case_text(
      text, "t.toml", {"investment.tax_rate=25%"}, potline::testing::shipped_smelter_data(), d);
  const auto h = finance::hpa_investment(c);
  ASSERT_TRUE(h.has_value());
  const double price = 2.4 + 0.3;  // USD/kg: LME + regional premium of the example
  const auto margin = [&](double usd_per_MWh) {
    const double cost = (1 / 0.965 - 1) * price + 16 * usd_per_MWh / 1e3 + 0.6;  // USD/kg
    return 2e7 * (2.0 - cost);                                                   // USD/yr
  };
  EXPECT_NEAR(h->margin_usd_per_year, margin(40), 1e-6 * margin(40));
  double npv = 0;
  for (int k = 3; k < 33; ++k) npv += margin(k - 3 < 20 ? 40 : 50) * 0.75 / std::pow(1.08, k + 1);
  EXPECT_NEAR(h->npv_usd, npv, 1e-6 * npv);
  EXPECT_DOUBLE_EQ(h->cash_flows_usd[0], 0.0);  // construction years
  // With the project: the combined flows' NPV at irr_with_hpa is zero (the IRR's definition), and a
  // positive margin stream lifts the IRR above the project's own and shortens its payback.
  const finance::InvestmentResult project = finance::evaluate_investment(c.inputs);
  const finance::ProjectWithHpa with = finance::project_with_hpa(project.cash_flows_usd, *h);
  ASSERT_TRUE(with.irr.has_value());
  ASSERT_TRUE(project.irr.has_value());
  EXPECT_GT(*with.irr, *project.irr);
  std::vector<double> flows = project.cash_flows_usd;
  for (std::size_t k = 0; k < flows.size(); ++k) flows[k] += h->cash_flows_usd[k];
  EXPECT_NEAR(finance::npv(flows, *with.irr), 0.0, 1e-3 * std::fabs(flows.back()));
  ASSERT_TRUE(with.payback_years.has_value());
  ASSERT_TRUE(project.payback_years.has_value());
  EXPECT_LE(*with.payback_years, *project.payback_years);
  // No [hpa]: no line.
  core::Diagnostics d2;
  const finance::InvestCase plain = finance::load_invest_case_text(
      *io::read_text_file(std::string(POTLINE_SOURCE_DIR) + "/examples/invest-new-build.toml",
                          "the example", d),
      "t.toml", {}, potline::testing::shipped_smelter_data(), d2);
  EXPECT_FALSE(finance::hpa_investment(plain).has_value());
}

}  // namespace
}  // namespace potline::fleet::test_hpa_fleet

// Smelters with several potline groups ([[potline]] tables) against hand computations: a two-group
// smelter is the sum of its two groups as one-group smelters; input errors name the group's key and
// its file:line:col.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "potline/cell/technology.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"
#include "../common/shipped_data.hpp"

namespace test_smelter_potlines {

using namespace potline;
using namespace potline::plant;

namespace {

// Two groups with explicit SEC and capacity so that every number below is a hand computation.
const char* kTwoGroups = R"([[potline]]
name = "old"
sec_ac = "15 kWh/kg"
capacity = "100000 t/yr"
capacity_factor = 0.8
employees = 200
net_carbon = 0.45
gross_carbon = 0.55

[[potline]]
name = "new"
sec_ac = "13 kWh/kg"
capacity = "300000 t/yr"
employees = 100

[prices]
year = 2024
lme = 2400
alumina = 400
anode = 600
alf3 = 1200
power = "40 USD/MWh"

[labour]
employees = 300
wage = "100000 USD/yr"

[costs]
other = 250

[fuel]
baking_energy = "2 GJ/t"
casthouse_energy = "1 GJ/t"

[power]
source = "grid"
emission_factor = 0.5

# IPCC 2006 Tier 1 (CWPB, 3.096 t CO2e/t with AR5), the hand computation below; without it the
# class entry of data/fleet-anode-effects.toml (T8-4).
[emissions]
pfc_method = "tier1"

[cbam]
eua_price = 80
usd_per_eur = 1.1
)";

std::optional<SmelterCase> build(const std::string& toml, core::Diagnostics& d,
                                 const std::vector<std::string>& sets = {}) {
  return potline::testing::build_smelter_text(toml, d, sets);
}

// One group of kTwoGroups as a one-group smelter: [potline]/[plant] instead of a [[potline]] table.
std::string one_group(const std::string& potline, const std::string& plant, const std::string& consumption) {
  std::string toml = kTwoGroups;
  toml = toml.substr(toml.find("[prices]"));
  return "[potline]\n" + potline + "\n[plant]\n" + plant + "\n[consumption]\n" + consumption + "\n" + toml;
}

constexpr double kT = 1000.0;  // kg per t
constexpr double kYear = kSecondsPerYear;

}  // namespace

TEST(smelter_potlines, TwoGroupsByHand) {
  core::Diagnostics d;
  auto c = build(kTwoGroups, d);
  ASSERT_TRUE(c) << d.to_string();
  ASSERT_EQ(c->inputs.potlines.size(), 2u);
  ASSERT_EQ(c->potlines.size(), 2u);
  EXPECT_EQ(c->potlines[0].name, "old");
  EXPECT_EQ(c->potlines[1].name, "new");
  const SmelterResult r = evaluate(c->inputs);
  // Production: 100 kt × 0.8 + 300 kt × 1.0 = 380 kt/yr; capacity 400 kt/yr.
  EXPECT_NEAR(r.production_kg_per_s * kYear / kT, 380000.0, 1e-6);
  EXPECT_NEAR(r.capacity_kg_per_s * kYear / kT, 400000.0, 1e-6);
  // SEC production-weighted: (80 kt × 15 + 300 kt × 13) / 380 kt = 5,100,000 / 380,000 = 13.4210526 kWh/kg.
  EXPECT_NEAR(r.sec_ac_J_per_kg / 3.6e6, 5100000.0 / 380000.0, 1e-12);
  // Load = 5.1e9 kWh/yr / 8766 h = 581.79 MW.
  EXPECT_NEAR(r.electrical_load_W / 1e6, 5.1e9 / 8766.0 / 1000.0, 1e-6);
  // Cost per t: alumina 1.925 × 400 = 770; carbon (80k × 0.45 + 300k × 0.425)/380k × 600 =
  // 163,500/380,000 × 600 = 258.157895; power 13.4210526 × 40 = 536.842105; bath 21;
  // labour (300 + 200 + 100) × 100,000 / 380,000 = 157.894737; other 250. C1 = 1993.894737.
  EXPECT_NEAR(r.breakdown.alumina * kT, 770.0, 1e-9);
  EXPECT_NEAR(r.breakdown.carbon * kT, 163500.0 / 380000.0 * 600.0, 1e-9);
  EXPECT_NEAR(r.breakdown.power * kT, 5100000.0 / 380000.0 * 40.0, 1e-9);
  EXPECT_NEAR(r.breakdown.bath * kT, 21.0, 1e-9);
  EXPECT_NEAR(r.breakdown.labour * kT, 600.0 * 100000.0 / 380000.0, 1e-9);
  EXPECT_NEAR(r.breakdown.other * kT, 250.0, 1e-9);
  const double c1 = 770.0 + 163500.0 / 380000.0 * 600.0 + 5100000.0 / 380000.0 * 40.0 + 21.0 +
                    600.0 * 100000.0 / 380000.0 + 250.0;
  EXPECT_NEAR(r.c1_usd_per_kg * kT, c1, 1e-9);
  EXPECT_NEAR(c1, 1993.894737, 1e-6);
  // Labour intensity: 600 employees / 400 kt = 1.5 per kt of capacity.
  EXPECT_DOUBLE_EQ(r.employees, 600.0);
  EXPECT_NEAR(r.employees_per_kt_capacity, 1.5, 1e-12);
  // Emissions per t (IPCC 2006, CWPB, Tier 2 CO2, Tier 1 PFC, AR5), production-weighted:
  //   anode CO2 = NAC × 0.976 × 44/12 with NAC = 163,500/380,000 t/t;
  //   PFC Tier 1 = 0.4 × 6630 + 0.04 × 11100 = 3096 kg CO2e/t in both groups;
  //   baking fuel = 2 GJ/t anode × gross × 0.0561 t/GJ, gross 0.55 (old) and 0.525 (new, default);
  //   casthouse fuel = 1 GJ/t × 0.0561 = 0.0561; power = SEC × 0.5 t/MWh (grid: scope 2).
  const double w_old = 80000.0 / 380000.0, w_new = 300000.0 / 380000.0;
  EXPECT_NEAR(r.emissions.anode_co2, 163500.0 / 380000.0 * 0.976 * 44.0 / 12.0, 1e-12);
  EXPECT_NEAR(r.emissions.pfc_co2e, 3.096, 1e-12);
  EXPECT_NEAR(r.emissions.baking_fuel_co2, 2.0 * 0.0561 * (w_old * 0.55 + w_new * 0.525), 1e-12);
  EXPECT_NEAR(r.emissions.casthouse_fuel_co2, 0.0561, 1e-12);
  EXPECT_NEAR(r.emissions.scope2, 5100000.0 / 380000.0 * 0.5, 1e-12);
  EXPECT_NEAR(r.emissions.scope1 + r.emissions.scope2, r.emissions.total, 1e-12);
  // CBAM on the plant's direct emissions (electricity excluded).
  EXPECT_NEAR(r.cbam_see_direct_t_per_t, r.emissions.scope1, 1e-12);
}

TEST(smelter_potlines, TwoGroupsEqualTheSumOfTwoOneGroupSmelters) {
  core::Diagnostics d;
  auto two = build(kTwoGroups, d);
  ASSERT_TRUE(two) << d.to_string();
  // The same two groups as one-group smelters. The site's 300 shared employees are split by
  // production (80/380 and 300/380) on top of each group's own 200 and 100.
  auto old_line = build(one_group("sec_ac = \"15 kWh/kg\"", "capacity = \"100000 t/yr\"\ncapacity_factor = 0.8",
                                  "net_carbon = 0.45\ngross_carbon = 0.55"),
                        d);
  auto new_line = build(one_group("sec_ac = \"13 kWh/kg\"", "capacity = \"300000 t/yr\"", "alf3 = 17.5"), d);
  ASSERT_TRUE(old_line && new_line) << d.to_string();
  old_line->inputs.employees = 200.0 + 300.0 * 80.0 / 380.0;
  new_line->inputs.employees = 100.0 + 300.0 * 300.0 / 380.0;
  const SmelterResult a = evaluate(old_line->inputs);
  const SmelterResult b = evaluate(new_line->inputs);
  const SmelterResult r = evaluate(two->inputs);

  // Extensive quantities add up; per-tonne quantities times production add up (annual totals).
  EXPECT_NEAR(r.production_kg_per_s, a.production_kg_per_s + b.production_kg_per_s, 1e-12);
  EXPECT_NEAR(r.capacity_kg_per_s, a.capacity_kg_per_s + b.capacity_kg_per_s, 1e-12);
  EXPECT_NEAR(r.electrical_load_W, a.electrical_load_W + b.electrical_load_W, 1e-3);
  EXPECT_NEAR(r.employees, a.employees + b.employees, 1e-9);
  auto annual = [](const SmelterResult& x, double per_kg) { return per_kg * x.production_kg_per_s * kYear; };
  const double tol = 1e-9 * annual(r, r.full_usd_per_kg);
  EXPECT_NEAR(annual(r, r.c1_usd_per_kg), annual(a, a.c1_usd_per_kg) + annual(b, b.c1_usd_per_kg), tol);
  EXPECT_NEAR(annual(r, r.full_usd_per_kg), annual(a, a.full_usd_per_kg) + annual(b, b.full_usd_per_kg), tol);
  EXPECT_NEAR(annual(r, r.breakdown.labour), annual(a, a.breakdown.labour) + annual(b, b.breakdown.labour), tol);
  EXPECT_NEAR(annual(r, r.breakdown.power), annual(a, a.breakdown.power) + annual(b, b.breakdown.power), tol);
  const EmissionResult& e = r.emissions;
  auto emitted = [&](double (*get)(const EmissionResult&)) {
    return std::make_pair(annual(r, get(e)), annual(a, get(a.emissions)) + annual(b, get(b.emissions)));
  };
  for (auto get : {+[](const EmissionResult& x) { return x.anode_co2; }, +[](const EmissionResult& x) { return x.baking_co2; },
                   +[](const EmissionResult& x) { return x.pfc_co2e; },
                   +[](const EmissionResult& x) { return x.baking_fuel_co2; },
                   +[](const EmissionResult& x) { return x.casthouse_fuel_co2; },
                   +[](const EmissionResult& x) { return x.scope1; }, +[](const EmissionResult& x) { return x.scope2; },
                   +[](const EmissionResult& x) { return x.total; }}) {
    const auto [sum, parts] = emitted(get);
    EXPECT_NEAR(sum, parts, 1e-9 * std::abs(parts) + 1e-9);
  }
  // Each group reported on its own is the one-group smelter (same allocation of shared staff).
  const SmelterResult g0 = evaluate_potline(two->inputs, 0);
  const SmelterResult g1 = evaluate_potline(two->inputs, 1);
  EXPECT_NEAR(g0.c1_usd_per_kg, a.c1_usd_per_kg, 1e-12);
  EXPECT_NEAR(g1.c1_usd_per_kg, b.c1_usd_per_kg, 1e-12);
  EXPECT_NEAR(g0.emissions.total, a.emissions.total, 1e-12);
  EXPECT_NEAR(g1.emissions.total, b.emissions.total, 1e-12);
  // CBAM is computed on the plant's mean direct emissions, not summed per group.
  EXPECT_NEAR(r.cbam_see_direct_t_per_t,
              (a.cbam_see_direct_t_per_t * a.production_kg_per_s + b.cbam_see_direct_t_per_t * b.production_kg_per_s) /
                  r.production_kg_per_s,
              1e-12);
}

TEST(smelter_potlines, OneGroupTableEqualsThePotlineTable) {
  // A single [[potline]] table with the same inputs as [potline] gives the same smelter.
  core::Diagnostics d;
  auto table = build(one_group("sec_ac = \"13 kWh/kg\"", "capacity = \"300000 t/yr\"", "alf3 = 17.5"), d);
  std::string toml = kTwoGroups;
  toml = "[[potline]]\nsec_ac = \"13 kWh/kg\"\ncapacity = \"300000 t/yr\"\n\n" + toml.substr(toml.find("[prices]"));
  auto groups = build(toml, d);
  ASSERT_TRUE(table && groups) << d.to_string();
  const SmelterResult a = evaluate(table->inputs);
  const SmelterResult b = evaluate(groups->inputs);
  EXPECT_NEAR(a.c1_usd_per_kg, b.c1_usd_per_kg, 1e-12);
  EXPECT_NEAR(a.full_usd_per_kg, b.full_usd_per_kg, 1e-12);
  EXPECT_NEAR(a.emissions.total, b.emissions.total, 1e-12);
  EXPECT_NEAR(a.cbam_usd_per_t[4], b.cbam_usd_per_t[4], 1e-9);
  EXPECT_NEAR(a.jobs_per_GW, b.jobs_per_GW, 1e-9);
}

TEST(smelter_potlines, SetOverridesOneGroup) {
  core::Diagnostics d;
  auto c = build(kTwoGroups, d, {"potline[1].capacity_factor=0.5", "potline[0].name=A"});
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_EQ(c->potlines[0].name, "A");
  const SmelterResult r = evaluate(c->inputs);
  // 80 kt + 150 kt.
  EXPECT_NEAR(r.production_kg_per_s * kYear / kT, 230000.0, 1e-6);
}

TEST(smelter_potlines, ReportsListEveryGroup) {
  core::Diagnostics d;
  auto c = build(kTwoGroups, d);
  ASSERT_TRUE(c) << d.to_string();
  const SmelterResult r = evaluate(c->inputs);
  const io::Json j = smelter_result_json(*c, r, {});
  ASSERT_EQ(j.at("potlines").size(), 2u);
  double production = 0;
  for (const auto& g : j.at("potlines")) production += g.at("production_t_per_year").get<double>();
  EXPECT_NEAR(production, j.at("production_t_per_year").get<double>(), 1e-6);
  EXPECT_EQ(j.at("potlines")[0].at("name").get<std::string>(), "old");
  EXPECT_DOUBLE_EQ(j.at("potlines")[0].at("employees_assigned").get<double>(), 200.0);
  EXPECT_DOUBLE_EQ(j.at("employees").get<double>(), 600.0);
  const std::string csv = potlines_csv(*c);
  EXPECT_EQ(csv.rfind("Potline,Name,Technology,Capacity [t/yr],Production [t/yr],", 0), 0u) << csv;
  EXPECT_NE(csv.find("\n0,old,,"), std::string::npos) << csv;  // from 0, as potline[0] (2026-12-07)
  EXPECT_NE(csv.find("\n1,new,,"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3) << csv;
}

struct GroupError {
  const char* find;
  const char* replace;
  const char* message;  ///< expected in the diagnostics text, with file:line:col
};

class smelter_potlines_bad_input : public ::testing::TestWithParam<GroupError> {};

TEST_P(smelter_potlines_bad_input, IsAnErrorAtItsPlace) {
  const GroupError& b = GetParam();
  std::string toml = kTwoGroups;
  const auto at = toml.find(b.find);
  ASSERT_NE(at, std::string::npos) << b.find;
  toml.replace(at, std::string(b.find).size(), b.replace);
  core::Diagnostics d;
  EXPECT_FALSE(build(toml, d));
  EXPECT_TRUE(d.has_errors());
  EXPECT_NE(d.to_string().find(b.message), std::string::npos) << d.to_string();
}

// Line numbers refer to kTwoGroups (line 1 = the first [[potline]]; the second starts at line 10).
INSTANTIATE_TEST_SUITE_P(
    smelter_potlines, smelter_potlines_bad_input,
    ::testing::Values(
        GroupError{"sec_ac = \"15 kWh/kg\"", "sec_acc = \"15 kWh/kg\"",
                   "case.toml:3:1: error: 'potline[0].sec_acc': unknown key in a [[potline]] table (did you mean "
                   "'sec_ac'?)"},
        GroupError{"capacity_factor = 0.8", "capacity_factor = 1.8",
                   "case.toml:5:19: error: 'potline[0].capacity_factor': value 1.8 is outside the allowed range [0, 1]"},
        GroupError{"sec_ac = \"13 kWh/kg\"", "technology = \"AP61\"",
                   "case.toml:12:14: error: 'potline[1].technology': [[potline]] 1 ('new'): unknown technology 'AP61'"},
        GroupError{"gross_carbon = 0.55", "gross_carbon = 0.35",
                   "case.toml:8:16: error: 'potline[0].gross_carbon': [[potline]] 0 ('old'): gross anode consumption "
                   "0.350 t/t (potline[0].gross_carbon) is below the net consumption 0.450 t/t (potline[0].net_carbon)"},
        GroupError{"sec_ac = \"13 kWh/kg\"\n", "",
                   "case.toml:10:1: error: 'potline[1].sec_ac': [[potline]] 1 ('new'): required: give "
                   "potline[1].sec_ac (in kWh/kg) or a catalogue technology with potline[1].technology"},
        GroupError{"[prices]", "[plant]\ncapacity = \"5 t/yr\"\n[prices]",
                   "case.toml:17:12: error: 'plant.capacity': the case has [[potline]] tables: give capacity in each "
                   "of them"},
        GroupError{"employees = 100", "employees = -1",
                   "case.toml:14:13: error: 'potline[1].employees': value -1 is outside the allowed range"},
        GroupError{"[labour]\nemployees = 300\n", "[labour]\n",
                   "'labour.employees': required: the employees not assigned to a [[potline]] group"},
        GroupError{"name = \"old\"", "name = 3", "case.toml:2:8: error: 'potline[0].name': expected a quoted string"},
        GroupError{"[[potline]]\nname = \"new\"", "[[potline]]\nname = \"new\"\npfc_method = \"tier3\"",
                   "case.toml:12:14: error: 'potline[1].pfc_method':"}),
    [](const ::testing::TestParamInfo<GroupError>& info) { return "case" + std::to_string(info.index); });

TEST(smelter_potlines, BadOverridesNameTheGroup) {
  core::Diagnostics d;
  EXPECT_FALSE(build(kTwoGroups, d, {"potline[2].aem=1", "potline[x].aem=1", "potline.sec_ac=13"}));
  const std::string text = d.to_string();
  EXPECT_NE(text.find("--set #1: error: 'potline[2].aem': the case has 2 [[potline]] tables; the "
                      "index must be 0 or 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("--set #2: error: 'potline[x].aem': expected potline[I].KEY=VALUE"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("--set #2: error: 'potline[x].aem': expected potline[I].KEY=VALUE"), std::string::npos) << text;
  core::Diagnostics d2;
  // A --set of a [potline] key in a case with groups: the value belongs in a group.
  EXPECT_FALSE(build(kTwoGroups, d2, {"potline.sec_ac=13"}));
  EXPECT_NE(d2.to_string().find("give sec_ac in each of them (or --set potline[I].sec_ac=VALUE)"), std::string::npos)
      << d2.to_string();
  // potline[N] in a case without groups.
  core::Diagnostics d3;
  EXPECT_FALSE(build(one_group("sec_ac = 13", "capacity = 1000", "alf3 = 17.5"), d3, {"potline[0].aem=1"}));
  EXPECT_NE(d3.to_string().find("the case has no [[potline]] tables"), std::string::npos) << d3.to_string();
}
}  // namespace test_smelter_potlines

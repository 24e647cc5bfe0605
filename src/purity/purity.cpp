// Fe and Si mass balances of the metal, the grade table and the grade shares of a pot population.
// docs/model/purity.md gives the equations, the grade table's source and the estimates.
#include "potline/purity/purity.hpp"

#include <algorithm>
#include <cmath>

namespace potline::purity {
namespace {
constexpr double kPercent = 0.01;
constexpr double kKgPerTonne = 1000.0;

// Log-normal CDF with mean `mean` and coefficient of variation `cv` at x (mean > 0).
double lognormal_cdf(double x, double mean, double cv) {
  if (!(mean > 0.0)) return 1.0;  // no impurity at all: every pot meets any limit
  if (!(cv > 0.0)) return x >= mean ? 1.0 : 0.0;
  if (!(x > 0.0)) return 0.0;
  const double s2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * s2;
  return 0.5 * std::erfc(-(std::log(x) - mu) / std::sqrt(2.0 * s2));
}
}  // namespace

const std::vector<Grade>& grade_table() {
  // P + Si maximum + Fe maximum in hundredths of a percent. P1020 (Al ≥ 99.70 %) as in the LME
  // P1020A specification ([Fastmarkets 2021]); the finer grades decoded from their names (their Al
  // minima were not checked in a primary source, so only Si and Fe are tested for them).
  static const std::vector<Grade> table = {
      {"P0202", 0.02 * kPercent, 0.02 * kPercent, 0.0},
      {"P0303", 0.03 * kPercent, 0.03 * kPercent, 0.0},
      {"P0406", 0.04 * kPercent, 0.06 * kPercent, 0.0},
      {"P0610", 0.06 * kPercent, 0.10 * kPercent, 0.0},
      {"P1020", 0.10 * kPercent, 0.20 * kPercent, 99.70 * kPercent},
  };
  return table;
}

const Grade* find_grade(std::string_view name) {
  for (const Grade& g : grade_table()) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

std::vector<std::string> grade_names() {
  std::vector<std::string> out;
  for (const Grade& g : grade_table()) out.push_back(g.name);
  return out;
}

const Grade* grade_of(double si, double fe, double others) {
  const double al = 1.0 - si - fe - others;
  for (const Grade& g : grade_table()) {
    if (si <= g.si_max && fe <= g.fe_max && al >= g.al_min) return &g;
  }
  return nullptr;
}

double grade_share(double mean_si, double cv_si, double mean_fe, double cv_fe, const Grade& grade) {
  return lognormal_cdf(grade.si_max, mean_si, cv_si) * lognormal_cdf(grade.fe_max, mean_fe, cv_fe);
}

MetalPurity metal_purity(const Inputs& in) {
  MetalPurity m;
  auto add = [&](std::string name, double fe_in, double si_in) {
    m.sources.push_back({std::move(name), fe_in * in.fe_to_metal, si_in * in.si_to_metal});
  };
  add("alumina", in.alumina_fe * in.alumina_kg_per_t, in.alumina_si * in.alumina_kg_per_t);
  add("anode_carbon", in.anode_fe * in.anode_carbon_kg_per_t, in.anode_si * in.anode_carbon_kg_per_t);
  add("inert_anode", in.inert_anode_fe * in.inert_anode_wear_kg_per_t, 0.0);
  add("steel", in.steel_fe_kg_per_t, 0.0);
  add("cathode", in.cathode_fe_kg_per_t, in.cathode_si_kg_per_t);
  add("crust", in.crust_fe_kg_per_t, in.crust_si_kg_per_t);
  double fe_kg = 0.0, si_kg = 0.0;
  for (const SourceShare& s : m.sources) {
    fe_kg += s.fe_kg_per_t;
    si_kg += s.si_kg_per_t;
  }
  // Per tonne of aluminium produced, the impurities add to the tapped metal's mass.
  const double metal_kg = kKgPerTonne + fe_kg + si_kg;
  m.fe = fe_kg / metal_kg;
  m.si = si_kg / metal_kg;
  m.al = 1.0 - m.fe - m.si - in.other_impurities;
  if (const Grade* g = grade_of(m.si, m.fe, in.other_impurities)) m.grade = g->name;
  for (const Grade& g : grade_table()) {
    m.grade_shares.push_back({g.name, grade_share(m.si, in.pot_variation_si, m.fe, in.pot_variation_fe, g)});
  }
  return m;
}

}  // namespace potline::purity

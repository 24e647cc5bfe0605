#pragma once
// Metal purity of a Hall-Héroult cell: iron and silicon mass balances per tonne of aluminium, the
// metal grade (P1020 ... P0202) and the share of a smelter's metal that can meet each grade when
// pots scatter around the mean. Equations and sources: docs/model/purity.md.
// Mass fractions are fractions (0.0002 = 0.02 wt%); flows are kg per tonne of aluminium produced.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace potline::purity {

/// A primary-aluminium grade: maximum Si and Fe and minimum Al, mass fractions.
struct Grade {
  std::string name;
  double si_max = 0;
  double fe_max = 0;
  double al_min = 0;
};

/// The grades P0202, P0303, P0406, P0610, P1020, purest first (docs/model/purity.md).
const std::vector<Grade>& grade_table();
/// The grade called `name`, or nullptr.
const Grade* find_grade(std::string_view name);
/// Names of the grade table, purest first (for choices and messages).
std::vector<std::string> grade_names();
/// The purest grade whose Si and Fe limits the metal meets (Al = 1 − Fe − Si − others); nullptr
/// when it does not meet P1020.
const Grade* grade_of(double si, double fe, double others = 0.0);

/// Where Fe and Si enter the cell. Concentrations are mass fractions of the element in the
/// material; direct sources are kg of the element per tonne of aluminium.
struct Inputs {
  double alumina_fe = 0;
  double alumina_si = 0;
  double alumina_kg_per_t = 1920;       ///< alumina fed per t Al
  double anode_fe = 0;                  ///< in the consumed anode carbon (carbon anodes)
  double anode_si = 0;
  double anode_carbon_kg_per_t = 0;     ///< net anode carbon per t Al (carbon anodes)
  double inert_anode_fe = 0;            ///< Fe mass fraction of the inert anode material
  double inert_anode_wear_kg_per_t = 0; ///< inert anode material worn per t Al
  double steel_fe_kg_per_t = 0;         ///< stubs, yokes, tools dipped in the bath
  double cathode_fe_kg_per_t = 0;       ///< collector-bar and cathode erosion
  double cathode_si_kg_per_t = 0;       ///< cathode, lining and side-wall (SiC) erosion
  double crust_fe_kg_per_t = 0;         ///< cover material and crust other than alumina
  double crust_si_kg_per_t = 0;
  double fe_to_metal = 1.0;             ///< fraction of the Fe input that ends in the metal
  double si_to_metal = 1.0;             ///< fraction of the Si input that ends in the metal
  double other_impurities = 0;          ///< mass fraction of all other elements in the metal
  double pot_variation_fe = 0.3;        ///< pot-to-pot coefficient of variation of Fe
  double pot_variation_si = 0.3;
};

/// One source's contribution to the metal, kg of element per t Al.
struct SourceShare {
  std::string source;
  double fe_kg_per_t = 0;
  double si_kg_per_t = 0;
};

struct GradeShare {
  std::string grade;
  double share = 0;  ///< fraction of the metal (pots) meeting the grade's Si and Fe limits
};

struct MetalPurity {
  std::vector<SourceShare> sources;  ///< contributions to the metal (after partition)
  double fe = 0;                     ///< mass fraction in the metal
  double si = 0;
  double al = 0;                     ///< 1 − fe − si − others
  std::optional<std::string> grade;  ///< purest grade met by the mean metal; none below P1020
  std::vector<GradeShare> grade_shares;  ///< per grade, purest first
};

/// The Fe and Si balance of the metal and its grade.
MetalPurity metal_purity(const Inputs& inputs);

/// Share of pots whose metal meets Si ≤ si_max and Fe ≤ fe_max when each pot's Fe and Si are
/// independent log-normal variables with the given means and coefficients of variation.
double grade_share(double mean_si, double cv_si, double mean_fe, double cv_fe, const Grade& grade);

}  // namespace potline::purity

#pragma once
// Investment appraisal of a new smelter or a potline retrofit: NPV, IRR, payback, levelised cost of
// aluminium (LCOA) and the break-even power price (NPV = 0) by bisection.
//
// Conventions (docs/model/economics.md): annual cash flows at the END of each year, index k = 0 is
// the end of the first construction year, discounted by (1 + WACC)^(k+1); real terms in USD of the
// case's price year; capex spread evenly over the construction years; taxes on
// EBIT = revenue − cash cost − straight-line depreciation, no loss carry-forward (tax_rate 0 = pre-tax).
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "potline/plant/smelter.hpp"

namespace potline::finance {

/// Net present value of end-of-year cash flows: Σ cf[k]/(1+r)^(k+1).
double npv(std::span<const double> cash_flows, double rate) noexcept;

struct RootResult {
  double x = 0;
  int iterations = 0;
  bool converged = false;  ///< a sign change was bracketed and |hi − lo| ≤ tolerance
};

/// Bisection for f(x) = 0 on [lo, hi]; needs f(lo) and f(hi) of opposite sign (else converged = false).
/// Stops when the bracket is narrower than `tolerance`; x is the bracket midpoint.
RootResult bisect(const std::function<double(double)>& f, double lo, double hi, double tolerance,
                  int max_iterations = 200);

/// Internal rate of return: the rate in (−0.99, 10] with NPV = 0, by bisection to 1e-7.
/// Empty when NPV does not change sign on that interval.
std::optional<double> irr(std::span<const double> cash_flows);

/// Years from the start of the project until cumulative (undiscounted) cash flow turns non-negative,
/// interpolated linearly inside the year; 0 when the cumulative is never negative (nothing to pay
/// back: a retrofit whose plant runs through a cheap construction); empty if it stays negative at the
/// end, or for no flows.
std::optional<double> payback_years(std::span<const double> cash_flows) noexcept;

/// True when the cumulative (undiscounted) cash flow is never negative and there is at least one flow.
bool cumulative_never_negative(std::span<const double> cash_flows) noexcept;

/// Number of sign changes in the flows (zeros skipped): with more than one the NPV may cross zero
/// more than once, so an IRR found need not be the only one (Descartes' rule of signs).
int sign_changes(std::span<const double> cash_flows) noexcept;

/// Levelised cost: Σ disc(cost[k]) / Σ disc(production[k]) at `rate` (same timing as npv); empty when
/// nothing is produced (a cost per tonne of no tonnes is undefined).
std::optional<double> levelised_cost(std::span<const double> costs, std::span<const double> production,
                                     double rate) noexcept;

enum class ProjectKind { kNewBuild, kRetrofit };

struct InvestmentInputs {
  ProjectKind kind = ProjectKind::kNewBuild;
  plant::SmelterInputs operating;  ///< the plant after the investment
  plant::SmelterInputs existing;   ///< retrofit: the plant before (runs during construction)
  double capex_usd = 0;            ///< total, incl. EPC fee
  int construction_years = 0;
  int operating_years = 0;
  int depreciation_years = 0;
  double wacc = 0;
  double tax_rate = 0;
  int contract_years = 0;                 ///< years of operation at the contract price
  double contract_power_usd_per_J = 0;
  double post_contract_power_usd_per_J = 0;
  double downtime_share = 0;              ///< retrofit: production lost during construction
};

struct InvestmentResult {
  double npv_usd = 0;
  std::optional<double> irr;
  std::optional<double> payback_years;
  std::optional<double> lcoa_usd_per_kg;  ///< empty when the project produces nothing
  std::optional<double> breakeven_power_usd_per_J;  ///< empty if no price in [0, 1000] USD/MWh gives NPV = 0
  int breakeven_iterations = 0;
  double breakeven_tolerance_usd_per_J = 0;
  std::optional<double> incremental_npv_usd;  ///< retrofit: NPV(retrofit) − NPV(keep old cells)
  /// Retrofit: the power price, paid in every year of both plans (the retrofit's construction and
  /// operating years, contract and after, and the same years of keeping the old cells), at which
  /// the incremental NPV is 0 (bisection on [0, 1000] USD/MWh, tolerance
  /// kBreakevenToleranceUsdPerMWh); above it the new cells pay. Empty for a new build, or when no
  /// price in the interval gives 0 (user trial 7, T7-13: the plant's break-even was the only one
  /// given).
  std::optional<double> incremental_breakeven_power_usd_per_J;
  /// Retrofit: year-by-year cash flows of the retrofit minus those of keeping the old cells for the
  /// same horizon (no capex), and their IRR (empty when NPV does not change sign on (−0.99, 10]) and
  /// payback (as payback_years). Empty vector for a new build.
  std::vector<double> incremental_cash_flows_usd;
  std::optional<double> incremental_irr;
  std::optional<double> incremental_payback_years;
  std::vector<double> cash_flows_usd;
  std::vector<double> production_kg;
};

/// Tolerance of the break-even bisection: 0.01 USD/MWh.
inline constexpr double kBreakevenToleranceUsdPerMWh = 0.01;

InvestmentResult evaluate_investment(const InvestmentInputs& in);

/// Cash flows of the project with the power price replaced by `power_usd_per_J` for every operating
/// year (contract and after), for break-even searches; production in kg per year goes to `production`.
std::vector<double> project_cash_flows(const InvestmentInputs& in, std::optional<double> power_usd_per_J,
                                       std::vector<double>* production = nullptr,
                                       std::vector<double>* costs = nullptr);

}  // namespace potline::finance

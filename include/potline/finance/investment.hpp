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
#include "potline/policy/cbam.hpp"

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

/// Years from the start of the project until the cumulative (undiscounted) cash flow turns
/// non-negative for good (the last crossing, after which it stays >= 0), interpolated linearly inside
/// the year; 0 when the cumulative is never negative (nothing to pay back: a retrofit whose plant runs
/// through a cheap construction); empty if it is negative at the end (also when it was positive in
/// between: a contract that ends before the plant's life), or for no flows.
std::optional<double> payback_years(std::span<const double> cash_flows) noexcept;

/// The first crossing of the cumulative cash flow to >= 0 (interpolated), whether or not it stays
/// there; empty when it never crosses. For the text of a project that recovers and is lost again.
std::optional<double> first_payback_years(std::span<const double> cash_flows) noexcept;

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

/// When the power contract's `contract_years` start (investment.contract_start; user trial T10-14):
/// at the first operating year of the new plant (kOperation), or at project year 0, the site's
/// calendar (kSite). For a retrofit "site" gives the retrofit and the kept old cells the same
/// contract calendar (the contract belongs to the site), so the gain is the cells' alone; with
/// "operation" the retrofit's contract starts after construction, the old cells' at year 1.
enum class ContractStart { kOperation, kSite };
const char* to_string(ContractStart s) noexcept;

/// Carbon costs by calendar year (docs/model/economics.md, Investment, "Carbon costs year by year";
/// user trial 9, T9-15): project year k (k = 0 the first construction year) is calendar year
/// first_year + k, and each year's EU ETS free allocation and CBAM factor are that year's, from the
/// same policy functions the fleet and the smelter use (policy/eu_ets.hpp, policy/cbam.hpp).
struct CarbonByYear {
  int first_year = 0;  ///< investment.first_year: the calendar year of project year 0
  /// The EU ETS on the plant ([eu_ets], eu_ets.year given): the plant's eu_ets inputs switched on,
  /// their free allocation replaced by that of each calendar year (none before 2021).
  bool eu_ets = false;
  std::optional<double> ets_benchmark_override_t_per_t;  ///< eu_ets.benchmark (every year)
  double cross_sectoral_correction = 1;
  policy::CbamSchedule schedule;  ///< data/cbam.toml: benchmarks and CBAM factors by year
  /// CBAM on the share of sales into the EU ([cbam] with cbam.eua_price, a plant outside the EU
  /// ETS): the smelter model's CBAM cost of each calendar year (none before 2026) × this share.
  bool cbam = false;
  double eu_sales_share = 0;  ///< cbam.eu_sales_share
  int calendar_year(int project_year) const noexcept { return first_year + project_year; }
  /// EU ETS free allocation per t Al in `year` (policy::eu_ets_free_allocation_t_per_t); 0 before
  /// 2021 (not charged).
  double free_allocation_t_per_t(int year) const noexcept;
};

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
  int contract_years = 0;                 ///< years at the contract price, counted from contract_start
  ContractStart contract_start = ContractStart::kOperation;
  double contract_power_usd_per_J = 0;
  double post_contract_power_usd_per_J = 0;
  double downtime_share = 0;              ///< retrofit: production lost during construction
  CarbonByYear carbon;                    ///< EU ETS and CBAM by calendar year
  /// The power price of project year k (0 = the first construction year): the contract price in
  /// the first contract_years years from contract_start, the post-contract price after.
  double power_price_usd_per_J(int k) const noexcept;
};

/// The carbon costs of each project year (all zero when neither the EU ETS nor CBAM applies).
struct CarbonYear {
  int year = 0;                        ///< calendar year
  double eu_ets_usd = 0;               ///< EU ETS allowances bought (in the cash cost, via C1)
  double eu_ets_free_allocation_t_per_t = 0;
  double cbam_usd = 0;                 ///< CBAM certificates on the EU share of sales (in the cash cost)
  double cbam_usd_per_t_eu = 0;        ///< CBAM per t sold into the EU that year
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
  std::vector<CarbonYear> carbon_years;  ///< one per project year
  /// Discounted carbon costs over discounted production (as LCOA; empty when nothing is produced).
  std::optional<double> levelised_eu_ets_usd_per_kg, levelised_cbam_usd_per_kg;
};

/// Tolerance of the break-even bisection: 0.01 USD/MWh.
inline constexpr double kBreakevenToleranceUsdPerMWh = 0.01;

InvestmentResult evaluate_investment(const InvestmentInputs& in);

/// Retrofit: the year-by-year cash flows of the retrofit minus those of keeping the old cells for the
/// same horizon (no capex), with `power_usd_per_J` paid in every year of both plans, or the case's
/// prices when empty (InvestmentResult::incremental_cash_flows_usd). Empty for a new build.
std::vector<double> incremental_cash_flows(const InvestmentInputs& in, std::optional<double> power_usd_per_J);

/// The decision a case asks (user trial T14-3): for a retrofit, the retrofit against keeping the old
/// cells (the incremental NPV, IRR, payback and break-even); for a new build, the plant's own. The
/// report, the JSON `decision` block and the Python result lead with it; for a retrofit the plant's
/// own npv_usd (the retrofit capex against the whole plant's cash) is not the retrofit's gain.
struct InvestmentDecision {
  const char* basis = "new build";  ///< "new build" or "retrofit against keeping the old cells"
  double npv_usd = 0;
  std::optional<double> irr;
  std::optional<double> payback_years;
  std::optional<double> breakeven_power_usd_per_J;
  /// True when the decision's NPV rises with the power price (a retrofit to cells that use less
  /// power pays above its break-even), false when it falls (a new build pays below it). Read from the
  /// NPV at 0 and at 1000 USD/MWh, the ends of the break-even search.
  bool pays_above_breakeven = false;
};

InvestmentDecision investment_decision(const InvestmentInputs& in, const InvestmentResult& result);

/// Cash flows of the project with the power price replaced by `power_usd_per_J` for every operating
/// year (contract and after), for break-even searches; production in kg per year goes to `production`.
std::vector<double> project_cash_flows(const InvestmentInputs& in, std::optional<double> power_usd_per_J,
                                       std::vector<double>* production = nullptr,
                                       std::vector<double>* costs = nullptr,
                                       std::vector<CarbonYear>* carbon = nullptr);

}  // namespace potline::finance

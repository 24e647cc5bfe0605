#include "potline/finance/investment.hpp"

#include <algorithm>
#include <cmath>

#include "potline/policy/eu_ets.hpp"

namespace potline::finance {

const char* to_string(ContractStart s) noexcept { return s == ContractStart::kSite ? "site" : "operation"; }

double InvestmentInputs::power_price_usd_per_J(int k) const noexcept {
  const int contract_year = contract_start == ContractStart::kSite ? k : k - construction_years;
  return contract_year < contract_years ? contract_power_usd_per_J : post_contract_power_usd_per_J;
}

double npv(std::span<const double> cf, double rate) noexcept {
  double sum = 0.0;
  double factor = 1.0;
  for (double x : cf) {
    factor /= (1.0 + rate);
    sum += x * factor;
  }
  return sum;
}

RootResult bisect(const std::function<double(double)>& f, double lo, double hi, double tolerance, int max_iterations) {
  RootResult r;
  double flo = f(lo);
  const double fhi = f(hi);
  if (!(std::isfinite(flo) && std::isfinite(fhi)) || (flo > 0.0) == (fhi > 0.0)) {
    r.x = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  while (r.iterations < max_iterations && hi - lo > tolerance) {
    const double mid = 0.5 * (lo + hi);
    const double fm = f(mid);
    ++r.iterations;
    if ((fm > 0.0) == (flo > 0.0)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  r.x = 0.5 * (lo + hi);
  r.converged = hi - lo <= tolerance;
  return r;
}

std::optional<double> irr(std::span<const double> cf) {
  const auto root = bisect([&](double r) { return npv(cf, r); }, -0.99, 10.0, 1e-7);
  if (!root.converged) return std::nullopt;
  return root.x;
}

bool cumulative_never_negative(std::span<const double> cf) noexcept {
  double cumulative = 0.0;
  for (const double x : cf) {
    cumulative += x;
    if (cumulative < 0.0) return false;
  }
  return !cf.empty();
}

int sign_changes(std::span<const double> cf) noexcept {
  int changes = 0;
  int last = 0;
  for (const double x : cf) {
    const int s = x > 0.0 ? 1 : (x < 0.0 ? -1 : 0);
    if (s == 0) continue;
    if (last != 0 && s != last) ++changes;
    last = s;
  }
  return changes;
}

std::optional<double> payback_years(std::span<const double> cf) noexcept {
  // Never behind: paid back from the start. JSON had null here, which read as "never" (trial CR).
  if (cumulative_never_negative(cf)) return 0.0;
  // The last crossing to >= 0 after which the cumulative stays there: a plant that recovers its
  // capex in year 9.6 and is 4.7 bn USD behind at the end (a power contract ending before the plant's
  // life) has not paid back (user trial T10-2; docs/model/economics.md).
  double cumulative = 0.0;
  std::optional<double> crossing;
  for (std::size_t k = 0; k < cf.size(); ++k) {
    const double before = cumulative;
    cumulative += cf[k];
    if (cumulative >= 0.0 && before < 0.0) {
      crossing = static_cast<double>(k) + (cf[k] != 0.0 ? -before / cf[k] : 0.0);
    } else if (cumulative < 0.0) {
      crossing.reset();
    }
  }
  return crossing;
}

std::optional<double> first_payback_years(std::span<const double> cf) noexcept {
  double cumulative = 0.0;
  for (std::size_t k = 0; k < cf.size(); ++k) {
    const double before = cumulative;
    cumulative += cf[k];
    if (cumulative >= 0.0 && before < 0.0) return static_cast<double>(k) + (cf[k] != 0.0 ? -before / cf[k] : 0.0);
  }
  return std::nullopt;
}

std::optional<double> levelised_cost(std::span<const double> costs, std::span<const double> production,
                                     double rate) noexcept {
  double c = 0.0, p = 0.0, factor = 1.0;
  for (std::size_t k = 0; k < costs.size() && k < production.size(); ++k) {
    factor /= (1.0 + rate);
    c += costs[k] * factor;
    p += production[k] * factor;
  }
  if (!(p > 0.0)) return std::nullopt;
  return c / p;
}

double CarbonByYear::free_allocation_t_per_t(int year) const noexcept {
  if (!policy::eu_ets_year_charged(year)) return 0.0;
  const double benchmark =
      ets_benchmark_override_t_per_t.value_or(policy::eu_ets_benchmark_t_per_t(year, schedule));
  return policy::eu_ets_free_allocation_t_per_t(year, benchmark, schedule.factor, cross_sectoral_correction);
}

namespace {

constexpr double kSecondsPerYear = plant::kSecondsPerYear;

// One operating year of a plant at a power price: production [kg], cash cost [USD] (C1 + overheads +
// sustaining capex; interest is financing, covered by the WACC), revenue [USD], and its carbon costs
// (in the cash cost).
struct YearFlow {
  double production_kg = 0, cash_cost_usd = 0, revenue_usd = 0;
  CarbonYear carbon;
};

// The plant's EU ETS and CBAM in calendar year `year` (CarbonByYear): the free allocation of that
// year in the plant's eu_ets inputs (so C1 carries that year's ETS, policy::eu_ets_cost_usd_per_kg),
// and the smelter model's CBAM cost of that year (policy::cbam_cost via plant::evaluate) on the EU
// share of sales. Before 2021 no ETS, before 2026 no CBAM.
void set_carbon_year(const CarbonByYear& carbon, int year, plant::SmelterInputs& p) {
  if (!carbon.eu_ets) return;
  p.eu_ets.on = policy::eu_ets_year_charged(year);
  p.eu_ets.free_allocation_t_per_t = carbon.free_allocation_t_per_t(year);
}

YearFlow operate(plant::SmelterInputs p, double power_usd_per_J, double output_share, const CarbonByYear& carbon,
                 int year) {
  p.power_usd_per_J = power_usd_per_J;
  set_carbon_year(carbon, year, p);
  const plant::SmelterResult r = plant::evaluate(p);
  YearFlow y;
  y.production_kg = r.production_kg_per_s * kSecondsPerYear * output_share;
  const double cash_per_kg = r.c1_usd_per_kg + p.overheads_usd_per_kg + p.sustaining_capex_usd_per_kg;
  // Labour is a fixed annual cost: it does not fall with lost output, nor vanish without output.
  const double labour_usd = r.labour_usd_per_s * kSecondsPerYear;
  y.cash_cost_usd = (cash_per_kg - r.breakdown.labour) * y.production_kg + labour_usd;
  y.revenue_usd = r.price_usd_per_kg * y.production_kg;
  y.carbon.year = year;
  y.carbon.eu_ets_usd = r.breakdown.eu_ets * y.production_kg;
  y.carbon.eu_ets_free_allocation_t_per_t = p.eu_ets.on ? p.eu_ets.free_allocation_t_per_t : 0.0;
  if (carbon.cbam && year >= policy::kCbamFirstYear) {
    y.carbon.cbam_usd_per_t_eu = r.cbam_usd_per_t[static_cast<std::size_t>(policy::cbam_schedule_index(year))];
    y.carbon.cbam_usd = y.carbon.cbam_usd_per_t_eu / 1000.0 * carbon.eu_sales_share * y.production_kg;
    y.cash_cost_usd += y.carbon.cbam_usd;
  }
  return y;
}

// The counterfactual of a retrofit: keep the old cells for the same horizon, no capex.
InvestmentInputs keep_old_cells(const InvestmentInputs& in) {
  InvestmentInputs keep = in;
  keep.kind = ProjectKind::kNewBuild;
  keep.operating = in.existing;
  keep.capex_usd = 0.0;
  keep.operating_years = in.construction_years + in.operating_years;
  keep.construction_years = 0;
  keep.depreciation_years = 0;
  return keep;
}

}  // namespace

std::vector<double> project_cash_flows(const InvestmentInputs& in, std::optional<double> power,
                                       std::vector<double>* production, std::vector<double>* costs,
                                       std::vector<CarbonYear>* carbon) {
  const int n = in.construction_years + in.operating_years;
  std::vector<double> cf(static_cast<std::size_t>(n), 0.0);
  if (production) production->assign(cf.size(), 0.0);
  if (costs) costs->assign(cf.size(), 0.0);
  if (carbon) carbon->assign(cf.size(), CarbonYear{});
  const double capex_per_year = in.construction_years > 0 ? in.capex_usd / in.construction_years : in.capex_usd;
  const double depreciation = in.depreciation_years > 0 ? in.capex_usd / in.depreciation_years : 0.0;
  for (int k = 0; k < n; ++k) {
    const auto i = static_cast<std::size_t>(k);
    double capex = 0.0;
    YearFlow y;
    double dep = 0.0;
    const int year = in.carbon.calendar_year(k);
    y.carbon.year = year;
    if (k < in.construction_years) {
      capex = capex_per_year;
      if (in.kind == ProjectKind::kRetrofit) {
        // The old cells run through construction: at the contract price (a site contract counts
        // these years too; an operation contract has not started and the old plant's price is taken
        // as the contract's).
        y = operate(in.existing, power.value_or(in.contract_start == ContractStart::kSite ? in.power_price_usd_per_J(k)
                                                                                          : in.contract_power_usd_per_J),
                    1.0 - in.downtime_share, in.carbon, year);
      }
    } else {
      const int op_year = k - in.construction_years;
      y = operate(in.operating, power.value_or(in.power_price_usd_per_J(k)), 1.0, in.carbon, year);
      if (op_year < in.depreciation_years) dep = depreciation;
    }
    if (in.construction_years == 0 && k == 0) capex = in.capex_usd;
    const double ebit = y.revenue_usd - y.cash_cost_usd - dep;
    const double tax = in.tax_rate * std::max(0.0, ebit);
    cf[i] = y.revenue_usd - y.cash_cost_usd - tax - capex;
    if (production) (*production)[i] = y.production_kg;
    if (costs) (*costs)[i] = y.cash_cost_usd + capex;
    if (carbon) (*carbon)[i] = y.carbon;
  }
  return cf;
}

InvestmentResult evaluate_investment(const InvestmentInputs& in) {
  InvestmentResult r;
  std::vector<double> costs;
  r.cash_flows_usd = project_cash_flows(in, std::nullopt, &r.production_kg, &costs, &r.carbon_years);
  r.npv_usd = npv(r.cash_flows_usd, in.wacc);
  std::vector<double> ets, cbam;
  for (const CarbonYear& c : r.carbon_years) {
    ets.push_back(c.eu_ets_usd);
    cbam.push_back(c.cbam_usd);
  }
  r.levelised_eu_ets_usd_per_kg = levelised_cost(ets, r.production_kg, in.wacc);
  r.levelised_cbam_usd_per_kg = levelised_cost(cbam, r.production_kg, in.wacc);
  r.irr = irr(r.cash_flows_usd);
  r.payback_years = payback_years(r.cash_flows_usd);
  r.lcoa_usd_per_kg = levelised_cost(costs, r.production_kg, in.wacc);
  const double tol = kBreakevenToleranceUsdPerMWh / 3.6e9;  // USD/MWh -> USD/J
  r.breakeven_tolerance_usd_per_J = tol;
  const auto root = bisect([&](double p) { return npv(project_cash_flows(in, p), in.wacc); }, 0.0, 1000.0 / 3.6e9, tol);
  r.breakeven_iterations = root.iterations;
  if (root.converged) r.breakeven_power_usd_per_J = root.x;
  if (in.kind == ProjectKind::kRetrofit) {
    const InvestmentInputs keep = keep_old_cells(in);
    const auto base = project_cash_flows(keep, std::nullopt);
    r.incremental_npv_usd = r.npv_usd - npv(base, in.wacc);
    // The retrofit's break-even: one power price for every year of both plans (the convention of
    // the plant's break-even above), so that the whole life, not only the contract years, moves
    // with it.
    const auto gain = [&](double p) { return npv(incremental_cash_flows(in, p), in.wacc); };
    const auto incremental_root = bisect(gain, 0.0, 1000.0 / 3.6e9, tol);
    if (incremental_root.converged) r.incremental_breakeven_power_usd_per_J = incremental_root.x;
    // The retrofit's own return: the plant's IRR (27.6 % for invest-ap60-retrofit) sets the capex
    // against the whole plant's cash, the old plant sunk; the decision is on the difference.
    r.incremental_cash_flows_usd.resize(r.cash_flows_usd.size());
    for (std::size_t k = 0; k < r.cash_flows_usd.size(); ++k) {
      r.incremental_cash_flows_usd[k] = r.cash_flows_usd[k] - (k < base.size() ? base[k] : 0.0);
    }
    r.incremental_irr = irr(r.incremental_cash_flows_usd);
    r.incremental_payback_years = payback_years(r.incremental_cash_flows_usd);
  }
  return r;
}

std::vector<double> incremental_cash_flows(const InvestmentInputs& in, std::optional<double> power_usd_per_J) {
  if (in.kind != ProjectKind::kRetrofit) return {};
  std::vector<double> flows = project_cash_flows(in, power_usd_per_J);
  const std::vector<double> base = project_cash_flows(keep_old_cells(in), power_usd_per_J);
  for (std::size_t k = 0; k < flows.size(); ++k) flows[k] -= k < base.size() ? base[k] : 0.0;
  return flows;
}

InvestmentDecision investment_decision(const InvestmentInputs& in, const InvestmentResult& r) {
  InvestmentDecision d;
  const double top = 1000.0 / 3.6e9;  // the upper end of the break-even searches, USD/J
  if (in.kind == ProjectKind::kRetrofit) {
    d.basis = "retrofit against keeping the old cells";
    d.npv_usd = r.incremental_npv_usd.value_or(0.0);
    d.irr = r.incremental_irr;
    d.payback_years = r.incremental_payback_years;
    d.breakeven_power_usd_per_J = r.incremental_breakeven_power_usd_per_J;
    d.pays_above_breakeven =
        npv(incremental_cash_flows(in, top), in.wacc) > npv(incremental_cash_flows(in, 0.0), in.wacc);
    return d;
  }
  d.npv_usd = r.npv_usd;
  d.irr = r.irr;
  d.payback_years = r.payback_years;
  d.breakeven_power_usd_per_J = r.breakeven_power_usd_per_J;
  d.pays_above_breakeven = npv(project_cash_flows(in, top), in.wacc) > npv(project_cash_flows(in, 0.0), in.wacc);
  return d;
}

}  // namespace potline::finance

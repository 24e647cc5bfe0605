// The HPA line of an invest case (see hpa_invest.hpp): the smelter model's line (plant/hpa.cpp) at
// each operating year's power price, as a taxed and discounted cash-flow stream.
#include "potline/finance/hpa_invest.hpp"

#include <algorithm>

namespace potline::finance {

std::optional<HpaInvestment> hpa_investment(const InvestCase& c) {
  core::Diagnostics d;
  const auto line = plant::hpa_inputs(c.operating, d);
  if (d.has_errors()) throw core::InputError(d);
  if (!line) return std::nullopt;
  const InvestmentInputs& in = c.inputs;
  HpaInvestment h;
  h.line = *line;
  const int n = in.construction_years + in.operating_years;
  h.cash_flows_usd.assign(static_cast<std::size_t>(n), 0.0);
  for (int k = in.construction_years; k < n; ++k) {
    const int op_year = k - in.construction_years;
    plant::SmelterInputs p = in.operating;
    p.power_usd_per_J = op_year < in.contract_years ? in.contract_power_usd_per_J
                                                    : in.post_contract_power_usd_per_J;
    const plant::SmelterResult r = plant::evaluate(p);
    const plant::HpaResult x =
        plant::evaluate_hpa(*line, r.price_usd_per_kg, p.power_usd_per_J,
                            p.emissions.power_co2_kg_per_J, r.production_kg_per_s);
    const double margin = x.margin_usd_per_s * plant::kSecondsPerYear;
    if (op_year == 0) h.margin_usd_per_year = margin;
    // Taxed like the project's EBIT (no loss carry-forward): a loss of the line is not credited.
    h.cash_flows_usd[static_cast<std::size_t>(k)] = margin - in.tax_rate * std::max(0.0, margin);
  }
  h.npv_usd = npv(h.cash_flows_usd, in.wacc);
  return h;
}

ProjectWithHpa project_with_hpa(std::span<const double> project_cash_flows_usd, const HpaInvestment& line) {
  std::vector<double> flows(project_cash_flows_usd.begin(), project_cash_flows_usd.end());
  // Both streams share the project's years (construction, then operation); the line has no capex.
  for (std::size_t k = 0; k < flows.size() && k < line.cash_flows_usd.size(); ++k) flows[k] += line.cash_flows_usd[k];
  return {irr(flows), payback_years(flows)};
}

}  // namespace potline::finance

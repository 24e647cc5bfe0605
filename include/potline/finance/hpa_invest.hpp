#pragma once
// An HPA line in `potline invest` (issue 14; docs/model/hpa.md, "In potline invest"): the line of
// the invest case's [hpa] keys beside the plant after the project, appraised as its own cash-flow
// stream over the project's operating years — its margin (premium − upgrading cost at each year's
// power price: contract, then post-contract), taxed at the case's rate, discounted at its WACC. The
// line's capital is in hpa.conversion_cost (a capital charge per t), so the stream has no capex.
#include <optional>
#include <span>
#include <vector>

#include "potline/finance/invest_case.hpp"
#include "potline/plant/hpa.hpp"

namespace potline::finance {

struct HpaInvestment {
  plant::HpaInputs line;
  double margin_usd_per_year = 0;      ///< first operating year, before tax
  std::vector<double> cash_flows_usd;  ///< per project year (0 in construction years), after tax
  double npv_usd = 0;                  ///< at the case's WACC, same timing as the project's
};

/// The HPA line's appraisal, or nothing when the case has no hpa.capacity. Input errors of the line
/// (missing costs, a feed above the plant's production) throw core::InputError.
std::optional<HpaInvestment> hpa_investment(const InvestCase& c);

/// The IRR and payback of the project with the line: its cash flows plus the line's, year by year
/// (the line's margin then moves the project's return, not only its NPV). Empty as finance::irr
/// and payback_years are.
struct ProjectWithHpa {
  std::optional<double> irr;
  std::optional<double> payback_years;
};
ProjectWithHpa project_with_hpa(std::span<const double> project_cash_flows_usd, const HpaInvestment& line);

}  // namespace potline::finance

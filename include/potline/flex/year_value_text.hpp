#pragma once
// The text of flex's year's value (docs/model/flexibility.md §5, "The year's value"): its terms, the
// year, how firm it is (user trial T15-4), and the heat exchangers' case without them term by term
// with the increment's parts (T15-5). The CLI prints these lines; the figures are FlexValue's and
// ExchangerValue's (the summary's value.*).
#include <string>

#include "potline/flex/flex_run.hpp"

namespace potline::flex {

/// The year's value's adjustments after the delivered savings, sign-free (T15-6: "- operating point
/// -1357" added 1,357 EUR): "+ operating point cost given back N (...)" or "- operating point gain taken
/// out N (...)", then "- not physical X + heat left in the cells at the end Y".
std::string year_value_adjustments_text(double operating_point_eur, double not_physical_eur, double end_heat_eur);

/// The lines "  the year's value ...", "  a year: ..." and, when assessed, "    how firm: ..." (each ending
/// with a newline).
std::string year_value_text(const FlexCase& c, const FlexValue& v);

/// "    without them, the year's value: ... ; the increment ... = the delivered savings' ... + the
/// adjustments' ...\n" on the delivered basis; "" on the planned one.
std::string exchanger_without_text(const ExchangerValue& x, const WithoutExchangers& off);

}  // namespace potline::flex

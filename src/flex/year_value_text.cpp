// The text of flex's year's value (year_value_text.hpp).
#include "potline/flex/year_value_text.hpp"

#include <fmt/format.h>

#include "potline/flex/value_text.hpp"

namespace potline::flex {
namespace {

// How firm the year is (T15-4; FlexValue::adjustments_*): the adjustments against the simulation's
// noise (the storage line's), the year without them, and the year at the share of the operating point
// a flat cell follows within a horizon.
std::string caveats_text(const FlexValue& v) {
  if (!v.adjustments_assessed) return "";
  const std::string op = fmt::format("the operating point ({} MWh AC)", signed_text(v.operating_point_J / 3.6e9, 1));
  const std::string end = fmt::format("the end heat ({} MWh AC)", signed_text(v.end_heat_J / 3.6e9, 1));
  const std::string noise =
      fmt::format("the simulation's noise (+-{:.1f} MWh, as for the storage losses)", v.noise_J / 3.6e9);
  std::string where;
  if (v.operating_point_within_noise && v.end_heat_within_noise) where = op + " and " + end + " are within " + noise;
  else if (v.operating_point_within_noise) where = op + " is within " + noise + ", " + end + " beyond it";
  else if (v.end_heat_within_noise) where = end + " is within " + noise + ", " + op + " beyond it";
  else where = op + " and " + end + " are beyond " + noise;
  return fmt::format(
      "    how firm: {}; without either a year is {} M EUR. The operating point is taken out in full at its steady "
      "value, which over-states it within one horizon (a flat cell's heat loss followed {:.2f}-{:.2f} of it in "
      "seed pairs, docs/model/flexibility.md §5): at those shares a year is {} to {} M EUR\n",
      where, signed_text(v.annual_without_adjustments_eur / 1e6, 2), kOperatingPointFollowedShareMin,
      kOperatingPointFollowedShareMax, signed_text(v.annual_operating_point_followed_low_eur / 1e6, 2),
      signed_text(v.annual_operating_point_followed_high_eur / 1e6, 2));
}

}  // namespace

std::string year_value_adjustments_text(double operating_point_eur, double not_physical_eur, double end_heat_eur) {
  const std::string op =
      operating_point_eur < 0
          ? fmt::format("+ operating point cost given back {:.0f} (a flat cell at the optimised run's mean heat "
                        "state would lose that metal too: not flexibility)",
                        -operating_point_eur)
          : fmt::format("- operating point gain taken out {:.0f} (a flat cell at the optimised run's mean heat "
                        "state makes that metal too: not flexibility)",
                        operating_point_eur);
  return fmt::format("{} - not physical {} + heat left in the cells at the end {}", op, signed_text(not_physical_eur, 0),
                     signed_text(end_heat_eur, 0));
}

std::string year_value_text(const FlexCase& c, const FlexValue& v) {
  std::string text;
  if (v.on_delivered) {
    text += fmt::format(
        "  the year's value (docs/model/flexibility.md §5): delivered savings {} EUR {} ({} MWh AC at the "
        "horizon's mean price {:.2f} EUR/MWh) = {} EUR over the horizon\n",
        signed_text(v.delivered_savings_eur, 0),
        year_value_adjustments_text(v.operating_point_eur, v.not_physical_eur, v.end_heat_eur),
        signed_text(v.end_heat_J / 3.6e9, 1), v.end_heat_price_eur_per_J * 3.6e9,
        signed_text(v.delivered_value_eur, 0));
  }
  const std::string basis =
      v.on_delivered ? fmt::format("as delivered: the line above; planned {:+.2f} M EUR", v.planned_annual_eur / 1e6)
                     : v.basis;
  text += fmt::format(
      "  a year: {:+.2f} M EUR ({}) on economics.flexible_days = {:.0f} days like this horizon's\n",
      v.annual_eur / 1e6, basis, c.economics.flexible_days_per_year);
  return text + caveats_text(v);
}

std::string exchanger_without_text(const ExchangerValue& x, const WithoutExchangers& off) {
  if (!x.on_delivered) return "";
  const auto meur = [](double eur) { return signed_text(eur / 1e6, 2); };
  return fmt::format(
      "    without them, the year's value: delivered savings {} EUR {} = {} EUR over the horizon; the increment {} "
      "M EUR = the delivered savings' {} M EUR ({}) + the adjustments' {} M EUR (operating point, end heat, not "
      "physical of both cases)\n",
      signed_text(off.delivered_savings_eur, 0),
      year_value_adjustments_text(off.operating_point_eur, off.not_physical_eur, off.end_heat_eur),
      signed_text(off.delivered_value_eur, 0), meur(x.increment_annual_eur), meur(x.savings_increment_annual_eur),
      x.savings_payback_years ? fmt::format("simple payback {:.1f} years on them alone", *x.savings_payback_years)
                              : std::string("no payback on them alone"),
      meur(x.adjustments_increment_annual_eur));
}

}  // namespace potline::flex

#pragma once
// The break-even power price of an operating smelter: the power price at which its price just
// covers its cash cost (C1), the other costs held. C1 is affine in the power price with the slope
// of the electricity bought per kg (SEC AC, plus a capture plant's electricity): the power cost SEC
// × price of smelter.cpp. One function for `potline smelter` and the fleet's cost_curve.csv (user
// trial 7, T7-35: "at what power price does this smelter go under water?").
#include <optional>

namespace potline::plant {

/// Power price [USD/J] at which the margin over C1 is 0: power + margin / electricity.
/// `margin_usd_per_kg`: price − C1 at `power_usd_per_J`; `electricity_J_per_kg`: the electricity
/// paid at that price per kg of metal. Empty when the electricity is not positive (the power price
/// does not move C1). May be negative: the smelter does not cover C1 even with free power.
std::optional<double> breakeven_power_usd_per_J(double margin_usd_per_kg, double power_usd_per_J,
                                                double electricity_J_per_kg) noexcept;

}  // namespace potline::plant

// The anode type and carbon capture in the smelter's outputs (docs/model/ccs.md, inert-anode.md).
#include "potline/plant/ccs_report.hpp"

#include <fmt/format.h>

#include "ccs_internal.hpp"
#include "potline/core/constants.hpp"

namespace potline::plant {
namespace {
constexpr double kKgPerT = 1000.0;
constexpr double kJPerKWh = constants::kJoulePerKWh;

io::Json optional_json(const std::optional<double>& x, double scale) {
  return x ? io::Json(*x * scale) : io::Json(nullptr);
}
}  // namespace

CcsEconomics ccs_economics(const SmelterCase& c, const SmelterResult& r) noexcept {
  CcsEconomics e;
  e.cost_usd_per_kg = r.breakdown.ccs;
  const double captured = r.ccs.captured_kg_per_kg;
  const double electricity_co2 = r.ccs_electricity_co2_kg_per_kg;
  e.avoided_total_kg_per_kg = captured - r.ccs.fuel_co2_kg_per_kg - electricity_co2;
  e.avoided_direct_kg_per_kg =
      captured - r.ccs.fuel_co2_kg_per_kg - (c.inputs.emissions.power_captive ? electricity_co2 : 0.0);
  // CBAM charges the direct emissions of the goods (src/plant/smelter.cpp): electricity, even a
  // captive plant's, is indirect; default values do not move with the plant's own emissions.
  e.avoided_cbam_kg_per_kg = c.inputs.cbam_default_route ? 0.0 : captured - r.ccs.fuel_co2_kg_per_kg;
  if (captured > 0.0) e.usd_per_kg_captured = e.cost_usd_per_kg / captured;
  if (e.avoided_direct_kg_per_kg > 0.0) e.breakeven_usd_per_kg_co2 = e.cost_usd_per_kg / e.avoided_direct_kg_per_kg;
  if (e.avoided_cbam_kg_per_kg > 0.0) {
    e.breakeven_cbam_usd_per_kg_co2 = e.cost_usd_per_kg / e.avoided_cbam_kg_per_kg;
  }
  if (e.avoided_total_kg_per_kg > 0.0) e.usd_per_kg_avoided = e.cost_usd_per_kg / e.avoided_total_kg_per_kg;
  return e;
}

io::Json anode_json(const SmelterCase& c, const SmelterResult& r) {
  const SmelterInputs& in = c.inputs;
  io::Json j;
  j["type"] = in.inert_anode ? "inert" : "carbon";
  j["net_carbon_t_per_t"] = in.inert_anode ? 0.0 : in.net_carbon_kg_per_kg;
  j["o2_t_per_t"] = r.oxygen_kg_per_kg;
  j["inert_anode_cost_usd_per_t"] = in.inert_anode ? io::Json(in.inert_anode_usd_per_kg * kKgPerT) : io::Json(nullptr);
  const auto wear = in.inert_anode ? c.values.maybe_number("anode.wear") : std::nullopt;
  j["wear_kg_per_t"] = wear ? io::Json(*wear * kKgPerT) : io::Json(nullptr);
  return j;
}

io::Json ccs_json(const SmelterCase& c, const SmelterResult& r) {
  if (!r.ccs.active) return nullptr;
  const CcsInputs& k = c.inputs.ccs;
  const CcsResult& x = r.ccs;
  const CcsEconomics e = ccs_economics(c, r);
  io::Json j;
  j["capture_rate"] = k.capture_rate;
  j["co2_fraction"] = k.co2_fraction;
  j["heat_supply"] = k.heat_supply == CcsHeatSupply::kElectric ? "electric" : "natural_gas";
  j["treated_co2_t_per_t"] = x.treated_co2_kg_per_kg;
  j["captured_t_per_t"] = x.captured_kg_per_kg;
  j["gas_Nm3_per_t_co2"] = x.gas_volume_Nm3_per_kg_co2 * kKgPerT;
  j["minimum_work_kWh_per_t_co2"] = x.minimum_work_J_per_kg_co2 * kKgPerT / kJPerKWh;
  j["heat_GJ_per_t_co2"] = k.regeneration_heat_J_per_kg_co2 * kKgPerT / 1e9;
  j["fan_kWh_per_t_co2"] = x.fan_J_per_kg_co2 * kKgPerT / kJPerKWh;
  j["electricity_kWh_per_t_co2"] = x.electricity_J_per_kg_co2 * kKgPerT / kJPerKWh;
  j["fuel_GJ_per_t_co2"] = x.fuel_J_per_kg_co2 * kKgPerT / 1e9;
  j["electricity_kWh_per_t"] = x.electricity_J_per_kg * kKgPerT / kJPerKWh;
  j["electrical_load_MW"] = x.electricity_J_per_kg * r.production_kg_per_s / 1e6;
  j["fuel_co2_t_per_t"] = x.fuel_co2_kg_per_kg;
  j["electricity_co2_t_per_t"] = r.ccs_electricity_co2_kg_per_kg;
  j["avoided_direct_t_per_t"] = e.avoided_direct_kg_per_kg;
  j["avoided_cbam_t_per_t"] = e.avoided_cbam_kg_per_kg;
  j["avoided_total_t_per_t"] = e.avoided_total_kg_per_kg;
  const detail::CaptureCostScaling scaling = detail::capture_cost_scaling(c);
  j["capture_cost_basis_usd_per_t_co2"] = optional_json(c.values.maybe_number("ccs.capture_cost"), kKgPerT);
  j["capture_cost_scale"] = scaling.factor;
  j["capture_cost_usd_per_t_co2"] = k.capture_usd_per_kg_co2 * kKgPerT;
  j["design_capture_Mt_per_year"] = scaling.design_capture_kg_per_s * constants::kSecondsPerYear / 1e9;
  j["cost_usd_per_t"] = e.cost_usd_per_kg * kKgPerT;
  j["cost_usd_per_t_co2_captured"] = optional_json(e.usd_per_kg_captured, kKgPerT);
  j["cost_usd_per_t_co2_avoided"] = optional_json(e.usd_per_kg_avoided, kKgPerT);
  j["breakeven_co2_price_usd_per_t"] = optional_json(e.breakeven_usd_per_kg_co2, kKgPerT);
  j["breakeven_cbam_co2_price_usd_per_t"] = optional_json(e.breakeven_cbam_usd_per_kg_co2, kKgPerT);
  return j;
}

namespace {
// The two break-even prices say what they are charged on: with captive fossil power the scope 1
// price counts the power plant's CO2 for the capture's electricity and CBAM does not, so against
// CBAM capture pays at a lower price (trial CF: 290 against 254 USD/t CO2 for the GCC smelters).
std::string breakeven_text(const SmelterCase& c, const CcsEconomics& e) {
  const auto usd = [](const std::optional<double>& x) {
    return x ? fmt::format("{:.0f} USD/t CO2", *x * kKgPerT) : std::string("none (nothing avoided)");
  };
  const std::string scope1 = "break-even carbon price " + usd(e.breakeven_usd_per_kg_co2) + " on scope 1";
  if (c.inputs.cbam_default_route) {
    return scope1 + "; none against CBAM (its default values do not move with capture)";
  }
  if (!c.inputs.emissions.power_captive) {
    return scope1 + " and against CBAM alike (the capture's grid electricity is scope 2, in neither)";
  }
  return scope1 + " (the captive power plant's CO2 for the capture's electricity counted), " +
         usd(e.breakeven_cbam_usd_per_kg_co2) +
         " against CBAM (direct emissions: CBAM leaves electricity out, even a captive plant's)";
}
}  // namespace

std::string anode_and_ccs_text(const SmelterCase& c, const SmelterResult& r) {
  std::string s;
  if (c.inputs.inert_anode) {
    s += fmt::format("  anode                 inert: {:.0f} USD/t Al, O2 {:.3f} t/t, no anode carbon, CO2 or PFC\n",
                     c.inputs.inert_anode_usd_per_kg * kKgPerT, r.oxygen_kg_per_kg);
  }
  if (!r.ccs.active) return s;
  const CcsEconomics e = ccs_economics(c, r);
  auto usd = [](const std::optional<double>& x) {
    return x ? fmt::format("{:.0f}", *x * kKgPerT) : std::string("n/a (nothing avoided)");
  };
  s += fmt::format("  carbon capture        {:.0f} % of {:.3f} t CO2/t at {:.2g} % CO2: captured {:.3f} t/t, "
                   "{:.0f} kWh/t CO2 + {:.2f} GJ/t CO2 heat\n",
                   100.0 * c.inputs.ccs.capture_rate, r.ccs.treated_co2_kg_per_kg, 100.0 * c.inputs.ccs.co2_fraction,
                   r.ccs.captured_kg_per_kg, r.ccs.electricity_J_per_kg_co2 * kKgPerT / kJPerKWh,
                   c.inputs.ccs.regeneration_heat_J_per_kg_co2 * kKgPerT / 1e9);
  const detail::CaptureCostScaling scaling = detail::capture_cost_scaling(c);
  if (scaling.factor != 1.0) {
    s += fmt::format("                        capture plant {:.0f} USD/t CO2 (the given cost x {:.3f}: "
                     "this smelter's gas and size, {:.2f} Mt CO2/yr at nameplate)\n",
                     c.inputs.ccs.capture_usd_per_kg_co2 * kKgPerT, scaling.factor,
                     scaling.design_capture_kg_per_s * constants::kSecondsPerYear / 1e9);
  }
  s += fmt::format("                        cost {:.0f} USD/t Al ({} USD/t CO2 captured, {} USD/t avoided)\n",
                   e.cost_usd_per_kg * kKgPerT, usd(e.usd_per_kg_captured), usd(e.usd_per_kg_avoided));
  s += "                        " + breakeven_text(c, e) + "\n";
  return s;
}

}  // namespace potline::plant

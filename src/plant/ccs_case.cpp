// [ccs] of the smelter case: carbon capture on the potline gas (docs/model/ccs.md). Defaults are
// estimates with their basis; the capture plant's cost and the transport-and-storage cost have no
// default (no published cost of capture from potline gas was read) and are required with capture.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "ccs_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"

namespace potline::plant::detail {
namespace {

constexpr const char* kCcsKeys[] = {"ccs.co2_fraction",     "ccs.regeneration_heat", "ccs.heat_supply",
                                    "ccs.boiler_efficiency", "ccs.gas_price",         "ccs.fuel_emission_factor",
                                    "ccs.fan_pressure_rise", "ccs.fan_efficiency",    "ccs.compression",
                                    "ccs.capture_cost",     "ccs.transport_storage",
                                    "ccs.cost_basis_co2_fraction", "ccs.cost_basis_capture",
                                    "ccs.cost_scaling_exponent"};
constexpr double kKgPerMt = 1e9;
constexpr double kMinCaptureRate = 0.01;

bool given_by_user(const io::Value* v) {
  return v != nullptr && (v->origin == io::Origin::kCaseFile || v->origin == io::Origin::kCommandLine);
}

}  // namespace

void add_ccs_fields(io::SchemaTable<SmelterCase>& t) {
  auto k = t.part(&SmelterCase::inputs).part(&SmelterInputs::ccs);
  k.number("ccs.capture_rate", &CcsInputs::capture_rate)
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .typical(0.0, 0.95)
      .source("post-combustion capture plants are commonly designed for 0.85–0.95 (the figures of [IPCC SRCCS 2005] Ch. 3 not checked)")
      .doc("share of the potline-gas (anode) CO2 captured and stored; 0 = no capture");
  // From 0.01 %: a guard, not a physical limit (100 times leaner than the 1 % of potline gas). The gas
  // treated per t CO2 grows as 1 / x and overflowed for a tiny positive x (1e-300 %).
  k.number("ccs.co2_fraction", &CcsInputs::co2_fraction)
      .unit("%", "1")
      .default_(1.0)
      .range(0.01, 100.0)
      .exclusive_max()
      .typical(0.5, 5.0)
      .source("[SMU CRU 2022]: smelter off-gas 'around 1 %' CO2, against > 4 % for the gases capture was designed for")
      .doc("CO2 mole (volume) fraction of the potline gas sent to capture (raised by lower draft or gas recycling)");
  k.number("ccs.regeneration_heat", &CcsInputs::regeneration_heat_J_per_kg_co2)
      .unit("GJ/t", "J/kg")
      .default_(4.0)
      .range(0.0, 20.0)
      .typical(2.5, 6.0)
      .source(
          "estimate: the 30 wt% MEA benchmark of post-combustion capture is commonly quoted at 3.5–4 GJ/t CO2 "
          "for power-plant flue gas (the figures of [IPCC SRCCS 2005] Ch. 3 not checked); a dilute gas needs more "
          "heat per t (gas-turbine flue gas more than coal's, [Masoudi Soltani et al. 2017]; a richer gas needs less "
          "steam, [Biliyok & Yeung 2013]), so the upper end for 1 %; no measurement on potline gas is public")
      .doc("solvent-regeneration (reboiler) heat per t CO2 captured");
  k.choice("ccs.heat_supply", &CcsInputs::heat_supply,
           {{"natural_gas", CcsHeatSupply::kNaturalGas}, {"electric", CcsHeatSupply::kElectric}})
      .default_("natural_gas")
      .doc("where the regeneration heat comes from: a gas boiler (its CO2 is emitted) or an electric boiler");
  // From 0.1 (as the fan efficiency): a guard, the heat is divided by it and overflowed for 1e-300.
  k.number("ccs.boiler_efficiency", &CcsInputs::boiler_efficiency)
      .unit("1")
      .default_(0.9)
      .range(0.1, 1.0)
      .source("estimate: a gas-fired steam boiler about 0.9 (net calorific basis); an electric boiler about 0.99")
      .doc("heat delivered / fuel or electricity in");
  t.number("ccs.gas_price")
      .unit("USD/GJ", "USD/J")
      .min(0.0)
      .doc("natural gas price for the regeneration heat (required with capture and heat_supply = natural_gas)");
  t.number("ccs.fuel_emission_factor")
      .unit("t/TJ", "kg/J")
      .range(0.0, 120.0)
      .default_note("natural gas 56.1 t/TJ (data/emissions/fuels.toml)")
      .doc("CO2 per TJ of boiler fuel (net calorific basis)");
  k.number("ccs.fan_pressure_rise", &CcsInputs::fan_pressure_rise_Pa)
      .unit("kPa", "Pa")
      .default_(5.0)
      .range(0.0, 100.0)
      .typical(2.0, 15.0)
      .source(
          "estimate: direct-contact cooler, absorber packing and ducts of a post-combustion plant, a few kPa; "
          "not published for potline gas")
      .doc("pressure rise of the capture plant's fans (the gas volume per t CO2 is 100 times that of a 10 % gas at 1 %)");
  k.number("ccs.fan_efficiency", &CcsInputs::fan_efficiency)
      .unit("1")
      .default_(0.8)
      .range(0.1, 1.0)
      .source("estimate: large centrifugal fan with motor")
      .doc("fan efficiency (gas power / electricity)");
  k.number("ccs.compression", &CcsInputs::compression_J_per_kg_co2)
      .unit("kWh/t", "J/kg")
      .default_(100.0)
      .range(0.0, 1000.0)
      .typical(80.0, 130.0)
      .source("estimate: multi-stage compression of CO2 to pipeline pressure (~110 bar), about 0.1 MWh/t as commonly quoted")
      .doc("electricity to compress the captured CO2 for transport, per t CO2");
  t.number("ccs.capture_cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc(
          "capture plant cost per t CO2 captured: capital charge and O&M, energy excluded (required with capture; "
          "no published figure for potline gas, give an estimate with its basis)");
  t.number("ccs.transport_storage")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("CO2 transport and storage cost per t CO2 (required with capture)");
  add_capture_cost_basis_fields(t);
}

void add_capture_cost_basis_fields(io::SchemaTable<SmelterCase>& t) {
  t.number("ccs.cost_basis_co2_fraction")
      .unit("%", "1")
      .range(0.0, 100.0)
      .exclusive_min()
      .exclusive_max()
      .default_note("none: ccs.capture_cost is taken at the case's ccs.co2_fraction (not scaled)")
      .doc(
          "CO2 fraction of the gas ccs.capture_cost was estimated for: the cost is scaled by the gas volume "
          "treated, (basis / co2_fraction)^exponent (docs/model/ccs.md)");
  t.number("ccs.cost_basis_capture")
      .unit("Mt/yr", "kg/s")
      .min(0.0)
      .exclusive_min()
      .default_note("none: ccs.capture_cost is taken at the smelter's own size (not scaled)")
      .doc(
          "CO2 captured per year by the plant ccs.capture_cost was estimated for: the cost per t is scaled by "
          "(this smelter's capture at nameplate / basis)^(exponent - 1)");
  t.number("ccs.cost_scaling_exponent")
      .unit("1")
      .default_(0.6)
      .range(0.0, 1.0)
      .exclusive_min()
      .typical(0.5, 0.8)
      .source(
          "six-tenths rule of capacity scaling ([Williams 1947], as described by [TEA handbook six-tenths]): "
          "an estimate for a whole capture plant, no exponent for potline-gas capture is published")
      .doc("exponent of the capture plant's cost in the gas volume it treats");
}

double design_capture_kg_per_s(const SmelterCase& c) {
  const SmelterInputs& in = c.inputs;
  const auto anode_co2 = [](const EmissionInputs& e, const ResolvedCoefficients& k) {
    return evaluate_emissions(e, k).anode_co2;  // independent of the electricity
  };
  double co2 = 0.0;  // anode CO2 at nameplate, kg/s
  if (in.potlines.empty()) {
    co2 = in.capacity_kg_per_s * anode_co2(in.emissions, in.coefficients);
  } else {
    for (const PotlineGroupInputs& g : in.potlines) co2 += g.capacity_kg_per_s * anode_co2(g.emissions, g.coefficients);
  }
  return in.ccs.capture_rate * co2;
}

CaptureCostScaling capture_cost_scaling(const SmelterCase& c) {
  CaptureCostScaling s;
  const CcsInputs& k = c.inputs.ccs;
  s.design_capture_kg_per_s = design_capture_kg_per_s(c);
  const double n = c.values.maybe_number("ccs.cost_scaling_exponent").value_or(0.6);
  // Gas treated per year = captured / (x r): at the case's capture rate, the gas volume relative to the
  // basis plant is (M / M_b)(x_b / x); the plant cost scales with it to the power n, per t by 1 / (M / M_b).
  if (auto xb = c.values.maybe_number("ccs.cost_basis_co2_fraction"); xb && k.co2_fraction > 0.0) {
    s.factor *= std::pow(*xb / k.co2_fraction, n);
  }
  if (auto mb = c.values.maybe_number("ccs.cost_basis_capture"); mb && *mb > 0.0 && s.design_capture_kg_per_s > 0.0) {
    s.factor *= std::pow(s.design_capture_kg_per_s / *mb, n - 1.0);
  }
  return s;
}

void scale_capture_cost(SmelterCase& c) {
  if (!(c.inputs.ccs.capture_rate > 0.0)) return;
  c.inputs.ccs.capture_usd_per_kg_co2 *= capture_cost_scaling(c).factor;
}

void resolve_ccs(SmelterCase& c, const SmelterData& data, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  CcsInputs& k = c.inputs.ccs;
  if (!(k.capture_rate > 0.0)) {
    // In an invest case, a capture retrofit gives the [ccs] inputs of the plant after it.
    if (v.has("retrofit.ccs_capture_rate")) return;
    for (const char* key : kCcsKeys) {
      const io::Value* x = v.get(key);
      if (given_by_user(x)) d.warning(x->location, key, "is ignored: ccs.capture_rate is 0 (no capture)");
    }
    return;
  }
  const io::Value* rate = v.get("ccs.capture_rate");
  const core::SourceLocation at = rate ? rate->location : core::SourceLocation{};
  // 0 (no capture) or from 1 %: the figures per t CO2 captured (fan, separation work) grow as 1 / r and
  // overflowed for a tiny positive rate (1e-300). A guard, not a physical limit.
  if (k.capture_rate < kMinCaptureRate) {
    d.error(at, "ccs.capture_rate",
            fmt::format("value {} is outside the allowed range: 0 (no capture) or [{}, 1] (a capture plant "
                        "that takes less than 1 % of the CO2 is not modelled)",
                        core::format_number(k.capture_rate), core::format_number(kMinCaptureRate)));
  }
  if (c.inputs.inert_anode) {
    d.error(at, "ccs.capture_rate",
            fmt::format("{} with anode.type = \"inert\": an inert-anode potline gas carries no anode CO2 to capture; "
                        "set ccs.capture_rate = 0",
                        k.capture_rate));
  }
  auto need = [&](const char* key, const char* what) -> double {
    if (auto x = v.maybe_number(key)) return *x;
    d.error(at, key, std::string("required with ccs.capture_rate > 0: ") + what);
    return 0.0;
  };
  k.capture_usd_per_kg_co2 = need("ccs.capture_cost", "the capture plant's cost per t CO2 captured (USD/t)");
  k.transport_storage_usd_per_kg_co2 = need("ccs.transport_storage", "the transport and storage cost per t CO2 (USD/t)");
  if (k.heat_supply == CcsHeatSupply::kNaturalGas) {
    k.fuel_usd_per_J = need("ccs.gas_price", "the boiler's natural gas price (USD/GJ), or ccs.heat_supply = \"electric\"");
    k.fuel_co2_kg_per_J = v.maybe_number("ccs.fuel_emission_factor").value_or(data.emissions.natural_gas.co2_kg_per_J);
  } else {
    for (const char* key : {"ccs.gas_price", "ccs.fuel_emission_factor"}) {
      const io::Value* x = v.get(key);
      if (given_by_user(x)) d.warning(x->location, key, "is ignored: ccs.heat_supply is \"electric\"");
    }
  }
}

}  // namespace potline::plant::detail

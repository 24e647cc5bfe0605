#include "potline/dynamics/batch.hpp"

#include <cmath>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "rhs_kernel.hpp"

namespace potline::dynamics {

CellBatch::CellBatch(std::vector<CellModel> models, const std::vector<double>& initial_states,
                     BatchOptions options)
    : CellBlock(std::move(models), initial_states), options_(options), since_refresh_s_(models_.size(), 0.0),
      since_slope_s_(models_.size(), 0.0), snapshot_temperature_K_(models_.size(), 0.0),
      refresh_due_(models_.size(), 1) {
  step_checks_finite_ = true;  // step() throws on a non-finite state
}

void CellBatch::refresh(std::size_t k, bool with_slope) {
  const bool slope = with_slope || since_slope_s_[k] >= options_.slope_interval_s;
  const double previous_slope = electrical_[k].dV_dalumina_per_wt;
  electrical_[k] = evaluate_electrical(models_[k], state(k), inputs_[k], slope);
  if (slope) {
    since_slope_s_[k] = 0.0;
    evaluations_ += 2;
  } else {
    electrical_[k].dV_dalumina_per_wt = previous_slope;
    evaluations_ += 1;
  }
  since_refresh_s_[k] = 0.0;
  snapshot_temperature_K_[k] = state(k)[kBathTemperature];
  refresh_due_[k] = 0;
}

void CellBatch::step() {
  const double h = options_.step_s;
  const double half_h = 0.5 * h;
  const std::size_t n = models_.size();
  double k1[kStateCount];
  double k2[kStateCount];
  // The predictor needs only the states the right-hand side reads; the running integrals after
  // them are never read (DynamicsIntegrators.RhsDoesNotReadTheRunningIntegrals), so they stay 0.
  double y1[kStateCount] = {};
  for (std::size_t c = 0; c < n; ++c) {
    double* y = state(c);
    // During an anode effect (tens of volts, the bath heating by kelvins a minute) the linear
    // carry does not hold: every step is evaluated (AEs are rare; the cost is negligible).
    const BatchOptions& o = options_;
    if (refresh_due_[c] || inputs_[c].in_anode_effect || since_refresh_s_[c] >= o.refresh_interval_s ||
        std::fabs(alumina_wt(y) - electrical_[c].alumina_wt) > o.refresh_alumina_wt ||
        std::fabs(y[kBathTemperature] - snapshot_temperature_K_[c]) > o.refresh_temperature_K) {
      refresh(c, refresh_due_[c] != 0);
    }
    const CellModel& m = models_[c];
    // The terms fixed over the step (inputs and snapshot) once, the kernel at both stages.
    const detail::RhsTerms terms = detail::rhs_terms(m, inputs_[c], electrical_[c]);
    detail::rhs_kernel(m, terms, y, k1, nullptr);
    for (int i = 0; i < kFirstRunningIntegral; ++i) y1[i] = y[i] + h * k1[i];
    detail::rhs_kernel(m, terms, y1, k2, nullptr);
    // Element-wise loops (vectorised); 0.5·h·(k1 + k2) multiplies as (0.5·h)·(k1 + k2).
    for (int i = 0; i < kStateCount; ++i) y[i] += half_h * (k1[i] + k2[i]);
    if (!all_states_finite(y)) {
      std::string names;
      for (int i = 0; i < kStateCount; ++i) {
        if (!std::isfinite(y[i])) names += std::string(names.empty() ? "" : ", ") + state_name(i);
      }
      throw core::RunError("batch integrator: cell " + std::to_string(c) + " (of its block): non-finite " + names +
                           " after step " + std::to_string(steps_ + 1) + "; alumina " +
                           std::to_string(electrical_[c].alumina_wt) + " wt% at the last evaluation");
    }
    since_refresh_s_[c] += h;
    since_slope_s_[c] += h;
  }
  ++steps_;
}

void CellOde::rhs(double, const double* y, double* dydt) {
  const Electrical e = evaluate_electrical(model_, y, inputs, false);
  ++evaluations;
  dynamics::rhs(model_, inputs, e, y, dydt);
}

std::string CellOde::state_name(std::size_t i) const {
  return std::string(dynamics::state_name(static_cast<int>(i))) + " [" +
         dynamics::state_unit(static_cast<int>(i)) + "]";
}

std::vector<double> cell_absolute_tolerances(const CellModel& model, const double* y0) {
  std::vector<double> atol(kStateCount);
  const double bath = bath_mass_kg(y0);
  atol[kDissolvedAlumina] = 1e-5 * bath;  // 0.001 wt%
  atol[kUndissolvedAlumina] = 1e-5 * bath;
  atol[kExcessAlF3] = 1e-5 * bath;
  atol[kCryolite] = 1e-5 * bath;
  atol[kOtherAdditives] = 1e-5 * bath;
  atol[kMetal] = 1e-3;
  atol[kBathTemperature] = 1e-4;
  atol[kLedge] = 1e-2;
  atol[kAcd] = 1e-7;
  atol[kColdAnodeHeat] = 1e3;
  atol[kTopTemperature] = atol[kWallTemperature] = atol[kLiningTemperature] = 1e-4;
  const double power = model.nominal_current_A * 5.0;
  for (int i = kCharge; i < kStateCount; ++i) atol[i] = 1.0;
  atol[kCharge] = model.nominal_current_A * 1e-3;
  atol[kEnergyIn] = atol[kEnergyLine] = atol[kEnergyChemical] = atol[kEnergyLost] =
      atol[kEnergyAnodeHeating] = power * 1e-3;
  atol[kMetalProduced] = atol[kAluminaConsumed] = atol[kAlF3Added] = atol[kAlF3Consumed] = 1e-3;
  atol[kAeVoltSeconds] = 1e-3;
  return atol;
}

}  // namespace potline::dynamics

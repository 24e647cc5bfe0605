#pragma once
// The fast fixed-step integrator: advances a block of cells together by one controller sample
// period with Heun's method (explicit trapezoidal rule, 2nd order). Storage is one contiguous
// array per block (cell-major, kStateCount doubles per cell); nothing is allocated per step.
//
// The expensive cell::evaluate is not called at every step: each cell keeps an Electrical
// snapshot (voltage, CE, heat per kg, liquidus, ∂V/∂alumina, ∂V/∂ACD) refreshed when the state
// has moved: after a change of the line current or of the anode-effect state (mark_jump), when
// alumina has drifted by `refresh_alumina_wt` or the bath temperature by `refresh_temperature_K`
// since the snapshot, at every step of an anode effect, and at the latest every
// `refresh_interval_s` (the slow drifts: AlF3, bath mass, ACD's share in CE). Between refreshes
// the voltage is carried linearly in alumina and ACD, so jumps of
// the state alone (feed shots, beam moves, taps: state_jumped) need no refresh. ∂V/∂alumina costs
// a second evaluation and changes slowly; it is recomputed every `slope_interval_s` and after
// mark_jump. The error this causes is measured against CVODE (which evaluates at every
// right-hand side) in tests/unit/test_dynamics_integrators.cpp and stated in
// docs/model/dynamics.md.
#include <cstddef>
#include <memory>
#include <vector>

#include "potline/dynamics/cell_block.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/integrator.hpp"

namespace potline::dynamics {

/// The running integrals (∫ I dt, energies, masses: kCharge to the last state) follow the
/// physical states; the right-hand side never reads them, so the Heun predictor skips them.
inline constexpr int kFirstRunningIntegral = kCharge;
static_assert(kAeVoltSeconds == kStateCount - 1, "the running integrals are the last states");

struct BatchOptions {
  double step_s = 5.0;
  double refresh_interval_s = 60.0;  ///< longest time between two refreshes (run.voltage_refresh)
  double refresh_alumina_wt = 0.05;  ///< refreshed when dissolved alumina has moved this far
  /// Refreshed when the bath temperature has moved this far: ≈ 0.4 mV and 0.03 % CE
  /// (cell::evaluate of examples/default.toml at 964 and 965 °C: −1.5 mV/K, −0.11 % CE per K).
  double refresh_temperature_K = 0.25;
  double slope_interval_s = 300.0;  ///< ∂V/∂alumina recomputed at least this often
};

class CellBatch final : public CellBlock {
 public:
  CellBatch(std::vector<CellModel> models, const std::vector<double>& initial_states, BatchOptions options);
  ~CellBatch() override;

  /// The inputs of cell k (current, anode-effect state) changed discontinuously: refresh its
  /// snapshot, slope included, before the next step.
  void mark_jump(std::size_t k) override { refresh_due_[k] = 1; }
  /// The state of cell k jumped (feed shot, beam move, tap, anode set): nothing to do, the
  /// snapshot is carried linearly to the new state and the drift check refreshes it if needed.
  void state_jumped(std::size_t) override {}
  /// Advances every cell by one step.
  void step() override;
  /// Voltage of cell k at its current state (snapshot carried linearly, feeder-zone term added).
  double voltage(std::size_t k) const override {
    return voltage_at(electrical_[k], state(k)) + inputs_[k].zone_overvoltage_V;
  }
  /// Refreshes cell k's snapshot now (e.g. before reading AE thresholds after a jump), slope
  /// included.
  void refresh(std::size_t k) override { refresh(k, true); }
  /// Refreshes cell k's snapshot; the slope too when `with_slope` or when it is due.
  void refresh(std::size_t k, bool with_slope);
  long evaluations() const override { return evaluations_; }
  long steps() const { return steps_; }
  const BatchOptions& options() const { return options_; }

 private:
  BatchOptions options_;
  std::vector<double> since_refresh_s_;
  std::vector<double> since_slope_s_;
  std::vector<double> snapshot_temperature_K_;  ///< bath temperature at the last refresh
  std::vector<unsigned char> refresh_due_;
  long evaluations_ = 0;
  long steps_ = 0;
  /// What step() keeps per cell between steps (batch.cpp), so it can change without this header.
  struct StepCache;
  std::unique_ptr<StepCache> cache_;
  [[noreturn]] void throw_non_finite() const;
};

/// One cell as an OdeSystem for the CVODE reference: cell::evaluate at every right-hand side.
class CellOde final : public OdeSystem {
 public:
  explicit CellOde(const CellModel& model) : model_(model) {}
  std::size_t size() const override { return kStateCount; }
  void rhs(double t, const double* y, double* dydt) override;
  std::string state_name(std::size_t i) const override;
  CellInputs inputs;
  long evaluations = 0;

 private:
  const CellModel& model_;
};

/// Absolute tolerances for CVODE per state, scaled to the cell's initial state.
std::vector<double> cell_absolute_tolerances(const CellModel& model, const double* y0);

}  // namespace potline::dynamics

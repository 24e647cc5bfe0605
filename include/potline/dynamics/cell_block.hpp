#pragma once
// A block of cells advanced together by one controller sample period: the one interface the
// potline driver uses, whatever integrates the cells. Two implementations:
//   - CellBatch (dynamics/batch.hpp): Heun over the whole block, cell::evaluate on a snapshot;
//   - the CVODE block (make_cvode_block): one adaptive CVODE integrator per cell (the reference).
// The storage every block needs (models, states, inputs, electrical snapshots) lives here and is
// read without a virtual call; only what differs between integrators is virtual (step, refresh,
// the reaction to a jump, the voltage at the present state). States are cell-major, kStateCount
// doubles per cell, contiguous.
#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

#include "potline/dynamics/cell_model.hpp"

namespace potline::dynamics {

/// True when every state of one cell is finite: a NaN or an infinity in any state makes the sum
/// non-finite (the states are far below overflow). Four independent partial sums, so the compiler
/// vectorises the additions instead of chaining all of them; the last kStateCount % 4 states are
/// added on their own.
inline bool all_states_finite(const double* y) noexcept {
  constexpr int kBody = kStateCount - kStateCount % 4;
  double s[4] = {0.0, 0.0, 0.0, 0.0};
  for (int i = 0; i < kBody; i += 4) {
    for (int j = 0; j < 4; ++j) s[j] += y[i + j];
  }
  double tail = 0.0;
  for (int i = kBody; i < kStateCount; ++i) tail += y[i];
  return std::isfinite((s[0] + s[1]) + (s[2] + s[3]) + tail);
}

class CellBlock {
 public:
  CellBlock(std::vector<CellModel> models, const std::vector<double>& initial_states);
  virtual ~CellBlock() = default;
  CellBlock(const CellBlock&) = delete;
  CellBlock& operator=(const CellBlock&) = delete;

  std::size_t size() const { return models_.size(); }
  const CellModel& model(std::size_t k) const { return models_[k]; }
  double* state(std::size_t k) { return y_.data() + k * kStateCount; }
  const double* state(std::size_t k) const { return y_.data() + k * kStateCount; }
  CellInputs& inputs(std::size_t k) { return inputs_[k]; }
  const CellInputs& inputs(std::size_t k) const { return inputs_[k]; }
  /// The electrical snapshot of cell k (last refresh).
  const Electrical& electrical(std::size_t k) const { return electrical_[k]; }

  /// Advances every cell by one step.
  virtual void step() = 0;
  /// Re-evaluates cell k's electrical snapshot at its present state and inputs.
  virtual void refresh(std::size_t k) = 0;
  /// The inputs of cell k (current, anode-effect state) changed discontinuously.
  virtual void mark_jump(std::size_t k) = 0;
  /// The state of cell k jumped (feed shot, beam move, tap, anode set, AlF3 rate).
  virtual void state_jumped(std::size_t k) = 0;
  /// Cell voltage of cell k at its present state [V].
  virtual double voltage(std::size_t k) const = 0;
  /// cell::evaluate calls so far.
  virtual long evaluations() const = 0;
  /// True when step() itself stops on a non-finite state (the batch integrator), so the driver's
  /// guard need not test finiteness again after every step.
  bool step_checks_finite() const { return step_checks_finite_; }
  /// Cuts cell k out of the integration (a cell cut out of the line, potline.on_frozen_cell):
  /// step() leaves its state as it is from now on. The other cells' steps do not depend on it: each
  /// cell is integrated on its own.
  void cut_out(std::size_t k) { active_[k] = 0; }
  /// Takes cell k back into the integration (a repaired cell cut in again, potline.cut_in); the
  /// caller sets its state and inputs and marks the jump.
  void cut_in(std::size_t k) { active_[k] = 1; }
  /// False once cell k has been cut out.
  bool active(std::size_t k) const { return active_[k] != 0; }

 protected:
  bool step_checks_finite_ = false;
  std::vector<CellModel> models_;
  std::vector<double> y_;
  std::vector<CellInputs> inputs_;
  std::vector<Electrical> electrical_;
  std::vector<unsigned char> active_;  ///< 1 while the cell is integrated (sized from models_)
};

/// CVODE per cell (BDF, rtol `relative_tolerance`), stepping `step_s` per step(); restarts the
/// integrator of a cell after every jump. cell::evaluate at every right-hand side.
std::unique_ptr<CellBlock> make_cvode_block(std::vector<CellModel> models, const std::vector<double>& initial_states,
                                            double step_s, double relative_tolerance);

}  // namespace potline::dynamics

// The block storage shared by every integrator, and the CVODE block (one CVODE integrator per
// cell behind the CellBlock interface).
#include "potline/dynamics/cell_block.hpp"

#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/batch.hpp"
#include "potline/dynamics/integrator.hpp"

namespace potline::dynamics {

CellBlock::CellBlock(std::vector<CellModel> models, const std::vector<double>& initial_states)
    : models_(std::move(models)),
      y_(initial_states),
      inputs_(models_.size()),
      electrical_(models_.size()),
      active_(models_.size(), 1) {
  if (y_.size() != models_.size() * kStateCount) {
    throw core::RunError("cell block: initial states do not match the number of cells");
  }
}

namespace {

class CvodeBlock final : public CellBlock {
 public:
  CvodeBlock(std::vector<CellModel> models, const std::vector<double>& y, double step, double rtol)
      : CellBlock(std::move(models), y), jump_(models_.size(), 1), h_(step) {
    for (std::size_t k = 0; k < models_.size(); ++k) {
      odes_.push_back(std::make_unique<CellOde>(models_[k]));
      IntegratorOptions o;
      o.relative_tolerance = rtol;
      o.absolute_tolerance = cell_absolute_tolerances(models_[k], state(k));
      integrators_.push_back(make_cvode_integrator(*odes_.back(), o));
    }
  }
  void mark_jump(std::size_t k) override { jump_[k] = 1; }
  void state_jumped(std::size_t k) override { jump_[k] = 1; }  // CVODE restarts at every discontinuity
  void refresh(std::size_t k) override {
    electrical_[k] = evaluate_electrical(models_[k], state(k), inputs_[k], false);
  }
  double voltage(std::size_t k) const override {
    return electrical_[k].voltage_V + inputs_[k].zone_overvoltage_V;
  }
  void step() override {
    for (std::size_t k = 0; k < models_.size(); ++k) {
      if (!active_[k]) continue;  // cut out of the line: its state stays as it was
      odes_[k]->inputs = inputs_[k];
      if (jump_[k]) {
        integrators_[k]->reset(t_, state(k));
        jump_[k] = 0;
      }
      try {
        integrators_[k]->advance_to(t_ + h_, state(k));
      } catch (const core::RunError& e) {
        throw core::RunError("cell " + std::to_string(k) + ": " + e.what());
      }
      refresh(k);
    }
    t_ += h_;
  }
  long evaluations() const override {
    long n = 0;
    for (const auto& o : odes_) n += o->evaluations;
    return n;
  }

 private:
  std::vector<unsigned char> jump_;
  std::vector<std::unique_ptr<CellOde>> odes_;
  std::vector<std::unique_ptr<Integrator>> integrators_;
  double h_;
  double t_ = 0;
};

}  // namespace

std::unique_ptr<CellBlock> make_cvode_block(std::vector<CellModel> models, const std::vector<double>& initial_states,
                                            double step_s, double relative_tolerance) {
  return std::make_unique<CvodeBlock>(std::move(models), initial_states, step_s, relative_tolerance);
}

}  // namespace potline::dynamics

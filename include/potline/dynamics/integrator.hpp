#pragma once
// The one small integrator interface. Models implement OdeSystem; integrators never show their
// solver's types to models (SUNDIALS stays inside src/dynamics/cvode_integrator.cpp).
// Discrete events are applied between calls: advance to the event time, change the state,
// call reset() (for CVODE: stop, apply the jump, restart).
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace potline::dynamics {

/// dy/dt = f(t, y) with named states.
class OdeSystem {
 public:
  virtual ~OdeSystem() = default;
  virtual std::size_t size() const = 0;
  virtual void rhs(double t, const double* y, double* dydt) = 0;
  /// Name of state i for failure messages ("bath_temperature").
  virtual std::string state_name(std::size_t i) const { return "y[" + std::to_string(i) + "]"; }
};

struct IntegratorOptions {
  double relative_tolerance = 1e-6;
  std::vector<double> absolute_tolerance;  ///< one per state (size() entries)
  double max_step_s = 0.0;                 ///< 0: unlimited
  long max_steps_per_call = 100000;
};

struct IntegratorStats {
  long steps = 0;
  long rhs_evaluations = 0;
  long restarts = 0;
};

class Integrator {
 public:
  virtual ~Integrator() = default;
  /// (Re)starts at time t from state y (after a jump, or at the beginning).
  virtual void reset(double t, const double* y) = 0;
  /// Advances to t_end exactly (never past it) and writes the state there into y.
  /// Throws core::RunError naming the states with the largest error estimates on failure.
  virtual void advance_to(double t_end, double* y) = 0;
  virtual IntegratorStats stats() const = 0;
};

/// SUNDIALS CVODE (BDF, Newton with a dense Jacobian by finite differences): the adaptive,
/// error-controlled reference integrator.
std::unique_ptr<Integrator> make_cvode_integrator(OdeSystem& system, const IntegratorOptions& options);

/// Classical fixed-step RK4 on any OdeSystem (tests and cross-checks; not the batch fast path).
std::unique_ptr<Integrator> make_rk4_integrator(OdeSystem& system, double step_s);

}  // namespace potline::dynamics

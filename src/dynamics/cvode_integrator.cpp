// CVODE behind the Integrator interface. SUNDIALS 6.x.
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/integrator.hpp"
#include "potline/core/constants.hpp"

namespace potline::dynamics {
namespace {

std::string cvode_flag_text(int flag) {
  switch (flag) {
    case CV_TOO_MUCH_WORK: return "too many internal steps before reaching the output time";
    case CV_TOO_MUCH_ACC: return "the requested accuracy cannot be reached";
    case CV_ERR_FAILURE: return "repeated error-test failures (a state changes too fast or jumps)";
    case CV_CONV_FAILURE: return "repeated Newton convergence failures";
    case CV_RHSFUNC_FAIL: return "the right-hand side failed";
    case CV_REPTD_RHSFUNC_ERR: return "repeated recoverable right-hand-side errors";
    default: return std::string("CVODE flag ") + std::to_string(flag) + " (" + CVodeGetReturnFlagName(flag) + ")";
  }
}

class CvodeIntegrator final : public Integrator {
 public:
  CvodeIntegrator(OdeSystem& system, const IntegratorOptions& options)
      : system_(system), options_(options), n_(system.size()) {
    if (SUNContext_Create(nullptr, &context_) != 0) throw core::RunError("CVODE: cannot create a context");
    y_ = N_VNew_Serial(static_cast<sunindextype>(n_), context_);
    atol_ = N_VNew_Serial(static_cast<sunindextype>(n_), context_);
    for (std::size_t i = 0; i < n_; ++i) {
      NV_Ith_S(atol_, i) = i < options.absolute_tolerance.size() ? options.absolute_tolerance[i] : 1e-8;
    }
    memory_ = CVodeCreate(CV_BDF, context_);
    matrix_ = SUNDenseMatrix(static_cast<sunindextype>(n_), static_cast<sunindextype>(n_), context_);
    solver_ = SUNLinSol_Dense(y_, matrix_, context_);
  }
  ~CvodeIntegrator() override {
    if (memory_ != nullptr) CVodeFree(&memory_);
    if (solver_ != nullptr) SUNLinSolFree(solver_);
    if (matrix_ != nullptr) SUNMatDestroy(matrix_);
    if (y_ != nullptr) N_VDestroy(y_);
    if (atol_ != nullptr) N_VDestroy(atol_);
    if (context_ != nullptr) SUNContext_Free(&context_);
  }

  void reset(double t, const double* y) override {
    for (std::size_t i = 0; i < n_; ++i) NV_Ith_S(y_, i) = y[i];
    t_ = t;
    if (!initialised_) {
      check(CVodeInit(memory_, &CvodeIntegrator::rhs_callback, t, y_), "CVodeInit");
      check(CVodeSetUserData(memory_, this), "CVodeSetUserData");
      check(CVodeSVtolerances(memory_, options_.relative_tolerance, atol_), "CVodeSVtolerances");
      check(CVodeSetLinearSolver(memory_, solver_, matrix_), "CVodeSetLinearSolver");
      check(CVodeSetMaxNumSteps(memory_, options_.max_steps_per_call), "CVodeSetMaxNumSteps");
      if (options_.max_step_s > 0) check(CVodeSetMaxStep(memory_, options_.max_step_s), "CVodeSetMaxStep");
      initialised_ = true;
    } else {
      check(CVodeReInit(memory_, t, y_), "CVodeReInit");
      ++restarts_;
    }
  }

  void advance_to(double t_end, double* y) override {
    if (t_end <= t_) {
      for (std::size_t i = 0; i < n_; ++i) y[i] = NV_Ith_S(y_, i);
      return;
    }
    check(CVodeSetStopTime(memory_, t_end), "CVodeSetStopTime");
    double t_reached = t_;
    const int flag = CVode(memory_, t_end, y_, &t_reached, CV_NORMAL);
    if (flag < 0) fail(flag, t_reached);
    t_ = t_end;
    for (std::size_t i = 0; i < n_; ++i) y[i] = NV_Ith_S(y_, i);
  }

  IntegratorStats stats() const override {
    IntegratorStats s;
    long v = 0;
    if (CVodeGetNumSteps(memory_, &v) == CV_SUCCESS) s.steps = v;
    if (CVodeGetNumRhsEvals(memory_, &v) == CV_SUCCESS) s.rhs_evaluations = v;
    s.restarts = restarts_;
    return s;
  }

 private:
  static int rhs_callback(sunrealtype t, N_Vector y, N_Vector ydot, void* user) {
    auto* self = static_cast<CvodeIntegrator*>(user);
    self->system_.rhs(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
    for (std::size_t i = 0; i < self->n_; ++i) {
      if (!std::isfinite(NV_Ith_S(ydot, i))) return 1;  // recoverable: CVODE retries smaller
    }
    return 0;
  }

  void check(int flag, const char* what) {
    if (flag < 0) throw core::RunError(std::string("CVODE: ") + what + " failed: " + cvode_flag_text(flag));
  }

  // Names the states with the largest weighted local error estimates.
  [[noreturn]] void fail(int flag, double t) {
    std::ostringstream text;
    text << "CVODE stopped at t = " << t << " s (" << t / constants::kSecondsPerDay << " d): " << cvode_flag_text(flag);
    N_Vector err = N_VNew_Serial(static_cast<sunindextype>(n_), context_);
    N_Vector w = N_VNew_Serial(static_cast<sunindextype>(n_), context_);
    if (CVodeGetEstLocalErrors(memory_, err) == CV_SUCCESS && CVodeGetErrWeights(memory_, w) == CV_SUCCESS) {
      std::vector<std::size_t> order(n_);
      std::iota(order.begin(), order.end(), 0);
      auto score = [&](std::size_t i) { return std::fabs(NV_Ith_S(err, i) * NV_Ith_S(w, i)); };
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score(a) > score(b); });
      text << "; states with the largest error estimates:";
      for (std::size_t k = 0; k < std::min<std::size_t>(3, n_); ++k) {
        const std::size_t i = order[k];
        text << " " << system_.state_name(i) << " (value " << NV_Ith_S(y_, i) << ", weighted error "
             << score(i) << ")";
      }
    }
    N_VDestroy(err);
    N_VDestroy(w);
    throw core::RunError(text.str());
  }

  OdeSystem& system_;
  IntegratorOptions options_;
  std::size_t n_;
  SUNContext context_ = nullptr;
  N_Vector y_ = nullptr;
  N_Vector atol_ = nullptr;
  void* memory_ = nullptr;
  SUNMatrix matrix_ = nullptr;
  SUNLinearSolver solver_ = nullptr;
  bool initialised_ = false;
  double t_ = 0;
  long restarts_ = 0;
};

class Rk4Integrator final : public Integrator {
 public:
  Rk4Integrator(OdeSystem& system, double step) : system_(system), h_(step), n_(system.size()),
      y_(n_), k1_(n_), k2_(n_), k3_(n_), k4_(n_), tmp_(n_) {}
  void reset(double t, const double* y) override {
    t_ = t;
    std::copy(y, y + n_, y_.begin());
    ++stats_.restarts;
  }
  void advance_to(double t_end, double* y) override {
    while (t_ < t_end) {
      const double h = std::min(h_, t_end - t_);
      system_.rhs(t_, y_.data(), k1_.data());
      for (std::size_t i = 0; i < n_; ++i) tmp_[i] = y_[i] + 0.5 * h * k1_[i];
      system_.rhs(t_ + 0.5 * h, tmp_.data(), k2_.data());
      for (std::size_t i = 0; i < n_; ++i) tmp_[i] = y_[i] + 0.5 * h * k2_[i];
      system_.rhs(t_ + 0.5 * h, tmp_.data(), k3_.data());
      for (std::size_t i = 0; i < n_; ++i) tmp_[i] = y_[i] + h * k3_[i];
      system_.rhs(t_ + h, tmp_.data(), k4_.data());
      for (std::size_t i = 0; i < n_; ++i) y_[i] += h / 6.0 * (k1_[i] + 2 * k2_[i] + 2 * k3_[i] + k4_[i]);
      t_ = (t_end - t_ <= h_) ? t_end : t_ + h;
      stats_.steps += 1;
      stats_.rhs_evaluations += 4;
      for (std::size_t i = 0; i < n_; ++i) {
        if (!std::isfinite(y_[i])) {
          throw core::RunError("RK4: state " + system_.state_name(i) + " became non-finite at t = " +
                               std::to_string(t_) + " s");
        }
      }
    }
    std::copy(y_.begin(), y_.end(), y);
  }
  IntegratorStats stats() const override { return stats_; }

 private:
  OdeSystem& system_;
  double h_;
  std::size_t n_;
  std::vector<double> y_, k1_, k2_, k3_, k4_, tmp_;
  double t_ = 0;
  IntegratorStats stats_;
};

}  // namespace

std::unique_ptr<Integrator> make_cvode_integrator(OdeSystem& system, const IntegratorOptions& options) {
  return std::make_unique<CvodeIntegrator>(system, options);
}

std::unique_ptr<Integrator> make_rk4_integrator(OdeSystem& system, double step_s) {
  return std::make_unique<Rk4Integrator>(system, step_s);
}

}  // namespace potline::dynamics

#include "potline/dynamics/batch.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

#include "potline/core/diagnostics.hpp"
#include "rhs_kernel.hpp"

namespace potline::dynamics {

/// Per cell, what step() keeps between steps: the right-hand side's per-step terms and the inputs
/// they were made from. The terms depend on the model, the inputs and the snapshot only, so they
/// are made again only after a refresh or when an input changed (most steps change neither).
/// Doubles per stage buffer: the states rounded up to an even count, so every buffer is 16-byte
/// aligned.
constexpr std::size_t kStageStride = kStateCount + kStateCount % 2;
/// Doubles per saved end state (the states the right-hand side reads, rounded up to even).
constexpr std::size_t kEndStride = kFirstRunningIntegral + kFirstRunningIntegral % 2;

struct CellBatch::StepCache {
  explicit StepCache(std::size_t n)
      : terms(n), inputs(n), valid(n, 0), stages(2 * n * kStageStride), end_state(n * kEndStride),
        stage_valid(n, 0), last(n, 0) {}
  std::vector<detail::RhsTerms> terms;
  std::vector<CellInputs> inputs;
  std::vector<unsigned char> valid;  ///< 0 after a refresh of the snapshot
  /// The corrector's right-hand side of the last step, f(y + h·k1), and the state the step ended
  /// at (the states the right-hand side reads): the first stage of the next step when neither the
  /// state, the inputs nor the snapshot changed in between.
  std::vector<double> stages;  ///< two per cell, used in turn; `last` is the one of the last step
  std::vector<double> end_state;
  std::vector<unsigned char> stage_valid;
  std::vector<unsigned char> last;
};

namespace {
// The inputs compared bit for bit, padding included: equal bits are equal inputs (a difference in
// padding only, or 0 against −0, makes the terms again: never wrong, only slower).
static_assert(std::is_trivially_copyable_v<CellInputs>);
// Both live in vectors of CellInputs (16-byte aligned storage, 64-byte elements).
static_assert(sizeof(CellInputs) % 16 == 0);
bool same_inputs(const CellInputs& a, const CellInputs& b) noexcept {
  using Words = unsigned long long __attribute__((vector_size(16)));
  const Words* wa = static_cast<const Words*>(__builtin_assume_aligned(&a, 16));
  const Words* wb = static_cast<const Words*>(__builtin_assume_aligned(&b, 16));
  Words differ = {0, 0};
  for (std::size_t i = 0; i < sizeof(CellInputs) / 16; ++i) differ |= wa[i] ^ wb[i];
  return (differ[0] | differ[1]) == 0;
}

// Sum of `count` doubles in eight partial sums held in four two-lane vectors (GCC and Clang
// vector extension: the compiler does not reassociate a floating-point sum itself), the last
// count % 8 added on their own. Used for a finiteness test only: a NaN or an infinity in any term
// makes the sum non-finite.
double partial_sums(const double* x, std::size_t count) noexcept {
  using Lanes = double __attribute__((vector_size(16)));
  // x is the start of a std::vector's storage: 16-byte aligned (see aligned() below).
  const Lanes* v = static_cast<const Lanes*>(__builtin_assume_aligned(x, 16));
  Lanes s[4] = {};
  const std::size_t body = count - count % 8;
  double tail = 0.0;
  for (std::size_t i = body; i < count; ++i) tail += x[i];
  for (std::size_t i = 0; i < body / 2; i += 4) {
    for (std::size_t j = 0; j < 4; ++j) s[j] += v[i + j];
  }
  const Lanes t = (s[0] + s[1]) + (s[2] + s[3]);
  return t[0] + t[1] + tail;
}
// The stage buffers, the predictor's state and the block's states are 16-byte aligned: vector
// storage comes from operator new (aligned for std::max_align_t), and a stage buffer is padded to
// an even number of doubles (kStageStride). A cell's states are not (25 doubles each). Told so,
// the compiler reads the aligned operands straight into the two-lane operations.
static_assert(alignof(std::max_align_t) >= 16);
template <typename T>
inline T* aligned(T* p) noexcept {
  return static_cast<T*>(__builtin_assume_aligned(p, 16));
}

// True when the first kFirstRunningIntegral states equal `saved` bit for bit (saved: 16-byte
// aligned, the states not necessarily): two-lane XORs, inline (a memcmp call costs more).
inline bool unchanged(const double* y, const double* saved) noexcept {
  using Words = unsigned long long __attribute__((vector_size(16)));
  const Words* s = static_cast<const Words*>(__builtin_assume_aligned(saved, 16));
  Words differ = {0, 0};
  for (int i = 0; i < kFirstRunningIntegral / 2; ++i) {
    Words w;
    std::memcpy(&w, y + 2 * i, sizeof(w));
    differ |= w ^ s[i];
  }
  unsigned long long rest = 0;
  if constexpr (kFirstRunningIntegral % 2 != 0) {
    unsigned long long a = 0, b = 0;
    std::memcpy(&a, y + kFirstRunningIntegral - 1, sizeof(a));
    std::memcpy(&b, saved + kFirstRunningIntegral - 1, sizeof(b));
    rest = a ^ b;
  }
  return (differ[0] | differ[1] | rest) == 0;
}

// The Heun predictor and update as functions of restrict-qualified arguments: GCC honours
// restrict on parameters, not on local pointers.
inline void predict(const double* __restrict y, const double* __restrict k1, double h,
                    double* __restrict y1) noexcept {
  k1 = aligned(k1);
  y1 = aligned(y1);
  for (int i = 0; i < kFirstRunningIntegral; ++i) y1[i] = y[i] + h * k1[i];
}
inline void update(double* __restrict y, const double* __restrict k1, const double* __restrict k2,
                   double half_h) noexcept {
  k1 = aligned(k1);
  k2 = aligned(k2);
  for (int i = 0; i < kStateCount; ++i) y[i] += half_h * (k1[i] + k2[i]);
}
}  // namespace

CellBatch::~CellBatch() = default;

void CellBatch::throw_non_finite() const {
  for (std::size_t c = 0; c < models_.size(); ++c) {
    const double* y = state(c);
    std::string names;
    for (int i = 0; i < kStateCount; ++i) {
      if (!std::isfinite(y[i])) names += std::string(names.empty() ? "" : ", ") + state_name(i);
    }
    if (names.empty()) continue;
    throw core::RunError("batch integrator: cell " + std::to_string(c) + " (of its block): non-finite " + names +
                         " after step " + std::to_string(steps_ + 1) + "; alumina " +
                         std::to_string(electrical_[c].alumina_wt) + " wt% at the last evaluation");
  }
  throw core::RunError("batch integrator: non-finite sum of the states after step " + std::to_string(steps_ + 1));
}

CellBatch::CellBatch(std::vector<CellModel> models, const std::vector<double>& initial_states,
                     BatchOptions options)
    : CellBlock(std::move(models), initial_states), options_(options), since_refresh_s_(models_.size(), 0.0),
      since_slope_s_(models_.size(), 0.0), snapshot_temperature_K_(models_.size(), 0.0),
      refresh_due_(models_.size(), 1), cache_(std::make_unique<StepCache>(models_.size())) {
  step_checks_finite_ = true;  // step() throws on a non-finite state
  // The vectorised loops of step() assume 16-byte aligned storage (operator new gives it).
  const auto misaligned = [](const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 16 != 0; };
  if (misaligned(y_.data()) || misaligned(cache_->stages.data()) || misaligned(cache_->end_state.data()) ||
      misaligned(inputs_.data()) || misaligned(cache_->inputs.data())) {
    throw core::RunError("batch integrator: state storage not 16-byte aligned");
  }
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
  cache_->valid[k] = 0;
}

void CellBatch::step() {
  const double h = options_.step_s;
  const double half_h = 0.5 * h;
  const std::size_t n = models_.size();
  // The predictor needs only the states the right-hand side reads; the running integrals after
  // them are never read (DynamicsIntegrators.RhsDoesNotReadTheRunningIntegrals), so they stay 0.
  alignas(16) double y1[kStateCount] = {};
  for (std::size_t c = 0; c < n; ++c) {
    if (!active_[c]) continue;  // cut out of the line: its state stays as it was
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
    // The terms fixed over the step (inputs and snapshot), kept while neither changes; the kernel
    // at both stages.
    StepCache& cache = *cache_;
    const bool terms_kept = cache.valid[c] && same_inputs(cache.inputs[c], inputs_[c]);
    if (!terms_kept) {
      cache.terms[c] = detail::rhs_terms(m, inputs_[c], electrical_[c]);
      cache.inputs[c] = inputs_[c];
      cache.valid[c] = 1;
    }
    const detail::RhsTerms& terms = cache.terms[c];
    double* const pair = cache.stages.data() + 2 * c * kStageStride;
    double* __restrict const last = pair + cache.last[c] * kStageStride;
    double* __restrict const next = pair + (1 - cache.last[c]) * kStageStride;
    double* __restrict const end_state = cache.end_state.data() + c * kEndStride;
    // First stage: the last step's corrector stage when nothing moved since (docs/performance.md,
    // "stage reuse": f at the last predictor point instead of at y; second order all the same).
    const double* __restrict k1 = last;
    if (!(cache.stage_valid[c] && terms_kept &&
          unchanged(y, end_state))) {
      detail::rhs_kernel(m, terms, y, next, nullptr);
      k1 = next;
    }
    predict(y, k1, h, y1);
    double* __restrict const k2 = k1 == next ? last : next;
    detail::rhs_kernel(m, terms, y1, k2, nullptr);
    // Element-wise loop (vectorised); 0.5·h·(k1 + k2) multiplies as (0.5·h)·(k1 + k2).
    update(y, k1, k2, half_h);
    std::memcpy(end_state, y, kFirstRunningIntegral * sizeof(double));
    cache.last[c] = static_cast<unsigned char>(k2 - pair == 0 ? 0 : 1);
    cache.stage_valid[c] = 1;
    since_refresh_s_[c] += h;
    since_slope_s_[c] += h;
  }
  // One finiteness test over the whole block (the states are contiguous); then the first cell
  // with a non-finite state is named, as a test after each cell would have.
  if (!std::isfinite(partial_sums(y_.data(), n * kStateCount))) throw_non_finite();
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
  atol[kTopTemperature] = atol[kWallTemperature] = atol[kLiningTemperature] = atol[kMetalTemperature] = 1e-4;
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

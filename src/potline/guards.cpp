// Physical guards on the simulated state (docs/model/dynamics.md, "Physical guards"). Checked for
// every cell after every step (O(1), no allocation unless a guard trips) and, for the energy
// balance, at every output row. Each limit is a physical bound, not a tuning: a state beyond it
// means the cell has left the domain the model describes (or the integration failed).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "line_internal.hpp"
#include "potline/core/constants.hpp"

namespace potline::line::detail {
namespace {
using namespace dynamics;

// Bath and metal temperature: the metal pad freezes below the melting point of aluminium
// (660.323 °C, a defining fixed point of [Preston-Thomas 1990]), so a liquid cell cannot be
// colder.
constexpr double kBathMin_K = 933.47;
// 1100 °C: ≈ 90 K above the melting point of pure cryolite (1011 °C, the constant term of the
// [Solheim 1996] liquidus; the highest liquidus of any bath: every additive lowers it); cells run
// at 940–970 °C and no correlation of the model is fitted this hot.
constexpr double kBathMax_K = 1373.15;
// Masses may undershoot zero by round-off only. [kg]
constexpr double kMassTolerance_kg = 1e-3;
// Relative energy-balance error that stops a run: the shipped examples stay below 1e-4 and the
// tests require < 5e-3; 1 % means the integration has lost its accuracy.
constexpr double kEnergyBalanceLimit = 0.01;

std::string where(std::uint32_t cell, double t) {
  return fmt::format("cell {} at {:.4g} h ({:.4g} d)", cell, t / constants::kSecondsPerHour, t / constants::kSecondsPerDay);
}

void record(Violation& v, StopReason reason, std::uint32_t cell, double t, std::string message,
            const char* cut_out_reason = nullptr) {
  v.set = true;
  v.reason = reason;
  v.cut_out_reason = cut_out_reason;
  v.overheated = false;
  v.cell = cell;
  v.time_s = t;
  v.message = std::move(message);
}

std::string nonfinite_states(const double* y) {
  std::string names;
  for (int i = 0; i < kStateCount; ++i) {
    if (!std::isfinite(y[i])) names += std::string(names.empty() ? "" : ", ") + state_name(i);
  }
  return names;
}

struct Range {
  int index;
  double lo, hi;
  const char* basis;
};

// The first state outside its range, or -1.
int first_out_of_range(const Range* ranges, int count, const double* y) {
  for (int i = 0; i < count; ++i) {
    const double v = y[ranges[i].index];
    if (!(v >= ranges[i].lo && v <= ranges[i].hi)) return i;
  }
  return -1;
}

std::string describe_range(const Range& r, const double* y) {
  const bool temperature = r.index == kBathTemperature || r.index == kTopTemperature ||
                           r.index == kWallTemperature || r.index == kLiningTemperature ||
                           r.index == kMetalTemperature;
  if (temperature) {
    return fmt::format("{} {:.6g} °C is outside its physical range {:.6g} to {:.6g} °C ({})", state_name(r.index),
                       y[r.index] - 273.15, r.lo - 273.15, r.hi - 273.15, r.basis);
  }
  return fmt::format("{} {:.6g} {} is outside its physical range {:.6g} to {:.6g} {} ({})", state_name(r.index),
                     y[r.index], state_unit(r.index), r.lo, r.hi, state_unit(r.index), r.basis);
}

std::string frozen_message(const CellModel& m, const double* y, const CellRun& run, double fraction,
                           std::uint32_t cell, double t) {
  return fmt::format(
      "{}: bath frozen: the liquid bath is down to {:.0f} kg, {:.1f} % of its initial {:.0f} kg "
      "(dynamics.frozen_bath_fraction = {:.0f} %); bath {:.1f} °C, ledge {:.1f} cm, excess AlF3 "
      "{:.1f} wt%",
      where(cell, t), bath_mass_kg(y), 100.0 * bath_mass_kg(y) / run.bath_start, run.bath_start,
      100.0 * fraction, y[kBathTemperature] - 273.15, 100.0 * ledge_thickness_m(m, y),
      100.0 * y[kExcessAlF3] / bath_mass_kg(y));
}

// The ranges of describe_range below, checked without building the table (the common case).
bool all_in_range(const CellModel& m, const double* y) {
  const double ambient = m.parameters.ambient_temperature_K;
  const auto in = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
  const auto mass = [](double v) { return v >= -kMassTolerance_kg; };
  return in(y[kBathTemperature], kBathMin_K, kBathMax_K) & in(y[kTopTemperature], ambient - 1.0, kBathMax_K) &
         in(y[kWallTemperature], ambient - 1.0, kBathMax_K) & in(y[kLiningTemperature], ambient - 1.0, kBathMax_K) &
         in(y[kMetalTemperature], kBathMin_K, kBathMax_K) & mass(y[kDissolvedAlumina]) & mass(y[kUndissolvedAlumina]) & mass(y[kExcessAlF3]) & (y[kCryolite] >= 0.0) &
         mass(y[kMetal]) & mass(y[kLedge]) & in(y[kAcd], 0.0, m.parameters.bath_height_m);
}

// The guard that tripped, in the order the checks are documented: non-finite, frozen, then the
// first state outside its range (named with the basis of the range). Off the hot path.
[[gnu::cold, gnu::noinline]] void record_violation(const CellModel& m, const double* y, const CellRun& run,
                                                   double frozen_fraction, std::uint32_t cell, double t, Violation& v) {
  if (!all_states_finite(y)) {
    record(v, StopReason::kStateOutOfRange, cell, t, where(cell, t) + ": non-finite " + nonfinite_states(y));
    return;
  }
  if (bath_mass_kg(y) < frozen_fraction * run.bath_start) {
    record(v, StopReason::kBathFrozen, cell, t, frozen_message(m, y, run, frozen_fraction, cell, t),
           "bath_frozen");
    return;
  }
  const double ambient = m.parameters.ambient_temperature_K;
  const Range ranges[] = {
      {kBathTemperature, kBathMin_K, kBathMax_K, "aluminium freezes at 660.3 °C; 1100 °C is far above any bath liquidus"},
      {kTopTemperature, ambient - 1.0, kBathMax_K, "between the potroom air and the hottest bath"},
      {kWallTemperature, ambient - 1.0, kBathMax_K, "between the potroom air and the hottest bath"},
      {kLiningTemperature, ambient - 1.0, kBathMax_K, "between the potroom air and the hottest bath"},
      {kMetalTemperature, kBathMin_K, kBathMax_K, "aluminium freezes at 660.3 °C; 1100 °C is far above any bath liquidus"},
      {kDissolvedAlumina, -kMassTolerance_kg, HUGE_VAL, "a mass"},
      {kUndissolvedAlumina, -kMassTolerance_kg, HUGE_VAL, "a mass"},
      {kExcessAlF3, -kMassTolerance_kg, HUGE_VAL, "a mass"},
      {kCryolite, 0.0, HUGE_VAL, "a mass"},
      {kMetal, -kMassTolerance_kg, HUGE_VAL, "a mass"},
      {kLedge, -kMassTolerance_kg, HUGE_VAL, "a mass"},
      {kAcd, 0.0, m.parameters.bath_height_m,
       "0: the anodes touch the metal; above the bath height they leave the bath"},
  };
  const int bad = std::max(0, first_out_of_range(ranges, static_cast<int>(std::size(ranges)), y));
  // Cell-local physical states (the cell can be cut out of the line): a bath or metal pad below the
  // melting point of aluminium (potline.on_frozen_cell), a bath, metal pad or node above 1100 °C
  // (potline.on_overheated_cell). The others (a negative mass, the ACD, non-finite) mean the model
  // or the integration has left its domain: the run stops.
  const int index = ranges[bad].index;
  const bool below = y[index] < ranges[bad].lo;
  const bool temperature = index == kBathTemperature || index == kMetalTemperature ||
                           index == kTopTemperature || index == kWallTemperature ||
                           index == kLiningTemperature;
  const char* local = !temperature                 ? nullptr
                      : !below                     ? (index == kBathTemperature    ? "bath_overheated"
                                                      : index == kMetalTemperature ? "metal_overheated"
                                                                                   : "node_overheated")
                      : index == kBathTemperature  ? "bath_temperature_low"
                      : index == kMetalTemperature ? "metal_frozen"
                                                   : nullptr;
  record(v, StopReason::kStateOutOfRange, cell, t,
         where(cell, t) + ": " + describe_range(ranges[bad], y), local);
  v.overheated = temperature && !below;
}

}  // namespace

bool check_cell_state(const CellModel& m, const double* y, const CellRun& run, double frozen_fraction,
                      std::uint32_t cell, double t, Violation& v, bool known_finite) {
  // The states are finite here, so "not frozen" is the negation of record_violation's test.
  if ((known_finite || all_states_finite(y)) && bath_mass_kg(y) >= frozen_fraction * run.bath_start &&
      all_in_range(m, y)) {
    return true;
  }
  record_violation(m, y, run, frozen_fraction, cell, t, v);
  return false;
}

bool check_energy_balance(const CellModel& m, const double* y, const CellRun& run, std::uint32_t cell, double t,
                          Violation& v) {
  // A restart (potline.cut_in) poured in stored heat that the line did not supply.
  const double residual = y[kEnergyIn] - y[kEnergyChemical] - y[kEnergyLost] - y[kEnergyAnodeHeating] -
                          run.totals.tapped_heat_J -
                          (stored_heat_J(m, y) - run.stored_heat_start - run.totals.cut_in_heat_J);
  // Early in a run the energy in is small: the error is taken against at least one hour of the
  // nominal current at 1 V (≈ a quarter of the cell's input), so noise at t ≈ 0 does not trip it.
  const double reference = std::max(y[kEnergyIn], m.nominal_current_A * 1.0 * 3600.0);
  const double error = std::fabs(residual) / reference;
  if (error <= kEnergyBalanceLimit) return true;
  record(v, StopReason::kEnergyBalance, cell, t,
         fmt::format("{}: energy balance error {:.3g} % exceeds {:.3g} % (energy in {:.6g} MWh, residual "
                     "{:.6g} MWh): the integration has lost its accuracy; a smaller run.sample_period or "
                     "run.integrator = \"cvode\" may help",
                     where(cell, t), 100.0 * error, 100.0 * kEnergyBalanceLimit, y[kEnergyIn] / 3.6e9,
                     residual / 3.6e9));
  return false;
}

}  // namespace potline::line::detail

// Thermal steady state with the dynamics' heat-loss network (docs/model/cell.md, "Thermal steady
// state"; the network: docs/model/dynamics.md, "Thermal calibration" and "Thermal nodes").
#include "potline/dynamics/thermal_steady_state.hpp"

#include <algorithm>
#include <cmath>

namespace potline::dynamics {
namespace {

// Bisection tolerance on the bath temperature [K] and its search range above the liquidus [K].
constexpr double kTemperatureTolerance_K = 1e-4;
constexpr double kSearchRange_K = 150.0;
constexpr double kLowestSuperheat_K = 0.01;
constexpr double kScanStep_K = 1.0;

// Heat the network loses at bath temperature T (nodes and ledge at their steady values) and the
// cell's own heat balance there; `generated_minus_lost` > 0 means the bath would warm.
struct Balance {
  ThermalSteadyState s;
  double generated_minus_lost = 0;
};

// Wall node temperature at which it loses what the ledge (q_in) and the bypass bring. With a
// fixed bypass conductance this is linear; when the bypass crosses a frozen layer that grows with
// the ledge (bypass_ledge_share > 0), the ledge resistance follows from the wall temperature
// (R_ledge = (T_liq − T_wall)/q_in − R_in), and the balance is bisected in T_wall (the shell loss
// rises faster than the bypass as T_wall rises: AP40 ≈ 1 kW/K against < 0.7 kW/K). Returns the
// liquidus (a negative ledge) when no ledge can carry q_in: the caller takes the no-ledge branch.
double wall_node_K(const CellModel& m, double T, double Tl, double q_in, double out) {
  const CellModel::Derived& g = m.derived;
  const double Tamb = m.parameters.ambient_temperature_K;
  if (!(g.bypass_ledge_share > 0.0)) return (Tamb * out + q_in + g.bypass_W_per_K * T) / (out + g.bypass_W_per_K);
  const double highest = Tl - g.wall_in_K_per_W * q_in;  // zero ledge
  const auto surplus = [&](double tw) {
    const double ledge_r = std::max((Tl - tw) / q_in - g.wall_in_K_per_W, 0.0);
    return (tw - Tamb) * out - q_in - (T - tw) / (g.bypass_fixed_K_per_W + g.bypass_ledge_share * ledge_r);
  };
  if (!(q_in > 0.0) || surplus(highest) < 0.0) return Tl;  // even a vanishing ledge cannot carry it
  double lo = Tamb, hi = highest;
  while (hi - lo > kTemperatureTolerance_K) {
    const double mid = 0.5 * (lo + hi);
    (surplus(mid) < 0.0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Balance balance_at(const CellModel& m, const cell::OperatingPoint& op, double T, double u) {
  const DynamicsParameters& p = m.parameters;
  const CellModel::Derived& g = m.derived;
  cell::OperatingPoint at = op;
  at.bath_temperature_K = T;
  cell::ModelConstants k = m.constants;  // carbon heated as it burns: the steady-state booking
  Balance b;
  ThermalSteadyState& s = b.s;
  s.result = cell::evaluate(m.design, k, at);
  const double I = op.line_current_A;
  const double Tamb = p.ambient_temperature_K;
  const double Tl = s.result.bath.liquidus_K;
  // Top and lining nodes: bath -> node (+ conductor Joule heat) -> ambient.
  const double p_anode = p.anode_drop_to_top_fraction * I * I * m.design.anode_resistance_ohm;
  const double p_cathode = p.cathode_drop_to_lining_fraction * I * I * m.design.cathode_resistance_ohm;
  const double t_top = (T * g.top_in_W_per_K + p_anode + Tamb * g.top_out_W_per_K) / (g.top_in_W_per_K + g.top_out_W_per_K);
  // The bottom path starts at the metal pad, which the bath heats across their interface.
  const double to_metal = g.bath_metal_W_per_K * ledge_flow_factor(m, I);
  const double bottom_in = 1.0 / (1.0 / to_metal + 1.0 / g.bottom_in_W_per_K);
  const double t_lin = (T * bottom_in + p_cathode + Tamb * g.bottom_out_W_per_K) / (bottom_in + g.bottom_out_W_per_K);
  s.top_loss_W = (t_top - Tamb) * g.top_out_W_per_K;
  s.bottom_loss_W = (t_lin - Tamb) * g.bottom_out_W_per_K;
  s.top_temperature_K = t_top;
  s.lining_temperature_K = t_lin;
  s.metal_temperature_K = T - (T - t_lin) * bottom_in / to_metal;  // the bottom path's heat crosses the interface
  // Side: ledge face flux from the bath flow at this current; the wall node balances it and the
  // bypass against its loss; the ledge is as thick as the Stefan condition q_out = q_in needs.
  const double face = g.ledge_face_W_per_K * ledge_flow_factor(m, I);
  const double out = g.wall_out_W_per_K + u * g.exchanger_W_per_K;
  const double area = m.side_area_m2;
  double q_in = face * (T - Tl);
  double tw = wall_node_K(m, T, Tl, q_in, out);
  const double ledge_r = (Tl - tw) / q_in - g.wall_in_K_per_W;
  s.ledge_m = ledge_r * p.ledge_conductivity_W_per_m_K * area;
  s.status = "steady";
  if (!(s.ledge_m >= p.minimum_ledge_m)) {
    // The ledge is gone: the bath reaches the side lining through the film.
    const double direct = 1.0 / (g.wall_in_K_per_W + 1.0 / face);
    const double bypass = g.bypass_ledge_share > 0.0 ? 1.0 / g.bypass_fixed_K_per_W : g.bypass_W_per_K;
    tw = (Tamb * out + direct * T + bypass * T) / (out + direct + bypass);
    q_in = direct * (T - tw);
    s.ledge_m = 0.0;
    s.status = "no_ledge";
  }
  s.wall_temperature_K = tw;
  s.side_loss_W = (tw - Tamb) * out;
  s.ledge_flux_W = q_in;
  s.heat_loss_W = s.top_loss_W + s.side_loss_W + s.bottom_loss_W;
  s.bath_temperature_K = T;
  s.liquidus_K = Tl;
  s.superheat_K = T - Tl;
  b.generated_minus_lost = s.result.energy.heat_loss_W - s.heat_loss_W;
  return b;
}

}  // namespace

ThermalSteadyState thermal_state_at_temperature(const CellModel& m, const cell::OperatingPoint& op,
                                                double exchanger_fraction) {
  return balance_at(m, op, op.bath_temperature_K, exchanger_fraction).s;
}

ThermalSteadyState thermal_state_at_ledge(const CellModel& m, const cell::OperatingPoint& op,
                                          double ledge_m) {
  const CellModel::Derived& g = m.derived;
  ThermalSteadyState s = balance_at(m, op, op.bath_temperature_K, 0.0).s;  // top and bottom paths
  const double T = s.bath_temperature_K, Tl = s.liquidus_K;
  // The side path through a ledge of ledge_m: the face passes h·A·(T − T_liq) (the Stefan
  // condition: no freezing or melting), the ledge and the side lining carry it to the wall node,
  // and the bypass carries its share past the ledge; the wall node loses both.
  const double q_in = g.ledge_face_W_per_K * ledge_flow_factor(m, op.line_current_A) * (T - Tl);
  const double ledge_r =
      std::max(ledge_m, 0.0) / (m.parameters.ledge_conductivity_W_per_m_K * m.side_area_m2);
  const double tw = Tl - q_in * (ledge_r + g.wall_in_K_per_W);
  const double bypass = g.bypass_ledge_share > 0.0
                            ? (T - tw) / (g.bypass_fixed_K_per_W + g.bypass_ledge_share * ledge_r)
                            : g.bypass_W_per_K * (T - tw);
  s.status = "steady";
  s.ledge_m = std::max(ledge_m, 0.0);
  s.wall_temperature_K = tw;
  s.ledge_flux_W = q_in;
  s.side_loss_W = q_in + bypass;
  s.heat_loss_W = s.top_loss_W + s.side_loss_W + s.bottom_loss_W;
  return s;
}

ThermalSteadyState solve_thermal_steady_state(const CellModel& m, const cell::OperatingPoint& op,
                                              double exchanger_fraction) {
  const double Tl = cell::evaluate(m.design, m.constants, op).bath.liquidus_K;
  double lo = Tl + kLowestSuperheat_K, hi = Tl + kSearchRange_K;
  Balance low = balance_at(m, op, lo, exchanger_fraction);
  if (low.generated_minus_lost < 0.0) {
    low.s.status = "freezes";
    return low.s;
  }
  // The first temperature above the liquidus where the loss overtakes the generation (scanned in
  // 1 K steps: far above it the current efficiency collapses, the chemistry takes less and a second,
  // runaway root appears), then bisection within that step.
  hi = lo;
  while (true) {
    const double next = hi + kScanStep_K;
    if (next > Tl + kSearchRange_K) {
      Balance high = balance_at(m, op, Tl + kSearchRange_K, exchanger_fraction);
      high.s.status = "overheats";  // no steady state within kSearchRange_K above the liquidus
      return high.s;
    }
    if (balance_at(m, op, next, exchanger_fraction).generated_minus_lost <= 0.0) {
      lo = hi;
      hi = next;
      break;
    }
    hi = next;
  }
  while (hi - lo > kTemperatureTolerance_K) {
    const double mid = 0.5 * (lo + hi);
    if (balance_at(m, op, mid, exchanger_fraction).generated_minus_lost > 0.0) lo = mid;
    else hi = mid;
  }
  return balance_at(m, op, 0.5 * (lo + hi), exchanger_fraction).s;
}

}  // namespace potline::dynamics

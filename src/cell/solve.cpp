#include "potline/cell/solve.hpp"
#include "potline/core/constants.hpp"

#include <cmath>
#include <fmt/format.h>

namespace potline::cell {

AcdSolve solve_acd_for_voltage(const CellDesign& design, const ModelConstants& constants,
                               OperatingPoint op, double target_voltage_V,
                               const AcdSolveOptions& options) noexcept {
  AcdSolve out;
  auto residual = [&](double acd) {
    op.acd_m = acd;
    ++out.evaluations;
    return evaluate(design, constants, op).voltage_V - target_voltage_V;
  };
  double a = options.min_acd_m, b = options.max_acd_m;
  double fa = residual(a), fb = residual(b);
  if (!(std::isfinite(fa) && std::isfinite(fb))) {
    out.failure = "the cell voltage is not finite at the ends of the ACD bracket";
    return out;
  }
  if (fa > 0.0 || fb < 0.0) {
    out.failure = fmt::format(
        "target voltage {:.4g} V is outside the range {:.4g}–{:.4g} V reachable with ACD "
        "{:.3g}–{:.3g} cm",
        target_voltage_V, fa + target_voltage_V, fb + target_voltage_V, a * 100, b * 100);
    out.acd_m = fa > 0.0 ? a : b;
    out.residual_V = fa > 0.0 ? fa : fb;
    return out;
  }
  // Illinois variant of regula falsi: guaranteed bracketing, superlinear on smooth functions.
  int side = 0;
  double c = a, fc = fa;
  while (out.evaluations < options.max_evaluations) {
    c = (a * fb - b * fa) / (fb - fa);
    fc = residual(c);
    if (std::fabs(fc) <= options.voltage_tolerance_V) {
      out.converged = true;
      break;
    }
    if (fc * fb > 0.0) {
      b = c;
      fb = fc;
      if (side == -1) fa *= 0.5;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side == 1) fb *= 0.5;
      side = 1;
    }
  }
  out.acd_m = c;
  out.residual_V = fc;
  if (!out.converged) {
    out.failure = fmt::format("no convergence in {} evaluations (residual {:.3g} V)",
                              out.evaluations, fc);
  }
  return out;
}

Calibration calibrate(CellDesign design, ModelConstants constants, OperatingPoint op,
                      const PublishedPoint& published, bool acd_is_published) {
  Calibration cal;
  std::optional<double> voltage = published.voltage_V;
  std::optional<double> ce = published.current_efficiency;
  const auto& sec = published.sec_dc_J_per_kg;
  // Faraday closes V, CE and SEC: SEC = V·3F/(M_Al·CE) = V·sec_per_volt/CE.
  const double sec_per_volt = specific_energy_J_per_kg(1.0, 1.0);
  if (voltage && ce && sec) {
    const double implied_sec = *voltage * sec_per_volt / *ce;
    const double mismatch = implied_sec / *sec - 1.0;
    if (std::fabs(mismatch) > 0.01) {
      cal.problems.push_back(fmt::format(
          "published voltage {:.3f} V and current efficiency {:.1f} % imply {:.2f} kWh/kg DC, "
          "{:+.1f} % from the published {:.2f} kWh/kg (Faraday: SEC = 2.980·V/CE)",
          *voltage, *ce * 100, implied_sec / constants::kJoulePerKWh, mismatch * 100, *sec / constants::kJoulePerKWh));
    }
  } else if (voltage && sec && !ce) {
    ce = *voltage * sec_per_volt / *sec;
    cal.implied_current_efficiency = ce;
  } else if (ce && sec && !voltage) {
    voltage = *sec * *ce / sec_per_volt;
    cal.implied_voltage_V = voltage;
  }

  if (ce && !(*ce > 0.5 && *ce < 1.0)) {
    cal.problems.push_back(fmt::format(
        "current efficiency {:.1f} % (published or implied by Faraday) is impossible; Dewing's "
        "constant is not calibrated", *ce * 100));
    ce.reset();
  }
  if (ce) {
    // 80–98 %: estimate of the industrial envelope — modern cells 93–96 % (commonly quoted), 1960s–
    // 80s lines down to ~90 % (the Søral line before modernisation, docs/technologies.md).
    if (*ce < 0.80 || *ce > 0.98) {
      cal.problems.push_back(fmt::format(
          "current efficiency {:.1f} % is outside the plausible 80–98 % for industrial cells",
          *ce * 100));
    }
    const bath::Properties props = bath::evaluate(op.bath, op.bath_temperature_K, constants.conductivity);
    constants.dewing_constant =
        dewing_constant_for(*ce, props.superheat_K, op.bath.alf3_excess_wt, op.bath.lif_wt);
    cal.dewing_constant = constants.dewing_constant;
  }

  if (voltage && acd_is_published) {
    // The ACD is known: the voltage left over is closed by the cathode drop, the least certain
    // of the ohmic drops (cathode designs differ most between technologies). V is linear in it.
    const CellResult r = evaluate(design, constants, op);
    const double cathode_drop = r.breakdown.cathode_drop + (*voltage - r.voltage_V);
    cal.cathode_resistance_ohm = cathode_drop / op.line_current_A;
    if (cathode_drop < kPlausibleCathodeDropMin_V || cathode_drop > kPlausibleCathodeDropMax_V) {
      cal.problems.push_back(fmt::format(
          "calibrated cathode drop {:.3f} V (with the published ACD {:.2f} cm) is outside the "
          "plausible 0.2–0.5 V: the design estimates or the published voltage are inconsistent",
          cathode_drop, op.acd_m * 100));
    }
  }
  if (voltage && !acd_is_published) {
    const AcdSolve solve = solve_acd_for_voltage(design, constants, op, *voltage);
    if (!solve.converged) {
      cal.problems.push_back("ACD calibration to " + fmt::format("{:.3f} V", *voltage) +
                             " failed: " + solve.failure);
    } else {
      cal.acd_m = solve.acd_m;
      if (solve.acd_m < kPlausibleAcdMin_m || solve.acd_m > kPlausibleAcdMax_m) {
        cal.problems.push_back(fmt::format(
            "calibrated ACD {:.2f} cm is outside the plausible 3–6 cm: the design estimates "
            "(drops, anode geometry) or the published voltage are inconsistent",
            solve.acd_m * 100));
      }
    }
  }
  if (ce) {
    // The mass-transfer model depends on the ACD: calibrate at the final one.
    if (cal.acd_m) op.acd_m = *cal.acd_m;
    if (cal.cathode_resistance_ohm) design.cathode_resistance_ohm = *cal.cathode_resistance_ohm;
    const CellResult r = evaluate(design, constants, op);
    cal.mass_transfer_coefficient = mass_transfer_coefficient_for(*ce, constants.mass_transfer, ce_conditions(r, op));
  }
  return cal;
}

}  // namespace potline::cell

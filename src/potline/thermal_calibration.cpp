// The summary key thermal_calibration of simulate and flex (docs/model/dynamics.md, "Thermal
// calibration").
#include "potline/potline/thermal_calibration.hpp"

#include "potline/bath/liquidus.hpp"

namespace potline::line {

io::Json thermal_calibration_json(const SimulationCase& c) {
  const cell::OperatingPoint& at = c.calibration_op ? *c.calibration_op : c.op;
  io::Json j;
  j["point"] = c.calibration_basis;
  j["line_current_kA"] = at.line_current_A / 1e3;
  j["acd_cm"] = at.acd_m * 100;
  j["bath_temperature_degC"] = at.bath_temperature_K - 273.15;
  j["alf3_wt"] = at.bath.alf3_excess_wt;
  j["start_bath_temperature_degC"] = c.op.bath_temperature_K - 273.15;
  j["start_superheat_K"] = c.op.bath_temperature_K - bath::liquidus_K(c.op.bath);
  j["start_ledge_cm"] = c.start_ledge_m * 100;
  return j;
}

}  // namespace potline::line

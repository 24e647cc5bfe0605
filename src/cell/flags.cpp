#include "potline/cell/flags.hpp"

#include <fmt/format.h>

#include "potline/cell/cell_model.hpp"

namespace potline::cell {

std::vector<std::string> describe_cell_flags(const CellResult& r, const OperatingPoint& op) {
  std::vector<std::string> out;
  const double i_cm2 = r.anode_current_density_A_per_m2 / 1e4;
  if (r.flags & kAnodeEffect) {
    out.push_back(fmt::format(
        "anode effect: anode current density {:.3f} A/cm2 is at or above the critical {:.3f} A/cm2 "
        "at {:.2f} wt% alumina (Grjotheim & Welch 1988); the cell voltage includes the "
        "anode-effect overvoltage",
        i_cm2, r.critical_current_density_A_per_m2 / 1e4, op.bath.alumina_wt));
  }
  if (r.flags & kAnodeCurrentDensityLow) {
    out.push_back(fmt::format(
        "anode current density {:.4f} A/cm2 is below 0.01 A/cm2, outside the range of Haupin's "
        "anode overvoltage equation", i_cm2));
  }
  if (r.flags & kCathodeCurrentDensityLow) {
    out.push_back(fmt::format(
        "cathode current density {:.3f} A/cm2 is below 0.257 A/cm2, where Haupin's cathode "
        "overvoltage equation turns negative; cathode overvoltage set to 0",
        r.cathode_current_density_A_per_m2 / 1e4));
  }
  if (r.flags & kBubbleCoverageOutOfRange) {
    out.push_back(fmt::format(
        "Haupin's bubble coverage left its range (0, 0.95] at these inputs; limited to {:.3f}",
        r.bubble_coverage));
  }
  if (r.flags & kAcdBelowBubbleLayer) {
    out.push_back(fmt::format("ACD {:.2f} cm is at or below the bubble layer thickness {:.2f} cm; "
                              "the bath ohmic drop is set to 0",
                              op.acd_m * 100, r.bubble_thickness_m * 100));
  }
  if (r.flags & kCurrentEfficiencyOutOfRange) {
    out.push_back(fmt::format(
        "the current efficiency model (model.current_efficiency_model) left the range 50–100 % at "
        "{:.1f} K superheat and ACD {:.2f} cm; limited to {:.1f} %",
        r.bath.superheat_K, op.acd_m * 100, r.current_efficiency * 100));
  }
  // kFanningBeyondFit: said by collect_notes (report.cpp), which knows the design's gaps.
  if (r.flags & kHeatDeficit) {
    out.push_back(fmt::format(
        "the electrical input {:.1f} kW is below the process demand {:.1f} kW (reaction and heating "
        "of feed): the heat balance needs {:.1f} kW from outside, so this is not a steady state",
        r.energy.input_W / 1e3,
        (r.energy.reaction_W + r.energy.heating_alumina_W + r.energy.heating_anodes_W) / 1e3,
        -r.energy.heat_loss_W / 1e3));
  }
  if (r.flags & kActivityFloor) {
    out.push_back(fmt::format(
        "alumina activity raised to its numerical floor 0.001 at {:.3g} wt% alumina (the activity "
        "polynomial is not valid this far below saturation)", op.bath.alumina_wt));
  }
  return out;
}

}  // namespace potline::cell

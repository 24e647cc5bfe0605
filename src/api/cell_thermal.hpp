#pragma once
// Internal to the api module: the design point of `potline cell --thermal` and the ACD it holds
// (cell_thermal.cpp), shared with run_cell (cell_command.cpp).
#include <optional>
#include <string>

#include "potline/api/case_commands.hpp"

namespace potline::api {

/// Where --thermal calibrates the dynamics' heat-loss network: a catalogue technology's catalogue
/// operating point; a case without one at the case file's point without --set (when there are --set);
/// else the case's own point.
struct ThermalDesign {
  cell::OperatingPoint op;
  /// The design whose heat the network loses at `op`: a catalogue technology's own design, so that
  /// the case's design.* changes warm or cool the cell (user trial T19-22); else the case's.
  cell::CellDesign design;
  std::string basis;     ///< in words, for the output
  double liquidus_degC;  ///< of the design point's bath
};
ThermalDesign thermal_design_point(const CellRun& run, const CaseSource& source);

/// The ACD --thermal runs a case at another line current than its design point's, as simulate starts
/// it (user trial T17-5; line::controlled_operating_point): where the pot control holds the design
/// point's bath temperature. Only when simulate would: the ACD is the design point's (not given for the
/// case: not on --set, nor in the file of a technology's case) and nothing else of the operating point
/// moved (bath composition); the controlled point a working state. `note` says so; nullopt: the case
/// is run as written.
struct HeldAcd {
  double acd_m = 0;
  std::string note;
};
std::optional<HeldAcd> controlled_thermal_acd(const CellRun& run, const CaseSource& source);

}  // namespace potline::api

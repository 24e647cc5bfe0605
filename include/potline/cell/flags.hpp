#pragma once
// Validity and regime flags of one cell evaluation: a bit mask on the hot path, turned into
// sentences only at the boundary (describe_cell_flags).
#include <cstdint>
#include <string>
#include <vector>

namespace potline::cell {

struct CellResult;
struct OperatingPoint;

/// Bits 0–15 are the bath module's ValidityFlag values; the cell's own start at bit 16.
enum CellFlag : std::uint32_t {
  kAnodeEffect = 1u << 16,                 ///< anode current density at or above critical
  kAnodeCurrentDensityLow = 1u << 17,      ///< below 0.01 A/cm², outside the Tafel form's range
  kCathodeCurrentDensityLow = 1u << 18,    ///< below 0.257 A/cm²: cathode overvoltage set to 0
  kBubbleCoverageOutOfRange = 1u << 19,    ///< coverage outside (0, 0.95): clipped
  kAcdBelowBubbleLayer = 1u << 20,         ///< ACD at or below the bubble layer thickness
  kCurrentEfficiencyOutOfRange = 1u << 21, ///< CE model outside (0.5, 1): clipped
  kFanningBeyondFit = 1u << 22,            ///< ACD or gap past the maximum of Haupin's fanning fit
  kHeatDeficit = 1u << 23,                 ///< input below the process demand: heat loss < 0
  kActivityFloor = 1u << 24,               ///< alumina activity raised to its numerical floor
};

/// One sentence per set flag, naming the quantity, its value and the range.
std::vector<std::string> describe_cell_flags(const CellResult& result, const OperatingPoint& op);

}  // namespace potline::cell

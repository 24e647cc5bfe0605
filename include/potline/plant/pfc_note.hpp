#pragma once
// The note that a set's PFC coefficients for a technology class are transcribed from a secondary
// source and not verified against the primary text (data/emission-factors: `verified = false`). A
// caveat of the program's own data that fires whatever the input, so it is printed as a note, not a
// warning, which keeps meaning a doubt about the user's input (user trial 7, T7-12).
#include <optional>
#include <string>

#include "potline/plant/emissions.hpp"

namespace potline::plant {

/// "emissions.coefficient_set: the IPCC2006 PFC coefficients for CWPB are transcribed ... (NOTE)",
/// or empty when the row is verified or absent.
std::optional<std::string> unverified_pfc_note(const EmissionData& data, CoefficientSet set,
                                               TechnologyClass c);

}  // namespace potline::plant

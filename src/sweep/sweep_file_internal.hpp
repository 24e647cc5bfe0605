#pragma once
// The [[uncertain]] inputs of a sweep file (uncertain_inputs.cpp), used by parse_sweep.
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/case_input.hpp"
#include "potline/sweep/sweep_file.hpp"

namespace potline::sweep::detail {

/// Every [[uncertain]] table: parameter, distribution and its parameters converted in the lever's
/// unit and checked against the lever's range; the region name is kept in `region_name`. Every table
/// is returned, an incomplete one (`complete` false) too.
struct ReadInput {
  UncertainInput input;
  std::string region_name;  ///< "all" or a region id, resolved once the region table is known
  core::SourceLocation region_at;
  std::string label;        ///< "uncertain[I]", for messages
  /// false when its parameter or distribution was rejected: only its region is resolved (its errors are
  /// said with the others, T16-14), it is never drawn.
  bool complete = false;
};
std::vector<ReadInput> read_uncertain_inputs(const fleet::CaseInput& in, core::Diagnostics& d);

/// The region index of an input (-1 = all); unknown names are reported with a did-you-mean.
void resolve_region(ReadInput& r, const fleet::RegionTable& regions, core::Diagnostics& d);

}  // namespace potline::sweep::detail

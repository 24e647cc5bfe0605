#pragma once
// Checks of the dated status changes of a dataset row (data/fleet-pipeline.toml): its curtailments
// and restarts, in time order, must each change the capacity running before them the right way.
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/fleet/time_data.hpp"

namespace potline::fleet::detail {

/// Reports, with the project's location: a restart whose capacity exceeds the row's; a restart of a
/// row operating in the dataset (its 2024 status) before any curtailment of it; a restart that does
/// not raise the capacity running before it; a curtailment that does not lower it, or of a row
/// stopped at its date. Events at the same date keep the file's order.
void check_dated_sequences(const std::vector<Project>& projects,
                           const std::vector<SmelterRecord>& records, core::Diagnostics& d);

}  // namespace potline::fleet::detail

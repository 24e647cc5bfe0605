#pragma once
// Re-running into an existing run folder: the files the previous run wrote and the new one does not
// are removed, so the folder never shows an old report or table beside the new summary (trial 6,
// T6-25).
#include <string>
#include <vector>

namespace potline::io {

/// Removes from the run folder `dir` the files of the previous run that the new run does not write:
/// the plain file names listed in the previous manifest.json "outputs" and not in `new_outputs`,
/// and report.html when it is a Potline report (its generator tag says "potline") and "report.html"
/// is not in `new_outputs`. Files Potline did not write are never touched. Call it before the new
/// manifest.json is written. Returns the names removed, in the manifest's order.
std::vector<std::string> remove_stale_outputs(const std::string& dir,
                                              const std::vector<std::string>& new_outputs);

/// "note: removed A, B left in DIR by the previous run (the new run does not write them)\n", or "".
std::string stale_outputs_note(const std::string& dir, const std::vector<std::string>& removed);

}  // namespace potline::io

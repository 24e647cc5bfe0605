#pragma once
// A run folder (potline/api/run_folder.hpp): the library writes it; the CLI prints the note about
// stale files it removed on stderr.
#include <map>
#include <string>
#include <vector>

#include "potline/api/run_folder.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {

using api::RunFolder;
using api::utc_now;

/// api::save_run_folder, with its note about removed stale files on stderr.
void write_run_folder(const RunFolder& run, const io::Json& summary,
                      const std::map<std::string, std::string>& csv_files);

}  // namespace potline::app

#pragma once
// A run folder built in memory for the report tests: a command, a summary and CSV texts parsed as
// `potline report` parses a folder's files (report::parse_table). No files are read.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "potline/report/run_data.hpp"

namespace potline::testing {

inline report::RunData report_run(const std::string& command, io::Json summary,
                                  const std::map<std::string, std::string>& csv = {}) {
  report::RunData r;
  r.command = command;
  r.path = "run";
  r.summary = std::move(summary);
  core::Diagnostics d;
  for (const auto& [name, text] : csv) r.tables[name] = report::parse_table(text, name, d);
  EXPECT_FALSE(d.has_errors());
  return r;
}

}  // namespace potline::testing

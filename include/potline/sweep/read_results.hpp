#pragma once
// Reading a sweep's results store (store.hpp) back as its long table, for analysis (the Python API's
// potline.read_sweep). Read-only: the file is never modified.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace potline::sweep {

/// The long table, one entry per row in every column, in the order the rows were stored.
struct ResultTable {
  std::string title;  ///< the sweep's title (meta table)
  /// The meta table (key -> value): format, schema_version, sweep_hash, title and, in stores
  /// written since 2026-12-06, the provenance (store.hpp, StoreProvenance).
  std::map<std::string, std::string> meta;
  std::vector<std::string> scenario;
  std::vector<std::int64_t> sample;
  std::vector<std::string> entity;
  std::vector<std::string> metric;
  std::vector<double> value;
};

/// Reads every stored row of `path`. A missing file, a file that is not a results store of
/// `potline sweep`, or one of another schema version is refused with core::InputError naming the
/// path and the reason.
ResultTable read_results(const std::string& path);

}  // namespace potline::sweep

#pragma once
// The results store of a sweep: one SQLite file holding one long table
//   results(scenario TEXT, sample INTEGER, entity TEXT, metric TEXT, value REAL)
// with indexes on (scenario, sample) and (entity, metric, scenario), a `samples` table marking
// every finished (scenario, sample), and a `meta` table naming the format, schema version and the
// sweep's hash. A sample's rows and its mark are written in the same transaction, so a sample is
// either fully stored or absent: an interrupted sweep resumes by skipping the marked samples.
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace potline::sweep {

inline constexpr const char* kStoreFormat = "potline-sweep";
inline constexpr int kStoreSchemaVersion = 1;

struct Row {
  std::string entity;  ///< "world", "region:<id>", "smelter:<id>" or "input"
  std::string metric;  ///< name with its unit (docs/cli-sweep.md)
  double value = 0;
};

struct SampleResult {
  std::string scenario;
  std::int64_t sample = 0;
  std::vector<Row> rows;
};

class ResultStore {
 public:
  /// Opens `path`, creating it with the schema when it is absent or empty. An existing file that is
  /// not a SQLite database, fails SQLite's quick check, lacks the schema, or was written by a
  /// different sweep (hash) is refused with core::InputError (exit 2) saying so.
  ResultStore(const std::string& path, const std::string& sweep_hash, const std::string& title);
  ~ResultStore();
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  /// Claims the store for this process until it is destroyed (an advisory flock(2) on the file):
  /// a second `potline sweep` on the same file — which would compute the same samples without
  /// noticing — is refused with core::InputError. The lock is released when the process ends,
  /// however it ends.
  void claim();
  /// The highest sample index stored for any scenario, or -1 when none is.
  std::int64_t max_sample() const;
  /// The finished (scenario, sample) pairs.
  std::set<std::pair<std::string, std::int64_t>> finished() const;
  /// Writes the samples (rows and marks) in one transaction; samples already marked are skipped.
  void write(const std::vector<SampleResult>& batch);
  /// Copies every finished sample of another store of the same sweep that this one lacks
  /// (one transaction); returns how many samples were added.
  std::int64_t merge_from(const std::string& other_path);
  const std::string& path() const { return path_; }

 private:
  void exec(const std::string& sql) const;
  std::string path_;
  std::string hash_;
  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;  ///< descriptor holding claim()'s lock; closed only after the database
};

}  // namespace potline::sweep

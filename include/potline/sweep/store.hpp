#pragma once
// The results store of a sweep: one SQLite file holding one long table
//   results(scenario TEXT, sample INTEGER, entity TEXT, metric TEXT, value REAL)
// with indexes on (scenario, sample) and (entity, metric, scenario), a `samples` table marking
// every finished (scenario, sample), and a `meta` table naming the format, schema version and the
// sweep's hash, and its provenance (StoreProvenance: seed, program version and commit, the sweep
// file's text, the --set overrides, and the SHA-256 of every case and data file read). A sample's
// rows and its mark are written in the same transaction, so a sample is either fully stored or
// absent: an interrupted sweep resumes by skipping the marked samples.
#include <cstdint>
#include <map>
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

/// What a store records of the run that created it (meta keys in docs/cli.md, "potline sweep").
struct StoreProvenance {
  std::string seed;
  std::string version;     ///< potline's version
  std::string git_commit;  ///< the commit the program was built from
  std::string sweep_file;  ///< its path as given
  std::string sweep_text;  ///< its full text
  std::string sets;        ///< the --set overrides, one a line
  std::string created_utc;
  std::vector<std::pair<std::string, std::string>>
      inputs;  ///< (path, SHA-256) of every case and data file
};

/// The provenance of a sweep run by this program (reads the sweep file and hashes its inputs).
StoreProvenance provenance_of(const std::string& sweep_file,
                              const std::vector<std::string>& input_files, std::uint64_t seed,
                              const std::vector<std::string>& sets, const std::string& created_utc);

class ResultStore {
 public:
  /// Opens `path`, creating it with the schema when it is absent or empty. An existing file that is
  /// not a SQLite database, fails SQLite's quick check, lacks the schema, or was written by a
  /// different sweep (hash) is refused with core::InputError (exit 2) saying so.
  /// With `provenance`: a new store records it in its meta table; an existing one is refused when
  /// one of its recorded case or data files has another SHA-256 now (named), and when it was
  /// written by another program commit (or records none) unless `force`, which resumes with a
  /// warning (warnings()) and adds the commit to meta.resumed_by.
  ResultStore(const std::string& path, const std::string& sweep_hash, const std::string& title,
              const StoreProvenance* provenance = nullptr, bool force = false);
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
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  void exec(const std::string& sql) const;
  void put_meta(const std::vector<std::pair<std::string, std::string>>& rows);
  void check_commit(const std::map<std::string, std::string>& meta, const StoreProvenance& p,
                    bool force);
  std::string path_;
  std::string hash_;
  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;  ///< descriptor holding claim()'s lock; closed only after the database
  std::vector<std::string> warnings_;
};

}  // namespace potline::sweep

// SQLite results store (see store.hpp).
#include "potline/sweep/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"
#include "potline/version.hpp"

namespace potline::sweep {
namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  core::Diagnostics d;
  d.error({path, 0, 0}, "--out", why);
  throw core::InputError(d);
}

struct Statement {
  sqlite3_stmt* s = nullptr;
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
      throw core::RunError(fmt::format("SQLite: {} ({})", sqlite3_errmsg(db), sql));
  }
  ~Statement() { sqlite3_finalize(s); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
};

const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE samples(scenario TEXT NOT NULL, sample INTEGER NOT NULL, PRIMARY KEY(scenario, sample));
CREATE TABLE results(scenario TEXT NOT NULL, sample INTEGER NOT NULL, entity TEXT NOT NULL,
                     metric TEXT NOT NULL, value REAL NOT NULL);
CREATE INDEX results_by_sample ON results(scenario, sample);
CREATE INDEX results_by_metric ON results(entity, metric, scenario);
)sql";

const std::string kInputKey = "input_sha256:";

std::string short_hash(const std::string& sha) {
  return sha.substr(0, 12);
}

// A recorded case or data file whose content changed since the store was written: results of two
// inputs would mix. Named, before the sweep hash's generic "different sweep".
void check_inputs(const std::string& path, const std::map<std::string, std::string>& meta,
                  const StoreProvenance& p) {
  for (const auto& [file, sha] : p.inputs) {
    const auto it = meta.find(kInputKey + file);
    if (it == meta.end() || it->second == sha) continue;
    refuse(
        path,
        fmt::format(
            "{} changed since the results file was written (SHA-256 {}... then, {}... now): its "
            "samples would mix results of two inputs; give a new --out path (or restore the file)",
            file, short_hash(it->second), short_hash(sha)));
  }
}

}  // namespace

StoreProvenance provenance_of(const std::string& sweep_file,
                              const std::vector<std::string>& input_files, std::uint64_t seed,
                              const std::vector<std::string>& sets,
                              const std::string& created_utc) {
  StoreProvenance p;
  p.seed = std::to_string(seed);
  p.version = kVersion;
  p.git_commit = kGitCommit;
  p.sweep_file = sweep_file;
  std::ifstream in(sweep_file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  p.sweep_text = text.str();
  for (const auto& s : sets) p.sets += s + "\n";
  p.created_utc = created_utc;
  std::set<std::string> seen;
  for (const auto& f : input_files) {
    if (seen.insert(f).second) p.inputs.emplace_back(f, io::file_sha256(f));
  }
  return p;
}

void ResultStore::put_meta(const std::vector<std::pair<std::string, std::string>>& rows) {
  Statement ins(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  for (const auto& [k, v] : rows) {
    sqlite3_bind_text(ins.s, 1, k.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins.s, 2, v.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(ins.s) != SQLITE_DONE) throw core::RunError(sqlite3_errmsg(db_));
    sqlite3_reset(ins.s);
  }
}

// Another program commit (or none recorded: a store of a build before 2026-12-06) would mix results
// of two program versions in one store: refused, or with --force resumed with a warning and the
// commit added to meta.resumed_by.
void ResultStore::check_commit(const std::map<std::string, std::string>& meta,
                               const StoreProvenance& p, bool force) {
  const auto it = meta.find("git_commit");
  const std::string then = it == meta.end() ? "" : it->second;
  if (then == p.git_commit) return;
  const std::string who = then.empty() ? std::string("a potline that did not record its commit")
                                       : fmt::format("potline commit {}", then);
  const std::string what = fmt::format(
      "the results file was written by {}, this is potline {} (commit {}): its "
      "samples would mix results of two program versions",
      who, p.version, p.git_commit);
  if (!force) refuse(path_, what + "; give a new --out path, or --force to resume it anyway");
  warnings_.push_back(
      what + "; resumed anyway (--force), the commit added to the store's meta.resumed_by");
  const auto r = meta.find("resumed_by");
  put_meta({{"resumed_by",
             (r == meta.end() || r->second.empty() ? "" : r->second + " ") + p.git_commit}});
}

void ResultStore::exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    throw core::RunError(fmt::format("SQLite on {}: {}", path_, message));
  }
}

ResultStore::ResultStore(const std::string& path, const std::string& sweep_hash,
                         const std::string& title, const StoreProvenance* provenance, bool force)
    : path_(path), hash_(sweep_hash) {
  std::error_code ec;
  const bool fresh = !std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0;
  if (!fresh && !std::filesystem::is_regular_file(path, ec)) refuse(path, "the results path exists and is not a file");
  if (fresh && !std::filesystem::path(path).parent_path().empty())
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    refuse(path, "cannot open the results file: " + why);
  }
  sqlite3_busy_timeout(db_, 10000);
  try {
    if (fresh) {
      exec("BEGIN");
      exec(kSchema);
      std::vector<std::pair<std::string, std::string>> meta = {
          {"format", kStoreFormat},
          {"schema_version", std::to_string(kStoreSchemaVersion)},
          {"sweep_hash", sweep_hash},
          {"title", title}};
      if (provenance) {
        const StoreProvenance& p = *provenance;
        meta.insert(meta.end(), {{"seed", p.seed},
                                 {"potline_version", p.version},
                                 {"git_commit", p.git_commit},
                                 {"sweep_file", p.sweep_file},
                                 {"sweep_text", p.sweep_text},
                                 {"sets", p.sets},
                                 {"created_utc", p.created_utc}});
        for (const auto& [file, sha] : p.inputs) meta.emplace_back(kInputKey + file, sha);
      }
      put_meta(meta);
      exec("COMMIT");
      return;
    }
    // An existing file: it must be ours, intact, and from the same sweep.
    std::string check;
    {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v2(db_, "PRAGMA quick_check", -1, &s, nullptr) != SQLITE_OK) {
        const std::string why = sqlite3_errmsg(db_);
        sqlite3_finalize(s);
        refuse(path, "not a Potline results file (SQLite: " + why + "); give a new --out path");
      }
      const int rc = sqlite3_step(s);
      if (rc == SQLITE_ROW) check = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      else check = sqlite3_errmsg(db_);
      sqlite3_finalize(s);
    }
    if (check != "ok") refuse(path, "the results file is corrupted (SQLite quick_check: " + check + "); give a new --out path");
    std::map<std::string, std::string> meta;
    {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v2(db_, "SELECT key, value FROM meta", -1, &s, nullptr) != SQLITE_OK) {
        sqlite3_finalize(s);
        refuse(path, "a SQLite file without a Potline sweep schema (no meta table): not a results file of `potline sweep`");
      }
      while (sqlite3_step(s) == SQLITE_ROW)
        meta[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
      sqlite3_finalize(s);
    }
    if (meta["format"] != kStoreFormat) refuse(path, "not a results file of `potline sweep` (meta.format is '" + meta["format"] + "')");
    if (meta["schema_version"] != std::to_string(kStoreSchemaVersion))
      refuse(path, fmt::format("results schema version {} is not the supported {}",
                               meta["schema_version"], kStoreSchemaVersion));
    if (provenance) check_inputs(path, meta, *provenance);
    if (meta["sweep_hash"] != sweep_hash)
      refuse(path, fmt::format("the results file belongs to a different sweep (its hash {}, this sweep {}): the sweep "
                               "file, base case or data changed since it was written; give a new --out path",
                               meta["sweep_hash"], sweep_hash));
    for (const char* table : {"samples", "results"}) {
      Statement s(db_, fmt::format("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='{}'", table));
      if (sqlite3_step(s.s) != SQLITE_ROW || sqlite3_column_int(s.s, 0) != 1)
        refuse(path, fmt::format("the results file lacks its '{}' table: corrupted", table));
    }
    if (provenance) check_commit(meta, *provenance, force);
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

ResultStore::~ResultStore() {
  sqlite3_close(db_);
  // After SQLite: closing any descriptor of the file drops the process's POSIX locks on it,
  // SQLite's included, so this one is closed last.
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void ResultStore::claim() {
  if (lock_fd_ >= 0) return;
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw core::RunError(fmt::format("cannot open {} to claim it: {}", path_, std::strerror(errno)));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    // Not closed while SQLite has the file open (see the destructor): kept until then.
    lock_fd_ = fd;
    if (error == EWOULDBLOCK) {
      refuse(path_, "another 'potline sweep' is writing this results file now; two sweeps on one file would compute "
                    "the same samples twice: wait for it to finish (then run again to resume), or give another --out path");
    }
    throw core::RunError(fmt::format("cannot lock {}: {}", path_, std::strerror(error)));
  }
  lock_fd_ = fd;
}

std::int64_t ResultStore::max_sample() const {
  Statement s(db_, "SELECT max(sample) FROM samples");
  if (sqlite3_step(s.s) != SQLITE_ROW || sqlite3_column_type(s.s, 0) == SQLITE_NULL) return -1;
  return sqlite3_column_int64(s.s, 0);
}

std::set<std::pair<std::string, std::int64_t>> ResultStore::finished() const {
  std::set<std::pair<std::string, std::int64_t>> out;
  Statement s(db_, "SELECT scenario, sample FROM samples");
  while (sqlite3_step(s.s) == SQLITE_ROW)
    out.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s.s, 0)), sqlite3_column_int64(s.s, 1));
  return out;
}

void ResultStore::write(const std::vector<SampleResult>& batch) {
  exec("BEGIN IMMEDIATE");
  try {
    Statement mark(db_, "INSERT OR IGNORE INTO samples(scenario, sample) VALUES(?, ?)");
    Statement row(db_, "INSERT INTO results(scenario, sample, entity, metric, value) VALUES(?, ?, ?, ?, ?)");
    for (const SampleResult& r : batch) {
      sqlite3_bind_text(mark.s, 1, r.scenario.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int64(mark.s, 2, r.sample);
      if (sqlite3_step(mark.s) != SQLITE_DONE) throw core::RunError(sqlite3_errmsg(db_));
      sqlite3_reset(mark.s);
      if (sqlite3_changes(db_) == 0) continue;  // already stored: never duplicate
      for (const Row& x : r.rows) {
        if (!std::isfinite(x.value)) throw core::RunError(fmt::format("non-finite {} {} in scenario '{}' sample {}", x.entity, x.metric, r.scenario, r.sample));
        sqlite3_bind_text(row.s, 1, r.scenario.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(row.s, 2, r.sample);
        sqlite3_bind_text(row.s, 3, x.entity.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(row.s, 4, x.metric.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_double(row.s, 5, x.value);
        if (sqlite3_step(row.s) != SQLITE_DONE) throw core::RunError(sqlite3_errmsg(db_));
        sqlite3_reset(row.s);
      }
    }
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  exec("COMMIT");
}

std::int64_t ResultStore::merge_from(const std::string& other_path) {
  { ResultStore check(other_path, hash_, ""); }  // refuses a foreign or corrupted part
  Statement attach(db_, "ATTACH DATABASE ? AS part");
  sqlite3_bind_text(attach.s, 1, other_path.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(attach.s) != SQLITE_DONE) throw core::RunError(sqlite3_errmsg(db_));
  std::int64_t added = 0;
  try {
    exec("BEGIN IMMEDIATE");
    exec("CREATE TEMP TABLE new_samples AS SELECT scenario, sample FROM part.samples "
         "EXCEPT SELECT scenario, sample FROM main.samples");
    exec("INSERT INTO main.results SELECT r.* FROM part.results r JOIN new_samples n "
         "ON r.scenario = n.scenario AND r.sample = n.sample ORDER BY r.rowid");
    exec("INSERT INTO main.samples SELECT scenario, sample FROM new_samples");
    {
      Statement c(db_, "SELECT count(*) FROM new_samples");
      if (sqlite3_step(c.s) == SQLITE_ROW) added = sqlite3_column_int64(c.s, 0);
    }
    exec("DROP TABLE new_samples");
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "DETACH DATABASE part", nullptr, nullptr, nullptr);
    throw;
  }
  exec("DETACH DATABASE part");
  return added;
}

}  // namespace potline::sweep

// Reading a sweep's results store (see read_results.hpp).
#include "potline/sweep/read_results.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>

#include "potline/core/diagnostics.hpp"
#include "potline/sweep/store.hpp"

namespace potline::sweep {
namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  core::Diagnostics d;
  d.error({path, 0, 0}, "path", why);
  throw core::InputError(d);
}

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Query = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Query prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  Query q(s, &sqlite3_finalize);
  if (rc != SQLITE_OK) q.reset();
  return q;
}

std::string text_column(sqlite3_stmt* s, int column) {
  const unsigned char* t = sqlite3_column_text(s, column);
  return t ? reinterpret_cast<const char*>(t) : "";
}

// The meta table as key -> value; refuses files without one.
std::map<std::string, std::string> read_meta(sqlite3* db, const std::string& path) {
  Query q = prepare(db, "SELECT key, value FROM meta");
  if (!q) refuse(path, fmt::format("not a results file of `potline sweep` (SQLite: {})", sqlite3_errmsg(db)));
  std::map<std::string, std::string> meta;
  while (sqlite3_step(q.get()) == SQLITE_ROW) meta[text_column(q.get(), 0)] = text_column(q.get(), 1);
  return meta;
}

}  // namespace

ResultTable read_results(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) refuse(path, "no such results file (give the --out file of `potline sweep`)");
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Database db(raw, &sqlite3_close);
  if (rc != SQLITE_OK) refuse(path, fmt::format("cannot open the results file: {}", raw ? sqlite3_errmsg(raw) : "out of memory"));
  std::map<std::string, std::string> meta = read_meta(db.get(), path);
  if (meta["format"] != kStoreFormat) refuse(path, "not a results file of `potline sweep` (meta.format is '" + meta["format"] + "')");
  if (meta["schema_version"] != std::to_string(kStoreSchemaVersion)) {
    refuse(path, fmt::format("results schema version {} is not the supported {}", meta["schema_version"], kStoreSchemaVersion));
  }
  Query q = prepare(db.get(), "SELECT scenario, sample, entity, metric, value FROM results ORDER BY rowid");
  if (!q) refuse(path, fmt::format("the results file lacks its 'results' table: corrupted ({})", sqlite3_errmsg(db.get())));
  ResultTable t;
  t.title = meta["title"];
  t.meta = meta;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(q.get())) == SQLITE_ROW) {
    t.scenario.push_back(text_column(q.get(), 0));
    t.sample.push_back(sqlite3_column_int64(q.get(), 1));
    t.entity.push_back(text_column(q.get(), 2));
    t.metric.push_back(text_column(q.get(), 3));
    t.value.push_back(sqlite3_column_double(q.get(), 4));
  }
  if (step != SQLITE_DONE) refuse(path, fmt::format("the results file cannot be read: {}", sqlite3_errmsg(db.get())));
  return t;
}

}  // namespace potline::sweep

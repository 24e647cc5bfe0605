// Reading a run back: run folder or summary JSON (see run_data.hpp).
#include "potline/report/run_data.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "potline/io/csv.hpp"
#include "potline/sweep/read_results.hpp"
#include "potline/version.hpp"
#include "vega.hpp"

namespace potline::report {
namespace fs = std::filesystem;

int Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::optional<double> Table::number(std::size_t row, std::string_view name) const {
  const int c = column(name);
  if (c < 0 || row >= rows.size()) return std::nullopt;
  const std::string& cell = rows[row][static_cast<std::size_t>(c)];
  if (cell.empty()) return std::nullopt;
  double x = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), x);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

std::string Table::text(std::size_t row, std::string_view name) const {
  const int c = column(name);
  if (c < 0 || row >= rows.size()) return "";
  return rows[row][static_cast<std::size_t>(c)];
}

std::string RunData::title() const {
  if (summary.is_object() && summary.contains("title") && summary["title"].is_string()) {
    return summary["title"].get<std::string>();
  }
  return fs::path(path).filename().string();
}

const Table* RunData::table(const std::string& name) const {
  const auto it = tables.find(name);
  return it == tables.end() ? nullptr : &it->second;
}

std::string RunData::stopped_text() const {
  if (!summary.is_object() || summary.value("complete", true) != false || !summary.contains("stop_reason")) return "";
  std::string reason = vega::text(summary, "stop_reason");
  std::replace(reason.begin(), reason.end(), '_', ' ');
  const io::Json t = summary.value("stop_time_h", summary.value("last_row_h", io::Json()));
  const io::Json cell = summary.value("stop_cell", io::Json());
  return fmt::format("stopped at {} h: {}{}", t.is_number() ? fmt::format("{:.2f}", t.get<double>()) : "?", reason,
                     cell.is_number_integer() ? fmt::format(" (cell {})", cell.get<long long>()) : "");
}

const std::vector<std::string>& readable_commands() {
  static const std::vector<std::string> commands{"cell", "smelter", "invest", "simulate", "fleet", "flex", "vary"};
  return commands;
}

std::string infer_command(const io::Json& s) {
  if (!s.is_object()) return "";
  if (s.contains("breakdown_V") && s.contains("energy_kW")) return "cell";
  if (s.contains("cost_usd_per_t") && s.contains("emissions_t_co2e_per_t")) return "smelter";
  if (s.contains("npv_usd") && s.contains("cash_flows_usd")) return "invest";
  if (s.contains("simulated_days")) return "simulate";
  // A run a physical guard stopped: simulate's stopped summary (complete false, the stop fields).
  if (s.contains("stop_reason") && s.contains("last_row_h")) return "simulate";
  if (s.contains("smelters") && s.contains("price_by_region_usd_per_t")) return "fleet";
  if (s.contains("rows") && s.contains("outputs") && s.contains("command")) return "vary";
  if (s.contains("reduced_model") && s.contains("optimised") && s.contains("flat")) return "flex";
  return "";
}

namespace {

std::optional<io::Json> read_json(const fs::path& file, const std::string& what, core::Diagnostics& d) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    d.error({file.string(), 0, 0}, "", fmt::format("cannot read {} '{}'", what, file.string()));
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  // A report page given for its run (`potline report w24.html`: "not valid JSON ... last read: '<'",
  // T14-8): say what it is and what to give instead.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '<') {
    std::error_code ec;
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const bool beside = fs::exists(folder / "summary.json", ec);
    d.error({file.string(), 0, 0}, "",
            fmt::format("this is an HTML page (a report?), not a run's JSON: give the run folder or its summary.json{}",
                        beside ? fmt::format(" ({}/ holds one)", folder.string()) : std::string()));
    return std::nullopt;
  }
  try {
    io::Json j = io::Json::parse(text);
    if (!j.is_object()) {
      d.error({file.string(), 1, 1}, "", fmt::format("{} is not a JSON object", what));
      return std::nullopt;
    }
    return j;
  } catch (const io::Json::parse_error& e) {
    // The parser's position is 1-based and one past the last byte at the end: "byte 101 of 100" for a
    // summary cut to 100 bytes (docs audit DA19-43); said as the file's own last byte there.
    const bool at_end = e.byte >= text.size();
    d.error({file.string(), 0, 0}, "",
            fmt::format("{} is {} (byte {} of {}): {}; re-run the command that wrote it", what,
                        at_end ? "truncated" : "not valid JSON", at_end ? text.size() : e.byte, text.size(), e.what()));
    return std::nullopt;
  }
}

/// Checks the manifest: a Potline manifest of this version, of a command that can be read back.
std::string manifest_command(const io::Json& m, const fs::path& file, core::Diagnostics& d) {
  const core::SourceLocation where{file.string(), 0, 0};
  if (vega::text(m, "program") != "potline") {
    d.error(where, "program", "not a Potline run manifest (its \"program\" is not \"potline\")");
    return "";
  }
  const std::string version = vega::text(m, "version", "(none)");
  if (version != kVersion) {
    d.error(where, "version",
            fmt::format("written by potline {}; this is potline {}, which reads only its own run folders "
                        "(outputs may differ between versions): re-run the case with this version",
                        version, kVersion));
  }
  const std::string command = vega::text(m, "command");
  const auto& known = readable_commands();
  if (std::find(known.begin(), known.end(), command) == known.end()) {
    d.error(where, "command",
            fmt::format("a run of 'potline {}', which cannot be read back; readable runs are of: {}",
                        command.empty() ? "(none)" : command, fmt::join(known, ", ")));
    return "";
  }
  return command;
}

void read_tables(RunData& run, const fs::path& dir, core::Diagnostics& d) {
  if (!run.manifest.is_object() || !run.manifest.contains("outputs")) return;
  for (const auto& name : run.manifest["outputs"]) {
    if (!name.is_string()) continue;
    const std::string file = name.get<std::string>();
    if (file.size() < 4 || file.substr(file.size() - 4) != ".csv") continue;
    const fs::path p = dir / file;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      d.error({p.string(), 0, 0}, "", fmt::format("the manifest lists {} but the run folder has no such file", file));
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    run.tables[file] = parse_table(buffer.str(), p.string(), d);
  }
}

/// True for a file that starts with SQLite's header ("SQLite format 3\0"): a sweep's store.
bool is_sqlite_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

/// A sweep store's provenance (its meta table) in a run folder's manifest layout, or null for a
/// store written before stores recorded it (2026-12-06).
io::Json sweep_manifest(const std::map<std::string, std::string>& meta) {
  const auto get = [&meta](const std::string& key) {
    const auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
  };
  if (!meta.count("git_commit")) return io::Json();
  io::Json m;
  m["program"] = "potline";
  m["version"] = get("potline_version");
  m["git_commit"] = get("git_commit");
  m["command"] = "sweep";
  io::Json args = io::Json::array({"sweep", get("sweep_file")});
  std::string sets = get("sets");
  for (std::size_t at = 0; !sets.empty();) {
    at = sets.find('\n');
    args.push_back("--set");
    args.push_back(sets.substr(0, at));
    sets = at == std::string::npos ? "" : sets.substr(at + 1);
  }
  m["arguments"] = args;
  m["seed"] = get("seed");
  m["started_utc"] = get("created_utc");
  if (meta.count("resumed_by")) m["resumed_by"] = get("resumed_by");
  io::Json inputs = io::Json::array();
  const std::string prefix = "input_sha256:";
  for (const auto& [key, value] : meta) {
    if (key.rfind(prefix, 0) == 0)
      inputs.push_back({{"path", key.substr(prefix.size())}, {"sha256", value}});
  }
  m["inputs"] = inputs;
  m["sweep_text"] = get("sweep_text");
  return m;
}

/// A sweep store as a run: the long table as "results", and a summary of the scenarios with the
/// mean of every world metric per scenario (what `compare` compares).
std::optional<RunData> load_sweep_store(const std::string& path, core::Diagnostics& d) {
  sweep::ResultTable results;
  try {
    results = sweep::read_results(path);
  } catch (const core::InputError& e) {
    d.append(e.diagnostics());
    return std::nullopt;
  }
  RunData run;
  run.path = path;
  run.command = "sweep";
  Table t;
  t.columns = {"scenario", "sample", "entity", "metric", "value"};
  std::map<std::string, std::map<std::string, std::pair<double, int>>> means;
  for (std::size_t i = 0; i < results.value.size(); ++i) {
    const double v = results.value[i];
    t.rows.push_back({results.scenario[i], std::to_string(results.sample[i]), results.entity[i], results.metric[i],
                      std::isfinite(v) ? fmt::format("{:.17g}", v) : ""});
    if (results.entity[i] == "world" && std::isfinite(v)) {
      auto& m = means[results.scenario[i]][results.metric[i]];
      m.first += v;
      m.second += 1;
    }
  }
  run.manifest = sweep_manifest(results.meta);
  run.summary["title"] = results.title;
  run.summary["results_rows"] = results.value.size();
  io::Json mean = io::Json::object();
  for (const auto& [scenario, metrics] : means) {
    for (const auto& [metric, acc] : metrics) mean[scenario][metric] = acc.first / acc.second;
  }
  run.summary["world_mean_by_scenario"] = mean;
  run.tables["results"] = std::move(t);
  return run;
}

}  // namespace

Table parse_table(std::string_view text, const std::string& file, core::Diagnostics& d) {
  Table t;
  io::CsvReadOptions options;
  options.skip_comments = false;  // run-folder tables have no comments; a '#' is data
  for (const io::CsvRecord& record : io::parse_csv(text, file, d, options)) {
    std::vector<std::string> fields;
    fields.reserve(record.fields.size());
    for (const auto& f : record.fields) fields.push_back(f.text);
    if (t.columns.empty()) {
      t.columns = std::move(fields);
    } else if (fields.size() != t.columns.size()) {
      d.error({file, record.line, 0}, "",
              fmt::format("{} fields where the header has {}: the file is truncated or damaged", fields.size(),
                          t.columns.size()));
    } else {
      t.rows.push_back(std::move(fields));
    }
  }
  if (t.columns.empty()) d.error({file, 0, 0}, "", "empty CSV file: no header");
  return t;
}

std::optional<RunData> load_run(const std::string& path, core::Diagnostics& d, bool with_tables) {
  const std::size_t errors_before = d.error_count();
  RunData run;
  run.path = path;
  const fs::path p(path);
  std::error_code ec;
  fs::path dir;
  fs::path summary_file;
  if (fs::is_directory(p, ec)) {
    dir = p;
    summary_file = p / "summary.json";
    if (!fs::exists(summary_file, ec)) {
      d.error({path, 0, 0}, "", "not a run folder: it has no summary.json (write one with 'potline CMD CASE --out DIR')");
      return std::nullopt;
    }
  } else if (fs::is_regular_file(p, ec) && is_sqlite_file(p)) {
    return load_sweep_store(path, d);
  } else if (fs::is_regular_file(p, ec) && fs::file_size(p, ec) == 0) {
    // `report out/mc.sqlite` of an empty file said "the summary is truncated (byte 1 of 0):
    // [json.exception.parse_error.101] ...": it is neither a summary nor a store.
    d.error({path, 0, 0}, "",
            "the file is empty (0 bytes): not a summary JSON nor a sweep store (SQLite); re-run the command that writes it");
    return std::nullopt;
  } else if (fs::is_regular_file(p, ec) && p.extension() == ".sqlite") {
    d.error({path, 0, 0}, "", "not an SQLite file, so not a sweep store; write one with 'potline sweep FILE.toml --out STORE.sqlite'");
    return std::nullopt;
  } else if (fs::is_regular_file(p, ec)) {
    summary_file = p;
    dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  } else {
    d.error({path, 0, 0}, "", "no such run folder or summary file");
    return std::nullopt;
  }
  if (auto s = read_json(summary_file, "the summary", d)) run.summary = std::move(*s);
  const fs::path manifest_file = dir / "manifest.json";
  const bool folder_given = summary_file.parent_path() == dir && fs::is_directory(p, ec);
  if (fs::exists(manifest_file, ec) && (folder_given || summary_file.filename() == "summary.json")) {
    if (auto m = read_json(manifest_file, "the manifest", d)) {
      run.manifest = std::move(*m);
      run.command = manifest_command(run.manifest, manifest_file, d);
    }
  } else if (folder_given) {
    d.error({manifest_file.string(), 0, 0}, "", "the run folder has no manifest.json: it is not a complete run folder");
  } else if (!run.summary.is_null()) {
    run.command = infer_command(run.summary);
    if (run.command.empty()) {
      d.error({summary_file.string(), 0, 0}, "",
              fmt::format("cannot tell which command wrote this summary (none of: {})", fmt::join(readable_commands(), ", ")));
    }
  }
  if (!run.command.empty() && !run.summary.is_null()) {
    const std::string inferred = infer_command(run.summary);
    if (inferred != run.command) {
      d.error({summary_file.string(), 0, 0}, "",
              fmt::format("the manifest says 'potline {}' but the summary is not one of its summaries", run.command));
    }
  }
  if (with_tables && folder_given && d.error_count() == errors_before) read_tables(run, dir, d);
  if (d.error_count() != errors_before) return std::nullopt;
  return run;
}

namespace {
void flatten_into(const io::Json& v, const std::string& prefix, std::vector<std::pair<std::string, io::Json>>& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) flatten_into(x, prefix.empty() ? k : prefix + "." + k, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) flatten_into(v[i], fmt::format("{}[{}]", prefix, i), out);
  } else {
    out.emplace_back(prefix, v);
  }
}
}  // namespace

std::vector<std::pair<std::string, io::Json>> flatten(const io::Json& value) {
  std::vector<std::pair<std::string, io::Json>> out;
  flatten_into(value, "", out);
  return out;
}

}  // namespace potline::report

// Run folders (see run_folder.hpp).
#include "potline/api/run_folder.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "potline/io/run_outputs.hpp"
#include "potline/version.hpp"

namespace potline::api {

std::string run_folder_path_problem(const std::string& text) {
  namespace fs = std::filesystem;
  if (text.empty()) return "expects a folder name";
  // The folder itself, or the nearest part of its path that exists, must be a folder.
  for (fs::path p = fs::path(text).lexically_normal(); !p.empty(); p = p.parent_path()) {
    std::error_code ec;
    const fs::file_status status = fs::status(p, ec);
    if (status.type() == fs::file_type::not_found) {
      if (p == p.parent_path()) break;
      continue;
    }
    if (status.type() == fs::file_type::directory) return {};
    if (p == fs::path(text).lexically_normal()) {
      return "'" + text +
             "' exists and is not a folder: give a folder for the run's results (created if "
             "missing)";
    }
    return "'" + p.string() + "' is not a folder, so '" + text + "' cannot be created in it";
  }
  return {};
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

namespace {

// The seed of the run: given by the command, else the summary's (simulate and flex put it there;
// Python's Result.save has only the summary), else null: the command uses no random numbers.
io::Json manifest_seed(const RunFolder& run, const io::Json& summary) {
  if (run.seed) return *run.seed;
  if (summary.is_object() && summary.contains("seed") && summary["seed"].is_number_integer())
    return summary["seed"];
  return nullptr;
}

// "a, b, c" of at most `shown` names, "... (N in all)" after them.
std::string name_list(const std::vector<std::string>& names, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += ", ... (" + std::to_string(names.size()) + " in all)";
  return out;
}

}  // namespace

std::string foreign_folder_warning(const std::string& dir, const std::vector<std::string>& outputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec) || fs::exists(fs::path(dir) / "manifest.json", ec)) return "";
  std::vector<std::string> overwritten, others;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = std::find(outputs.begin(), outputs.end(), name) != outputs.end();
    (ours && entry.is_regular_file(ec) ? overwritten : others).push_back(name);
  }
  if (overwritten.empty() && others.empty()) return "";
  std::sort(overwritten.begin(), overwritten.end());
  std::sort(others.begin(), others.end());
  const bool git = fs::exists(fs::path(dir) / ".git", ec);
  std::string what = overwritten.empty() ? "the run writes its files beside them"
                                         : "the run overwrites " + name_list(overwritten, overwritten.size());
  if (!others.empty())
    what += (overwritten.empty() ? " (" : "; its other entries stay (") + name_list(others, 5) + ")";
  return "--out: warning: '" + dir + "' is " + (git ? "a git checkout, " : "") +
         "not empty and not a run folder (no manifest.json): " + what +
         ". Give --out a new or empty folder, or a previous run's\n";
}

std::string save_run_folder(const RunFolder& run, const io::Json& summary,
                            const std::map<std::string, std::string>& csv_files) {
  io::Json manifest;
  manifest["program"] = "potline";
  manifest["version"] = kVersion;
  manifest["git_commit"] = kGitCommit;
  manifest["command"] = run.command;
  manifest["arguments"] = run.arguments;
  manifest["started_utc"] = run.started_utc;
  manifest["finished_utc"] = utc_now();
  manifest["seed"] = manifest_seed(run, summary);
  manifest["complete"] = run.complete;
  io::Json inputs = io::Json::array();
  for (const auto& f : run.input_files) {
    if (!f.empty()) inputs.push_back({{"path", f}, {"sha256", io::file_sha256(f)}});
  }
  manifest["inputs"] = inputs;
  io::Json outputs = io::Json::array({"summary.json"});
  for (const auto& name : run.written_by_caller) outputs.push_back(name);
  for (const auto& [name, text] : csv_files) outputs.push_back(name);
  manifest["outputs"] = outputs;
  std::vector<std::string> written = outputs.get<std::vector<std::string>>();
  written.push_back("manifest.json");
  if (run.report) written.push_back("report.html");
  const std::string foreign = run.written_by_caller.empty() ? foreign_folder_warning(run.path, written) : "";
  const std::filesystem::path dir(run.path);
  io::write_text_file((dir / "summary.json").string(), io::dump(summary));
  for (const auto& [name, text] : csv_files) io::write_text_file((dir / name).string(), text);
  const std::string note =
      io::stale_outputs_note(run.path, io::remove_stale_outputs(run.path, written));
  io::write_text_file((dir / "manifest.json").string(), io::dump(manifest));
  return foreign + note;
}

}  // namespace potline::api

#include "potline/io/run_outputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "potline/io/json_output.hpp"

namespace potline::io {

namespace {

namespace fs = std::filesystem;

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A name the previous manifest may ask to remove: a plain file name in the folder, no path.
bool plain_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name != "manifest.json" &&
         name.find_first_of("/\\") == std::string::npos;
}

std::vector<std::string> previous_outputs(const fs::path& manifest_file) {
  std::vector<std::string> names;
  std::ifstream in(manifest_file);
  if (!in) return names;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Json m = Json::parse(text, nullptr, false);
  if (m.is_discarded() || !m.is_object() || m.value("program", "") != "potline" ||
      !m.contains("outputs") || !m["outputs"].is_array()) {
    return names;  // not a Potline manifest: nothing in the folder is known to be ours
  }
  for (const auto& x : m["outputs"]) {
    if (x.is_string()) names.push_back(x.get<std::string>());
  }
  return names;
}

// report.html written by --report or 'potline report DIR' carries <meta name="generator"
// content="potline ...">.
bool potline_report(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return false;
  std::string head(2048, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("<meta name=\"generator\" content=\"potline ") != std::string::npos;
}

}  // namespace

std::vector<std::string> remove_stale_outputs(const std::string& dir,
                                              const std::vector<std::string>& new_outputs) {
  const fs::path folder(dir);
  std::vector<std::string> candidates = previous_outputs(folder / "manifest.json");
  if (!listed(candidates, "report.html") && potline_report(folder / "report.html"))
    candidates.push_back("report.html");
  std::vector<std::string> removed;
  for (const auto& name : candidates) {
    if (!plain_name(name) || listed(new_outputs, name) || listed(removed, name)) continue;
    std::error_code ec;
    if (!fs::is_regular_file(folder / name, ec)) continue;
    if (fs::remove(folder / name, ec)) removed.push_back(name);
  }
  return removed;
}

std::string stale_outputs_note(const std::string& dir, const std::vector<std::string>& removed) {
  if (removed.empty()) return "";
  std::string names;
  for (const auto& n : removed) names += (names.empty() ? "" : ", ") + n;
  return "note: removed " + names + " left in " + dir +
         " by the previous run (the new run does not write " +
         (removed.size() == 1 ? "it" : "them") + ")\n";
}

}  // namespace potline::io

// --vary for the case commands (see vary.hpp).
#include "vary.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "commands.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"
#include "schemas.hpp"

namespace potline::app {
namespace {

// The unit of a plain number for KEY in COMMAND's case schemas ("tariff[0].rate" is the field
// "tariff.rate"), "" for text, dimensionless or unknown keys (an unknown key is the run's error).
std::string field_unit(const std::string& command, const std::string& key) {
  std::string field;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '[') {
      field += key[i];
      continue;
    }
    const auto close = key.find(']', i);
    if (close == std::string::npos) return "";
    i = close;
  }
  const std::string prefix = "potline " + command + " ";
  for (const auto& named : all_schemas()) {
    if (std::string(named.command).rfind(prefix, 0) != 0) continue;
    const io::FieldSpec* spec = named.schema->find(field);
    if (spec == nullptr) continue;
    const bool number = spec->type == io::FieldType::kNumber || spec->type == io::FieldType::kInteger;
    return number && spec->unit != "1" ? spec->unit : "";
  }
  return "";
}

}  // namespace

void add_vary_options(CLI::App* cmd, VaryOptions& options, const std::string& command) {
  std::string defaults;
  for (const auto& o : api::default_vary_outputs(command)) defaults += (defaults.empty() ? "" : ",") + o;
  cmd->add_option("--vary", options.vary,
                  "one-at-a-time sensitivity: run once per value of a case field and print a table of --outputs; "
                  "KEY=START:STOP:STEP (a unit may follow: prices.power=30:60:10 USD/MWh) or KEY=V1,V2,V3; "
                  "repeatable (each varied on its own)")
      ->allow_extra_args(false);
  cmd->add_option("--outputs", options.outputs,
                  "with --vary: comma-separated keys of the --json document (an object gives one column per "
                  "member); default " + defaults);
  cmd->add_flag("--csv", options.csv, "with --vary: print the table as CSV");
}

int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const VaryFolder& out, const api::RunWithSets& run) {
  core::Diagnostics d;
  if (json && options.csv) d.error({"--csv", 0, 0}, "--csv", "give --json or --csv, not both");
  std::vector<api::VarySpec> specs;
  for (std::size_t i = 0; i < options.vary.size(); ++i) {
    if (auto spec = api::parse_vary(options.vary[i], static_cast<int>(i + 1), d)) {
      spec->unit = field_unit(command, spec->key);
      specs.push_back(std::move(*spec));
    }
  }
  if (d.has_errors()) throw core::InputError(d);
  const std::string started = utc_now();
  // The points' warnings (summary "warnings") were dropped: `invest --vary investment.wacc=0.06,0.08`
  // (read as 0.06 and 0.08 %) printed NPVs 15 times too large without the warning a single run gives.
  // The warnings that name the varied key go to stderr, each once, with the points it came from
  // unless it came from all; the case's other warnings are those of a run without --vary.
  std::vector<std::pair<std::string, std::vector<std::string>>> warnings;  // message, points
  int points = 0;
  const api::RunWithSets collecting = [&](const std::vector<std::string>& point_sets) {
    io::Json doc = run(point_sets);
    ++points;
    const std::string point = point_sets.empty() ? std::string() : point_sets.back();
    const std::string key = point.substr(0, point.find('='));
    if (doc.contains("warnings") && doc["warnings"].is_array()) {
      for (const auto& w : doc["warnings"]) {
        if (!w.is_string() || key.empty() || w.get<std::string>().find(key) == std::string::npos) continue;
        auto it = std::find_if(warnings.begin(), warnings.end(), [&](const auto& e) { return e.first == w.get<std::string>(); });
        if (it == warnings.end()) it = warnings.insert(warnings.end(), {w.get<std::string>(), {}});
        it->second.push_back(point);
      }
    }
    return doc;
  };
  const api::VaryTable table = api::run_vary(command, specs, sets, api::split_list(options.outputs), collecting);
  for (const auto& [message, at] : warnings) {
    std::string where;
    if (static_cast<int>(at.size()) < points) {
      for (const auto& p : at) where += (where.empty() ? "" : ", ") + p;
      where = " (at " + where + ")";
    }
    std::cerr << "warning" << where << ": " << message << "\n";
  }
  const io::Json document = api::vary_json(table);
  const auto write_folder = [&] {
    if (out.path.empty()) return;
    RunFolder folder{out.path, "vary", out.arguments, {}, started};
    folder.report = out.report;
    for (const auto& f : out.input_files) {
      if (!f.empty()) folder.input_files.push_back(f);  // cell --technology T has no case file
    }
    write_run_folder(folder, document, {{"vary.csv", api::vary_csv(table)}});
  };
  if (json || options.csv) {
    write_folder();
    if (!out.path.empty() && out.report) write_run_report(out.path, true);  // the line goes to stderr
    std::cout << (json ? io::dump(document) : api::vary_csv(table));
    return 0;
  }
  std::cout << api::vary_text(table);
  write_folder();
  if (!out.path.empty()) {
    std::cout << "  results written to " << out.path << "/\n";
    if (out.report) write_run_report(out.path, false);
  }
  return 0;
}

int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const std::string& out_dir, const api::RunWithSets& run) {
  return run_vary_command(options, command, sets, json, VaryFolder{out_dir, {}, {}, false}, run);
}

}  // namespace potline::app

// potline: command-line front end of the Potline library.
// Exit status: 0 success, 1 run-time failure, 2 input error (including bad command-line usage).
#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <utility>

#include "commands.hpp"
#include "potline/api/data_dir.hpp"
#include "potline/api/wrong_command.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/version.hpp"

namespace potline::app {

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const core::InputError& e) {
    std::cerr << e.diagnostics().to_string();
    std::cerr << api::wrong_command_note(e.diagnostics());
    std::cerr << "potline: " << e.diagnostics().error_count() << " input error(s); nothing was run\n";
    return 2;
  } catch (const core::RunError& e) {
    std::cerr << "potline: run-time failure: " << e.what() << "\n";
    return 1;
  } catch (const std::filesystem::filesystem_error& e) {
    // Writing results failed (disk full, no permission): the system's reason, not "internal error".
    std::cerr << "potline: run-time failure: cannot write '" << e.path1().string() << "': " << e.code().message()
              << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "potline: internal error: " << e.what() << "\n";
    return 1;
  }
}

std::string data_dir(const GlobalOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  const api::DataDir found = api::locate_data_dir();
  // Said once, on stderr, when the data are the compiled-in source tree of a program copied out of
  // its build folder (user trial T17-16): that tree may have moved on since the build.
  static bool said = false;
  if (!said) std::cerr << api::data_dir_note(found, "--data-dir DIR");
  said = true;
  return found.path;
}

std::string changed_on_command_line(const std::vector<std::string>& sets) {
  return io::changed_on_command_line(sets);
}

CLI::Validator integer_in(int lo, int hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        std::size_t used = 0;
        long long value = 0;
        try {
          value = std::stoll(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != text.size()) return "expects an integer in [" + std::to_string(lo) + ", " +
                                                      std::to_string(hi) + "], got '" + text + "'";
        if (value < lo || value > hi) return "'" + text + "' is not in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
        return {};
      },
      "INT in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
}

namespace {

// CLI11 reports an unknown first word as "A subcommand is required"; name it, suggest the closest
// command and list them. Returns true when argv names an unknown command (message printed).
bool unknown_command(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--data-dir") {
      ++i;
      continue;
    }
    if (word.empty() || word[0] == '-') continue;
    if (std::find(names.begin(), names.end(), word) != names.end()) return false;
    std::string message = "potline: unknown command '" + word + "'";
    const std::string hint = core::closest_match(word, names);
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    std::cerr << message << "\ncommands: " << list << "\nRun 'potline --help' for what each does.\n";
    return true;
  }
  return false;
}

// The same key given twice with --set: the last value is used (io::apply_overrides); say so, once a
// repeat (user trial T17-4: `--set operation.acd="4 cm" --set operation.acd="5 cm"` ran 5 cm without a word).
void note_repeated_sets(const std::vector<std::string>& sets) {
  core::Diagnostics quiet;  // a malformed --set is reported by the command
  std::map<std::string, std::pair<int, std::string>> seen;  // key -> its last --set number and value
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    const auto o = io::parse_override(sets[i], n, quiet);
    if (!o) continue;
    const auto it = seen.find(o->key);
    if (it != seen.end())
      std::cerr << "--set #" << n << ": note: '" << o->key << "' is given again: its value '" << o->value
                << "' is used, not --set #" << it->second.first << "'s '" << it->second.second << "'\n";
    seen[o->key] = {n, o->value};
  }
}

}  // namespace

}  // namespace potline::app

int main(int argc, char** argv) {
  using namespace potline::app;
  // The trade LP (COIN-OR CLP) allocates and frees work arrays of a few MB at every solve; glibc's
  // default thresholds hand that memory back to the kernel each time (brk/munmap, page faults,
  // TLB shootdowns across threads), which cost ≈ 25 % of a Monte Carlo sweep (perf, 2026-11-29).
  // Keeping freed memory in the process avoids it; results are unaffected.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  CLI::App app{
      "Potline: open simulator of Hall-Héroult aluminium smelting, from one cell to the world "
      "fleet.\nUnits may be given with any value: \"600 kA\", \"960 degC\", \"4.5 cm\"."};
  app.set_version_flag("--version", std::string("potline ") + potline::kVersion + " (" +
                                        potline::kGitCommit + ")");
  app.require_subcommand(1);
  GlobalOptions options;
  options.command_line.assign(argv, argv + argc);
  app.add_option("--data-dir", options.data_dir,
                 "folder with technologies.toml and other data (default: $POTLINE_DATA_DIR, else data/ "
                 "beside the program, else ../share/potline/data from it, else the data/ of the source "
                 "tree the program was built from, " POTLINE_DATA_DIR ", with a note on stderr when the "
                 "program is not in that tree's build folder)");
  int exit_code = 0;
  add_bath_command(app, options, exit_code);
  add_cell_command(app, options, exit_code);
  add_technologies_command(app, options, exit_code);
  add_schema_commands(app, options, exit_code);
  add_simulate_command(app, options, exit_code);
  add_smelter_command(app, options, exit_code);
  add_emissions_command(app, options, exit_code);
  add_cbam_command(app, options, exit_code);
  add_invest_command(app, options, exit_code);
  add_fleet_command(app, options, exit_code);
  add_sweep_command(app, options, exit_code);
  add_report_command(app, options, exit_code);
  add_compare_command(app, options, exit_code);
  add_flex_command(app, options, exit_code);
  // Before the command runs (the main app's parse-complete callback runs before its subcommand's).
  app.parse_complete_callback([&app] {
    for (CLI::App* sub : app.get_subcommands())
      if (const CLI::Option* set = sub->get_option_no_throw("--set"); set != nullptr && set->count() > 1)
        note_repeated_sets(set->as<std::vector<std::string>>());
  });
  if (unknown_command(app, argc, argv)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report_parse_failure(app, e);
  }
  return exit_code;
}

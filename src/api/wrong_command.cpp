// Which command reads a case file (see wrong_command.hpp).
#include "potline/api/wrong_command.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "potline/cell/cell_schema.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/sweep/sweep_schema.hpp"

namespace potline::api {
namespace {

// The names a case file used that its command's schema does not know: [section]s and top-level
// [[array]]s (reported as an unknown key without a dot).
std::vector<std::string> unknown_sections(const core::Diagnostics& diagnostics, std::string& file) {
  std::vector<std::string> names;
  for (const auto& item : diagnostics.items()) {
    const bool section = item.message.rfind("unknown section [", 0) == 0;
    const bool array = item.message.rfind("unknown key", 0) == 0 && item.key.find('.') == std::string::npos;
    if (item.severity != core::Severity::kError || !(section || array) || item.key.empty()) continue;
    if (file.empty()) file = item.location.file;
    names.push_back(section ? "[" + item.key + "]" : "[[" + item.key + "]]");
  }
  return names;
}

// The schema of each kind of case file and the command that reads it.
std::vector<std::pair<const io::Schema*, std::string>> case_schemas() {
  return {{&cell::cell_schema(), "potline cell"},         {&plant::smelter_schema(), "potline smelter"},
          {&finance::invest_schema(), "potline invest"},  {&line::simulate_schema(), "potline simulate"},
          {&flex::flex_schema(), "potline flex"},         {&fleet::fleet_schema(), "potline fleet"},
          {&sweep::sweep_schema(), "potline sweep"}};
}

}  // namespace

// A user who ran `potline invest examples/ccs-retrofit-gcc.toml` (a fleet case) got 21 errors,
// none saying which command the file is for.
std::string wrong_command_note(const core::Diagnostics& diagnostics) {
  std::string file;
  const std::vector<std::string> names = unknown_sections(diagnostics, file);
  if (names.empty() || file.empty() || file.front() == '<' || file.front() == '-') return {};
  // The commands whose cases hold every such name; of several, those with the fewest sections (a
  // simulate case's [run], [control] are a flex case's too: the file is the simulate case).
  std::vector<std::string> commands;
  std::size_t fewest = 0;
  for (const auto& [schema, usage] : case_schemas()) {
    const auto sections = schema->sections();
    const bool all = std::all_of(names.begin(), names.end(), [&](const std::string& n) {
      const std::string bare = n.substr(n.find_first_not_of('['), n.find(']') - n.find_first_not_of('['));
      return std::find(sections.begin(), sections.end(), bare) != sections.end();
    });
    const std::string command = usage;
    if (!all || std::find(commands.begin(), commands.end(), command) != commands.end()) continue;
    if (fewest == 0 || sections.size() < fewest) commands.clear();
    if (fewest == 0 || sections.size() <= fewest) {
      commands.push_back(command);
      fewest = sections.size();
    }
  }
  if (commands.empty() || commands.size() > 2) return {};
  std::string listed;
  for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
  std::string runs;
  for (const auto& c : commands) runs += (runs.empty() ? "" : " or ") + c + " " + file;
  return file + ": note: " + listed + (names.size() == 1 ? " is a section" : " are sections") + " of a '" +
         (commands.size() == 1 ? commands[0] : commands[0] + "' or '" + commands[1]) + "' case: run " + runs + "\n";
}

}  // namespace potline::api

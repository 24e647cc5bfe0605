#include "schemas.hpp"

#include <algorithm>

#include "option_schemas.hpp"

#include "potline/cell/cell_schema.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::app {
namespace {

const char* kTechnologyNote =
    "With a technology set, its design and calibrated constants are the defaults: uncomment only "
    "what you want to change.";
const char* kExampleNote =
    "Uncommented values are ILLUSTRATIVE EXAMPLES so that the case runs (prices and staff after "
    "examples/invest-new-build.toml): replace them with your plant's.";

// The inputs a smelter case needs to run (illustrative values, see kExampleNote).
std::vector<std::pair<std::string, std::string>> smelter_starter() {
  return {{"case.title", "\"My smelter\""},
          {"potline.technology", "\"AP40\""},
          {"potline.pots_per_line", "300"},
          {"prices.year", "2024"},
          {"prices.lme", "2400"},
          {"prices.alumina_lme_share", "0.14"},
          {"prices.anode", "600"},
          {"prices.alf3", "1200"},
          {"prices.power", "\"40 USD/MWh\""},
          {"labour.employees", "900"},
          {"labour.wage", "\"110000 USD/yr\""},
          {"power.source", "\"hydro\""}};
}

io::TemplateSpec invest_starter() {
  io::TemplateSpec spec{"potline invest THIS_FILE.toml", {kExampleNote}, smelter_starter()};
  spec.starter[0].second = "\"My investment\"";
  for (const auto& s : std::vector<std::pair<std::string, std::string>>{{"investment.capex", "\"5500 USD/t\""},
                                                                        {"investment.construction_years", "3"},
                                                                        {"investment.operating_years", "30"},
                                                                        {"investment.depreciation_years", "30"},
                                                                        {"investment.wacc", "\"8 %\""}}) {
    spec.starter.push_back(s);
  }
  return spec;
}

}  // namespace

std::vector<NamedSchema> all_schemas() {
  const std::vector<std::pair<std::string, std::string>> cell_starter = {{"case.title", "\"My cell\""},
                                                                         {"case.technology", "\"AP40\""}};
  return {{&cell::cell_schema(), "potline cell CASE.toml",
           io::TemplateSpec{"potline cell THIS_FILE.toml   (add --json for machine-readable output)",
                            {kTechnologyNote},
                            cell_starter}},
          {&plant::smelter_schema(), "potline smelter CASE.toml",
           io::TemplateSpec{"potline smelter THIS_FILE.toml",
                            {kExampleNote,
                             "Several groups of potlines: replace [potline] by [[potline]] tables "
                             "('potline schema smelter-potline')."},
                            smelter_starter()}},
          {&plant::potline_group_schema(), "potline smelter CASE.toml: each [[potline]] table (a group of potlines)",
           std::nullopt},
          {&finance::invest_schema(), "potline invest CASE.toml", invest_starter()},
          {&line::simulate_schema(), "potline simulate CASE.toml",
           io::TemplateSpec{"potline simulate THIS_FILE.toml   (add --out DIR for the time series and events)",
                            {kTechnologyNote},
                            {{"case.title", "\"My simulation\""}, {"case.technology", "\"AP40\""}}}},
          {&flex::flex_schema(), "potline flex CASE.toml --prices PRICES.csv",
           io::TemplateSpec{"potline flex THIS_FILE.toml --prices data/prices/synthetic-de-summer-day-15min.csv",
                            {kTechnologyNote},
                            {{"case.title", "\"My flexible potline\""}, {"case.technology", "\"AP40\""}}}},
          // Fleet and sweep templates are written by their modules (fleet_template(), sweep_template()).
          {&fleet::fleet_schema(), "potline fleet CASE.toml; [[LEVER]] keys: --set LEVER[I].KEY=VALUE", std::nullopt},
          {&sweep::sweep_schema(), "potline sweep FILE.toml; [[uncertain]] keys: --set uncertain[I].KEY=VALUE",
           std::nullopt},
          {&bath_options_schema(), "potline bath --OPTION VALUE (key bath.OPTION)", std::nullopt},
          {&emissions_options_schema(), "potline emissions --OPTION VALUE (key emissions.OPTION)", std::nullopt},
          {&cbam_options_schema(), "potline cbam --OPTION VALUE (key cbam.OPTION)", std::nullopt}};
}

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

// "potline fleet CASE.toml; ..." -> "potline fleet".
std::string command_of(const char* usage) {
  const std::string text(usage);
  const auto second = text.find(' ', text.find(' ') + 1);
  return text.substr(0, second);
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
  for (const auto& named : all_schemas()) {
    if (!named.starter && named.schema->name() != "fleet" && named.schema->name() != "sweep") continue;
    const auto sections = named.schema->sections();
    const bool all = std::all_of(names.begin(), names.end(), [&](const std::string& n) {
      const std::string bare = n.substr(n.find_first_not_of('['), n.find(']') - n.find_first_not_of('['));
      return std::find(sections.begin(), sections.end(), bare) != sections.end();
    });
    const std::string command = command_of(named.command);
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

}  // namespace potline::app

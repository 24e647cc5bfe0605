// Every input schema with its command and starter template (see potline/api/schemas.hpp).
#include "potline/api/schemas.hpp"

#include <algorithm>

#include "potline/api/options.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::api {
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
          {"prices.alumina_lme_share", "0.21"},
          {"prices.anode", "600"},
          {"prices.alf3", "1200"},
          {"prices.power", "\"40 USD/MWh\""},
          {"labour.employees", "900"},
          {"labour.wage", "\"110000 USD/yr\""},
          {"power.source", "\"hydro\""},
          // The PFC as `potline fleet` prices an AP40 smelter outside China (and as this case would
          // without [emissions]; T8-4): the class entry of data/fleet-anode-effects.toml.
          {"emissions.technology_class", "\"PFPB_modern\"  # AP40: point-fed prebake, first industrial year 2010"},
          {"emissions.pfc_method", "\"slope\""},
          {"emissions.coefficient_set", "\"IPCC2019\""},
          {"emissions.aem",
           "\"0.015 min/d\"  # estimate: the PFPB_modern class entry of data/fleet-anode-effects.toml (Potline's "
           "AP40 potline-year, inside the 0.003-0.15 of modern point-fed cells in [IAI Anode Effect Survey]); "
           "give your plant's measured AEM"}};
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
  const std::vector<std::pair<std::string, std::string>> cell_starter = {
      {"case.title", "\"My cell\""}, {"case.technology", "\"AP40\""}};
  return {
      {&cell::cell_schema(), "potline cell CASE.toml",
       io::TemplateSpec{"potline cell THIS_FILE.toml   (add --json for machine-readable output)",
                        {kTechnologyNote},
                        cell_starter}},
      {&plant::smelter_schema(), "potline smelter CASE.toml",
       io::TemplateSpec{"potline smelter THIS_FILE.toml",
                        {kExampleNote,
                         "Several groups of potlines: replace [potline] by [[potline]] tables "
                         "('potline schema smelter-potline')."},
                        smelter_starter()}},
      {&plant::potline_group_schema(),
       "potline smelter CASE.toml: each [[potline]] table (a group of potlines)", std::nullopt},
      {&finance::invest_schema(), "potline invest CASE.toml", invest_starter()},
      {&line::simulate_schema(), "potline simulate CASE.toml",
       io::TemplateSpec{
           "potline simulate THIS_FILE.toml   (add --out DIR for the time series and events)",
           {kTechnologyNote},
           {{"case.title", "\"My simulation\""}, {"case.technology", "\"AP40\""}}}},
      {&flex::flex_schema(), "potline flex CASE.toml --prices PRICES.csv",
       io::TemplateSpec{"potline flex THIS_FILE.toml   (a relative flex.prices is looked up beside this file, "
                        "then in the data folder: prices/... is a shipped series; or give --prices PRICES.csv)",
                        {kTechnologyNote},
                        {{"case.title", "\"My flexible potline\""},
                         {"case.technology", "\"AP40\""},
                         {"flex.prices", "\"prices/synthetic-de-summer-day-15min.csv\""}}}},
      // Fleet and sweep templates are written by their modules (fleet_template(),
      // sweep_template()).
      {&fleet::fleet_schema(), "potline fleet CASE.toml; [[LEVER]] keys: --set LEVER[I].KEY=VALUE",
       std::nullopt},
      {&sweep::sweep_schema(),
       "potline sweep FILE.toml; [[uncertain]] keys: --set uncertain[I].KEY=VALUE", std::nullopt},
      {&bath_options_schema(), "potline bath --OPTION VALUE (key bath.OPTION)", std::nullopt},
      {&emissions_options_schema(), "potline emissions --OPTION VALUE (key emissions.OPTION)",
       std::nullopt},
      {&cbam_options_schema(), "potline cbam --OPTION VALUE (key cbam.OPTION)", std::nullopt}};
}

std::vector<NamedSchema> selected_schemas(const std::string& name) {
  std::vector<NamedSchema> all = all_schemas();
  if (name.empty()) return all;
  std::vector<std::string> names;
  for (const auto& named : all) {
    if (named.schema->name() == name) return {named};
    names.push_back(named.schema->name());
  }
  core::Diagnostics d;
  std::string message = "unknown schema '" + name + "'; available: ";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", " : "") + names[i];
  const std::string hint = core::closest_match(name, names);
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  d.error({}, "schema", message);
  throw core::InputError(d);
}

}  // namespace potline::api

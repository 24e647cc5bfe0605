// The sweep file schema (see sweep_schema.hpp).
#include "potline/sweep/sweep_schema.hpp"

#include <map>

#include "potline/fleet/fleet_schema.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/sweep/sweep_file.hpp"

namespace potline::sweep {
namespace {

using Table = io::SchemaTable<SweepSpec>;

// A seed is stored as a double in the value set: integers up to 2^53 are exact.
constexpr double kMaxSeed = 9007199254740992.0;

void sweep_and_scenario(Table& t) {
  t.text("sweep.title", &SweepSpec::title).doc("title stored with the results");
  t.text("sweep.base")
      .default_note("required")
      .doc("the base fleet case, relative to this file (required)");
  t.integer("sweep.seed", &SweepSpec::seed)
      .range(0, kMaxSeed)
      .default_note("required")
      .doc("seed of the counter-based random numbers (required)");
  t.integer("sweep.samples", &SweepSpec::samples)
      .range(1, 1e8)
      .default_note("required")
      .doc("Monte Carlo samples per scenario (required)");
  t.boolean("sweep.common_random_numbers", &SweepSpec::common_random_numbers)
      .default_(true)
      .doc("sample k has the same draws in every scenario");
  t.boolean("sweep.store_smelters", &SweepSpec::store_smelters)
      .default_(false)
      .doc("also store per-smelter production and C1");
  t.text("scenario.name")
      .default_note("required")
      .doc("[[scenario]] name stored in the results (unique; required); the scenario's other tables are "
           "fleet-case levers ([[scenario.tariff]], [scenario.cbam], ...; see 'potline schema fleet')");
  t.text("scenario.description").doc("[[scenario]] what the scenario changes");
}

// [[uncertain]] tables are read one by one (uncertain_inputs.cpp); the distribution parameters
// take the unit and range of the lever they draw, so they are converted once the lever is known.
void uncertain(Table& t) {
  const std::string value = " (in the unit and allowed range of the lever: see docs/model/sweep.md)";
  t.text("uncertain.name")
      .default_note("PARAMETER_REGION")
      .doc("[[uncertain]] name stored as metric of entity \"input\"");
  t.choice("uncertain.parameter",
           {"power_factor", "power_adder", "carbon_price", "alumina_factor", "demand_factor", "eua_price"})
      .doc("[[uncertain]] what the input changes (required)");
  t.text("uncertain.region").default_("all").doc("[[uncertain]] region id, or all (not for alumina_factor or eua_price)");
  t.choice("uncertain.distribution", {"uniform", "normal", "lognormal", "triangular"})
      .doc("[[uncertain]] distribution (required); draws outside the lever's range are drawn again");
  t.number("uncertain.min").doc("[[uncertain]] uniform, triangular: lower end" + value);
  t.number("uncertain.max").doc("[[uncertain]] uniform, triangular: upper end" + value);
  t.number("uncertain.mode").doc("[[uncertain]] triangular: most likely value" + value);
  t.number("uncertain.mean").doc("[[uncertain]] normal: mean" + value);
  t.number("uncertain.sd").doc("[[uncertain]] normal: standard deviation, > 0 (in the lever's unit)");
  t.number("uncertain.median").doc("[[uncertain]] lognormal: median, > 0" + value);
  t.number("uncertain.sigma")
      .unit("1")
      .range(0.0, 3.0)
      .exclusive_min()
      .typical(0.01, 1.0)
      .doc("[[uncertain]] lognormal: standard deviation of ln x");
}

}  // namespace

const io::SchemaTable<SweepSpec>& sweep_table() {
  static const Table table = [] {
    Table t("sweep");
    sweep_and_scenario(t);
    uncertain(t);
    return t;
  }();
  return table;
}

const io::Schema& sweep_schema() {
  static const io::Schema schema = sweep_table().schema();
  return schema;
}

const fleet::CaseLayout& sweep_layout() {
  static const fleet::CaseLayout layout = [] {
    fleet::CaseLayout l;
    l.schema = &sweep_schema();
    l.arrays = {"uncertain"};
    l.passthrough = {"scenario"};
    l.deferred = {"uncertain.min", "uncertain.max", "uncertain.mode", "uncertain.mean", "uncertain.sd", "uncertain.median"};
    return l;
  }();
  return layout;
}

const io::FieldSpec* uncertain_lever_field(const std::string& parameter) {
  static const std::map<std::string, io::FieldSpec> fields = [] {
    const io::Schema& f = fleet::fleet_schema();
    std::map<std::string, io::FieldSpec> m{{"power_factor", *f.find("power_shock.factor")},
                                           {"power_adder", *f.find("power_shock.adder")},
                                           {"carbon_price", *f.find("carbon_price.price")},
                                           {"demand_factor", *f.find("demand.factor")},
                                           {"eua_price", *f.find("cbam.eua_price")}};
    // The EUA draw replaces the case's EUA price (its path's, in a scenario year) for the EU ETS on
    // EU/EEA smelters and CBAM on imports alike (user trial 17, T17-6).
    m.at("eua_price").description =
        "the EU allowance price of the sample (EUR/t CO2e): the EU ETS cost of EU/EEA smelters and CBAM on imports";
    // No fleet lever scales alumina: the same bounds as the other factors.
    io::FieldSpec alumina = *f.find("power_shock.factor");
    alumina.description = "multiplies every smelter's alumina price";
    m.emplace("alumina_factor", alumina);
    return m;
  }();
  const auto it = fields.find(parameter);
  return it == fields.end() ? nullptr : &it->second;
}

const std::vector<std::string>& distribution_parameters(const std::string& distribution) {
  static const std::map<std::string, std::vector<std::string>> parameters = {
      {"uniform", {"min", "max"}},
      {"normal", {"mean", "sd"}},
      {"lognormal", {"median", "sigma"}},
      {"triangular", {"min", "mode", "max"}}};
  static const std::vector<std::string> none;
  const auto it = parameters.find(distribution);
  return it == parameters.end() ? none : it->second;
}

}  // namespace potline::sweep

namespace potline::sweep {

std::string sweep_template() {
  const std::map<std::string, std::string> examples = {
      {"sweep.title", "\"My sweep\""},
      {"sweep.base", "\"fleet.toml\"   # e.g. written by: potline template fleet > fleet.toml"},
      {"sweep.seed", "1"},
      {"sweep.samples", "20"},
      {"scenario.name", "\"us-power-plus-20\""},
      {"scenario.description", "\"US power prices 20 % higher\"\n# [[scenario.power_shock]]\n# region = \"usa\"\n# factor = 1.2"},
      {"uncertain.name", "\"power_factor_usa\""},
      {"uncertain.parameter", "\"power_factor\""},
      {"uncertain.region", "\"usa\""},
      {"uncertain.distribution", "\"triangular\""},
      {"uncertain.min", "0.9"},
      {"uncertain.max", "1.3"},
      {"uncertain.mode", "1.0"},
      {"uncertain.mean", "1.0   # normal"},
      {"uncertain.sd", "0.1   # normal"},
      {"uncertain.median", "1.0   # lognormal"},
      {"uncertain.sigma", "0.1   # lognormal"},
  };
  return fleet::case_template(
      sweep_layout(),
      "# Potline sweep — generated by 'potline template sweep'.\n"
      "# Run: potline sweep THIS_FILE.toml --out results.sqlite   (--set KEY=VALUE; keys: potline schema sweep)\n"
      "# Scenarios change the base fleet case with its own levers; uncertain inputs are drawn per sample.\n"
      "# Uncomment the [[scenario]] and [[uncertain]] blocks to use them (give only the parameters of\n"
      "# the chosen distribution).\n",
      examples);
}

}  // namespace potline::sweep

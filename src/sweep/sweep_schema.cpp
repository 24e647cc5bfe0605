// The sweep file schema (see sweep_schema.hpp).
#include "potline/sweep/sweep_schema.hpp"

#include <map>

#include "potline/fleet/fleet_schema.hpp"

namespace potline::sweep {
namespace {

using fleet::Field;

// A seed is stored as a double in the value set: integers up to 2^53 are exact.
constexpr double kMaxSeed = 9007199254740992.0;

std::vector<io::FieldSpec> sweep_and_scenario() {
  return {
      Field::text("sweep.title", "title stored with the results"),
      Field::text("sweep.base", "the base fleet case, relative to this file (required)").note("required"),
      Field::integer("sweep.seed", "seed of the counter-based random numbers (required)").range(0, kMaxSeed).note("required"),
      Field::integer("sweep.samples", "Monte Carlo samples per scenario (required)").range(1, 1e8).note("required"),
      Field::flag("sweep.common_random_numbers", true, "sample k has the same draws in every scenario"),
      Field::flag("sweep.store_smelters", false, "also store per-smelter production and C1"),
      Field::text("scenario.name",
                  "[[scenario]] name stored in the results (unique; required); the scenario's other tables are "
                  "fleet-case levers ([[scenario.tariff]], [scenario.cbam], ...; see 'potline schema fleet')"),
      Field::text("scenario.description", "[[scenario]] what the scenario changes"),
  };
}

std::vector<io::FieldSpec> uncertain() {
  const std::string value = " (in the unit and allowed range of the lever: see docs/model/sweep.md)";
  return {
      Field::text("uncertain.name", "[[uncertain]] name stored as metric of entity \"input\"").note("PARAMETER_REGION"),
      Field::choice("uncertain.parameter", {"power_factor", "power_adder", "carbon_price", "alumina_factor", "demand_factor"},
                    "", "[[uncertain]] what the input changes (required)"),
      Field::text("uncertain.region", "[[uncertain]] region id, or all (not for alumina_factor)").fallback_text("all"),
      Field::choice("uncertain.distribution", {"uniform", "normal", "lognormal", "triangular"}, "",
                    "[[uncertain]] distribution (required); draws outside the lever's range are drawn again"),
      Field::number("uncertain.min", "", "", "[[uncertain]] uniform, triangular: lower end" + value),
      Field::number("uncertain.max", "", "", "[[uncertain]] uniform, triangular: upper end" + value),
      Field::number("uncertain.mode", "", "", "[[uncertain]] triangular: most likely value" + value),
      Field::number("uncertain.mean", "", "", "[[uncertain]] normal: mean" + value),
      Field::number("uncertain.sd", "", "", "[[uncertain]] normal: standard deviation, > 0 (in the lever's unit)"),
      Field::number("uncertain.median", "", "", "[[uncertain]] lognormal: median, > 0" + value),
      Field::number("uncertain.sigma", "1", "1", "[[uncertain]] lognormal: standard deviation of ln x")
          .range(0.0, 3.0, true)
          .typical(0.01, 1.0),
  };
}

}  // namespace

const io::Schema& sweep_schema() {
  static const io::Schema schema = [] {
    std::vector<io::FieldSpec> fields = sweep_and_scenario();
    const auto more = uncertain();
    fields.insert(fields.end(), more.begin(), more.end());
    return io::Schema("sweep", std::move(fields));
  }();
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
                                           {"demand_factor", *f.find("demand.factor")}};
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

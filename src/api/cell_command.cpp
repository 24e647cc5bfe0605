// potline cell as a library function (see case_commands.hpp).
#include <fmt/format.h>

#include "potline/api/case_commands.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/report.hpp"
#include "potline/core/units.hpp"
#include "potline/io/case_file.hpp"

namespace potline::api {
namespace {

cell::TechnologyCatalogue load_catalogue(const CaseSource& source) {
  core::Diagnostics diagnostics;
  auto catalogue = cell::TechnologyCatalogue::load(source.data() + "/technologies.toml", diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  return catalogue;
}

// The case file (or text), --technology and the --set overrides, as user values.
io::ValueSet read_user_values(const CaseSource& source, const std::string& technology, core::Diagnostics& diagnostics) {
  const io::Schema& schema = cell::cell_schema();
  io::ValueSet user;
  if (source.text) {
    io::read_case_text(*source.text, source.display_name, schema, user, diagnostics);
  } else if (!source.path.empty()) {
    io::read_case_file(source.path, schema, user, diagnostics);
  }
  if (!technology.empty()) {
    io::Value v;
    v.text = technology;
    v.origin = io::Origin::kCommandLine;
    v.location = {"--technology", 0, 0};
    user.set("case.technology", v);
  }
  if (!source.given() && technology.empty()) {
    diagnostics.error({}, "", "give a case file (potline cell CASE.toml) or --technology NAME; "
                              "'potline technologies' lists the technologies, "
                              "'potline template cell' writes a starter case");
  }
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < source.sets.size(); ++i) {
    if (auto ov = io::parse_override(source.sets[i], static_cast<int>(i + 1), diagnostics)) overrides.push_back(*ov);
  }
  io::apply_overrides(overrides, schema, user, diagnostics);
  return user;
}

std::optional<double> read_target_voltage(const std::string& text, core::Diagnostics& diagnostics) {
  if (text.empty()) return std::nullopt;
  const auto q = core::parse_quantity(text, "V", "V");
  if (!q.ok()) {
    diagnostics.error({"--target-voltage", 0, 0}, "target-voltage", q.error);
  } else if (!(q.value > 0.0 && q.value < 100.0)) {
    diagnostics.error({"--target-voltage", 0, 0}, "target-voltage",
                      fmt::format("{} V is outside the allowed range (0, 100) V", q.value));
  } else {
    return q.value;
  }
  return std::nullopt;
}

// Sets the ACD that gives `target_V`, recorded as a calibrated input with a warning saying so.
void solve_target_voltage(cell::CellCase& c, double target_V, core::Diagnostics& diagnostics) {
  const cell::AcdSolve solve = cell::solve_acd_for_voltage(c.design, c.constants, c.op, target_V);
  if (!solve.converged) {
    diagnostics.error({"--target-voltage", 0, 0}, "target-voltage", solve.failure);
    throw core::InputError(diagnostics);
  }
  c.op.acd_m = solve.acd_m;
  io::Value v;
  v.number = solve.acd_m;
  v.origin = io::Origin::kCalibrated;
  v.location = {"--target-voltage", 0, 0};
  c.values.set("operation.acd", v);
  diagnostics.warning({"--target-voltage", 0, 0}, "operation.acd",
                      fmt::format("ACD solved for {:.4g} V: {:.3f} cm ({} evaluations)", target_V, solve.acd_m * 100,
                                  solve.evaluations));
}

}  // namespace

CellRun run_cell(const CaseSource& source, const std::string& technology, const std::string& target_voltage) {
  core::Diagnostics diagnostics;
  const io::ValueSet user = read_user_values(source, technology, diagnostics);
  const std::optional<double> target_V = read_target_voltage(target_voltage, diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);

  const cell::TechnologyCatalogue catalogue = load_catalogue(source);
  auto built = cell::build_cell_case(user, catalogue, diagnostics);
  if (!built || diagnostics.has_errors()) throw core::InputError(diagnostics);
  CellRun run{std::move(*built), {}, {}, {}, catalogue.path()};
  if (target_V) solve_target_voltage(run.c, *target_V, diagnostics);

  run.result = cell::evaluate(run.c.design, run.c.constants, run.c.op);
  run.warnings = cell::collect_warnings(run.c, run.result, diagnostics);
  run.summary = cell::cell_result_json(run.c, run.result, run.warnings);
  if (target_V) run.summary["target_voltage_V"] = *target_V;
  return run;
}

Tables CellRun::tables() const {
  return {{"breakdown.csv", cell::breakdown_csv(result)},
          {"energy.csv", cell::energy_csv(result)},
          {"inputs.csv", cell::inputs_csv(c)}};
}

}  // namespace potline::api

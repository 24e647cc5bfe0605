// potline bath --alumina 3 --alf3 11 --caf2 5 [--mgf2 0] [--lif 0] [--kf 0] --temperature 960 [--json]
// Options go through the cell schema's fields, so units, ranges and messages match case files.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "potline/bath/properties.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

struct BathOptions {
  std::string alumina, alf3, caf2, mgf2, lif, kf, temperature, model;
  bool json = false;
};

int run_bath(const BathOptions& o) {
  const io::Schema& schema = cell::cell_schema();
  core::Diagnostics diagnostics;
  io::ValueSet values;
  struct Mapping {
    const std::string* text;
    const char* key;
    const char* flag;
  };
  const Mapping options[] = {{&o.alumina, "bath.alumina", "--alumina"},
                             {&o.alf3, "bath.alf3", "--alf3"},
                             {&o.caf2, "bath.caf2", "--caf2"},
                             {&o.mgf2, "bath.mgf2", "--mgf2"},
                             {&o.lif, "bath.lif", "--lif"},
                             {&o.kf, "bath.kf", "--kf"},
                             {&o.temperature, "operation.bath_temperature", "--temperature"},
                             {&o.model, "model.conductivity", "--conductivity-model"}};
  for (const auto& [text, key, flag] : options) {
    if (text->empty()) continue;
    const io::FieldSpec* field = schema.find(key);
    const bool numeric = text->find_first_not_of("+-.0123456789eE") == std::string::npos;
    if (auto v = io::convert_input(*field, *text, !numeric, {std::string(flag), 0, 0}, diagnostics)) {
      values.set(key, *v);
    }
  }
  io::fill_defaults(schema, values);
  bath::Composition c;
  c.alumina_wt = values.number("bath.alumina");
  c.alf3_excess_wt = values.number("bath.alf3");
  c.caf2_wt = values.number("bath.caf2");
  c.mgf2_wt = values.number("bath.mgf2");
  c.lif_wt = values.number("bath.lif");
  c.kf_wt = values.number("bath.kf");
  if (!diagnostics.has_errors() && c.cryolite_wt() < 0.0) {
    diagnostics.error({}, "bath", fmt::format("components sum to {:.4g} wt%, more than 100 wt%; "
                                              "cryolite is the rest and cannot be negative",
                                              100.0 - c.cryolite_wt()));
  }
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  const double T = values.number("operation.bath_temperature");
  const auto model = bath::conductivity_model_from_name(values.text("model.conductivity"));
  const bath::Properties p = bath::evaluate(c, T, *model);
  std::vector<std::string> warnings = bath::describe(p.flags, c, T, *model);

  io::Json j;
  j["temperature_C"] = T - 273.15;
  j["composition_wt"] = {{"alumina", c.alumina_wt}, {"alf3_excess", c.alf3_excess_wt},
                         {"caf2", c.caf2_wt},       {"mgf2", c.mgf2_wt},
                         {"lif", c.lif_wt},         {"kf", c.kf_wt},
                         {"cryolite", c.cryolite_wt()}};
  j["liquidus_C"] = p.liquidus_K - 273.15;
  j["superheat_K"] = p.superheat_K;
  j["alumina_saturation_wt"] = p.alumina_saturation_wt;
  j["alumina_activity"] = p.alumina_activity;
  j["conductivity_S_per_cm"] = p.conductivity_S_per_m / 100.0;
  j["conductivity_model"] = std::string(bath::to_name(*model));
  j["density_kg_per_m3"] = p.density_kg_per_m3;
  j["bath_ratio"] = p.bath_ratio;
  j["cryolite_ratio"] = p.cryolite_ratio;
  j["warnings"] = warnings;
  if (o.json) {
    std::cout << io::dump(j);
    return 0;
  }
  io::require_finite(j);
  std::cout << fmt::format(
      "bath at {:.1f} degC: Al2O3 {:.2f}, AlF3 {:.2f}, CaF2 {:.2f}, MgF2 {:.2f}, LiF {:.2f}, KF "
      "{:.2f}, cryolite {:.2f} wt%\n",
      T - 273.15, c.alumina_wt, c.alf3_excess_wt, c.caf2_wt, c.mgf2_wt, c.lif_wt, c.kf_wt,
      c.cryolite_wt());
  std::cout << fmt::format("  liquidus {:.1f} degC, superheat {:.1f} K\n", p.liquidus_K - 273.15,
                           p.superheat_K);
  std::cout << fmt::format("  alumina saturation {:.2f} wt%, activity {:.3f}\n",
                           p.alumina_saturation_wt, p.alumina_activity);
  std::cout << fmt::format("  conductivity {:.3f} S/cm ({}), density {:.0f} kg/m3\n",
                           p.conductivity_S_per_m / 100, bath::to_name(*model), p.density_kg_per_m3);
  std::cout << fmt::format("  bath ratio {:.3f} (NaF/AlF3 by mass), cryolite ratio {:.3f} (molar)\n",
                           p.bath_ratio, p.cryolite_ratio);
  for (const auto& w : warnings) std::cout << "  warning: " << w << "\n";
  return 0;
}

}  // namespace

void add_bath_command(CLI::App& app, const GlobalOptions&, int& exit_code) {
  auto o = std::make_shared<BathOptions>();
  CLI::App* cmd = app.add_subcommand("bath", "bath properties: liquidus, alumina solubility and "
                                             "activity, conductivity, density, ratios");
  cmd->add_option("--alumina", o->alumina, "dissolved Al2O3, wt% (default 2.5)");
  cmd->add_option("--alf3", o->alf3, "excess AlF3, wt% (default 12)");
  cmd->add_option("--caf2", o->caf2, "CaF2, wt% (default 5)");
  cmd->add_option("--mgf2", o->mgf2, "MgF2, wt% (default 0)");
  cmd->add_option("--lif", o->lif, "LiF, wt% (default 0)");
  cmd->add_option("--kf", o->kf, "KF, wt% (default 0)");
  cmd->add_option("--temperature", o->temperature, "bath temperature, degC or with a unit (default 965)");
  cmd->add_option("--conductivity-model", o->model, "hives1996 (default) or wang1992");
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  cmd->callback([o, &exit_code]() { exit_code = run_guarded([&] { return run_bath(*o); }); });
}

}  // namespace potline::app

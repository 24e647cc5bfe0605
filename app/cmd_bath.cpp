// potline bath --alumina 3 --alf3 11 --caf2 5 [--mgf2 0] [--lif 0] [--kf 0] --temperature 960 [--json]
// Options are the cell schema's fields (bath_options_schema, option_schemas.cpp), so units, ranges
// and messages match case files.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "option_schemas.hpp"
#include "potline/bath/properties.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

int run_bath(const OptionTexts& given, bool json) {
  core::Diagnostics diagnostics;
  const io::ValueSet values = read_schema_options(bath_options_schema(), given, diagnostics);
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
  const double T = values.number("bath.temperature");
  const auto model = bath::conductivity_model_from_name(values.text("bath.conductivity-model"));
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
  if (json) {
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
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("bath", "bath properties: liquidus, alumina solubility and "
                                             "activity, conductivity, density, ratios");
  const auto given = add_schema_options(cmd, bath_options_schema());
  cmd->add_flag("--json", *json, "print one JSON object on stdout");
  cmd->callback([given, json, &exit_code]() { exit_code = run_guarded([&] { return run_bath(*given, *json); }); });
}

}  // namespace potline::app

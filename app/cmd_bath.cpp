// potline bath --alumina 3 --alf3 11 --caf2 5 [--mgf2 0] [--lif 0] [--kf 0] --temperature 960 [--json]
// Options are the cell schema's fields (api::bath_options_schema), so units, ranges and messages
// match case files; the results come from api::bath, which the Python API calls too.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "option_schemas.hpp"
#include "potline/api/flag_commands.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

int run_bath(const OptionTexts& given, bool json) {
  const io::Json j = api::bath(given);
  // Warnings on stderr, as every other command's since trial 13 (user trial T19-23: `bath` printed
  // them on stdout, mixed into a piped result); --json keeps them in its "warnings" array too. One
  // placed at its option ("--temperature: ...") reads "--temperature: warning: ...", as `cell`'s.
  for (const auto& w : j["warnings"]) {
    const std::string text = w.get<std::string>();
    const std::size_t colon = text.find(": ");
    if (text.rfind("--", 0) == 0 && colon != std::string::npos && text.find(' ') > colon)
      std::cerr << text.substr(0, colon) << ": warning: " << text.substr(colon + 2) << "\n";
    else
      std::cerr << "warning: " << text << "\n";
  }
  if (json) {
    std::cout << io::dump(j);
    return 0;
  }
  io::require_finite(j);
  const io::Json& c = j["composition_wt"];
  auto x = [](const io::Json& v) { return v.get<double>(); };
  std::cout << fmt::format(
      "bath at {:.1f} °C: Al2O3 {:.2f}, AlF3 {:.2f}, CaF2 {:.2f}, MgF2 {:.2f}, LiF {:.2f}, KF "
      "{:.2f}, cryolite {:.2f} wt%\n",
      x(j["temperature_C"]), x(c["alumina"]), x(c["alf3_excess"]), x(c["caf2"]), x(c["mgf2"]), x(c["lif"]),
      x(c["kf"]), x(c["cryolite"]));
  std::cout << fmt::format("  liquidus {:.1f} °C, superheat {:.1f} K\n", x(j["liquidus_C"]), x(j["superheat_K"]));
  std::cout << fmt::format("  alumina saturation {:.2f} wt%, activity {:.3f}\n", x(j["alumina_saturation_wt"]),
                           x(j["alumina_activity"]));
  // Above saturation the conductivity is the dissolved alumina's (trial 6, T6-11).
  const bool saturated = x(j["alumina_dissolved_wt"]) < x(c["alumina"]);
  std::cout << fmt::format("  conductivity {:.3f} S/cm ({}{}), density {:.0f} kg/m3\n", x(j["conductivity_S_per_cm"]),
                           j["conductivity_model"].get<std::string>(),
                           saturated ? fmt::format(", at the dissolved {:.2f} wt% Al2O3", x(j["alumina_dissolved_wt"])) : "",
                           x(j["density_kg_per_m3"]));
  std::cout << fmt::format("  bath ratio {:.3f} (NaF/AlF3 by mass), cryolite ratio {:.3f} (molar)\n",
                           x(j["bath_ratio"]), x(j["cryolite_ratio"]));
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

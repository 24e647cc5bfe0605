// potline emissions [--production-t T] [--technology-class C] [--aem A | --ae-frequency F --ae-duration-min D]
//                   [--pfc-method tier1|slope|overvoltage] [--low-voltage-cf4 KG_PER_T]
//                   [--nac T --sulfur PCT --ash PCT] [--coefficients IPCC2006|IPCC2019] [--gwp AR4|AR5|AR6] [--json]
// Process emissions of primary aluminium (no electricity), computed by api::emissions (the Python
// API calls it too); this file only formats.
#include <fmt/format.h>

#include <cmath>

#include <iostream>

#include "commands.hpp"
#include "option_schemas.hpp"
#include "potline/api/flag_commands.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

int run_emissions(const OptionTexts& given, bool json, const GlobalOptions& global) {
  const io::Json j = api::emissions(given, data_dir(global));
  if (json) {
    std::cout << io::dump(j);
    return 0;
  }
  io::require_finite(j);
  const io::Json& method = j["method"];
  // Four significant digits without an exponent: "total 1.085e+04 t CO2e" for 5 kt (user trial T10-11).
  const auto plain = [](double x) { return std::abs(x) >= 1e4 ? fmt::format("{:.0f}", x) : fmt::format("{:.4g}", x); };
  std::cout << fmt::format(
      "Emissions for {} t Al ({}, {} coefficients, GWP {})\n  CF4 {} kg  C2F6 {} kg  PFC {} t CO2e\n"
      "  anode CO2 {} t\n  total {} t CO2e ({:.4g} t CO2e/t)\n  CO2: {}\n  PFC: {}\n",
      j["production_t"].get<double>(), j["technology_class"].get<std::string>(),
      method["coefficient_set"].get<std::string>(), method["gwp"].get<std::string>(), plain(j["cf4_kg"].get<double>()),
      plain(j["c2f6_kg"].get<double>()), plain(j["pfc_t_co2e"].get<double>()), plain(j["anode_co2_t"].get<double>()),
      plain(j["total_t_co2e"].get<double>()), j["total_t_co2e_per_t"].get<double>(), method["co2"].get<std::string>(),
      method["pfc"].get<std::string>());
  std::cout << "  PFC basis: " << method["pfc_basis"].get<std::string>() << "\n";
  std::cout << "  low-voltage PFC: " << method["low_voltage_pfc"].get<std::string>() << "\n";
  if (method.value("pfc_tier1_for_lack_of_data", false)) {
    // Tier 1 is the IPCC's fallback without anode-effect data; a user comparing with `potline fleet`
    // (published PFC) or `simulate` (its own anode effects) should know the other methods exist.
    std::cout << "  note: no anode-effect data given, so IPCC Tier 1 (the class's default per tonne); --aem, or "
                 "--ae-frequency with --ae-duration-min, gives the slope method, --aeo with --ce the overvoltage method\n";
  }
  for (const auto& n : j["notes"]) std::cout << "  note: " << n.get<std::string>() << "\n";
  for (const auto& w : j["warnings"]) std::cout << "  warning: " << w.get<std::string>() << "\n";
  return 0;
}

}  // namespace

void add_emissions_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("emissions", "process emissions (anode CO2, PFC) of primary aluminium, IPCC methods");
  const auto given = add_schema_options(cmd, emissions_options_schema());
  cmd->add_flag("--json", *json, "print one JSON object on stdout");
  cmd->callback([given, json, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_emissions(*given, *json, global); });
  });
}

}  // namespace potline::app

// potline cbam [--year Y] [--direct-t-co2e-per-t E | --default-country ISO3] [--eua-price-eur P]
//              [--carbon-price-paid-eur P] [--cscf F] [--json]
// Options are declared in api::cbam_options_schema (numbers take units); the results come from
// api::cbam, which the Python API calls too. This file only formats.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "option_schemas.hpp"
#include "potline/api/flag_commands.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

int run_cbam(const OptionTexts& given, bool json, const GlobalOptions& global) {
  const io::Json j = api::cbam(given, data_dir(global));
  if (json) {
    std::cout << io::dump(j);
    return 0;
  }
  io::require_finite(j);
  const io::Json& f = j["factors"];
  auto x = [](const io::Json& v) { return v.get<double>(); };
  // The default route's SEE includes the year's mark-up: say so, or 3.9 for China reads as a wrong 3.0.
  std::string see_basis;
  if (f.contains("default_value_t_co2e_per_t") && f.contains("default_markup")) {
    see_basis = fmt::format(" (default value {:.4g} + {:.0f} % mark-up)", x(f["default_value_t_co2e_per_t"]),
                            100 * x(f["default_markup"]));
  }
  std::cout << fmt::format(
      "CBAM {}, route {}: SEE {:.4g} t CO2e/t{}, free-allocation adjustment {:.4g} (benchmark {} x factor {} x CSCF {}),\n"
      "  origin-price deduction {:.4g}, certificates {:.4g} per t, cost {:.2f} EUR/t at {} EUR/t\n",
      j["year"].get<int>(), j["route"].get<std::string>(), x(j["see_direct_t_co2e_per_t"]), see_basis,
      x(j["free_allocation_adjustment_t_per_t"]), x(f["benchmark_t_co2e_per_t"]), x(f["cbam_factor"]),
      x(f["cross_sectoral_correction"]), x(j["origin_price_deduction_t_per_t"]), x(j["certificates_per_t"]),
      x(j["cost_eur_per_t"]), x(f["eua_price_eur_per_t"]));
  // The data file's caveats on the values used (data/cbam.toml, verified = false), as `emissions` does.
  for (const auto& n : j["notes"]) std::cout << "  note: " << n.get<std::string>() << "\n";
  return 0;
}

}  // namespace

void add_cbam_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("cbam", "EU CBAM certificates and cost per tonne of aluminium, 2026–2050");
  const auto given = add_schema_options(cmd, cbam_options_schema());
  cmd->add_flag("--json", *json, "print one JSON object on stdout");
  cmd->callback([given, json, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_cbam(*given, *json, global); });
  });
}

}  // namespace potline::app

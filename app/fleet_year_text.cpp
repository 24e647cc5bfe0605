// potline fleet's text lines for years and paths (fleet_year_text.hpp).
#include "fleet_year_text.hpp"

#include <fmt/format.h>

#include <iostream>
#include <string>

namespace potline::app {
namespace {

// The smelters whose start differs, largest first: "eu-alro-slatina 248 kt/yr (0 -> 248)".
std::string start_list(const io::Json& rows, bool running_alone) {
  std::string out;
  int n = 0;
  for (const auto& d : rows) {
    if ((d.at("start_alone").get<std::string>() == "running") != running_alone) continue;
    if (n++ < 6) {
      out += fmt::format("{}{} {:.0f} kt/yr (output {:.0f} -> {:.0f})", out.empty() ? "" : ", ",
                         d.at("id").get<std::string>(), d.at("capacity_kt_per_year").get<double>(),
                         d.at("production_path_kt_per_year").get<double>(),
                         d.at("production_alone_kt_per_year").get<double>());
    }
  }
  if (n > 6) out += fmt::format(" and {} more", n - 6);
  return out;
}

}  // namespace

void print_path(const io::Json& path, double price_step) {
  std::cout << "  year  capacity  production  curtailed  world price USD/t\n";
  for (const auto& y : path)
    std::cout << fmt::format("  {:4d} {:9.2f} {:11.2f} {:10.2f} {:18.0f}\n", y.at("year").get<int>(),
                             y.at("capacity_Mt").get<double>(), y.at("production_Mt").get<double>(),
                             y.at("curtailed_Mt").get<double>(), y.at("world_price_usd_per_t").get<double>());
  if (price_step > 0)
    std::cout << fmt::format("  prices within ±{:.1f} % of the continuous demand curves (the demand blocks' step at the equilibrium)\n", 100 * price_step);
}

void print_year_start(const io::Json& summary, int base_year) {
  if (!summary.contains("year_start")) return;
  const int year = summary.at("year").get<int>();
  if (!summary.contains("path_end_vs_year_alone")) {
    if (year <= base_year) return;
    std::cout << fmt::format("  a year alone: its smelters start from the dataset status of {} and the pipeline's dated events, "
                             "not from a path's stops (at the end of a path, fleet.year = {} and fleet.last_year = {}, a "
                             "smelter stopped in an earlier year pays its restart, which can move the year's prices)\n",
                             base_year, base_year, year);
    return;
  }
  const io::Json& e = summary.at("path_end_vs_year_alone");
  if (!e.value("feasible_alone", false)) return;
  std::cout << fmt::format("  {} alone (fleet.year = {}: the dataset status of {}, no path): world price {:.1f} USD/t, "
                           "production {:.2f} Mt, against the path's {:.1f} and {:.2f}\n",
                           year, year, base_year, e.at("world_price_alone_usd_per_t").get<double>(),
                           e.at("production_alone_Mt").get<double>(), e.at("world_price_path_usd_per_t").get<double>(),
                           e.at("production_path_Mt").get<double>());
  const io::Json& rows = e.at("start_differs");
  if (rows.empty()) {
    std::cout << "    every smelter starts the same in both (what differs is not the carried stops)\n";
    return;
  }
  if (const std::string s = start_list(rows, true); !s.empty())
    std::cout << "    stopped in the path before, so paying their restart (running alone): " << s << "\n";
  if (const std::string s = start_list(rows, false); !s.empty())
    std::cout << "    running in the path, stopped alone (a restart alone): " << s << "\n";
}

}  // namespace potline::app

// potline fleet's text lines for years and paths (fleet_year_text.hpp).
#include "fleet_year_text.hpp"

#include <fmt/format.h>

#include <cmath>
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

// A path's end and the year alone that differ in their smelters' starts but not in the world price and
// production (world-path-2035: cn-agg-idle restarts alone, 3559.4 USD/t and 76.44 Mt both ways; T15-8):
// the limits that bind say where its output goes.
void print_same_world(const io::Json& e, const io::Json& summary) {
  const auto n = [&](const char* key) { return e.at(key).get<double>(); };
  if (std::abs(n("world_price_alone_usd_per_t") - n("world_price_path_usd_per_t")) >= 0.05 ||
      std::abs(n("production_alone_Mt") - n("production_path_Mt")) >= 0.005)
    return;
  std::string binding;
  for (const char* key : {"cap_shadow_price_usd_per_t", "flow_limit_shadow_price_usd_per_t"}) {
    if (!summary.contains(key)) continue;
    for (const auto& [name, price] : summary.at(key).items())
      if (price.is_number() && price.get<double>() >= 0.5) binding += (binding.empty() ? "" : ", ") + name;
  }
  std::cout << (binding.empty()
                    ? std::string("    the same world price and production both ways: what these smelters make in "
                                  "one, other smelters make in the other\n")
                    : fmt::format("    the same world price and production both ways: within the limits that bind "
                                  "({}), what these smelters make in one, other smelters make in the other\n",
                                  binding));
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
  // T15-8: "stopped in the path before ... (running alone)" listed San Ciprián, which makes 57 kt in the
  // path's 2030: it starts the year stopped and pays a restart within it.
  if (const std::string s = start_list(rows, true); !s.empty())
    std::cout << fmt::format("    stopped at the end of the path's {}, so paying a restart in {} (in part where the path's "
                             "output is above 0); running from the start when {} is solved alone (output path -> "
                             "alone): {}\n",
                             year - 1, year, year, s);
  if (const std::string s = start_list(rows, false); !s.empty())
    std::cout << fmt::format("    running at the end of the path's {}; stopped at the start when {} is solved alone, so "
                             "paying a restart there (output path -> alone): {}\n",
                             year - 1, year, s);
  print_same_world(e, summary);
}

}  // namespace potline::app

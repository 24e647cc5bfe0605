// potline fleet CASE.toml [--set KEY=VALUE]... [--out DIR] [--json] [--export-smelter ID [--out FILE]]
// The world fleet: cost curve, marginal cost, smelters under water, emissions curve and (with the
// market on) the regional trade equilibrium, all from fleet::solve through api::run_fleet (which also
// builds the JSON and CSV tables, for the Python API and --vary too); this file only formats. Keys
// and columns: docs/cli.md, "potline fleet".
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "fleet_year_text.hpp"
#include "potline/core/constants.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/read_files.hpp"
#include "potline/fleet/smelter_export.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"
#include "vary.hpp"

namespace potline::app {
namespace {

struct FleetOptions {
  std::string case_file;
  std::string out;
  std::string export_smelter;
  std::vector<std::string> sets;
  bool json = false;
  bool report = false;
  VaryOptions vary;
};

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kMt = kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kT = 1e3;                     // USD/kg -> USD/t

/// Each [[exclusion]]: whether it binds, i.e. whether solving without it moves the importers'
/// prices or the origin's production (an exclusion of metal that goes elsewhere anyway changes nothing).
void print_exclusions(const io::Json& exclusions) {
  for (const auto& e : exclusions) {
    std::string importers;
    for (const auto& r : e.at("importers")) importers += (importers.empty() ? "" : ", ") + r.get<std::string>();
    std::string line = fmt::format("  exclusion of {} metal from {}: origin production {:.2f} of {:.2f} Mt/yr; ",
                                   e.at("origin").get<std::string>(), importers, e.at("origin_production_Mt").get<double>(),
                                   e.at("origin_capacity_Mt").get<double>());
    if (!e.at("feasible_without").get<bool>()) {
      line += "without it the market has no solution";
    } else if (!e.at("binding").get<bool>()) {
      // T9-10: a corner of the LP, not a finding about the measure: the excluded metal's other
      // outlets pay it the same netback, so re-routing costs nothing in the model.
      line += "does not bind: without it the same prices and origin production (the LP re-routes the metal at no "
              "cost, its other outlets paying the same netback; an exclusion acts only through a binding capacity, "
              "cap or lane limit, docs/model/fleet.md, Known limits)";
    } else {
      std::string prices;
      for (const auto& [region, price] : e.at("price_by_importer_usd_per_t").items()) {
        prices += fmt::format("{}{} {:.0f} -> {:.0f}", prices.empty() ? "" : ", ", region, price.get<double>(),
                              e.at("price_by_importer_without_usd_per_t").at(region).get<double>());
      }
      line += fmt::format("binds: without it {} USD/t, origin production {:.2f} Mt/yr", prices,
                          e.at("origin_production_without_Mt").get<double>());
    }
    std::cout << line << "\n";
  }
}

/// Each regional [[power_shock]]: whether it binds (T11-3; summary `power_shocks`).
void print_power_shocks(const io::Json& shocks) {
  for (const auto& s : shocks) {
    std::string line =
        fmt::format("  power_shock {} x{:.3g}{}: ", s.at("region").get<std::string>(),
                    s.at("factor").get<double>(),
                    s.at("adder_usd_per_MWh").get<double>() != 0.0
                        ? fmt::format(" {:+.3g} USD/MWh", s.at("adder_usd_per_MWh").get<double>())
                        : std::string());
    if (!s.at("feasible_without").get<bool>()) {
      line += "without it the market has no solution";
    } else if (!s.at("binding").get<bool>()) {
      line +=
          "does not bind: without it the same prices and production (the shocked smelters' costs "
          "move, no "
          "smelter's output or price does)";
    } else {
      line += fmt::format(
          "binds: without it world price {:.0f} -> {:.0f} USD/t, {} {:.0f} -> {:.0f} USD/t, its "
          "production {:.2f} -> {:.2f} Mt/yr",
          s.at("world_price_usd_per_t").get<double>(),
          s.at("world_price_without_usd_per_t").get<double>(), s.at("region").get<std::string>(),
          s.at("region_price_usd_per_t").get<double>(),
          s.at("region_price_without_usd_per_t").get<double>(),
          s.at("region_production_Mt").get<double>(),
          s.at("region_production_without_Mt").get<double>());
    }
    std::cout << line << "\n";
  }
}

/// [[added_load]]s (T12-9; summary `added_loads`): per area the GW, the power-price move of its exposed
/// smelters and its region's aluminium price and output, before (without the loads) -> after; then
/// every smelter whose power price or output moved.
void print_added_loads(const io::Json& a) {
  const auto num = [](const io::Json& j, const char* key) {
    return j.contains(key) && j.at(key).is_number() ? j.at(key).get<double>() : 0.0;
  };
  const auto move = [&](const io::Json& j, const char* with, const char* without, const char* format) {
    if (!j.contains(without) || !j.at(without).is_number()) return fmt::format(fmt::runtime(format), num(j, with)) + " (no solution without)";
    return fmt::format(fmt::runtime(format), num(j, without)) + " -> " + fmt::format(fmt::runtime(format), num(j, with));
  };
  std::cout << fmt::format("  added load {:g} GW (before -> after, i.e. without -> with it): world price {} USD/t, production {} Mt/yr\n",
                           num(a, "load_GW"), move(a, "world_price_usd_per_t", "world_price_without_usd_per_t", "{:.0f}"),
                           move(a, "production_Mt", "production_without_Mt", "{:.2f}"));
  for (const io::Json& x : a.at("areas")) {
    std::string loads;
    for (const auto& l : x.at("loads")) loads += (loads.empty() ? "" : ", ") + l.get<std::string>();
    const double rise = num(x, "price_rise_usd_per_MWh");
    std::string line = fmt::format("    {}: +{:g} GW ({}) on supply curve '{}': {:+.2f} USD/MWh; ", x.value("area", ""),
                                   num(x, "load_GW"), loads, x.value("curve", ""), rise);
    const int exposed = x.value("exposed_smelters", 0);
    line += exposed == 0 ? std::string("no smelter buys at that price")
            : rise == 0.0
                ? fmt::format("its {} exposed smelter{} ({:.2f} Mt/yr) keep their power price {}", exposed,
                              exposed == 1 ? "" : "s", num(x, "exposed_capacity_Mt"),
                              fmt::format("{:.1f} USD/MWh", num(x, "power_price_usd_per_MWh")))
                : fmt::format("its {} exposed smelter{} ({:.2f} Mt/yr) pay {} USD/MWh", exposed, exposed == 1 ? "" : "s",
                              num(x, "exposed_capacity_Mt"),
                              move(x, "power_price_usd_per_MWh", "power_price_without_usd_per_MWh", "{:.1f}"));
    // Against the case without this area's load alone (the other areas' loads kept).
    if (!x.value("feasible_without", true)) {
      line += "; without it the market has no solution";
    } else if (!x.value("binding", true)) {
      line += "; does not bind: without it the same prices and production";
    } else if (x.contains("region") && x.at("region").is_string()) {
      line += fmt::format("; binds: {} price {} USD/t, production {} Mt/yr (without -> with this load)",
                          x.at("region").get<std::string>(),
                          move(x, "region_price_usd_per_t", "region_price_without_usd_per_t", "{:.0f}"),
                          move(x, "region_production_Mt", "region_production_without_Mt", "{:.2f}"));
    } else {
      line += "; binds";
    }
    std::cout << line << "\n      curve basis: " << x.value("curve_source", "") << "\n";
  }
  const io::Json& smelters = a.at("smelters");
  if (smelters.empty()) {
    std::cout << "    no smelter's power price or output moved\n";
    return;
  }
  // The exposed smelters, then the ten largest output moves elsewhere (all in summary.json).
  constexpr std::size_t kOthersShown = 10;
  std::size_t others = 0;
  std::cout << "    smelter                 region         curve                        power USD/MWh   C1 USD/t      "
               "production kt/yr  (before -> after)\n";
  for (const io::Json& m : smelters) {
    const bool exposed = m.at("curve").is_string();
    if (!exposed && ++others > kOthersShown) continue;
    std::cout << fmt::format("    {:<23} {:<14} {:<28} {:<15} {:<13} {}\n", m.value("id", ""), m.value("region", ""),
                             exposed ? m.at("curve").get<std::string>() : std::string("(none: moved by the market)"),
                             move(m, "power_price_usd_per_MWh", "power_price_without_usd_per_MWh", "{:.1f}"),
                             move(m, "c1_usd_per_t", "c1_without_usd_per_t", "{:.0f}"),
                             move(m, "production_kt_per_year", "production_without_kt_per_year", "{:.0f}"));
  }
  if (others > kOthersShown)
    std::cout << fmt::format("    ... and {} more smelters whose output the market moved (summary.json: added_loads.smelters)\n",
                             others - kOthersShown);
}

/// Years whose demand at the reference prices exceeds the capacity by more than kScarcityShare:
/// their prices ration demand in an empty pipeline, not a forecast (T11-15; docs/model/fleet.md,
/// Known limits).
constexpr double kScarcityShare =
    0.03;  // a few per cent: the demand blocks' price step is about 2 %

void print_scarcity(const io::Json& summary) {
  std::vector<std::pair<int, std::pair<double, double>>> short_years;  // year, (demand, capacity)
  const auto add = [&](const io::Json& y, int year) {
    const double demand = y.value("demand_Mt", 0.0), capacity = y.value("capacity_Mt", 0.0);
    if (capacity > 0 && demand > (1 + kScarcityShare) * capacity)
      short_years.push_back({year, {demand, capacity}});
  };
  if (summary.contains("path")) {
    for (const auto& y : summary.at("path")) add(y, y.value("year", 0));
  } else {
    add(summary, summary.value("year", 0));
  }
  if (short_years.empty()) return;
  const auto& [year, dc] = short_years.back();
  std::cout << fmt::format(
      "  {}demand at the reference prices {:.2f} Mt/yr exceeds the capacity {:.2f} Mt/yr{}: the "
      "prices ration "
      "demand (scarcity prices, not a forecast); projects without a dated decision are not in the "
      "pipeline "
      "(docs/model/fleet.md, Known limits)\n",
      year != 0 ? fmt::format("{}: ", year) : std::string(), dc.first, dc.second,
      short_years.size() > 1
          ? fmt::format(" (by more than {:.0f} % in {} of the years, from {})",
                        100 * kScarcityShare, short_years.size(), short_years.front().first)
          : std::string());
}

/// Producing smelters that lose money at the model's own prices (T11-7): the under-water line
/// counts against fleet.lme, an input the model need not reach; a running line is held by its
/// restart cost.
void print_losing_at_model_prices(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  if (!f.market_solved) return;
  int n = 0;
  double produced = 0, worst = 0;
  std::string worst_id;
  for (std::size_t k = 0; k < f.smelters.size() && k < c.model.smelters.size(); ++k) {
    const auto region = static_cast<std::size_t>(c.model.smelters[k].region);
    if (!(f.production_kg_per_s[k] > 0) || region >= f.price_usd_per_kg.size()) continue;
    const double loss = (f.smelters[k].c1_usd_per_kg - f.price_usd_per_kg[region]) * kT;
    if (loss < 0.5) continue;
    ++n;
    produced += f.production_kg_per_s[k];
    if (loss > worst) {
      worst = loss;
      worst_id = c.model.smelters[k].record.id;
    }
  }
  if (n == 0) return;
  std::cout << fmt::format(
      "  at the model's prices: {} producing smelter{} ({:.2f} Mt/yr) with C1 above their region's "
      "price (up to {:.0f} USD/t, {}): held by the restart cost (docs/model/fleet.md, "
      "Curtailment)\n",
      n, n == 1 ? "" : "s", produced * kMt, worst, worst_id);
}

double number_or(const io::Json& j, const char* key, double fallback = 0.0) {
  return j.contains(key) && j.at(key).is_number() ? j.at(key).get<double>() : fallback;
}

/// "724 (762 without)", or "540" when the retrofit does not change it.
std::string with_without(const io::Json& j, const char* key, const char* without_key) {
  const double with = number_or(j, key);
  if (!j.contains(without_key) || !j.at(without_key).is_number()) return fmt::format("{:.0f}", with);
  const double without = j.at(without_key).get<double>();
  if (fmt::format("{:.0f}", with) == fmt::format("{:.0f}", without)) return fmt::format("{:.0f}", with);
  return fmt::format("{:.0f} ({:.0f} without)", with, without);
}

/// [[ccs_retrofit]]: what capture does to each retrofitted smelter and to the world (the case is
/// about it; the text said nothing of it, only summary.json and ccs_retrofit.csv did).
void print_ccs_retrofit(const io::Json& ccs) {
  const double production = number_or(ccs, "production_Mt");
  const double production_without = number_or(ccs, "production_without_Mt", production);
  std::cout << fmt::format("  carbon capture retrofit: {} smelter(s), captured {:.2f} Mt CO2/yr; emissions {:.1f} Mt "
                           "CO2e ({:.1f} without), world price {} USD/t, production {:.2f} Mt/yr{}\n",
                           ccs.value("retrofitted", 0), number_or(ccs, "captured_Mt_co2_per_year"),
                           number_or(ccs, "emissions_Mt_co2e"), number_or(ccs, "emissions_without_Mt_co2e"),
                           with_without(ccs, "world_price_usd_per_t", "world_price_without_usd_per_t"), production,
                           std::abs(production - production_without) < 0.005
                               ? std::string(" (the same without)")
                               : fmt::format(" ({:.2f} without)", production_without));
  // Two break-even prices (trial CF): the one on scope 1 counts a captive power plant's CO2 for the
  // capture's electricity, the CBAM column beside it does not (gcc-ega-jebel-ali 290 against 254).
  std::cout << "    smelter                 capture  cost USD/t Al  C1 USD/t            CBAM USD/t        "
               "production kt/yr    break-even CO2 USD/t: scope 1  CBAM\n";
  const auto price = [](const io::Json& m, const char* key) {
    return m.contains(key) && m.at(key).is_number() ? fmt::format("{:.0f}", m.at(key).get<double>())
                                                    : std::string("none");
  };
  for (const auto& m : ccs.at("smelters")) {
    std::cout << fmt::format("    {:<22} {:6.0f} % {:14.0f}  {:<19} {:<17} {:<19} {:>29}  {:>4}\n", m.value("id", ""),
                             100.0 * number_or(m, "capture_rate"), number_or(m, "ccs_cost_usd_per_t"),
                             with_without(m, "c1_usd_per_t", "c1_without_usd_per_t"),
                             with_without(m, "cbam_usd_per_t", "cbam_without_usd_per_t"),
                             with_without(m, "production_kt_per_year", "production_without_kt_per_year"),
                             price(m, "breakeven_co2_price_usd_per_t"), price(m, "breakeven_cbam_co2_price_usd_per_t"));
  }
  std::cout << "    break-even CO2: the carbon price at which capture costs what it saves; scope 1 counts a captive "
               "power plant's CO2 for the capture's electricity, CBAM (direct emissions) does not; none: nothing "
               "avoided\n";
}

/// [[hpa]]: the high-purity grade each smelter taps, and the refining line beside it.
void print_hpa(const io::Json& hpa) {
  std::cout << fmt::format("  high-purity metal: {:.1f} kt/yr of the grades sold at their premium; HPA {:.0f} t/yr\n",
                           number_or(hpa, "grade_kt_per_year"), number_or(hpa, "hpa_t_per_year"));
  for (const auto& m : hpa.at("smelters")) {
    std::string line = fmt::format("    {:<22} {} {:.1f} kt/yr of {:.1f} ({:.1f} M USD/yr at {:.0f} USD/t)",
                                   m.value("id", ""), m.value("grade", ""), number_or(m, "grade_kt_per_year"),
                                   number_or(m, "production_kt_per_year"), number_or(m, "grade_income_musd_per_year"),
                                   number_or(m, "grade_premium_usd_per_t"));
    if (m.contains("upgrading") && m.at("upgrading").is_object()) {
      const io::Json& u = m.at("upgrading");
      line += fmt::format("; {} line {:.0f} t/yr HPA, {:.1f} MW, cost {:.0f} against {:.0f} USD/t: margin {:.2f} M USD/yr",
                          u.value("route", ""), number_or(u, "hpa_t_per_year"), number_or(u, "electrical_load_MW"),
                          number_or(u, "cost_usd_per_t"), number_or(u, "premium_usd_per_t"),
                          number_or(u, "margin_musd_per_year"));
    }
    std::cout << line << "\n";
  }
}

/// [[cap]] and [[flow_limit]] that bind, with their shadow prices: the path's 2035 "curtailed 0.46"
/// at a world price of 3660 USD/t is China's cap, which the text did not say.
void print_binding_limits(const io::Json& summary) {
  std::string binding;
  for (const char* key : {"cap_shadow_price_usd_per_t", "flow_limit_shadow_price_usd_per_t"}) {
    if (!summary.contains(key)) continue;
    for (const auto& [name, price] : summary.at(key).items()) {
      if (price.is_number() && price.get<double>() >= 0.5) {
        binding += fmt::format("{}{} {:.0f} USD/t", binding.empty() ? "" : ", ", name, price.get<double>());
      }
    }
  }
  if (!binding.empty()) {
    std::cout << "  binding limits (shadow price: the value of one more tonne through it): " << binding << "\n";
  }
}

/// fleet.flex: the power the fleet could move, in total, and how long each technology holds it.
void print_flexible_capacity(const io::Json& f) {
  std::cout << fmt::format("  flexible capacity ({}, hold from the {}: ±{:.0f} % of power for up to {:.0f} h): {:.2f} of {:.2f} GW "
                           "at {} smelters; down {:.0f} GWh, up {:.0f} GWh, both ways {:.0f} GWh per event\n",
                           f.value("configuration", ""), f.value("source", ""), number_or(f, "power_percent"),
                           number_or(f, "duration_h"), number_or(f, "flexible_MW") / 1e3, number_or(f, "power_MW") / 1e3,
                           f.value("smelters", 0), number_or(f, "down_MWh") / 1e3, number_or(f, "up_MWh") / 1e3,
                           number_or(f, "flexible_MWh") / 1e3);
  if (!f.value("caveat", "").empty()) std::cout << "  note: " << f.value("caveat", "") << "\n";  // T7-38
  if (!f.value("ce_note", "").empty()) std::cout << "  note: " << f.value("ce_note", "") << "\n";  // T8-9
  if (!f.value("seed_note", "").empty()) std::cout << "  note: " << f.value("seed_note", "") << "\n";  // T15-7
  if (!f.contains("by_technology")) return;
  for (const io::Json& t : f.at("by_technology")) {
    const auto hold = [&t](const char* dir) {
      const std::string d(dir);
      const std::string limit = t.value(d + "_limit", "");
      return fmt::format("{:+.0f} % {:.1f} h{}", number_or(t, (d + "_percent").c_str()), number_or(t, (d + "_hold_h").c_str()),
                         limit == "none" ? "" : " (" + limit + ")");
    };
    const int smelters = t.value("smelters", 0);
    std::cout << fmt::format("    {} at {:.0f} kA ({}; {} smelter{}, {:.2f} GW): {}, {}\n", t.value("technology", ""),
                             number_or(t, "line_current_kA"),
                             t.value("line_current_origin", "") == "smelter" ? "the smelters' line current" : "its published current",
                             smelters, smelters == 1 ? "" : "s", number_or(t, "power_MW") / 1e3, hold("down"), hold("up"));
    if (!t.value("note", "").empty()) std::cout << "      (" << t.value("note", "") << ")\n";
  }
}

// The region table's premium as the "published" column shows it (T13-14): the benchmark, or "-" with
// the table's estimate beside it (summary premium_basis_by_region).
std::string published_premium_text(const fleet::Region& r) {
  if (const auto value = r.published_premium_usd_per_kg()) return fmt::format("{:.0f} {}", *value * kT, r.premium_benchmark);
  if (r.premium_basis == fleet::PremiumBasis::kEstimate) return fmt::format("- (estimate {:.0f})", r.premium_usd_per_kg * kT);
  return "-";
}

void print_summary(const fleet::FleetCase& c, const fleet::FleetResult& f, const io::Json& summary,
                   const std::string& changed) {
  const auto& regions = c.model.regions.regions;
  // The title first (with the fields --set changed); a path's table of years; then the year the
  // figures below are of.
  std::cout << c.title << changed << "\n";
  if (summary.contains("path")) print_path(summary.at("path"), summary.value("demand_price_step", 0.0));
  if (summary.contains("year")) {
    std::cout << fmt::format("  year {}{}\n", summary.at("year").get<int>(),
                             summary.contains("path") ? " (the last of the path; the figures below are of it)" : "");
    print_year_start(summary, c.model.regions.price_year);
  }
  const double produced = f.production_total_kg_per_s;
  std::cout << fmt::format("  smelters {}  capacity {:.2f} Mt/yr  demand {:.2f}  production {:.2f}  curtailed {:.2f}\n",
                           f.smelters.size(), f.capacity_kg_per_s * kMt, f.demand_total_kg_per_s * kMt,
                           produced * kMt, (f.capacity_kg_per_s - produced) * kMt);
  // marginal_cost_usd_per_t is the highest C1 of a producing smelter, which behind a tariff can sit
  // far above the world price: name the smelter and give the world price beside it.
  std::string marginal_smelter;
  if (f.market_solved) {
    double highest = -1;
    for (std::size_t k = 0; k < f.smelters.size() && k < c.model.smelters.size(); ++k) {
      if (f.production_kg_per_s[k] > 0 && f.smelters[k].c1_usd_per_kg > highest) {
        highest = f.smelters[k].c1_usd_per_kg;
        marginal_smelter = fmt::format(" ({}, {})", c.model.smelters[k].record.id, c.model.smelters[k].record.region);
      }
    }
  }
  // Scope 1+2 of the smelters' production (summary emissions_Mt_co2e): the scope, so that the
  // figure is not read against a cradle-to-gate total (alumina refining, mining are not in it).
  std::cout << fmt::format("  marginal cost (highest C1 producing) {:.0f} USD/t{}{}   emissions {:.1f} Mt CO2e ({:.2f} t/t, "
                           "the smelters' scope 1+2)\n",
                           f.marginal_cost_usd_per_kg * kT, marginal_smelter,
                           f.market_solved ? fmt::format("   world price {:.0f} USD/t", f.world_price_usd_per_kg * kT) : "",
                           f.emissions_kg_co2e_per_s * kSecondsPerYear / 1e9,
                           produced > 0 ? f.emissions_kg_co2e_per_s / produced : 0.0);
  // What the PFC in those emissions counts (user trial T10-7).
  if (summary.contains("pfc_low_voltage")) std::cout << "  PFC: " << summary.value("pfc_low_voltage", "") << "\n";
  // The premium (summary premium_by_region_usd_per_t) beside the published benchmark it stands for:
  // the two are over different references (T8-12), which the line under the table names.
  std::cout << "  region            capacity  production  price USD/t  premium  published\n";
  for (std::size_t r = 0; r < regions.size(); ++r)
    std::cout << fmt::format("  {:<16} {:9.2f} {:11.2f} {:12.0f} {:8.0f}  {}\n", regions[r].id,
                             f.capacity_by_region_kg_per_s[r] * kMt, f.production_by_region_kg_per_s[r] * kMt,
                             f.price_usd_per_kg[r] * kT, (f.price_usd_per_kg[r] - f.world_price_usd_per_kg) * kT,
                             published_premium_text(regions[r]));
  if (f.market_solved)
    std::cout << "  premium: the region's price over the world price (the lowest regional price, the model's LME); "
                 "published: the benchmark premium over the LME in the price year (data/fleet-regions.toml, "
              << c.model.regions.price_year << "); \"-\" where the region has none (the table's estimate in brackets)\n";
  // In a path the test stays at the case's LME while the year's own prices move (2035: 3,660-4,138).
  // The tonnage is their capacity (summary under_water_Mt), not their output: world-2024's six
  // produce 1.49 of their 1.98 Mt/yr, and "1.98 Mt/yr" beside the region table read as production.
  std::cout << fmt::format("  under water at fleet.lme {:.0f} USD/t + premium: {} smelter{}, {:.2f} Mt/yr of capacity{}\n", c.lme_usd_per_kg * kT,
                           f.under_water.size(), f.under_water.size() == 1 ? "" : "s", f.under_water_capacity_kg_per_s * kMt,
                           summary.contains("path") ? fmt::format(" (the case's LME, not the prices of {})",
                                                                  summary.at("year").get<int>())
                                                    : std::string());
  print_losing_at_model_prices(c, f);
  if (f.elastic)
    std::cout << fmt::format("  consumption (elastic demand) {:.2f} Mt/yr; prices within ±{:.1f} % of the continuous "
                             "demand curves (the demand blocks' step at the equilibrium)\n",
                             f.consumption_total_kg_per_s * kMt, 100 * f.demand_price_step);
  if (summary.contains("exclusions")) print_exclusions(summary.at("exclusions"));
  if (summary.contains("power_shocks")) print_power_shocks(summary.at("power_shocks"));
  if (summary.contains("added_loads")) print_added_loads(summary.at("added_loads"));
  print_scarcity(summary);
  print_binding_limits(summary);
  if (summary.contains("flexible_capacity")) print_flexible_capacity(summary.at("flexible_capacity"));
  if (summary.contains("ccs_retrofit")) print_ccs_retrofit(summary.at("ccs_retrofit"));
  if (summary.contains("hpa")) print_hpa(summary.at("hpa"));
  if (summary.contains("indirect_cost_compensation")) {
    const io::Json& ic = summary.at("indirect_cost_compensation");
    if (!ic.value("note", "").empty()) std::cout << "  " << ic.value("note", "") << "\n";
  }
}

/// --export-smelter ID: the smelter's case file, to --out FILE or stdout.
int export_smelter(const FleetOptions& o, const fleet::FleetCase& c, const plant::SmelterData& data) {
  core::Diagnostics d;
  const std::string text = fleet::smelter_case_toml(c, o.export_smelter, data, d);
  if (o.out.empty()) {
    std::cout << text;
    return 0;
  }
  if (std::filesystem::is_directory(o.out)) {
    d.error({"--out", 0, 0}, "--out", "'" + o.out + "' is a directory: with --export-smelter, --out names the case file to write");
    throw core::InputError(d);
  }
  std::ofstream file(o.out);
  file << text;
  if (!file) throw core::RunError("cannot write '" + o.out + "'");
  return 0;
}

int run_fleet(const FleetOptions& o, const GlobalOptions& global) {
  const std::string started = utc_now();
  const api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global)};
  if (o.vary.active()) {
    if (!o.export_smelter.empty()) {
      core::Diagnostics d;
      d.error({"--export-smelter", 0, 0}, "--export-smelter", "--vary runs the fleet; it cannot export a smelter case");
      throw core::InputError(d);
    }
    return run_vary_command(o.vary, "fleet", o.sets, o.json, VaryFolder{o.out, global.command_line, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      return api::run_fleet(api::load_fleet(point)).summary;
    });
  }
  const api::FleetInput input = api::load_fleet(source);
  if (!o.export_smelter.empty()) return export_smelter(o, input.c, input.data);
  if (!o.out.empty()) require_run_folder_path(o.out);  // a run folder: checked before the solve
  const api::FleetRun run = api::run_fleet(input);
  if (!o.out.empty()) {
    RunFolder folder{o.out, "fleet", global.command_line, {o.case_file}, started};
    for (const auto& f : api::read_files(input)) folder.input_files.push_back(f);
    folder.report = o.report;
    write_run_folder(folder, run.summary, run.tables(input.c));
  }
  // Warnings on stderr, located, as smelter's (T12-5; fleet in trial 13); --json keeps them in "warnings".
  for (const auto& w : api::located_warnings(input, run)) std::cerr << w << "\n";
  if (o.json) std::cout << io::dump(run.summary);
  else print_summary(run.year_case ? *run.year_case : input.c, run.result, run.summary, changed_on_command_line(o.sets));
  if (!o.json)  // a path's published outcomes (T17-12: they were warnings on stderr)
    for (const auto& n : run.summary.at("notes")) std::cout << "  note: " << n.get<std::string>() << "\n";
  if (!o.json && !o.out.empty()) std::cout << "  results written to " << o.out << "/\n";  // as the other commands
  if (o.report) write_run_report(o.out, o.json);  // after the results (it came before the title)
  return 0;
}

}  // namespace

void add_fleet_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<FleetOptions>();
  CLI::App* cmd = app.add_subcommand("fleet", "world fleet: cost curve, marginal cost, regional prices and trade (LP)");
  cmd->add_option("case", options->case_file, "TOML fleet case (see examples/world.toml)")->required();
  cmd->add_option("-s,--set", options->sets,
                  "override a case field: KEY=VALUE or LEVER[I].KEY=VALUE for the I-th [[LEVER]] table "
                  "(from 0), e.g. tariff[0].rate=0.25 (see 'potline schema fleet'); repeatable");
  CLI::Option* out_option = cmd->add_option("--out", options->out,
                  "run folder for summary.json, cost_curve.csv, regions.csv, flows.csv (path.csv with fleet.last_year; "
                  "ccs_retrofit.csv, hpa.csv, flex_capacity.csv when the case has them) (with --export-smelter: the "
                  "case file to write)");
  cmd->add_flag("--json", options->json, "print the summary as one JSON object on stdout");
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  add_vary_options(cmd, options->vary, "fleet");
  cmd->add_option("--export-smelter", options->export_smelter,
                  "write smelter ID's smelter case file (every input the fleet gives it, with where each came from) "
                  "to --out FILE or stdout, instead of solving the fleet");
  cmd->callback([options, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_fleet(*options, global); });
  });
}

}  // namespace potline::app

// potline fleet CASE.toml [--set KEY=VALUE]... [--out DIR] [--json] [--export-smelter ID [--out FILE]]
// The world fleet: cost curve, marginal cost, smelters under water, emissions curve and (with the
// market on) the regional trade equilibrium, all from fleet::solve; this file only formats. Keys and
// columns: docs/cli.md, "potline fleet".
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/smelter_export.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"

namespace potline::app {
namespace {

struct FleetOptions {
  std::string case_file;
  std::string out;
  std::string export_smelter;
  std::vector<std::string> sets;
  bool json = false;
  bool report = false;
};

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kMt = kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                     // USD/kg -> USD/t

std::string csv_text(const std::string& s) { return io::csv_cell(s); }  // RFC 4180, the one CSV writer

std::string num(double x, int digits = 6) {
  if (!std::isfinite(x)) throw core::RunError("non-finite number in fleet output");
  return fmt::format("{:.{}g}", x, digits);
}

io::Json by_region(const fleet::FleetCase& c, const std::vector<double>& v, double scale) {
  io::Json j = io::Json::object();
  const auto& regions = c.model.regions.regions;
  for (std::size_t r = 0; r < regions.size(); ++r) j[regions[r].id] = v[r] * scale;
  return j;
}

io::Json summary_json(const fleet::FleetCase& c, const fleet::FleetResult& f, const std::vector<std::string>& warnings) {
  io::Json j;
  j["title"] = c.title;
  j["smelters"] = f.smelters.size();
  j["capacity_Mt"] = f.capacity_kg_per_s * kMt;
  j["production_Mt"] = f.production_total_kg_per_s * kMt;
  j["demand_Mt"] = f.demand_total_kg_per_s * kMt;
  j["curtailed_Mt"] = (f.capacity_kg_per_s - f.production_total_kg_per_s) * kMt;
  j["consumption_Mt"] = f.consumption_total_kg_per_s * kMt;
  j["demand_elastic"] = f.elastic;
  j["capacity_by_region_Mt"] = by_region(c, f.capacity_by_region_kg_per_s, kMt);
  j["production_by_region_Mt"] = by_region(c, f.production_by_region_kg_per_s, kMt);
  j["consumption_by_region_Mt"] = by_region(c, f.consumption_kg_per_s, kMt);
  j["demand_by_region_Mt"] = by_region(c, f.demand_kg_per_s, kMt);
  j["marginal_cost_usd_per_t"] = f.marginal_cost_usd_per_kg * kT;
  j["cost_curve_marginal_cost_usd_per_t"] = f.cost_curve_marginal_cost_usd_per_kg * kT;
  j["price_by_region_usd_per_t"] = by_region(c, f.price_usd_per_kg, kT);
  j["emissions_Mt_co2e"] = f.emissions_kg_co2e_per_s * kSecondsPerYear / 1e9;
  j["emissions_intensity_t_co2e_per_t"] =
      f.production_total_kg_per_s > 0 ? f.emissions_kg_co2e_per_s / f.production_total_kg_per_s : 0.0;
  io::Json uw = io::Json::array();
  for (int i : f.under_water) uw.push_back(c.model.smelters[static_cast<std::size_t>(i)].record.id);
  j["under_water"] = uw;
  j["under_water_Mt"] = f.under_water_capacity_kg_per_s * kMt;
  j["lme_usd_per_t"] = c.lme_usd_per_kg * kT;
  j["cbam_year"] = c.cbam_year;
  j["market"] = f.market_solved ? "optimal" : "not solved";
  j["price_year"] = c.model.regions.price_year;
  j["tariff_basis"] = c.tariff_basis == fleet::TariffBasis::kLme ? "lme" : "origin_price";
  io::Json caps = io::Json::object();
  for (std::size_t k = 0; k < c.caps.size() && k < f.cap_shadow_usd_per_kg.size(); ++k) {
    caps[c.caps[k].name] = f.cap_shadow_usd_per_kg[k] * kT;
  }
  j["cap_shadow_price_usd_per_t"] = caps;
  j["tariff_iterations"] = f.tariff_iterations;
  j["tariff_converged"] = f.tariff_converged;
  j["warnings"] = warnings;
  io::require_finite(j);
  return j;
}

std::string cost_curve_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  std::ostringstream cc;
  cc << "rank,id,name,region,country,province,aggregate,capacity_kt_per_year,cumulative_capacity_Mt_per_year,"
        "c1_usd_per_t,business_usd_per_t,power_usd_per_t,sec_ac_kWh_per_kg,co2e_t_per_t,direct_co2e_t_per_t,"
        "cbam_usd_per_t,price_usd_per_t,production_kt_per_year,curtailed_kt_per_year,sec_basis,"
        "domestic_carbon_usd_per_t,pfc_class,lat_deg,lon_deg,technology,technology_class,margin_usd_per_t\n";
  int rank = 0;
  for (const auto& p : f.curve) {
    const auto i = static_cast<std::size_t>(p.smelter);
    const fleet::SmelterEconomics& e = f.smelters[i];
    const fleet::FleetSmelter& s = c.model.smelters[i];
    const auto& r = s.record;
    cc << ++rank << ',' << csv_text(r.id) << ',' << csv_text(r.name) << ',' << csv_text(r.region) << ',' << csv_text(r.country) << ','
       << csv_text(r.province) << ',' << (r.aggregate ? "true" : "false") << ',' << num(e.capacity_kg_per_s * kKt) << ','
       << num(p.cumulative_kg_per_s * kMt) << ',' << num(e.c1_usd_per_kg * kT) << ',' << num(e.business_usd_per_kg * kT)
       << ',' << num(e.power_usd_per_kg * kT) << ',' << num(e.sec_ac_J_per_kg / constants::kJoulePerKWh) << ','
       << num(e.total_co2e_kg_per_kg) << ',' << num(e.direct_co2e_kg_per_kg) << ',' << num(e.cbam_usd_per_kg * kT) << ','
       << num(e.price_usd_per_kg * kT) << ',' << num(f.production_kg_per_s[i] * kKt) << ','
       << num((e.capacity_kg_per_s - f.production_kg_per_s[i]) * kKt) << ',' << csv_text(s.sec_origin) << ','
       << num(e.domestic_carbon_usd_per_kg * kT) << ',' << plant::to_string(s.inputs.emissions.technology) << ','
       << (r.has_location ? num(r.lat_deg) + ',' + num(r.lon_deg) : std::string(","))  // empty: no single site
       << ',' << csv_text(s.technology) << ',' << csv_text(s.technology_class) << ','
       << num((f.price_usd_per_kg[static_cast<std::size_t>(s.region)] - e.c1_usd_per_kg) * kT) << '\n';
  }
  return cc.str();
}

std::string regions_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const auto& regions = c.model.regions.regions;
  std::ostringstream rc;
  rc << "region,name,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,imports_Mt_per_year,"
        "exports_Mt_per_year,price_usd_per_t,emissions_Mt_co2e_per_year,consumption_Mt_per_year\n";
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const fleet::RegionTrade t = fleet::region_trade(f, r);
    rc << regions[r].id << ',' << csv_text(regions[r].name) << ',' << num(f.capacity_by_region_kg_per_s[r] * kMt) << ','
       << num(f.production_by_region_kg_per_s[r] * kMt) << ',' << num(f.demand_kg_per_s[r] * kMt) << ','
       << num(t.imports_kg_per_s * kMt) << ',' << num(t.exports_kg_per_s * kMt) << ','
       << num(f.price_usd_per_kg[r] * kT) << ',' << num(f.emissions_by_region_kg_co2e_per_s[r] * kSecondsPerYear / 1e9)
       << ',' << num(f.consumption_kg_per_s[r] * kMt) << '\n';
  }
  return rc.str();
}

std::string flows_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const auto& regions = c.model.regions.regions;
  std::ostringstream fc;
  fc << "from,to,flow_Mt_per_year\n";
  for (std::size_t r = 0; r < regions.size(); ++r)
    for (std::size_t s = 0; s < regions.size(); ++s)
      if (f.flow_kg_per_s[r][s] * kMt > 1e-9)
        fc << regions[r].id << ',' << regions[s].id << ',' << num(f.flow_kg_per_s[r][s] * kMt) << '\n';
  return fc.str();
}

void print_summary(const fleet::FleetCase& c, const fleet::FleetResult& f, const std::vector<std::string>& warnings) {
  const auto& regions = c.model.regions.regions;
  const double produced = f.production_total_kg_per_s;
  std::cout << fmt::format("{}\n  smelters {}  capacity {:.2f} Mt/yr  demand {:.2f}  production {:.2f}  curtailed {:.2f}\n",
                           c.title, f.smelters.size(), f.capacity_kg_per_s * kMt, f.demand_total_kg_per_s * kMt,
                           produced * kMt, (f.capacity_kg_per_s - produced) * kMt);
  std::cout << fmt::format("  marginal cost (C1) {:.0f} USD/t   emissions {:.1f} Mt CO2e ({:.2f} t/t)\n",
                           f.marginal_cost_usd_per_kg * kT, f.emissions_kg_co2e_per_s * kSecondsPerYear / 1e9,
                           produced > 0 ? f.emissions_kg_co2e_per_s / produced : 0.0);
  std::cout << "  region            capacity  production  price USD/t\n";
  for (std::size_t r = 0; r < regions.size(); ++r)
    std::cout << fmt::format("  {:<16} {:9.2f} {:11.2f} {:12.0f}\n", regions[r].id,
                             f.capacity_by_region_kg_per_s[r] * kMt, f.production_by_region_kg_per_s[r] * kMt,
                             f.price_usd_per_kg[r] * kT);
  std::cout << fmt::format("  under water at LME {:.0f} + premium: {} smelters, {:.2f} Mt/yr\n", c.lme_usd_per_kg * kT,
                           f.under_water.size(), f.under_water_capacity_kg_per_s * kMt);
  if (f.elastic) std::cout << fmt::format("  consumption (elastic demand) {:.2f} Mt/yr\n", f.consumption_total_kg_per_s * kMt);
  for (const auto& w : warnings) std::cout << "  warning: " << w << "\n";
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
    d.error({}, "--out", "'" + o.out + "' is a directory: with --export-smelter, --out names the case file to write");
    throw core::InputError(d);
  }
  std::ofstream file(o.out);
  file << text;
  if (!file) throw core::RunError("cannot write '" + o.out + "'");
  return 0;
}

int run_fleet(const FleetOptions& o, const GlobalOptions& global) {
  const std::string started = utc_now();
  core::Diagnostics d;
  const std::string dir = data_dir(global);
  const plant::SmelterData data = plant::SmelterData::load(dir, d);
  if (d.has_errors()) throw core::InputError(d);
  const fleet::FleetCase c = fleet::load_fleet_case(o.case_file, dir, data, d, o.sets);
  if (!o.export_smelter.empty()) return export_smelter(o, c, data);
  if (!o.out.empty()) require_run_folder_path(o.out);  // a run folder: checked before the solve
  const fleet::FleetResult f = fleet::solve(c, c.shocks);
  if (!f.feasible) {
    core::Diagnostics bad;
    bad.error({c.path, 0, 0}, "market", f.explanation);
    throw core::InputError(bad);
  }
  std::vector<std::string> warnings = d.warning_messages();
  warnings.insert(warnings.end(), f.warnings.begin(), f.warnings.end());
  const io::Json j = summary_json(c, f, warnings);
  if (!o.out.empty()) {
    RunFolder run{o.out, "fleet", global.command_line, {o.case_file, c.smelters_path, c.regions_path}, started};
    write_run_folder(run, j, {{"cost_curve.csv", cost_curve_csv(c, f)}, {"regions.csv", regions_csv(c, f)},
                              {"flows.csv", flows_csv(c, f)}});
    if (o.report) write_run_report(o.out, o.json);
  }
  if (o.json) std::cout << io::dump(j);
  else print_summary(c, f, warnings);
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
                  "run folder for summary.json, cost_curve.csv, regions.csv, flows.csv (with --export-smelter: the "
                  "case file to write)");
  cmd->add_flag("--json", options->json, "print the summary as one JSON object on stdout");
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  cmd->add_option("--export-smelter", options->export_smelter,
                  "write smelter ID's smelter case file (every input the fleet gives it, with where each came from) "
                  "to --out FILE or stdout, instead of solving the fleet");
  cmd->callback([options, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_fleet(*options, global); });
  });
}

}  // namespace potline::app

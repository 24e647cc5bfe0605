// potline fleet CASE.toml [--out DIR] [--json]
// The world fleet: cost curve, marginal cost, smelters under water, emissions curve and (with the
// market on) the regional trade equilibrium. Keys and columns: docs/cli.md, "potline fleet".
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <numeric>
#include <sstream>

#include "commands.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"

namespace potline::app {
namespace {

struct FleetOptions {
  std::string case_file;
  std::string out;
  bool json = false;
};

constexpr double kMt = plant::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = plant::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                            // USD/kg -> USD/t

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string num(double x, int digits = 6) {
  if (!std::isfinite(x)) throw core::RunError("non-finite number in fleet output");
  return fmt::format("{:.{}g}", x, digits);
}

int run_fleet(const FleetOptions& o, const GlobalOptions& global) {
  const std::string started = utc_now();
  core::Diagnostics d;
  const std::string dir = data_dir(global);
  const plant::SmelterData data = plant::SmelterData::load(dir, d);
  if (d.has_errors()) throw core::InputError(d);
  const fleet::FleetCase c = fleet::load_fleet_case(o.case_file, dir, data, d);
  const fleet::FleetModel& m = c.model;
  const auto& regions = m.regions.regions;
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(m, c.shocks, e);
  const auto curve = fleet::cost_curve(e);
  const auto under = fleet::under_water(e);

  double capacity = 0, emissions_capacity = 0;
  for (const auto& x : e) capacity += x.capacity_kg_per_s;
  std::vector<double> production(e.size(), 0.0);
  std::vector<double> price(regions.size(), 0.0);
  std::vector<double> consumption(regions.size(), 0.0);
  for (std::size_t r = 0; r < regions.size(); ++r) consumption[r] = regions[r].demand_kg_per_s * c.demand_factor[r];
  std::vector<std::string> market_warnings;
  int tariff_iterations = 0;
  bool tariff_converged = true;
  bool elastic = false;
  for (const auto& dc : c.demand_curve) elastic = elastic || dc.elasticity > 0;
  std::vector<std::vector<double>> flows(regions.size(), std::vector<double>(regions.size(), 0.0));
  double marginal = 0;
  std::string market_status = "not solved";
  if (c.solve_market) {
    const market::TradeProblem p = fleet::trade_problem(c, e);
    const market::TradeSolution s = market::solve(p);
    if (!s.feasible) {
      core::Diagnostics bad;
      bad.error({c.path, 0, 0}, "market", "infeasible trade problem: " + s.explanation);
      throw core::InputError(bad);
    }
    production = s.production_kg_per_s;
    price = s.price_usd_per_kg;
    consumption = s.consumption_kg_per_s;
    market_warnings = s.warnings;
    tariff_iterations = s.tariff_iterations;
    tariff_converged = s.tariff_converged;
    flows = s.flow_kg_per_s;
    market_status = "optimal";
    // Marginal cost: highest C1 among producing smelters (the cost-curve price setter ex freight).
    for (std::size_t i = 0; i < e.size(); ++i) if (production[i] > 1e-9) marginal = std::max(marginal, e[i].c1_usd_per_kg);
  } else {
    marginal = fleet::marginal_cost(curve, m.demand_kg_per_s);
    double left = m.demand_kg_per_s;
    for (const auto& pnt : curve) {
      const double take = std::min(left, pnt.capacity_kg_per_s);
      production[static_cast<std::size_t>(pnt.smelter)] = take;
      left -= take;
    }
    std::fill(price.begin(), price.end(), marginal);
  }
  const double curve_marginal = m.demand_kg_per_s <= capacity ? fleet::marginal_cost(curve, m.demand_kg_per_s) : 0.0;

  // ---- aggregates
  double produced = 0, emissions = 0;
  std::vector<double> cap_r(regions.size(), 0.0), prod_r(regions.size(), 0.0), em_r(regions.size(), 0.0);
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto r = static_cast<std::size_t>(m.smelters[i].region);
    cap_r[r] += e[i].capacity_kg_per_s;
    prod_r[r] += production[i];
    produced += production[i];
    emissions += production[i] * e[i].total_co2e_kg_per_kg;
    em_r[r] += production[i] * e[i].total_co2e_kg_per_kg;
    emissions_capacity += e[i].capacity_kg_per_s * e[i].total_co2e_kg_per_kg;
  }
  io::Json j;
  j["title"] = c.title;
  j["smelters"] = e.size();
  j["capacity_Mt"] = capacity * kMt;
  j["production_Mt"] = produced * kMt;
  j["demand_Mt"] = m.demand_kg_per_s * kMt;
  j["curtailed_Mt"] = (capacity - produced) * kMt;
  double consumed = 0;
  for (double q : consumption) consumed += q;
  j["consumption_Mt"] = consumed * kMt;
  j["demand_elastic"] = elastic && c.solve_market;
  io::Json cbr = io::Json::object(), pbr = io::Json::object(), prbr = io::Json::object(), conr = io::Json::object(),
           dbr = io::Json::object();
  for (std::size_t r = 0; r < regions.size(); ++r) {
    cbr[regions[r].id] = cap_r[r] * kMt;
    dbr[regions[r].id] = regions[r].demand_kg_per_s * c.demand_factor[r] * kMt;
    conr[regions[r].id] = consumption[r] * kMt;
    prbr[regions[r].id] = prod_r[r] * kMt;
    pbr[regions[r].id] = price[r] * kT;
  }
  j["capacity_by_region_Mt"] = cbr;
  j["production_by_region_Mt"] = prbr;
  j["consumption_by_region_Mt"] = conr;
  j["demand_by_region_Mt"] = dbr;
  j["marginal_cost_usd_per_t"] = marginal * kT;
  j["cost_curve_marginal_cost_usd_per_t"] = curve_marginal * kT;
  j["price_by_region_usd_per_t"] = pbr;
  j["emissions_Mt_co2e"] = emissions * plant::kSecondsPerYear / 1e9;
  j["emissions_intensity_t_co2e_per_t"] = produced > 0 ? emissions / produced : 0.0;
  io::Json uw = io::Json::array();
  double uw_capacity = 0;
  for (int i : under) {
    uw.push_back(m.smelters[static_cast<std::size_t>(i)].record.id);
    uw_capacity += e[static_cast<std::size_t>(i)].capacity_kg_per_s;
  }
  j["under_water"] = uw;
  j["under_water_Mt"] = uw_capacity * kMt;
  j["lme_usd_per_t"] = c.lme_usd_per_kg * kT;
  j["cbam_year"] = c.cbam_year;
  j["market"] = market_status;
  j["price_year"] = m.regions.price_year;
  j["tariff_basis"] = c.tariff_basis == fleet::TariffBasis::kLme ? "lme" : "origin_price";
  j["tariff_iterations"] = tariff_iterations;
  j["tariff_converged"] = tariff_converged;
  std::vector<std::string> warnings = d.warning_messages();
  warnings.insert(warnings.end(), market_warnings.begin(), market_warnings.end());
  j["warnings"] = warnings;
  io::require_finite(j);

  // ---- tables
  std::ostringstream cc;
  cc << "rank,id,name,region,country,province,aggregate,capacity_kt_per_year,cumulative_capacity_Mt_per_year,"
        "c1_usd_per_t,business_usd_per_t,power_usd_per_t,sec_ac_kWh_per_kg,co2e_t_per_t,direct_co2e_t_per_t,"
        "cbam_usd_per_t,price_usd_per_t,production_kt_per_year,curtailed_kt_per_year,sec_basis\n";
  int rank = 0;
  for (const auto& p : curve) {
    const auto i = static_cast<std::size_t>(p.smelter);
    const auto& r = m.smelters[i].record;
    cc << ++rank << ',' << csv_text(r.id) << ',' << csv_text(r.name) << ',' << r.region << ',' << r.country << ','
       << csv_text(r.province) << ',' << (r.aggregate ? "true" : "false") << ',' << num(e[i].capacity_kg_per_s * kKt) << ','
       << num(p.cumulative_kg_per_s * kMt) << ',' << num(e[i].c1_usd_per_kg * kT) << ','
       << num(e[i].business_usd_per_kg * kT) << ',' << num(e[i].power_usd_per_kg * kT) << ','
       << num(e[i].sec_ac_J_per_kg / 3.6e6) << ',' << num(e[i].total_co2e_kg_per_kg) << ','
       << num(e[i].direct_co2e_kg_per_kg) << ',' << num(e[i].cbam_usd_per_kg * kT) << ','
       << num(e[i].price_usd_per_kg * kT) << ',' << num(production[i] * kKt) << ','
       << num((e[i].capacity_kg_per_s - production[i]) * kKt) << ',' << csv_text(m.smelters[i].sec_origin) << '\n';
  }
  std::ostringstream rc;
  rc << "region,name,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,imports_Mt_per_year,"
        "exports_Mt_per_year,price_usd_per_t,emissions_Mt_co2e_per_year,consumption_Mt_per_year\n";
  for (std::size_t r = 0; r < regions.size(); ++r) {
    double imports = 0, exports = 0;
    for (std::size_t s = 0; s < regions.size(); ++s) {
      if (s == r) continue;
      imports += flows[s][r];
      exports += flows[r][s];
    }
    rc << regions[r].id << ',' << csv_text(regions[r].name) << ',' << num(cap_r[r] * kMt) << ',' << num(prod_r[r] * kMt)
       << ',' << num(regions[r].demand_kg_per_s * c.demand_factor[r] * kMt) << ',' << num(imports * kMt) << ','
       << num(exports * kMt) << ',' << num(price[r] * kT) << ',' << num(em_r[r] * plant::kSecondsPerYear / 1e9) << ','
       << num(consumption[r] * kMt) << '\n';
  }
  std::ostringstream fc;
  fc << "from,to,flow_Mt_per_year\n";
  for (std::size_t r = 0; r < regions.size(); ++r)
    for (std::size_t s = 0; s < regions.size(); ++s)
      if (flows[r][s] * kMt > 1e-9) fc << regions[r].id << ',' << regions[s].id << ',' << num(flows[r][s] * kMt) << '\n';

  if (!o.out.empty()) {
    RunFolder run{o.out, "fleet", global.command_line, {o.case_file, c.smelters_path, c.regions_path}, started};
    write_run_folder(run, j, {{"cost_curve.csv", cc.str()}, {"regions.csv", rc.str()}, {"flows.csv", fc.str()}});
  }
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    std::cout << fmt::format("{}\n  smelters {}  capacity {:.2f} Mt/yr  demand {:.2f}  production {:.2f}  curtailed {:.2f}\n",
                             c.title, e.size(), capacity * kMt, m.demand_kg_per_s * kMt, produced * kMt,
                             (capacity - produced) * kMt);
    std::cout << fmt::format("  marginal cost (C1) {:.0f} USD/t   emissions {:.1f} Mt CO2e ({:.2f} t/t)\n", marginal * kT,
                             emissions * plant::kSecondsPerYear / 1e9, produced > 0 ? emissions / produced : 0.0);
    std::cout << "  region            capacity  production  price USD/t\n";
    for (std::size_t r = 0; r < regions.size(); ++r)
      std::cout << fmt::format("  {:<16} {:9.2f} {:11.2f} {:12.0f}\n", regions[r].id, cap_r[r] * kMt, prod_r[r] * kMt, price[r] * kT);
    std::cout << fmt::format("  under water at LME {:.0f} + premium: {} smelters, {:.2f} Mt/yr\n", c.lme_usd_per_kg * kT,
                             under.size(), uw_capacity * kMt);
    if (elastic && c.solve_market) std::cout << fmt::format("  consumption (elastic demand) {:.2f} Mt/yr\n", consumed * kMt);
    for (const auto& w : warnings) std::cout << "  warning: " << w << "\n";
  }
  return 0;
}

}  // namespace

void add_fleet_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<FleetOptions>();
  CLI::App* cmd = app.add_subcommand("fleet", "world fleet: cost curve, marginal cost, regional prices and trade (LP)");
  cmd->add_option("case", options->case_file, "TOML fleet case (see examples/world.toml)")->required();
  cmd->add_option("--out", options->out, "run folder for summary.json, cost_curve.csv, regions.csv, flows.csv");
  cmd->add_flag("--json", options->json, "print the summary as one JSON object on stdout");
  cmd->callback([options, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_fleet(*options, global); });
  });
}

}  // namespace potline::app

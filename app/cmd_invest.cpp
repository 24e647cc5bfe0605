// potline invest CASE.toml [--set KEY=VALUE]... [--json] [--out DIR]
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"

namespace potline::app {
namespace {

struct InvestOptions {
  std::string case_file;
  std::vector<std::string> sets;
  bool json = false;
  std::string out_dir;
  std::vector<std::string> argv;
};

/// cash_flows.csv: "Year,Cash flow [USD],Discounted [USD]"; year k (1-based) is discounted by
/// (1 + WACC)^k, the end-of-year convention of finance::npv, so the Discounted column sums to npv_usd.
std::string cash_flows_csv(const std::vector<double>& flows, double wacc) {
  std::string out = io::csv_row({"Year", "Cash flow [USD]", "Discounted [USD]"});
  double factor = 1.0;
  for (std::size_t k = 0; k < flows.size(); ++k) {
    factor /= (1.0 + wacc);
    out += io::csv_row({std::to_string(k + 1), fmt::format("{}", flows[k]), fmt::format("{}", flows[k] * factor)});
  }
  return out;
}

io::Json optional_number(const std::optional<double>& x, double scale = 1.0) {
  return x ? io::Json(*x * scale) : io::Json(nullptr);
}

int run_invest(const InvestOptions& o, const GlobalOptions& global) {
  core::Diagnostics d;
  const plant::SmelterData data = plant::SmelterData::load(data_dir(global), d);
  if (d.has_errors()) throw core::InputError(d);
  const finance::InvestCase c = finance::load_invest_case(o.case_file, o.sets, data, d);
  const finance::InvestmentResult r = finance::evaluate_investment(c.inputs);
  if (!r.lcoa_usd_per_kg) {
    d.warning("plant.capacity_factor",
              "the project produces nothing (capacity factor 0 or no capacity): LCOA is not defined (null in JSON, "
              "n/a in text); the cash flows still carry the wage bill, a fixed cost");
  }
  const auto& in = c.inputs;
  io::Json j;
  j["title"] = c.operating.title;
  j["kind"] = in.kind == finance::ProjectKind::kRetrofit ? "retrofit" : "new_build";
  j["price_year"] = c.operating.price_year;
  j["currency"] = "USD";
  j["npv_usd"] = r.npv_usd;
  j["irr"] = optional_number(r.irr);
  j["payback_years"] = optional_number(r.payback_years);
  j["lcoa_usd_per_t"] = optional_number(r.lcoa_usd_per_kg, 1000.0);
  j["breakeven_power_usd_per_MWh"] = optional_number(r.breakeven_power_usd_per_J, 3.6e9);
  j["breakeven_tolerance_usd_per_MWh"] = finance::kBreakevenToleranceUsdPerMWh;
  j["breakeven_iterations"] = r.breakeven_iterations;
  if (r.incremental_npv_usd) j["incremental_npv_usd"] = *r.incremental_npv_usd;
  j["capex_usd"] = in.capex_usd;
  j["capacity_t_per_year"] = in.operating.capacity_kg_per_s * plant::kSecondsPerYear / 1000.0;
  j["sec_ac_kWh_per_kg"] = in.operating.potline_sec_ac_J_per_kg / (1.0 - in.operating.auxiliary_share) / 3.6e6;
  if (c.existing) j["existing_sec_ac_kWh_per_kg"] = in.existing.potline_sec_ac_J_per_kg / (1.0 - in.existing.auxiliary_share) / 3.6e6;
  j["wacc"] = in.wacc;
  j["contract_power_usd_per_MWh"] = in.contract_power_usd_per_J * 3.6e9;
  j["contract_years"] = in.contract_years;
  io::Json flows = io::Json::array();
  for (double x : r.cash_flows_usd) flows.push_back(x);
  j["cash_flows_usd"] = flows;
  j["warnings"] = d.warning_messages();
  if (!o.out_dir.empty()) {
    RunFolder run{o.out_dir, "invest", o.argv, {o.case_file}, utc_now()};
    for (const auto& f : data.files) run.input_files.push_back(f);
    write_run_folder(run, j, {{"cash_flows.csv", cash_flows_csv(r.cash_flows_usd, in.wacc)}});
  }
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    io::require_finite(j);
    std::cout << fmt::format("Investment ({}): {}\n", j["kind"].get<std::string>(), c.operating.title);
    std::cout << fmt::format("  capex {:.4g} USD ({}), WACC {:.1f} %\n", in.capex_usd, c.operating.price_year, 100 * in.wacc);
    std::cout << fmt::format("  NPV {:.4g} USD   IRR {}   payback {}\n", r.npv_usd,
                             r.irr ? fmt::format("{:.2f} %", 100 * *r.irr) : "none",
                             r.payback_years ? fmt::format("{:.1f} years", *r.payback_years) : "never");
    std::cout << fmt::format("  LCOA {}   break-even power {} (bisection, tolerance {} USD/MWh)\n",
                             r.lcoa_usd_per_kg ? fmt::format("{:.0f} USD/t", *r.lcoa_usd_per_kg * 1000.0) : "n/a",
                             r.breakeven_power_usd_per_J ? fmt::format("{:.2f} USD/MWh", *r.breakeven_power_usd_per_J * 3.6e9)
                                                         : std::string("none in 0-1000 USD/MWh"),
                             finance::kBreakevenToleranceUsdPerMWh);
    if (r.incremental_npv_usd) std::cout << fmt::format("  NPV gain over keeping the old cells {:.4g} USD\n", *r.incremental_npv_usd);
    for (const auto& w : d.warning_messages()) std::cout << "  warning: " << w << "\n";
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
  return 0;
}

}  // namespace

void add_invest_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto o = std::make_shared<InvestOptions>();
  CLI::App* cmd = app.add_subcommand("invest", "new-build or retrofit appraisal: NPV, IRR, payback, LCOA, break-even power price");
  cmd->add_option("case", o->case_file, "TOML invest case (see examples/invest-*.toml)")->required();
  cmd->add_option("-s,--set", o->sets, "override a case field: KEY=VALUE; repeatable")->allow_extra_args(false);
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  cmd->add_option("-o,--out", o->out_dir, "write a run folder (manifest.json, summary.json, cash_flows.csv)")
      ->check(run_folder_path());
  cmd->callback([o, &global, &exit_code]() {
    o->argv = global.command_line;
    exit_code = run_guarded([&] { return run_invest(*o, global); });
  });
}

}  // namespace potline::app

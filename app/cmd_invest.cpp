// potline invest CASE.toml [--set KEY=VALUE]... [--json] [--out DIR]
// The case is read and run by api::run_invest (the Python API and --vary call it too); this file formats.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/read_files.hpp"
#include "potline/finance/investment.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"
#include "vary.hpp"

namespace potline::app {
namespace {

struct InvestOptions {
  std::string case_file;
  std::vector<std::string> sets;
  bool json = false;
  std::string out_dir;
  bool report = false;
  std::vector<std::string> argv;
  VaryOptions vary;
};

// Amounts of a project in million USD with one decimal ("466.7 M USD"), as the report's charts
// give them: an analyst reads "4.667e+08 USD" twice.
std::string musd(double usd) { return fmt::format("{:.1f} M USD", usd / 1e6); }

// The cash flows start with the construction years (docs/model/economics.md), so the payback counts
// from the first of them: invest-new-build's "payback 11.7 years" is 8.7 years of operation.
std::string payback_text(double years, int construction_years) {
  if (construction_years <= 0) return fmt::format("{:.1f} years", years);
  return fmt::format("{:.1f} years from the start of construction ({} construction year{})", years,
                     construction_years, construction_years == 1 ? "" : "s");
}

// The power prices the NPV holds: invest-new-build's NPV 466.7 M USD is 40 USD/MWh for 20 years and
// 50 after, while npv_vs_power.csv's 40 is every year at 40 (541.5): the line said neither.
std::string power_terms_text(const finance::InvestmentInputs& in) {
  const double contract = in.contract_power_usd_per_J * 3.6e9, after = in.post_contract_power_usd_per_J * 3.6e9;
  const bool site = in.contract_start == finance::ContractStart::kSite;
  const int horizon = in.operating_years + (site ? in.construction_years : 0);
  if (in.contract_years >= horizon || std::abs(after - contract) < 1e-9) {
    return fmt::format("power {:.2f} USD/MWh every operating year", contract);
  }
  // Which calendar the contract years follow (investment.contract_start; user trial T10-14).
  return fmt::format("power {:.2f} USD/MWh for {} contract year{} (from the {}), then {:.2f} USD/MWh", contract,
                     in.contract_years, in.contract_years == 1 ? "" : "s",
                     site ? "first construction year: contract_start = site" : "first operating year", after);
}

// A project whose cumulative cash flow is never negative (a cheap retrofit of a plant that runs
// through its construction: invest-ap60-retrofit at 500 USD/t) has no IRR and pays back at once
// (payback_years 0), and printed "IRR none   payback never" for a plant ahead from its first year.
// Why there is no IRR: no outflow, no inflow, or an NPV of one sign on the whole bracket.
std::string irr_text(const std::optional<double>& irr, const std::vector<double>& flows) {
  if (irr) {
    const int changes = finance::sign_changes(flows);
    if (changes <= 1) return fmt::format("{:.2f} %", 100 * *irr);
    return fmt::format("{:.2f} % (the flows change sign {} times: another rate may also give NPV 0)", 100 * *irr,
                       changes);
  }
  const bool outflow = std::any_of(flows.begin(), flows.end(), [](double f) { return f < 0.0; });
  const bool inflow = std::any_of(flows.begin(), flows.end(), [](double f) { return f > 0.0; });
  if (!outflow) return "none (no year with a net outflow to return)";
  if (!inflow) return "none (no year with a net inflow)";
  return "none (the NPV keeps one sign at every rate from -99 % to 1000 %)";
}

std::string payback_or_why(const std::optional<double>& years, const std::vector<double>& flows,
                           int construction_years) {
  if (finance::cumulative_never_negative(flows)) return "none needed (the cumulative cash flow is never negative)";
  if (!years && finance::first_payback_years(flows)) {  // ahead once, behind at the end (T10-2)
    return fmt::format("never (the cumulative cash flow is positive at {:.1f} years, negative again at the end)",
                       *finance::first_payback_years(flows));
  }
  if (!years) return "never (the cumulative cash flow is still negative at the end)";
  return payback_text(*years, construction_years);
}

// Whether the NPV and IRR are pre-tax (user trial T16-11: only the LCOA line said "pre-tax", and an
// analyst reads an IRR against an after-tax hurdle unless told).
std::string tax_basis_text(const finance::InvestmentInputs& in) {
  return in.tax_rate > 0 ? fmt::format("after tax at investment.tax_rate {:g} %", 100 * in.tax_rate)
                         : std::string("pre-tax: investment.tax_rate 0");
}

// The retrofit's gain over keeping the old cells: its NPV, and the IRR and payback of the
// difference of the two cash flows (invest-ap60-retrofit: -389.6 M USD, IRR 2.42 %, 20.9 years).
void print_retrofit_gain(const finance::InvestmentResult& r, const finance::InvestmentInputs& in) {
  const double gain = r.incremental_npv_usd.value_or(0.0);
  std::cout << fmt::format("  retrofit against keeping the old cells: NPV {} ({}; {})\n", musd(gain),
                           gain >= 0 ? "the retrofit pays" : "keeping the old cells is worth more", tax_basis_text(in));
  std::string irr = irr_text(r.incremental_irr, r.incremental_cash_flows_usd);
  if (r.incremental_irr) {
    irr += *r.incremental_irr >= in.wacc ? fmt::format(", at or above the WACC {:.1f} %", 100 * in.wacc)
                                         : fmt::format(", below the WACC {:.1f} %", 100 * in.wacc);
  }
  std::cout << fmt::format("    of the gain (retrofit minus keeping the old cells, year by year): IRR {}   payback {}\n",
                           irr, payback_or_why(r.incremental_payback_years, r.incremental_cash_flows_usd,
                                               in.construction_years));
  // The retrofit decision's own break-even (T7-13): the plant's, printed below, is where the plant
  // is worth nothing, not where the new cells start to pay. Which side pays: the library's decision
  // (the gain at 0 and 1000 USD/MWh), as the JSON decision block and the report say.
  const bool pays_above = finance::investment_decision(in, r).pays_above_breakeven;
  std::cout << fmt::format(
      "    break-even power of the retrofit {} (the retrofit pays {} it; one price for every year "
      "of both plans, contract and after)\n",
      r.incremental_breakeven_power_usd_per_J
          ? fmt::format("{:.2f} USD/MWh", *r.incremental_breakeven_power_usd_per_J * 3.6e9)
          : std::string("none in 0-1000 USD/MWh"),
      pays_above ? "above" : "below");
}

// The [hpa] line's result (summary 'hpa'), so a text run with [hpa] does not hide it.
void print_hpa_line(const io::Json& h) {
  const auto has = [&](const char* key) { return h.contains(key) && h.at(key).is_number(); };
  const auto num = [&](const char* key) { return has(key) ? h.at(key).get<double>() : 0.0; };
  std::cout << fmt::format("  HPA line ({}, {:.0f} t/yr): margin {}/yr (first year, before tax), NPV {}\n",
                           h.value("route", std::string("?")), num("capacity_t_per_year"), musd(num("margin_usd_per_year")),
                           musd(num("npv_usd")));
  std::cout << fmt::format("  with the HPA line: NPV {}   IRR {}   payback {}\n", musd(num("npv_with_hpa_usd")),
                           has("irr_with_hpa") ? fmt::format("{:.2f} %", 100 * num("irr_with_hpa")) : "none",
                           !has("payback_years_with_hpa") ? std::string("never")
                           : num("payback_years_with_hpa") == 0.0
                               ? std::string("none needed (the cumulative cash flow is never negative)")
                               : fmt::format("{:.1f} years", num("payback_years_with_hpa")));
  if (h.contains("feed") && h.at("feed").is_object()) {  // from the plant's own pots ([purity])
    const io::Json& f = h.at("feed");
    std::cout << fmt::format("  HPA feed: the purest {:.1f} % of the pots, {:.4f} wt% Fe, {:.4f} wt% Si; {:.1f} % of "
                             "production meets {}\n",
                             100 * f.value("feed_share_of_production", 0.0), f.value("fe_wt", 0.0),
                             f.value("si_wt", 0.0), 100 * f.value("share_meeting_requirement", 0.0),
                             f.value("requirement", std::string("?")));
  }
}

// The carbon costs by calendar year (summary 'carbon'; T9-15): levelised per t of output, and the first
// and last operating years' per t.
void print_carbon_line(const io::Json& c, int construction_years) {
  if (!c.value("eu_ets", false) && !c.value("cbam", false)) return;
  const io::Json& years = c.at("years");
  const auto first = static_cast<std::size_t>(construction_years);
  if (years.size() <= first) return;
  const io::Json& a = years.at(first);
  const io::Json& b = years.back();
  const auto per_t = [](const io::Json& x) { return x.value("eu_ets_usd_per_t", 0.0); };
  std::string line = "  carbon costs (in the cash flows, by calendar year):";
  if (c.value("eu_ets", false)) {
    line += fmt::format(" EU ETS levelised {:.1f} USD/t ({} {:.1f} USD/t at free allocation {:.3f} t/t, {} {:.1f} at {:.3f})",
                        c.value("levelised_eu_ets_usd_per_t", 0.0), a.value("year", 0), per_t(a),
                        a.value("eu_ets_free_allocation_t_per_t", 0.0), b.value("year", 0), per_t(b),
                        b.value("eu_ets_free_allocation_t_per_t", 0.0));
  }
  if (c.value("cbam", false)) {
    line += fmt::format(" CBAM levelised {:.1f} USD/t of output on {:.0f} % of sales into the EU ({} {:.1f}, {} {:.1f} USD/t "
                        "sold into the EU)",
                        c.value("levelised_cbam_usd_per_t", 0.0), 100.0 * c.value("eu_sales_share", 0.0),
                        a.value("year", 0), a.value("cbam_usd_per_t_eu", 0.0), b.value("year", 0),
                        b.value("cbam_usd_per_t_eu", 0.0));
  }
  std::cout << line << "\n";
}

int run_invest(const InvestOptions& o, const GlobalOptions& global) {
  api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global)};
  if (o.vary.active()) {
    return run_vary_command(o.vary, "invest", o.sets, o.json, VaryFolder{o.out_dir, o.argv, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      return api::run_invest(point).summary;
    });
  }
  const api::InvestRun run = api::run_invest(source);
  const io::Json& j = run.summary;
  const auto& in = run.c.inputs;
  const auto& r = run.result;
  if (!o.out_dir.empty()) {
    RunFolder folder{o.out_dir, "invest", o.argv, {o.case_file}, utc_now()};
    folder.report = o.report;
    for (const auto& f : api::read_files(run)) folder.input_files.push_back(f);
    write_run_folder(folder, j, run.tables());
  }
  // Warnings on stderr, located at the input they are about (user trial T12-5); --json keeps them in
  // its "warnings" array too.
  for (const auto& w : run.located_warnings) std::cerr << w << "\n";
  if (o.json) {
    std::cout << io::dump(j);
    if (o.report) write_run_report(o.out_dir, o.json);
    return 0;
  }
  io::require_finite(j);
  std::cout << fmt::format("Investment ({}): {}{}\n", j["kind"].get<std::string>(), run.c.operating.title,
                           changed_on_command_line(o.sets));
  std::cout << fmt::format("  capex {} ({}), WACC {:.1f} %, {}\n", musd(in.capex_usd), run.c.operating.price_year,
                           100 * in.wacc, power_terms_text(in));
  // A retrofit's decision is the gain over keeping the old cells; the NPV, IRR and payback of the
  // next line are the retrofitted plant's own cash flows against the retrofit capex alone (the old
  // plant sunk). invest-ap60-retrofit printed "IRR 27.63 %" first and "-389.6 M USD" two lines
  // below: the gain now comes first and the plant's figures say whose they are.
  if (r.incremental_npv_usd) print_retrofit_gain(r, in);
  std::cout << fmt::format("  {}NPV {}   IRR {}   payback {}   ({})\n",
                           r.incremental_npv_usd ? "the plant with the new cells (the retrofit capex against the whole "
                                                   "plant's cash flows, not the gain): "
                                                 : "",
                           musd(r.npv_usd), irr_text(r.irr, r.cash_flows_usd),
                           payback_or_why(r.payback_years, r.cash_flows_usd, in.construction_years), tax_basis_text(in));
  // One flat price for every operating year (docs/model/economics.md), not the contract price:
  // `--set prices.power=49.26` leaves the post-contract price, and NPV is not 0 there.
  // The LCOA is pre-tax (docs/model/economics.md) beside an NPV after investment.tax_rate (T10-11).
  std::cout << fmt::format("  LCOA {} (pre-tax)   break-even power {} (one price for every operating year, contract and after; "
                           "bisection, tolerance {} USD/MWh{})\n",
                           r.lcoa_usd_per_kg ? fmt::format("{:.0f} USD/t", *r.lcoa_usd_per_kg * 1000.0) : "n/a",
                           r.breakeven_power_usd_per_J ? fmt::format("{:.2f} USD/MWh", *r.breakeven_power_usd_per_J * 3.6e9)
                                                       : std::string("none in 0-1000 USD/MWh"),
                           finance::kBreakevenToleranceUsdPerMWh,
                           r.incremental_npv_usd ? "; the plant's NPV = 0, not the retrofit's gain" : "");
  if (j.contains("carbon") && j["carbon"].is_object()) print_carbon_line(j["carbon"], in.construction_years);
  if (j.contains("hpa") && j["hpa"].is_object()) print_hpa_line(j["hpa"]);
  for (const auto& n : j["notes"]) std::cout << "  note: " << n.get<std::string>() << "\n";
  if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  if (o.report) write_run_report(o.out_dir, o.json);  // after the results (it came before the title)
  return 0;
}

}  // namespace

void add_invest_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto o = std::make_shared<InvestOptions>();
  CLI::App* cmd = app.add_subcommand("invest", "new-build or retrofit appraisal: NPV, IRR, payback, LCOA, break-even power price");
  cmd->add_option("case", o->case_file, "TOML invest case (see examples/invest-*.toml)")->required();
  cmd->add_option("-s,--set", o->sets, "override a case field: KEY=VALUE; repeatable")->allow_extra_args(false);
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  add_vary_options(cmd, o->vary, "invest");
  CLI::Option* out_option =
      cmd->add_option("-o,--out", o->out_dir, "write a run folder (manifest.json, summary.json, cash_flows.csv, npv_vs_power.csv; carbon.csv with [eu_ets] or CBAM)")
          ->check(run_folder_path());
  cmd->add_flag("--report", o->report, "also write the HTML report DIR/report.html (see 'potline report')")->needs(out_option);
  cmd->callback([o, &global, &exit_code]() {
    o->argv = global.command_line;
    exit_code = run_guarded([&] { return run_invest(*o, global); });
  });
}

}  // namespace potline::app

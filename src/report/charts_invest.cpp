// Report charts of potline invest: cash flows, and the NPV against the power price.
#include <fmt/format.h>

#include <cmath>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

// "power 40.0 USD/MWh for 20 contract years, then 50.0 USD/MWh" (the prices the case's NPV holds),
// or one price; summaries written before post_contract_power_usd_per_MWh give the contract price.
std::string power_terms(const Json& s) {
  const auto contract = vega::member(s, "contract_power_usd_per_MWh");
  const auto after = vega::member(s, "post_contract_power_usd_per_MWh");
  const auto years = vega::member(s, "contract_years");
  if (!after || !contract || !years || *years <= 0 || std::abs(*after - *contract) < 1e-9) {
    return fmt::format("power {} USD/MWh", vega::fixed(contract, 1));
  }
  return fmt::format("power {} USD/MWh for {:.0f} contract years, then {} USD/MWh", vega::fixed(contract, 1), *years,
                     vega::fixed(after, 1));
}

Chart cash_flow_chart(const RunData& run, const Table& t) {
  Json values = Json::array();
  double cumulative = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto flow = t.number(i, "Cash flow [USD]");
    const auto discounted = t.number(i, "Discounted [USD]");
    if (discounted) cumulative += *discounted;
    values.push_back({{"year", t.number(i, "Year").value_or(static_cast<double>(i + 1))},
                      {"cash_flow_MUSD", vega::number(flow ? std::optional<double>(*flow / 1e6) : std::nullopt)},
                      {"cumulative_discounted_MUSD", vega::number(cumulative / 1e6)},
                      {"sign", flow && *flow < 0 ? "outflow" : "inflow"}});
  }
  const Json& s = run.summary;
  Json spec = vega::base("Cash flows and cumulative discounted cash flow",
                         fmt::format("{}: NPV {} M USD at WACC {} %, {}", run.title(),
                                     vega::fixed(vega::member(s, "npv_usd"), 0, 1e-6), vega::fixed(vega::member(s, "wacc"), 1, 100),
                                     power_terms(s)),
                         640, 240);
  spec["data"] = {{"values", values}};
  Json bars = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
               {"encoding",
                {{"x", vega::field("year", "ordinal", "Project year")},
                 {"y", vega::field("cash_flow_MUSD", "quantitative", "Cash flow [million USD]")},
                 {"color", {{"field", "sign"}, {"type", "nominal"}, {"title", nullptr},
                            {"scale", {{"domain", {"outflow", "inflow"}}, {"range", {"#e45756", "#54a24b"}}}}}}}}};
  Json line = {{"mark", {{"type", "line"}, {"color", "#333"}, {"point", true}}},
               {"encoding",
                {{"x", {{"field", "year"}, {"type", "ordinal"}}},
                 {"y", vega::field("cumulative_discounted_MUSD", "quantitative", "Cumulative discounted [million USD]")}}}};
  spec["layer"] = {vega::primary(bars), line};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  return vega::chart(spec, values.size());
}

/// NPV against the power price (npv_vs_power.csv, computed by the library with the cash-flow model
/// the break-even search uses), with the case's contract price and the break-even price as rules.
Chart npv_power_chart(const RunData& run, const Table& t) {
  Json values = Json::array();
  std::size_t points = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto price = t.number(i, "Power price [USD/MWh]");
    const auto npv = t.number(i, "NPV [USD]");
    if (price && npv) ++points;
    values.push_back({{"power_usd_per_MWh", vega::number(price)},
                      {"npv_MUSD", vega::number(npv ? std::optional<double>(*npv / 1e6) : std::nullopt)},
                      {"irr_pct", vega::number(t.number(i, "IRR [1]") ? std::optional<double>(*t.number(i, "IRR [1]") * 100)
                                                                      : std::nullopt)}});
  }
  const Json& s = run.summary;
  const auto contract = vega::member(s, "contract_power_usd_per_MWh");
  const auto breakeven = vega::member(s, "breakeven_power_usd_per_MWh");
  const auto after = vega::member(s, "post_contract_power_usd_per_MWh");
  const bool two_prices = after && contract && std::abs(*after - *contract) > 1e-9 &&
                          vega::member(s, "contract_years") && *vega::member(s, "contract_years") > 0;
  // The case's own NPV is not on this curve when the price changes after the contract (466.7 M USD
  // against the curve's 541.5 at 40 USD/MWh for invest-new-build): say so where the reader looks.
  Json spec = vega::base("NPV against the power price (every operating year at that price)",
                         fmt::format("{}: break-even {} USD/MWh, case {} USD/MWh, WACC {} %{}", run.title(),
                                     vega::fixed(breakeven, 1), vega::fixed(contract, 1),
                                     vega::fixed(vega::member(s, "wacc"), 1, 100),
                                     two_prices ? fmt::format("; the case's NPV {} M USD is not on the curve: {}",
                                                              vega::fixed(vega::member(s, "npv_usd"), 1, 1e-6),
                                                              power_terms(s))
                                                : std::string()),
                         640, 240);
  Json line = {{"data", {{"values", values}}},
               {"mark", {{"type", "line"}, {"color", "#4c78a8"}}},
               {"encoding", {{"x", vega::field("power_usd_per_MWh", "quantitative", "Power price [USD/MWh]")},
                             {"y", vega::field("npv_MUSD", "quantitative", "NPV [million USD]")}}}};
  Json dots = {{"data", {{"values", values}}},
               {"mark", {{"type", "point"}, {"filled", true}, {"tooltip", true}, {"color", "#4c78a8"}}},
               {"encoding", {{"x", {{"field", "power_usd_per_MWh"}, {"type", "quantitative"}}},
                             {"y", {{"field", "npv_MUSD"}, {"type", "quantitative"}}},
                             {"tooltip", Json::array({{{"field", "power_usd_per_MWh"}, {"title", "USD/MWh"}},
                                                      {{"field", "npv_MUSD"}, {"title", "NPV M USD"}, {"format", ".1f"}},
                                                      {{"field", "irr_pct"}, {"title", "IRR %"}, {"format", ".2f"}}})}}}};
  Json rules = Json::array();
  if (contract) rules.push_back({{"power_usd_per_MWh", *contract}, {"what", "case power price"}});
  if (breakeven) rules.push_back({{"power_usd_per_MWh", *breakeven}, {"what", "break-even (NPV = 0)"}});
  Json layers = {line, vega::primary(dots)};
  layers.push_back({{"data", {{"values", Json::array({{{"npv_MUSD", 0.0}}})}}},
                    {"mark", {{"type", "rule"}, {"color", "#999"}}},
                    {"encoding", {{"y", {{"field", "npv_MUSD"}, {"type", "quantitative"}}}}}});
  if (!rules.empty()) {
    layers.push_back({{"data", {{"values", rules}}},
                      {"mark", {{"type", "rule"}, {"strokeDash", {4, 3}}, {"size", 2}}},
                      {"encoding", {{"x", {{"field", "power_usd_per_MWh"}, {"type", "quantitative"}}},
                                    {"color", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr},
                                               {"scale", {{"range", {"#f58518", "#d62728"}}}}}},
                                    {"tooltip", Json::array({{{"field", "what"}}, {{"field", "power_usd_per_MWh"}, {"title", "USD/MWh"}}})}}}});
  }
  spec["layer"] = layers;
  return vega::chart(spec, points);
}

}  // namespace

RunReport invest_report(const RunData& run) {
  RunReport r;
  if (const Table* t = run.table("cash_flows.csv")) {
    r.charts.push_back(cash_flow_chart(run, *t));
  } else {
    r.missing.push_back("cash flows: no cash_flows.csv in the run folder");
  }
  if (const Table* t = run.table("npv_vs_power.csv")) {
    r.charts.push_back(npv_power_chart(run, *t));
  } else {
    r.missing.push_back("NPV against the power price: no npv_vs_power.csv in the run folder (written by an older potline)");
  }
  return r;
}

/// Side by side: each run's NPV against the power price (npv_vs_power.csv), colour = run.
std::vector<Chart> invest_comparison(const std::vector<RunData>& runs) {
  Json values = Json::array();
  std::size_t curves = 0;
  std::size_t points = 0;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Table* t = runs[k].table("npv_vs_power.csv");
    if (!t) continue;
    ++curves;
    const std::string run = fmt::format("{}: {}", k + 1, runs[k].title());
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
      const auto price = t->number(i, "Power price [USD/MWh]");
      const auto npv = t->number(i, "NPV [USD]");
      if (price && npv) ++points;
      values.push_back({{"run", run}, {"power_usd_per_MWh", vega::number(price)},
                        {"npv_MUSD", vega::number(npv ? std::optional<double>(*npv / 1e6) : std::nullopt)}});
    }
  }
  if (curves < 2) return {};
  Json spec = vega::base("NPV against the power price side by side", fmt::format("{} invest runs; colour = run", curves), 640, 260);
  spec["data"] = {{"values", values}};
  const Json color = {{"field", "run"}, {"type", "nominal"}, {"title", "Run"}};
  Json line = {{"mark", {{"type", "line"}}},
               {"encoding", {{"x", vega::field("power_usd_per_MWh", "quantitative", "Power price [USD/MWh]")},
                             {"y", vega::field("npv_MUSD", "quantitative", "NPV [million USD]")},
                             {"color", color}}}};
  Json dots = {{"mark", {{"type", "point"}, {"filled", true}, {"tooltip", true}}},
               {"encoding", {{"x", {{"field", "power_usd_per_MWh"}, {"type", "quantitative"}}},
                             {"y", {{"field", "npv_MUSD"}, {"type", "quantitative"}}},
                             {"color", color}}}};
  Json zero = {{"data", {{"values", Json::array({{{"npv_MUSD", 0.0}}})}}},
               {"mark", {{"type", "rule"}, {"color", "#999"}}},
               {"encoding", {{"y", {{"field", "npv_MUSD"}, {"type", "quantitative"}}}}}};
  spec["layer"] = {line, vega::primary(dots), zero};
  return {vega::chart(spec, points)};
}

}  // namespace potline::report

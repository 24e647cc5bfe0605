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

// What one pair of charts draws (T14-3): a retrofit's decision is the gain over keeping the old
// cells (the incremental columns), the plant's own cash flows come second and say whose they are; a
// new build's charts are the plant's.
struct Basis {
  std::string flow_column = "Cash flow [USD]", discounted_column = "Discounted [USD]";
  std::string npv_column = "NPV [USD]", irr_column = "IRR [1]";
  std::string cash_title = "Cash flows and cumulative discounted cash flow";
  std::string npv_title = "NPV against the power price (every operating year at that price)";
  std::string cash_subtitle, npv_subtitle;
  std::string flow_axis = "Cash flow [million USD]", cumulative_axis = "Cumulative discounted [million USD]";
  std::string npv_axis = "NPV [million USD]";
  std::optional<double> breakeven;
  std::string breakeven_rule = "break-even (NPV = 0)";
};

// The case's NPV holds a contract price and a price after it: it is not on the curve of one price.
bool two_prices(const Json& s) {
  const auto contract = vega::member(s, "contract_power_usd_per_MWh");
  const auto after = vega::member(s, "post_contract_power_usd_per_MWh");
  const auto years = vega::member(s, "contract_years");
  return after && contract && years && *years > 0 && std::abs(*after - *contract) > 1e-9;
}

const Json& decision_of(const Json& s) {
  static const Json none = Json::object();
  return s.is_object() && s.contains("decision") && s["decision"].is_object() ? s["decision"] : none;
}

bool is_retrofit(const Json& s) { return vega::text(s, "kind") == "retrofit"; }

// "the retrofit pays above it": from the summary's decision block, or, for summaries written before
// it, from the two plans' power use (the retrofit pays above when the new cells use less).
std::string pays_side(const Json& s) {
  const std::string side = vega::text(decision_of(s), "pays_when_power_is");
  if (!side.empty()) return side;
  const auto now = vega::member(s, "sec_ac_kWh_per_kg"), before = vega::member(s, "existing_sec_ac_kWh_per_kg");
  return now && before && *now < *before ? "above" : "below";
}

Basis gain_basis(const Json& s) {
  const Json& d = decision_of(s);
  const auto npv = d.empty() ? vega::member(s, "incremental_npv_usd") : vega::member(d, "npv_usd");
  const auto irr = d.empty() ? vega::member(s, "incremental_irr") : vega::member(d, "irr");
  const auto wacc = vega::member(s, "wacc");
  Basis b;
  b.flow_column = "Incremental cash flow [USD]";
  b.discounted_column = "Incremental discounted [USD]";
  b.npv_column = "Incremental NPV [USD]";
  b.irr_column = "Incremental IRR [1]";
  b.breakeven = d.empty() ? vega::member(s, "incremental_breakeven_power_usd_per_MWh")
                          : vega::member(d, "breakeven_power_usd_per_MWh");
  b.cash_title = "Retrofit against keeping the old cells: cash-flow difference by year and cumulative discounted gain";
  b.npv_title = "Retrofit against keeping the old cells: NPV of the gain against the power price (every year of both plans at it)";
  b.flow_axis = "Retrofit minus old cells [million USD]";
  b.cumulative_axis = "Cumulative discounted gain [million USD]";
  b.npv_axis = "NPV of the gain [million USD]";
  b.breakeven_rule = "break-even of the retrofit";
  const std::string irr_text =
      irr ? fmt::format("IRR {} %{}", vega::fixed(irr, 2, 100),
                        wacc ? (*irr >= *wacc ? " (at or above the WACC)" : " (below the WACC)") : "")
          : std::string("no IRR");
  const std::string breakeven_text =
      b.breakeven ? fmt::format("break-even {} USD/MWh (the retrofit pays {} it)", vega::fixed(b.breakeven, 1), pays_side(s))
                  : std::string("no break-even in 0-1000 USD/MWh");
  b.cash_subtitle = fmt::format("retrofit against keeping the old cells: NPV {} M USD at WACC {} %, {}, {}; {}",
                                vega::fixed(npv, 1, 1e-6), vega::fixed(wacc, 1, 100), irr_text, breakeven_text,
                                power_terms(s));
  b.npv_subtitle = fmt::format("retrofit against keeping the old cells: {}, case {} USD/MWh, WACC {} %; the case's NPV {} M USD{}",
                               breakeven_text, vega::fixed(vega::member(s, "contract_power_usd_per_MWh"), 1),
                               vega::fixed(wacc, 1, 100), vega::fixed(npv, 1, 1e-6),
                               two_prices(s) ? " is not on the curve: " + power_terms(s) : std::string());
  return b;
}

Basis plant_basis(const RunData& run) {
  const Json& s = run.summary;
  Basis b;
  b.breakeven = vega::member(s, "breakeven_power_usd_per_MWh");
  const auto contract = vega::member(s, "contract_power_usd_per_MWh");
  const bool retrofit = is_retrofit(s);
  const std::string whose = retrofit ? "the plant with the new cells, not the retrofit's gain: " : "";
  if (retrofit) {
    b.cash_title = "The plant with the new cells (not the retrofit's gain): cash flows and cumulative discounted cash flow";
    b.npv_title = "The plant with the new cells (not the retrofit's gain): NPV against the power price";
    b.breakeven_rule = "the plant's break-even";
  }
  b.cash_subtitle = fmt::format("{}: {}NPV {} M USD at WACC {} %, {}", run.title(), whose,
                                vega::fixed(vega::member(s, "npv_usd"), retrofit ? 1 : 0, 1e-6),
                                vega::fixed(vega::member(s, "wacc"), 1, 100), power_terms(s));
  // The case's own NPV is not on this curve when the price changes after the contract (466.7 M USD
  // against the curve's 541.5 at 40 USD/MWh for invest-new-build): say so where the reader looks.
  b.npv_subtitle = fmt::format("{}: {}break-even {} USD/MWh, case {} USD/MWh, WACC {} %{}", run.title(), whose,
                               vega::fixed(b.breakeven, 1), vega::fixed(contract, 1),
                               vega::fixed(vega::member(s, "wacc"), 1, 100),
                               two_prices(s) ? fmt::format("; the case's NPV {} M USD is not on the curve: {}",
                                                        vega::fixed(vega::member(s, "npv_usd"), 1, 1e-6), power_terms(s))
                                          : std::string());
  return b;
}

Chart cash_flow_chart(const Table& t, const Basis& b) {
  Json values = Json::array();
  double cumulative = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto flow = t.number(i, b.flow_column);
    const auto discounted = t.number(i, b.discounted_column);
    if (discounted) cumulative += *discounted;
    values.push_back({{"year", t.number(i, "Year").value_or(static_cast<double>(i + 1))},
                      {"cash_flow_MUSD", vega::number(flow ? std::optional<double>(*flow / 1e6) : std::nullopt)},
                      {"cumulative_discounted_MUSD", vega::number(cumulative / 1e6)},
                      {"sign", flow && *flow < 0 ? "outflow" : "inflow"}});
  }
  Json spec = vega::base(b.cash_title, b.cash_subtitle, 640, 240);
  spec["data"] = {{"values", values}};
  Json bars = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
               {"encoding",
                {{"x", vega::field("year", "ordinal", "Project year")},
                 {"y", vega::field("cash_flow_MUSD", "quantitative", b.flow_axis)},
                 {"color", {{"field", "sign"}, {"type", "nominal"}, {"title", nullptr},
                            {"scale", {{"domain", {"outflow", "inflow"}}, {"range", {"#e45756", "#54a24b"}}}}}}}}};
  Json line = {{"mark", {{"type", "line"}, {"color", "#333"}, {"point", true}}},
               {"encoding",
                {{"x", {{"field", "year"}, {"type", "ordinal"}}},
                 {"y", vega::field("cumulative_discounted_MUSD", "quantitative", b.cumulative_axis)}}}};
  spec["layer"] = {vega::primary(bars), line};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  return vega::chart(spec, values.size());
}

/// NPV against the power price (npv_vs_power.csv, computed by the library with the cash-flow model
/// the break-even search uses), with the case's contract price and the break-even price as rules.
Chart npv_power_chart(const RunData& run, const Table& t, const Basis& b) {
  Json values = Json::array();
  std::size_t points = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto price = t.number(i, "Power price [USD/MWh]");
    const auto npv = t.number(i, b.npv_column);
    const auto irr = t.number(i, b.irr_column);
    if (price && npv) ++points;
    values.push_back({{"power_usd_per_MWh", vega::number(price)},
                      {"npv_MUSD", vega::number(npv ? std::optional<double>(*npv / 1e6) : std::nullopt)},
                      {"irr_pct", vega::number(irr ? std::optional<double>(*irr * 100) : std::nullopt)}});
  }
  const auto contract = vega::member(run.summary, "contract_power_usd_per_MWh");
  Json spec = vega::base(b.npv_title, b.npv_subtitle, 640, 240);
  Json line = {{"data", {{"values", values}}},
               {"mark", {{"type", "line"}, {"color", "#4c78a8"}}},
               {"encoding", {{"x", vega::field("power_usd_per_MWh", "quantitative", "Power price [USD/MWh]")},
                             {"y", vega::field("npv_MUSD", "quantitative", b.npv_axis)}}}};
  Json dots = {{"data", {{"values", values}}},
               {"mark", {{"type", "point"}, {"filled", true}, {"tooltip", true}, {"color", "#4c78a8"}}},
               {"encoding", {{"x", {{"field", "power_usd_per_MWh"}, {"type", "quantitative"}}},
                             {"y", {{"field", "npv_MUSD"}, {"type", "quantitative"}}},
                             {"tooltip", Json::array({{{"field", "power_usd_per_MWh"}, {"title", "USD/MWh"}},
                                                      {{"field", "npv_MUSD"}, {"title", "NPV M USD"}, {"format", ".1f"}},
                                                      {{"field", "irr_pct"}, {"title", "IRR %"}, {"format", ".2f"}}})}}}};
  Json rules = Json::array();
  if (contract) rules.push_back({{"power_usd_per_MWh", *contract}, {"what", "case power price"}});
  if (b.breakeven) rules.push_back({{"power_usd_per_MWh", *b.breakeven}, {"what", b.breakeven_rule}});
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

// Why a chart of `file` is not drawn: the file or its column is missing.
std::string not_drawn(const std::string& what, const Table* t, const std::string& file, const std::string& column) {
  return t ? fmt::format("{}: {} has no column \"{}\" (written by an older potline)", what, file, column)
           : fmt::format("{}: no {} in the run folder", what, file);
}

// The pair of charts of one basis, or why each is not drawn.
void add_charts(const RunData& run, const Basis& b, const std::string& whose, RunReport& r) {
  const Table* cash = run.table("cash_flows.csv");
  if (cash && cash->column(b.flow_column) >= 0) {
    r.charts.push_back(cash_flow_chart(*cash, b));
  } else {
    r.missing.push_back(not_drawn(whose + "cash flows", cash, "cash_flows.csv", b.flow_column));
  }
  const Table* npv = run.table("npv_vs_power.csv");
  if (npv && npv->column(b.npv_column) >= 0) {
    r.charts.push_back(npv_power_chart(run, *npv, b));
  } else {
    r.missing.push_back(not_drawn(whose + "NPV against the power price", npv, "npv_vs_power.csv", b.npv_column));
  }
}
}  // namespace

RunReport invest_report(const RunData& run) {
  RunReport r;
  // A retrofit's page leads with its decision, the retrofit against keeping the old cells (user
  // trial T14-3: it led with the plant's NPV +662 M USD and break-even 66.2 USD/MWh, while the
  // retrofit loses 391.9 M USD and pays only above 102.9 USD/MWh).
  if (is_retrofit(run.summary)) add_charts(run, gain_basis(run.summary), "retrofit against keeping the old cells: ", r);
  add_charts(run, plant_basis(run), is_retrofit(run.summary) ? "the plant with the new cells: " : "", r);
  return r;
}

/// Side by side: each run's NPV against the power price (npv_vs_power.csv), colour = run; a
/// retrofit's curve is its decision, the gain over keeping the old cells (T14-3), and says so.
std::vector<Chart> invest_comparison(const std::vector<RunData>& runs) {
  Json values = Json::array();
  std::size_t curves = 0;
  std::size_t points = 0;
  bool any_gain = false;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Table* t = runs[k].table("npv_vs_power.csv");
    if (!t) continue;
    ++curves;
    const bool gain = is_retrofit(runs[k].summary) && t->column("Incremental NPV [USD]") >= 0;
    any_gain = any_gain || gain;
    const std::string run =
        fmt::format("{}: {}{}", k + 1, runs[k].title(), gain ? " (retrofit against keeping the old cells)" : "");
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
      const auto price = t->number(i, "Power price [USD/MWh]");
      const auto npv = t->number(i, gain ? "Incremental NPV [USD]" : "NPV [USD]");
      if (price && npv) ++points;
      values.push_back({{"run", run}, {"power_usd_per_MWh", vega::number(price)},
                        {"npv_MUSD", vega::number(npv ? std::optional<double>(*npv / 1e6) : std::nullopt)}});
    }
  }
  if (curves < 2) return {};
  Json spec = vega::base("NPV against the power price side by side",
                         fmt::format("{} invest runs; colour = run{}", curves,
                                     any_gain ? "; a retrofit's curve is its gain over keeping the old cells, not the plant's NPV" : ""),
                         640, 260);
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

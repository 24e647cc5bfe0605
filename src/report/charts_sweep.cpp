// Report of a sweep's results store (`potline sweep ... --out FILE.sqlite`): the distribution of the
// world outcomes and of the regional prices per scenario (P10-P90 whiskers, as the sweep text's P50
// [P10-P90]; 25-75 % box; median tick: quantiles computed here, so the page draws exactly one box per group), and tornadoes of
// the uncertain inputs' effect on the world price and on the marginal cost. Titles and axes come
// from the declared metrics (potline/sweep/metrics.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "potline/report/charts.hpp"
#include "potline/sweep/metrics.hpp"
#include "potline/sweep/read_results.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

/// Quantile with linear interpolation between order statistics (Hyndman & Fan type 7, the
/// default of R and numpy). `sorted` must be sorted and non-empty.
double quantile(const std::vector<double>& sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Json box_row(const std::string& group, const std::string& scenario, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double mean = 0;
  for (double x : v) mean += x / static_cast<double>(v.size());
  return {{"group", group}, {"scenario", scenario}, {"p10", vega::number(quantile(v, 0.10))},
          {"p25", vega::number(quantile(v, 0.25))}, {"median", vega::number(quantile(v, 0.5))},
          {"p75", vega::number(quantile(v, 0.75))}, {"p90", vega::number(quantile(v, 0.90))},
          {"mean", vega::number(mean)}, {"n", v.size()}};
}

/// Box glyphs: whisker rule p10-p90 (the sweep text's P10-P90, T14-12), counted bar p25-p75, median
/// tick; y = group, yOffset = scenario.
Chart box_chart(const std::string& title, const std::string& subtitle, const std::string& x_title, const Json& rows,
                bool by_scenario) {
  Json spec = vega::base(title, subtitle, 640, 0);
  spec["height"] = {{"step", by_scenario ? 14 : 24}};
  spec["data"] = {{"values", rows}};
  const Json y = {{"field", "group"}, {"type", "nominal"}, {"title", nullptr}};
  const Json offset = {{"field", "scenario"}};
  const Json color = {{"field", "scenario"}, {"type", "nominal"}, {"title", "Scenario"}};
  Json x = vega::field("p10", "quantitative", x_title);
  x["scale"] = {{"zero", false}};
  Json whisker = {{"mark", {{"type", "rule"}}},
                  {"encoding", {{"y", y}, {"x", x}, {"x2", {{"field", "p90"}}}, {"color", color}}}};
  Json box = {{"mark", {{"type", "bar"}, {"height", 8}, {"tooltip", {{"content", "data"}}}}},
              {"encoding", {{"y", y}, {"x", {{"field", "p25"}, {"type", "quantitative"}}}, {"x2", {{"field", "p75"}}}, {"color", color}}}};
  Json median = {{"mark", {{"type", "tick"}, {"color", "black"}, {"size", 10}}},
                 {"encoding", {{"y", y}, {"x", {{"field", "median"}, {"type", "quantitative"}}}}}};
  if (by_scenario) {
    for (Json* layer : {&whisker, &box, &median}) (*layer)["encoding"]["yOffset"] = offset;
  }
  spec["layer"] = {whisker, vega::primary(box), median};
  return vega::chart(spec, rows.size());
}

/// (scenario, sample) -> the uncertain inputs by name, and the world outcomes the tornadoes are of
/// under the keys "world/METRIC".
using BySample = std::map<std::pair<std::string, std::string>, std::map<std::string, double>>;

/// Tornado: for each uncertain input, the univariate least-squares slope of the world `metric` on
/// the input times the input's 10-90 % range, over the first scenario's samples: a linear,
/// one-at-a-time reading of the Monte Carlo, not a variance decomposition.
void add_tornado(const RunData& run, const std::string& scenario, const BySample& by_sample, const std::string& metric,
                 RunReport& r) {
  const std::string outcome = "world/" + metric;
  const sweep::StoredMetric* declared = sweep::find_stored_metric("world", metric);
  const std::string name = declared ? std::string(declared->title) : metric;
  const std::string unit = declared ? std::string(declared->unit) : "";
  std::map<std::string, std::vector<std::pair<double, double>>> pairs;
  for (const auto& [key, m] : by_sample) {
    const auto y = m.find(outcome);
    if (y == m.end()) continue;
    for (const auto& [input, x] : m) {
      if (input.rfind("world/", 0) != 0) pairs[input].push_back({x, y->second});
    }
  }
  Json bars = Json::array();
  for (const auto& [input, xy] : pairs) {
    if (xy.size() < 3) continue;
    double mx = 0, my = 0;
    for (const auto& [x, y] : xy) mx += x / static_cast<double>(xy.size()), my += y / static_cast<double>(xy.size());
    double sxy = 0, sxx = 0;
    for (const auto& [x, y] : xy) sxy += (x - mx) * (y - my), sxx += (x - mx) * (x - mx);
    if (sxx <= 0) continue;
    std::vector<double> xs;
    for (const auto& p : xy) xs.push_back(p.first);
    std::sort(xs.begin(), xs.end());
    const double swing = sxy / sxx * (quantile(xs, 0.9) - quantile(xs, 0.1));
    bars.push_back({{"input", input}, {"low", vega::number(my - swing / 2)}, {"high", vega::number(my + swing / 2)},
                    {"swing_usd_per_t", vega::number(swing)}, {"magnitude", vega::number(std::fabs(swing))}});
  }
  if (!bars.empty()) {
    // A domain symmetric about 0 centres the diverging scheme on no swing: "domainMid" with swings
    // of one sign lay outside the data's domain and Vega warned in the console (user trial T8-5).
    double colour_span = 0;
    for (const auto& b : bars) {
      if (b.at("magnitude").is_number()) colour_span = std::max(colour_span, b.at("magnitude").get<double>());
    }
    if (!(colour_span > 0)) colour_span = 1;
    Json spec = vega::base(fmt::format("Tornado: {} swing across each input's 10-90 % range [{}]", name, unit),
                           fmt::format("{}: scenario '{}', linear (univariate regression over the samples)", run.title(),
                                       scenario),
                           640, 30 * static_cast<int>(bars.size()) + 20);
    spec["data"] = {{"values", bars}};
    spec["layer"] = {vega::primary(
        {{"mark", {{"type", "bar"}, {"tooltip", true}}},
         {"encoding", {{"y", {{"field", "input"}, {"type", "nominal"}, {"title", nullptr},
                              {"sort", {{"field", "magnitude"}, {"order", "descending"}}}}},
                       {"x", {{"field", "low"}, {"type", "quantitative"}, {"title", sweep::metric_axis_title("world", metric)},
                              {"scale", {{"zero", false}}}}},
                       {"x2", {{"field", "high"}}},
                       {"color", {{"field", "swing_usd_per_t"}, {"type", "quantitative"}, {"title", "Swing [" + unit + "]"},
                                  {"scale", {{"scheme", "redblue"}, {"domain", {-colour_span, colour_span}},
                                             {"reverse", true}}}}}}}})};
    r.charts.push_back(vega::chart(spec, bars.size()));
  } else {
    r.missing.push_back("tornado of the " + name + ": the store has no uncertain inputs with spread, or no " + metric +
                        " (a store written before it was stored)");
  }
}

}  // namespace

RunReport sweep_report(const RunData& run) {
  RunReport r;
  const Table* t = run.table("results");
  if (!t || t->rows.empty()) {
    r.missing.push_back("distributions: the store holds no results");
    return r;
  }
  // (entity, metric, scenario) -> values; (scenario, sample) -> inputs and marginal cost.
  std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>> values;
  std::vector<std::string> scenarios;
  BySample by_sample;
  for (std::size_t i = 0; i < t->rows.size(); ++i) {
    const auto v = t->number(i, "value");
    if (!v) continue;
    const std::string scenario = t->text(i, "scenario");
    if (std::find(scenarios.begin(), scenarios.end(), scenario) == scenarios.end()) scenarios.push_back(scenario);
    const std::string entity = t->text(i, "entity");
    const std::string metric = t->text(i, "metric");
    values[entity][metric][scenario].push_back(*v);
    if (scenario == scenarios.front() && (entity == "input" || entity == "world")) {
      by_sample[{scenario, t->text(i, "sample")}][entity == "input" ? metric : "world/" + metric] = *v;
    }
  }
  const std::string subtitle = fmt::format("{}: {} scenario(s); whiskers P10-P90 (as the text's P50 [P10-P90]), box 25-75 %, tick median", run.title(),
                                           scenarios.size());
  const std::vector<std::string> world{"world_price_usd_per_t", "marginal_cost_usd_per_t", "production_Mt",
                                       "curtailed_Mt", "emissions_Mt_co2e"};
  HtmlTable table{"World outcomes by scenario (quantiles over the samples)",
                  {"Metric", "Unit", "Key", "Scenario", "Samples", "10 %", "25 %", "Median", "75 %", "90 %", "Mean"}, {}};
  for (const auto& metric : world) {
    const sweep::StoredMetric* declared = sweep::find_stored_metric("world", metric);
    const std::string name = declared ? std::string(declared->title) : metric;
    const std::string unit = declared ? std::string(declared->unit) : "";
    Json rows = Json::array();
    for (const auto& s : scenarios) {
      const auto& v = values["world"][metric][s];
      if (v.empty()) continue;
      const Json row = box_row(s, s, v);
      rows.push_back(row);
      table.rows.push_back({name, unit, metric, s, std::to_string(v.size()), vega::cell_text(row["p10"]), vega::cell_text(row["p25"]),
                            vega::cell_text(row["median"]), vega::cell_text(row["p75"]), vega::cell_text(row["p90"]),
                            vega::cell_text(row["mean"])});
    }
    if (!rows.empty()) {
      r.charts.push_back(box_chart(fmt::format("{} by scenario [{}]", name, unit), subtitle,
                                   sweep::metric_axis_title("world", metric), rows, false));
    }
  }
  Json prices = Json::array();
  for (const auto& [entity, metrics] : values) {
    if (entity.rfind("region:", 0) != 0 || !metrics.count("price_usd_per_t")) continue;
    for (const auto& s : scenarios) {
      const auto it = metrics.at("price_usd_per_t").find(s);
      if (it != metrics.at("price_usd_per_t").end() && !it->second.empty()) prices.push_back(box_row(entity.substr(7), s, it->second));
    }
  }
  if (!prices.empty()) {
    r.charts.push_back(box_chart("Regional aluminium prices by scenario [USD/t]", subtitle,
                                 sweep::metric_axis_title("region", "price_usd_per_t"), prices, true));
  }
  add_tornado(run, scenarios.front(), by_sample, "world_price_usd_per_t", r);
  add_tornado(run, scenarios.front(), by_sample, "marginal_cost_usd_per_t", r);
  r.tables.push_back(table);
  return r;
}

}  // namespace potline::report

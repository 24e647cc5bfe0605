// Report charts of `potline fleet`: the industry cost curve (bar width = capacity, height = C1,
// colour = region, regional prices as lines), a world map of smelters (world-atlas countries,
// Natural Earth 1:110m), regional prices and the trade flows between regions; a path of years
// (path.csv) in charts_fleet_path.cpp.
#include <fmt/format.h>

#include <optional>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

// A path's run folder charts its last year in the single-year charts (cost curve, map, prices,
// balance, flows); their subtitles say so, as the text output does (user trial 7, T7-14).
std::string year_title(const RunData& run) {
  const Json& s = run.summary;
  const bool path = s.contains("path") && s["path"].is_array() && s["path"].size() > 1;
  if (!path || !s.contains("year") || !s["year"].is_number()) return run.title();
  return fmt::format("{} — year {} (the path's last)", run.title(), s["year"].get<int>());
}

/// Marker the page replaces with the world-atlas topojson (embedded once per page).
Json world_data() { return {{"potline_asset", "world-110m"}}; }

Chart cost_curve(const RunData& run, const Table& t, const Json& region_prices) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto end = t.number(i, "cumulative_capacity_Mt_per_year");
    const auto cap = t.number(i, "capacity_kt_per_year");
    values.push_back({{"name", t.text(i, "name")}, {"region", t.text(i, "region")},
                      {"start_Mt", vega::number(end && cap ? std::optional<double>(*end - *cap / 1000.0) : std::nullopt)},
                      {"end_Mt", vega::number(end)}, {"capacity_kt", vega::number(cap)},
                      {"c1_usd_per_t", vega::number(t.number(i, "c1_usd_per_t"))},
                      {"co2e_t_per_t", vega::number(t.number(i, "co2e_t_per_t"))}});
  }
  const Json& s = run.summary;
  Json spec = vega::base("Industry cost curve: C1 cash cost against cumulative capacity",
                         fmt::format("{}: {} smelters, marginal cost {} USD/t; dashed lines: regional prices", year_title(run),
                                     t.rows.size(), vega::fixed(vega::member(s, "marginal_cost_usd_per_t"), 0)),
                         760, 320);
  spec["data"] = {{"values", values}};
  Json layers = Json::array();
  layers.push_back(vega::primary(
      {{"mark", {{"type", "rect"}, {"tooltip", true}}},
       {"encoding",
        {{"x", vega::field("start_Mt", "quantitative", "Cumulative capacity [Mt/yr]")},
         {"x2", {{"field", "end_Mt"}}},
         {"y", vega::field("c1_usd_per_t", "quantitative", "C1 cash cost [USD/t]")},
         {"y2", {{"datum", 0}}},
         {"color", {{"field", "region"}, {"type", "nominal"}, {"title", "Region"}, {"scale", {{"scheme", "tableau20"}}}}},
         {"tooltip", Json::array({{{"field", "name"}}, {{"field", "region"}}, {{"field", "capacity_kt"}, {"title", "kt/yr"}},
                                   {{"field", "c1_usd_per_t"}, {"title", "C1 USD/t"}}})}}}}));
  if (!region_prices.empty()) {
    layers.push_back({{"data", {{"values", region_prices}}},
                      {"mark", {{"type", "rule"}, {"strokeDash", {4, 3}}}},
                      {"encoding", {{"y", {{"field", "price_usd_per_t"}, {"type", "quantitative"}}},
                                    {"color", {{"field", "region"}, {"type", "nominal"}}},
                                    {"tooltip", Json::array({{{"field", "region"}}, {{"field", "price_usd_per_t"}, {"title", "price USD/t"}}})}}}});
  }
  spec["layer"] = layers;
  return vega::chart(spec, values.size());
}

Chart world_map(const RunData& run, const Table& t, std::size_t& located) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto lat = t.number(i, "lat_deg");
    const auto lon = t.number(i, "lon_deg");
    if (!lat || !lon) continue;
    values.push_back({{"name", t.text(i, "name")}, {"region", t.text(i, "region")}, {"lat", *lat}, {"lon", *lon},
                      {"capacity_kt", vega::number(t.number(i, "capacity_kt_per_year"))},
                      {"c1_usd_per_t", vega::number(t.number(i, "c1_usd_per_t"))},
                      {"co2e_t_per_t", vega::number(t.number(i, "co2e_t_per_t"))}});
  }
  located = values.size();
  Json spec = vega::base("Smelters of the world: size = capacity, colour = C1 cash cost",
                         fmt::format("{}: {} of {} cost-curve rows located; the others are listed below the charts as not on the map", year_title(run),
                                     values.size(), t.rows.size()),
                         760, 400);
  spec["projection"] = {{"type", "equalEarth"}};
  Json land = {{"data", world_data()}, {"mark", {{"type", "geoshape"}, {"fill", "#e8e8e8"}, {"stroke", "#bbb"}, {"strokeWidth", 0.5}}}};
  Json dots = {{"data", {{"values", values}}},
               {"mark", {{"type", "circle"}, {"opacity", 0.8}, {"stroke", "#333"}, {"strokeWidth", 0.5}}},
               {"encoding",
                {{"longitude", {{"field", "lon"}, {"type", "quantitative"}}},
                 {"latitude", {{"field", "lat"}, {"type", "quantitative"}}},
                 {"size", {{"field", "capacity_kt"}, {"type", "quantitative"}, {"title", "Capacity [kt/yr]"}}},
                 {"color", {{"field", "c1_usd_per_t"}, {"type", "quantitative"}, {"title", "C1 [USD/t]"}, {"scale", {{"scheme", "viridis"}}}}},
                 {"tooltip", Json::array({{{"field", "name"}}, {{"field", "capacity_kt"}, {"title", "kt/yr"}},
                                          {{"field", "c1_usd_per_t"}, {"title", "C1 USD/t"}},
                                          {{"field", "co2e_t_per_t"}, {"title", "t CO2e/t"}}})}}}};
  spec["layer"] = {land, vega::primary(dots)};
  return vega::chart(spec, values.size());
}

/// The cost-curve rows the map cannot place: regional aggregates (no single site) and smelters whose
/// coordinates data/smelters.csv does not give. Their capacity still counts in every other chart.
HtmlTable not_on_map(const Table& t) {
  HtmlTable out{"Not on the map (no coordinates: regional aggregates and smelters without a located site)",
                {"Name", "Region", "Aggregate", "Capacity [kt/yr]", "Production [kt/yr]"},
                {}};
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (t.number(i, "lat_deg") && t.number(i, "lon_deg")) continue;
    out.rows.push_back({t.text(i, "name"), t.text(i, "region"), t.text(i, "aggregate") == "true" ? "yes" : "no",
                        t.text(i, "capacity_kt_per_year"), t.text(i, "production_kt_per_year")});
  }
  out.title += fmt::format(": {} of {} rows", out.rows.size(), t.rows.size());
  return out;
}

Chart region_balance(const RunData& run, const Table& t) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    for (const auto& [column, what] : std::vector<std::pair<std::string, std::string>>{
             {"capacity_Mt_per_year", "capacity"}, {"production_Mt_per_year", "production"}, {"consumption_Mt_per_year", "consumption"}}) {
      values.push_back({{"region", t.text(i, "region")}, {"what", what}, {"Mt", vega::number(t.number(i, column))}});
    }
  }
  Json spec = vega::base("Capacity, production and consumption by region", year_title(run), 760, 220);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                                  {"encoding", {{"x", vega::field("region", "nominal", "Region")},
                                                {"xOffset", {{"field", "what"}}},
                                                {"y", vega::field("Mt", "quantitative", "Metal [Mt/yr]")},
                                                {"color", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr}}}}}})};
  return vega::chart(spec, values.size());
}

// The LME a case gives is the reference of its price year (2024 for the backtest and its paths);
// beside a path's last-year prices it is named as such, not as that year's price.
std::string lme_subtitle(const RunData& run) {
  const Json& s = run.summary;
  const std::string lme = vega::fixed(vega::member(s, "lme_usd_per_t"), 0);
  const bool path = s.contains("path") && s["path"].is_array() && s["path"].size() > 1;
  if (path && s.contains("price_year") && s["price_year"].is_number() && s.contains("year") && s["year"].is_number()) {
    return fmt::format("{}: LME reference {} USD/t (the case's {} input, not a {} price)", year_title(run), lme,
                       s["price_year"].get<int>(), s["year"].get<int>());
  }
  return fmt::format("{}: LME reference {} USD/t", year_title(run), lme);
}

Chart region_prices_chart(const RunData& run, const Json& prices) {
  Json spec = vega::base("Regional aluminium prices (trade LP)",
                         lme_subtitle(run), 760, 200);
  spec["data"] = {{"values", prices}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                                  {"encoding", {{"x", vega::field("region", "nominal", "Region")},
                                                {"y", vega::field("price_usd_per_t", "quantitative", "Price [USD/t]")},
                                                {"color", {{"field", "region"}, {"type", "nominal"}, {"legend", nullptr}}}}}})};
  return vega::chart(spec, prices.size());
}

Chart flows_chart(const RunData& run, const Table& t) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    values.push_back({{"from", t.text(i, "from")}, {"to", t.text(i, "to")}, {"Mt", vega::number(t.number(i, "flow_Mt_per_year"))}});
  }
  Json spec = vega::base("Trade flows between regions (rows: exporter, columns: importer)", year_title(run), 480, 360);
  spec["data"] = {{"values", values}};
  Json cells = {{"mark", {{"type", "rect"}, {"tooltip", true}}},
                {"encoding", {{"y", vega::field("from", "nominal", "From (producing region)")},
                              {"x", vega::field("to", "nominal", "To (consuming region)")},
                              {"color", {{"field", "Mt"}, {"type", "quantitative"}, {"title", "Flow [Mt/yr]"}, {"scale", {{"scheme", "blues"}}}}}}}};
  Json text = {{"mark", {{"type", "text"}, {"fontSize", 9}}},
               {"encoding", {{"y", {{"field", "from"}, {"type", "nominal"}}}, {"x", {{"field", "to"}, {"type", "nominal"}}},
                             {"text", {{"field", "Mt"}, {"type", "quantitative"}, {"format", ".2f"}}}}}};
  spec["layer"] = {vega::primary(cells), text};
  return vega::chart(spec, values.size());
}

// regions.csv leaves published_premium_usd_per_t empty where a region has no published benchmark
// (premium_basis estimate or none, T13-14): no data is missing there, so the table shows "—".
HtmlTable regions_table(const Table& t) {
  HtmlTable out{"Regions (regions.csv)", t.columns, t.rows};
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    if (out.columns[c] != "published_premium_usd_per_t") continue;
    for (auto& row : out.rows)
      if (c < row.size() && row[c].empty()) row[c] = "—";
  }
  return out;
}

}  // namespace

std::optional<Chart> fleet_path_chart(const RunData& run, const Table& t);  // charts_fleet_path.cpp
std::vector<Chart> flexible_capacity_charts(const RunData& run);          // charts_fleet_flex.cpp

RunReport fleet_report(const RunData& run) {
  RunReport r;
  Json prices = Json::array();
  if (run.summary.contains("price_by_region_usd_per_t")) {
    for (const auto& [region, p] : run.summary["price_by_region_usd_per_t"].items()) {
      prices.push_back({{"region", region}, {"price_usd_per_t", vega::number(p.is_number() ? std::optional<double>(p.get<double>()) : std::nullopt)}});
    }
  }
  if (const Table* t = run.table("cost_curve.csv")) {
    r.charts.push_back(cost_curve(run, *t, prices));
    if (t->column("lat_deg") >= 0) {
      std::size_t located = 0;
      Chart map = world_map(run, *t, located);
      if (located > 0) r.charts.push_back(std::move(map));
      r.tables.push_back(not_on_map(*t));
    } else {
      r.missing.push_back("world map: cost_curve.csv has no lat_deg/lon_deg columns (written by an older potline)");
    }
  } else {
    r.missing.push_back("cost curve and map: no cost_curve.csv in the run folder");
  }
  if (!prices.empty()) r.charts.push_back(region_prices_chart(run, prices));
  if (const Table* t = run.table("regions.csv")) r.charts.push_back(region_balance(run, *t));
  if (const Table* t = run.table("flows.csv")) {
    if (!t->rows.empty()) r.charts.push_back(flows_chart(run, *t));
    r.tables.push_back({"Trade flows (flows.csv)", t->columns, t->rows});
  }
  if (const Table* t = run.table("regions.csv")) r.tables.push_back(regions_table(*t));
  for (Chart& c : flexible_capacity_charts(run)) r.charts.push_back(std::move(c));
  if (const Table* t = run.table("flex_capacity.csv")) {
    r.tables.push_back({"Flexible capacity per smelter (flex_capacity.csv)", t->columns, t->rows});
  }
  if (const Table* t = run.table("ccs_retrofit.csv")) {
    if (auto c = fleet_ccs_chart(run, *t)) r.charts.push_back(std::move(*c));
    r.tables.push_back({"Carbon capture retrofits (ccs_retrofit.csv)", t->columns, t->rows});
  }
  if (const Table* t = run.table("hpa.csv")) {
    if (auto c = fleet_hpa_chart(run, *t)) r.charts.push_back(std::move(*c));
    r.tables.push_back({"High-purity product per smelter (hpa.csv)", t->columns, t->rows});
  }
  if (const Table* t = run.table("path.csv")) {
    if (auto c = fleet_path_chart(run, *t)) {
      r.charts.push_back(std::move(*c));
    } else {
      r.missing.push_back("scenario years: path.csv has no rows with a year");
    }
  }
  return r;
}

std::vector<Chart> fleet_comparison(const std::vector<RunData>& runs) {
  Json values = Json::array();
  std::size_t curves = 0;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Table* t = runs[k].table("cost_curve.csv");
    if (!t) continue;
    ++curves;
    const std::string run = fmt::format("{}: {}", k + 1, runs[k].title());
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
      const auto end = t->number(i, "cumulative_capacity_Mt_per_year");
      const auto cap = t->number(i, "capacity_kt_per_year");
      const auto c1 = t->number(i, "c1_usd_per_t");
      // Two points per smelter (start and end of its bar) draw the curve as steps.
      values.push_back({{"run", run}, {"Mt", vega::number(end && cap ? std::optional<double>(*end - *cap / 1000.0) : std::nullopt)},
                        {"c1_usd_per_t", vega::number(c1)}, {"order", 2 * i}});
      values.push_back({{"run", run}, {"Mt", vega::number(end)}, {"c1_usd_per_t", vega::number(c1)}, {"order", 2 * i + 1}});
    }
  }
  if (curves < 2) return {};
  Json spec = vega::base("Cost curves side by side", fmt::format("{} fleet runs; colour = run", curves), 760, 320);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "line"}, {"strokeWidth", 1.5}}},
                                  {"encoding", {{"x", vega::field("Mt", "quantitative", "Cumulative capacity [Mt/yr]")},
                                                {"y", vega::field("c1_usd_per_t", "quantitative", "C1 cash cost [USD/t]")},
                                                {"order", {{"field", "order"}, {"type", "quantitative"}}},
                                                {"color", {{"field", "run"}, {"type", "nominal"}, {"title", "Run"}}}}}})};
  return {vega::chart(spec, curves)};
}

}  // namespace potline::report

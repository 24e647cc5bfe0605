// Report chart of a fleet path of scenario years (fleet.year .. fleet.last_year; path.csv): the
// regional prices, production by region, the CBAM cost of each region's metal sold into the EU and
// the EUA price, year by year. Columns are looked up by name: a path.csv of an older version
// without the CBAM columns draws the other panels.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

Json year_axis() {
  Json x = vega::field("year", "quantitative", "Scenario year");
  x["axis"] = {{"format", "d"}, {"tickMinStep", 1}};
  x["scale"] = {{"zero", false}, {"nice", false}};
  return x;
}

/// Regions with at least one value of `key`, and (with `nonzero`) at least one value other than 0.
std::size_t series_count(const Json& values, const std::string& key, bool nonzero) {
  std::vector<std::string> regions;
  for (const auto& v : values) {
    if (!v[key].is_number() || (nonzero && v[key].get<double>() == 0.0)) continue;
    const std::string region = v["region"].get<std::string>();
    if (std::find(regions.begin(), regions.end(), region) == regions.end()) regions.push_back(region);
  }
  return regions.size();
}

/// One panel: a line (or stacked area) per region, counted as unit `index`.
Json region_panel(const std::string& title, const std::string& key, const std::string& y_title, const std::string& mark,
                  int index, const Json& filter = nullptr) {
  Json y = vega::field(key, "quantitative", y_title);
  if (mark == "area") y["stack"] = "zero";
  Json unit = {{"mark", {{"type", mark}, {"tooltip", true}}},
               {"encoding", {{"x", year_axis()}, {"y", y},
                             {"color", {{"field", "region"}, {"type", "nominal"}, {"title", "Region"},
                                        {"scale", {{"scheme", "tableau20"}}}}}}}};
  if (!filter.is_null()) unit["transform"] = Json::array({{{"filter", filter}}});
  return {{"title", title}, {"width", 720}, {"height", 150}, {"layer", Json::array({vega::primary(unit, index)})}};
}

}  // namespace

std::optional<Chart> fleet_path_chart(const RunData& run, const Table& t) {
  Json values = Json::array();
  Json eua = Json::array();
  std::optional<double> first, last;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto year = t.number(i, "year");
    if (!year) continue;
    first = first ? std::min(*first, *year) : *year;
    last = last ? std::max(*last, *year) : *year;
    values.push_back({{"year", *year},
                      {"region", t.text(i, "region")},
                      {"price_usd_per_t", vega::number(t.number(i, "price_usd_per_t"))},
                      {"production_Mt", vega::number(t.number(i, "production_Mt_per_year"))},
                      {"cbam_usd_per_t", vega::number(t.number(i, "cbam_usd_per_t"))},
                      {"cbam_year", vega::number(t.number(i, "cbam_year"))}});
    const auto price = t.number(i, "eua_eur_per_t");
    if (price && (eua.empty() || eua.back()["year"] != *year)) eua.push_back({{"year", *year}, {"eua_eur_per_t", *price}});
  }
  if (values.empty()) return std::nullopt;
  std::size_t marks = 0;
  Json panels = Json::array();
  int index = 0;
  if (const std::size_t n = series_count(values, "price_usd_per_t", false); n > 0) {
    panels.push_back(region_panel("Regional aluminium prices by year (trade LP)", "price_usd_per_t", "Price [USD/t]", "line", index++));
    marks += n;
  }
  if (const std::size_t n = series_count(values, "production_Mt", false); n > 0) {
    panels.push_back(region_panel("Production by region (stacked)", "production_Mt", "Production [Mt/yr]", "area", index++));
    marks += n;
  }
  if (const std::size_t n = series_count(values, "cbam_usd_per_t", true); n > 0) {
    // Regions whose metal pays no CBAM in any year (the EU's own, or before the first CBAM year) are left out.
    Json nonzero = Json::array();
    for (const auto& v : values) {
      if (v["cbam_usd_per_t"].is_number() && v["cbam_usd_per_t"].get<double>() != 0.0) nonzero.push_back(v["region"]);
    }
    std::sort(nonzero.begin(), nonzero.end());
    nonzero.erase(std::unique(nonzero.begin(), nonzero.end()), nonzero.end());
    // The route decides the figure (user trial 16, T16-4): "actual" (each smelter's modelled direct
    // emissions, the fleet's default) or "default" (the country default values with their mark-up).
    const std::string route = vega::text(run.summary, "cbam_route", "");
    const std::string basis = route == "actual"    ? "; route actual: each smelter's modelled emissions, not the country default values"
                              : route == "default" ? "; route default: the country default values with their mark-up"
                                                   : "";
    panels.push_back(region_panel("CBAM cost of each region's metal if sold into the EU" +
                                      (route.empty() ? std::string() : " (route " + route + ")"),
                                  "cbam_usd_per_t", "CBAM [USD/t Al]", "line", index++,
                                  Json{{"field", "region"}, {"oneOf", nonzero}}));
    // The basis under the title: as one title it drew the stacked chart 1314 px wide (T16-12).
    panels.back()["title"] = {{"text", panels.back()["title"]},
                              {"subtitle", vega::wrapped_subtitle("production-weighted mean over its smelters" + basis, 720)},
                              {"anchor", "start"}};
    marks += n;
  }
  if (!eua.empty()) {
    Json unit = {{"data", {{"values", eua}}},
                 {"mark", {{"type", "line"}, {"color", "#333"}, {"tooltip", true}}},
                 {"encoding", {{"x", year_axis()}, {"y", vega::field("eua_eur_per_t", "quantitative", "EUA [EUR/t CO2]")}}}};
    panels.push_back({{"title", "EU emission allowance (EUA) price of the path"}, {"width", 720}, {"height", 110},
                      {"layer", Json::array({vega::primary(unit, index++)})}});
    marks += 1;
  }
  Json spec = vega::base(fmt::format("Scenario years {}-{}: prices, production by region, CBAM and EUA", vega::fixed(first, 0),
                                     vega::fixed(last, 0)),
                         fmt::format("{}: one LP per year; which smelters ran carries into the next year (path.csv)", run.title()),
                         720, 150);
  spec.erase("width");
  spec.erase("height");
  spec["data"] = {{"values", values}};
  spec["vconcat"] = panels;
  return vega::chart(spec, marks);
}

}  // namespace potline::report

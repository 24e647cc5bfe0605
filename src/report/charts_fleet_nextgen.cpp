// Fleet report charts of issue 14: carbon capture retrofitted on named smelters (ccs_retrofit.csv,
// docs/model/ccs.md) and the high-purity product of smelters whose own metal meets a grade, with the
// upgrading line beside them (hpa.csv, docs/model/hpa.md). Columns are looked up by name, so a
// file of an older version without a column leaves that bar out rather than failing.
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

/// One bar per smelter and series, side by side (`xOffset`); counted as unit `index`.
/// `series` is (column of the CSV, legend text); rows whose cell is missing draw no bar.
Json paired_bars(const Table& t, const std::vector<std::pair<std::string, std::string>>& series, const std::string& title,
                 const std::string& y_title, int index, std::size_t& marks) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    for (const auto& [column, what] : series) {
      const auto v = t.number(i, column);
      if (!v) continue;
      values.push_back({{"id", t.text(i, "id")}, {"what", what}, {"value", *v}});
      ++marks;
    }
  }
  Json unit = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
               {"encoding", {{"x", vega::field("id", "nominal", "Smelter")},
                             {"xOffset", {{"field", "what"}}},
                             {"y", vega::field("value", "quantitative", y_title)},
                             {"color", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr}}},
                             {"tooltip", Json::array({{{"field", "id"}}, {{"field", "what"}},
                                                      {{"field", "value"}, {"format", ".4~g"}}})}}}};
  return {{"title", title}, {"width", 720}, {"height", 170}, {"data", {{"values", values}}},
          {"layer", Json::array({vega::primary(unit, index)})}};
}

/// Legend texts of the grade split, in stack order (bottom first): the two first are the metal
/// meeting the grade (the panel's title says so); short enough for the legend's label width.
constexpr const char* kSold = "sold at the grade premium";
constexpr const char* kToLine = "fed to the HPA line";
constexpr const char* kMeets = "meets the grade (no split)";
constexpr const char* kBelow = "below the grade";

/// One stacked bar per smelter: its production split into the share sold at the grade premium
/// (grade_share_sold), the share meeting the grade that its HPA line refines instead
/// (grade_share_to_line) and the rest (1 - grade_share). A row of an hpa.csv written before the
/// split (no such columns or empty cells) shows grade_share whole. Zero segments draw no bar.
Json grade_split_bars(const Table& t, int index, std::size_t& marks) {
  Json values = Json::array();
  std::vector<std::string> used;
  const auto add = [&](std::size_t i, const char* what, int order, double v) {
    if (!(v > 0.0)) return;
    values.push_back({{"id", t.text(i, "id")}, {"what", what}, {"order", order}, {"value", v}});
    if (std::find(used.begin(), used.end(), what) == used.end()) used.emplace_back(what);
    ++marks;
  };
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto share = t.number(i, "grade_share");
    if (!share) continue;
    const auto sold = t.number(i, "grade_share_sold");
    const auto to_line = t.number(i, "grade_share_to_line");
    if (sold && to_line) {
      add(i, kSold, 0, *sold);
      add(i, kToLine, 1, *to_line);
    } else {
      add(i, kMeets, 0, *share);
    }
    add(i, kBelow, 3, 1.0 - *share);
  }
  // Fixed legend order and colours: premium metal dark, the line's feed orange, the rest grey.
  Json domain = Json::array();
  Json range = Json::array();
  for (const auto& [what, colour] : std::vector<std::pair<std::string, std::string>>{
           {kSold, "#4c78a8"}, {kToLine, "#f58518"}, {kMeets, "#72b7b2"}, {kBelow, "#d3d3d3"}}) {
    if (std::find(used.begin(), used.end(), what) == used.end()) continue;
    domain.push_back(what);
    range.push_back(colour);
  }
  Json y = vega::field("value", "quantitative", "Share of production [-]");
  y["stack"] = "zero";
  y["scale"] = {{"domain", Json::array({0, 1})}};
  Json unit = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
               {"encoding", {{"x", vega::field("id", "nominal", "Smelter")},
                             {"y", y},
                             {"order", {{"field", "order"}, {"type", "quantitative"}}},
                             {"color", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr},
                                        {"scale", {{"domain", domain}, {"range", range}}},
                                        {"legend", {{"labelLimit", 320}}}}},
                             {"tooltip", Json::array({{{"field", "id"}}, {{"field", "what"}},
                                                      {{"field", "value"}, {"format", ".4~g"}, {"title", "share [-]"}}})}}}};
  return {{"title", "Share of each smelter's own metal that meets the product grade, and where it goes"},
          {"width", 720}, {"height", 170}, {"data", {{"values", values}}},
          {"layer", Json::array({vega::primary(unit, index)})}};
}

/// A chart of stacked panels (one "primary" unit each), or nothing when no panel has a bar.
std::optional<Chart> panels_chart(const std::string& title, const std::string& subtitle, Json panels, std::size_t marks) {
  if (marks == 0) return std::nullopt;
  Json spec = vega::base(title, subtitle, 720, 170);
  spec.erase("width");
  spec.erase("height");
  spec["vconcat"] = std::move(panels);
  // Each panel has its own series: shared offset and colour scales would leave gaps for the others'.
  spec["resolve"] = {{"scale", {{"color", "independent"}, {"xOffset", "independent"}}}};
  return vega::chart(spec, marks);
}

}  // namespace

std::optional<Chart> fleet_ccs_chart(const RunData& run, const Table& t) {
  std::size_t marks = 0;
  Json panels = Json::array();
  panels.push_back(paired_bars(t, {{"c1_without_usd_per_t", "without capture"}, {"c1_usd_per_t", "with capture"}},
                               "C1 cash cost with and without capture", "C1 [USD/t Al]", 0, marks));
  panels.push_back(paired_bars(t, {{"direct_co2e_without_t_per_t", "direct, without"}, {"direct_co2e_t_per_t", "direct, with"},
                                   {"co2e_without_t_per_t", "scope 1+2, without"}, {"co2e_t_per_t", "scope 1+2, with"}},
                               "Emissions intensity with and without capture", "Emissions [t CO2e/t Al]", 1, marks));
  panels.push_back(paired_bars(t, {{"cbam_without_usd_per_t", "without capture"}, {"cbam_usd_per_t", "with capture"}},
                               "CBAM cost of the smelter's metal sold into the EU", "CBAM [USD/t Al]", 2, marks));
  // Two break-even prices: on scope 1 (a captive power plant's CO2 for the capture's electricity
  // counted) and against CBAM (direct emissions only), lower on captive fossil power.
  panels.push_back(paired_bars(t, {{"breakeven_co2_price_usd_per_t", "break-even CO2 price on scope 1"},
                                   {"breakeven_cbam_co2_price_usd_per_t", "break-even CBAM certificate price"},
                                   {"cost_usd_per_t_co2_avoided", "cost per t CO2 avoided"}},
                               "Carbon price at which capture pays, and its cost per tonne avoided", "[USD/t CO2]", 3, marks));
  return panels_chart("Carbon capture retrofitted on named smelters (ccs_retrofit.csv)",
                      fmt::format("{}: {} smelter(s) with capture; the 'without' bars are the same smelter in the same scenario "
                                  "without it", run.title(), t.rows.size()),
                      std::move(panels), marks);
}

std::optional<Chart> fleet_hpa_chart(const RunData& run, const Table& t) {
  std::size_t marks = 0;
  Json panels = Json::array();
  panels.push_back(grade_split_bars(t, 0, marks));
  panels.push_back(paired_bars(t, {{"c1_usd_per_t", "C1"}, {"c1_net_of_grade_premium_usd_per_t", "C1 net of the grade premium"}},
                               "C1 cash cost with the grade premium credited", "C1 [USD/t Al]", 1, marks));
  panels.push_back(paired_bars(t, {{"grade_income_musd_per_year", "grade premium income"},
                                   {"upgrading_margin_musd_per_year", "upgrading line margin"}},
                               "Income of the high-purity product", "[million USD/yr]", 2, marks));
  return panels_chart("High-purity metal: smelters' own grade and the upgrading line (hpa.csv)",
                      fmt::format("{}: {} smelter(s); grade and route per row in the table below", run.title(), t.rows.size()),
                      std::move(panels), marks);
}

}  // namespace potline::report

// Report charts of the fleet's flexible capacity (issue 13 part 5; summary `flexible_capacity`,
// written when fleet.flex is set; docs/model/flexibility.md §9): the power each region draws and
// the power it can move, and how long each technology's representative cell holds the level down
// and up.
#include <fmt/format.h>

#include <optional>
#include <vector>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

/// Flexible capacity by region (issue 13 part 5): the power each region's producing smelters draw
/// and the share of it they could move for the horizon (summary `flexible_capacity`, written when
/// fleet.flex is set; per smelter in flex_capacity.csv).
std::optional<Chart> flexible_capacity_chart(const RunData& run) {
  const Json& s = run.summary;
  if (!s.contains("flexible_capacity") || !s["flexible_capacity"].is_object()) return std::nullopt;
  const Json& f = s["flexible_capacity"];
  if (!f.contains("by_region") || !f["by_region"].is_object()) return std::nullopt;
  Json values = Json::array();
  for (const auto& item : f["by_region"].items()) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda (P1091R3).
    const std::string region = item.key();
    const Json& r = item.value();
    const auto get = [&r](const char* key) {
      return vega::number(r.contains(key) && r[key].is_number()
                              ? std::optional<double>(r[key].get<double>())
                              : std::nullopt);
    };
    values.push_back(
        {{"region", region}, {"what", "power drawn"}, {"MW", get("power_MW")}, {"MWh", nullptr}});
    values.push_back({{"region", region},
                      {"what", "flexible"},
                      {"MW", get("flexible_MW")},
                      {"MWh", get("flexible_MWh")}});
  }
  Json spec = vega::base(
      "Flexible capacity by region: power drawn and power that can be moved",
      fmt::format("{}: configuration {}, ±{} % for up to {} h (hold from the {}); world {} MW "
                  "flexible, {} MWh per "
                  "event both ways (down {} MWh, up {} MWh)",
                  run.title(), vega::text(f, "configuration", "?"),
                  vega::fixed(vega::member(f, "power_percent"), 0),
                  vega::fixed(vega::member(f, "duration_h"), 0), vega::text(f, "source", "preset"),
                  vega::fixed(vega::member(f, "flexible_MW"), 0),
                  vega::fixed(vega::member(f, "flexible_MWh"), 0),
                  vega::fixed(vega::member(f, "down_MWh"), 0),
                  vega::fixed(vega::member(f, "up_MWh"), 0)),
      760, 220);
  spec["data"] = {{"values", values}};
  spec["layer"] = {
      vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                     {"encoding",
                      {{"x", vega::field("region", "nominal", "Region")},
                       {"xOffset", {{"field", "what"}}},
                       {"y", vega::field("MW", "quantitative", "Power [MW]")},
                       {"color", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr}}},
                       {"tooltip", Json::array({{{"field", "region"}},
                                                {{"field", "what"}},
                                                {{"field", "MW"}, {"format", ".0f"}},
                                                {{"field", "MWh"}, {"format", ".0f"}}})}}}})};
  return vega::chart(spec, values.size());
}

/// Hours each technology (at its line current) holds −level and +level in the dynamic model
/// (by_technology; absent with fleet.flex_source = preset, whose hold is the horizon itself).
std::optional<Chart> hours_by_technology_chart(const RunData& run) {
  const Json& s = run.summary;
  if (!s.contains("flexible_capacity") || !s["flexible_capacity"].is_object()) return std::nullopt;
  const Json& f = s["flexible_capacity"];
  if (!f.contains("by_technology") || !f["by_technology"].is_array() || f["by_technology"].empty())
    return std::nullopt;
  Json values = Json::array();
  for (const Json& t : f["by_technology"]) {
    if (!t.is_object()) continue;
    const std::string cell = fmt::format("{} {} kA", vega::text(t, "technology", "?"),
                                         vega::fixed(vega::member(t, "line_current_kA"), 0));
    for (const char* dir : {"down", "up"}) {
      const std::string d(dir);
      values.push_back({{"cell", cell},
                        {"direction", fmt::format("{} {} %", d,
                                                  vega::fixed(vega::member(t, d + "_percent"), 0))},
                        {"hours", vega::number(vega::member(t, d + "_hold_h"))},
                        {"limit", vega::text(t, d + "_limit", "")},
                        {"smelters", vega::number(vega::member(t, "smelters"))},
                        {"power_MW", vega::number(vega::member(t, "power_MW"))}});
    }
  }
  Json spec = vega::base(
      "Flexible capacity by technology: hours the level holds down and up",
      fmt::format(
          "{}: configuration {}, ±{} % for up to {} h; a representative cell of each technology at "
          "its "
          "smelters' line current in the dynamic model (the limit that ends a hold in the tooltip)",
          run.title(), vega::text(f, "configuration", "?"),
          vega::fixed(vega::member(f, "power_percent"), 0),
          vega::fixed(vega::member(f, "duration_h"), 0)),
      760, 220);
  spec["data"] = {{"values", values}};
  spec["layer"] = {
      vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                     {"encoding",
                      {{"x", vega::field("cell", "nominal", "Technology and line current")},
                       {"xOffset", {{"field", "direction"}}},
                       {"y", vega::field("hours", "quantitative", "Hold [h]")},
                       {"color", {{"field", "direction"}, {"type", "nominal"}, {"title", nullptr}}},
                       {"tooltip", Json::array({{{"field", "cell"}},
                                                {{"field", "direction"}},
                                                {{"field", "hours"}, {"format", ".1f"}},
                                                {{"field", "limit"}},
                                                {{"field", "smelters"}},
                                                {{"field", "power_MW"}, {"format", ".0f"}}})}}}})};
  return vega::chart(spec, values.size());
}

}  // namespace

std::vector<Chart> flexible_capacity_charts(const RunData& run) {
  std::vector<Chart> charts;
  if (auto c = flexible_capacity_chart(run)) charts.push_back(std::move(*c));
  if (auto c = hours_by_technology_chart(run)) charts.push_back(std::move(*c));
  return charts;
}

}  // namespace potline::report

// Simulate report chart of issue 14: the metal grade over time (purity_taps.csv, written when the
// case follows the metal pad's Fe and Si: docs/model/purity.md). Each tap is a point at its Fe and
// Si content, coloured by the grade it meets, with the grade limits of the standard grade table
// (purity::grade_table, the table the model classifies with) as rules; and the share of the tapped
// metal by grade from the summary.
#include <fmt/format.h>

#include "potline/purity/purity.hpp"
#include "potline/report/charts.hpp"
#include "ordinal.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

constexpr std::size_t kMaxTapsDrawn = 3000;  // points per panel (every k-th tap beyond)
constexpr double kPercent = 100.0;            // the grade table holds mass fractions, the CSV wt%

/// One panel: every drawn tap's `key` against time, the grade limits of `limit` as dashed rules.
Json tap_panel(const std::string& title, const std::string& key, const std::string& y_title, const Json& limits,
               const std::string& limit, int index) {
  Json x = vega::field("t_h", "quantitative", "Time [h]");
  Json points = {{"mark", {{"type", "point"}, {"filled", true}, {"tooltip", true}}},
                 {"encoding", {{"x", x}, {"y", vega::field(key, "quantitative", y_title)},
                               {"color", {{"field", "grade"}, {"type", "nominal"}, {"title", "Grade of the tap"},
                                          {"sort", purity::grade_names()}}},
                               {"tooltip", Json::array({{{"field", "t_h"}, {"title", "h"}}, {{"field", "cell"}},
                                                        {{"field", key}, {"format", ".4f"}}, {{"field", "grade"}}})}}}};
  Json rules = {{"data", {{"values", limits}}},
                {"mark", {{"type", "rule"}, {"strokeDash", {4, 3}}, {"color", "#888"}}},
                {"encoding", {{"y", {{"field", limit}, {"type", "quantitative"}}}}}};
  Json labels = {{"data", {{"values", limits}}},
                 {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 3}, {"dy", -5}, {"color", "#666"}, {"x", 0}}},
                 {"encoding", {{"y", {{"field", limit}, {"type", "quantitative"}}}, {"text", {{"field", "label"}}}}}};
  return {{"title", title}, {"width", 720}, {"height", 170},
          {"layer", Json::array({rules, labels, vega::primary(points, index)})}};
}

}  // namespace

std::optional<Chart> purity_taps_chart(const RunData& run, const Table& t) {
  const std::size_t stride = t.rows.size() > kMaxTapsDrawn ? (t.rows.size() + kMaxTapsDrawn - 1) / kMaxTapsDrawn : 1;
  Json values = Json::array();
  std::size_t fe_points = 0, si_points = 0;
  for (std::size_t i = 0; i < t.rows.size(); i += stride) {
    const auto fe = t.number(i, "fe_wt_pct");
    const auto si = t.number(i, "si_wt_pct");
    const std::string grade = t.text(i, "grade");
    values.push_back({{"t_h", vega::number(t.number(i, "time_h"))}, {"cell", t.text(i, "cell")},
                      {"fe", vega::number(fe)}, {"si", vega::number(si)}, {"grade", grade.empty() ? "below P1020" : grade}});
    fe_points += fe && t.number(i, "time_h") ? 1 : 0;
    si_points += si && t.number(i, "time_h") ? 1 : 0;
  }
  if (fe_points + si_points == 0) return std::nullopt;
  Json limits = Json::array();
  for (const auto& g : purity::grade_table()) {
    limits.push_back({{"label", g.name}, {"fe_max", g.fe_max * kPercent}, {"si_max", g.si_max * kPercent}});
  }
  Json panels = Json::array();
  panels.push_back(tap_panel("Fe of each tap, with the grades' Fe maxima", "fe", "Fe [wt%]", limits, "fe_max", 0));
  panels.push_back(tap_panel("Si of each tap, with the grades' Si maxima", "si", "Si [wt%]", limits, "si_max", 1));
  Json spec = vega::base("Metal grade over time: every tap's Fe and Si against the grade limits",
                         fmt::format("{}: {} taps (purity_taps.csv); colour = purest grade the tap meets", run.title(), t.rows.size()),
                         720, 170);
  spec.erase("width");
  spec.erase("height");
  spec["data"] = {{"values", values}};
  spec["vconcat"] = panels;
  const std::string note = stride > 1 ? fmt::format("every {} of {} taps drawn", ordinal(stride), t.rows.size()) : "";
  return vega::chart(spec, fe_points + si_points, note);
}

HtmlTable purity_grade_table(const RunData& run) {
  HtmlTable out{"Metal tapped by grade (summary.json purity)", {"Grade", "Share of the tapped metal"}, {}};
  if (!run.summary.contains("purity") || !run.summary["purity"].is_object()) return out;
  const Json& p = run.summary["purity"];
  if (p.contains("tapped_share_by_grade") && p["tapped_share_by_grade"].is_object()) {
    for (const auto& [grade, share] : p["tapped_share_by_grade"].items()) {
      out.rows.push_back({grade, vega::cell_text(share)});
    }
  }
  for (const char* key : {"steady_fe_wt", "steady_si_wt", "mean_fe_wt", "max_fe_wt", "mean_si_wt", "max_si_wt"}) {
    if (p.contains(key)) out.rows.push_back({fmt::format("{} [wt%]", key), vega::cell_text(p[key])});
  }
  return out;
}

}  // namespace potline::report

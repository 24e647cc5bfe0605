// Report of a --vary run folder (command "vary"): each varied key's outputs as line charts against
// the values given, and the table itself.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

/// "30 USD/MWh" -> (30, "USD/MWh"); "0.25" -> (0.25, ""); text that does not start with a number -> nothing.
std::optional<std::pair<double, std::string>> number_and_unit(const std::string& text) {
  double x = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(begin, end, x);
  if (ec != std::errc() || !std::isfinite(x)) return std::nullopt;
  std::string unit(stop, end);
  const auto first = unit.find_first_not_of(' ');
  unit = first == std::string::npos ? "" : unit.substr(first);
  return std::make_pair(x, unit);
}

struct Varied {
  std::string key;
  std::vector<const Json*> rows;  ///< the summary's rows for this key, in order
};

std::vector<Varied> group_by_key(const Json& rows) {
  std::vector<Varied> out;
  for (const auto& row : rows) {
    const std::string key = vega::text(row, "key");
    if (out.empty() || out.back().key != key) out.push_back({key, {}});
    out.back().rows.push_back(&row);
  }
  return out;
}

/// One chart per varied key: a small line chart per output (own y axis), x = the values. Values
/// with one unit are a quantitative axis; values such as technology names are ordinal, in the order given.
Chart varied_key_chart(const RunData& run, const Varied& v, const std::vector<std::string>& outputs) {
  std::optional<std::string> unit;
  bool numeric = true;
  for (const Json* row : v.rows) {
    const auto p = number_and_unit(vega::text(*row, "value"));
    if (!p || (unit && *unit != p->second)) {
      numeric = false;
      break;
    }
    unit = p->second;
  }
  const std::string x_title = v.key + (numeric && unit && !unit->empty() ? " [" + *unit + "]" : "");
  Json panels = Json::array();
  std::size_t marks = 0;
  int index = 0;
  for (const auto& output : outputs) {
    Json values = Json::array();
    for (std::size_t i = 0; i < v.rows.size(); ++i) {
      const Json& row = *v.rows[i];
      const std::string text = vega::text(row, "value");
      const auto p = number_and_unit(text);
      const auto y = row.contains("outputs") ? vega::member(row["outputs"], output) : std::nullopt;
      if (y) ++marks;
      values.push_back({{"x", numeric ? vega::number(p ? std::optional<double>(p->first) : std::nullopt) : Json(text)},
                        {"order", i}, {"value", text}, {"y", vega::number(y)}});
    }
    const Json x = numeric ? vega::field("x", "quantitative", x_title)
                           : Json{{"field", "x"}, {"type", "ordinal"}, {"title", x_title}, {"sort", nullptr}};
    // The y axis need not start at zero: the chart is about how the output moves with the input.
    Json y = vega::field("y", "quantitative", output);
    y["scale"] = {{"zero", false}};
    Json dots = {{"mark", {{"type", "point"}, {"filled", true}, {"color", "#4c78a8"}, {"size", 40}}},
                 {"encoding", {{"x", x}, {"y", y},
                               {"tooltip", Json::array({{{"field", "value"}, {"title", v.key}}, {{"field", "y"}, {"title", output}}})}}}};
    Json layers = Json::array();
    if (numeric) {  // a line between numeric values; text values (technologies) are separate points
      layers.push_back({{"mark", {{"type", "line"}, {"color", "#4c78a8"}}},
                        {"encoding", {{"x", x}, {"y", y}, {"order", {{"field", "order"}}}}}});
    }
    layers.push_back(vega::primary(dots, index++));
    panels.push_back({{"title", output}, {"width", 300}, {"height", 160}, {"data", {{"values", values}}}, {"layer", layers}});
  }
  Json spec = vega::base(fmt::format("Outputs against {} (one input varied at a time)", v.key),
                         fmt::format("{}: potline {} --vary; every other input at the case's value", run.title(),
                                     vega::text(run.summary, "command", "?")),
                         0, 0);
  spec.erase("width");
  spec.erase("height");
  // Two panels a row, as vconcat of hconcat: the same panels as a general "concat" (with or without
  // "columns") drew nothing in Chromium with the embedded libraries, without an error.
  Json rows = Json::array();
  for (std::size_t i = 0; i < panels.size(); i += 2) {
    Json row = Json::array({panels[i]});
    if (i + 1 < panels.size()) row.push_back(panels[i + 1]);
    rows.push_back({{"hconcat", row}});
  }
  spec["vconcat"] = rows;
  return vega::chart(spec, marks, marks == 0 ? "no output has a number at these values (all missing)" : "");
}

}  // namespace

RunReport vary_report(const RunData& run) {
  RunReport r;
  const Json& s = run.summary;
  std::vector<std::string> outputs;
  if (s.contains("outputs") && s["outputs"].is_array()) {
    for (const auto& o : s["outputs"]) {
      if (o.is_string()) outputs.push_back(o.get<std::string>());
    }
  }
  if (!s.contains("rows") || !s["rows"].is_array() || s["rows"].empty() || outputs.empty()) {
    r.missing.push_back("--vary charts: the summary has no rows or no outputs");
  } else {
    for (const Varied& v : group_by_key(s["rows"])) r.charts.push_back(varied_key_chart(run, v, outputs));
  }
  if (const Table* t = run.table("vary.csv")) r.tables.push_back({"The --vary table (vary.csv)", t->columns, t->rows});
  return r;
}

}  // namespace potline::report

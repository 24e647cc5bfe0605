// Shared Vega-Lite builders and the per-command dispatch of the report.
#include "vega.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/core/text.hpp"

namespace potline::report::vega {

io::Json number(std::optional<double> x) { return x && std::isfinite(*x) ? io::Json(*x) : io::Json(nullptr); }
io::Json number(double x) { return number(std::optional<double>(x)); }

namespace {

/// `text` broken at spaces into lines of at most `max_chars` (a longer word stays whole), each but the
/// last ending with its space, appended to `lines`.
void wrap_into(io::Json& lines, const std::string& text, std::size_t max_chars) {
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::size_t end = space == std::string::npos ? text.size() : space + 1;
    const std::string word = text.substr(at, end - at);
    if (!line.empty() && line.size() + word.size() > max_chars + 1) {
      lines.push_back(line);  // its trailing space kept: the lines' text joins back into the sentence
      line.clear();
    }
    line += word;
    at = end;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
}

}  // namespace

io::Json wrapped_subtitle(const std::vector<std::string>& lines, int width) {
  // Vega-Lite's subtitle font averages about 6 px a character (measured in the browser test: every
  // chart of every report fits 1100 px).
  const std::size_t max_chars = static_cast<std::size_t>(std::max(40, width / 6));
  if (lines.size() == 1 && lines.front().size() <= max_chars) return lines.front();
  io::Json out = io::Json::array();
  for (const auto& l : lines) wrap_into(out, l, max_chars);
  return out;
}

io::Json wrapped_subtitle(const std::string& text, int width) {
  return wrapped_subtitle(std::vector<std::string>{text}, width);
}

io::Json base(const std::string& title, const std::string& subtitle, int width, int height) {
  io::Json spec;
  spec["title"] = {{"text", title}, {"subtitle", wrapped_subtitle(subtitle, width)}, {"anchor", "start"}};
  spec["width"] = width;
  spec["height"] = height;
  return spec;
}

io::Json field(const std::string& name, const std::string& type, const std::string& axis_title) {
  return {{"field", name}, {"type", type}, {"title", axis_title}};
}

io::Json primary(io::Json unit, int index) {
  unit["name"] = index == 0 ? std::string(kPrimaryMarks) : fmt::format("{}_{}", kPrimaryMarks, index);
  return unit;
}

Chart chart(io::Json spec, std::size_t expected_marks, std::string note) {
  Chart c;
  c.spec = std::move(spec);
  c.expected_marks = expected_marks;
  c.note = std::move(note);
  return c;
}

std::optional<double> member(const io::Json& obj, const std::string& key) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_number()) return std::nullopt;
  return obj[key].get<double>();
}

std::string text(const io::Json& obj, const std::string& key, const std::string& fallback) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return fallback;
  return obj[key].get<std::string>();
}

std::string fixed(std::optional<double> x, int digits, double scale) {
  return x && std::isfinite(*x * scale) ? fmt::format("{:.{}f}", *x * scale, digits) : std::string("missing");
}

std::string label(std::string key) {
  for (char& ch : key) {
    if (ch == '_') ch = ' ';
  }
  return key;
}

std::string cell_text(const io::Json& v) {
  if (v.is_null()) return "missing";
  if (v.is_number_float()) {
    // Fixed notation, 6 significant digits, and floating-point noise as 0: the page printed
    // "npv_usd -3.59045e+08" and "extra_production_t -2.32831e-13" (user trial T12-10).
    const double x = v.get<double>();
    if (!std::isfinite(x)) return "missing";
    return std::fabs(x) < kNoise ? "0" : core::format_significant(x, 6);
  }
  if (v.is_number()) return v.dump();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace potline::report::vega

namespace potline::report {

RunReport build_run_report(const RunData& run) {
  if (run.command == "cell") return cell_report(run);
  if (run.command == "smelter") return smelter_report(run);
  if (run.command == "invest") return invest_report(run);
  if (run.command == "simulate") return simulate_report(run);
  if (run.command == "fleet") return fleet_report(run);
  if (run.command == "sweep") return sweep_report(run);
  if (run.command == "vary") return vary_report(run);
  if (run.command == "flex") return flex_report(run);
  return {};
}

std::vector<Chart> fleet_comparison(const std::vector<RunData>& runs);
std::vector<Chart> simulate_comparison(const std::vector<RunData>& runs);
std::vector<Chart> plant_comparison(const std::vector<RunData>& runs);
std::vector<Chart> invest_comparison(const std::vector<RunData>& runs);

std::vector<Chart> comparison_charts(const std::vector<RunData>& runs) {
  if (runs.size() < 2) return {};
  for (const auto& r : runs) {
    if (r.command != runs.front().command) return {};
  }
  const std::string& command = runs.front().command;
  if (command == "simulate") return simulate_comparison(runs);
  if (command == "fleet") return fleet_comparison(runs);
  if (command == "cell" || command == "smelter") return plant_comparison(runs);
  if (command == "invest") return invest_comparison(runs);
  return {};
}

HtmlTable summary_table(const RunData& run) {
  HtmlTable t;
  t.title = "Summary (summary.json)";
  t.columns = {"Key (unit in the name)", "Value"};
  // A null in the summary is a value the run defines as undefined (the onset alumina of a run
  // without anode effect, the recovery of a window never recovered): "—", not "missing".
  for (const auto& [key, value] : flatten(run.summary)) {
    t.rows.push_back({key, value.is_null() ? std::string("—") : vega::cell_text(value)});
  }
  return t;
}

}  // namespace potline::report

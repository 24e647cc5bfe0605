#pragma once
// Small builders for Vega-Lite specifications shared by the per-command chart files.
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/report/charts.hpp"

namespace potline::report::vega {

/// A finite number or JSON null (Vega-Lite treats null as missing and does not draw it).
io::Json number(std::optional<double> x);
io::Json number(double x);

/// A subtitle that fits a chart `width` px wide: one line as one string when it fits (about width / 6
/// characters, at least 40), else an array of lines broken at spaces, each wrapped line but a paragraph's
/// last ending with its space (user trial T16-12: one-line subtitles ran past the chart and were cut off
/// at 1300 px, the caveat with them). `lines` are paragraphs: each starts a new line.
io::Json wrapped_subtitle(const std::vector<std::string>& lines, int width);
io::Json wrapped_subtitle(const std::string& text, int width);

/// A top-level spec: title (what the chart shows) and subtitle (which run; wrapped_subtitle), size in
/// pixels.
io::Json base(const std::string& title, const std::string& subtitle, int width, int height);

/// A quantitative/nominal field encoding with an axis title that carries the unit.
io::Json field(const std::string& name, const std::string& type, const std::string& axis_title);

/// A layer unit named "primary" (its marks are counted by the tests); `index` > 0 gives
/// "primary_<index>" for the second and later counted units of one spec (names must be unique).
io::Json primary(io::Json unit, int index = 0);

/// A chart with its expected mark count.
Chart chart(io::Json spec, std::size_t expected_marks, std::string note = "");

/// obj[key] when it is a number, else nothing (absent, null or text).
std::optional<double> member(const io::Json& obj, const std::string& key);

/// obj[key] when it is a string, else `fallback` (absent, null, a number: foreign files must not throw).
std::string text(const io::Json& obj, const std::string& key, const std::string& fallback = "");

/// `x` with `digits` decimals (times `scale`), or "missing" (subtitles never show a made-up 0).
std::string fixed(std::optional<double> x, int digits, double scale = 1.0);

/// "term_name" -> "term name".
std::string label(std::string key);

/// Below this magnitude a summary value is floating-point noise (-2.3e-13 t of extra metal) and its
/// table cell reads 0: no report quantity (t, MWh, EUR, USD, °C, kA, wt%) is meaningful there.
inline constexpr double kNoise = 1e-9;
/// Format for HTML tables: a number in fixed notation with 6 significant digits (every integer
/// digit of a larger one: "-359044914"), 0 below kNoise, "missing" for null.
std::string cell_text(const io::Json& v);

}  // namespace potline::report::vega

// The report page (see html.hpp). Layout: a header, one section per run (provenance, charts,
// tables, warnings, the summary), a comparison when two or more runs of one command are given,
// then the chart data as JSON and the script that draws every chart with vega-embed (SVG).
#include "potline/report/html.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/report/charts.hpp"
#include "potline/report/compare.hpp"
#include "potline/version.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;max-width:1000px;padding:1em 1.5em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-top:2px solid #ccc;padding-top:.6em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1em}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;overflow-wrap:anywhere}td.num{text-align:right;font-variant-numeric:tabular-nums}
table.provenance th{width:11em}figure{margin:1em 0}figcaption,p.caption{font-size:.8em;color:#555}
.missing{color:#a33}.warn{color:#8a5a00}details{margin:.5em 0}code{font-size:.9em}
.vega-embed{display:block}
)";

// Draws every chart; window.potlineReport says how many were drawn and which failed (read by the
// browser tests). The world map's data is embedded once and put into the specs that ask for it.
constexpr const char* kRenderScript = R"(
(function () {
  var charts = JSON.parse(document.getElementById('potline-charts').textContent);
  var worldElement = document.getElementById('potline-world');
  var world = worldElement ? JSON.parse(worldElement.textContent) : null;
  var status = window.potlineReport = {charts: charts.length, rendered: 0, failed: [], done: false};
  function inject(node) {
    if (Array.isArray(node)) { node.forEach(inject); return; }
    if (!node || typeof node !== 'object') return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === 'data' && value && value.potline_asset === 'world-110m') {
        node[key] = {values: world, format: {type: 'topojson', feature: 'countries'}};
      } else {
        inject(value);
      }
    });
  }
  var jobs = charts.map(function (chart) {
    inject(chart.spec);
    return vegaEmbed('#' + chart.id, chart.spec, {renderer: 'svg', actions: false})
      .then(function () { status.rendered += 1; })
      .catch(function (error) {
        status.failed.push(chart.id + ': ' + error);
        console.error('chart ' + chart.id + ' could not be drawn: ' + error);
        document.getElementById(chart.id).textContent = 'This chart could not be drawn: ' + error;
      });
  });
  Promise.all(jobs).then(function () {
    status.done = true;
    var libs = document.getElementById('potline-libraries');
    if (libs) libs.textContent = 'Charts drawn by Vega ' + vega.version + ', Vega-Lite ' + vegaLite.version +
      ' and vega-embed ' + vegaEmbed.version + ', embedded in this file.';
  });
})();
)";

// Significant digits of a number written in a CSV cell ("15.000000000769482": 17), or 0 when the
// cell is not wholly a finite number. Used to shorten the run folder's full-precision CSV numbers.
bool is_number(const std::string& text) {
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && std::isfinite(x);
}

int significant_digits(const std::string& text) {
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(x)) return 0;
  const std::string mantissa = text.substr(0, text.find_first_of("eE"));
  int digits = 0;
  bool leading = true;
  for (char c : mantissa) {
    if (!std::isdigit(static_cast<unsigned char>(c))) continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits;
}

std::string td(const std::string& text) {
  const bool numeric = !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) ||
                                         (text[0] == '-' && text.size() > 1 && std::isdigit(static_cast<unsigned char>(text[1]))));
  // The CSV tables hold every digit (potlines.csv: SEC 15.000000000769482, load 295.17453800282175);
  // the page shows 6 significant digits, as its summary table does, and the full value on hover.
  // Fixed notation (every integer digit) and noise below vega::kNoise as 0: the page printed money as
  // "-3.59045e+08" and "-2.32831e-13" t of extra metal (user trial T12-10).
  const double x = numeric ? std::strtod(text.c_str(), nullptr) : 0.0;
  if (numeric && x != 0.0 && std::fabs(x) < vega::kNoise) {
    return fmt::format("<td class=\"num\" title=\"{}\">0</td>", escape_html(text));
  }
  if (numeric && (significant_digits(text) > 6 || text.find_first_of("eE") != std::string::npos)) {
    const std::string shown = core::format_significant(x, 6);
    if (shown != text) return fmt::format("<td class=\"num\" title=\"{}\">{}</td>", escape_html(text), escape_html(shown));
  }
  return fmt::format("<td{}>{}</td>", numeric ? " class=\"num\"" : "", escape_html(text));
}

std::string html_table(const HtmlTable& t) {
  std::string out = fmt::format("<h3>{}</h3>\n<table><thead><tr>", escape_html(t.title));
  // A header's second line (its unit, "Bath min\n[°C]") on a line of its own: narrower columns (T13-12.8).
  for (const auto& c : t.columns) {
    std::string header = escape_html(c);
    for (auto at = header.find('\n'); at != std::string::npos; at = header.find('\n', at)) header.replace(at, 1, "<br>");
    out += "<th>" + header + "</th>";
  }
  out += "</tr></thead><tbody>\n";
  // An empty cell of a text column is no value to give (regions.csv: no premium benchmark for
  // China), not missing data: "—"; an empty cell of a numeric column stays "missing".
  std::vector<bool> text_column(t.columns.size(), false);
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size() && i < text_column.size(); ++i) {
      if (!row[i].empty() && !is_number(row[i]) && row[i] != "missing") text_column[i] = true;
    }
  }
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool text = i < text_column.size() && text_column[i];
      out += td(row[i].empty() ? (text ? "—" : "missing") : row[i]);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  if (!t.caption.empty()) out += "<p class=\"caption\">" + escape_html(t.caption) + "</p>\n";
  return out;
}

std::string text_of(const Json& v) {
  if (v.is_null()) return "none";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

/// Case files and data tables with their SHA-256, command line, version, commit, seed, times.
std::string provenance(const RunData& run) {
  const Json& m = run.manifest;
  std::string rows;
  auto row = [&rows](const std::string& key, const std::string& html) {
    rows += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", escape_html(key), html);
  };
  row("Run", "<code>" + escape_html(run.path) + "</code>");
  row("Command", escape_html("potline " + run.command));
  if (run.command == "sweep" && !m.is_object()) {
    row("Provenance",
        "<span class=\"missing\">missing: this sweep store was written before stores recorded "
        "their "
        "seed, commit, sweep file and data hashes (2026-12-06); see the command that wrote "
        "it</span>");
    return "<table class=\"provenance\">" + rows + "</table>\n";
  }
  if (!m.is_object()) {
    row("Manifest", "<span class=\"missing\">missing: only a summary was given, so the case files, commit and seed are unknown</span>");
    return "<table class=\"provenance\">" + rows + "</table>\n";
  }
  std::string args;
  for (const auto& a : m.value("arguments", Json::array())) args += (args.empty() ? "" : " ") + text_of(a);
  row("Command line", "<code>" + escape_html(args) + "</code>");
  std::string inputs;
  for (const auto& in : m.value("inputs", Json::array())) {
    inputs += fmt::format("<code>{}</code> <small>sha256 {}</small><br>", escape_html(text_of(in.value("path", Json()))),
                          escape_html(text_of(in.value("sha256", Json()))));
  }
  row("Case and data files", inputs.empty() ? "none" : inputs);
  row("Program", escape_html(fmt::format("potline {}, git commit {}", text_of(m.value("version", Json())),
                                         text_of(m.value("git_commit", Json())))));
  const Json seed = m.value("seed", Json());
  row("Seed",
      escape_html(seed.is_null()
                      ? "none recorded (cell, smelter, invest and fleet use no random numbers; "
                        "fleet.flex's envelope ran at the case's run.seed, and a --vary of "
                        "run.seed records each point's seed in the rows of summary.json)"
                      : text_of(seed)));
  std::string when = text_of(m.value("started_utc", Json()));
  if (m.contains("finished_utc")) when += " to " + text_of(m["finished_utc"]);
  row("Run at (UTC)", escape_html(when));
  if (m.contains("resumed_by")) {
    row("Resumed by", "<span class=\"missing\">" +
                          escape_html("potline commit(s) " + text_of(m["resumed_by"]) +
                                      " (--force): the samples mix program versions") +
                          "</span>");
  }
  if (m.contains("sweep_text")) {
    row("Sweep file", "<details><summary>text as run</summary><pre>" +
                          escape_html(text_of(m["sweep_text"])) + "</pre></details>");
  }
  if (m.contains("complete")) {
    row("Complete", m["complete"] == true ? "yes" : "<span class=\"missing\">no: the run was stopped; the outputs are partial</span>");
  }
  return "<table class=\"provenance\">" + rows + "</table>\n";
}

/// The --set keys of the run's command line, as its text output appends them to the title (T8-14).
std::string changes_of(const RunData& run) {
  if (!run.manifest.is_object()) return "";
  std::vector<std::string> sets;
  const Json args = run.manifest.value("arguments", Json::array());
  // simulate/flex --technology X overrides the case file's technology (T13-7); applied before the
  // --set options, so it goes first. (cell --technology alone names the case: its title shows it.)
  const bool technology_overrides = run.command == "simulate" || run.command == "flex";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string a = text_of(args[i]);
    if ((a == "--set" || a == "-s") && i + 1 < args.size())
      sets.push_back(text_of(args[++i]));
    else if (a.rfind("--set=", 0) == 0)
      sets.push_back(a.substr(6));
    else if (technology_overrides && (a == "--technology" || a == "-t") && i + 1 < args.size())
      sets.insert(sets.begin(), "case.technology=" + text_of(args[++i]));
    else if (technology_overrides && a.rfind("--technology=", 0) == 0)
      sets.insert(sets.begin(), "case.technology=" + a.substr(13));
  }
  return io::changed_on_command_line(sets);
}

std::string provenance_line(const RunData& run) {
  const Json& m = run.manifest;
  if (run.command == "sweep" && !m.is_object())
    return "provenance: sweep store " + run.path +
           " (seed and commit not recorded in it: written before 2026-12-06)";
  if (!m.is_object()) return "provenance: summary only (no manifest)";
  if (run.command == "sweep") {
    const Json args = m.value("arguments", Json::array());
    return fmt::format("sweep store {} · sweep {} · potline {} · commit {} · seed {}", run.path,
                       args.size() > 1 ? text_of(args[1]) : std::string("none"),
                       text_of(m.value("version", Json())), text_of(m.value("git_commit", Json())),
                       text_of(m.value("seed", Json())));
  }
  std::string cases;
  for (const auto& in : m.value("inputs", Json::array())) {
    cases = text_of(in.value("path", Json()));
    break;  // the first input is the case file (or the catalogue when a technology was given)
  }
  return fmt::format("case {} · potline {} · commit {} · seed {}", cases.empty() ? "none" : cases,
                     text_of(m.value("version", Json())), text_of(m.value("git_commit", Json())),
                     text_of(m.value("seed", Json())));
}

/// A run a physical guard stopped (T11-11): a banner above its charts, which draw the course to the stop.
std::string stopped_html(const RunData& run) {
  const std::string stopped = run.stopped_text();
  if (stopped.empty()) return "";
  const Json last = run.summary.value("last_row_h", Json());
  std::string out = "<p class=\"missing stopped\"><strong>" + escape_html("S" + stopped.substr(1)) + ".</strong> ";
  out += escape_html(fmt::format("The run did not finish: the time series and events run to the last row written{}, "
                                 "the course up to the stop; the summary holds only the stop fields.",
                                 last.is_number() ? fmt::format(" ({:.2f} h)", last.get<double>()) : ""));
  const Json message = run.summary.value("stop_message", Json());
  if (message.is_string()) out += "<br><small>" + escape_html(message.get<std::string>()) + "</small>";
  return out + "</p>\n";
}

std::string warnings_html(const RunData& run) {
  if (!run.summary.contains("warnings") || !run.summary["warnings"].is_array() || run.summary["warnings"].empty()) return "";
  std::string out = "<h3>Warnings</h3><ul class=\"warn\">";
  for (const auto& w : run.summary["warnings"]) out += "<li>" + escape_html(text_of(w)) + "</li>";
  return out + "</ul>\n";
}

// The run's notes (summary.json "notes"): caveats and results that doubt no input (a path's published
// outcomes, user trial T17-12, were "Warnings" in the warning colour).
std::string notes_html(const RunData& run) {
  if (!run.summary.contains("notes") || !run.summary["notes"].is_array() || run.summary["notes"].empty()) return "";
  std::string out = "<h3>Notes</h3><ul class=\"note\">";
  for (const auto& n : run.summary["notes"]) out += "<li>" + escape_html(text_of(n)) + "</li>";
  return out + "</ul>\n";
}

std::string chart_html(const Chart& c, const std::string& caption) {
  return fmt::format("<figure><div id=\"{}\" class=\"chart\" data-primary=\"{}\" data-expected-marks=\"{}\"></div>"
                     "<figcaption>{}{}</figcaption></figure>\n",
                     c.id, kPrimaryMarks, c.expected_marks, escape_html(caption),
                     c.note.empty() ? "" : "<br>" + escape_html(c.note));
}

std::string comparison_html(const std::vector<RunData>& runs) {
  const Comparison c = compare_runs(runs);
  HtmlTable t;
  t.title = fmt::format("Comparison of {} runs of potline {} (change against run 1)", runs.size(), c.command);
  t.columns = {"Metric"};
  for (std::size_t k = 0; k < runs.size(); ++k) t.columns.push_back(fmt::format("Run {}", k + 1));
  for (std::size_t k = 1; k < runs.size(); ++k) {
    t.columns.push_back(fmt::format("Run {} - run 1", k + 1));
    t.columns.push_back(fmt::format("Relative [%]", k + 1));
  }
  auto num = [](const std::optional<double>& x, double scale) {
    return x ? fmt::format("{:.{}g}", *x * scale, kPrintedDigits) : std::string("missing");
  };
  std::size_t equal = 0;
  for (const auto& m : c.metrics) {
    // As in `potline compare`: a metric equal in every run at the printed precision is not a
    // difference (rounding noise such as a change of -4.5e-13 would otherwise be listed as one).
    if (!differs_at_printed_precision(m)) {
      ++equal;
      continue;
    }
    // As in `potline compare`: the run's wall-clock time is not a result.
    if (report::is_timing_key(m.key)) continue;
    std::vector<std::string> row{m.key};
    for (std::size_t k = 0; k < runs.size(); ++k) row.push_back(value_text(m, k));
    for (std::size_t k = 1; k < runs.size(); ++k) {
      row.push_back(num(m.change[k], 1));
      row.push_back(num(m.relative_change[k], 100));
    }
    t.rows.push_back(row);
  }
  std::string out;
  for (std::size_t k = 0; k < c.stopped.size(); ++k) {  // T11-11: a run a physical guard stopped
    if (c.stopped[k].empty()) continue;
    out += "<p class=\"missing stopped\">" +
           escape_html(fmt::format("Run {} {}: it did not finish, so its summary holds only the stop fields and its "
                                   "other values are missing.",
                                   k + 1, c.stopped[k])) +
           "</p>\n";
  }
  out += html_table(t);
  if (equal > 0) {
    out += fmt::format("<p class=\"equal-metrics\">{} metrics equal in every run to the {} printed significant digits are "
                       "not listed (<code>potline compare --all</code> lists them).</p>\n",
                       equal, kPrintedDigits);
  }
  if (!c.unmatched_elements.empty()) {  // as in `potline compare`: elements one case has and another lacks
    out += std::string("<p class=\"unmatched-elements\">") +
           (c.command == "sweep" ? "Scenarios not in every store (their means are missing in the others):"
                                 : "Array elements not in every run:") +
           "</p><ul class=\"unmatched-elements\">";
    for (const auto& e : c.unmatched_elements) {
      std::string runs;
      for (std::size_t k = 0; k < e.present.size(); ++k) {
        if (e.present[k]) runs += (runs.empty() ? "" : ", ") + std::to_string(k + 1);
      }
      out += "<li><code>" + escape_html(e.key) + "</code>: in run" + (runs.find(',') == std::string::npos ? " " : "s ") +
             runs + "</li>";
    }
    out += "</ul>\n";
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string script_json(const Json& value) {
  io::require_finite(value);
  const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

Page render_html(const std::vector<RunData>& runs) {
  std::string body;
  Json charts = Json::array();
  bool uses_world = false;
  int next_id = 1;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const RunData& run = runs[k];
    RunReport rr = build_run_report(run);
    body +=
        fmt::format("<section class=\"run\" id=\"run-{}\">\n<h2>{}. potline {}: {}</h2>\n", k + 1,
                    k + 1, escape_html(run.command), escape_html(run.title() + changes_of(run)));
    body += provenance(run) + stopped_html(run) + warnings_html(run) + notes_html(run);
    const std::string caption = provenance_line(run);
    for (Chart& c : rr.charts) {
      c.id = fmt::format("chart-{}", next_id++);
      body += chart_html(c, caption);
      const std::string spec_text = c.spec.dump();
      if (spec_text.find("\"potline_asset\"") != std::string::npos) uses_world = true;
      charts.push_back({{"id", c.id}, {"spec", c.spec}});
    }
    for (const auto& why : rr.missing) body += "<p class=\"missing\">Not drawn: " + escape_html(why) + "</p>\n";
    for (const auto& t : rr.tables) body += html_table(t);
    const HtmlTable summary = summary_table(run);
    body += fmt::format("<details><summary>Every summary value ({})</summary>\n{}</details>\n</section>\n",
                        summary.rows.size(), html_table(summary));
  }
  if (runs.size() >= 2) {
    bool same = true;
    for (const auto& r : runs) same = same && r.command == runs.front().command;
    if (same) {
      body += "<section id=\"comparison\"><h2>Comparison</h2>\n";
      for (Chart& c : comparison_charts(runs)) {
        c.id = fmt::format("chart-{}", next_id++);
        body += chart_html(c, fmt::format("runs 1 to {} as listed above, each with its provenance", runs.size()));
        charts.push_back({{"id", c.id}, {"spec", c.spec}});
      }
      body += comparison_html(runs) + "</section>\n";
    } else {
      body += "<p>No comparison: the runs are of different commands.</p>\n";
    }
  }
  std::string scripts;
  for (const char* name : {"vega", "vega_lite", "vega_embed"}) {
    const std::string_view js = embedded_asset(name);
    if (js.empty()) throw core::RunError(fmt::format("report asset {} is not linked into this program", name));
    if (js.find("</script") != std::string_view::npos) {
      throw core::RunError(fmt::format("report asset {} contains '</script' and cannot be inlined", name));
    }
    scripts += fmt::format("<script data-asset=\"{}\">\n", name);
    scripts += js;
    scripts += "\n</script>\n";
  }
  std::string title = runs.size() == 1 ? runs.front().title() : fmt::format("{} runs", runs.size());
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += fmt::format("<meta name=\"generator\" content=\"potline {} ({})\">\n", kVersion, kGitCommit);
  page += "<title>Potline report: " + escape_html(title) + "</title>\n<style>" + kStyle + "</style>\n" + scripts + "</head>\n<body>\n";
  page += fmt::format("<header><h1>Potline report</h1><p>{} run(s); written by potline {} (git commit {}). "
                      "This file is self-contained: its scripts and data are inside it and it opens offline.</p></header>\n",
                      runs.size(), kVersion, kGitCommit);
  page += body;
  page += "<footer><p id=\"potline-libraries\"></p></footer>\n";
  page += "<script type=\"application/json\" id=\"potline-charts\">" + script_json(charts) + "</script>\n";
  if (uses_world) {
    const std::string_view world = embedded_asset("world_110m");
    page += "<script type=\"application/json\" id=\"potline-world\">";
    page += world;
    page += "</script>\n";
  }
  page += std::string("<script>") + kRenderScript + "</script>\n</body>\n</html>\n";
  return {page, charts.size()};
}

}  // namespace potline::report

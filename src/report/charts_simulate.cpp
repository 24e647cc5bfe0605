// Report charts of `potline simulate`: the time series (line current, cell voltage, alumina with
// its spread over cells, bath temperature with the liquidus, superheat, ledge, ACD) with events
// marked, an event timeline, the events by type and the current-interruption windows.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "potline/report/charts.hpp"
#include "ordinal.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

constexpr std::size_t kMaxSeriesRows = 2000;    // rows per time series drawn (every k-th row beyond)
constexpr std::size_t kMaxEventsPerType = 1500;  // ticks per event type on the timeline
constexpr std::size_t kMaxMarkedEvents = 300;    // events drawn as rules on every panel
constexpr double kWindowAfter_h = 24.0;          // extremes are sought until this long after a window

/// Column of timeseries.csv -> data key.
const std::vector<std::pair<std::string, std::string>>& series_columns() {
  static const std::vector<std::pair<std::string, std::string>> columns{
      {"Time [h]", "t_h"},
      {"Line current [kA]", "current_kA"},
      {"Mean cell voltage [V]", "voltage_V"},
      {"Mean alumina [wt%]", "alumina_wt"},
      {"Min alumina [wt%]", "alumina_min_wt"},
      {"Max alumina [wt%]", "alumina_max_wt"},
      {"Mean bath temperature [degC]", "bath_C"},
      {"Mean superheat [K]", "superheat_K"},
      {"Mean ledge [cm]", "ledge_cm"},
      {"Min ledge [cm]", "ledge_min_cm"},
      {"Max ledge [cm]", "ledge_max_cm"},
      {"Mean ACD [cm]", "acd_cm"},
      {"Mean metal temperature [degC]", "metal_C"}};
  return columns;
}

/// Events that mark a change of state worth a rule on every panel (feeds and beam moves are many
/// and routine: they appear on the timeline only).
bool is_marked_event(const std::string& type) {
  return type != "feed" && type != "overfeed" && type != "underfeed" && type != "beam_move" && type != "bath_sample" &&
         type != "alf3_rate";
}

struct Window {
  double start_h = 0, end_h = 0;
  std::string what = "line current below half its median";
};

/// Intervals where the line current is below half its median: outages and deep cuts, told from
/// the series itself because the run folder records the current, not the schedule that set it.
std::vector<Window> low_current_windows(const Table& t) {
  std::vector<double> currents;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (auto c = t.number(i, "Line current [kA]")) currents.push_back(*c);
  }
  if (currents.empty()) return {};
  std::vector<double> sorted = currents;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
  const double threshold = 0.5 * sorted[sorted.size() / 2];
  std::vector<Window> windows;
  bool inside = false;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto c = t.number(i, "Line current [kA]");
    const auto h = t.number(i, "Time [h]");
    if (!c || !h) continue;
    if (*c < threshold && !inside) windows.push_back({*h, *h});
    if (*c < threshold) windows.back().end_h = *h;
    inside = *c < threshold;
  }
  return windows;
}

Json series_values(const Table& t, std::size_t& stride) {
  stride = std::max<std::size_t>(1, (t.rows.size() + kMaxSeriesRows - 1) / kMaxSeriesRows);
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (i % stride != 0 && i + 1 != t.rows.size()) continue;
    Json row;
    for (const auto& [column, key] : series_columns()) row[key] = vega::number(t.number(i, column));
    const auto bath = t.number(i, "Mean bath temperature [degC]");
    const auto superheat = t.number(i, "Mean superheat [K]");
    row["liquidus_C"] = vega::number(bath && superheat ? std::optional<double>(*bath - *superheat) : std::nullopt);
    values.push_back(row);
  }
  return values;
}

Json y_axis(const std::string& key, const std::string& title, bool zero) {
  Json y = vega::field(key, "quantitative", title);
  y["scale"] = {{"zero", zero}};
  return y;
}

/// One panel: optional min-max band, the counted line(s), the low-current windows and events.
Json panel(const std::string& title, const std::string& y_title, const std::vector<std::string>& keys,
           const std::vector<std::string>& names, const std::string& band_lo, const std::string& band_hi,
           const Json& marks_layers, int index, const Json& x_domain, bool zero) {
  Json layers = marks_layers;
  Json x = vega::field("t_h", "quantitative", "Time [h]");
  x["scale"] = {{"domain", x_domain}, {"nice", false}};
  if (!band_lo.empty()) {
    layers.push_back({{"mark", {{"type", "area"}, {"opacity", 0.25}, {"color", "#4c78a8"}}},
                      {"encoding", {{"x", x}, {"y", {{"field", band_lo}, {"type", "quantitative"}}}, {"y2", {{"field", band_hi}}}}}});
  }
  Json line;
  if (keys.size() == 1) {
    line = {{"mark", {{"type", "line"}, {"strokeWidth", 1.5}}},
            {"encoding", {{"x", x}, {"y", y_axis(keys[0], y_title, zero)}}}};
  } else {
    Json as = Json::object();
    Json fold = Json::array();
    for (std::size_t i = 0; i < keys.size(); ++i) fold.push_back(keys[i]);
    Json rename = Json::object();
    std::string expr = "datum.key";
    for (std::size_t i = keys.size(); i-- > 0;) expr = fmt::format("datum.key === '{}' ? '{}' : ({})", keys[i], names[i], expr);
    line = {{"transform", Json::array({{{"fold", fold}}, {{"calculate", expr}, {"as", "series"}}})},
            {"mark", {{"type", "line"}, {"strokeWidth", 1.5}}},
            {"encoding", {{"x", x}, {"y", y_axis("value", y_title, zero)},
                          {"color", {{"field", "series"}, {"type", "nominal"}, {"title", nullptr}}}}}};
  }
  layers.push_back(vega::primary(line, index));
  return {{"title", title}, {"width", 720}, {"height", 110}, {"layer", layers}};
}

/// Rules for marked events and shaded low-current windows, layered under every panel.
Json event_layers(const Json& marked, const std::vector<Window>& windows) {
  Json layers = Json::array();
  if (!windows.empty()) {
    Json w = Json::array();
    for (const auto& win : windows) w.push_back({{"start_h", win.start_h}, {"end_h", win.end_h}, {"what", win.what}});
    layers.push_back({{"data", {{"values", w}}},
                      {"mark", {{"type", "rect"}, {"color", "#e45756"}, {"opacity", 0.15}}},
                      {"encoding", {{"x", {{"field", "start_h"}, {"type", "quantitative"}}}, {"x2", {{"field", "end_h"}}},
                                    {"tooltip", Json::array({{{"field", "what"}}, {{"field", "start_h"}}, {{"field", "end_h"}}})}}}});
  }
  if (!marked.empty()) {
    layers.push_back({{"data", {{"values", marked}}},
                      {"mark", {{"type", "rule"}, {"opacity", 0.5}, {"strokeDash", {3, 3}}}},
                      {"encoding", {{"x", {{"field", "t_h"}, {"type", "quantitative"}}},
                                    {"color", {{"field", "event"}, {"type", "nominal"}, {"title", "Event"},
                                               {"scale", {{"scheme", "dark2"}}}}},
                                    {"tooltip", Json::array({{{"field", "event"}}, {{"field", "t_h"}, {"title", "Time [h]"}}, {{"field", "cell"}}})}}}});
  }
  return layers;
}

/// The event timeline (one tick per event, thinned per type) and the events-by-type table.
void add_event_views(const RunData& run, const Table& events, const std::map<std::string, std::vector<std::size_t>>& by_type,
                     RunReport& r) {
  const Table* ev = &events;
  Json ticks = Json::array();
  std::string note;
  HtmlTable table{"Events by type (events.csv)", {"Event", "Count", "Cells", "First [h]", "Last [h]", "Mean value", "Unit"}, {}};
  for (const auto& [type, rows] : by_type) {
    const std::size_t stride = std::max<std::size_t>(1, (rows.size() + kMaxEventsPerType - 1) / kMaxEventsPerType);
    if (stride > 1) note += fmt::format("{}every {} of {} {} events drawn", note.empty() ? "" : "; ", ordinal(stride), rows.size(), type);
    std::set<std::string> cells;
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::size_t i = rows[k];
      cells.insert(ev->text(i, "Cell [-]"));
      if (auto v = ev->number(i, "Value")) sum += *v, ++n;
      if (k % stride == 0) ticks.push_back({{"t_h", vega::number(ev->number(i, "Time [h]"))}, {"event", vega::label(type)}});
    }
    table.rows.push_back({type, std::to_string(rows.size()), std::to_string(cells.size()),
                          vega::cell_text(vega::number(ev->number(rows.front(), "Time [h]"))),
                          vega::cell_text(vega::number(ev->number(rows.back(), "Time [h]"))),
                          n ? vega::cell_text(vega::number(sum / static_cast<double>(n))) : "missing",
                          ev->text(rows.front(), "Unit").empty() ? "-" : ev->text(rows.front(), "Unit")});
  }
  Json spec = vega::base("Event timeline", fmt::format("{}: {} events of {} types", run.title(), ev->rows.size(), by_type.size()),
                         720, 22 * static_cast<int>(by_type.size()) + 10);
  spec["data"] = {{"values", ticks}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "tick"}, {"thickness", 1}}},
                                  {"encoding", {{"x", vega::field("t_h", "quantitative", "Time [h]")},
                                                {"y", {{"field", "event"}, {"type", "nominal"}, {"title", nullptr}}},
                                                {"color", {{"field", "event"}, {"type", "nominal"}, {"legend", nullptr}}}}}})};
  r.charts.push_back(vega::chart(spec, ticks.size(), note));
  r.tables.push_back(table);
}

/// The low-current windows with the extremes of the state from their start to a day after.
HtmlTable window_table(const Table& series, const std::vector<Window>& windows) {
  const Table* ts = &series;
  HtmlTable t{fmt::format("Low-current windows (line current below half its median) and the extremes from their start "
                          "to {:.0f} h after their end", kWindowAfter_h),
              {"Start [h]", "End [h]", "Duration [h]", "Min bath temperature [degC]", "Min superheat [K]", "Max mean ledge [cm]",
               "Min alumina [wt%]"}, {}};
  for (const auto& w : windows) {
    std::optional<double> min_bath, min_superheat, max_ledge, min_alumina;
    auto lower = [](std::optional<double>& acc, std::optional<double> x) { if (x && (!acc || *x < *acc)) acc = x; };
    auto upper = [](std::optional<double>& acc, std::optional<double> x) { if (x && (!acc || *x > *acc)) acc = x; };
    for (std::size_t i = 0; i < ts->rows.size(); ++i) {
      const auto h = ts->number(i, "Time [h]");
      if (!h || *h < w.start_h || *h > w.end_h + kWindowAfter_h) continue;
      lower(min_bath, ts->number(i, "Mean bath temperature [degC]"));
      lower(min_superheat, ts->number(i, "Mean superheat [K]"));
      upper(max_ledge, ts->number(i, "Mean ledge [cm]"));
      lower(min_alumina, ts->number(i, "Min alumina [wt%]"));
    }
    t.rows.push_back({vega::cell_text(w.start_h), vega::cell_text(w.end_h), vega::cell_text(w.end_h - w.start_h),
                      vega::cell_text(vega::number(min_bath)), vega::cell_text(vega::number(min_superheat)),
                      vega::cell_text(vega::number(max_ledge)), vega::cell_text(vega::number(min_alumina))});
  }
  return t;
}

/// The simulation's own disturbance windows (summary "event_windows": outages, feed stops, current
/// steps with the extremes the model measured over every cell), when the run has them.
std::vector<Window> model_windows(const Json& summary) {
  std::vector<Window> windows;
  if (!summary.contains("event_windows") || !summary["event_windows"].is_array()) return windows;
  for (const Json& w : summary["event_windows"]) {
    const auto start = vega::member(w, "start_h");
    const auto end = vega::member(w, "end_h");
    if (start && end) windows.push_back({*start, *end, vega::text(w, "kind", "window")});
  }
  return windows;
}

// The disturbance-window table's columns: summary key, header (name, then the unit on a second
// line), decimals (-1: text). Every key of event_windows under its full name was wider than the page
// at 1100 px (21 columns; min_superheat_K and the recovery cut off in print, user trial T13-12.8).
// A key not listed here is shown under its own name: a new key is never dropped.
struct WindowColumn {
  const char* key;
  const char* header;
  int digits;
};
constexpr WindowColumn kWindowColumns[] = {
    {"kind", "Kind", -1},
    {"start_h", "Start\n[h]", 2},
    {"end_h", "End\n[h]", 2},
    {"scheduled_end_h", "Scheduled end\n[h]", 2},
    {"planned_end_h", "Planned end\n[h]", 2},
    {"cut_at_run_end", "Cut at run end", -1},
    {"min_bath_temperature_degC", "Bath min\n[°C]", 1},
    {"max_bath_temperature_degC", "Bath max\n[°C]", 1},
    {"min_superheat_K", "Superheat min\n[K]", 2},
    {"min_ledge_cm", "Ledge min\n[cm]", 2},
    {"max_ledge_cm", "Ledge max\n[cm]", 2},
    {"recovery_h", "Recovery\n[h]", 2},
    {"pre_swing_K", "Swing before\n[K]", 2},
    {"cells_not_recovered", "Cells not recovered", 0},
    {"cells_cut_out", "Cells cut out", 0},
    {"cells_cleared", "Cells cleared", 0},
    {"ae_during", "AEs during", 0},
    {"ae_after_24h", "AEs after", 0},
};
// Keys the same in every window of a run (the recovery's averaging and dwell, the time looked at
// after the end) go into the title when they agree, as columns when they do not.
constexpr WindowColumn kWindowSettings[] = {
    {"recovery_average_h", "Averaged over\n[h]", 2},
    {"recovery_dwell_h", "Dwell\n[h]", 2},
    {"after_h", "Looked at after\n[h]", 2},
};

std::string window_cell(const Json& w, const std::string& key, int digits) {
  if (!w.contains(key)) return "missing";
  const Json& v = w[key];
  // A null recovery is a cell that had not come back (docs/cli.md, event_windows), not a gap.
  if (v.is_null()) return key == "recovery_h" ? "not recovered" : "—";
  if (v.is_string()) {
    std::string text = v.get<std::string>();
    std::replace(text.begin(), text.end(), '_', ' ');  // "current step" wraps, "current_step" does not
    return text;
  }
  return digits >= 0 && v.is_number() ? vega::fixed(v.get<double>(), digits) : vega::cell_text(v);
}

HtmlTable model_window_table(const Json& summary) {
  const Json& windows = summary["event_windows"];
  struct Shown {
    std::string key, header;
    int digits;
  };
  const auto listed = [](const std::string& key) {
    const auto is = [&](const WindowColumn& c) { return key == c.key; };
    return std::any_of(std::begin(kWindowColumns), std::end(kWindowColumns), is) ||
           std::any_of(std::begin(kWindowSettings), std::end(kWindowSettings), is);
  };
  // Columns that say nothing in this run (every window ends as scheduled and planned, none cut at the
  // run's end, no cell cleared, cut out or unrecovered) are named in the title instead.
  const auto quiet = [&](const std::string& key) {
    for (const Json& w : windows) {
      if (!w.contains(key)) continue;
      const Json& v = w[key];
      const bool as_end = (key == "scheduled_end_h" || key == "planned_end_h") && w.contains("end_h") && v == w["end_h"];
      if (!(as_end || v == false || (key.rfind("cells_", 0) == 0 && v == 0))) return false;
    }
    return true;
  };
  std::vector<Shown> shown;
  std::string settings;
  for (const WindowColumn& c : kWindowColumns) {
    if (!windows[0].contains(c.key)) continue;  // an older run may lack one
    const std::string key = c.key;
    const bool foldable = key == "scheduled_end_h" || key == "planned_end_h" || key == "cut_at_run_end" ||
                          key.rfind("cells_", 0) == 0;
    if (!foldable || !quiet(key)) {
      shown.push_back({c.key, c.header, c.digits});
      continue;
    }
    settings += "; " + key + (key.back() == 'h' ? " = end_h" : key == "cut_at_run_end" ? " false" : " 0");
  }
  for (const WindowColumn& c : kWindowSettings) {
    if (!windows[0].contains(c.key)) continue;
    bool same = true;
    for (const Json& w : windows) same = same && w.contains(c.key) && w[c.key] == windows[0][c.key];
    if (same) settings += fmt::format("; {} {} h", c.key, window_cell(windows[0], c.key, c.digits));
    else shown.push_back({c.key, c.header, c.digits});
  }
  for (const auto& [key, v] : windows[0].items())
    if (!listed(key)) shown.push_back({key, key, -1});
  // The definitions under the table, the heading short (user trial T19-16: a six-line heading).
  HtmlTable t{"Disturbance windows",
              {},
              {},
              "Summary event_windows: extremes over all cells from the start to 24 h after the "
              "end; recovery = "
              "slowest cell back within 2 K on feed-cycle means, held for the dwell" +
                  settings + "."};
  for (const Shown& c : shown) t.columns.push_back(c.header);
  for (const Json& w : windows) {
    std::vector<std::string> row;
    for (const Shown& c : shown) row.push_back(window_cell(w, c.key, c.digits));
    t.rows.push_back(row);
  }
  return t;
}

}  // namespace

RunReport simulate_report(const RunData& run) {
  RunReport r;
  const Table* ts = run.table("timeseries.csv");
  const Table* ev = run.table("events.csv");
  std::vector<Window> windows;
  Json marked = Json::array();
  std::map<std::string, std::vector<std::size_t>> by_type;
  if (ev) {
    for (std::size_t i = 0; i < ev->rows.size(); ++i) by_type[ev->text(i, "Event")].push_back(i);
    std::size_t n_marked = 0;
    for (const auto& [type, rows] : by_type) {
      if (is_marked_event(type)) n_marked += rows.size();
    }
    if (n_marked <= kMaxMarkedEvents) {
      for (std::size_t i = 0; i < ev->rows.size(); ++i) {
        if (!is_marked_event(ev->text(i, "Event"))) continue;
        marked.push_back({{"t_h", vega::number(ev->number(i, "Time [h]"))}, {"event", vega::label(ev->text(i, "Event"))},
                          {"cell", ev->text(i, "Cell [-]")}});
      }
    } else {
      r.missing.push_back(fmt::format("events on the time series: {} events are too many to draw on every panel; "
                                      "see the event timeline", n_marked));
    }
  } else {
    r.missing.push_back("events: no events.csv in the run folder (run with [run] events = \"control\" or \"all\")");
  }
  if (ts) {
    windows = model_windows(run.summary);
    if (windows.empty()) windows = low_current_windows(*ts);
    std::size_t stride = 1;
    Json values = series_values(*ts, stride);
    const Json under = event_layers(marked, windows);
    const Json x_domain = {ts->number(0, "Time [h]").value_or(0.0), ts->number(ts->rows.size() - 1, "Time [h]").value_or(1.0)};
    Json panels = Json::array();
    panels.push_back(panel("Line current", "Line current [kA]", {"current_kA"}, {}, "", "", under, 0, x_domain, true));
    panels.push_back(panel("Cell voltage (mean over cells)", "Cell voltage [V]", {"voltage_V"}, {}, "", "", under, 1, x_domain, false));
    panels.push_back(panel("Alumina (mean; band: min-max over cells)", "Alumina [wt%]", {"alumina_wt"}, {}, "alumina_min_wt", "alumina_max_wt", under, 2, x_domain, false));
    // The metal pad's own temperature since it is a state (older run folders lack the column).
    const bool metal = ts->column("Mean metal temperature [degC]") >= 0;
    if (metal) {
      panels.push_back(panel("Bath and metal-pad temperature and liquidus (mean over cells)", "Temperature [degC]",
                             {"bath_C", "metal_C", "liquidus_C"}, {"bath temperature", "metal pad", "liquidus"}, "", "",
                             under, 3, x_domain, false));
    } else {
      panels.push_back(panel("Bath temperature and liquidus (mean over cells)", "Temperature [degC]", {"bath_C", "liquidus_C"},
                             {"bath temperature", "liquidus"}, "", "", under, 3, x_domain, false));
    }
    panels.push_back(panel("Superheat (mean over cells)", "Superheat [K]", {"superheat_K"}, {}, "", "", under, 4, x_domain, false));
    panels.push_back(panel("Side ledge thickness (mean; band: min-max over cells)", "Ledge [cm]", {"ledge_cm"}, {}, "ledge_min_cm", "ledge_max_cm", under, 5, x_domain, false));
    panels.push_back(panel("Anode-cathode distance (mean over cells)", "ACD [cm]", {"acd_cm"}, {}, "", "", under, 6, x_domain, false));
    // A run a physical guard stopped has no simulated_days: its series runs to the stop (T11-11).
    const std::string stopped = run.stopped_text();
    const std::string span =
        stopped.empty() ? vega::fixed(vega::member(run.summary, "simulated_days"), 2) + " days" : stopped;
    Json spec = vega::base("Time series", fmt::format("{}: {} cell(s), {}, seed {}", run.title(),
                                                      vega::fixed(vega::member(run.summary, "cells"), 0), span,
                                                      run.summary.contains("seed") ? run.summary["seed"].dump() : "none"), 720, 110);
    spec.erase("width");
    spec.erase("height");
    spec["data"] = {{"values", values}};
    spec["vconcat"] = panels;
    spec["resolve"] = {{"scale", {{"color", "independent"}}}};
    const std::string note = stride > 1 ? fmt::format("every {} of {} rows drawn", ordinal(stride), ts->rows.size()) : "";
    // Seven panels, one line each except the temperature panel (two lines, three with the metal pad).
    r.charts.push_back(vega::chart(spec, metal ? 9 : 8, note));
  } else {
    r.missing.push_back("time series: no timeseries.csv in the run folder");
  }
  if (ev && !ev->rows.empty()) add_event_views(run, *ev, by_type, r);
  if (const Table* taps = run.table("purity_taps.csv")) {
    if (auto c = purity_taps_chart(run, *taps)) {
      r.charts.push_back(std::move(*c));
    } else {
      r.missing.push_back("metal grade over time: purity_taps.csv has no tap with a time and an analysis");
    }
    r.tables.push_back(purity_grade_table(run));
  }
  if (!model_windows(run.summary).empty()) {
    r.tables.push_back(model_window_table(run.summary));
  } else if (ts && !windows.empty()) {
    r.tables.push_back(window_table(*ts, windows));  // runs without event_windows: told from the series
  }
  if (run.summary.contains("cut_out_cells") && run.summary["cut_out_cells"].is_array() &&
      !run.summary["cut_out_cells"].empty()) {
    // Cells cut out of the line (potline.on_frozen_cell = "cut_out"; docs/model/dynamics.md §7).
    HtmlTable t{
        "Cells cut out of the line (summary cut_out_cells: when, why, and the state that tripped "
        "the guard)",
        {"Cell", "Time [h]", "Reason", "Bath [degC]", "Metal [degC]", "Liquid bath [%]",
         "Ledge [cm]", "Excess AlF3 [wt%]", "Voltage [V]", "Cut in [h]"},
        {}};
    for (const Json& c : run.summary["cut_out_cells"]) {
      t.rows.push_back({vega::fixed(vega::member(c, "cell"), 0),
                        vega::fixed(vega::member(c, "time_h"), 2),
                        vega::text(c, "reason", "missing"),
                        vega::fixed(vega::member(c, "bath_temperature_degC"), 1),
                        vega::fixed(vega::member(c, "metal_temperature_degC"), 1),
                        vega::fixed(vega::member(c, "liquid_bath_percent"), 1),
                        vega::fixed(vega::member(c, "ledge_cm"), 1),
                        vega::fixed(vega::member(c, "alf3_excess_wt"), 1),
                        vega::fixed(vega::member(c, "voltage_V"), 3),
                        // repaired and cut in again (potline.cut_in), or out to the end
                        vega::member(c, "cut_in_h") ? vega::fixed(vega::member(c, "cut_in_h"), 2)
                                                    : std::string("stayed out")});
    }
    r.tables.push_back(t);
  }
  if (run.summary.contains("heat_exchangers") && run.summary["heat_exchangers"].is_object()) {
    // Shell heat exchangers (summary heat_exchangers, present only when the case enables them).
    HtmlTable t{"Shell heat exchangers (summary heat_exchangers; per cell, averaged over the cells)", {"Quantity", "Value"}, {}};
    for (const auto& [key, v] : run.summary["heat_exchangers"].items()) t.rows.push_back({key, vega::cell_text(v)});
    r.tables.push_back(t);
  }
  return r;
}

std::vector<Chart> simulate_comparison(const std::vector<RunData>& runs) {
  Json values = Json::array();
  std::size_t series = 0;
  std::string note;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Table* t = runs[k].table("timeseries.csv");
    if (!t) continue;
    ++series;
    std::size_t stride = 1;
    const std::string run = fmt::format("{}: {}", k + 1, runs[k].title());
    for (Json row : series_values(*t, stride)) {
      row["run"] = run;
      values.push_back(std::move(row));
    }
    if (stride > 1) note += fmt::format("{}run {}: every {} row drawn", note.empty() ? "" : "; ", k + 1, ordinal(stride));
  }
  if (series < 2) return {};
  const Json color = {{"field", "run"}, {"type", "nominal"}, {"title", "Run"}};
  auto lines = [&](const std::string& title, const std::string& key, const std::string& y_title, int index) {
    Json x = vega::field("t_h", "quantitative", "Time [h]");
    Json line = {{"mark", {{"type", "line"}, {"strokeWidth", 1.2}}},
                 {"encoding", {{"x", x}, {"y", y_axis(key, y_title, false)}, {"color", color}}}};
    return Json{{"title", title}, {"width", 720}, {"height", 110}, {"layer", Json::array({vega::primary(line, index)})}};
  };
  Json spec = vega::base("Time series side by side", fmt::format("{} simulate runs; colour = run", series), 720, 110);
  spec.erase("width");
  spec.erase("height");
  spec["data"] = {{"values", values}};
  spec["vconcat"] = {lines("Line current", "current_kA", "Line current [kA]", 0),
                     lines("Cell voltage (mean over cells)", "voltage_V", "Cell voltage [V]", 1),
                     lines("Alumina (mean over cells)", "alumina_wt", "Alumina [wt%]", 2),
                     lines("Bath temperature (mean over cells)", "bath_C", "Temperature [degC]", 3),
                     lines("Superheat (mean over cells)", "superheat_K", "Superheat [K]", 4),
                     lines("Side ledge thickness (mean over cells)", "ledge_cm", "Ledge [cm]", 5)};
  return {vega::chart(spec, 6 * series, note)};
}

}  // namespace potline::report

// Report charts of `potline flex`: the optimised power schedule against the price with the flat
// schedule beside it, the heat state (ledge and superheat of the reduced model and of the dynamic
// re-simulation) with the limits and the dynamic model's limit crossings, the operating envelope,
// and the economics, solver and re-simulation tables (docs/model/flexibility.md).
//
// Columns are looked up by name, so a schedule.csv with more columns still draws: every further
// column in MW is drawn beside the power schedule, and a column that is missing is a missing
// series.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>

#include "charts_flex_internal.hpp"
#include "potline/flex/prices.hpp"
#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;
using namespace flex_report_parts;

constexpr const char* kPrice = "price [EUR/MWh]";
constexpr const char* kFlatPower = "flat power [MW]";
constexpr const char* kPower = "power [MW]";
constexpr const char* kPowerDelivered = "power delivered [MW]";
constexpr const char* kFlatPowerDelivered = "flat power delivered [MW]";
constexpr const char* kLedgeModel = "ledge model [cm]";
constexpr const char* kLedgeDynamic = "ledge dynamic [cm]";
constexpr const char* kSuperheatModel = "superheat model [K]";
constexpr const char* kSuperheatDynamic = "superheat dynamic [K]";
constexpr const char* kTimeTitle = "Time [h from the start]";

/// A series drawn from one column: data key and legend name.
struct Series {
  std::string column, key, name;
};

/// The power series: optimised as planned and as the dynamic model's cells drew it, flat likewise,
/// then every other column in MW (added by later versions, e.g. an interruptible-load call), in the
/// file's order.
std::vector<Series> power_series(const Table& t) {
  std::vector<Series> out{
      {kPower, "power_MW", "optimised, planned"},
      {kPowerDelivered, "power_delivered_MW", "optimised, delivered (dynamic model)"},
      {kFlatPower, "flat_MW", "flat, planned"},
      {kFlatPowerDelivered, "flat_delivered_MW", "flat, delivered (dynamic model)"}};
  for (const auto& c : t.columns) {
    const bool mw = c.size() > 5 && c.compare(c.size() - 5, 5, " [MW]") == 0;
    const bool known =
        c == kPower || c == kFlatPower || c == kPowerDelivered || c == kFlatPowerDelivered;
    if (mw && !known)
      out.push_back({c, fmt::format("extra_{}", out.size()), c.substr(0, c.size() - 5)});
  }
  return out;
}

/// Hours from the first row's time (time_utc), or the row index times the step when a time cannot
/// be read.
std::vector<double> hours_from_start(const Table& t, double step_h) {
  std::vector<double> h(t.rows.size(), 0.0);
  std::optional<std::int64_t> first;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    std::string why;
    const auto s = flex::parse_utc_time(t.text(i, "time_utc"), why);
    if (s && !first) first = s;
    h[i] = s && first ? static_cast<double>(*s - *first) / 3600.0 : static_cast<double>(i) * step_h;
  }
  return h;
}

/// The schedule's rows for the charts. A row's price, power and superheat hold over its step (drawn
/// as steps from t_h); its ledge is the state at the step's end (t_end_h). One more row at the
/// horizon's end closes the last step.
Json schedule_values(const Table& t, double step_h, const std::vector<Series>& power) {
  const std::vector<double> h = hours_from_start(t, step_h);
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    Json row = {{"t_h", h[i]},
                {"t_end_h", h[i] + step_h},
                {"time_utc", t.text(i, "time_utc")},
                {"price", vega::number(t.number(i, kPrice))},
                {"ledge_model", vega::number(t.number(i, kLedgeModel))},
                {"ledge_dynamic", vega::number(t.number(i, kLedgeDynamic))},
                {"superheat_model", vega::number(t.number(i, kSuperheatModel))},
                {"superheat_dynamic", vega::number(t.number(i, kSuperheatDynamic))}};
    for (const auto& s : power) row[s.key] = vega::number(t.number(i, s.column));
    values.push_back(std::move(row));
  }
  if (!values.empty()) {
    Json end = values.back();
    end["t_h"] = h.back() + step_h;
    end["t_end_h"] = nullptr;
    for (const char* k : {"ledge_model", "ledge_dynamic"}) end[k] = nullptr;
    values.push_back(std::move(end));
  }
  return values;
}

bool has_values(const Json& values, const std::string& key) {
  for (const auto& row : values) {
    if (row.contains(key) && row[key].is_number()) return true;
  }
  return false;
}

Json time_axis(const std::string& field, const Json& domain) {
  Json x = vega::field(field, "quantitative", kTimeTitle);
  x["scale"] = {{"domain", domain}, {"nice", false}};
  return x;
}

/// A panel of one or more series (fold + colour), counted as unit `index`; `count` gets the number
/// of lines drawn (series with at least one value). Null when no series has a value.
Json series_panel(const std::string& title, const std::string& y_title,
                  const std::vector<Series>& series, const Json& values, const std::string& x_field,
                  bool steps, const Json& x_domain, Json layers, int index, std::size_t& count) {
  Json fold = Json::array();
  std::string expr = "datum.key";
  for (const auto& s : series) {
    if (!has_values(values, s.key)) continue;
    fold.push_back(s.key);
    expr = fmt::format("datum.key === '{}' ? '{}' : ({})", s.key, s.name, expr);
  }
  if (fold.empty()) return nullptr;
  count += fold.size();
  Json y = vega::field("value", "quantitative", y_title);
  y["scale"] = {{"zero", false}};
  Json mark = {{"type", "line"}, {"strokeWidth", 1.5}};
  if (steps) mark["interpolate"] = "step-after";
  Json line = {
      {"transform", Json::array({{{"fold", fold}}, {{"calculate", expr}, {"as", "series"}}})},
      {"mark", mark},
      {"encoding",
       {{"x", time_axis(x_field, x_domain)},
        {"y", y},
        {"color",
         {{"field", "series"},
          {"type", "nominal"},
          {"title", nullptr},
          {"legend", {{"labelLimit", 320}}}}},
        {"tooltip", Json::array({{{"field", "time_utc"}, {"title", "step from (UTC)"}},
                                 {{"field", "series"}},
                                 {{"field", "value"}, {"format", ".4g"}}})}}}};
  layers.push_back(vega::primary(line, index));
  return {{"title", title}, {"width", 720}, {"height", 130}, {"layer", layers}};
}

/// The panels that have something to draw, stacked on one time axis; nothing when none has.
std::optional<Chart> stacked(const std::string& title, const std::vector<std::string>& subtitle,
                             const Json& values, const Json& panels, std::size_t marks) {
  Json drawn = Json::array();
  for (const auto& p : panels) {
    if (!p.is_null()) drawn.push_back(p);
  }
  if (drawn.empty()) return std::nullopt;
  Json spec = vega::base(title, "", 720, 130);
  spec["title"]["subtitle"] = vega::wrapped_subtitle(subtitle, 720);
  spec.erase("width");
  spec.erase("height");
  spec["data"] = {{"values", values}};
  spec["vconcat"] = drawn;
  spec["resolve"] = {{"scale", {{"color", "independent"}}}};
  return vega::chart(spec, marks);
}

/// A number with its sign ("+12", "-3"), or vega::fixed's text for a missing one.
std::string signed_fixed(const std::optional<double>& v, int decimals) {
  return (v && *v >= 0 ? "+" : "") + vega::fixed(v, decimals);
}

/// A round trip, or "–" where the summary has none (null: the plan shifts no energy, T8-6).
std::string round_trip_text(const Json& value) {
  const auto x = vega::member(value, "round_trip_efficiency");
  return x ? vega::fixed(x, 3) : std::string("\u2013");
}

/// Which CE model valued the schedule, its CE change's share of the delivered savings, and what the
/// year's value leaves out as not physical (value.current_efficiency, T9-3); "" without the block.
std::string ce_text(const Json& ce) {
  if (ce.empty()) return "";
  const auto excluded = vega::member(ce, "not_physical_eur");
  return fmt::format("; current efficiency {} ({}): {} points, {} EUR{}", vega::text(ce, "model", "missing"),
                     vega::text(ce, "model_origin", "missing"), signed_fixed(vega::member(ce, "change_points"), 2),
                     signed_fixed(vega::member(ce, "value_eur"), 0),
                     excluded && *excluded > 0
                         ? fmt::format("; {} EUR not physical, left out of the year's value", vega::fixed(excluded, 0))
                         : std::string());
}

std::optional<Chart> schedule_chart(const RunData& run, const Json& values,
                                    const std::vector<Series>& power, const Json& x_domain) {
  const Json& s = run.summary;
  const Json value = object_at(s, "value");
  const Json solver = object_at(s, "solver");
  std::size_t marks = 0;
  Json panels = Json::array();
  panels.push_back(series_panel("Day-ahead price (holds over each step)", "Price [EUR/MWh]",
                                {{kPrice, "price", "price"}}, values, "t_h", true, x_domain,
                                Json::array(), 0, marks));
  panels.push_back(series_panel(
      "Potline power: planned and as the dynamic model's cells drew it, optimised and flat",
      "Power [MW]", power, values, "t_h", true, x_domain, Json::array(), 1, marks));
  const auto savings = vega::member(value, "savings_eur");
  const Json delivered = object_at(value, "delivered");
  const auto cost_change = vega::member(value, "power_cost_change_percent");
  const auto reserve = s.contains("optimised")
                           ? vega::member(s.at("optimised"), "reserve_revenue_eur")
                           : std::nullopt;
  const std::vector<std::string> subtitle = {
      fmt::format("{}: from {} UTC, {}-min steps; {} {} ({}), gap {} %", run.title(),
                  vega::text(s, "start_utc", "missing"),
                  vega::fixed(vega::member(s, "step_min"), 0),
                  vega::text(solver, "problem", "missing"), vega::text(solver, "status", "missing"),
                  vega::text(solver, "solver", "missing"),
                  vega::fixed(vega::member(solver, "gap_percent"), 3)),
      // As the CLI's text: the power cost's change with its own sign ("(-1.23 % of its power cost)"
      // read as a saving for a schedule that bought 1.23 % more power to make more metal), and the
      // availability payment the margin holds.
      fmt::format(
          "planned: margin {}{} EUR against the flat schedule{}; power cost {}{} %, {} MWh "
          "shifted, round trip {}",
          savings && *savings >= 0 ? "+" : "", vega::fixed(savings, 0),
          reserve && *reserve > 0
              ? fmt::format(" (including the availability payment {} EUR)", vega::fixed(reserve, 0))
              : std::string(),
          cost_change && *cost_change >= 0 ? "+" : "", vega::fixed(cost_change, 2),
          vega::fixed(vega::member(value, "energy_shifted_MWh"), 0), round_trip_text(value)),
      fmt::format("delivered (both schedules in the dynamic model): margin {} EUR against flat, {} "
                  "EUR/t; {} MWh shifted, "
                  "round trip {}{}",
                  signed_fixed(vega::member(delivered, "savings_eur"), 0),
                  signed_fixed(vega::member(delivered, "savings_eur_per_t"), 1),
                  vega::fixed(vega::member(delivered, "energy_shifted_MWh"), 0),
                  round_trip_text(delivered), ce_text(object_at(value, "current_efficiency")))};
  return stacked("Power schedule against the price", subtitle, values, panels, marks);
}

/// Bounds as red rules (the case's) and dashed orange rules (the optimiser's after tightening, when
/// they differ); crossings of the dynamic model as shaded spans. `prefix` is "ledge" or
/// "superheat".
Json limit_layers(const Json& summary, const std::string& prefix, const std::string& unit,
                  const std::string& y_title) {
  Json layers = Json::array();
  const Json rounds = array_at(summary, "rounds");
  Json rules = Json::array();
  if (!rounds.empty()) {
    for (const char* side : {"min", "max"}) {
      const std::string key = fmt::format("{}_{}_{}", prefix, side, unit);
      const auto first = vega::member(rounds.front(), key);
      const auto last = vega::member(rounds.back(), key);
      if (first)
        rules.push_back({{"y", *first},
                         {"what", fmt::format("limit {}_{} (case)", prefix, side)},
                         {"kind", "case"}});
      if (last && (!first || std::abs(*last - *first) > 1e-9)) {
        rules.push_back({{"y", *last},
                         {"what", fmt::format("{}_{} after tightening", prefix, side)},
                         {"kind", "tightened"}});
      }
    }
  }
  Json spans = Json::array();
  const Json check = object_at(object_at(summary, "optimised"), "check");
  for (const auto& x : array_at(check, "crossings")) {
    const std::string limit = vega::text(x, "limit");
    const bool frozen = limit == "bath_frozen" || limit == "guard_stop";
    if (limit.rfind(prefix, 0) != 0 && !frozen) continue;
    const auto start = vega::member(x, "start_h");
    const auto end = vega::member(x, "end_h");
    if (start && end) spans.push_back({{"start_h", *start}, {"end_h", *end}, {"limit", limit}});
  }
  if (!spans.empty()) {
    layers.push_back(
        {{"data", {{"values", spans}}},
         {"mark", {{"type", "rect"}, {"color", "#e45756"}, {"opacity", 0.15}}},
         {"encoding",
          {{"x", vega::field("start_h", "quantitative", kTimeTitle)},
           {"x2", {{"field", "end_h"}}},
           {"tooltip", Json::array({{{"field", "limit"}, {"title", "crossed (dynamic model)"}},
                                    {{"field", "start_h"}},
                                    {{"field", "end_h"}}})}}}});
  }
  if (!rules.empty()) {
    layers.push_back(
        {{"data", {{"values", rules}}},
         {"mark", {{"type", "rule"}, {"size", 1.5}}},
         {"encoding",
          {{"y", vega::field("y", "quantitative", y_title)},
           {"color",
            {{"condition", {{"test", "datum.kind === 'case'"}, {"value", "#d62728"}}},
             {"value", "#f58518"}}},
           {"strokeDash",
            {{"condition", {{"test", "datum.kind === 'case'"}, {"value", {1, 0}}}},
             {"value", {5, 3}}}},
           {"tooltip", Json::array({{{"field", "what"}}, {{"field", "y"}, {"title", unit}}})}}}});
  }
  return layers;
}

std::optional<Chart> heat_chart(const RunData& run, const Json& values, const Json& x_domain) {
  const Json& s = run.summary;
  std::size_t marks = 0;
  Json panels = Json::array();
  panels.push_back(series_panel("Side ledge thickness at the end of each step", "Ledge [cm]",
                                {{kLedgeModel, "ledge_model", "reduced model"},
                                 {kLedgeDynamic, "ledge_dynamic", "dynamic model (re-simulation)"}},
                                values, "t_end_h", false, x_domain,
                                limit_layers(s, "ledge", "cm", "Ledge [cm]"), 0, marks));
  panels.push_back(series_panel(
      "Superheat, mean over each step", "Superheat [K]",
      {{kSuperheatModel, "superheat_model", "reduced model"},
       {kSuperheatDynamic, "superheat_dynamic", "dynamic model (re-simulation)"}},
      values, "t_h", true, x_domain, limit_layers(s, "superheat", "K", "Superheat [K]"), 1, marks));
  const Json fit = object_at(object_at(s, "reduced_model"), "fit_error");
  const std::vector<std::string> subtitle = {
      fmt::format("{}: {}; reduced-model fit rms {} cm ledge, {} K superheat, {} % metal per step; "
                  "plan - dynamic over the horizon {} t metal",
                  run.title(), vega::text(s, "verdict", "verdict missing"),
                  vega::fixed(vega::member(fit, "ledge_rms_cm"), 2),
                  vega::fixed(vega::member(fit, "superheat_rms_K"), 2),
                  vega::fixed(vega::member(fit, "production_rms_percent"), 2),
                  vega::fixed(vega::member(object_at(object_at(object_at(s, "optimised"), "check"),
                                                     "reduced_model_error"),
                                           "production_total_t"),
                              1)),
      fmt::format("red: the case's limits (they bound the dynamic model's {} running means); "
                  "dashed orange: the "
                  "optimiser's after tightening; shaded: where those means left the window",
                  vega::member(s, "window_averaging_h")
                      ? fmt::format("{:g}-h", *vega::member(s, "window_averaging_h"))
                      : std::string("window.averaging"))};
  return stacked("Heat state of the optimised schedule with its limits", subtitle, values, panels,
                 marks);
}

/// Hold time per power level to the first limit of any kind (bars; with and without heat exchangers
/// side by side), with the running mean's window crossing, the freeze alarm and the bath-frozen
/// time as points.
Chart envelope_chart(const RunData& run, const Table& t) {
  Json bars = Json::array();
  Json events = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto power = t.number(i, "power [% of nominal]");
    const std::string hx =
        t.column("heat exchangers") >= 0 ? t.text(i, "heat exchangers") : "as in the case";
    const std::string config = "heat exchangers " + hx;
    const std::string level = power ? fmt::format("{:g} %", *power) : "missing";
    const auto hold = t.number(i, "hold [h]");
    bars.push_back({{"level", level},
                    {"power", vega::number(power)},
                    {"config", config},
                    {"hold_h", vega::number(hold)},
                    {"first_limit", t.text(i, "first limit")},
                    {"energy_MWh", vega::number(t.number(i, "flexible energy [MWh]"))}});
    for (const auto& [column, what] : std::vector<std::pair<std::string, std::string>>{
             {"window crossing at [h]", "running mean out of the window"},
             {"freeze alarm at [h]", "freeze alarm"},
             {"frozen at [h]", "bath frozen"}}) {
      if (const auto at = t.number(i, column))
        events.push_back({{"level", level}, {"config", config}, {"at_h", *at}, {"what", what}});
    }
  }
  std::size_t marks = 0;
  std::vector<std::pair<double, std::string>> levels;  // the axis in ascending power (missing last)
  for (const auto& b : bars) {
    marks += b["hold_h"].is_number() ? 1 : 0;
    const double p = b["power"].is_number() ? b["power"].get<double>() : 1e300;
    const std::pair<double, std::string> level{p, b["level"].get<std::string>()};
    if (std::find(levels.begin(), levels.end(), level) == levels.end()) levels.push_back(level);
  }
  std::sort(levels.begin(), levels.end());
  Json order = Json::array();
  for (const auto& l : levels) order.push_back(l.second);
  Json x = vega::field("level", "ordinal", "Constant power [% of nominal]");
  x["sort"] = order;
  Json layers = Json::array();
  layers.push_back(vega::primary(
      {{"data", {{"values", bars}}},
       {"mark", {{"type", "bar"}, {"tooltip", true}}},
       {"encoding",
        {{"x", x},
         {"xOffset", {{"field", "config"}}},
         {"y", vega::field("hold_h", "quantitative", "Time held within the limits [h]")},
         {"color", {{"field", "config"}, {"type", "nominal"}, {"title", nullptr}}}}}}));
  if (!events.empty()) {
    layers.push_back(
        {{"data", {{"values", events}}},
         {"mark", {{"type", "point"}, {"filled", true}, {"size", 60}, {"color", "#333"}}},
         {"encoding",
          {{"x", x},
           {"xOffset", {{"field", "config"}}},
           {"y", vega::field("at_h", "quantitative", "Time held within the limits [h]")},
           {"shape", {{"field", "what"}, {"type", "nominal"}, {"title", nullptr}}},
           {"tooltip",
            Json::array({{{"field", "what"}},
                         {{"field", "at_h"}, {"title", "at [h]"}, {"format", ".2f"}}})}}}});
  }
  Json spec = vega::base("Operating envelope: how long each constant power holds within the limits",
                         "", 640, 260);
  spec["title"]["subtitle"] = vega::wrapped_subtitle(
      {fmt::format("{}: the representative cell from its reference state", run.title()),
       "a bar ends at the first limit of any kind (a bar that reaches the scan's length held to its "
       "end); points: running mean out of the window, freeze alarm (ledge above its limit), bath "
       "frozen"},
      640);
  spec["layer"] = layers;
  return vega::chart(spec, marks);
}

}  // namespace

RunReport flex_report(const RunData& run) {
  RunReport r;
  const Json& s = run.summary;
  if (const Table* t = run.table("schedule.csv"); t && !t->rows.empty()) {
    const double step_h = vega::member(s, "step_min").value_or(60.0) / 60.0;
    const std::vector<Series> power = power_series(*t);
    const Json values = schedule_values(*t, step_h, power);
    const Json x_domain = {0.0, values.back()["t_h"]};
    if (auto c = schedule_chart(run, values, power, x_domain)) {
      r.charts.push_back(std::move(*c));
    } else {
      r.missing.push_back("power schedule: schedule.csv has no price or power values");
    }
    if (auto c = heat_chart(run, values, x_domain)) {
      r.charts.push_back(std::move(*c));
    } else {
      r.missing.push_back("heat state: schedule.csv has no ledge or superheat values");
    }
  } else {
    r.missing.push_back(
        "power schedule and heat state: no schedule.csv (or no rows) in the run folder");
  }
  if (const Table* t = run.table("envelope.csv"); t && !t->rows.empty()) {
    r.charts.push_back(envelope_chart(run, *t));
  } else {
    r.missing.push_back(
        "operating envelope: not scanned in this run (potline flex ... --envelope writes "
        "envelope.csv)");
  }
  if (!object_at(object_at(s, "value"), "delivered").empty())
    r.tables.push_back(planned_delivered_table(s));
  Json value = object_at(s, "value");
  value.erase("planned");  // in the planned-delivered table
  value.erase("delivered");
  r.tables.push_back(
      key_value_table("Value of flexibility against the flat schedule (summary value; keys not "
                      "named delivered or dynamic are the plan's, the reduced model's)",
                      value));
  r.tables.push_back(economics_table(s));
  Json solver = object_at(s, "solver");
  solver["verdict"] = s.contains("verdict") ? s["verdict"] : Json();
  r.tables.push_back(key_value_table("Solver and dynamic check (summary solver, verdict)", solver));
  r.tables.push_back(rounds_table(s));
  r.tables.push_back(crossings_table(s));
  r.tables.push_back(
      key_value_table("Reduced thermal model fitted to the dynamic model (summary reduced_model)",
                      object_at(s, "reduced_model")));
  if (const Table* t = run.table("envelope.csv"))
    r.tables.push_back({"Operating envelope (envelope.csv)", t->columns, t->rows});
  // Every other object of the summary (a later version's results, e.g. grid products or anode
  // effects) as its own table, so nothing the run wrote is left out.
  static const std::set<std::string> shown{"reduced_model", "solver", "flat",    "optimised",
                                           "value",         "rounds", "envelope"};
  if (s.is_object()) {
    for (const auto& [key, v] : s.items()) {
      if (v.is_object() && !shown.count(key))
        r.tables.push_back(
            key_value_table(fmt::format("{} (summary {})", vega::label(key), key), v));
    }
  }
  return r;
}

}  // namespace potline::report

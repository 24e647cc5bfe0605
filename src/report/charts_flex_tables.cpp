// Tables of the `potline flex` report (see charts_flex.cpp): economics flat against optimised,
// planned and delivered; the value figures planned beside delivered; solver, rounds, crossings.
#include <fmt/format.h>

#include "charts_flex_internal.hpp"
#include "vega.hpp"

namespace potline::report::flex_report_parts {

using io::Json;

std::string number_text(const Json& obj, const std::string& key) {
  return obj.is_object() && obj.contains(key) ? vega::cell_text(obj[key]) : "missing";
}

/// Flat against optimised, planned and delivered: every economics key the two share (margin first),
/// with the change.
HtmlTable economics_table(const Json& s) {
  HtmlTable t{
      "Economics over the horizon: the optimised schedule against the flat one, planned (reduced "
      "model) and "
      "delivered (dynamic model) (summary flat, optimised and their delivered)",
      {"Quantity (unit in the name)", "Flat, planned", "Optimised, planned",
       "Optimised - flat, planned", "Flat, delivered", "Optimised, delivered",
       "Optimised - flat, delivered"},
      {}};
  const Json flat = object_at(s, "flat");
  const Json opt = object_at(s, "optimised");
  const Json flat_d = object_at(flat, "delivered");
  const Json opt_d = object_at(opt, "delivered");
  const auto change = [](const Json& x, const Json& y, const std::string& key) {
    const auto a = vega::member(x, key);
    const auto b = vega::member(y, key);
    return a && b ? vega::cell_text(vega::number(*b - *a)) : std::string("missing");
  };
  for (const auto& [key, v] : opt.items()) {
    if (!v.is_number()) continue;
    t.rows.push_back({key, number_text(flat, key), number_text(opt, key), change(flat, opt, key),
                      number_text(flat_d, key), number_text(opt_d, key),
                      change(flat_d, opt_d, key)});
  }
  return t;
}

/// The value figures against the flat schedule, planned beside delivered (summary value.planned,
/// value.delivered; economics.csv holds the same).
HtmlTable planned_delivered_table(const Json& s) {
  HtmlTable t{
      "Value against the flat schedule: planned (reduced model) and delivered (both schedules in "
      "the dynamic "
      "model) (summary value.planned, value.delivered)",
      {"Quantity (unit in the name)", "Planned", "Delivered", "Delivered - planned"},
      {}};
  const Json value = object_at(s, "value");
  const Json planned = object_at(value, "planned");
  const Json delivered = object_at(value, "delivered");
  for (const auto& [key, v] : delivered.items()) {
    if (!v.is_number()) continue;
    const auto a = vega::member(planned, key);
    const auto b = vega::member(delivered, key);
    t.rows.push_back({key, a ? number_text(planned, key) : "- (dynamic model only)",
                      number_text(delivered, key),
                      a && b ? vega::cell_text(vega::number(*b - *a)) : "-"});
  }
  return t;
}

HtmlTable key_value_table(const std::string& title, const Json& obj) {
  HtmlTable t{title, {"Quantity (unit in the name)", "Value"}, {}};
  for (const auto& [key, v] : flatten(obj)) t.rows.push_back({key, vega::cell_text(v)});
  return t;
}

HtmlTable rounds_table(const Json& s) {
  HtmlTable t{
      "Re-simulation rounds: the bounds the optimiser used and what the dynamic model did (summary "
      "rounds)",
      {"Round", "Ledge min [cm]", "Ledge max [cm]", "Superheat min [K]", "Superheat max [K]",
       "Margin [EUR]", "In window", "Crossings"},
      {}};
  std::size_t k = 0;
  for (const auto& r : array_at(s, "rounds")) {
    const Json check = object_at(r, "check");
    t.rows.push_back({std::to_string(++k), number_text(r, "ledge_min_cm"),
                      number_text(r, "ledge_max_cm"), number_text(r, "superheat_min_K"),
                      number_text(r, "superheat_max_K"), number_text(r, "margin_eur"),
                      number_text(check, "in_window"),
                      std::to_string(array_at(check, "crossings").size())});
  }
  return t;
}

HtmlTable crossings_table(const Json& s) {
  // The window's averaging (window.averaging, 24 h by default) is what the crossings are found on.
  const auto averaging_h = vega::member(s, "window_averaging_h");
  HtmlTable t{
      fmt::format("Limit crossings of the reported schedule in the dynamic model ({} running "
                  "means; none when in "
                  "window)",
                  averaging_h ? fmt::format("{:g}-h", *averaging_h) : std::string("the window's")),
      {"Limit", "Start [h]", "End [h]", "Extreme", "Bound", "Unit"},
      {}};
  const Json check = object_at(object_at(s, "optimised"), "check");
  for (const auto& x : array_at(check, "crossings")) {
    t.rows.push_back({vega::text(x, "limit"), number_text(x, "start_h"), number_text(x, "end_h"),
                      number_text(x, "extreme"), number_text(x, "bound"),
                      vega::text(x, "unit", "-")});
  }
  if (t.rows.empty()) t.rows.push_back({"none", "-", "-", "-", "-", "-"});
  return t;
}

}  // namespace potline::report::flex_report_parts

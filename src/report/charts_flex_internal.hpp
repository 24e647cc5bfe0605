#pragma once
// Parts of the `potline flex` report shared by charts_flex.cpp (charts) and charts_flex_tables.cpp
// (tables); internal to src/report.
#include <string>

#include "potline/report/charts.hpp"

namespace potline::report::flex_report_parts {

/// obj[key] when it is an object, else an empty object (foreign or older summaries must not throw).
inline io::Json object_at(const io::Json& obj, const std::string& key) {
  return obj.is_object() && obj.contains(key) && obj[key].is_object() ? obj[key]
                                                                      : io::Json::object();
}

/// obj[key] when it is an array, else an empty array.
inline io::Json array_at(const io::Json& obj, const std::string& key) {
  return obj.is_object() && obj.contains(key) && obj[key].is_array() ? obj[key] : io::Json::array();
}

/// The value at obj[key] as table text, "missing" when absent.
std::string number_text(const io::Json& obj, const std::string& key);
/// Flat against optimised, planned and delivered (summary flat, optimised and their delivered).
HtmlTable economics_table(const io::Json& s);
/// The value figures planned beside delivered (summary value.planned, value.delivered).
HtmlTable planned_delivered_table(const io::Json& s);
/// Every leaf of `obj` as a row.
HtmlTable key_value_table(const std::string& title, const io::Json& obj);
/// The re-simulation rounds (summary rounds).
HtmlTable rounds_table(const io::Json& s);
/// The limit crossings of the reported schedule (summary optimised.check.crossings).
HtmlTable crossings_table(const io::Json& s);

}  // namespace potline::report::flex_report_parts

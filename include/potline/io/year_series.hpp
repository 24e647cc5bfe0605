#pragma once
// Year-series fields (FieldType::kYearSeries): a table of calendar years to numbers, declared once
// in a schema (`cbam.eua_price_by_year`, years 2026–2034, EUR/t), written in a case file as
// `eua_price_by_year = { 2026 = "70 EUR/t", 2030 = "95 EUR/t" }` and set one year at a time with
// `--set cbam.eua_price_by_year.2030=95`. Each year's value is kept in the ValueSet under
// year_key(KEY, YEAR) with its own location, so a later --set of one year replaces that year only.
#include <toml++/toml.h>

#include <map>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::io {

/// Reads the year table of `series` from a case file into `values` (one value per year). A key that
/// is no year, or a year outside the series' span, is an error at the key; a value is converted and
/// range-checked as a number of the series' unit, its errors at the value.
void read_year_series(const FieldSpec& series, const toml::table& table, const std::string& file,
                      ValueSet& values, core::Diagnostics& diagnostics, Origin origin);

/// One year of `series` given as `--set KEY.YEAR=VALUE` (`year_text` the text after KEY.), set in
/// `values` when valid; errors at `where`.
void set_series_year(const FieldSpec& series, const std::string& year_text, const std::string& raw_value,
                     bool is_string, const core::SourceLocation& where, ValueSet& values,
                     core::Diagnostics& diagnostics);

/// The values of `series_key` given, by year.
std::map<int, const Value*> year_series_values(const ValueSet& values, const std::string& series_key);

/// "a table of years (2026–2034) to numbers in EUR/t, e.g. { 2026 = "70 EUR/t", 2030 = 95 }".
std::string year_series_type_text(const FieldSpec& series);

}  // namespace potline::io

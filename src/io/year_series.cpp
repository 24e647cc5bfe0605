#include "potline/io/year_series.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

#include "potline/io/toml_values.hpp"

namespace potline::io {
namespace {

core::SourceLocation where_of(const toml::source_region& region, const std::string& file) {
  return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string example(const FieldSpec& series) {
  const std::string unit = series.unit.empty() || series.unit == "1" ? "" : " " + series.unit;
  const int second = std::min(series.last_year, series.first_year + 4);
  return fmt::format("{{ {} = \"70{}\", {} = \"95{}\" }}", series.first_year, unit, second, unit);
}

/// The year of a series key, or an error at `where`: digits only, within the declared span.
std::optional<int> series_year(const FieldSpec& series, const std::string& text, const core::SourceLocation& where,
                               core::Diagnostics& diagnostics) {
  const bool digits = !text.empty() && text.size() <= 6 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  const std::string span = series.years_text() + (series.years_source.empty() ? "" : " (" + series.years_source + ")");
  if (!digits) {
    diagnostics.error(where, series.key,
                      fmt::format("'{}' is not a year: {} takes calendar years {} as keys, e.g. {} = {}", text,
                                  series.key, span, series.key, example(series)));
    return std::nullopt;
  }
  const int year = std::atoi(text.c_str());
  if (year < series.first_year || year > series.last_year) {
    diagnostics.error(where, year_key(series.key, year),
                      fmt::format("year {} is outside the years {} of {}", year, span, series.key));
    return std::nullopt;
  }
  return year;
}

}  // namespace

void read_year_series(const FieldSpec& series, const toml::table& table, const std::string& file, ValueSet& values,
                      core::Diagnostics& diagnostics, Origin origin) {
  // Document order, as read_table reports.
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table) entries.emplace_back(&key, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& pa = a.first->source().begin;
    const auto& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  for (const auto& [key, node] : entries) {
    const auto year = series_year(series, std::string(key->str()), where_of(key->source(), file), diagnostics);
    if (!year) continue;
    const FieldSpec field = year_field(series, *year);
    if (auto value = read_toml_field(field, *node, field.key, toml_location(*node, file), diagnostics)) {
      value->origin = origin;
      values.set(field.key, std::move(*value));
    }
  }
}

void set_series_year(const FieldSpec& series, const std::string& year_text, const std::string& raw_value,
                     bool is_string, const core::SourceLocation& where, ValueSet& values,
                     core::Diagnostics& diagnostics) {
  const auto year = series_year(series, year_text, where, diagnostics);
  if (!year) return;
  const FieldSpec field = year_field(series, *year);
  if (auto value = convert_input(field, raw_value, is_string, where, diagnostics)) {
    value->origin = Origin::kCommandLine;
    values.set(field.key, std::move(*value));
  }
}

std::map<int, const Value*> year_series_values(const ValueSet& values, const std::string& series_key) {
  std::map<int, const Value*> out;
  const std::string prefix = series_key + ".";
  for (auto it = values.all().lower_bound(prefix); it != values.all().end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    const std::string year = it->first.substr(prefix.size());
    if (!year.empty() && year.find_first_not_of("0123456789") == std::string::npos)
      out[std::atoi(year.c_str())] = &it->second;
  }
  return out;
}

std::string year_series_type_text(const FieldSpec& series) {
  const bool unit = !series.unit.empty() && series.unit != "1";
  return fmt::format("a table of years ({}) to numbers{}, e.g. {}", series.years_text(),
                     unit ? " (in " + series.unit + ", or strings with their unit)" : "", example(series));
}

}  // namespace potline::io

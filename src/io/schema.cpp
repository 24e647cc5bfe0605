#include "potline/io/schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "potline/core/text.hpp"

namespace potline::io {

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::kNumber: return "number";
    case FieldType::kInteger: return "integer";
    case FieldType::kString: return "string";
    case FieldType::kBool: return "bool";
    case FieldType::kChoice: return "choice";
    case FieldType::kYearSeries: return "year_series";
  }
  return "?";
}

namespace {
std::string with_unit(const std::string& text, const std::string& unit) {
  return unit.empty() || unit == "1" ? text : text + " " + unit;
}

// A bound of an integer field is written as the integer it is: core::format_number switches to
// scientific notation from 1e15, which printed the seed's bound 2^53 as 9.007199254740992e+15.
std::string bound_text(double value, FieldType type) {
  if (type == FieldType::kInteger && std::isfinite(value) && value == std::trunc(value) &&
      std::fabs(value) < 1e18) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    return std::string(buffer, result.ptr);
  }
  return core::format_number(value);
}
}  // namespace

std::string FieldSpec::range_text() const {
  // A year series: its values' range and its years ("[0, inf) EUR/t, years 2026–2034").
  const std::string years = type == FieldType::kYearSeries ? "years " + years_text() : "";
  if (!min && !max) return years;
  const std::string low = min ? bound_text(*min, type) : "-inf";
  const std::string high = max ? bound_text(*max, type) : "inf";
  const char open = (min && !min_exclusive) ? '[' : '(';
  const char close = (max && !max_exclusive) ? ']' : ')';
  const std::string values = with_unit(std::string(1, open) + low + ", " + high + std::string(1, close), unit);
  return years.empty() ? values : values + ", " + years;
}

std::string FieldSpec::typical_text() const {
  if (!typical_min || !typical_max) return {};
  return with_unit(bound_text(*typical_min, type) + "–" + bound_text(*typical_max, type), unit);
}

std::string FieldSpec::years_text() const {
  if (type != FieldType::kYearSeries) return {};
  return std::to_string(first_year) + "–" + std::to_string(last_year);
}

std::string year_key(const std::string& series_key, int year) { return series_key + "." + std::to_string(year); }

FieldSpec year_field(const FieldSpec& series, int year) {
  FieldSpec f = series;
  f.key = year_key(series.key, year);
  f.type = FieldType::kNumber;
  f.first_year = f.last_year = 0;
  return f;
}

Schema::Schema(std::string name, std::vector<FieldSpec> fields)
    : name_(std::move(name)), fields_(std::move(fields)) {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    for (std::size_t j = i + 1; j < fields_.size(); ++j) {
      if (fields_[i].key == fields_[j].key) {
        throw std::logic_error("schema " + name_ + ": duplicate key " + fields_[i].key);
      }
    }
  }
}

const FieldSpec* Schema::find(std::string_view key) const {
  const auto it = std::find_if(fields_.begin(), fields_.end(),
                               [&](const FieldSpec& f) { return f.key == key; });
  return it == fields_.end() ? nullptr : &*it;
}

const FieldSpec* Schema::find_series(std::string_view key, std::string& part) const {
  const auto dot = key.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  const FieldSpec* f = find(key.substr(0, dot));
  if (f == nullptr || f->type != FieldType::kYearSeries) return nullptr;
  part = std::string(key.substr(dot + 1));
  return f;
}

std::vector<std::string> Schema::keys() const {
  std::vector<std::string> out;
  for (const auto& f : fields_) out.push_back(f.key);
  return out;
}

std::vector<std::string> Schema::sections() const {
  std::vector<std::string> out;
  for (const auto& f : fields_) {
    const auto dot = f.key.find('.');
    const std::string section = dot == std::string::npos ? std::string() : f.key.substr(0, dot);
    if (std::find(out.begin(), out.end(), section) == out.end()) out.push_back(section);
  }
  return out;
}

}  // namespace potline::io

#include "potline/io/values.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "potline/core/text.hpp"

namespace potline::io {

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::kDefault: return "default";
    case Origin::kTechnology: return "technology";
    case Origin::kCaseFile: return "case file";
    case Origin::kCommandLine: return "command line";
    case Origin::kCalibrated: return "calibrated";
  }
  return "?";
}

const Value* ValueSet::get(const std::string& key) const {
  const auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

double ValueSet::number(const std::string& key) const {
  const Value* v = get(key);
  if (v == nullptr) throw std::out_of_range("missing input value: " + key);
  return v->number;
}

std::optional<double> ValueSet::maybe_number(const std::string& key) const {
  const Value* v = get(key);
  return v == nullptr ? std::nullopt : std::optional<double>(v->number);
}

std::string ValueSet::text(const std::string& key, const std::string& fallback) const {
  const Value* v = get(key);
  return v == nullptr ? fallback : v->text;
}

namespace {

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

double to_field_unit(const FieldSpec& field, double internal_value) {
  if (field.unit.empty() || field.unit == field.internal_unit) return internal_value;
  const auto back = core::convert(internal_value, field.internal_unit, field.unit, field.temperature_kind);
  return back.ok() ? back.value : internal_value;
}

// A value converted to SI and back to the field's unit carries rounding noise (900 degC comes
// back as 900.0000000000001). Within a few ulps of a bound it is taken as the bound itself, so a
// value typed exactly at an inclusive bound is accepted and one at an exclusive bound rejected.
double snap_to_bounds(const FieldSpec& field, double value) {
  for (const auto& bound : {field.min, field.max, field.typical_min, field.typical_max}) {
    if (bound && std::fabs(value - *bound) <= 1e-12 * std::fabs(*bound)) return *bound;
  }
  return value;
}

bool check_range(const FieldSpec& field, double value_in_unit, const std::string& shown,
                 const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  value_in_unit = snap_to_bounds(field, value_in_unit);
  const bool below = field.min && (field.min_exclusive ? value_in_unit <= *field.min
                                                       : value_in_unit < *field.min);
  const bool above = field.max && (field.max_exclusive ? value_in_unit >= *field.max
                                                       : value_in_unit > *field.max);
  if (below || above) {
    std::string message = "value " + shown + " is outside the allowed range " + field.range_text();
    if (!field.description.empty()) message += " (" + field.description + ")";
    diagnostics.error(where, field.key, message);
    return false;
  }
  if (field.typical_min && field.typical_max &&
      (value_in_unit < *field.typical_min || value_in_unit > *field.typical_max)) {
    diagnostics.warning(where, field.key,
                        "value " + shown + " is outside the typical range " + field.typical_text() +
                            (field.source.empty() ? "" : " (" + field.source + ")"));
  }
  return true;
}

}  // namespace

std::string format_in_field_unit(const FieldSpec& field, double internal_value) {
  double shown = to_field_unit(field, internal_value);
  // Drop the unit round trip's rounding noise (1233.15 K is 960.0000000000001 degC): 12
  // significant digits are plenty for a message and hide the last-bit error.
  if (std::isfinite(shown) && shown != 0.0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.12g", shown);
    shown = std::strtod(buffer, nullptr);
  }
  std::string text = core::format_number(shown);
  if (!field.unit.empty() && field.unit != "1") text += " " + field.unit;
  return text;
}

std::optional<Value> convert_input(const FieldSpec& field, const std::string& raw_text,
                                   bool is_string, const core::SourceLocation& where,
                                   core::Diagnostics& diagnostics) {
  Value value;
  value.location = where;
  switch (field.type) {
    case FieldType::kString:
      value.text = raw_text;
      return value;
    case FieldType::kChoice: {
      for (const auto& choice : field.choices) {
        if (choice == raw_text) {
          value.text = raw_text;
          return value;
        }
      }
      std::string message = "value " + quote(raw_text) + " is not one of: " + join(field.choices);
      const std::string hint = core::closest_match(raw_text, field.choices);
      if (!hint.empty()) message += " (did you mean " + quote(hint) + "?)";
      diagnostics.error(where, field.key, message);
      return std::nullopt;
    }
    case FieldType::kBool:
      if (raw_text == "true" || raw_text == "false") {
        value.number = raw_text == "true" ? 1.0 : 0.0;
        value.text = raw_text;
        return value;
      }
      diagnostics.error(where, field.key, "value " + quote(raw_text) + " is not true or false");
      return std::nullopt;
    case FieldType::kInteger: {
      if (is_string && raw_text.find_first_not_of("+-0123456789 ") != std::string::npos) {
        diagnostics.error(where, field.key,
                          "expected an integer, got the string " + quote(raw_text));
        return std::nullopt;
      }
      char* end = nullptr;
      const long long n = std::strtoll(raw_text.c_str(), &end, 10);
      if (end == raw_text.c_str() || std::string(end).find_first_not_of(" ") != std::string::npos) {
        diagnostics.error(where, field.key, "expected an integer, got " + quote(raw_text));
        return std::nullopt;
      }
      value.number = static_cast<double>(n);
      if (!check_range(field, value.number, raw_text, where, diagnostics)) return std::nullopt;
      return value;
    }
    case FieldType::kNumber: {
      const auto parsed =
          core::parse_quantity(raw_text, field.unit, field.internal_unit, field.temperature_kind);
      if (!parsed.ok()) {
        std::string message = parsed.error;
        if (!field.unit.empty()) message += "; this field takes a number in " + field.unit;
        diagnostics.error(where, field.key, message);
        return std::nullopt;
      }
      value.number = parsed.value;
      const double in_unit = to_field_unit(field, value.number);
      std::string shown = raw_text;
      if (is_string || raw_text.find_first_not_of("+-.0123456789eE") != std::string::npos) {
        shown = quote(raw_text) + " (= " + format_in_field_unit(field, value.number) + ")";
      } else if (!field.unit.empty() && field.unit != "1") {
        shown = raw_text + " " + field.unit;
      }
      if (!check_range(field, in_unit, shown, where, diagnostics)) return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace potline::io

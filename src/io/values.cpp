#include "potline/io/values.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"

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

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

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

// A plain number below 1 in a % field declared warn_plain_fraction (flex.min_power = 0.75 for
// 75 %; investment.tax_rate = 0.25) is most likely a fraction: it is read as 0.75 %, which here
// fitted the reduced model to a 99 % cut and reported +216 kEUR out of window, without a word.
// The declaration says where: a rule on the default alone also warned on a legitimate 0.5 % spread
// (potline.spread_acd = 0.5). Only when the value read as a fraction is allowed.
void warn_fraction_for_percent(const FieldSpec& field, const std::string& raw_text, double value_in_unit,
                               const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  const std::size_t start = raw_text.find_first_not_of(" ");
  const bool plain = start != std::string::npos && raw_text.find_first_not_of("+-.0123456789eE ", start) == std::string::npos;
  // wt% too: `bath --alf3 0.11` (for 11 wt%) gave a bath of 0.11 wt% excess AlF3, its liquidus 1011 degC.
  const bool percent_unit = field.unit == "%" || field.unit == "wt%";
  if (!field.warn_plain_fraction || !percent_unit || !plain || !(value_in_unit > 0.0 && value_in_unit < 1.0)) return;
  if (field.typical_min && field.typical_max) return;  // check_range's typical-range warning covers it
  const double percent = value_in_unit * 100.0;
  if ((field.min && percent < *field.min) || (field.max && percent > *field.max)) return;
  const char* unit = field.unit.c_str();
  std::string by_default;
  if (field.default_value) {
    char shown[64];
    std::snprintf(shown, sizeof shown, ", default %.10g %s", *field.default_value, unit);
    by_default = shown;
  }
  char buffer[320];
  std::snprintf(buffer, sizeof buffer,
                "value %.10g is read as %.10g %s (this field is in %s%s): for %.10g %s write %.10g or \"%.10g %s\"",
                value_in_unit, value_in_unit, unit, unit, by_default.c_str(), percent, unit, percent, percent, unit);
  diagnostics.warning(where, field.key, buffer);
}

// A share typed as a percentage (capacity_factor = 75; a tariff rate of 5 for 5 %, read as 500 %):
// say it is a fraction and how to write it. For a dimensionless field whose allowed or typical
// range ends at 1, when the value reads as a percentage (2 to 100, not 1.01) and its hundredth is
// allowed.
// Not for a value written with '%' ("500 %" is 5 as meant: T14-12, "it is a fraction: write 0.05" was wrong).
std::string share_hint(const FieldSpec& field, double value_in_unit, const std::string& raw_text = {}) {
  if (raw_text.find('%') != std::string::npos) return {};
  const bool dimensionless = field.unit.empty() || field.unit == "1";
  const bool share = (field.max && *field.max == 1.0) || (field.typical_max && *field.typical_max <= 1.0);
  const double hundredth = value_in_unit / 100.0;
  if (!dimensionless || !share || value_in_unit < 2.0 || value_in_unit > 100.0) return {};
  if ((field.max && hundredth > *field.max) || (field.min && hundredth < *field.min)) return {};
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "; it is a fraction: write %.10g or \"%.10g %%\"", hundredth, value_in_unit);
  return buffer;
}

// A value a factor of 1000 from the typical range that lands inside it when scaled is most likely
// a unit slip (a USD/kWh price typed as a number into a USD/MWh field, "400 A" for 400 kA): say
// what it would be (user trial 7, T7-11 and T7-17). Only for fields with a unit other than %.
std::string thousandfold_hint(const FieldSpec& field, double value_in_unit) {
  if (field.unit.empty() || field.unit == "1" || field.unit == "%" || !(value_in_unit > 0.0)) return "";
  for (const double factor : {1000.0, 0.001}) {
    const double scaled = value_in_unit * factor;
    if (scaled >= *field.typical_min && scaled <= *field.typical_max) {
      char buffer[160];
      std::snprintf(buffer, sizeof buffer,
                    "; 1000 times too %s? %.10g %s would be typical (a kWh/MWh, kg/t or A/kA slip)",
                    factor > 1.0 ? "low" : "high", scaled, field.unit.c_str());
      return buffer;
    }
  }
  return "";
}

// A number typed with a unit of another basis whose number, read in the field's unit, would be
// typical ("110000 USD/d" for a yearly wage of 110000): say the factor that explains the unit given
// (user trial T12-5: the 1000x hint said "40177.5 USD/yr" for a day/year slip of 365.25). Empty when
// the number has no unit, the field's own, or the factor is 1000 (thousandfold_hint's case).
std::string unit_basis_hint(const FieldSpec& field, const std::string& raw_text, double value_in_unit) {
  if (field.unit.empty() || field.unit == "1" || field.unit == "%" || !(value_in_unit > 0.0)) return "";
  const char* begin = raw_text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin || !(number > 0.0)) return "";
  const std::string given = trimmed(std::string(end));
  if (given.empty() || given == field.unit) return "";
  if (number < *field.typical_min || number > *field.typical_max) return "";
  const double factor = value_in_unit / number;
  const auto near = [](double a, double b) { return std::abs(a / b - 1.0) < 1e-6; };
  if (near(factor, 1.0) || near(factor, 1000.0) || near(factor, 0.001)) return "";
  char buffer[200];
  std::snprintf(buffer, sizeof buffer, "; %.6g times too %s? %.10g %s would be typical (a %s for %s slip)",
                factor > 1.0 ? factor : 1.0 / factor, factor > 1.0 ? "high" : "low", number, field.unit.c_str(),
                given.c_str(), field.unit.c_str());
  return buffer;
}

bool check_range(const FieldSpec& field, double value_in_unit, const std::string& shown,
                 const core::SourceLocation& where, core::Diagnostics& diagnostics, const std::string& raw_text = {}) {
  value_in_unit = snap_to_bounds(field, value_in_unit);
  const bool below = field.min && (field.min_exclusive ? value_in_unit <= *field.min
                                                       : value_in_unit < *field.min);
  const bool above = field.max && (field.max_exclusive ? value_in_unit >= *field.max
                                                       : value_in_unit > *field.max);
  if (below || above) {
    std::string message = "value " + shown + " is outside the allowed range " + field.range_text();
    if (!field.description.empty()) message += " (" + field.description + ")";
    message += share_hint(field, value_in_unit, raw_text);
    // A fraction typed for a percentage (assumed_current_efficiency = 0.95): the percentage it
    // stands for is allowed, the value is not.
    const double percent = value_in_unit * 100.0;
    if (field.unit == "%" && value_in_unit > 0.0 && value_in_unit < 2.0 && (!field.min || percent >= *field.min) &&
        (!field.max || percent <= *field.max)) {
      char buffer[128];
      std::snprintf(buffer, sizeof buffer, "; this field is in %%: for %.10g %% write %.10g or \"%.10g %%\"", percent,
                    percent, percent);
      message += buffer;
    }
    diagnostics.error(where, field.key, message);
    return false;
  }
  if (field.typical_min && field.typical_max &&
      (value_in_unit < *field.typical_min || value_in_unit > *field.typical_max)) {
    std::string hint;
    // A fraction typed for a percentage (wacc = 0.08): read as 0.08 %, a result 15 times off, so say it.
    if (field.unit == "%" && value_in_unit > 0.0 && value_in_unit < 1.0 && value_in_unit * 100.0 >= *field.typical_min &&
        value_in_unit * 100.0 <= *field.typical_max) {
      char buffer[128];
      std::snprintf(buffer, sizeof buffer, "; this field is in %%: for %.10g %% write %.10g or \"%.10g %%\"",
                    value_in_unit * 100.0, value_in_unit * 100.0, value_in_unit * 100.0);
      hint = buffer;
    }
    hint += share_hint(field, value_in_unit, raw_text);
    const std::string basis = unit_basis_hint(field, raw_text, value_in_unit);
    hint += basis.empty() ? thousandfold_hint(field, value_in_unit) : basis;
    diagnostics.warning(where, field.key,
                        "value " + shown + " is outside the typical range " + field.typical_text() +
                            (field.source.empty() ? "" : " (" + field.source + ")") + hint);
  }
  return true;
}


// A unit of the wrong dimension, said in words ("a mass", "USD per energy") with the field's own
// unit and an example, instead of the SI dimensions of the internal unit ('kg/s', 'USD/J').
// Physical dimensions by exponents of m, kg, s, A, K, mol; money is USD or EUR to the power 1.
std::string dimension_words(core::Dimension d) {
  struct Named {
    std::array<int, 6> exponents;
    const char* words;
  };
  static constexpr Named kNamed[] = {
      {{0, 0, 0, 0, 0, 0}, "a plain number"},   {{1, 0, 0, 0, 0, 0}, "a length"},
      {{0, 1, 0, 0, 0, 0}, "a mass"},           {{0, 0, 1, 0, 0, 0}, "a time"},
      {{0, 0, 0, 1, 0, 0}, "a current"},        {{0, 0, 0, 0, 1, 0}, "a temperature"},
      {{0, 0, 0, 0, 0, 1}, "an amount of substance"}, {{2, 0, 0, 0, 0, 0}, "an area"},
      {{3, 0, 0, 0, 0, 0}, "a volume"},         {{0, 1, -1, 0, 0, 0}, "a mass per time"},
      {{-3, 1, 0, 0, 0, 0}, "a density"},       {{2, 1, -2, 0, 0, 0}, "an energy"},
      {{2, 1, -3, 0, 0, 0}, "a power"},         {{2, 1, -3, -1, 0, 0}, "a voltage"},
      {{2, 1, -3, -2, 0, 0}, "a resistance"},   {{-2, 0, 0, 1, 0, 0}, "a current density"},
      {{-1, 1, -2, 0, 0, 0}, "a pressure"},     {{1, 0, -1, 0, 0, 0}, "a speed"},
      {{0, 0, -1, 0, 0, 0}, "a rate (per time)"}, {{2, 0, -2, 0, 0, 0}, "an energy per mass"},
      {{-2, 0, 2, 0, 0, 0}, "a mass per energy"}, {{0, 0, -1, 0, 1, 0}, "a temperature per time"},
      {{1, 1, -3, 0, -1, 0}, "a thermal conductivity"}, {{-3, -1, 3, 2, 0, 0}, "a conductivity"},
  };
  const auto physical = [](const core::Dimension& x) {
    return std::array<int, 6>{x[0], x[1], x[2], x[3], x[4], x[5]};
  };
  const auto name = [&](const std::array<int, 6>& e) -> std::string {
    for (const auto& n : kNamed) {
      if (n.exponents == e) return n.words;
    }
    return {};
  };
  const int usd = d[6], eur = d[7];
  if (usd == 0 && eur == 0) {
    const std::string words = name(physical(d));
    return words.empty() ? "of dimension " + core::dimension_to_string(d) : words;
  }
  if (usd + eur != 1 || usd * eur != 0) return "of dimension " + core::dimension_to_string(d);
  const std::string money = usd == 1 ? "USD" : "EUR";
  std::array<int, 6> inverse = physical(d);
  for (int& e : inverse) e = -e;
  if (inverse == std::array<int, 6>{}) return "money (" + money + ")";
  std::string per = name(inverse);
  if (per.empty()) {  // the money named once ("USD times kg^-1 s^-1 USD" named it twice, T16-15)
    core::Dimension physical_only = d;
    physical_only[6] = physical_only[7] = 0;
    return money + " times " + core::dimension_to_string(physical_only);
  }
  per = per.substr(per.find(' ') + 1);  // "a mass" -> "mass"
  // "USD per (mass per time)" for USD/(t/yr): "USD per mass per time" read as USD/t/yr (T16-15).
  return money + " per " + (per.find(" per ") != std::string::npos ? "(" + per + ")" : per);
}

// The number of a "write e.g." hint: the one given when the field's range takes it, else the
// field's default, else its typical or hard lower bound ("40 kg" for a 1-15 cm field hinted "40 cm", T13-12).
std::string example_number(const std::string& given_text, double given, const FieldSpec& field) {
  const bool above_min = !field.min || (field.min_exclusive ? given > *field.min : given >= *field.min);
  const bool below_max = !field.max || (field.max_exclusive ? given < *field.max : given <= *field.max);
  if (above_min && below_max) return given_text;
  if (field.default_value) return fmt::format("{}", *field.default_value);
  if (field.typical_min) return fmt::format("{}", *field.typical_min);
  if (field.min && !field.min_exclusive) return fmt::format("{}", *field.min);
  return given_text;
}

// Cents of a currency per energy ("3 ct/kWh", the usual European way to write a power price) for a
// money-per-energy field: "ct" is the carat (a mass), so the unit read as a mass per energy and the
// hint repeated the number, "3 USD/MWh" (T14-8). Said as cents, with the number times 10 per MWh.
std::optional<std::string> cents_message(double number, const std::string& unit_text, const FieldSpec& field,
                                         const core::Dimension& wanted) {
  std::string lower = unit_text;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const bool cents = lower.rfind("ct/", 0) == 0 || lower.rfind("cent/", 0) == 0 || lower.rfind("cents/", 0) == 0;
  const bool money_per_energy = (wanted[6] != 0 || wanted[7] != 0) && field.unit.find("/MWh") != std::string::npos;
  if (!cents || !money_per_energy || lower.substr(lower.find('/')) != "/kwh") return std::nullopt;
  return fmt::format("unit '{}': cents are not a unit here ('ct' is the carat, a mass); give {:g} {} as {:g} {} "
                     "(1 ct/kWh = 10 per MWh of the same currency; amounts are not converted between currencies)",
                     unit_text, number, unit_text, number * 10.0, field.unit);
}

// A quantity typed without the field's "per time" ("300 kt" for a t/yr capacity): the hint keeps
// the given unit and adds the field's time, "300 kt/yr"; the field's unit with the given number,
// "300 t/yr", is 1,000 times smaller (user trial T19-4). Nullopt when the units differ otherwise.
std::optional<std::string> per_time_hint(const std::string& number_text, const std::string& unit_text,
                                         const core::Dimension& given, const FieldSpec& field,
                                         const core::Dimension& wanted) {
  core::Dimension per_time = given;
  per_time[2] -= 1;  // exponents m, kg, s, ...: divided by a time
  const auto slash = field.unit.rfind('/');
  if (per_time != wanted || slash == std::string::npos) return std::nullopt;
  const std::string time = field.unit.substr(slash + 1);
  const core::UnitParse t = core::parse_unit(time);
  if (!t.unit || t.unit->dimension != core::Dimension{0, 0, 1, 0, 0, 0, 0, 0}) return std::nullopt;
  const bool compound = unit_text.find_first_of("/*") != std::string::npos;
  return "\"" + number_text + " " + (compound ? "(" + unit_text + ")" : unit_text) + "/" + time + "\"";
}

// The message for a value whose unit has another dimension than the field's, or nullopt when
// that is not the problem (no unit, an unknown unit, or a number that does not parse).
std::optional<std::string> unit_mismatch_message(const std::string& raw_text, const FieldSpec& field) {
  const char* begin = raw_text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(number)) return std::nullopt;
  const std::string unit_text = trimmed(std::string(end));
  if (unit_text.empty()) return std::nullopt;
  const core::UnitParse given = core::parse_unit(unit_text);
  const core::UnitParse wanted = core::parse_unit(field.unit.empty() ? "1" : field.unit);
  if (!given.unit || !wanted.unit || given.unit->dimension == wanted.unit->dimension) return std::nullopt;
  if (auto cents = cents_message(number, unit_text, field, wanted.unit->dimension)) return cents;
  const std::string number_text = example_number(trimmed(std::string(begin, static_cast<const char*>(end))), number, field);
  std::string message = "unit '" + unit_text + "' (" + dimension_words(given.unit->dimension) +
                        ") cannot be converted to ";
  if (field.unit.empty() || field.unit == "1") {
    message += "this field, a plain number without a unit: write e.g. " + number_text;
  } else {
    const bool fraction = wanted.unit->dimension == core::Dimension{};  // %, wt%, mol%, ppm
    const std::string given_number = trimmed(std::string(begin, static_cast<const char*>(end)));
    const auto per_time = per_time_hint(given_number, unit_text, given.unit->dimension, field, wanted.unit->dimension);
    message += field.unit + " (" + (fraction ? std::string(field.unit.find('/') != std::string::npos ? "a ratio" : "a fraction")
                                             : dimension_words(wanted.unit->dimension)) +
               "), this field's unit: write e.g. " + per_time.value_or("\"" + number_text + " " + field.unit + "\"");
  }
  const core::Dimension& g = given.unit->dimension;
  const core::Dimension& w = wanted.unit->dimension;
  core::Dimension per_year = w;
  per_year[2] += 1;  // the field's unit per t/yr: "5500 USD/(t/yr)" for a USD/t capital cost (T16-15)
  if (g == per_year && (field.unit == "USD/t" || field.unit == "EUR/t")) {
    message += " (an amount per t/yr of capacity is written in " + field.unit + " here: " + number_text + " " +
               field.unit + " is " + number_text + " " + field.unit.substr(0, 3) + " per t/yr)";
  }
  if ((g[6] != 0 || g[7] != 0) && (w[6] != 0 || w[7] != 0) && (g[6] != w[6] || g[7] != w[7])) {
    message += " (amounts are not converted between currencies)";
  }
  return message;
}

// An unknown unit's "did you mean" names the closest symbol of any dimension: `operation.acd="4
// inch"` got "(did you mean 'nWh'?)" for a length. A hint that gives a unit the field cannot take
// (the given unit with the unknown symbol replaced by it: "USD/MWhr" -> "USD/MWh" is kept) is
// dropped; the message goes on to name the field's unit.
std::string without_foreign_hint(const std::string& error, const std::string& raw_text, const FieldSpec& field) {
  const std::string open = " (did you mean '", unknown = "unknown unit '";
  const auto at = error.find(open);
  const auto body_at = error.find(unknown);
  if (at == std::string::npos || body_at == std::string::npos) return error;
  const auto close = error.find("'?)", at + open.size());
  const auto body_end = error.find('\'', body_at + unknown.size());
  if (close == std::string::npos || body_end == std::string::npos) return error;
  const std::string hint = error.substr(at + open.size(), close - at - open.size());
  const std::string body = error.substr(body_at + unknown.size(), body_end - body_at - unknown.size());
  char* end = nullptr;
  std::strtod(raw_text.c_str(), &end);
  std::string unit_text = trimmed(std::string(end == nullptr ? raw_text.c_str() : end));
  const auto where = unit_text.find(body);
  if (body.empty() || where == std::string::npos) return error;
  unit_text.replace(where, body.size(), hint);
  const core::UnitParse corrected = core::parse_unit(unit_text);
  const core::UnitParse wanted = core::parse_unit(field.unit.empty() ? "1" : field.unit);
  if (!corrected.unit || !wanted.unit || corrected.unit->dimension == wanted.unit->dimension) return error;
  return error.substr(0, at) + error.substr(close + 3);
}

// Two slips of hand-typed numbers the unit parser reads as unknown units: a comma in the number
// ("4,0 cm" said "unknown unit ','") and a unit in the wrong case ("4 CM" suggested 'm').
std::optional<std::string> typing_slip_message(const std::string& raw_text, const FieldSpec& field) {
  const std::string text = trimmed(raw_text);
  std::size_t i = text.find_first_not_of("+-");
  const std::size_t digits = text.find_first_not_of("0123456789", i == std::string::npos ? text.size() : i);
  if (digits != std::string::npos && digits > i && text[digits] == ',' && digits + 1 < text.size() &&
      std::isdigit(static_cast<unsigned char>(text[digits + 1]))) {
    std::string point = text, plain = text;
    point[digits] = '.';
    plain.erase(digits, 1);
    const std::size_t after = text.find_first_not_of("0123456789", digits + 1);
    const bool thousands = (after == std::string::npos ? text.size() : after) - digits - 1 == 3;
    return "'" + text + "' has a comma in the number: write a decimal point and no thousands separator, e.g. \"" +
           (thousands ? plain + "\" (thousands) or \"" + point : point) + "\"";
  }
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  (void)number;
  const std::string unit_text = end == text.c_str() ? "" : trimmed(std::string(end));
  const auto lower = [](std::string x) {
    for (char& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return x;
  };
  const std::string number_text = trimmed(std::string(text.c_str(), static_cast<const char*>(end)));
  if (!unit_text.empty() && unit_text != field.unit && lower(unit_text) == lower(field.unit)) {
    return "unknown unit '" + unit_text + "': unit symbols are case-sensitive, write \"" + number_text + " " +
           field.unit + "\"";
  }
  // A temperature typed "965 C", "965 deg C" or "965 °c" got "did you mean 'm'?" (or 'degC' only for some).
  if (field.unit == "degC" && !unit_text.empty()) {
    std::string u;
    for (char ch : lower(unit_text)) {
      if (ch != ' ' && ch != '.') u += ch;
    }
    const std::string degree_c = std::string("\xc2\xb0") + "c";  // "°c" in UTF-8
    if (u == "c" || u == "degc" || u == degree_c || u == "celsius" || u == "degreesc" || u == "degreec") {
      return "unknown unit '" + unit_text + "': a Celsius temperature is written \"" + number_text + " degC\" or \"" +
             number_text + " °C\"";
    }
  }
  return std::nullopt;
}

// The one choice that has `word` as one of its '_'-separated words, any case ("coal" for captive_coal,
// which is too far from it for closest_match: user trial T16-19); "" when none or several do.
std::string choice_with_word(const std::string& word, const std::vector<std::string>& choices) {
  const auto lower = [](std::string x) {
    for (char& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return x;
  };
  const std::string w = lower(word);
  std::string found;
  for (const auto& choice : choices) {
    const std::string c = "_" + lower(choice) + "_";
    if (w.empty() || c.find("_" + w + "_") == std::string::npos) continue;
    if (!found.empty()) return {};
    found = choice;
  }
  return found;
}

}  // namespace

std::optional<std::string> wrong_dimension_message(const std::string& raw_text, const std::string& unit) {
  FieldSpec field;
  field.unit = unit;
  return unit_mismatch_message(raw_text, field);
}

std::string format_in_field_unit(const FieldSpec& field, double internal_value, int digits) {
  double shown = to_field_unit(field, internal_value);
  // Drop the unit round trip's rounding noise (1233.15 K is 960.0000000000001 degC): 12
  // significant digits are plenty for a message and hide the last-bit error.
  if (std::isfinite(shown) && shown != 0.0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, shown);
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
    case FieldType::kYearSeries:  // a whole series as one text: only one year at a time (year_series.hpp)
      diagnostics.error(where, field.key,
                        "value " + quote(raw_text) + ": " + field.key + " is set one year at a time: " + field.key +
                            "." + std::to_string(field.first_year) + "=VALUE (years " + field.years_text() + ")");
      return std::nullopt;
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
      std::string hint = core::closest_match(raw_text, field.choices);
      if (hint.empty()) hint = choice_with_word(raw_text, field.choices);
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
        std::string message = without_foreign_hint(parsed.error, raw_text, field);
        if (!field.unit.empty() && field.unit != "1") message += "; this field takes a number in " + field.unit;
        if (const auto mismatch = unit_mismatch_message(raw_text, field)) message = *mismatch;
        if (const auto slip = typing_slip_message(raw_text, field)) message = *slip;
        diagnostics.error(where, field.key, message);
        return std::nullopt;
      }
      value.number = parsed.value;
      const double in_unit = to_field_unit(field, value.number);
      std::string shown = raw_text;
      if (is_string || raw_text.find_first_not_of("+-.0123456789eE") != std::string::npos) {
        // "(= …)" only when it says something: '2000 degC' needs no "(= 2000 degC)" (trial 6, T6-17).
        // The echo itself at 6 significant digits: "960 degF" read "(= 515.555555556 degC)" (T11-13).
        const std::string converted = format_in_field_unit(field, value.number);
        shown = quote(raw_text) +
                (converted == trimmed(raw_text) ? "" : " (= " + format_in_field_unit(field, value.number, 6) + ")");
      } else if (!field.unit.empty() && field.unit != "1") {
        shown = raw_text + " " + field.unit;
      }
      if (!check_range(field, in_unit, shown, where, diagnostics, raw_text)) return std::nullopt;
      warn_fraction_for_percent(field, raw_text, in_unit, where, diagnostics);
      return value;
    }
  }
  return std::nullopt;
}

void anchor_command_line_path(const FieldSpec& field, Value& value) {
  if (!field.path || value.text.empty()) return;
  const std::filesystem::path p(value.text);
  if (p.is_relative()) value.text = std::filesystem::absolute(p).lexically_normal().string();
}

}  // namespace potline::io

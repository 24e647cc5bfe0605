#include "potline/core/units.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"

namespace potline::core {
namespace {

// Dimension indices.
constexpr int kM = 0, kKg = 1, kS = 2, kA = 3, kK = 4, kMol = 5, kUsd = 6, kEur = 7;

constexpr Dimension dim(int m, int kg, int s, int a, int k = 0, int mol = 0, int usd = 0,
                        int eur = 0) {
  return {m, kg, s, a, k, mol, usd, eur};
}

struct Symbol {
  std::string_view name;
  double factor;
  Dimension dimension;
  bool prefixable;
  double absolute_offset_K = 0.0;  // for degC/degF used alone as absolute temperatures
  bool temperature = false;
};

// SI units and the few customary units the field uses. Money is never prefixed or converted.
const std::vector<Symbol>& symbols() {
  static const std::vector<Symbol> table = {
      {"m", 1.0, dim(1, 0, 0, 0), true},
      {"g", 1e-3, dim(0, 1, 0, 0), true},
      {"t", 1e3, dim(0, 1, 0, 0), true},  // tonne; kt, Mt
      {"tonne", 1e3, dim(0, 1, 0, 0), false},
      // The international avoirdupois pound, exactly 0.45359237 kg ([NIST SP 811] B.8): US metal
      // premiums are quoted in US cents per lb (the Midwest premium).
      {"lb", 0.45359237, dim(0, 1, 0, 0), false},
      {"s", 1.0, dim(0, 0, 1, 0), true},
      {"min", 60.0, dim(0, 0, 1, 0), false},
      {"h", 3600.0, dim(0, 0, 1, 0), false},
      {"d", constants::kSecondsPerDay, dim(0, 0, 1, 0), false},
      {"day", constants::kSecondsPerDay, dim(0, 0, 1, 0), false},
      {"yr", constants::kSecondsPerYear, dim(0, 0, 1, 0), false},  // Julian year
      // The words people type for a lead time ("0.75 year", "9 months": user trial T16-19); a month is
      // a twelfth of the Julian year.
      {"days", constants::kSecondsPerDay, dim(0, 0, 1, 0), false},
      {"year", constants::kSecondsPerYear, dim(0, 0, 1, 0), false},
      {"years", constants::kSecondsPerYear, dim(0, 0, 1, 0), false},
      {"month", constants::kSecondsPerYear / 12.0, dim(0, 0, 1, 0), false},
      {"months", constants::kSecondsPerYear / 12.0, dim(0, 0, 1, 0), false},
      {"A", 1.0, dim(0, 0, 0, 1), true},
      {"V", 1.0, dim(2, 1, -3, -1), true},
      {"W", 1.0, dim(2, 1, -3, 0), true},
      {"J", 1.0, dim(2, 1, -2, 0), true},
      {"Wh", 3600.0, dim(2, 1, -2, 0), true},
      // Fuel prices are published per million British thermal units (International Table Btu,
      // 1055.05585262 J, ISO 31-4): "4 USD/MMBtu".
      {"MMBtu", 1055.05585262e6, dim(2, 1, -2, 0), false},
      {"Ohm", 1.0, dim(2, 1, -3, -2), true},
      {"ohm", 1.0, dim(2, 1, -3, -2), true},
      {"\xCE\xA9", 1.0, dim(2, 1, -3, -2), true},  // Ω
      {"S", 1.0, dim(-2, -1, 3, 2), true},
      {"N", 1.0, dim(1, 1, -2, 0), true},
      {"Pa", 1.0, dim(-1, 1, -2, 0), true},
      {"bar", 1e5, dim(-1, 1, -2, 0), false},
      {"mol", 1.0, dim(0, 0, 0, 0, 0, 1), true},
      {"K", 1.0, dim(0, 0, 0, 0, 1), false, 0.0, true},
      {"degC", 1.0, dim(0, 0, 0, 0, 1), false, constants::kKelvinOffset_K, true},
      {"\xC2\xB0" "C", 1.0, dim(0, 0, 0, 0, 1), false, constants::kKelvinOffset_K, true},  // °C
      {"degF", 5.0 / 9.0, dim(0, 0, 0, 0, 1), false, 459.67 * 5.0 / 9.0, true},
      {"USD", 1.0, dim(0, 0, 0, 0, 0, 0, 1), false},
      {"USc", 0.01, dim(0, 0, 0, 0, 0, 0, 1),
       false},  // US cent: "20 USc/lb" (within USD, not a conversion)
      {"EUR", 1.0, dim(0, 0, 0, 0, 0, 0, 0, 1), false},
      {"%", 0.01, dim(0, 0, 0, 0), false},
      {"wt%", 0.01, dim(0, 0, 0, 0), false},
      {"percent", 0.01, dim(0, 0, 0, 0), false},
      {"ppm", 1e-6, dim(0, 0, 0, 0), false},
      {"1", 1.0, dim(0, 0, 0, 0), false},
      {"-", 1.0, dim(0, 0, 0, 0), false},
  };
  return table;
}

struct Prefix {
  std::string_view text;
  double factor;
};

constexpr Prefix kPrefixes[] = {{"p", 1e-12}, {"n", 1e-9},  {"u", 1e-6},  {"\xC2\xB5", 1e-6},
                                {"\xCE\xBC", 1e-6}, {"m", 1e-3},  {"c", 1e-2},  {"d", 1e-1},
                                {"k", 1e3},   {"M", 1e6},   {"G", 1e9},   {"T", 1e12}};

// Candidates for "did you mean": every symbol, then the prefixed forms of prefixable symbols
// (so that "cmm" suggests "cm", not "m"). Common prefixes come first: on a tie the first wins.
const std::vector<std::string>& suggestion_names() {
  static const std::vector<std::string> names = [] {
    static constexpr std::string_view kCommonPrefixes[] = {"k", "c", "m", "M", "u", "G", "n", "p", "T", "d"};
    std::vector<std::string> out;
    for (const auto& s : symbols()) out.emplace_back(s.name);
    for (const auto& s : symbols()) {
      if (!s.prefixable) continue;
      for (const auto prefix : kCommonPrefixes) out.push_back(std::string(prefix) + std::string(s.name));
    }
    return out;
  }();
  return names;
}

const Symbol* find_symbol(std::string_view name) {
  for (const auto& s : symbols()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

struct Term {
  double factor = 1.0;
  Dimension dimension{};
  const Symbol* symbol = nullptr;
};

// Largest power a unit term may carry ("m^-3", "s^-3" are the largest in use).
constexpr int kMaxExponent = 12;
// Scale factors a whole unit may have: inside a double's range (about 2e-308 to 1.8e308) with room
// for the value it multiplies.
constexpr double kMinFactor = 1e-300, kMaxFactor = 1e300;

// One term: symbol with optional prefix and optional integer exponent ("cm2", "m^-2").
bool parse_term(std::string_view text, Term& out, std::string& error) {
  std::size_t end = text.size();
  std::size_t exponent_start = end;
  while (exponent_start > 0 && std::isdigit(static_cast<unsigned char>(text[exponent_start - 1]))) {
    --exponent_start;
  }
  int exponent = 1;
  std::string_view body = text;
  if (exponent_start < end && exponent_start > 0) {
    std::size_t sign_pos = exponent_start;
    if (text[sign_pos - 1] == '-') --sign_pos;
    if (sign_pos > 0 && text[sign_pos - 1] == '^') --sign_pos;
    body = text.substr(0, sign_pos);
    std::string_view digits = text.substr(exponent_start);
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    // Units of physics need small powers (m^-3, s^-3); a huge one would overflow the integer
    // dimension and the factor, so it is refused rather than wrapped.
    if (parsed.ec != std::errc() || exponent > kMaxExponent) {
      error = "exponent '" + std::string(digits) + "' in unit '" + std::string(text) + "' is outside -" +
              std::to_string(kMaxExponent) + " to " + std::to_string(kMaxExponent);
      return false;
    }
    if (text.substr(sign_pos, exponent_start - sign_pos).find('-') != std::string_view::npos) {
      exponent = -exponent;
    }
    if (body.empty()) body = text;  // a bare number such as "1"
  }
  if (body == "1" || body == "-") exponent = 1;
  const Symbol* symbol = find_symbol(body);
  double prefix_factor = 1.0;
  if (symbol == nullptr) {
    for (const auto& prefix : kPrefixes) {
      if (body.size() > prefix.text.size() && body.substr(0, prefix.text.size()) == prefix.text) {
        const Symbol* candidate = find_symbol(body.substr(prefix.text.size()));
        if (candidate != nullptr && candidate->prefixable) {
          symbol = candidate;
          prefix_factor = prefix.factor;
          break;
        }
      }
    }
  }
  if (symbol == nullptr) {
    error = "unknown unit '" + std::string(body) + "'";
    // A known symbol that takes no prefix ("kUSD", "mK"): say so rather than guess.
    for (const auto& prefix : kPrefixes) {
      if (body.size() > prefix.text.size() && body.substr(0, prefix.text.size()) == prefix.text) {
        const Symbol* bare = find_symbol(body.substr(prefix.text.size()));
        if (bare != nullptr && !bare->prefixable) {
          error += ": the prefix '" + std::string(prefix.text) + "' cannot be used with '" +
                   std::string(bare->name) + "'";
          if (bare->dimension[kUsd] != 0 || bare->dimension[kEur] != 0) {
            error += " (money is never scaled; write the amount in " + std::string(bare->name) + ")";
          }
          return false;
        }
      }
    }
    const std::string hint = closest_match(body, suggestion_names());
    if (!hint.empty()) error += " (did you mean '" + hint + "'?)";
    return false;
  }
  out.symbol = symbol;
  out.factor = std::pow(prefix_factor * symbol->factor, exponent);
  for (int i = 0; i < 8; ++i) out.dimension[i] = symbol->dimension[i] * exponent;
  return true;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

}  // namespace

UnitParse parse_unit(std::string_view raw) {
  UnitParse result;
  std::string text(trim(raw));
  if (text.find_first_not_of("()") == std::string::npos) text.clear();
  if (text.empty() || text == "1" || text == "-") {
    result.unit = Unit{};
    return result;
  }
  // Replace the middle dot (U+00B7) with a plain separator.
  for (std::size_t pos; (pos = text.find("\xC2\xB7")) != std::string::npos;) text.replace(pos, 2, "*");

  Unit unit;
  int term_count = 0;
  const Symbol* only_symbol = nullptr;
  // "W/m/K": every term after a '/' is in the denominator. A parenthesised group takes the sign of
  // its place and has its own '/': "USD/(t/yr)" is USD yr/t (it read as USD/t/yr, user trial T16-15).
  bool denominator = false;
  int group_sign = 1;
  std::vector<std::pair<int, bool>> groups;  // the enclosing group's sign and denominator state
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '*' || c == '.') {
      ++i;
      continue;
    }
    if (c == '/') {
      denominator = true;
      ++i;
      continue;
    }
    if (c == '(') {
      groups.emplace_back(group_sign, denominator);
      group_sign *= denominator ? -1 : 1;
      denominator = false;
      ++i;
      continue;
    }
    if (c == ')') {
      if (!groups.empty()) {
        std::tie(group_sign, denominator) = groups.back();
        groups.pop_back();
      }
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '*' && text[j] != '/' && text[j] != '(' &&
           text[j] != ')' &&
           !(text[j] == '.' && j + 1 < text.size() && !std::isdigit(static_cast<unsigned char>(text[j + 1])))) {
      ++j;
    }
    Term term;
    if (!parse_term(std::string_view(text).substr(i, j - i), term, result.error)) return result;
    ++term_count;
    only_symbol = term.symbol;
    const int sign = group_sign * (denominator ? -1 : 1);
    unit.factor *= sign < 0 ? 1.0 / term.factor : term.factor;
    // One term scales by 1e-180 (pg^12) to 4.7e186 (TWh^12), but two or three of them ("TWh12 TWh12",
    // "pg12 pg12") overflow the product to infinity or underflow it to 0, which would turn every value
    // in the unit into infinity, NaN or a silent 0: refused like a huge exponent.
    if (!(unit.factor >= kMinFactor && unit.factor <= kMaxFactor)) {
      result.error = "unit '" + std::string(trim(raw)) +
                     "' scales by a factor outside 1e-300 to 1e300 (near the range of a double): write it with "
                     "smaller prefixes or powers";
      return result;
    }
    for (int d = 0; d < 8; ++d) unit.dimension[d] += sign * term.dimension[d];
    i = j;
  }
  if (term_count == 0) {
    result.error = "empty unit";
    return result;
  }
  if (term_count == 1 && !denominator && only_symbol != nullptr && only_symbol->temperature &&
      unit.dimension[kK] == 1) {
    unit.lone_temperature = true;
    unit.absolute_offset_K = only_symbol->absolute_offset_K;
  }
  result.unit = unit;
  return result;
}

std::string dimension_to_string(const Dimension& d) {
  static constexpr const char* names[] = {"m", "kg", "s", "A", "K", "mol", "USD", "EUR"};
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (d[i] == 0) continue;
    if (!out.empty()) out += " ";
    out += names[i];
    if (d[i] != 1) out += "^" + std::to_string(d[i]);
  }
  return out.empty() ? "dimensionless" : out;
}

QuantityParse convert(double value, std::string_view from_text, std::string_view to_text,
                      TemperatureKind kind) {
  QuantityParse out;
  const UnitParse from = parse_unit(from_text);
  if (!from.unit) {
    out.error = from.error;
    return out;
  }
  const UnitParse to = parse_unit(to_text);
  if (!to.unit) {
    out.error = "internal: bad target unit '" + std::string(to_text) + "': " + to.error;
    return out;
  }
  if (from.unit->dimension != to.unit->dimension) {
    out.error = "unit '" + std::string(trim(from_text)) + "' (" +
                dimension_to_string(from.unit->dimension) + ") cannot be converted to '" +
                std::string(to_text) + "' (" + dimension_to_string(to.unit->dimension) + ")";
    return out;
  }
  if (kind == TemperatureKind::kAbsolute && from.unit->dimension[kK] == 1) {
    if (!from.unit->lone_temperature || !to.unit->lone_temperature) {
      out.error = "an absolute temperature needs a plain temperature unit (degC, K or degF), not '" +
                  std::string(trim(from_text)) + "'";
      return out;
    }
    const double kelvin = value * from.unit->factor + from.unit->absolute_offset_K;
    out.value = (kelvin - to.unit->absolute_offset_K) / to.unit->factor;
    return out;
  }
  out.value = value * from.unit->factor / to.unit->factor;
  if (std::isfinite(value) && !std::isfinite(out.value)) {
    out.error = "'" + format_number(value) + " " + std::string(trim(from_text)) +
                "' is too large: it overflows when converted to '" + std::string(to_text) + "'";
  }
  return out;
}

QuantityParse parse_quantity(std::string_view raw, std::string_view default_unit,
                             std::string_view target_unit, TemperatureKind kind) {
  QuantityParse out;
  const std::string_view text = trim(raw);
  if (text.empty()) {
    out.error = "empty value: expected a number, optionally with a unit";
    return out;
  }
  // strtod accepts what from_chars does plus a leading '+'; it needs a NUL-terminated copy.
  const std::string copy(text);
  char* end = nullptr;
  const double number = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str()) {
    // The example in the field's own unit ('abc' for a price said "expected e.g. "4.5 cm"").
    const std::string unit(trim(default_unit));
    out.error = "'" + copy + "' is not a number (expected e.g. " +
                (unit.empty() || unit == "1" ? std::string("4.5") : "\"4.5 " + unit + "\" or 4.5") + ")";
    return out;
  }
  if (!std::isfinite(number)) {
    out.error = "'" + copy + "' is not a finite number";
    return out;
  }
  const std::string_view unit_text = trim(std::string_view(copy).substr(end - copy.c_str()));
  return convert(number, unit_text.empty() ? default_unit : unit_text, target_unit, kind);
}

}  // namespace potline::core

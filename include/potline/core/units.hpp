#pragma once
// The one unit parser. Inputs carry a plain number in a field's documented unit, or a string
// with a unit ("600 kA", "960 degC", "4.5 cm", "0.85 A/cm2", "40 USD/MWh"). Everything is
// converted to SI (or to a field's stated internal unit) here and nowhere else.
//
// Grammar: NUMBER [UNIT], UNIT = TERM {('*'|'.'|' '|'·') TERM} ['/' TERM {...}] where a TERM is
// a symbol with an optional SI prefix and an optional integer exponent ("cm2", "m^2", "s-1").
// Everything after the first '/' is in the denominator; parentheses are ignored.
// Absolute temperatures ("degC", "K", "degF") are affine and only allowed on their own.
// Money (USD, EUR) is its own dimension and never scaled: "kUSD" is rejected.
// Unknown units get a "did you mean" over symbols and their prefixed forms ("cmm" -> "cm").
// A conversion that overflows a double is an error, never an Inf.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace potline::core {

/// Exponents of the base dimensions: m, kg, s, A, K, mol, USD, EUR.
using Dimension = std::array<int, 8>;

/// A parsed unit expression: value_SI = value * factor. A lone temperature unit (degC, degF, K)
/// also carries the offset that applies when the value is an absolute temperature:
/// T_K = value * factor + absolute_offset_K.
struct Unit {
  double factor = 1.0;
  Dimension dimension{};
  bool lone_temperature = false;  ///< the expression is exactly one temperature unit
  double absolute_offset_K = 0.0;
};

/// Whether a temperature-dimensioned value is a point on the scale or a difference.
enum class TemperatureKind { kDifference, kAbsolute };

struct UnitParse {
  std::optional<Unit> unit;
  std::string error;  ///< why parsing failed (empty on success)
};

/// Parses a unit expression such as "kA", "A/cm2", "kWh/kg", "degC", "wt%" or "1".
UnitParse parse_unit(std::string_view text);

/// Human-readable dimension, e.g. "m^-2 A" — used in error messages.
std::string dimension_to_string(const Dimension& d);

struct QuantityParse {
  double value = 0.0;  ///< in the target unit
  std::string error;   ///< empty on success
  bool ok() const { return error.empty(); }
};

/// Converts a number that carries `from_unit` into `to_unit`. Fails on a dimension mismatch.
QuantityParse convert(double value, std::string_view from_unit, std::string_view to_unit,
                      TemperatureKind kind = TemperatureKind::kDifference);

/// Parses "NUMBER [UNIT]" text. A bare number is taken in `default_unit`; the result is
/// expressed in `target_unit` (often the SI base of the same dimension).
QuantityParse parse_quantity(std::string_view text, std::string_view default_unit,
                             std::string_view target_unit,
                             TemperatureKind kind = TemperatureKind::kDifference);

}  // namespace potline::core

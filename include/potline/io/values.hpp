#pragma once
// Validated input values keyed by schema field, each remembering where it came from.
#include <map>
#include <optional>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"

namespace potline::io {

/// Where a value was set. Precedence (docs/model/cell.md): default < technology < calibrated <
/// case file < command line.
enum class Origin { kDefault, kTechnology, kCaseFile, kCommandLine, kCalibrated };
std::string_view to_string(Origin origin);

struct Value {
  double number = 0.0;  ///< numbers, integers and bools (0/1), in the field's internal unit
  std::string text;     ///< strings and choices
  Origin origin = Origin::kDefault;
  core::SourceLocation location;
};

/// The typed contents of a case after parsing, overrides and validation.
class ValueSet {
 public:
  void set(const std::string& key, Value value) { values_[key] = std::move(value); }
  bool has(const std::string& key) const { return values_.count(key) != 0; }
  const Value* get(const std::string& key) const;
  double number(const std::string& key) const;  ///< throws std::out_of_range if absent
  std::optional<double> maybe_number(const std::string& key) const;
  std::string text(const std::string& key, const std::string& fallback = {}) const;
  const std::map<std::string, Value>& all() const { return values_; }

 private:
  std::map<std::string, Value> values_;
};

/// Converts and validates one raw input (from TOML or --set) against its field.
/// `raw_text` is the textual form (for quantities "4.5 cm" or "4.5"); `is_string` says whether the
/// input was a quoted string in TOML (a string where a number belongs may still carry a unit).
/// Appends errors/warnings to `diagnostics`; returns the value if it is valid. A value within
/// 1e-12 (relative) of a range bound counts as on the bound, so unit round-trip noise never
/// rejects a value typed exactly at an inclusive bound.
std::optional<Value> convert_input(const FieldSpec& field, const std::string& raw_text,
                                   bool is_string, const core::SourceLocation& where,
                                   core::Diagnostics& diagnostics);

/// A path field (FieldSpec::path) given with --set: a relative path is made absolute against the
/// working directory, as a shell user expects, instead of being read relative to the case file as
/// the same key written in the case file is. One rule for every path key (docs/cli.md, "Overriding
/// case fields"); trial 6, T6-23.
void anchor_command_line_path(const FieldSpec& field, Value& value);

/// For a value of a data file in `unit` ("USD/t", a column's "kt/yr"): the message when its own unit
/// has another dimension, said in words with `unit` and an example ("unit 'USD' (money (USD)) cannot
/// be converted to USD/t (USD per mass), this field's unit: write e.g. \"430 USD/t\""), not in the
/// internal SI units (T14-12); nullopt when that is not the problem.
std::optional<std::string> wrong_dimension_message(const std::string& raw_text, const std::string& unit);

/// Formats an internal value back in the field's unit, e.g. "4.5 cm", to `digits` significant digits
/// (12 hide the unit round trip's last-bit noise: 1233.15 K shows as "960 degC"; a message's echo of
/// a converted value takes 6: "960 degF" is "515.556 degC").
std::string format_in_field_unit(const FieldSpec& field, double internal_value, int digits = 12);

}  // namespace potline::io

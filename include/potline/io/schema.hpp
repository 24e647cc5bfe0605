#pragma once
// The schema catalogue: one table of every input field (key, type, unit, default, allowed range,
// choices, description, source). It drives parsing and validation of case files and --set
// overrides, `potline schema`, `potline template` and docs/cli.md's reference tables.
#include <optional>
#include <string>
#include <vector>

#include "potline/core/units.hpp"

namespace potline::io {

/// kYearSeries: a table of calendar years to numbers (`cbam.eua_price_by_year = { 2026 = "70 EUR/t",
/// 2030 = "95 EUR/t" }`); each value is read as a kNumber field of the same unit and range, keyed
/// "KEY.YEAR" in the ValueSet (so `--set KEY.YEAR=VALUE` sets one year), the years within
/// FieldSpec::first_year..last_year.
enum class FieldType { kNumber, kInteger, kString, kBool, kChoice, kYearSeries };

std::string_view to_string(FieldType type);

struct FieldSpec {
  std::string key;       ///< dotted key, e.g. "operation.acd"
  FieldType type = FieldType::kNumber;
  std::string unit;      ///< unit of a plain number in the input ("cm"); empty if not a quantity
  std::string internal_unit;  ///< unit of the stored value ("m"); SI unless stated
  core::TemperatureKind temperature_kind = core::TemperatureKind::kDifference;
  std::optional<double> default_value;  ///< in `unit`; for strings see default_text
  std::string default_text;             ///< default for string/choice/bool fields ("" = none)
  std::string default_note;  ///< when the default comes from elsewhere (e.g. the technology)
  std::optional<double> min;  ///< hard lower bound in `unit` (error below)
  std::optional<double> max;  ///< hard upper bound in `unit` (error above)
  bool min_exclusive = false;
  bool max_exclusive = false;
  std::optional<double> typical_min;  ///< soft range in `unit` (warning outside)
  std::optional<double> typical_max;
  std::vector<std::string> choices;
  /// For a % field: a plain number below 1 is more likely a fraction typed for the percentage
  /// (flex.min_power = 0.75 for 75 %) than meant, so it is warned. Declared per field: where small
  /// percentages are ordinary (a 0.5 % spread, a 0.3 % noise) it stays false.
  bool warn_plain_fraction = false;
  /// A file path: relative to the case file when written there, to the working directory when
  /// given with --set (anchor_command_line_path).
  bool path = false;
  std::string description;
  std::string source;  ///< where the default, range or meaning comes from
  /// kYearSeries: the years a value may be given for (inclusive), and where that span comes from.
  int first_year = 0;
  int last_year = 0;
  std::string years_source;

  /// "(0, 20] cm" style text of the hard range, for messages and docs.
  std::string range_text() const;
  std::string typical_text() const;
  /// "2026–2034" for a year series, "" otherwise.
  std::string years_text() const;
};

/// The ValueSet key of one year of a year series: "cbam.eua_price_by_year.2030".
std::string year_key(const std::string& series_key, int year);

/// One year of a year series as a number field keyed year_key(series.key, year), with the series'
/// unit, range, typical range and description: every value is converted and checked by it.
FieldSpec year_field(const FieldSpec& series, int year);

/// A named collection of fields (e.g. the "cell" case schema).
class Schema {
 public:
  Schema(std::string name, std::vector<FieldSpec> fields);
  const std::string& name() const { return name_; }
  const std::vector<FieldSpec>& fields() const { return fields_; }
  const FieldSpec* find(std::string_view key) const;
  /// For "KEY.PART" where KEY is a year series of this schema: the series, with `part` set to the
  /// text after its key ("2030", or whatever was typed there); nullptr otherwise.
  const FieldSpec* find_series(std::string_view key, std::string& part) const;
  std::vector<std::string> keys() const;
  /// The section names ("case", "operation", ...) in catalogue order.
  std::vector<std::string> sections() const;

 private:
  std::string name_;
  std::vector<FieldSpec> fields_;
};

}  // namespace potline::io

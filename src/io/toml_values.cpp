#include "potline/io/toml_values.hpp"

#include "potline/io/year_series.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "potline/io/values.hpp"
#include "potline/core/text.hpp"
#include "potline/core/units.hpp"

namespace potline::io {
namespace {
// An unknown name without a close match lists the known names when they are this few.
constexpr std::size_t kListedNames = 60;
}  // namespace

namespace {

// What a TOML syntax error most likely means for a case file written by hand, or "" (toml++ says
// "expected a comment or whitespace, saw 'c'" for `acd = 4 cm`).
std::string syntax_hint(const std::string& toml_text, std::size_t line_number) {
  std::istringstream in(toml_text);
  std::string line;
  for (std::size_t n = 0; n < line_number && std::getline(in, line); ++n) {
  }
  // std::regex recurses per character (libstdc++): only a line a person typed is worth a guess, and
  // a fuzzer's megabyte line must not exhaust the stack.
  if (line.size() > 200) return "";
  static const std::regex unit_unquoted(R"(^\s*([A-Za-z0-9_.\-]+)\s*=\s*([-+]?[0-9][0-9.eE+\-]*)\s*([A-Za-z%°/][^#]*?)\s*(#.*)?$)");
  static const std::regex comma_number(R"(^\s*([A-Za-z0-9_.\-]+)\s*=\s*([-+]?[0-9]+),([0-9]+))");
  std::smatch m;
  if (std::regex_match(line, m, unit_unquoted)) {
    return fmt::format(" (a value with a unit is a string: write {} = \"{} {}\")", m[1].str(), m[2].str(), m[3].str());
  }
  if (std::regex_search(line, m, comma_number)) {
    return fmt::format(" (a comma in a number: write a decimal point, {} = {}.{})", m[1].str(), m[2].str(), m[3].str());
  }
  if (std::count(line.begin(), line.end(), '"') % 2 == 1) return " (a string not closed on its line: add the closing \")";
  return "";
}

}  // namespace

// Every TOML text a command reads (case files of every command, fleet and sweep files, data files):
// one wording for a syntax error, with the hint (user trial T17-4 addendum: fleet and sweep said only
// toml++'s "Error while parsing string: ...", without "TOML syntax error" or the hint).
std::optional<toml::table> parse_toml(const std::string& text, const std::string& file,
                                      core::Diagnostics& diagnostics) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    diagnostics.error({file, static_cast<int>(begin.line), static_cast<int>(begin.column)}, "",
                      "TOML syntax error: " + std::string(e.description()) +
                          syntax_hint(text, static_cast<std::size_t>(begin.line)));
    return std::nullopt;
  }
}

std::optional<toml::table> parse_toml_data_file(const std::string& path,
                                                core::Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {  // toml++ calls a missing file a syntax error
    diagnostics.error(
        {path, 0, 0}, "",
        "cannot read data file: no such file (the data folder is --data-dir, $POTLINE_DATA_DIR "
        "or the source tree's data/)");
    return std::nullopt;
  }
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    diagnostics.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "",
                      "TOML syntax error in data file: " + std::string(e.description()));
  } catch (const std::exception& e) {
    diagnostics.error({path, 0, 0}, "", std::string("cannot read data file: ") + e.what());
  }
  return std::nullopt;
}

core::SourceLocation toml_location(const toml::node& node, const std::string& file) {
  return {file, static_cast<int>(node.source().begin.line),
          static_cast<int>(node.source().begin.column)};
}

std::optional<double> toml_quantity(const toml::node* node, const std::string& key,
                                    const std::string& unit, const std::string& target_unit,
                                    const std::string& file, core::Diagnostics& diagnostics) {
  if (node == nullptr) return std::nullopt;
  std::string text;
  if (auto v = node->value<double>()) {
    text = core::format_number(*v);
  } else if (auto s = node->value<std::string>()) {
    text = *s;
  } else {
    diagnostics.error(toml_location(*node, file), key,
                      "expected a number (in " + unit + ") or a string with a unit");
    return std::nullopt;
  }
  const core::QuantityParse q = core::parse_quantity(text, unit, target_unit);
  if (!q.ok()) {
    // A unit of another dimension in the value's own unit, not the internal one (T14-12).
    const auto wrong = wrong_dimension_message(text, unit);
    diagnostics.error(toml_location(*node, file), key, "'" + text + "': " + wrong.value_or(q.error));
    return std::nullopt;
  }
  if (!std::isfinite(q.value)) {
    diagnostics.error(toml_location(*node, file), key, "'" + text + "' is not finite");
    return std::nullopt;
  }
  return q.value;
}

std::string describe_toml_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return "the string '" + s->get() + "'";
  if (const auto* i = node.as_integer()) return "the integer " + std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) {
    const double x = f->get();
    std::string text = core::format_number(x);
    if (std::isfinite(x) && text.find_first_of(".eE") == std::string::npos) text += ".0";
    return "the float " + text;
  }
  if (const auto* b = node.as_boolean()) return std::string("the boolean ") + (b->get() ? "true" : "false");
  if (node.is_array()) return "an array";
  if (node.is_table()) return "a table";
  return "a date or time";
}

std::string expected_type_text(const FieldSpec& field) {
  switch (field.type) {
    case FieldType::kNumber:
      if (field.unit.empty() || field.unit == "1") return "a number";
      return "a number (in " + field.unit + ", or a string with its unit)";
    case FieldType::kInteger: return "an integer";
    case FieldType::kBool: return "true or false (unquoted)";
    case FieldType::kString: return "a quoted string";
    case FieldType::kChoice: {
      std::string names;
      for (const auto& c : field.choices) names += (names.empty() ? "\"" : ", \"") + c + "\"";
      return "one of the quoted strings " + names;
    }
    case FieldType::kYearSeries: return year_series_type_text(field);
  }
  return "?";
}

namespace {

// The text convert_input parses, or nullopt when the TOML type does not suit the field.
std::optional<std::string> scalar_text(const FieldSpec& field, const toml::node& node) {
  const auto* s = node.as_string();
  switch (field.type) {
    case FieldType::kString:
    case FieldType::kChoice:
      if (s != nullptr) return s->get();
      return std::nullopt;
    case FieldType::kBool:
      if (const auto* b = node.as_boolean()) return std::string(b->get() ? "true" : "false");
      return std::nullopt;
    case FieldType::kInteger:
      if (const auto* i = node.as_integer()) return std::to_string(i->get());
      // A quoted integer, "40", is read as --set reads it (user trial T19-5: case files written
      // by spreadsheets or scripts quote everything); convert_input checks it.
      if (s != nullptr) return s->get();
      return std::nullopt;
    case FieldType::kNumber: {
      if (const auto* i = node.as_integer()) return std::to_string(i->get());
      if (const auto* f = node.as_floating_point()) return core::format_number(f->get());
      if (s == nullptr) return std::nullopt;
      // "4.5 cm" a quantity; a quoted bare number, "4.5", in the field's unit, as --set reads it
      // (user trial T19-5; until 2026-12-07 an error here while --set took it).
      return s->get();
    }
    case FieldType::kYearSeries: return std::nullopt;  // a table, read by read_year_series
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> read_toml_field(const FieldSpec& field, const toml::node& node, const std::string& key,
                                     const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  const auto text = scalar_text(field, node);
  if (!text) {
    diagnostics.error(where, key, "expected " + expected_type_text(field) + ", got " + describe_toml_value(node));
    return std::nullopt;
  }
  FieldSpec named = field;
  named.key = key;
  return convert_input(named, *text, node.is_string(), where, diagnostics);
}

void report_unknown_name(const std::string& what, const std::string& name,
                         const std::vector<std::string>& candidates,
                         const core::SourceLocation& where, const std::string& key,
                         core::Diagnostics& diagnostics) {
  // With a did-you-mean from `candidates` when one is close (by edit distance, or equal but for
  // case and blanks), else the list of candidates when they are at most kListedNames.
  std::string message = "unknown " + what + " '" + name + "'";
  std::string hint = core::closest_match(name, candidates);
  // A name in another case or with blanks ('CANADA' for 'canada', user trial 7, T7-21) is too far
  // for the edit distance of a long word.
  const auto folded = [](const std::string& s) {
    std::string out;
    for (const char c : s) {
      if (c != ' ' && c != '\t')
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  for (std::size_t i = 0; hint.empty() && i < candidates.size(); ++i) {
    if (folded(candidates[i]) == folded(name)) hint = candidates[i];
  }
  if (!hint.empty()) {
    message += " (did you mean '" + hint + "'?)";
  } else if (!candidates.empty() && candidates.size() <= kListedNames) {
    std::string known;
    for (const auto& c : candidates) known += (known.empty() ? "" : ", ") + c;
    message += " (known: " + known + ")";
  }
  diagnostics.error(where, key, message);
}

}  // namespace potline::io

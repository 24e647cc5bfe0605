#include "potline/io/case_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "potline/core/text.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/year_series.hpp"

namespace potline::io {
namespace {

core::SourceLocation location_of(const toml::node& node, const std::string& file) {
  const auto& begin = node.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

void report_unknown(const std::string& key, const core::SourceLocation& where,
                    const Schema& schema, core::Diagnostics& diagnostics) {
  std::string message = "unknown key";
  const std::string hint = core::closest_match(key, schema.keys());
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  // Learned from the fleet examples, read only there (T8-14): say so rather than leave it a typo.
  if (key == "case.base")
    message +=
        " (case.base is read by fleet cases and sweep files only: 'potline fleet', 'potline "
        "sweep'; this case is read whole)";
  message += "; run 'potline schema' for the list of keys";
  diagnostics.error(where, key, message);
}

core::SourceLocation location_of(const toml::key& key, const std::string& file) {
  const auto& begin = key.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

void read_table(const toml::table& table, const std::string& prefix, const std::string& file,
                const Schema& schema, ValueSet& values, core::Diagnostics& diagnostics,
                Origin origin) {
  // toml::table iterates in key order; visit entries in document order so that diagnostics
  // come out in the order of the file.
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [raw_key, node] : table) entries.emplace_back(&raw_key, &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& pa = a.first->source().begin;
    const auto& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  for (const auto& [raw_key_ptr, node_ptr] : entries) {
    const toml::key& raw_key = *raw_key_ptr;
    const toml::node& node = *node_ptr;
    const std::string key = prefix.empty() ? std::string(raw_key.str())
                                           : prefix + "." + std::string(raw_key.str());
    const core::SourceLocation where = location_of(node, file);
    const FieldSpec* field = schema.find(key);
    if (const auto* years = node.as_table(); years != nullptr && field != nullptr &&
                                                 field->type == FieldType::kYearSeries) {
      read_year_series(*field, *years, file, values, diagnostics, origin);
      continue;
    }
    if (node.is_table() && field != nullptr) {
      diagnostics.error(where, key, "expected " + expected_type_text(*field) + ", got a table");
      continue;
    }
    if (const auto* sub = node.as_table()) {
      // A table is valid only if it is a section of the schema.
      const auto sections = schema.sections();
      if (std::find(sections.begin(), sections.end(), key) == sections.end()) {
        std::string message = "unknown section [" + key + "]";
        const std::string hint = core::closest_match(key, sections);
        if (!hint.empty()) message += " (did you mean [" + hint + "]?)";
        diagnostics.error(where, key, message);
        continue;
      }
      read_table(*sub, key, file, schema, values, diagnostics, origin);
      continue;
    }
    if (field == nullptr) {
      report_unknown(key, location_of(raw_key, file), schema, diagnostics);
      continue;
    }
    if (auto value = read_toml_field(*field, node, key, where, diagnostics)) {
      value->origin = origin;
      values.set(key, std::move(*value));
    }
  }
}

}  // namespace

std::optional<Override> parse_override(const std::string& text, int index,
                                       core::Diagnostics& diagnostics) {
  const auto eq = text.find('=');
  const core::SourceLocation where{"--set #" + std::to_string(index), 0, 0};
  if (eq == std::string::npos || eq == 0) {
    diagnostics.error(where, "", "malformed override '" + text + "': expected KEY=VALUE, e.g. operation.acd=4.5cm");
    return std::nullopt;
  }
  auto trim = [](std::string s) {
    const auto a = s.find_first_not_of(" \t");
    const auto b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  Override o{trim(text.substr(0, eq)), trim(text.substr(eq + 1)), index};
  if (o.key.empty()) {
    diagnostics.error(where, "", "malformed override '" + text + "': expected KEY=VALUE, e.g. operation.acd=4.5cm");
    return std::nullopt;
  }
  if (o.value.size() >= 2 && (o.value.front() == '"' || o.value.front() == '\'') &&
      o.value.back() == o.value.front()) {
    o.value = o.value.substr(1, o.value.size() - 2);
  }
  return o;
}


bool read_case_text(const std::string& toml_text, const std::string& display_name,
                    const Schema& schema, ValueSet& values, core::Diagnostics& diagnostics,
                    Origin origin) {
  const auto table = parse_toml(toml_text, display_name, diagnostics);  // its syntax error with a hint
  if (!table) return false;
  read_table(*table, "", display_name, schema, values, diagnostics, origin);
  return true;
}

bool read_case_file(const std::string& path, const Schema& schema, ValueSet& values,
                    core::Diagnostics& diagnostics) {
  const auto text = read_text_file(path, "the case file", diagnostics);
  return text && read_case_text(*text, path, schema, values, diagnostics, Origin::kCaseFile);
}

void apply_overrides(const std::vector<Override>& overrides, const Schema& schema,
                     ValueSet& values, core::Diagnostics& diagnostics) {
  for (const auto& o : overrides) {
    const core::SourceLocation where{"--set #" + std::to_string(o.index), 0, 0};
    const FieldSpec* field = schema.find(o.key);
    const bool looks_numeric =
        !o.value.empty() && o.value.find_first_not_of("+-.0123456789eE") == std::string::npos;
    std::string year;
    if (const FieldSpec* series = field == nullptr ? schema.find_series(o.key, year) : nullptr) {
      set_series_year(*series, year, o.value, !looks_numeric, where, values, diagnostics);
      continue;
    }
    if (field == nullptr) {
      report_unknown(o.key, where, schema, diagnostics);
      continue;
    }
    if (auto value = convert_input(*field, o.value, !looks_numeric, where, diagnostics)) {
      value->origin = Origin::kCommandLine;
      anchor_command_line_path(*field, *value);
      values.set(o.key, std::move(*value));
    }
  }
}

namespace {

// Whether `text` names `key` as a whole key: "prices.alumina" is not named by
// "prices.alumina_lme_share" nor by "prices.alumina[1]".
bool names_key(const std::string& text, const std::string& key) {
  const auto part_of_key = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '[';
  };
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    const std::size_t end = at + key.size();
    const bool starts = at == 0 || (!part_of_key(text[at - 1]) && text[at - 1] != '.');
    const bool dotted_on = end + 1 < text.size() && text[end] == '.' && part_of_key(text[end + 1]);
    const bool ends = end == text.size() || (!part_of_key(text[end]) && !dotted_on);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

void append_errors_except_rejected(const core::Diagnostics& later, core::Diagnostics& diagnostics) {
  std::vector<std::string> rejected;
  for (const auto& item : diagnostics.items()) {
    if (item.severity == core::Severity::kError) rejected.push_back(item.key);
  }
  const auto follows_from_rejected = [&](const core::Diagnostic& item) {
    for (const auto& key : rejected) {
      if (item.key == key || (!key.empty() && names_key(item.message, key))) return true;
    }
    return false;
  };
  for (const auto& item : later.items()) {
    if (item.severity != core::Severity::kError || follows_from_rejected(item)) continue;
    diagnostics.error(item.location, item.key, item.message);
  }
}

void fill_defaults(const Schema& schema, ValueSet& values) {
  for (const auto& field : schema.fields()) {
    if (values.has(field.key)) continue;
    Value v;
    v.origin = Origin::kDefault;
    if (field.type == FieldType::kNumber || field.type == FieldType::kInteger) {
      if (!field.default_value) continue;
      const auto converted = core::convert(*field.default_value, field.unit.empty() ? "1" : field.unit,
                                           field.internal_unit.empty() ? "1" : field.internal_unit,
                                           field.temperature_kind);
      if (!converted.ok()) {
        throw std::logic_error("schema " + schema.name() + ": default of " + field.key + ": " +
                               converted.error);
      }
      v.number = converted.value;
    } else if (field.type == FieldType::kBool) {
      if (field.default_text.empty()) continue;
      v.number = field.default_text == "true" ? 1.0 : 0.0;
      v.text = field.default_text;
    } else {
      if (field.default_text.empty()) continue;
      v.text = field.default_text;
    }
    values.set(field.key, std::move(v));
  }
}

std::string index_range_text(std::size_t size) {
  if (size <= 1) return "the index must be 0";
  if (size == 2) return "the index must be 0 or 1";
  return "the index must be 0 to " + std::to_string(size - 1);
}

namespace {
std::string trimmed(std::string text) {
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}
}  // namespace

// case.title (it only renames the case) is left out; case.technology is listed with the technology
// run, "case.technology=HAL275", as the title still names the case file's (T13-7).
namespace {
// What a title states that a changed key moves (user trial T15-11: "AP40 cell, 7 days, ..." run over
// 4 d with --set run.duration): the title's phrase for the key, "" when it states none.
std::string title_phrase(const std::string& title, const std::string& key) {
  static const std::regex duration(
      R"((\d+(\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)[ -](days?|weeks?|months?|years?)\b)",
      std::regex::icase);
  static const std::regex count(R"(^(\d+) x )");
  std::smatch m;
  if ((key == "run.duration" || key == "flex.horizon") && std::regex_search(title, m, duration)) return m.str(0);
  if (key == "potline.cells" && std::regex_search(title, m, count)) return m.str(1) + " x";
  return "";
}
}  // namespace

std::string changed_on_command_line(const std::vector<std::string>& sets) { return changed_on_command_line(sets, ""); }

std::string changed_on_command_line(const std::vector<std::string>& sets, const std::string& title) {
  std::vector<std::string> keys;
  std::string technology;  // the last --set case.technology wins, as in the run
  for (const auto& set : sets) {
    const std::size_t eq = set.find('=');
    const std::string key = trimmed(set.substr(0, eq));
    if (key.empty() || key == "case.title") continue;
    if (key == "case.technology") {
      std::string value = eq == std::string::npos ? "" : trimmed(set.substr(eq + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      technology = value;
    }
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  for (auto& key : keys) {
    if (key == "case.technology") key += "=" + technology;
    if (const std::string phrase = title_phrase(title, key); !phrase.empty())
      key += " (the title's \"" + phrase + "\" is the case file's)";
  }
  std::string note;
  for (const auto& key : keys)
    note += (note.empty() ? " — changed on the command line: " : ", ") + key;
  return note;
}

}  // namespace potline::io

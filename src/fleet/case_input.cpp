// Reading sectioned cases with arrays of tables against a schema (see case_input.hpp).
#include "potline/fleet/case_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/fleet/tariff_dates.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/values.hpp"

namespace potline::fleet {
namespace {

using core::SourceLocation;

bool contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

SourceLocation key_location(const toml::key& key, const std::string& file) {
  return {file, static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
}

// The entries of a table in document order (toml::table iterates in key order), so diagnostics
// come out in the order of the file.
std::vector<std::pair<const toml::key*, const toml::node*>> in_document_order(const toml::table& t) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [k, n] : t) entries.emplace_back(&k, &n);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& pa = a.first->source().begin;
    const auto& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return entries;
}

std::string a_type(const io::FieldSpec& f) {
  const std::string type(io::to_string(f.type));
  return std::string(type.front() == 'i' ? "an " : "a ") + type + (f.unit.empty() || f.unit == "1" ? "" : " (in " + f.unit + ")");
}

void report_unknown_key(const std::string& key, const std::vector<std::string>& candidates,
                        const SourceLocation& where, const CaseLayout& layout, core::Diagnostics& d) {
  std::string message = "unknown key";
  const std::string hint = core::closest_match(key, candidates);
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  message += "; run 'potline schema " + layout.schema->name() + "' for the list of keys";
  d.error(where, key, message);
}

// Checks the items of a list against the field's choices (if any).
bool check_items(const io::FieldSpec& f, const std::vector<std::string>& items, const SourceLocation& where,
                 core::Diagnostics& d) {
  bool ok = true;
  for (const auto& item : items) {
    if (f.choices.empty() || contains(f.choices, item)) continue;
    std::string message = "value '" + item + "' is not one of: ";
    for (std::size_t i = 0; i < f.choices.size(); ++i) message += (i ? ", " : "") + f.choices[i];
    const std::string hint = core::closest_match(item, f.choices);
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    d.error(where, f.key, message);
    ok = false;
  }
  return ok;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
  return out;
}

std::optional<io::Value> list_value(const io::FieldSpec& f, const toml::node& node, const SourceLocation& where,
                                    const std::string& file, core::Diagnostics& d) {
  std::vector<std::string> items;
  if (const auto* s = node.as_string()) {
    items.push_back(s->get());
  } else if (const auto* a = node.as_array()) {
    for (const auto& x : *a) {
      if (const auto* s = x.as_string()) {
        items.push_back(s->get());
      } else {
        d.error(io::toml_location(x, file), f.key, "expected a quoted string in the list");
        return std::nullopt;
      }
    }
  } else {
    d.error(where, f.key, "expected a quoted string or an array of strings");
    return std::nullopt;
  }
  if (!check_items(f, items, where, d)) return std::nullopt;
  io::Value v;
  v.text = joined(items);
  v.location = where;
  return v;
}

// A date key (layout.dates): YYYY-MM-DD, a day of the calendar within the layout's years.
std::optional<io::Value> date_value(const io::FieldSpec& f, const std::string& raw, const SourceLocation& where,
                                    const CaseLayout& layout, core::Diagnostics& d) {
  const auto day = parse_date(raw);
  if (!day) {
    d.error(where, f.key, "expected a date YYYY-MM-DD (e.g. 2025-03-12, a TOML date or a quoted string), got '" + raw + "'");
    return std::nullopt;
  }
  if (*day < first_day_of_year(layout.first_date_year) || *day >= first_day_of_year(layout.last_date_year + 1)) {
    d.error(where, f.key,
            "value " + raw + " is outside the allowed range " + std::to_string(layout.first_date_year) + "-01-01 to " +
                std::to_string(layout.last_date_year) + "-12-31 (the scenario years; a measure in force since before " +
                std::to_string(layout.first_date_year) + " has no from)");
    return std::nullopt;
  }
  io::Value v;
  v.text = raw;
  v.number = *day;
  v.location = where;
  return v;
}

// One TOML value of a known field: type checks first (never coerced), then io::convert_input.
std::optional<io::Value> node_value(const io::FieldSpec& declared, const std::string& shown, const toml::node& node,
                                    const std::string& file, const CaseLayout& layout, core::Diagnostics& d) {
  io::FieldSpec f = declared;  // named as the user wrote it (tariff[0].rate) in messages
  f.key = shown;
  const SourceLocation where = io::toml_location(node, file);
  if (contains(layout.lists, declared.key)) return list_value(f, node, where, file, d);
  if (contains(layout.dates, declared.key)) {
    if (const auto* date = node.as_date())
      return date_value(f, fmt::format("{:04d}-{:02d}-{:02d}", date->get().year, date->get().month, date->get().day),
                        where, layout, d);
    if (const auto* s = node.as_string()) return date_value(f, s->get(), where, layout, d);
    d.error(where, f.key, "expected a date YYYY-MM-DD (e.g. 2025-03-12, a TOML date or a quoted string)");
    return std::nullopt;
  }
  std::string raw;
  bool is_string = false;
  if (const auto* s = node.as_string()) {
    raw = s->get();
    is_string = true;
  } else if (const auto* i = node.as_integer()) {
    raw = std::to_string(i->get());
  } else if (const auto* x = node.as_floating_point()) {
    raw = core::format_number(x->get());
  } else if (const auto* b = node.as_boolean()) {
    raw = b->get() ? "true" : "false";
  } else {
    d.error(where, f.key, "expected " + a_type(f) + ", got a TOML table, array or date");
    return std::nullopt;
  }
  if (contains(layout.deferred, declared.key)) {
    io::Value v;
    v.text = raw;
    v.number = is_string ? 1.0 : 0.0;
    v.location = where;
    return v;
  }
  if (is_string && f.type == io::FieldType::kBool) {
    d.error(where, f.key, "expected true or false (unquoted), got the string '" + raw + "'");
    return std::nullopt;
  }
  if (!is_string && (f.type == io::FieldType::kString || f.type == io::FieldType::kChoice)) {
    d.error(where, f.key, "expected a quoted string, got " + raw);
    return std::nullopt;
  }
  if (node.as_boolean() != nullptr && f.type != io::FieldType::kBool) {
    d.error(where, f.key, "expected " + a_type(f) + ", got " + raw);
    return std::nullopt;
  }
  return io::convert_input(f, raw, is_string, where, d);
}

// Candidates for a did-you-mean: the keys under `prefix` (or every key when prefix is empty).
std::vector<std::string> keys_under(const io::Schema& schema, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& k : schema.keys()) {
    if (prefix.empty() || k.rfind(prefix + ".", 0) == 0) out.push_back(k);
  }
  return out;
}

// The keys of one table (a section or one table of an array) into `values`.
void read_table(const toml::table& table, const std::string& prefix, const std::string& label,
                const std::string& file, const CaseLayout& layout, io::ValueSet& values,
                std::set<std::string>& rejected, core::Diagnostics& d) {
  const io::Schema& schema = *layout.schema;
  for (const auto& [k, n] : in_document_order(table)) {
    const std::string leaf(k->str());
    const std::string key = prefix + "." + leaf;
    const io::FieldSpec* f = schema.find(key);
    if (f == nullptr) {
      std::string message = "unknown key";
      const std::string hint = core::closest_match(key, keys_under(schema, prefix));
      if (!hint.empty()) message += " (did you mean '" + label + hint.substr(prefix.size()) + "'?)";
      message += "; run 'potline schema " + schema.name() + "' for the list of keys";
      d.error(key_location(*k, file), label + "." + leaf, message);
      continue;
    }
    if (auto v = node_value(*f, label + "." + leaf, *n, file, layout, d)) {
      v->origin = io::Origin::kCaseFile;
      values.set(key, std::move(*v));
    } else {
      rejected.insert(key);
    }
  }
}

void read_array(const std::string& name, const toml::node& node, const std::string& file, const CaseLayout& layout,
                CaseInput& input, core::Diagnostics& d) {
  auto& tables = input.arrays[name];
  const auto* array = node.as_array();
  if (array == nullptr) {
    d.error(io::toml_location(node, file), name, "expected an array of tables: [[" + name + "]]");
    return;
  }
  for (const auto& x : *array) {
    const auto* t = x.as_table();
    if (t == nullptr) {
      d.error(io::toml_location(x, file), name, "expected a table in [[" + name + "]]");
      continue;
    }
    TableValues tv;
    tv.label = name + "[" + std::to_string(tables.size()) + "]";
    tv.index_in_file = tables.size();
    tv.where = io::toml_location(x, file);
    read_table(*t, name, tv.label, file, layout, tv.values, tv.rejected, d);
    tables.push_back(std::move(tv));
  }
}

std::vector<std::string> top_level_names(const CaseLayout& layout) {
  std::vector<std::string> names;
  for (const auto& s : layout.schema->sections()) {
    if (!contains(layout.arrays, s)) names.push_back(s);
  }
  for (const auto& a : layout.arrays) names.push_back(a);
  for (const auto& p : layout.passthrough) names.push_back(p);
  return names;
}

}  // namespace

std::string shown_key(const TableValues& t, const std::string& key) {
  const auto dot = key.find('.');
  return dot == std::string::npos ? t.label : t.label + key.substr(dot);
}

std::vector<std::string> list_items(const io::Value& value) {
  std::vector<std::string> items;
  std::istringstream in(value.text);
  for (std::string line; std::getline(in, line);) items.push_back(line);
  return items;
}

void read_case_input(const toml::table& doc, const std::string& file, const CaseLayout& layout, CaseInput& input,
                     core::Diagnostics& d) {
  const std::vector<std::string> names = top_level_names(layout);
  for (const auto& [k, n] : in_document_order(doc)) {
    const std::string name(k->str());
    if (contains(layout.passthrough, name)) continue;
    if (contains(layout.arrays, name)) {
      read_array(name, *n, file, layout, input, d);
      continue;
    }
    if (!contains(names, name)) {
      const std::string hint = core::closest_match(name, names);
      const bool array = contains(layout.arrays, hint) || contains(layout.passthrough, hint);
      std::string message = n->is_array_of_tables() ? "unknown array of tables [[" + name + "]]"
                            : n->is_table()         ? "unknown section [" + name + "]"
                                                    : "unknown key";
      if (!hint.empty()) message += array ? " (did you mean [[" + hint + "]]?)" : " (did you mean [" + hint + "]?)";
      message += "; run 'potline schema " + layout.schema->name() + "' for the list of keys";
      d.error(key_location(*k, file), name, message);
      continue;
    }
    const auto* section = n->as_table();
    if (section == nullptr) {
      d.error(io::toml_location(*n, file), name, "expected a table: [" + name + "]");
      continue;
    }
    input.present_sections.push_back(name);
    read_table(*section, name, name, file, layout, input.scalars, input.rejected, d);
  }
}

namespace {

// NAME[I].KEY -> (NAME, I, NAME.KEY); nullopt (with an error) when malformed.
struct IndexedKey {
  std::string array;
  std::size_t index = 0;
  std::string key;
};

std::optional<IndexedKey> split_indexed(const std::string& text, const SourceLocation& where,
                                        core::Diagnostics& d) {
  const auto open = text.find('[');
  const auto close = text.find("].");
  const std::string digits =
      (close == std::string::npos || close < open) ? std::string() : text.substr(open + 1, close - open - 1);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6) {
    d.error(where, text, "expected NAME[I].KEY=VALUE with I = 0, 1, ... (the I-th table of [[NAME]], from 0)");
    return std::nullopt;
  }
  const std::string array = text.substr(0, open);
  return IndexedKey{array, static_cast<std::size_t>(std::stoul(digits)), array + "." + text.substr(close + 2)};
}

std::optional<io::Value> override_value(const io::FieldSpec& declared, const std::string& shown, const std::string& raw,
                                        const SourceLocation& where, const CaseLayout& layout, core::Diagnostics& d) {
  io::FieldSpec f = declared;
  f.key = shown;
  const bool looks_numeric = !raw.empty() && raw.find_first_not_of("+-.0123456789eE") == std::string::npos;
  if (contains(layout.lists, declared.key)) {
    std::vector<std::string> items;
    // The list as the case file writes it is taken too: `--set 'fleet.include_status=["operating",
    // "curtailed"]'` said `value '["operating"' is not one of: ...` (brackets and quotes kept).
    std::string list = raw;
    const auto first = list.find_first_not_of(" \t"), last = list.find_last_not_of(" \t");
    if (first != std::string::npos && list[first] == '[' && list[last] == ']') list = list.substr(first + 1, last - first - 1);
    std::istringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
      const auto a = item.find_first_not_of(" \t");
      const auto b = item.find_last_not_of(" \t");
      if (a == std::string::npos) continue;
      std::string text = item.substr(a, b - a + 1);
      if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
        text = text.substr(1, text.size() - 2);
      }
      items.push_back(text);
    }
    if (!check_items(f, items, where, d)) return std::nullopt;
    io::Value v;
    v.text = joined(items);
    v.location = where;
    return v;
  }
  if (contains(layout.dates, declared.key)) {
    std::string date = raw;
    if (date.size() >= 2 && (date.front() == '"' || date.front() == '\'') && date.back() == date.front())
      date = date.substr(1, date.size() - 2);
    return date_value(f, date, where, layout, d);
  }
  if (contains(layout.deferred, declared.key)) {
    io::Value v;
    v.text = raw;
    v.number = looks_numeric ? 0.0 : 1.0;
    v.location = where;
    return v;
  }
  return io::convert_input(f, raw, !looks_numeric, where, d);
}

}  // namespace

void apply_case_overrides(const std::vector<std::string>& sets, const CaseLayout& layout, CaseInput& input,
                          core::Diagnostics& d) {
  const io::Schema& schema = *layout.schema;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d);
    if (!o) continue;
    const SourceLocation where{"--set #" + std::to_string(o->index), 0, 0};
    io::ValueSet* target = &input.scalars;
    std::set<std::string>* rejected = &input.rejected;
    std::string key = o->key;
    if (key.find('[') != std::string::npos) {
      const auto indexed = split_indexed(key, where, d);
      if (!indexed) continue;
      if (contains(layout.passthrough, indexed->array)) {
        d.error(where, key, "[[" + indexed->array + "]] tables are not set with --set: edit the file");
        continue;
      }
      if (!contains(layout.arrays, indexed->array)) {
        std::string message = "unknown array of tables [[" + indexed->array + "]]";
        const std::string hint = core::closest_match(indexed->array, layout.arrays);
        if (!hint.empty()) message += " (did you mean '" + hint + key.substr(indexed->array.size()) + "'?)";
        d.error(where, key, message + "; run 'potline schema " + schema.name() + "' for the list of keys");
        continue;
      }
      auto& tables = input.arrays[indexed->array];
      if (indexed->index >= tables.size()) {
        d.error(where, key,
                "the file has " + std::to_string(tables.size()) + " [[" + indexed->array +
                    "]] table" + (tables.size() == 1 ? "" : "s") +
                    (tables.empty() ? "" : "; " + io::index_range_text(tables.size())));
        continue;
      }
      target = &tables[indexed->index].values;
      rejected = &tables[indexed->index].rejected;
      key = indexed->key;
    }
    const io::FieldSpec* f = schema.find(key);
    const auto dot = key.find('.');
    const bool array_key = dot != std::string::npos && contains(layout.arrays, key.substr(0, dot));
    if (f == nullptr || (array_key && target == &input.scalars)) {
      if (f != nullptr) {
        d.error(where, o->key, "a key of the [[" + key.substr(0, dot) + "]] tables: write " + key.substr(0, dot) +
                                   "[I]." + key.substr(dot + 1) + "=VALUE");
      } else {
        report_unknown_key(o->key, schema.keys(), where, layout, d);
      }
      continue;
    }
    if (auto v = override_value(*f, o->key, o->value, where, layout, d)) {
      v->origin = io::Origin::kCommandLine;
      io::anchor_command_line_path(*f, *v);  // a path given with --set: the working directory (T6-23)
      target->set(key, std::move(*v));
      if (target == &input.scalars && dot != std::string::npos &&
          !contains(input.present_sections, key.substr(0, dot))) {
        input.present_sections.push_back(key.substr(0, dot));
      }
    } else {
      rejected->insert(key);
    }
  }
}

std::optional<double> convert_deferred(const io::FieldSpec& field, const io::Value& raw, core::Diagnostics& d) {
  auto v = io::convert_input(field, raw.text, raw.number != 0.0, raw.location, d);
  if (!v) return std::nullopt;
  return v->number;
}

}  // namespace potline::fleet

namespace potline::fleet {
namespace {

std::string field_comment(const io::FieldSpec& f) {
  std::string comment = f.description;
  if (!f.unit.empty() && f.unit != "1") comment += " [" + f.unit + "]";
  if (!f.range_text().empty()) comment += "; allowed " + f.range_text();
  if (!f.choices.empty()) {
    comment += "; one of";
    for (const auto& c : f.choices) comment += " " + c;
  }
  return comment;
}

std::string default_toml(const io::FieldSpec& f) {
  if (f.default_value) {
    const std::string v = core::format_number(*f.default_value);
    return f.unit.empty() || f.unit == "1" ? v : "\"" + v + " " + f.unit + "\"";
  }
  if (f.type == io::FieldType::kBool) return f.default_text;
  if (!f.default_text.empty()) return "\"" + f.default_text + "\"";
  return {};
}

void write_key(std::ostringstream& out, const io::FieldSpec& f, const std::string& leaf, bool commented,
               const std::map<std::string, std::string>& examples) {
  const auto example = examples.find(f.key);
  const std::string prefix = commented ? "# " : "";
  out << "# " << field_comment(f) << "\n";
  if (example != examples.end()) {
    out << prefix << leaf << " = " << example->second << "\n";
  } else if (const std::string def = default_toml(f); !def.empty()) {
    out << "# " << leaf << " = " << def << "\n";
  } else {
    out << "# " << leaf << " =   # default: " << (f.default_note.empty() ? "none" : f.default_note) << "\n";
  }
}

}  // namespace

std::string case_template(const CaseLayout& layout, const std::string& header,
                          const std::map<std::string, std::string>& examples) {
  std::ostringstream out;
  out << header;
  std::string section;
  for (const auto& f : layout.schema->fields()) {
    const auto dot = f.key.find('.');
    const std::string s = f.key.substr(0, dot);
    const bool in_array = contains(layout.arrays, s) || contains(layout.passthrough, s);
    // A section whose presence switches a feature on ([cbam]) is shown commented out, like the
    // arrays of tables: the starter file runs without it.
    const bool commented = in_array || contains(layout.switches, s);
    if (s != section) {
      section = s;
      out << "\n" << (in_array ? "# [[" + s + "]]" : std::string(commented ? "# " : "") + "[" + s + "]") << "\n";
    }
    write_key(out, f, f.key.substr(dot + 1), commented, examples);
  }
  return out.str();
}

}  // namespace potline::fleet

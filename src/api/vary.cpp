// One-at-a-time sensitivity (see vary.hpp).
#include "potline/api/vary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>

#include "potline/core/text.hpp"
#include "potline/io/csv.hpp"

namespace potline::api {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(x)) return std::nullopt;
  return x;
}

// START:STOP:STEP[ UNIT] as --set texts; errors into `d` at `where`.
std::vector<std::string> range_values(const std::string& key, const std::string& spec, const core::SourceLocation& where,
                                      core::Diagnostics& d) {
  const auto blank = spec.find_first_of(" \t");
  const std::string numbers = spec.substr(0, blank);
  const std::string unit = blank == std::string::npos ? "" : trim(spec.substr(blank));
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t colon; (colon = numbers.find(':', from)) != std::string::npos; from = colon + 1)
    parts.push_back(numbers.substr(from, colon - from));
  parts.push_back(numbers.substr(from));
  if (parts.size() != 3) {
    d.error(where, key, fmt::format("'{}' is not a range: give START:STOP:STEP (three numbers, e.g. 30:60:10, a unit may "
                                    "follow: 30:60:10 USD/MWh) or a list V1,V2,V3", spec));
    return {};
  }
  std::optional<double> x[3];
  const char* names[3] = {"START", "STOP", "STEP"};
  for (int i = 0; i < 3; ++i) {
    x[i] = parse_number(trim(parts[static_cast<std::size_t>(i)]));
    if (!x[i]) d.error(where, key, fmt::format("{} '{}' of '{}' is not a finite number", names[i], parts[static_cast<std::size_t>(i)], spec));
  }
  if (!x[0] || !x[1] || !x[2]) return {};
  const double start = *x[0], stop = *x[1], step = *x[2];
  if (step == 0.0) {
    d.error(where, key, fmt::format("STEP is 0 in '{}': give a step that reaches STOP, or a list V1,V2,V3", spec));
    return {};
  }
  const double span = (stop - start) / step;
  if (span < 0.0) {
    d.error(where, key, fmt::format("STEP {} goes away from STOP in '{}' (from {} to {} the step must be {})", step, spec,
                                    start, stop, stop > start ? "positive" : "negative"));
    return {};
  }
  // The relative slack keeps STOP when floating-point steps land a hair short of it (0.1 x 3).
  const double count = std::floor(span + 1e-9) + 1.0;
  if (count > static_cast<double>(kMaxVaryValues)) {
    d.error(where, key, fmt::format("'{}' gives {:.0f} values, more than the {} allowed per --vary: use a larger step",
                                    spec, count, kMaxVaryValues));
    return {};
  }
  std::vector<std::string> values;
  for (int i = 0; i < static_cast<int>(count); ++i) {
    // 12 significant digits drop the noise of start + i x step (0.30000000000000004 -> 0.3).
    std::string v = fmt::format("{:.12g}", start + i * step);
    if (!unit.empty()) v += " " + unit;
    values.push_back(v);
  }
  return values;
}

// The node at a dotted path ("cost_usd_per_t.c1", "potlines.0.name"), or nullptr. An array element
// may also be written as `compare` prints it: by position, "event_windows[0].start_h" (=
// "event_windows.0.start_h"), or by an identity field, "exclusions[origin=country RUS].binding".
const io::Json* find_path(const io::Json& doc, const std::string& written) {
  const io::Json* node = &doc;
  std::size_t from = 0;
  while (from < written.size() && node != nullptr) {
    std::string part;
    if (written[from] == '[') {  // [index] or [field=value]; the value may hold dots
      const auto close = written.find(']', from);
      if (close == std::string::npos || !node->is_array()) return nullptr;
      part = written.substr(from + 1, close - from - 1);
      from = close + 1;
      if (from < written.size() && written[from] == '.') ++from;
      const auto eq = part.find('=');
      if (eq != std::string::npos) {
        const std::string field = part.substr(0, eq), value = part.substr(eq + 1);
        const auto match = std::find_if(node->begin(), node->end(), [&](const io::Json& e) {
          if (!e.is_object() || !e.contains(field)) return false;
          const io::Json& id = e.at(field);
          return id.is_string() ? id.get<std::string>() == value : id.is_number_integer() && id.dump() == value;
        });
        node = match == node->end() ? nullptr : &*match;
        continue;
      }
    } else {
      const auto stop = written.find_first_of(".[", from);
      part = written.substr(from, stop == std::string::npos ? std::string::npos : stop - from);
      from = stop == std::string::npos ? written.size() : stop + (written[stop] == '.' ? 1 : 0);
    }
    if (node->is_object()) {
      const auto it = node->find(part);
      node = it == node->end() ? nullptr : &*it;
    } else if (node->is_array()) {
      const auto i = parse_number(part);
      if (!i || *i < 0 || *i != std::floor(*i) || *i >= static_cast<double>(node->size())) return nullptr;
      node = &(*node)[static_cast<std::size_t>(*i)];
    } else {
      return nullptr;
    }
  }
  return written.empty() ? nullptr : node;
}

// Every path to a number (or null) in the document, for did-you-mean.
void numeric_paths(const io::Json& node, const std::string& prefix, std::vector<std::string>& out) {
  if (node.is_number() || node.is_null()) {
    out.push_back(prefix);
  } else if (node.is_object()) {
    for (const auto& [k, v] : node.items()) numeric_paths(v, prefix.empty() ? k : prefix + "." + k, out);
  }
}

// A document's verdict on its state (cell: the held heat loss against the technology's, and --thermal's
// solved state, T14-1): false when either says it is no operating point, nullopt when it gives none.
std::optional<bool> operating_point_of(const io::Json& doc) {
  std::optional<bool> out;
  for (const char* path : {"operating_point", "thermal.operating_point"}) {
    const io::Json* node = find_path(doc, path);
    if (node != nullptr && node->is_boolean()) out = out.value_or(true) && node->get<bool>();
  }
  return out;
}

// Output keys renamed in the JSON documents, still accepted in --outputs under their old name for
// one release, with a warning (T13-12.1: `cell --json` had bath_temperature_C beside
// thermal.bath_temperature_degC; the project's temperature keys end in _degC).
struct RenamedOutput {
  const char* command;
  const char* old_path;
  const char* new_path;
};
constexpr RenamedOutput kRenamedOutputs[] = {
    {"cell", "bath_temperature_C", "bath_temperature_degC"},
    {"cell", "liquidus_C", "liquidus_degC"},
};

// The path now holding a renamed output `path` of `command`, "" when it was not renamed.
std::string renamed_output(const std::string& command, const std::string& path) {
  for (const auto& r : kRenamedOutputs)
    if (command == r.command && path == r.old_path) return r.new_path;
  return "";
}

// A column of the table: its label (the key as asked for) and the path it is read from.
struct OutputColumn {
  std::string label, path;
};

// The columns of the requested outputs in the first document: numbers and nulls, objects expanded.
// A renamed key keeps its old label (a script's column names do not change) and adds a warning.
std::vector<OutputColumn> resolve_outputs(const std::vector<std::string>& requested, const io::Json& doc,
                                          const std::string& command, std::vector<std::string>& warnings) {
  core::Diagnostics d;
  std::vector<OutputColumn> columns;
  std::vector<std::string> known;
  numeric_paths(doc, "", known);
  for (const auto& label : requested) {
    const std::string renamed = renamed_output(command, label);
    const std::string& path = renamed.empty() || find_path(doc, label) != nullptr ? label : renamed;
    const io::Json* node = find_path(doc, path);
    const core::SourceLocation where{"--outputs", 0, 0};
    if (node != nullptr && path != label) {
      warnings.push_back(core::Diagnostic{core::Severity::kWarning, where, label,
                                          fmt::format("renamed '{}' in the `potline {} --json` document (temperatures "
                                                      "end in _degC, docs/cli.md Changes); the old name is read for "
                                                      "one more release: write '{}'",
                                                      path, command, path)}
                             .to_string());
    }
    if (node == nullptr) {
      std::string message = fmt::format("'{}' is not a key of the `potline {} --json` document", label, command);
      const std::string hint = core::closest_match(label, known);
      if (!hint.empty()) message += "; did you mean '" + hint + "'?";
      d.error(where, label, message + " (docs/cli.md lists the keys)");
    } else if (node->is_number() || node->is_null()) {
      columns.push_back({label, path});
    } else if (node->is_object()) {
      const std::size_t before = columns.size();
      for (const auto& [k, v] : node->items())
        if (v.is_number() || v.is_null()) columns.push_back({label + "." + k, path + "." + k});
      if (columns.size() == before) d.error(where, path, fmt::format("'{}' holds no numbers: name one of its keys", path));
    } else {
      // "is true or false" for a boolean (was "is not a number, not a number"); arrays name their form.
      const char* what = node->is_string()    ? "text"
                         : node->is_boolean() ? "true or false"
                         : node->is_array()   ? "a list"
                                              : "not a number";
      d.error(where, path, fmt::format("'{}' is {}, not a number", path, what));
    }
  }
  if (d.has_errors()) throw core::InputError(d);
  return columns;
}

bool has_operating_point(const VaryTable& table) {
  return std::any_of(table.rows.begin(), table.rows.end(), [](const VaryTable::Row& r) { return r.operating_point.has_value(); });
}

}  // namespace

std::string relabel_hidden_set(std::string text, std::size_t hidden_index, int vary_index) {
  const std::string hidden = "--set #" + std::to_string(hidden_index);
  const std::string here = "--vary #" + std::to_string(vary_index);
  std::size_t from = 0;
  for (std::size_t at = text.find(hidden); at != std::string::npos; at = text.find(hidden, from)) {
    const std::size_t end = at + hidden.size();
    if (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {  // "--set #21", not #2
      from = end;
      continue;
    }
    text.replace(at, hidden.size(), here);
    from = at + here.size();
  }
  return text;
}

namespace {

// The point's input errors at "--vary #N" rather than at the hidden --set they were given as.
core::Diagnostics at_vary(const core::InputError& e, const VarySpec& spec, const std::string& value,
                          std::size_t hidden_index) {
  core::Diagnostics d;
  const std::string hidden = "--set #" + std::to_string(hidden_index);
  const core::SourceLocation here{"--vary #" + std::to_string(spec.index), 0, 0};
  bool at_the_value = false;
  for (const auto& item : e.diagnostics().items()) {
    const bool hidden_set = item.location.file == hidden;
    at_the_value = at_the_value || hidden_set;
    // Messages that name the value's origin ("AlF3 10 wt% (--set #2)") name the --vary too (T13-12).
    if (item.severity == core::Severity::kError)
      d.error(hidden_set ? here : item.location, item.key, relabel_hidden_set(item.message, hidden_index, spec.index));
  }
  // An error elsewhere (a case that becomes inconsistent at this value) needs the value named.
  if (!at_the_value) d.error(here, spec.key, fmt::format("the run with {}={} has the input error(s) above", spec.key, value));
  return d;
}

// Commands whose points are quick to run: after a bad point the others are still run, so that every
// bad value is said in one pass (user trial T20-3: `--vary "operation.acd=0.5,4,20 cm"` said 0.5 cm
// only). simulate and flex stop at the first: a good point after it is a whole dynamic run.
bool every_bad_point(const std::string& command) {
  return command == "cell" || command == "smelter" || command == "invest" || command == "fleet";
}

// A run that says the varied key "is not used" (the case takes its value from elsewhere: a price path,
// the heat balance, a CBAM route): every value gives the same run, so the --vary is an input error, said
// once with the run's reason, before N identical solves (user trial T19-3: `fleet --vary
// cbam.eua_price` under a path solved 11 times and printed 22 warnings).
void reject_unused_key(const io::Json& doc, const VarySpec& spec) {
  if (!doc.contains("warnings") || !doc["warnings"].is_array()) return;
  const std::string head = spec.key + ": ";
  for (const auto& w : doc["warnings"]) {
    if (!w.is_string()) continue;
    const std::string text = w.get<std::string>();
    const auto at = text.find(head);
    if (at == std::string::npos || text.find(" is not used", at) == std::string::npos) continue;
    core::Diagnostics d;
    d.error({"--vary #" + std::to_string(spec.index), 0, 0}, spec.key,
            "this case does not use it, so every value would give the same run: " + text.substr(at + head.size()));
    throw core::InputError(d);
  }
}

std::string number_text(const std::optional<double>& x) { return x ? fmt::format("{}", *x) : std::string(); }

// The unit after a number ("24 h" -> "h"), "" for a plain number, nullopt when the text is no number.
std::optional<std::string> unit_after_number(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return std::nullopt;
  return trim(std::string(end));
}

// "run.duration=12,24 h" ran 12 d (the field's unit) and 1 d: a unit after the last value applies to
// the plain numbers before it, as the unit of a range does to each of its values.
void apply_trailing_unit(std::vector<std::string>& values) {
  if (values.size() < 2) return;
  const auto unit = unit_after_number(values.back());
  if (!unit || unit->empty()) return;
  for (std::size_t i = 0; i + 1 < values.size(); ++i) {
    const auto own = unit_after_number(values[i]);
    if (own && own->empty()) values[i] += " " + *unit;
  }
}

// "2200" of prices.lme shows as "2200 USD/t": a plain number is in the field's unit, which the
// table did not say (a value typed with a unit keeps it; text values have none).
std::string shown_value(const std::string& value, const std::string& unit) {
  const auto own = unit_after_number(value);
  return own && own->empty() && !unit.empty() ? value + " " + unit : value;
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t from = 0;
  while (from <= text.size()) {
    const auto comma = text.find(',', from);
    const std::string item = trim(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return items;
}

std::optional<VarySpec> parse_vary(const std::string& text, int index, core::Diagnostics& d) {
  const core::SourceLocation where{"--vary #" + std::to_string(index), 0, 0};
  const auto eq = text.find('=');
  const std::string key = eq == std::string::npos ? "" : trim(text.substr(0, eq));
  std::string rhs = eq == std::string::npos ? "" : trim(text.substr(eq + 1));
  if (rhs.size() >= 2 && (rhs.front() == '"' || rhs.front() == '\'') && rhs.back() == rhs.front())
    rhs = rhs.substr(1, rhs.size() - 2);
  if (key.empty() || rhs.empty()) {
    d.error(where, key, fmt::format("'{}' is not KEY=START:STOP:STEP or KEY=V1,V2,V3 (e.g. --vary prices.power=30:60:10)", text));
    return std::nullopt;
  }
  VarySpec spec{key, {}, index, {}};
  const std::size_t errors = d.error_count();
  if (rhs.find(',') == std::string::npos && rhs.find(':') != std::string::npos) {
    spec.values = range_values(key, rhs, where, d);
  } else {
    spec.values = split_list(rhs);
    apply_trailing_unit(spec.values);
    if (spec.values.size() > kMaxVaryValues) {
      d.error(where, key, fmt::format("{} values, more than the {} allowed per --vary", spec.values.size(), kMaxVaryValues));
    } else if (spec.values.empty()) {
      d.error(where, key, fmt::format("no values in '{}'", rhs));
    }
  }
  if (d.error_count() != errors) return std::nullopt;
  return spec;
}

VaryTable run_vary(const std::string& command, const std::vector<VarySpec>& specs, const std::vector<std::string>& base_sets,
                   const std::vector<std::string>& outputs, const RunWithSets& run) {
  std::size_t runs = 0;
  for (const auto& s : specs) runs += s.values.size();
  if (runs > kMaxVaryRuns) {
    core::Diagnostics d;
    d.error({"--vary", 0, 0}, "", fmt::format("{} runs in all, more than the {} allowed: vary fewer values", runs, kMaxVaryRuns));
    throw core::InputError(d);
  }
  VaryTable table{command, {}, {}, {}, {}};
  std::vector<std::string> paths;  // where each column of table.outputs is read (a renamed key's new path)
  const std::vector<std::string> requested = outputs.empty() ? default_vary_outputs(command) : outputs;
  const std::size_t hidden_index = base_sets.size() + 1;
  core::Diagnostics bad;  // the bad points' input errors (every_bad_point)
  for (const auto& spec : specs) {
    for (const auto& value : spec.values) {
      std::vector<std::string> sets = base_sets;
      sets.push_back(spec.key + "=" + value);
      io::Json doc;
      try {
        doc = run(sets);
      } catch (const core::InputError& e) {
        const core::Diagnostics here = at_vary(e, spec, value, hidden_index);
        if (!every_bad_point(command)) throw core::InputError(here);
        // One error said by every point (a case error elsewhere) is said once.
        for (const auto& item : here.items())
          if (std::none_of(bad.items().begin(), bad.items().end(), [&](const core::Diagnostic& x) {
                return x.location.file == item.location.file && x.key == item.key &&
                       x.message == item.message;
              }))
            bad.error(item.location, item.key, item.message);
        continue;
      }
      if (bad.has_errors()) continue;  // the table is not printed: no point in reading it
      reject_unused_key(doc, spec);
      if (table.rows.empty()) {
        for (auto& column : resolve_outputs(requested, doc, command, table.warnings)) {
          table.outputs.push_back(std::move(column.label));
          paths.push_back(std::move(column.path));
        }
        if (doc.contains("title") && doc["title"].is_string()) table.title = doc["title"].get<std::string>();
      }
      VaryTable::Row row{spec.key, shown_value(value, spec.unit), {}, operating_point_of(doc)};
      if (doc.contains("seed") && doc["seed"].is_number_integer())
        row.seed = doc["seed"].get<std::int64_t>();
      for (const auto& path : paths) {
        const io::Json* node = find_path(doc, path);
        row.outputs.push_back(node != nullptr && node->is_number() ? std::optional<double>(node->get<double>()) : std::nullopt);
      }
      table.rows.push_back(std::move(row));
    }
  }
  if (bad.has_errors()) throw core::InputError(bad);
  return table;
}

std::vector<std::string> default_vary_outputs(const std::string& command) {
  static const std::map<std::string, std::vector<std::string>> defaults = {
      {"cell", {"voltage_V", "current_efficiency", "sec_dc_kWh_per_kg", "superheat_K", "heat_loss_kW"}},
      {"smelter", {"cost_usd_per_t.c1", "cost_usd_per_t.full", "margin_usd_per_t.c1", "emissions_t_co2e_per_t.total"}},
      {"invest", {"npv_usd", "irr", "lcoa_usd_per_t", "breakeven_power_usd_per_MWh"}},
      {"fleet", {"marginal_cost_usd_per_t", "production_Mt", "emissions_Mt_co2e", "price_by_region_usd_per_t"}},
      {"flex", {"value.savings_eur", "value.savings_percent_of_power_cost", "value.energy_shifted_MWh",
                "value.round_trip_efficiency", "solver.gap_percent", "value.delivered.savings_eur"}},
      {"simulate", {"mean_voltage_V", "current_efficiency", "sec_dc_kWh_per_kg", "ae_per_cell_day", "pfc_t_co2e",
                    "mean_superheat_K", "min_ledge_cm"}},
  };
  const auto it = defaults.find(command);
  return it == defaults.end() ? std::vector<std::string>{} : it->second;
}

io::Json vary_json(const VaryTable& table) {
  io::Json j;
  j["command"] = table.command;
  j["title"] = table.title;
  j["outputs"] = table.outputs;
  io::Json rows = io::Json::array();
  for (const auto& r : table.rows) {
    io::Json row;
    row["key"] = r.key;
    row["value"] = r.value;
    io::Json values = io::Json::object();
    for (std::size_t i = 0; i < table.outputs.size(); ++i)
      values[table.outputs[i]] = r.outputs[i] ? io::Json(*r.outputs[i]) : io::Json(nullptr);
    row["outputs"] = values;
    if (r.operating_point) row["operating_point"] = *r.operating_point;
    if (r.seed) row["seed"] = *r.seed;
    rows.push_back(row);
  }
  j["rows"] = rows;
  // The seed every point ran at (a --vary of simulate or flex), so that the run folder's manifest
  // records it (docs audit DA19-41: null, and the report said the command used no random numbers);
  // points at different seeds (--vary run.seed) give theirs in their rows only.
  const bool one_seed =
      !table.rows.empty() && table.rows.front().seed &&
      std::all_of(table.rows.begin(), table.rows.end(),
                  [&](const VaryTable::Row& r) { return r.seed == table.rows.front().seed; });
  if (one_seed) j["seed"] = *table.rows.front().seed;
  return j;
}

std::string vary_csv(const VaryTable& table) {
  std::vector<std::string> header = {"key", "value"};
  header.insert(header.end(), table.outputs.begin(), table.outputs.end());
  const bool verdicts = has_operating_point(table);
  if (verdicts) header.push_back("operating_point");  // T14-1: a marker on every row
  std::string out = io::csv_row(header);
  for (const auto& r : table.rows) {
    std::vector<std::string> cells = {r.key, r.value};
    for (const auto& x : r.outputs) cells.push_back(number_text(x));
    if (verdicts) cells.push_back(r.operating_point ? (*r.operating_point ? "true" : "false") : "");
    out += io::csv_row(cells);
  }
  return out;
}

std::string vary_text(const VaryTable& table) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = {"key", "value"};
  header.insert(header.end(), table.outputs.begin(), table.outputs.end());
  // The text shows the verdicts when one is NO (a column of "yes" is noise); CSV and JSON always do.
  const bool any_not = std::any_of(table.rows.begin(), table.rows.end(), [](const VaryTable::Row& r) {
    return r.operating_point.has_value() && !*r.operating_point;
  });
  const bool verdicts = any_not;
  if (verdicts) header.push_back("operating point");
  cells.push_back(header);
  for (const auto& r : table.rows) {
    std::vector<std::string> line = {r.key, r.value};
    // Fixed notation, 6 significant digits: money read "npv_usd 1.5107e+08" (user trial T11-13).
    for (const auto& x : r.outputs) line.push_back(x ? core::format_significant(*x, 6) : "n/a");
    if (verdicts) line.push_back(r.operating_point ? (*r.operating_point ? "yes" : "NO") : "n/a");
    cells.push_back(line);
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& line : cells)
    for (std::size_t c = 0; c < line.size(); ++c) width[c] = std::max(width[c], line[c].size());
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      // Names and values left-aligned, numbers right-aligned.
      text += c < 2 ? fmt::format("{:<{}}", line[c], width[c]) : fmt::format("{:>{}}", line[c], width[c]);
      if (c + 1 < line.size()) text += "  ";
    }
    out += text + "\n";
  }
  if (any_not)
    out += "  operating point NO: the cell does not run in that state (the held bath's heat loss more than 25 % from "
           "its technology's operating point, or --thermal's state no working cell; `--json` says why): its voltage, "
           "CE and SEC are no operating point to compare\n";
  return out;
}

}  // namespace potline::api

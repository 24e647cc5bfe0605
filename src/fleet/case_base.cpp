// A fleet case built on another (case.base; see fleet_case_internal.hpp and docs/model/fleet.md,
// "Cases built on a base"). The scenario examples build on the 2024 backtest
// (examples/world-2024.toml) so that they cannot drift from its calibration: each file holds only
// its own levers. The merge is done on the values as read (CaseInput), so every value keeps the
// file:line:col it was written at, in the base or in the case.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "fleet_case_internal.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet::detail {
namespace {

// A chain of bases deeper than this is certainly a mistake (the shipped examples use two levels).
constexpr int kMaxBaseDepth = 8;

// Keys holding a file path relative to the case that names them (fleet_levers.cpp, apply_settings).
const std::vector<std::string> kPathKeys = {"fleet.smelters", "fleet.regions",    "fleet.pipeline",
                                            "fleet.sanctions", "fleet.paths",      "fleet.fuel_paths",
                                            "fleet.power",     "fleet.anode_effects", "fleet.power_supply"};

std::string text_of(const TableValues& t, const char* key) { return t.values.text(key); }

// The identity of a lever table for replacement: a case's table replaces the base's table of the same
// identity (the same importer and exporters of a tariff, the same capped region, the same lane, the
// same demand region); lever tables without one (exclusions, shocks, loads, retrofits) add up.
std::string identity(const std::string& array, const TableValues& t) {
  if (array == "tariff") return text_of(t, "tariff.importer") + "|" + text_of(t, "tariff.exporters");
  if (array == "cap") return text_of(t, "cap.region");
  if (array == "flow_limit") return text_of(t, "flow_limit.from") + "|" + text_of(t, "flow_limit.to");
  if (array == "demand") return text_of(t, "demand.region");
  return {};
}

std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

// A path of the base, made absolute so that it still names the same file from the case's folder.
void rebase_paths(CaseInput& base, const std::string& base_dir) {
  for (const std::string& key : kPathKeys) {
    const io::Value* v = base.scalars.get(key);
    if (v == nullptr || v->text.empty() || std::filesystem::path(v->text).is_absolute()) continue;
    io::Value moved = *v;
    moved.text = std::filesystem::absolute(std::filesystem::path(base_dir) / v->text).lexically_normal().string();
    base.scalars.set(key, moved);
  }
}

// `own` on top of `base`: own scalars win key by key; the own lever tables of one identity replace the
// base's tables of that identity in the place of the first, the other own tables follow the base's. Tables are renumbered (tariff[0], ...) in the
// merged order, which is the order --set NAME[I].KEY counts.
void merge_onto(CaseInput& base, CaseInput& own) {
  for (const auto& [key, value] : base.scalars.all()) {
    if (key == "case.base" || own.scalars.has(key) || own.rejected.count(key) != 0) continue;
    own.scalars.set(key, value);
  }
  for (const auto& key : base.rejected) {
    if (!own.scalars.has(key)) own.rejected.insert(key);  // reported in the base: not "required" again
  }
  for (const auto& s : base.present_sections) {
    if (std::find(own.present_sections.begin(), own.present_sections.end(), s) == own.present_sections.end())
      own.present_sections.push_back(s);
  }
  for (auto& [name, base_tables] : base.arrays) {
    std::vector<TableValues>& own_tables = own.arrays[name];
    std::vector<bool> placed(own_tables.size(), false);
    std::vector<TableValues> merged;
    std::set<std::string> replaced;  // identities whose base tables the case's replace
    std::vector<std::string> own_ids;  // before any own table is moved
    for (const TableValues& t : own_tables) own_ids.push_back(identity(name, t));
    for (TableValues& t : base_tables) {
      const std::string id = identity(name, t);
      if (id.empty() || std::find(own_ids.begin(), own_ids.end(), id) == own_ids.end()) {
        merged.push_back(std::move(t));
        continue;
      }
      // The case's tables of this identity (a dated tariff schedule: all of them) replace all the
      // base's, in the place of the base's first, so NAME[I] keeps counting the base's tables.
      if (!replaced.insert(id).second) continue;
      for (std::size_t k = 0; k < own_tables.size(); ++k) {
        if (placed[k] || own_ids[k] != id) continue;
        merged.push_back(std::move(own_tables[k]));
        placed[k] = true;
      }
    }
    for (std::size_t k = 0; k < own_tables.size(); ++k) {
      if (!placed[k]) merged.push_back(std::move(own_tables[k]));
    }
    for (std::size_t i = 0; i < merged.size(); ++i) {
      merged[i].label = name + "[" + std::to_string(i) + "]";
      if (i == merged[i].index_in_file) continue;
      merged[i].merged_note =
          fmt::format("{} is the case's {} [[{}]], the {} of {}", merged[i].label, ordinal(i + 1),
                      name, ordinal(merged[i].index_in_file + 1), merged[i].where.file);
    }
    own_tables = std::move(merged);
  }
}

// The messages of reading the case and its bases (items from `first` on) name a table by its place
// in its own file; after the merge it is NAME[I] of the case, the index that --set NAME[I].KEY
// edits and the levers' messages use: renamed so, with the same explanation (T9-12: a warning said
// tariff[0] for the case's tariff[2]).
void renumber_read_messages(const CaseInput& in, std::size_t first, core::Diagnostics& d) {
  struct Renamed {
    std::string in_file, merged, note, file;
  };
  std::vector<Renamed> renamed;
  for (const auto& [name, tables] : in.arrays) {
    for (const TableValues& t : tables) {
      if (t.merged_note.empty()) continue;
      renamed.push_back(
          {fmt::format("{}[{}]", name, t.index_in_file), t.label, t.merged_note, t.where.file});
    }
  }
  if (renamed.empty() || first >= d.items().size()) return;
  core::Diagnostics out;
  for (std::size_t i = 0; i < d.items().size(); ++i) {
    core::Diagnostic x = d.items()[i];
    for (const Renamed& r : renamed) {
      if (i < first || x.location.file != r.file) continue;
      if (x.key != r.in_file && x.key.rfind(r.in_file + ".", 0) != 0) continue;
      x.key = r.merged + x.key.substr(r.in_file.size());
      for (auto at = x.message.find("'" + r.in_file + "."); at != std::string::npos;
           at = x.message.find("'" + r.in_file + ".", at + 1))
        x.message.replace(at + 1, r.in_file.size(), r.merged);  // a did-you-mean
      x.message += " (" + r.note + ")";
      break;
    }
    if (x.severity == core::Severity::kError)
      out.error(x.location, x.key, x.message);
    else
      out.warning(x.location, x.key, x.message);
  }
  d = std::move(out);
}

}  // namespace

void name_merged_tables(const CaseInput& in, std::size_t from, core::Diagnostics& d) {
  std::vector<const TableValues*> noted;
  for (const auto& [name, tables] : in.arrays) {
    for (const TableValues& t : tables) {
      if (!t.merged_note.empty()) noted.push_back(&t);
    }
  }
  if (noted.empty() || from >= d.items().size()) return;
  core::Diagnostics out;
  for (std::size_t i = 0; i < d.items().size(); ++i) {
    core::Diagnostic x = d.items()[i];
    for (const TableValues* t : noted) {
      const bool names_table = x.key == t->label || x.key.rfind(t->label + ".", 0) == 0;
      if (i >= from && names_table) x.message += " (" + t->merged_note + ")";
    }
    if (x.severity == core::Severity::kError)
      out.error(x.location, x.key, x.message);
    else
      out.warning(x.location, x.key, x.message);
  }
  d = std::move(out);
}

void read_with_bases(const toml::table& doc, const std::string& file, const std::string& base_dir, CaseInput& in,
                     core::Diagnostics& d, std::vector<std::string>& bases, int depth) {
  const std::size_t first = d.items().size();
  read_case_input(doc, file, fleet_layout(), in, d);
  const io::Value* ref = in.scalars.get("case.base");
  if (ref == nullptr) return;
  const std::filesystem::path p = std::filesystem::path(ref->text).is_absolute()
                                      ? std::filesystem::path(ref->text)
                                      : std::filesystem::path(base_dir) / ref->text;
  const std::string path = p.lexically_normal().string();
  std::error_code no_throw;
  const std::string canonical = std::filesystem::weakly_canonical(p, no_throw).string();
  if (depth >= kMaxBaseDepth || std::find(bases.begin(), bases.end(), canonical) != bases.end()) {
    d.error(ref->location, "case.base",
            "'" + ref->text + "' builds on itself (a cycle of case.base) or the chain is deeper than " +
                std::to_string(kMaxBaseDepth) + " cases");
    return;
  }
  bases.push_back(canonical);
  const auto text = io::read_text_file(path, "the base fleet case", d, "case.base", ref->location);
  if (!text) return;
  const auto parsed = io::parse_toml(*text, path, d);
  if (!parsed) return;
  const std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
  CaseInput base;
  read_with_bases(*parsed, path, dir, base, d, bases, depth + 1);
  rebase_paths(base, dir);
  merge_onto(base, in);
  if (depth == 0) renumber_read_messages(in, first, d);
}

}  // namespace potline::fleet::detail

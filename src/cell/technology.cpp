#include "potline/cell/technology.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "potline/cell/cell_schema.hpp"
#include "potline/core/text.hpp"

namespace potline::cell {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

core::SourceLocation where(const toml::node& node, const std::string& file) {
  return {file, static_cast<int>(node.source().begin.line),
          static_cast<int>(node.source().begin.column)};
}

std::string value_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) return core::format_number(f->get());
  return {};
}

// Every key of a table must be one of `allowed`: a typo must not silently change a calibration.
void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                const std::string& context, const std::string& file, core::Diagnostics& diagnostics) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto& [raw_key, node] : table) {
    const std::string key(raw_key.str());
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    const std::string hint = core::closest_match(key, names);
    diagnostics.error(where(node, file), context + "." + key,
                      "unknown key" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
  }
}

// Published operating-point entries: key, unit of a plain number, SI unit.
struct PublishedSpec {
  const char* key;
  const char* unit;
  const char* internal_unit;
  std::optional<PublishedValue> Technology::*member;
};
const PublishedSpec kPublished[] = {
    {"line_current", "kA", "A", &Technology::line_current_A},
    {"voltage", "V", "V", &Technology::voltage_V},
    {"current_efficiency", "1", "1", &Technology::current_efficiency},
    {"sec_dc", "kWh/kg", "J/kg", &Technology::sec_dc_J_per_kg},
    {"sec_ac", "kWh/kg", "J/kg", &Technology::sec_ac_J_per_kg},
    {"production_per_pot_day", "kg", "kg", &Technology::production_kg_per_day},
};

void read_published(const toml::table& table, Technology& tech, const std::string& file,
                    core::Diagnostics& diagnostics) {
  for (const auto& [raw_key, node] : table) {
    const std::string key(raw_key.str());
    const std::string context = tech.id + ".published." + key;
    const auto* spec = std::find_if(std::begin(kPublished), std::end(kPublished),
                                    [&](const PublishedSpec& s) { return key == s.key; });
    if (spec == std::end(kPublished)) {
      std::vector<std::string> names;
      for (const auto& s : kPublished) names.emplace_back(s.key);
      const std::string hint = core::closest_match(key, names);
      diagnostics.error(where(node, file), context,
                        "unknown published quantity" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      continue;
    }
    const auto* entry = node.as_table();
    if (entry == nullptr || !entry->contains("value") || !entry->contains("source")) {
      diagnostics.error(where(node, file), context,
                        "expected { value = ..., source = \"...\" }: every published number needs its source");
      continue;
    }
    check_keys(*entry, {"value", "source", "note", "assumed_basis"}, context, file, diagnostics);
    PublishedValue v;
    v.text = value_text(*entry->get("value"));
    v.source = entry->get("source")->value_or(std::string());
    v.note = (*entry)["note"].value_or(std::string());
    v.assumed_basis = (*entry)["assumed_basis"].value_or(false);
    if (v.source.empty()) {
      diagnostics.error(where(node, file), context, "empty source");
      continue;
    }
    const auto parsed = core::parse_quantity(v.text, spec->unit, spec->internal_unit);
    if (!parsed.ok() || !(parsed.value > 0.0)) {
      diagnostics.error(where(*entry->get("value"), file), context,
                        parsed.ok() ? "must be positive" : parsed.error);
      continue;
    }
    if (key == "current_efficiency" && !(parsed.value > 0.5 && parsed.value < 1.0)) {
      diagnostics.error(where(*entry->get("value"), file), context,
                        "a current efficiency must lie in (50 %, 100 %); got " + v.text +
                            " (write it with its unit, e.g. \"95 %\")");
      continue;
    }
    v.value = parsed.value;
    tech.*(spec->member) = v;
  }
}

void read_estimated(const toml::table& table, Technology& tech, const std::string& file,
                    core::Diagnostics& diagnostics) {
  for (const auto& [raw_key, node] : table) {
    const std::string key(raw_key.str());
    const std::string context = tech.id + ".estimated." + key;
    const auto* entry = node.as_table();
    if (key != "current_efficiency") {
      diagnostics.error(where(node, file), context,
                        "only current_efficiency may be estimated in [technology.estimated]");
      continue;
    }
    if (entry == nullptr || !entry->contains("value") || !entry->contains("basis")) {
      diagnostics.error(where(node, file), context,
                        "expected { value = ..., basis = \"estimate: ...\" }: every estimate needs its basis");
      continue;
    }
    check_keys(*entry, {"value", "basis"}, context, file, diagnostics);
    PublishedValue v;
    v.text = value_text(*entry->get("value"));
    v.source = entry->get("basis")->value_or(std::string());
    if (v.source.empty()) {
      diagnostics.error(where(node, file), context, "an estimate needs its basis");
      continue;
    }
    const auto parsed = core::parse_quantity(v.text, "1", "1");
    if (!parsed.ok() || !(parsed.value > 0.5 && parsed.value < 1.0)) {
      diagnostics.error(where(*entry->get("value"), file), context,
                        parsed.ok() ? "a current efficiency must lie in (50 %, 100 %)" : parsed.error);
      continue;
    }
    v.value = parsed.value;
    tech.estimated_current_efficiency = v;
  }
}

void read_parameters(const toml::table& table, Technology& tech, const std::string& file,
                     core::Diagnostics& diagnostics) {
  const io::Schema& schema = cell_schema();
  for (const auto& [raw_key, node] : table) {
    const std::string key(raw_key.str());
    const core::SourceLocation loc = where(node, file);
    const io::FieldSpec* field = schema.find(key);
    if (field == nullptr || key.rfind("case.", 0) == 0) {
      const std::string hint = core::closest_match(key, schema.keys());
      diagnostics.error(loc, tech.id + ".parameters." + key,
                        "not a cell case key" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      continue;
    }
    const auto* entry = node.as_table();
    if (entry == nullptr || !entry->contains("value") || !entry->contains("status")) {
      diagnostics.error(loc, tech.id + ".parameters." + key,
                        "expected { value = ..., status = \"published\"|\"estimated\", source|basis = \"...\" }");
      continue;
    }
    check_keys(*entry, {"value", "status", "source", "basis"}, tech.id + ".parameters." + key, file,
               diagnostics);
    TechnologyParameter p;
    p.key = key;
    p.text = value_text(*entry->get("value"));
    const std::string status = entry->get("status")->value_or(std::string());
    if (status != "published" && status != "estimated") {
      diagnostics.error(loc, tech.id + ".parameters." + key,
                        "status must be \"published\" or \"estimated\", got \"" + status + "\"");
      continue;
    }
    p.published = status == "published";
    p.source = p.published ? (*entry)["source"].value_or(std::string())
                           : (*entry)["basis"].value_or(std::string());
    if (p.source.empty()) {
      diagnostics.error(loc, tech.id + ".parameters." + key,
                        p.published ? "a published value needs a source" : "an estimate needs its basis");
      continue;
    }
    const bool is_string = entry->get("value")->is_string();
    auto value = io::convert_input(*field, p.text, is_string, where(*entry->get("value"), file), diagnostics);
    if (!value) continue;
    value->origin = io::Origin::kTechnology;
    p.value = *value;
    tech.parameters.push_back(std::move(p));
  }
}

}  // namespace

const TechnologyParameter* Technology::parameter(std::string_view key) const {
  for (const auto& p : parameters) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::string default_data_dir() {
  if (const char* env = std::getenv("POTLINE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return POTLINE_DATA_DIR;
}

TechnologyCatalogue TechnologyCatalogue::load(const std::string& path, core::Diagnostics& diagnostics) {
  TechnologyCatalogue catalogue;
  catalogue.path_ = path;
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    diagnostics.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "",
                      "cannot read technology catalogue: " + std::string(e.description()));
    return catalogue;
  }
  const auto* list = root["technology"].as_array();
  if (list == nullptr) {
    diagnostics.error({path, 1, 1}, "technology", "expected [[technology]] entries");
    return catalogue;
  }
  for (const auto& node : *list) {
    const auto* t = node.as_table();
    if (t == nullptr) continue;
    Technology tech;
    tech.location = where(node, path);
    check_keys(*t,
               {"id", "name", "vendor", "aliases", "first_industrial_year", "cell_type", "notes",
                "published", "estimated", "parameters"},
               "technology[" + std::string((*t)["id"].value_or(std::string("?"))) + "]", path,
               diagnostics);
    tech.id = (*t)["id"].value_or(std::string());
    if (tech.id.empty()) {
      diagnostics.error(tech.location, "technology.id", "every technology needs an id");
      continue;
    }
    tech.name = (*t)["name"].value_or(tech.id);
    tech.vendor = (*t)["vendor"].value_or(std::string());
    tech.cell_type = (*t)["cell_type"].value_or(std::string());
    tech.notes = (*t)["notes"].value_or(std::string());
    if (auto year = (*t)["first_industrial_year"].value<int64_t>()) {
      tech.first_industrial_year = static_cast<int>(*year);
    }
    if (const auto* aliases = (*t)["aliases"].as_array()) {
      for (const auto& a : *aliases) {
        if (auto s = a.value<std::string>()) tech.aliases.push_back(*s);
      }
    }
    if (catalogue.find(tech.id) != nullptr) {
      diagnostics.error(tech.location, "technology.id", "duplicate technology id '" + tech.id + "'");
      continue;
    }
    if (const auto* published = (*t)["published"].as_table()) {
      read_published(*published, tech, path, diagnostics);
    }
    if (const auto* estimated = (*t)["estimated"].as_table()) {
      read_estimated(*estimated, tech, path, diagnostics);
    }
    if (const auto* parameters = (*t)["parameters"].as_table()) {
      read_parameters(*parameters, tech, path, diagnostics);
    }
    catalogue.technologies_.push_back(std::move(tech));
  }
  return catalogue;
}

const Technology* TechnologyCatalogue::find(std::string_view name) const {
  const std::string wanted = lower(name);
  for (const auto& t : technologies_) {
    if (lower(t.id) == wanted) return &t;
    for (const auto& a : t.aliases) {
      if (lower(a) == wanted) return &t;
    }
  }
  return nullptr;
}

std::vector<std::string> TechnologyCatalogue::ids() const {
  std::vector<std::string> out;
  for (const auto& t : technologies_) out.push_back(t.id);
  return out;
}

}  // namespace potline::cell

#include "potline/plant/smelter_case.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "ccs_internal.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant {

std::optional<SimulatedAnodeEffects> read_simulated_anode_effects(const std::string& path, bool need_overvoltage,
                                                                  const core::SourceLocation& where,
                                                                  const std::string& key, core::Diagnostics& d) {
  // The bounded reader: a case may name anything here (/dev/zero was read whole).
  core::Diagnostics unread;
  const auto text = io::read_text_file(path, "the simulation summary", unread, key, where);
  if (!text) {
    const std::string reason = unread.items().empty() ? std::string() : unread.items().front().message;
    d.error(where, key, reason + " (a summary.json written by 'potline simulate --out DIR'; relative paths are "
                                 "relative to the case file's folder)");
    return std::nullopt;
  }
  const io::Json j = io::Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    d.error(where, key, "'" + path + "' is not a JSON object (expected a 'potline simulate' summary.json)");
    return std::nullopt;
  }
  bool ok = true;
  auto number = [&](const char* name) -> std::optional<double> {
    const auto it = j.find(name);
    if (it == j.end()) {
      d.error(where, key, fmt::format("'{}' has no key '{}' (expected a 'potline simulate' summary.json)", path, name));
      ok = false;
      return std::nullopt;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0.0) {
      d.error(where, key, fmt::format("'{}': {} = {} is not a finite number >= 0", path, name, it->dump()));
      ok = false;
      return std::nullopt;
    }
    return it->get<double>();
  };
  SimulatedAnodeEffects ae;
  const auto f = number("ae_per_cell_day");
  const auto m = number("ae_minutes_per_cell_day");
  if (need_overvoltage) {
    ae.overvoltage_mV = number("ae_overvoltage_mV");
  } else if (j.contains("ae_overvoltage_mV") && j["ae_overvoltage_mV"].is_number() &&
             std::isfinite(j["ae_overvoltage_mV"].get<double>())) {
    ae.overvoltage_mV = j["ae_overvoltage_mV"].get<double>();
  }
  if (const auto it = j.find("pfc_coefficients"); it != j.end() && it->is_string()) {
    ae.pfc_coefficients = it->get<std::string>();
  }
  // Low-voltage CF4 of the run (pfc.low_voltage_cf4, user trial T10-6): carried into the smelter's
  // PFC unless the case gives emissions.low_voltage_cf4 (smelter_emission_inputs.cpp; T10-7).
  const auto lv = j.find("pfc_cf4_low_voltage_kg");
  const auto prod = j.find("production_t");
  if (lv != j.end() && lv->is_number() && std::isfinite(lv->get<double>()) && lv->get<double>() > 0.0 &&
      prod != j.end() && prod->is_number() && prod->get<double>() > 0.0) {
    ae.low_voltage_cf4_kg_per_kg = lv->get<double>() / (prod->get<double>() * 1000.0);
  }
  if (!ok) return std::nullopt;
  ae.per_cell_day = *f;
  ae.minutes_per_cell_day = *m;
  return ae;
}

SmelterData SmelterData::load(const std::string& data_dir, core::Diagnostics& d) {
  SmelterData s;
  s.technologies = cell::TechnologyCatalogue::load(data_dir + "/technologies.toml", d);
  s.emissions = EmissionData::load(data_dir, d);
  s.cbam = policy::CbamSchedule::load(data_dir + "/cbam.toml", d);
  s.anode_effects = AnodeEffectTable::load_unchecked(data_dir + "/fleet-anode-effects.toml", d);
  s.files = {data_dir + "/technologies.toml", data_dir + "/emissions/ipcc-aluminium.toml",
             data_dir + "/emissions/power.toml", data_dir + "/emissions/fuels.toml", data_dir + "/cbam.toml",
             data_dir + "/fleet-anode-effects.toml"};
  return s;
}


std::optional<SmelterCase> build_smelter_case(const io::ValueSet& user, const SmelterData& data,
                                              core::Diagnostics& d) {
  auto c = detail::build_single(user, data, d);
  if (c) detail::scale_capture_cost(*c);  // the capture plant's cost at this smelter's gas and size
  if (c) detail::check_labour_intensity(*c, d);  // employees per kt/yr of capacity (T12-8)
  // The HPA line beside the potlines is checked on the whole plant (evaluated with the outputs).
  if (c && !hpa_inputs(*c, d) && d.has_errors()) return std::nullopt;
  return c;
}


std::vector<std::string> SmelterCase::input_files() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& f) {
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  add(ae_summary_file);
  for (const auto& g : potlines) add(g.ae_summary_file);
  return out;
}

namespace {

/// The group field of `leaf` named as potline[I].leaf, or an unknown-key error.
std::optional<io::FieldSpec> group_field(std::size_t index, const std::string& leaf,
                                         const core::SourceLocation& key_where, core::Diagnostics& d) {
  const io::FieldSpec* field = potline_group_schema().find("potline." + leaf);
  if (field == nullptr) {
    std::vector<std::string> leaves;
    for (const auto& k : potline_group_keys()) leaves.push_back(k.leaf);
    std::string message = "unknown key in a [[potline]] table";
    const std::string hint = core::closest_match(leaf, leaves);
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    message += "; 'potline schema smelter-potline' lists them";
    d.error(key_where, detail::group_key(index, leaf), message);
    return std::nullopt;
  }
  io::FieldSpec f = *field;
  f.key = detail::group_key(index, leaf);
  return f;
}

/// Stores a converted group value under its smelter key (the name apart).
void store_group_value(PotlineGroupValues& g, const std::string& leaf, io::Value value, io::Origin origin) {
  value.origin = origin;
  if (leaf == "name") {
    g.name = value.text;
    return;
  }
  for (const auto& k : potline_group_keys()) {
    if (k.leaf == leaf) g.values.set(k.flat, value);
  }
}

}  // namespace

void read_smelter_case_text(const std::string& toml_text, const std::string& display_name, io::ValueSet& values,
                            std::vector<PotlineGroupValues>& groups, core::Diagnostics& d) {
  const io::Schema& schema = smelter_schema();
  toml::table doc;
  try {
    doc = toml::parse(toml_text, display_name);
  } catch (const toml::parse_error&) {
    // Reports the syntax error; nothing else was read, so nothing else is checked (user trial T16-5: 11
    // spurious "required" errors followed it).
    io::read_case_text(toml_text, display_name, schema, values, d);
    throw core::InputError(d);
  }
  const toml::array* array = doc["potline"].as_array();
  if (array == nullptr) {
    io::read_case_text(toml_text, display_name, schema, values, d);
    return;
  }
  // The schema reader sees `potline` as an unknown key: everything else it reads as usual.
  core::Diagnostics scratch;
  io::read_case_text(toml_text, display_name, schema, values, scratch);
  for (const auto& item : scratch.items()) {
    if (item.key == "potline") continue;
    if (item.severity == core::Severity::kError) {
      d.error(item.location, item.key, item.message);
    } else {
      d.warning(item.location, item.key, item.message);
    }
  }
  if (array->empty()) {
    d.error(io::toml_location(*array, display_name), "potline", "an empty potline array: give [[potline]] tables");
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& node = *array->get(i);
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      d.error(io::toml_location(node, display_name), "potline",
              "expected [[potline]] tables (one per group of identical potlines), got a value");
      continue;
    }
    PotlineGroupValues g;
    g.name = "potline " + std::to_string(i + 1);
    g.where = io::toml_location(node, display_name);
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (const auto& [k, n] : *table) entries.emplace_back(&k, &n);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      const auto& pa = a.first->source().begin;
      const auto& pb = b.first->source().begin;
      return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    for (const auto& [k, n] : entries) {
      const std::string leaf(k->str());
      const auto& kb = k->source().begin;
      const core::SourceLocation key_where{display_name, static_cast<int>(kb.line), static_cast<int>(kb.column)};
      const auto field = group_field(i, leaf, key_where, d);
      if (!field) continue;
      if (auto value = io::read_toml_field(*field, *n, field->key, io::toml_location(*n, display_name), d)) {
        store_group_value(g, leaf, std::move(*value), io::Origin::kCaseFile);
      }
    }
    groups.push_back(std::move(g));
  }
}

void apply_smelter_overrides(const std::vector<std::string>& sets, io::ValueSet& values,
                             std::vector<PotlineGroupValues>& groups, core::Diagnostics& d) {
  std::vector<io::Override> plain;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d);
    if (!o) continue;
    // potline[I].KEY=VALUE sets KEY of the [[potline]] table I (counted from 0).
    if (o->key.rfind("potline[", 0) != 0) {
      plain.push_back(*o);
      continue;
    }
    const core::SourceLocation where{"--set #" + std::to_string(o->index), 0, 0};
    const auto close = o->key.find("].");
    std::size_t n = 0;
    const std::string digits = close == std::string::npos ? std::string() : o->key.substr(8, close - 8);
    const bool number = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
    if (number) n = digits.size() > 9 ? groups.size() : static_cast<std::size_t>(std::stoul(digits));
    if (!number) {
      d.error(where, o->key, "expected potline[I].KEY=VALUE with I = 0, 1, ... (the [[potline]] tables counted from 0)");
      continue;
    }
    if (groups.empty()) {
      d.error(where, o->key,
              "the case has no [[potline]] tables: set its [potline] keys as potline.KEY=VALUE");
      continue;
    }
    if (n >= groups.size()) {
      d.error(where, o->key,
              "the case has " + std::to_string(groups.size()) + " [[potline]] tables; " +
                  io::index_range_text(groups.size()));
      continue;
    }
    const std::string leaf = o->key.substr(close + 2);
    const bool looks_numeric =
        !o->value.empty() && o->value.find_first_not_of("+-.0123456789eE") == std::string::npos;
    const auto field = group_field(n, leaf, where, d);
    if (!field) continue;
    if (auto value = io::convert_input(*field, o->value, !looks_numeric, where, d)) {
      store_group_value(groups[n], leaf, std::move(*value), io::Origin::kCommandLine);
    }
  }
  io::apply_overrides(plain, smelter_schema(), values, d);
}

SmelterCase load_smelter_case(const std::string& path, const std::vector<std::string>& sets,
                              const SmelterData& data, core::Diagnostics& d) {
  io::ValueSet user;
  std::vector<PotlineGroupValues> groups;
  const auto text = io::read_text_file(path, "the case file", d);
  if (!text) {  // the --set keys and values are checked all the same (user trial T19-20: one pass)
    apply_smelter_overrides(sets, user, groups, d);
    throw core::InputError(d);
  }
  read_smelter_case_text(*text, path, user, groups, d);
  apply_smelter_overrides(sets, user, groups, d);
  if (d.has_errors()) {
    // Also what building the case finds (unknown technologies, missing or inconsistent inputs,
    // [[potline]] group errors): every input error in one pass.
    core::Diagnostics later;
    build_smelter_case(user, groups, data, later);
    io::append_errors_except_rejected(later, d);
    throw core::InputError(d);
  }
  auto c = build_smelter_case(user, groups, data, d);
  if (!c || d.has_errors()) throw core::InputError(d);
  return std::move(*c);
}

}  // namespace potline::plant

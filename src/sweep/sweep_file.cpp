// Reading a sweep file (see sweep_file.hpp and docs/model/sweep.md).
#include "potline/sweep/sweep_file.hpp"
#include "potline/io/toml_values.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"

namespace potline::sweep {
namespace {

using core::SourceLocation;

SourceLocation loc(const toml::node& n, const std::string& file) { return io::toml_location(n, file); }

std::string read_file(const std::string& path, bool& ok) {
  std::ifstream f(path, std::ios::binary);
  ok = static_cast<bool>(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void unknown(const std::string& what, const std::string& name, const std::vector<std::string>& candidates,
             const SourceLocation& where, const std::string& key, core::Diagnostics& d) {
  io::report_unknown_name(what, name, candidates, where, key, d);
}

void check_keys(const toml::table& t, const std::string& section, const std::vector<std::string>& known,
                const std::string& file, core::Diagnostics& d) {
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (std::find(known.begin(), known.end(), key) == known.end())
      unknown("key", key, known, loc(v, file), section.empty() ? key : section + "." + key, d);
  }
}

std::optional<double> quantity(const toml::node* n, const std::string& key, const std::string& unit, const std::string& si,
                               const std::string& file, core::Diagnostics& d) {
  return io::toml_quantity(n, key, unit, si, file, d);
}

// Every node of a document by dotted path ("tariff[1].importer"), depth first.
void walk(const toml::node& n, const std::string& path, const std::function<void(const std::string&, const toml::node&)>& f) {
  f(path, n);
  if (const auto* t = n.as_table()) {
    for (const auto& [k, v] : *t) walk(v, path.empty() ? std::string(k.str()) : path + "." + std::string(k.str()), f);
  } else if (const auto* a = n.as_array()) {
    for (std::size_t i = 0; i < a->size(); ++i) walk(*a->get(i), fmt::format("{}[{}]", path, i), f);
  }
}

struct ParamInfo {
  const char* name;
  Parameter parameter;
  const char* unit;
  const char* si;
  bool regional;
};
constexpr ParamInfo kParams[] = {
    {"power_factor", Parameter::kPowerFactor, "1", "1", true},
    {"power_adder", Parameter::kPowerAdder, "USD/MWh", "USD/J", true},
    {"carbon_price", Parameter::kCarbonPrice, "USD/t", "USD/kg", true},
    {"alumina_factor", Parameter::kAluminaFactor, "1", "1", false},
    {"demand_factor", Parameter::kDemandFactor, "1", "1", true},
};

const std::vector<std::string> kLeverKeys = {"fleet", "market", "cbam", "demand", "tariff", "exclusion", "cap",
                                             "power_shock", "carbon_price", "retrofit"};

// Builds one scenario's fleet case: base document + overrides, parsed by the fleet parser, with
// every diagnostic moved back to the line of the sweep file or base case it came from.
fleet::FleetCase scenario_case(const toml::table& base_doc, const std::string& base_file, const toml::table* overrides,
                               const std::string& sweep_file, const std::string& name, const SourceLocation& where,
                               const std::string& base_dir, const std::string& data_dir, const plant::SmelterData& data,
                               std::string& merged_text, core::Diagnostics& d) {
  toml::table merged = base_doc;
  std::map<std::string, SourceLocation> origin;
  walk(base_doc, "", [&](const std::string& p, const toml::node& n) { origin[p] = loc(n, base_file); });
  if (overrides != nullptr) {
    for (const auto& [k, v] : *overrides) {
      const std::string key(k.str());
      if (key == "name" || key == "description") continue;
      if (std::find(kLeverKeys.begin(), kLeverKeys.end(), key) == kLeverKeys.end()) {
        std::vector<std::string> known = kLeverKeys;
        known.push_back("name");
        known.push_back("description");
        unknown("key", key, known, loc(v, sweep_file), "scenario." + key, d);
        continue;
      }
      if (const auto* arr = v.as_array()) {
        toml::array* target = merged[key].as_array();
        if (target == nullptr) {
          merged.insert_or_assign(key, toml::array{});
          target = merged[key].as_array();
        }
        const std::size_t offset = target->size();
        for (std::size_t i = 0; i < arr->size(); ++i) {
          target->push_back(*arr->get(i));
          walk(*arr->get(i), fmt::format("{}[{}]", key, offset + i),
               [&](const std::string& p, const toml::node& n) { origin[p] = loc(n, sweep_file); });
        }
      } else if (const auto* tab = v.as_table()) {
        toml::table* target = merged[key].as_table();
        if (target == nullptr) {
          merged.insert_or_assign(key, toml::table{});
          target = merged[key].as_table();
        }
        origin[key] = loc(v, sweep_file);
        for (const auto& [k2, v2] : *tab) {
          target->insert_or_assign(k2, v2);
          walk(v2, key + "." + std::string(k2.str()),
               [&](const std::string& p, const toml::node& n) { origin[p] = loc(n, sweep_file); });
        }
      } else {
        d.error(loc(v, sweep_file), "scenario." + key, "expected a table ([scenario." + key + "]) or an array of tables ([[scenario." + key + "]])");
      }
    }
  }
  std::ostringstream os;
  os << toml::toml_formatter{merged, toml::format_flags::none};
  merged_text = os.str();
  const std::string display = "scenario '" + name + "'";
  core::Diagnostics local;
  fleet::FleetCase c;
  bool failed = false;
  try {
    c = fleet::parse_fleet_case(merged_text, display, base_dir, data_dir, data, local);
  } catch (const core::InputError&) {
    failed = true;
  }
  // Map merged-text positions back to the original files.
  std::map<std::pair<int, int>, std::string> path_at;
  std::map<int, std::string> path_at_line;
  try {
    const toml::table again = toml::parse(merged_text, display);
    walk(again, "", [&](const std::string& p, const toml::node& n) {
      const int line = static_cast<int>(n.source().begin.line), col = static_cast<int>(n.source().begin.column);
      path_at.emplace(std::make_pair(line, col), p);
      path_at_line.emplace(line, p);
    });
  } catch (const toml::parse_error&) {
  }
  for (const auto& item : local.items()) {
    SourceLocation at = item.location;
    if (at.file == display) {
      at = where;
      auto it = path_at.find({item.location.line, item.location.column});
      std::string path = it != path_at.end() ? it->second : "";
      if (path.empty()) {
        auto jt = path_at_line.find(item.location.line);
        if (jt != path_at_line.end()) path = jt->second;
      }
      auto o = origin.find(path);
      if (o != origin.end() && o->second.line > 0) at = o->second;
    }
    const std::string message = "scenario '" + name + "': " + item.message;
    if (item.severity == core::Severity::kError) d.error(at, item.key, message);
    else d.warning(at, item.key, message);
  }
  if (failed && !local.has_errors()) d.error(where, "scenario", "scenario '" + name + "': the fleet case could not be built");
  return c;
}

}  // namespace

std::string to_string(Parameter p) {
  for (const auto& info : kParams) if (info.parameter == p) return info.name;
  return "?";
}

std::string fnv1a_hex(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return fmt::format("{:016x}", h);
}

SweepSpec parse_sweep(const std::string& text, const std::string& file, const std::string& base_dir,
                      const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& d) {
  SweepSpec spec;
  spec.path = file;
  auto parsed = io::parse_toml(text, file, d);
  if (!parsed) throw core::InputError(d);
  toml::table& doc = *parsed;
  check_keys(doc, "", {"sweep", "scenario", "uncertain"}, file, d);
  const toml::table* sw = doc["sweep"].as_table();
  if (sw == nullptr) {
    d.error({file, 1, 1}, "sweep", "required: a [sweep] table with base, seed and samples");
    throw core::InputError(d);
  }
  check_keys(*sw, "sweep", {"title", "base", "seed", "samples", "common_random_numbers", "store_smelters"}, file, d);
  spec.title = (*sw)["title"].value_or(std::string());
  const SourceLocation sweep_at = loc(*sw, file);
  const auto seed = (*sw)["seed"].value<std::int64_t>();
  if (!seed || *seed < 0) d.error(sw->contains("seed") ? loc(*sw->get("seed"), file) : sweep_at, "sweep.seed", "required: a non-negative integer seed");
  else spec.seed = static_cast<std::uint64_t>(*seed);
  const auto samples = (*sw)["samples"].value<std::int64_t>();
  if (!samples || *samples < 1 || *samples > 100000000)
    d.error(sw->contains("samples") ? loc(*sw->get("samples"), file) : sweep_at, "sweep.samples",
            "required: the number of Monte Carlo samples per scenario, 1..100000000");
  else spec.samples = *samples;
  spec.common_random_numbers = (*sw)["common_random_numbers"].value_or(true);
  spec.store_smelters = (*sw)["store_smelters"].value_or(false);
  const auto base = (*sw)["base"].value<std::string>();
  if (!base) {
    d.error(sweep_at, "sweep.base", "required: the base fleet case (e.g. \"world.toml\"), relative to this file");
    throw core::InputError(d);
  }
  std::filesystem::path bp(*base);
  if (!bp.is_absolute()) bp = std::filesystem::path(base_dir) / bp;
  spec.base_path = bp.lexically_normal().string();
  bool ok = false;
  const std::string base_text = read_file(spec.base_path, ok);
  if (!ok) {
    d.error(loc(*sw->get("base"), file), "sweep.base", "cannot read the base fleet case '" + spec.base_path + "'");
    throw core::InputError(d);
  }
  auto parsed_base = io::parse_toml(base_text, spec.base_path, d);
  if (!parsed_base) throw core::InputError(d);
  const toml::table& base_doc = *parsed_base;
  const std::string case_dir = bp.parent_path().lexically_normal().string();
  spec.input_files = {file, spec.base_path};

  // ---- scenarios
  std::string hashed = "potline-sweep-v1\n";
  std::set<std::string> names;
  std::vector<const toml::table*> scenario_tables;
  if (const toml::node* n = doc.get("scenario")) {
    const auto* arr = n->as_array();
    if (arr == nullptr) d.error(loc(*n, file), "scenario", "expected an array of tables: [[scenario]]");
    else for (const auto& x : *arr) {
      if (const auto* t = x.as_table()) scenario_tables.push_back(t);
      else d.error(loc(x, file), "scenario", "expected a table in [[scenario]]");
    }
  }
  if (scenario_tables.empty()) scenario_tables.push_back(nullptr);  // the base case alone, named "base"
  for (const toml::table* t : scenario_tables) {
    Scenario s;
    const SourceLocation at = t ? loc(*t, file) : sweep_at;
    s.name = t ? (*t)["name"].value_or(std::string()) : "base";
    s.description = t ? (*t)["description"].value_or(std::string()) : "";
    if (s.name.empty()) { d.error(at, "scenario.name", "required: a name for the scenario (stored in the results)"); continue; }
    if (!names.insert(s.name).second) { d.error(at, "scenario.name", "duplicate scenario name '" + s.name + "'"); continue; }
    std::string merged;
    s.fleet = scenario_case(base_doc, spec.base_path, t, file, s.name, at, case_dir, data_dir, data, merged, d);
    hashed += "scenario " + s.name + "\n" + merged + "\n";
    spec.scenarios.push_back(std::move(s));
  }
  if (d.has_errors()) throw core::InputError(d);
  {
    std::set<std::string> data_files;
    for (const auto& s : spec.scenarios) { data_files.insert(s.fleet.smelters_path); data_files.insert(s.fleet.regions_path); }
    for (const auto& f : data_files) {
      bool read = false;
      hashed += "file " + fnv1a_hex(read_file(f, read)) + "\n";
      spec.input_files.push_back(f);
    }
  }

  // ---- uncertain inputs
  const fleet::RegionTable& regions = spec.scenarios.front().fleet.model.regions;
  std::set<std::string> input_names;
  if (const toml::node* n = doc.get("uncertain")) {
    const auto* arr = n->as_array();
    if (arr == nullptr) d.error(loc(*n, file), "uncertain", "expected an array of tables: [[uncertain]]");
    for (std::size_t idx = 0; arr != nullptr && idx < arr->size(); ++idx) {
      const auto* t = arr->get(idx)->as_table();
      if (t == nullptr) { d.error(loc(*arr->get(idx), file), "uncertain", "expected a table in [[uncertain]]"); continue; }
      check_keys(*t, "uncertain", {"name", "parameter", "region", "distribution", "min", "max", "mode", "mean", "sd",
                                   "median", "sigma"}, file, d);
      UncertainInput u;
      u.where = loc(*t, file);
      const std::string param = (*t)["parameter"].value_or(std::string());
      const ParamInfo* info = nullptr;
      for (const auto& p : kParams) if (param == p.name) info = &p;
      if (info == nullptr) {
        std::vector<std::string> known;
        for (const auto& p : kParams) known.emplace_back(p.name);
        unknown("parameter", param, known, t->contains("parameter") ? loc(*t->get("parameter"), file) : u.where, "uncertain.parameter", d);
        continue;
      }
      u.parameter = info->parameter;
      u.unit = info->unit;
      u.si_per_unit = core::parse_quantity("1", info->unit, info->si).value;
      const std::string region = (*t)["region"].value_or(std::string("all"));
      if (region != "all") {
        if (!info->regional) d.error(loc(*t->get("region"), file), "uncertain.region", param + " applies to every smelter: remove 'region'");
        u.region = regions.index_of(region);
        if (u.region < 0) {
          auto ids = regions.ids();
          ids.push_back("all");
          unknown("region", region, ids, loc(*t->get("region"), file), "uncertain.region", d);
        }
      }
      u.name = (*t)["name"].value_or(param + (region == "all" ? std::string() : "_" + region));
      if (!input_names.insert(u.name).second) d.error(u.where, "uncertain.name", "duplicate uncertain input name '" + u.name + "'");
      const std::string dist = (*t)["distribution"].value_or(std::string());
      auto q = [&](const char* key, bool ratio = false) {
        const std::string k = std::string("uncertain.") + key;
        auto v = ratio ? quantity(t->get(key), k, "1", "1", file, d) : quantity(t->get(key), k, info->unit, info->si, file, d);
        if (!v && !t->contains(key)) d.error(u.where, k, std::string("required for a ") + dist + " distribution");
        return v.value_or(0.0);
      };
      auto only = [&](const std::vector<std::string>& allowed) {
        for (const char* k : {"min", "max", "mode", "mean", "sd", "median", "sigma"})
          if (t->contains(k) && std::find(allowed.begin(), allowed.end(), k) == allowed.end())
            d.error(loc(*t->get(k), file), std::string("uncertain.") + k, "not a parameter of a " + dist + " distribution (give " +
                    fmt::format("{}", fmt::join(allowed, ", ")) + ")");
      };
      if (dist == "uniform") {
        u.distribution = {DistributionKind::kUniform, q("min"), q("max"), 0};
        only({"min", "max"});
      } else if (dist == "normal") {
        u.distribution = {DistributionKind::kNormal, q("mean"), q("sd"), 0};
        only({"mean", "sd"});
      } else if (dist == "lognormal") {
        u.distribution = {DistributionKind::kLognormal, q("median"), q("sigma", true), 0};
        only({"median", "sigma"});
      } else if (dist == "triangular") {
        u.distribution = {DistributionKind::kTriangular, q("min"), q("mode"), q("max")};
        only({"min", "mode", "max"});
      } else {
        unknown("distribution", dist, {"uniform", "normal", "lognormal", "triangular"},
                t->contains("distribution") ? loc(*t->get("distribution"), file) : u.where, "uncertain.distribution", d);
        continue;
      }
      const std::string why = check(u.distribution);
      if (!why.empty()) d.error(u.where, "uncertain", "'" + u.name + "': " + why);
      hashed += fmt::format("input {} {} {} {} {:a} {:a} {:a}\n", u.name, to_string(u.parameter), u.region,
                            to_string(u.distribution.kind), u.distribution.a, u.distribution.b, u.distribution.c);
      spec.inputs.push_back(std::move(u));
    }
  }
  if (d.has_errors()) throw core::InputError(d);
  hashed += fmt::format("seed {} crn {} smelters {}\n", spec.seed, spec.common_random_numbers, spec.store_smelters);
  spec.hash = fnv1a_hex(hashed);
  return spec;
}

SweepSpec load_sweep(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                     core::Diagnostics& d) {
  bool ok = false;
  const std::string text = read_file(path, ok);
  if (!ok) {
    d.error({path, 0, 0}, "", "cannot read the sweep file");
    throw core::InputError(d);
  }
  const std::string base = std::filesystem::path(path).parent_path().string();
  return parse_sweep(text, path, base.empty() ? "." : base, data_dir, data, d);
}

std::vector<double> draw_inputs(const SweepSpec& spec, int scenario, std::int64_t k) {
  std::vector<double> out(spec.inputs.size());
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const DrawKey key{spec.seed, spec.common_random_numbers ? 0u : static_cast<std::uint64_t>(scenario) + 1u,
                      static_cast<std::uint64_t>(k), static_cast<std::uint64_t>(i)};
    out[i] = sample(spec.inputs[i].distribution, key);
  }
  return out;
}

}  // namespace potline::sweep

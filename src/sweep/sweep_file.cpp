// Reading a sweep file (see sweep_file.hpp and docs/model/sweep.md).
#include "potline/sweep/sweep_file.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/case_file.hpp"
#include "potline/fleet/years.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "sweep_file_internal.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "potline/fleet/solve.hpp"
#include "potline/core/text.hpp"
#include "potline/core/units.hpp"

namespace potline::sweep {
namespace {

using core::SourceLocation;

SourceLocation loc(const toml::node& n, const std::string& file) { return io::toml_location(n, file); }

// Through the one bounded reader (io::read_text_file): a data file the fleet loader has read already,
// hashed for the store; one that cannot be read hashes as empty (its error is the loader's).
std::string read_file(const std::string& path, bool& ok) {
  core::Diagnostics ignored;
  const auto text = io::read_text_file(path, "a data file", ignored);
  ok = text.has_value();
  return text.value_or(std::string());
}

void unknown(const std::string& what, const std::string& name, const std::vector<std::string>& candidates,
             const SourceLocation& where, const std::string& key, core::Diagnostics& d) {
  io::report_unknown_name(what, name, candidates, where, key, d);
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

const std::vector<std::string> kLeverKeys = {"fleet", "market", "cbam", "demand", "tariff", "exclusion", "cap",
                                             "power_shock", "carbon_price", "retrofit", "added_load"};

using Origins = std::map<std::string, SourceLocation>;  // dotted path -> where its value was written

// Merges a [[scenario]] table's lever tables into the base case document: arrays of tables are
// appended, plain tables override key by key; `origin` records where each merged value came from.
void merge_scenario_levers(const toml::table& overrides, const std::string& sweep_file, toml::table& merged,
                           Origins& origin, core::Diagnostics& d) {
  const auto from_sweep = [&](const std::string& p, const toml::node& n) { origin[p] = loc(n, sweep_file); };
  for (const auto& [k, v] : overrides) {
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
        walk(*arr->get(i), fmt::format("{}[{}]", key, offset + i), from_sweep);
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
        walk(v2, key + "." + std::string(k2.str()), from_sweep);
      }
    } else {
      d.error(loc(v, sweep_file), "scenario." + key,
              "expected a table ([scenario." + key + "]) or an array of tables ([[scenario." + key + "]])");
    }
  }
}

// Moves the diagnostics of the merged document back to the line of the sweep file or base case
// each value came from (positions are matched through the re-parsed merged text).
void relocate_diagnostics(const core::Diagnostics& local, const std::string& merged_text, const std::string& display,
                          const Origins& origin, const std::string& name, const SourceLocation& where,
                          core::Diagnostics& d) {
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
}

// Builds one scenario's fleet case: base document + overrides, parsed by the fleet parser, with
// every diagnostic moved back to the line of the sweep file or base case it came from.
fleet::FleetCase scenario_case(const toml::table& base_doc, const std::string& base_file, const toml::table* overrides,
                               const std::string& sweep_file, const std::string& name, const SourceLocation& where,
                               const std::string& base_dir, const std::string& data_dir, const plant::SmelterData& data,
                               std::string& merged_text, core::Diagnostics& d) {
  toml::table merged = base_doc;
  Origins origin;
  walk(base_doc, "", [&](const std::string& p, const toml::node& n) { origin[p] = loc(n, base_file); });
  if (overrides != nullptr) merge_scenario_levers(*overrides, sweep_file, merged, origin, d);
  std::ostringstream os;
  os << toml::toml_formatter{merged, toml::format_flags::none};
  merged_text = os.str();
  const std::string display = "scenario '" + name + "'";
  core::Diagnostics local;
  fleet::FleetCase c;
  bool failed = false;
  try {
    c = fleet::parse_fleet_case(merged_text, display, base_dir, data_dir, data, local);
    // A scenario year is sampled as that year (fleet::case_for_year); a path of years is not sampled.
    if (c.last_year != 0) local.error({display, 1, 1}, "fleet.last_year", "a sweep samples one year: drop fleet.last_year");
    else if (c.year != 0) c = fleet::case_for_year(c, c.year, nullptr);
    if (local.has_errors()) throw core::InputError(local);
  } catch (const core::InputError&) {
    failed = true;
  }
  relocate_diagnostics(local, merged_text, display, origin, name, where, d);
  if (failed && !local.has_errors()) d.error(where, "scenario", "scenario '" + name + "': the fleet case could not be built");
  return c;
}

}  // namespace

std::string fnv1a_hex(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return fmt::format("{:016x}", h);
}

namespace {

// [sweep]: title, seed, samples and options; the base case's path (nullopt if absent).
std::optional<std::string> apply_sweep_settings(const fleet::CaseInput& in, const std::string& file, SweepSpec& spec,
                                                core::Diagnostics& d) {
  const io::ValueSet& v = in.scalars;
  const SourceLocation sweep_at{file, 1, 1};
  const std::map<std::string, std::string> required = {
      {"sweep.seed", "required: a non-negative integer seed"},
      {"sweep.samples", "required: the number of Monte Carlo samples per scenario, 1..100000000"}};
  for (const io::FieldSpec* f : sweep_table().bind(v, spec)) {
    if (in.rejected.count(f->key) == 0) d.error(sweep_at, f->key, required.at(f->key));
  }
  if (!v.has("sweep.base")) {
    if (in.rejected.count("sweep.base") == 0)
      d.error(sweep_at, "sweep.base", "required: the base fleet case (e.g. \"world.toml\"), relative to this file");
    return std::nullopt;
  }
  return v.text("sweep.base");
}

// The [[scenario]] tables (none: the base case alone, named "base"), each merged and parsed.
void read_scenarios(const toml::table& doc, const std::string& file, const toml::table& base_doc,
                    const std::string& case_dir, const std::string& data_dir, const plant::SmelterData& data,
                    SweepSpec& spec, std::string& hashed, core::Diagnostics& d) {
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
  const SourceLocation sweep_at{file, 1, 1};
  for (const toml::table* t : scenario_tables) {
    Scenario s;
    const SourceLocation at = t ? loc(*t, file) : sweep_at;
    bool typed = true;
    for (const char* key : {"name", "description"}) {
      const toml::node* n = t ? t->get(key) : nullptr;
      if (n != nullptr && !n->is_string()) {
        d.error(loc(*n, file), std::string("scenario.") + key, "expected a quoted string");
        typed = false;
      }
    }
    s.name = t ? (*t)["name"].value_or(std::string()) : "base";
    s.description = t ? (*t)["description"].value_or(std::string()) : "";
    if (!typed) continue;
    if (s.name.empty()) { d.error(at, "scenario.name", "required: a name for the scenario (stored in the results)"); continue; }
    // A duplicate is still read, so that its levers' errors come in this pass (user trial T10-5).
    const bool duplicate = !names.insert(s.name).second;
    if (duplicate) d.error(at, "scenario.name", "duplicate scenario name '" + s.name + "'");
    std::string merged;
    s.fleet = scenario_case(base_doc, spec.base_path, t, file, s.name, at, case_dir, data_dir, data, merged, d);
    if (duplicate) continue;
    hashed += "scenario " + s.name + "\n" + merged + "\n";
    spec.scenarios.push_back(std::move(s));
  }
}

// The base case's own bases (case.base, followed as the fleet parser follows them), hashed and listed
// as inputs: an edit to any of them (e.g. world-2024.toml under world-elastic.toml) makes another
// sweep, not a resume that mixes results of both. A chain the parser refuses is reported by it.
std::string hash_case_bases(const toml::table& base_doc, const std::string& base_dir, SweepSpec& spec) {
  std::string hashed;
  std::optional<toml::table> doc = base_doc;
  std::string dir = base_dir;
  for (int depth = 0; depth < 8 && doc; ++depth) {
    const auto base = (*doc)["case"]["base"].value<std::string>();
    if (!base) break;
    std::filesystem::path p(*base);
    if (!p.is_absolute()) p = std::filesystem::path(dir) / p;
    bool read = false;
    const std::string text = read_file(p.string(), read);
    if (!read) break;
    hashed += "case base " + fnv1a_hex(text) + "\n";
    spec.input_files.push_back(p.lexically_normal().string());
    try {
      doc = toml::parse(text, p.string());
    } catch (const toml::parse_error&) {
      doc.reset();
    }
    dir = p.parent_path().string();
  }
  return hashed;
}

// The dataset and region table enter the sweep hash (as they always did, so that a store written
// before keeps its hash); every data file a sample reads is an input whose SHA-256 the store records
// and a resume checks by name: each scenario's fleet data files and the smelter model's (the
// technology catalogue, emission factors, CBAM). Docs audit DA19-38: only the dataset and the region
// table were recorded, so a resume after a change to, say, data/technologies.toml mixed two data sets.
std::string hash_data_files(SweepSpec& spec, const plant::SmelterData& data) {
  std::string hashed;
  std::set<std::string> hashed_files, read_files;
  for (const auto& s : spec.scenarios) {
    hashed_files.insert(s.fleet.smelters_path);
    hashed_files.insert(s.fleet.regions_path);
    for (const auto& f : fleet::data_files(s.fleet)) read_files.insert(f);
  }
  for (const auto& f : data.files) read_files.insert(f);
  for (const auto& f : hashed_files) {
    bool read = false;
    hashed += "file " + fnv1a_hex(read_file(f, read)) + "\n";
  }
  for (const auto& f : read_files) spec.input_files.push_back(f);
  return hashed;
}

// An uncertain carbon price on a region with EU ETS smelters replaces the EU ETS on them in every
// sample, as a [[carbon_price]] does in `potline fleet`, which warns at read time (fleet_case.cpp;
// user trial T11-12): the sweep says so once per input.
void warn_carbon_price_replaces_eu_ets(const UncertainInput& u, const std::vector<Scenario>& scenarios,
                                       core::Diagnostics& d) {
  if (u.parameter != Parameter::kCarbonPrice) return;
  for (const Scenario& sc : scenarios) {
    if (sc.fleet.eu_ets != fleet::EuEts::kCharged) continue;
    for (const fleet::FleetSmelter& s : sc.fleet.model.smelters) {
      if (!s.in_eu_ets || (u.region >= 0 && s.region != u.region)) continue;
      d.warning(u.where, u.name,
                fmt::format("the drawn carbon price charges the scope 1 of the EU ETS smelters of its region "
                            "instead of the EU ETS (no free allocation) in every sample of scenario '{}' (and any "
                            "other that charges the EU ETS); a draw near 0 leaves them almost no carbon cost, only a "
                            "draw of exactly 0 charges the EU ETS (cbam.eu_ets)",
                            sc.name));
      return;
    }
  }
}

}  // namespace

SweepSpec parse_sweep(const std::string& text, const std::string& file, const std::string& base_dir,
                      const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& d,
                      const std::vector<std::string>& sets) {
  SweepSpec spec;
  spec.path = file;
  auto parsed = io::parse_toml(text, file, d);
  if (!parsed) throw core::InputError(d);
  const toml::table& doc = *parsed;
  fleet::CaseInput in;
  fleet::read_case_input(doc, file, sweep_layout(), in, d);
  fleet::apply_case_overrides(sets, sweep_layout(), in, d);
  io::fill_defaults(sweep_schema(), in.scalars);
  const auto base = apply_sweep_settings(in, file, spec, d);
  // The distributions are checked before the base case is read: their errors come in this pass.
  std::vector<detail::ReadInput> inputs = detail::read_uncertain_inputs(in, d);
  if (!base) throw core::InputError(d);
  std::filesystem::path bp(*base);
  if (!bp.is_absolute()) bp = std::filesystem::path(base_dir) / bp;
  spec.base_path = bp.lexically_normal().string();
  core::Diagnostics base_read;
  const auto base_text = io::read_text_file(spec.base_path, "the base fleet case", base_read, "sweep.base",
                                            in.scalars.get("sweep.base")->location);
  for (const auto& x : base_read.items()) {
    // `potline template sweep` names fleet.toml, which a user may not have yet (T13-12).
    const bool missing = x.severity == core::Severity::kError && !std::filesystem::exists(spec.base_path);
    if (x.severity == core::Severity::kError)
      d.error(x.location, x.key, missing ? x.message + "; 'potline template fleet > " + *base + "' writes a starter case" : x.message);
    else d.warning(x.location, x.key, x.message);
  }
  if (!base_text) throw core::InputError(d);
  auto parsed_base = io::parse_toml(*base_text, spec.base_path, d);
  if (!parsed_base) throw core::InputError(d);
  spec.input_files = {file, spec.base_path};
  std::string hashed = "potline-sweep-v1\n";
  const std::size_t errors_before_scenarios = d.error_count();
  read_scenarios(doc, file, *parsed_base, bp.parent_path().lexically_normal().string(), data_dir, data, spec, hashed, d);
  // The inputs' regions need a scenario's region table; other errors stay collected until the end.
  if (d.error_count() > errors_before_scenarios || spec.scenarios.empty()) throw core::InputError(d);
  hashed += hash_case_bases(*parsed_base, bp.parent_path().lexically_normal().string(), spec);
  hashed += hash_data_files(spec, data);
  const fleet::RegionTable& regions = spec.scenarios.front().fleet.model.regions;
  for (auto& r : inputs) {
    detail::resolve_region(r, regions, d);
    if (!r.complete) continue;
    const UncertainInput& u = r.input;
    warn_carbon_price_replaces_eu_ets(u, spec.scenarios, d);
    spec.inputs.push_back(u);
    hashed += fmt::format("input {} {} {} {} {:a} {:a} {:a}\n", u.name, to_string(u.parameter), u.region,
                          to_string(u.distribution.kind), u.distribution.a, u.distribution.b, u.distribution.c);
  }
  if (d.has_errors()) throw core::InputError(d);
  if (spec.inputs.empty() && spec.samples > 1) {
    // Without a draw every sample is the same run (user trial T19-14: 20 identical solves, P10 = P50 = P90).
    const io::Value* n = in.scalars.get("sweep.samples");
    d.warning(n != nullptr && n->location.line > 0 ? n->location : core::SourceLocation{file, 1, 1}, "sweep.samples",
              fmt::format("no [[uncertain]] inputs: the {} samples of each scenario are the same run (P10 = P50 = "
                          "P90); add [[uncertain]] inputs (`potline template sweep` shows them), or set samples = 1",
                          spec.samples));
  }
  hashed += fmt::format("seed {} crn {} smelters {}\n", spec.seed, spec.common_random_numbers, spec.store_smelters);
  spec.hash = fnv1a_hex(hashed);
  // Every sample's trade LP starts from its scenario's base basis (docs/model/sweep.md, "Warm
  // start"): solved here once, before any sample, so that a sample's result is a function of
  // (sweep, scenario, sample) alone, whatever the thread count or the order of the samples.
  for (Scenario& s : spec.scenarios) {
    if (!s.fleet.solve_market) continue;
    fleet::SolveOptions options;
    options.details = false;
    s.lp_basis = fleet::solve(s.fleet, s.fleet.shocks, {}, options).lp_basis;
  }
  return spec;
}

SweepSpec load_sweep(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                     core::Diagnostics& d, const std::vector<std::string>& sets) {
  const auto text = io::read_text_file(path, "the sweep file", d);
  if (!text) throw core::InputError(d);
  const std::string base = std::filesystem::path(path).parent_path().string();
  return parse_sweep(*text, path, base.empty() ? "." : base, data_dir, data, d, sets);
}

std::vector<double> draw_inputs(const SweepSpec& spec, int scenario, std::int64_t k) {
  std::vector<double> out(spec.inputs.size());
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const UncertainInput& u = spec.inputs[i];
    DrawKey key{spec.seed, spec.common_random_numbers ? 0u : static_cast<std::uint64_t>(scenario) + 1u,
                static_cast<std::uint64_t>(k), static_cast<std::uint64_t>(i)};
    double x = sample(u.distribution, key);
    // Truncation to the lever's range by re-drawing (docs/model/sweep.md): attempt a uses the
    // input word i + a * 2^32, so the sample stays a pure function of (seed, stream, k, i).
    for (std::uint64_t attempt = 1; !(x >= u.lower && x <= u.upper); ++attempt) {
      if (attempt >= static_cast<std::uint64_t>(kMaxDrawAttempts)) {
        throw core::RunError(fmt::format("uncertain input '{}', sample {}: no draw inside the allowed range in {} attempts",
                                         u.name, k, kMaxDrawAttempts));
      }
      key.input = static_cast<std::uint64_t>(i) | (attempt << 32);
      x = sample(u.distribution, key);
    }
    out[i] = x;
  }
  return out;
}

}  // namespace potline::sweep

// Technology classes for dataset rows without a sourced technology (see technology_classes.hpp).
#include "potline/fleet/technology_classes.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::fleet {

bool TechnologyClassRule::matches(const SmelterRecord& r) const {
  return reason(r) != "";
}

std::string TechnologyClassRule::reason(const SmelterRecord& r) const {
  const double kA = r.line_current_A / 1e3;
  if (std::find(smelters.begin(), smelters.end(), r.id) != smelters.end()) return "smelter listed by id";
  if (line_current_at_least_A && r.line_current_A >= *line_current_at_least_A) {
    return fmt::format("line current {:g} kA >= {:g} kA", kA, *line_current_at_least_A / 1e3);
  }
  if (line_current_below_A && r.line_current_A > 0 && r.line_current_A < *line_current_below_A) {
    return fmt::format("line current {:g} kA < {:g} kA", kA, *line_current_below_A / 1e3);
  }
  if (commissioned_from && r.commissioning_year >= *commissioned_from) {
    return fmt::format("commissioned {} (from {})", r.commissioning_year, *commissioned_from);
  }
  if (commissioned_by && r.commissioning_year > 0 && r.commissioning_year <= *commissioned_by) {
    return fmt::format("commissioned {} (by {})", r.commissioning_year, *commissioned_by);
  }
  if (std::find(regions.begin(), regions.end(), r.region) != regions.end()) return "region " + r.region;
  const bool unconditional = !line_current_at_least_A && !line_current_below_A && !commissioned_from &&
                             !commissioned_by && regions.empty() && smelters.empty();
  return unconditional ? "default class" : "";
}

const TechnologyClassRule* TechnologyClasses::match(const SmelterRecord& r) const {
  for (const auto& rule : rules) {
    if (rule.matches(r)) return &rule;
  }
  return nullptr;
}

const TechnologyClasses::SplitRow* TechnologyClasses::split_row(const std::string& id) const {
  for (const SplitRow& s : split_rows) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

namespace {

/// The technology a named (not split) row is priced with: its own, else its class's.
std::string priced_technology(const SmelterRecord& r, const TechnologyClasses& classes) {
  if (!r.technology.empty()) return r.technology;
  const TechnologyClassRule* rule = classes.match(r);
  return rule != nullptr ? rule->technology : std::string();
}

/// The aggregate share of each part of `rule`'s mix (see split_mixed_rows).
std::vector<double> aggregate_shares(const TechnologyClassRule& rule, const std::vector<SmelterRecord>& records,
                                     const TechnologyClasses& classes, core::Diagnostics& d) {
  double total = 0, aggregates = 0;
  std::vector<double> named(rule.mix.size(), 0.0);
  for (const SmelterRecord& r : records) {
    // The dataset's own operating rows (the shares describe its year), not the pipeline's restarts or
    // projects, which run from later years.
    if (r.status != Status::kOperating || r.first_year != 0 || r.restart ||
        std::find(rule.regions.begin(), rule.regions.end(), r.region) == rule.regions.end()) {
      continue;
    }
    total += r.capacity_kg_per_s;
    if (r.aggregate && classes.match(r) == &rule) {
      aggregates += r.capacity_kg_per_s;
      continue;
    }
    const std::string tech = priced_technology(r, classes);
    for (std::size_t i = 0; i < rule.mix.size(); ++i) {
      if (rule.mix[i].technology == tech) {
        named[i] += r.capacity_kg_per_s;
        break;
      }
    }
  }
  std::vector<double> out(rule.mix.size(), 0.0);
  if (aggregates <= 0) {  // no operating aggregate: the published shares as they are
    for (std::size_t i = 0; i < rule.mix.size(); ++i) out[i] = rule.mix[i].share;
    return out;
  }
  for (std::size_t i = 0; i < rule.mix.size(); ++i) {
    const double kg_per_s = rule.mix[i].share * total - named[i];
    if (kg_per_s < -1e-9 * total) {
      d.error(rule.mix[i].where, "share",
              fmt::format("class '{}', part '{}': the named rows priced with {} already hold {:.1f} % of the operating "
                          "capacity, more than the part's share {:.1f} %",
                          rule.id, rule.mix[i].part, rule.mix[i].technology, 100 * named[i] / total,
                          100 * rule.mix[i].share));
    }
    out[i] = std::max(0.0, kg_per_s) / aggregates;
  }
  return out;
}

/// The operating rows the shares of `rule`'s mixes describe: the dataset's own operating rows of the
/// class's regions (the shares describe its year), not the pipeline's restarts or projects.
bool counts_in_shares(const SmelterRecord& r, const TechnologyClassRule& rule) {
  return r.status == Status::kOperating && r.first_year == 0 && !r.restart &&
         std::find(rule.regions.begin(), rule.regions.end(), r.region) != rule.regions.end();
}

/// The rows a power mix splits: the class's aggregates on `grid`, the dataset's word for a mix of
/// sources it cannot name (an aggregate with its own source, e.g. captive coal, keeps it).
bool power_split(const SmelterRecord& r, const TechnologyClassRule& rule, const TechnologyClasses& classes) {
  return !rule.power_mix.empty() && r.aggregate && r.power_source == plant::PowerSource::kGrid &&
         classes.match(r) == &rule;
}

/// The share of the class's grid aggregates each part of its power mix takes, so that the class's
/// operating capacity holds the published shares: (share x operating capacity - the other rows on
/// that source) / operating grid aggregates. A part the other rows already exceed gets 0 and an error.
std::vector<double> power_shares(const TechnologyClassRule& rule, const std::vector<SmelterRecord>& records,
                                 const TechnologyClasses& classes, core::Diagnostics& d) {
  std::vector<double> out(rule.power_mix.size(), 0.0);
  double total = 0, split = 0, listed = 0;
  std::vector<double> others(rule.power_mix.size(), 0.0);
  for (const SmelterRecord& r : records) {
    if (!counts_in_shares(r, rule)) continue;
    total += r.capacity_kg_per_s;
    if (power_split(r, rule, classes)) {
      split += r.capacity_kg_per_s;
      continue;
    }
    for (std::size_t j = 0; j < rule.power_mix.size(); ++j) {
      if (rule.power_mix[j].power_source == r.power_source) {
        others[j] += r.capacity_kg_per_s;
        listed += r.capacity_kg_per_s;
      }
    }
  }
  if (split <= 0) return out;  // no operating grid aggregate: nothing to split
  if (std::abs(total - split - listed) > 1e-9 * total) {
    d.error(rule.where, "power_mix",
            fmt::format("class '{}': {:.1f} % of the operating capacity is on a power source the power mix does not "
                        "list; every source of the class's rows needs a part",
                        rule.id, 100 * (total - split - listed) / total));
  }
  for (std::size_t j = 0; j < rule.power_mix.size(); ++j) {
    const PowerPart& p = rule.power_mix[j];
    const double kg_per_s = p.share * total - others[j];
    if (kg_per_s < -1e-9 * total) {
      d.error(p.where, "share",
              fmt::format("class '{}', power source '{}': the other rows already hold {:.1f} % of the operating "
                          "capacity, more than the part's share {:.1f} %",
                          rule.id, plant::to_string(p.power_source), 100 * others[j] / total, 100 * p.share));
    }
    out[j] = std::max(0.0, kg_per_s) / split;
  }
  return out;
}

std::optional<int> year(const toml::table& t, const char* key, const std::string& file, core::Diagnostics& d) {
  const auto* n = t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto v = n->value<int64_t>();
  if (!v || *v < 1850 || *v > 2100) {
    d.error(io::toml_location(*n, file), key, "a year between 1850 and 2100");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

void check_pfc_class(const std::string& name, const toml::table& t, const core::SourceLocation& where,
                     const std::string& file, core::Diagnostics& d) {
  if (name.empty() || plant::technology_class_from_name(name)) return;
  const auto* n = t.get("pfc_class");
  d.error(n ? io::toml_location(*n, file) : where, "pfc_class",
          "unknown IPCC technology class '" + name + "': CWPB, SWPB, VSS, HSS, PFPB_legacy or PFPB_modern");
}

/// Every key of a mix part's table that is not in `known` is an error with a did-you-mean.
void report_unknown_keys(const toml::table& t, const std::set<std::string>& known, const std::string& table,
                         const std::string& file, core::Diagnostics& d) {
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (known.count(key)) continue;
    io::report_unknown_name("key in " + table, key, std::vector<std::string>(known.begin(), known.end()),
                            io::toml_location(v, file), key, d);
  }
}

/// A part's `share` of capacity, 0..1; anything else is an error at the value (0 returned).
double parse_share(const toml::table& t, const core::SourceLocation& where, const std::string& file,
                   core::Diagnostics& d) {
  const auto share = t["share"].value<double>();
  if (share && *share >= 0.0 && *share <= 1.0) return *share;
  const auto* n = t.get("share");
  d.error(n ? io::toml_location(*n, file) : where, "share", "a share of capacity between 0 and 1 (a number)");
  return 0.0;
}

/// One [[class.mix]] part: part, technology (catalogue), share (0..1), source; optional pfc_class.
MixPart parse_part(const toml::table& t, const std::string& file, const std::vector<std::string>& tech_ids,
                   core::Diagnostics& d) {
  static const std::set<std::string> known = {"part", "technology", "share", "source", "pfc_class"};
  MixPart p;
  p.where = io::toml_location(t, file);
  report_unknown_keys(t, known, "[[class.mix]]", file, d);
  p.part = t["part"].value_or(std::string());
  p.technology = t["technology"].value_or(std::string());
  p.source = t["source"].value_or(std::string());
  p.pfc_class = t["pfc_class"].value_or(std::string());
  if (p.part.empty() || p.part.find_first_of("@ ,") != std::string::npos) {
    d.error(p.where, "part", "every [[class.mix]] needs a part name without '@', ',' or spaces (it ends the split rows' ids)");
  }
  if (p.source.empty()) d.error(p.where, "source", "required: the published basis of the part's share");
  if (std::find(tech_ids.begin(), tech_ids.end(), p.technology) == tech_ids.end()) {
    const auto* n = t.get("technology");
    io::report_unknown_name("technology", p.technology, tech_ids, n ? io::toml_location(*n, file) : p.where,
                            "technology", d);
  }
  p.share = parse_share(t, p.where, file, d);
  check_pfc_class(p.pfc_class, t, p.where, file, d);
  return p;
}

/// One [[class.power_mix]] part: power_source (a dataset power source), share (0..1), source.
PowerPart parse_power_part(const toml::table& t, const std::string& file, core::Diagnostics& d) {
  static const std::set<std::string> known = {"power_source", "share", "source"};
  PowerPart p;
  p.where = io::toml_location(t, file);
  report_unknown_keys(t, known, "[[class.power_mix]]", file, d);
  const std::string name = t["power_source"].value_or(std::string());
  if (const auto ps = plant::power_source_from_name(name)) {
    p.power_source = *ps;
  } else {
    const auto* n = t.get("power_source");
    io::report_unknown_name("power_source", name, {"captive_coal", "captive_gas", "hydro", "grid", "ppa"},
                            n ? io::toml_location(*n, file) : p.where, "power_source", d);
  }
  p.source = t["source"].value_or(std::string());
  if (p.source.empty()) d.error(p.where, "source", "required: the published basis of the power source's share");
  p.share = parse_share(t, p.where, file, d);
  return p;
}

/// A power mix's shares add up to 1, each source once, and it comes with a technology mix.
void check_power_mix(const TechnologyClassRule& c, core::Diagnostics& d) {
  double sum = 0;
  std::set<int> seen;
  for (const PowerPart& p : c.power_mix) {
    sum += p.share;
    if (!seen.insert(static_cast<int>(p.power_source)).second) {
      d.error(p.where, "power_source",
              fmt::format("duplicate power source '{}' in class '{}'", plant::to_string(p.power_source), c.id));
    }
  }
  if (c.mix.empty()) {
    d.error(c.where, "power_mix", "class '" + c.id + "' has a power mix but no technology mix ([[class.mix]]): the "
                                  "power mix splits the parts of the technology mix");
  }
  if (std::abs(sum - 1.0) > 1e-3) {
    d.error(c.where, "power_mix", fmt::format("the power shares of class '{}' add up to {:.4g}, not 1", c.id, sum));
  }
}

/// A mix's shares add up to 1 and its parts have distinct names.
void check_mix(const TechnologyClassRule& c, core::Diagnostics& d) {
  double sum = 0;
  std::set<std::string> names;
  for (const MixPart& p : c.mix) {
    sum += p.share;
    if (!names.insert(p.part).second) d.error(p.where, "part", "duplicate part '" + p.part + "' in class '" + c.id + "'");
  }
  if (c.regions.empty()) {
    d.error(c.where, "mix", "class '" + c.id + "' has a mix but no regions: the shares are of the regions' capacity");
  }
  if (std::abs(sum - 1.0) > 1e-3) {
    d.error(c.where, "mix", fmt::format("the shares of class '{}' add up to {:.4g}, not 1", c.id, sum));
  }
}

TechnologyClassRule parse_rule(const toml::table& t, const std::string& file, const std::vector<std::string>& tech_ids,
                               const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  static const std::set<std::string> known = {"id",       "technology",         "basis",           "line_current_at_least",
                                              "line_current_below", "commissioned_from", "commissioned_by", "regions",
                                              "smelters", "pfc_class", "mix", "power_mix"};
  TechnologyClassRule c;
  c.where = io::toml_location(t, file);
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (!known.count(key)) {
      io::report_unknown_name("key in [[class]]", key, std::vector<std::string>(known.begin(), known.end()),
                              io::toml_location(v, file), key, d);
    }
  }
  c.id = t["id"].value_or(std::string());
  c.technology = t["technology"].value_or(std::string());
  c.basis = t["basis"].value_or(std::string());
  if (c.id.empty()) d.error(c.where, "id", "every [[class]] needs an id");
  if (c.basis.empty()) d.error(c.where, "basis", "required: why this technology stands for the class (an estimate and its basis)");
  const bool known_tech = std::find(tech_ids.begin(), tech_ids.end(), c.technology) != tech_ids.end();
  if (!known_tech) {
    const auto* n = t.get("technology");
    io::report_unknown_name("technology", c.technology, tech_ids, n ? io::toml_location(*n, file) : c.where,
                            "technology", d);
  }
  c.line_current_at_least_A = io::toml_quantity(t.get("line_current_at_least"), "line_current_at_least", "kA", "A", file, d);
  c.line_current_below_A = io::toml_quantity(t.get("line_current_below"), "line_current_below", "kA", "A", file, d);
  c.commissioned_from = year(t, "commissioned_from", file, d);
  c.commissioned_by = year(t, "commissioned_by", file, d);
  if (const auto* list = t.get_as<toml::array>("regions")) {
    for (const auto& n : *list) {
      const std::string id = n.value_or(std::string());
      if (std::find(region_ids.begin(), region_ids.end(), id) == region_ids.end()) {
        io::report_unknown_name("region", id, region_ids, io::toml_location(n, file), "regions", d);
      }
      c.regions.push_back(id);
    }
  }
  if (const auto* list = t.get_as<toml::array>("smelters")) {
    for (const auto& n : *list) c.smelters.push_back(n.value_or(std::string()));
  }
  c.pfc_class = t["pfc_class"].value_or(std::string());
  check_pfc_class(c.pfc_class, t, c.where, file, d);
  if (const auto* list = t.get_as<toml::array>("mix")) {
    for (const auto& n : *list) {
      if (const auto* m = n.as_table()) c.mix.push_back(parse_part(*m, file, tech_ids, d));
    }
    check_mix(c, d);
  }
  if (const auto* list = t.get_as<toml::array>("power_mix")) {
    for (const auto& n : *list) {
      if (const auto* m = n.as_table()) c.power_mix.push_back(parse_power_part(*m, file, d));
    }
    check_power_mix(c, d);
  }
  return c;
}

}  // namespace

TechnologyClasses TechnologyClasses::parse(const std::string& text, const std::string& file,
                                           const std::vector<std::string>& tech_ids,
                                           const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  TechnologyClasses out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  const auto* list = (*doc)["class"].as_array();
  if (list == nullptr || list->empty()) {
    d.error({file, 1, 1}, "class", "no [[class]] tables");
    return out;
  }
  for (const auto& n : *list) {
    if (const auto* t = n.as_table()) out.rules.push_back(parse_rule(*t, file, tech_ids, region_ids, d));
  }
  if (!out.rules.empty()) {
    const auto& last = out.rules.back();
    if (!last.matches(SmelterRecord{})) {
      d.error(last.where, "class", "the last [[class]] ('" + last.id + "') must have no conditions: it is the "
                                   "default for rows no other class matches");
    }
  }
  return out;
}

void TechnologyClasses::split_mixed_rows(std::vector<SmelterRecord>& records, core::Diagnostics& d) {
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const TechnologyClassRule& rule = rules[k];
    if (rule.mix.empty()) continue;
    const std::vector<double> shares = aggregate_shares(rule, records, *this, d);
    const std::vector<double> power = power_shares(rule, records, *this, d);
    std::vector<SmelterRecord> out;
    out.reserve(records.size() + 2 * rule.mix.size() * (1 + rule.power_mix.size()));
    for (SmelterRecord& r : records) {
      if (!r.aggregate || match(r) != &rule) {
        out.push_back(std::move(r));
        continue;
      }
      const bool by_power = power_split(r, rule, *this);
      for (std::size_t i = 0; i < rule.mix.size(); ++i) {
        if (shares[i] <= 0) continue;
        SmelterRecord part = r;
        part.id = r.id + "@" + rule.mix[i].part;
        part.name = r.name + ", " + rule.mix[i].part + " cells";
        part.capacity_kg_per_s = r.capacity_kg_per_s * shares[i];
        if (!by_power) {
          split_rows.push_back({part.id, r.id, k, i, shares[i], std::nullopt, 1.0});
          out.push_back(std::move(part));
          continue;
        }
        // The technology part split again by the power mix (the two shares independent: no source
        // publishes them jointly).
        for (std::size_t j = 0; j < rule.power_mix.size(); ++j) {
          if (power[j] <= 0) continue;
          SmelterRecord sub = part;
          const std::string source(plant::to_string(rule.power_mix[j].power_source));
          sub.id = part.id + "@" + source;
          sub.name = part.name + ", " + source;
          sub.power_source = rule.power_mix[j].power_source;
          sub.capacity_kg_per_s = part.capacity_kg_per_s * power[j];
          split_rows.push_back({sub.id, r.id, k, i, shares[i] * power[j], j, power[j]});
          out.push_back(std::move(sub));
        }
      }
    }
    records = std::move(out);
  }
}

TechnologyClasses TechnologyClasses::load(const std::string& path, const std::vector<std::string>& tech_ids,
                                          const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  const auto text = io::read_text_file(path, "the technology classes", d);
  if (!text) return {};
  return parse(*text, path, tech_ids, region_ids, d);
}

}  // namespace potline::fleet

// `potline compare` (see compare.hpp).
#include "potline/report/compare.hpp"
#include "vega.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace potline::report {
namespace {

using io::Json;

/// A sweep store's summary key of the means by scenario (run_data.cpp, load_sweep_store).
constexpr const char* kScenarioMeans = "world_mean_by_scenario";

std::optional<std::string> scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_null()) return "null";
  return std::nullopt;
}

// An array's shape: its path with the element keys left out ("rounds[].check.crossings"), the
// same in every run and for every element of an enclosing array.
using Shapes = std::map<std::string, std::vector<const Json*>>;

void collect_arrays(const Json& v, const std::string& shape, Shapes& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) collect_arrays(x, shape.empty() ? k : shape + "." + k, out);
  } else if (v.is_array()) {
    out[shape].push_back(&v);
    for (const auto& x : v) collect_arrays(x, shape + "[]", out);
  }
}

std::optional<std::string> identity_text(const Json& element, const char* field) {
  if (!element.is_object()) return std::nullopt;
  const auto it = element.find(field);
  if (it == element.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return std::nullopt;
}

/// The identity "field" of an array of distinct ids (such as `under_water`): the element itself.
constexpr const char* kSelf = "";

// An id: one word, no blank ("eu-alro-slatina", "usa", "cn-agg-rest@600kA@hydro"), not a sentence (notes,
// warnings). User trial T18-1: the fleet's aggregate rows carry '@', and the `under_water` list of a run
// that had them was paired by position again.
bool is_id(const Json& e) {
  if (!e.is_string()) return false;
  const std::string& text = e.get_ref<const std::string&>();
  return !text.empty() && text.size() <= 80 && std::none_of(text.begin(), text.end(), [](char ch) {
    return std::isspace(static_cast<unsigned char>(ch)) != 0 || std::iscntrl(static_cast<unsigned char>(ch)) != 0;
  });
}

// Every array of the shape holds distinct ids only (a list of ids), and one holds any.
bool set_of_strings(const std::vector<const Json*>& arrays) {
  bool any = false;
  for (const Json* a : arrays) {
    std::set<std::string> seen;
    for (const auto& e : *a) {
      if (!is_id(e) || !seen.insert(e.get<std::string>()).second) return false;
      any = true;
    }
  }
  return any;
}

// The identity field of each array shape (compare.hpp, kIdentityFields): one every element of
// every run holds, unique within each array; kSelf for a list of distinct ids, compared as a set
// (user trial T17-3: `under_water` paired by position read as the wrong smelters changing, 124 lines);
// none (matched by position) otherwise.
std::map<std::string, std::string> identity_fields(const std::vector<RunData>& runs) {
  Shapes shapes;
  for (const auto& r : runs) collect_arrays(r.summary, "", shapes);
  std::map<std::string, std::string> fields;
  for (const auto& [shape, arrays] : shapes) {
    if (set_of_strings(arrays)) {
      fields[shape] = kSelf;
      continue;
    }
    for (const char* field : kIdentityFields) {
      bool usable = true, any = false;
      for (const Json* a : arrays) {
        std::set<std::string> seen;
        for (const auto& e : *a) {
          const auto id = identity_text(e, field);
          usable = id && seen.insert(*id).second;
          any = true;
          if (!usable) break;
        }
        if (!usable) break;
      }
      if (usable && any) {
        fields[shape] = field;
        break;
      }
    }
  }
  return fields;
}

struct Flat {
  std::vector<std::pair<std::string, Json>> scalars;
  std::vector<std::pair<std::string, std::vector<std::string>>> elements;  ///< array path, its element keys (document order)
  std::set<std::string> arrays;  ///< the array paths
};

// As report::flatten, with the elements of a keyed array named by their identity, not position.
void flatten_keyed(const Json& v, const std::string& path, const std::string& shape,
                   const std::map<std::string, std::string>& fields, Flat& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      flatten_keyed(x, path.empty() ? k : path + "." + k, shape.empty() ? k : shape + "." + k, fields, out);
    }
  } else if (v.is_array()) {
    const auto field = fields.find(shape);
    out.arrays.insert(path);
    out.elements.emplace_back(path, std::vector<std::string>{});
    const std::size_t at = out.elements.size() - 1;  // nested arrays append after it
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (field != fields.end() && field->second == kSelf) {  // a set member: its key holds it, no value
        out.elements[at].second.push_back(fmt::format("{}[{}]", path, v[i].get<std::string>()));
        continue;
      }
      const std::string element =
          field == fields.end() ? fmt::format("{}[{}]", path, i)
                                : fmt::format("{}[{}={}]", path, field->second, *identity_text(v[i], field->second.c_str()));
      out.elements[at].second.push_back(element);
      flatten_keyed(v[i], element, shape + "[]", fields, out);
    }
  } else {
    out.scalars.emplace_back(path, v);
  }
}

// Elements of arrays every run holds that some runs lack (an exclusion only one case has), array
// by array in the order the runs first hold them.
std::vector<UnmatchedElement> unmatched_elements(const std::vector<Flat>& flats) {
  std::vector<std::string> arrays;                        // array paths, first seen first
  std::map<std::string, std::vector<std::string>> order;  // per array: its element keys, first seen first
  std::map<std::string, std::vector<bool>> present;
  for (std::size_t k = 0; k < flats.size(); ++k) {
    for (const auto& element_list : flats[k].elements) {
      const std::string& array = element_list.first;  // named, not a structured binding: clang 14 lambdas
      const std::vector<std::string>& keys = element_list.second;
      const bool in_every_run = std::all_of(flats.begin(), flats.end(), [&](const Flat& f) { return f.arrays.count(array) > 0; });
      if (!in_every_run) continue;  // a whole array missing shows as missing keys
      if (order.find(array) == order.end()) arrays.push_back(array);
      auto& keys_in_order = order[array];
      for (const auto& key : keys) {
        auto [it, inserted] = present.try_emplace(key, std::vector<bool>(flats.size(), false));
        if (inserted) keys_in_order.push_back(key);
        it->second[k] = true;
      }
    }
  }
  std::vector<UnmatchedElement> out;
  for (const auto& array : arrays) {
    for (const auto& key : order[array]) {
      const auto& p = present[key];
      if (std::find(p.begin(), p.end(), false) != p.end()) out.push_back({key, p});
    }
  }
  return out;
}

// A sweep store's means are by scenario name (world_mean_by_scenario.NAME.metric): a scenario that
// only some stores hold is an element not in every run, as an array element is. Two stores with no
// scenario of the same name listed every mean as 'missing' without saying why.
void add_unmatched_scenarios(const std::vector<RunData>& runs, std::vector<UnmatchedElement>& out) {
  std::vector<std::string> names;  // first seen first
  std::vector<std::vector<std::string>> held(runs.size());
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Json* by = runs[k].summary.is_object() && runs[k].summary.contains(kScenarioMeans)
                         ? &runs[k].summary.at(kScenarioMeans) : nullptr;
    if (by == nullptr || !by->is_object()) continue;
    for (const auto& item : by->items()) {
      held[k].push_back(item.key());
      if (std::find(names.begin(), names.end(), item.key()) == names.end()) names.push_back(item.key());
    }
  }
  for (const auto& name : names) {
    std::vector<bool> present;
    for (const auto& h : held) present.push_back(std::find(h.begin(), h.end(), name) != h.end());
    if (std::find(present.begin(), present.end(), false) != present.end()) {
      out.push_back({std::string(kScenarioMeans) + "." + name, present});
    }
  }
}

// "exclusions[origin=country RUS].origin": the identity field of a keyed element, which its key
// already shows (listed as a differing text it would only repeat the unmatched element).
bool names_its_element(const std::string& key) {
  const auto open = key.rfind('[');
  const auto eq = key.find('=', open == std::string::npos ? key.size() : open);
  if (open == std::string::npos || eq == std::string::npos) return false;
  const std::string field = key.substr(open + 1, eq - open - 1);
  return key.size() > field.size() + 2 && key.compare(key.size() - field.size() - 2, std::string::npos, "]." + field) == 0;
}

}  // namespace

// The inputs a run was made with, from its manifest's command line (Comparison::inputs): `compare` of
// two smelter runs said only "run 2: out/s40", not that it was --set prices.power=40.
static std::string run_inputs(const RunData& run) {
  if (!run.manifest.is_object() || !run.manifest.contains("arguments") || !run.manifest["arguments"].is_array()) return "";
  std::vector<std::string> a;
  for (const auto& x : run.manifest["arguments"]) a.push_back(x.is_string() ? x.get<std::string>() : std::string());
  // A --vary run folder's manifest says "vary"; its command line names the command varied, and its
  // --vary values are what two such runs differ by.
  const bool vary = run.command == "vary" && run.summary.contains("command") && run.summary.at("command").is_string();
  const std::string name = vary ? run.summary.at("command").get<std::string>() : run.command;
  std::vector<std::string> shown{"--set", "-s", "--technology", "-t", "--prices"};
  if (vary) shown.push_back("--vary");
  static const std::vector<std::string> flags{"--thermal", "--envelope"};
  static const std::vector<std::string> valued{"--out", "-o", "--threads", "--vary", "--outputs", "--target-voltage",
                                               "--export-smelter", "--data-dir"};
  const auto command = std::find(a.begin(), a.end(), name);
  if (command == a.end()) return "";
  std::string out, case_file;
  for (auto it = command + 1; it != a.end(); ++it) {
    const std::string& t = *it;
    const bool takes_value = std::find(shown.begin(), shown.end(), t) != shown.end() ||
                             std::find(valued.begin(), valued.end(), t) != valued.end();
    if (std::find(shown.begin(), shown.end(), t) != shown.end() && it + 1 != a.end()) {
      out += " " + t + " " + *(it + 1);
    } else if (t.rfind("--set=", 0) == 0) {
      out += " " + t;
    } else if (std::find(flags.begin(), flags.end(), t) != flags.end()) {
      out += " " + t;
    } else if (case_file.empty() && !t.empty() && t[0] != '-') {
      case_file = t;
    }
    if (takes_value && it + 1 != a.end()) ++it;
  }
  return case_file + out;
}

Comparison compare_runs(const std::vector<RunData>& runs) {
  core::Diagnostics d;
  if (runs.size() < 2) d.error({}, "", "give two or more runs to compare");
  for (std::size_t k = 1; k < runs.size(); ++k) {
    if (runs[k].command != runs[0].command) {
      d.error({runs[k].path, 0, 0}, "",
              fmt::format("a run of 'potline {}' cannot be compared with '{}', a run of 'potline {}': compare runs of one command",
                          runs[k].command, runs[0].path, runs[0].command));
    }
    const std::string v0 = runs[0].manifest.is_object() ? vega::text(runs[0].manifest, "version") : "";
    const std::string vk = runs[k].manifest.is_object() ? vega::text(runs[k].manifest, "version") : "";
    if (!v0.empty() && !vk.empty() && v0 != vk) {
      d.error({runs[k].path, 0, 0}, "",
              fmt::format("written by potline {} but '{}' by potline {}: compare runs of one version", vk, runs[0].path, v0));
    }
  }
  if (d.has_errors()) throw core::InputError(d);

  Comparison c;
  c.command = runs[0].command;
  std::vector<std::string> order;
  // A run's value of each key; nothing where the run lacks the key (a null value is a Json null).
  std::map<std::string, std::vector<std::optional<Json>>> values;
  const std::map<std::string, std::string> fields = identity_fields(runs);
  std::vector<Flat> flats(runs.size());
  for (std::size_t k = 0; k < runs.size(); ++k) {
    c.paths.push_back(runs[k].path);
    c.inputs.push_back(run_inputs(runs[k]));
    c.stopped.push_back(runs[k].stopped_text());
    flatten_keyed(runs[k].summary, "", "", fields, flats[k]);
    for (auto& [key, v] : flats[k].scalars) {
      auto [it, inserted] = values.try_emplace(key, std::vector<std::optional<Json>>(runs.size()));
      if (inserted) order.push_back(key);
      it->second[k] = v;
    }
  }
  c.unmatched_elements = unmatched_elements(flats);
  if (c.command == "sweep") add_unmatched_scenarios(runs, c.unmatched_elements);
  for (const auto& key : order) {
    const auto& vs = values[key];
    const auto is_number = [](const std::optional<Json>& v) { return v && v->is_number(); };
    const bool numeric = std::any_of(vs.begin(), vs.end(), is_number) &&
                         std::all_of(vs.begin(), vs.end(), [&](const auto& v) { return !v || is_number(v) || v->is_null(); });
    if (numeric && names_its_element(key)) continue;  // path[year=2024].year: the key holds it
    if (numeric) {
      MetricRow row;
      row.key = key;
      for (const auto& v : vs) {
        const double x = is_number(v) ? v->get<double>() : std::nan("");
        row.values.push_back(std::isfinite(x) ? std::optional<double>(x) : std::nullopt);
        row.null.push_back(v && v->is_null());
      }
      double largest = 0;  // of the row: a base that is rounding noise against it has no relative change
      for (const auto& v : row.values) largest = std::max(largest, v ? std::fabs(*v) : 0.0);
      for (std::size_t k = 0; k < vs.size(); ++k) {
        std::optional<double> change, relative;
        if (k > 0 && row.values[0] && row.values[k]) {
          change = *row.values[k] - *row.values[0];
          // -2.9e-14 against -8.8 printed -30777536447862476.00 % (user trial 9, T9-13): a base
          // below kNoiseFraction of the row's largest value is a zero computed in floating point.
          if (std::fabs(*row.values[0]) > kNoiseFraction * largest) relative = *change / std::fabs(*row.values[0]);
        }
        row.change.push_back(change);
        row.relative_change.push_back(relative);
      }
      c.metrics.push_back(row);
    } else {
      TextRow row;
      row.key = key;
      for (const auto& v : vs) row.values.push_back(v ? scalar_text(*v) : std::nullopt);
      const bool differs = std::any_of(row.values.begin(), row.values.end(),
                                       [&](const auto& x) { return x != row.values.front(); });
      if (differs && !names_its_element(key)) c.differing_text.push_back(row);
    }
  }
  // Inputs that are the same in every run tell nothing apart (two folders of one command line).
  if (std::all_of(c.inputs.begin(), c.inputs.end(), [&](const std::string& x) { return x == c.inputs.front(); })) {
    c.inputs.assign(c.inputs.size(), std::string());
  }
  return c;
}

namespace {
Json optional_json(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }
}  // namespace

Json comparison_json(const Comparison& c, const std::vector<RunData>& runs) {
  Json j;
  j["command"] = c.command;
  Json rs = Json::array();
  for (const auto& r : runs) {
    Json x;
    x["path"] = r.path;
    x["title"] = r.title();
    x["version"] = r.manifest.is_object() ? r.manifest.value("version", Json()) : Json();
    x["git_commit"] = r.manifest.is_object() ? r.manifest.value("git_commit", Json()) : Json();
    x["seed"] = r.manifest.is_object() ? r.manifest.value("seed", Json()) : Json();
    const std::string stopped = r.stopped_text();
    x["stopped"] = stopped.empty() ? Json() : Json(stopped);
    rs.push_back(x);
  }
  j["runs"] = rs;
  Json metrics = Json::array();
  for (const auto& m : c.metrics) {
    Json row;
    row["key"] = m.key;
    for (const char* name : {"values", "change", "relative_change"}) row[name] = Json::array();
    for (std::size_t k = 0; k < m.values.size(); ++k) {
      row["values"].push_back(optional_json(m.values[k]));
      row["change"].push_back(optional_json(m.change[k]));
      row["relative_change"].push_back(optional_json(m.relative_change[k]));
    }
    metrics.push_back(row);
  }
  j["metrics"] = metrics;
  Json text = Json::array();
  for (const auto& t : c.differing_text) {
    Json values = Json::array();
    for (const auto& v : t.values) values.push_back(v ? Json(*v) : Json(nullptr));
    text.push_back({{"key", t.key}, {"values", values}});
  }
  j["differing_text"] = text;
  Json unmatched = Json::array();
  for (const auto& e : c.unmatched_elements) unmatched.push_back({{"key", e.key}, {"present", e.present}});
  j["unmatched_elements"] = unmatched;
  return j;
}

}  // namespace potline::report

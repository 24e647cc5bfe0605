// `potline compare` (see compare.hpp).
#include "potline/report/compare.hpp"
#include "vega.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace potline::report {
namespace {

using io::Json;

std::optional<std::string> scalar_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_null()) return "null";
  return std::nullopt;
}

}  // namespace

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
  std::map<std::string, std::vector<Json>> values;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    c.paths.push_back(runs[k].path);
    for (auto& [key, v] : flatten(runs[k].summary)) {
      auto [it, inserted] = values.try_emplace(key, std::vector<Json>(runs.size()));
      if (inserted) order.push_back(key);
      it->second[k] = v;
    }
  }
  for (const auto& key : order) {
    const auto& vs = values[key];
    const bool numeric = std::any_of(vs.begin(), vs.end(), [](const Json& v) { return v.is_number(); }) &&
                         std::all_of(vs.begin(), vs.end(), [](const Json& v) { return v.is_number() || v.is_null(); });
    if (numeric) {
      MetricRow row;
      row.key = key;
      for (const auto& v : vs) {
        const double x = v.is_number() ? v.get<double>() : std::nan("");
        row.values.push_back(std::isfinite(x) ? std::optional<double>(x) : std::nullopt);
      }
      for (std::size_t k = 0; k < vs.size(); ++k) {
        std::optional<double> change, relative;
        if (k > 0 && row.values[0] && row.values[k]) {
          change = *row.values[k] - *row.values[0];
          if (*row.values[0] != 0.0) relative = *change / std::fabs(*row.values[0]);
        }
        row.change.push_back(change);
        row.relative_change.push_back(relative);
      }
      c.metrics.push_back(row);
    } else {
      TextRow row;
      row.key = key;
      for (const auto& v : vs) row.values.push_back(scalar_text(v));
      const bool differs = std::any_of(row.values.begin(), row.values.end(),
                                       [&](const auto& x) { return x != row.values.front(); });
      if (differs) c.differing_text.push_back(row);
    }
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
  return j;
}

bool differs_at_printed_precision(const MetricRow& m) {
  const auto& first = m.values.front();
  return std::any_of(m.values.begin(), m.values.end(), [&](const auto& v) {
    if (!v || !first) return v.has_value() != first.has_value();
    if (fmt::format("{:.{}g}", *v, kPrintedDigits) == fmt::format("{:.{}g}", *first, kPrintedDigits)) return false;
    // Printed apart by rounding alone (3740.4250000000002 against 3740.4249999999997 print as
    // 3740.43 and 3740.42): still noise unless the change reaches half a unit in the last printed
    // digit of the larger value.
    const double larger = std::max(std::abs(*v), std::abs(*first));
    const double half_unit = 0.5 * std::pow(10.0, std::floor(std::log10(larger)) - (kPrintedDigits - 1));
    return std::abs(*v - *first) >= half_unit;
  });
}

std::string comparison_text(const Comparison& c, bool all) {
  const std::size_t n = c.paths.size();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"metric"};
  for (std::size_t k = 0; k < n; ++k) header.push_back(fmt::format("run {}", k + 1));
  for (std::size_t k = 1; k < n; ++k) {
    header.push_back(fmt::format("{}-1", k + 1));
    header.push_back(fmt::format("{}-1 [%]", k + 1));
  }
  rows.push_back(header);
  auto num = [](const std::optional<double>& x, double scale) {
    return x ? fmt::format("{:.{}g}", *x * scale, kPrintedDigits) : std::string("missing");
  };
  std::size_t equal = 0, timings = 0;
  for (const auto& m : c.metrics) {
    // Run facts that are not results (wall-clock time, not reproducible; docs/cli.md): in --json only.
    if (!all && (m.key == "wall_seconds" || m.key == "seconds" || m.key == "samples_per_s")) {
      ++timings;
      continue;
    }
    // Equal at the printed precision: a re-solved LP or a summed series differs in its last bits
    // (3740.43 against 3740.43, change -4.5e-13), which the 6-digit table cannot show and which
    // buried the real changes of two fleet runs. Exact zeros and missing values still compare exactly.
    if (!differs_at_printed_precision(m) && !all) {
      ++equal;
      continue;
    }
    std::vector<std::string> row{m.key};
    for (const auto& v : m.values) row.push_back(num(v, 1));
    for (std::size_t k = 1; k < n; ++k) {
      row.push_back(num(m.change[k], 1));
      row.push_back(m.relative_change[k] ? fmt::format("{:+.2f}", *m.relative_change[k] * 100) : std::string("-"));
    }
    rows.push_back(row);
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out = fmt::format("Comparison of {} runs of potline {} (changes against run 1)\n", n, c.command);
  for (std::size_t k = 0; k < n; ++k) out += fmt::format("  run {}: {}\n", k + 1, c.paths[k]);
  if (rows.size() == 1) {  // a bare header row reads as a broken table
    out += "no numeric metric differs (to the " + std::to_string(kPrintedDigits) + " printed significant digits)\n";
    rows.clear();
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += i == 0 ? fmt::format("{:<{}}", row[i], width[i]) : fmt::format("  {:>{}}", row[i], width[i]);
    }
    out += line + "\n";
  }
  if (equal > 0) {
    out += fmt::format("({} metrics equal in every run not shown (to the {} printed significant digits); --all shows them)\n",
                       equal, kPrintedDigits);
  }
  if (timings > 0) out += "(the run's wall-clock time is left out: it is not a result; --all or --json show it)\n";
  for (const auto& t : c.differing_text) {
    out += fmt::format("{}:", t.key);
    for (std::size_t k = 0; k < t.values.size(); ++k) out += fmt::format(" [{}] {}", k + 1, t.values[k].value_or("missing"));
    out += "\n";
  }
  return out;
}

}  // namespace potline::report

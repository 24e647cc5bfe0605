// `potline compare`'s text table (see compare.hpp): the metrics, the differing texts and the array
// elements not in every run, as the runs' summaries were compared in compare.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "potline/report/compare.hpp"

namespace potline::report {
namespace {

/// A sweep store's summary key of the means by scenario (run_data.cpp, load_sweep_store).
constexpr const char* kScenarioMeans = "world_mean_by_scenario";

}  // namespace

bool is_timing_key(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  const std::string last = dot == std::string::npos ? key : key.substr(dot + 1);
  return last == "wall_seconds" || last == "seconds" || last == "samples_per_s";
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

namespace {
// Columns a UTF-8 text takes: its code points (the tables hold no wide characters).
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}
}  // namespace

std::string value_text(const MetricRow& m, std::size_t k, double scale) {
  if (m.values[k]) return fmt::format("{:.{}g}", *m.values[k] * scale, kPrintedDigits);
  return k < m.null.size() && m.null[k] ? "—" : "missing";
}

// "only in run 2", "not in runs 1, 3": where an unmatched element is (or is not).
static std::string presence_text(const UnmatchedElement& e) {
  const auto count = static_cast<std::size_t>(std::count(e.present.begin(), e.present.end(), true));
  const bool list_present = count <= e.present.size() - count;
  std::string runs;
  for (std::size_t k = 0; k < e.present.size(); ++k) {
    if (e.present[k] == list_present) runs += (runs.empty() ? "" : ", ") + std::to_string(k + 1);
  }
  const bool plural = runs.find(',') != std::string::npos;
  return fmt::format("{} run{} {}", list_present ? "only in" : "not in", plural ? "s" : "", runs);
}

// A member of a list of ids compared as a set ("under_water[eu-alro-slatina]": neither a position nor
// "field=value"): its list and the member; nothing for other keys.
static std::optional<std::pair<std::string, std::string>> set_member(const std::string& key) {
  const auto open = key.rfind('[');
  if (open == std::string::npos || key.back() != ']') return std::nullopt;
  const std::string inner = key.substr(open + 1, key.size() - open - 2);
  if (inner.empty() || inner.find('=') != std::string::npos ||
      inner.find_first_not_of("0123456789") == std::string::npos)
    return std::nullopt;
  return std::make_pair(key.substr(0, open), inner);
}

static std::string unmatched_elements_text(const Comparison& c) {
  if (c.unmatched_elements.empty()) return "";
  std::string out = c.command == "sweep" ? "scenarios not in every store (their means show as 'missing' in the others):\n"
                                         : "array elements not in every run (their values show as 'missing' in the others):\n";
  // Members of one list with the same presence on one line: "under_water, 60 only in run 3: a, b, ...".
  std::vector<bool> done(c.unmatched_elements.size(), false);
  for (std::size_t i = 0; i < c.unmatched_elements.size(); ++i) {
    if (done[i]) continue;
    const UnmatchedElement& e = c.unmatched_elements[i];
    const auto member = set_member(e.key);
    std::vector<std::string> members;
    for (std::size_t j = i; member && j < c.unmatched_elements.size(); ++j) {
      const auto other = set_member(c.unmatched_elements[j].key);
      if (!done[j] && other && other->first == member->first && c.unmatched_elements[j].present == e.present) {
        members.push_back(other->second);
        done[j] = true;
      }
    }
    if (members.size() < 2) {
      out += fmt::format("  {}: {}\n", e.key, presence_text(e));
      continue;
    }
    out += fmt::format("  {}, {} {}: {}\n", member->first, members.size(), presence_text(e), fmt::join(members, ", "));
  }
  return out;
}

// Sweep stores with no scenario in common: the table can only list every mean as 'missing'.
static std::string no_common_scenario_text(const Comparison& c) {
  if (c.command != "sweep") return "";
  const std::string prefix = std::string(kScenarioMeans) + ".";
  std::vector<std::string> held(c.paths.size());
  bool any = false;
  for (const auto& e : c.unmatched_elements) {
    for (std::size_t k = 0; k < e.present.size() && k < held.size(); ++k) {
      if (e.present[k]) held[k] += (held[k].empty() ? "" : ", ") + e.key.substr(prefix.size());
    }
  }
  // A scenario in every store is not unmatched: the stores share one unless every run lists all of its own here.
  for (const auto& m : c.metrics) {
    if (m.key.rfind(prefix, 0) != 0) continue;
    any = true;
    if (std::all_of(m.values.begin(), m.values.end(), [](const auto& v) { return v.has_value(); })) return "";
  }
  if (!any) return "";
  std::string out = "no scenario is in every store (";
  for (std::size_t k = 0; k < held.size(); ++k) {
    out += fmt::format("{}run {}: {}", k == 0 ? "" : "; ", k + 1, held[k].empty() ? "none" : held[k]);
  }
  return out + "): scenarios are matched by name, so every mean below is 'missing' in the other store; name "
               "the [[scenario]] tables alike to compare them\n";
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
    if (!all && report::is_timing_key(m.key)) {
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
    for (std::size_t k = 0; k < n; ++k) row.push_back(value_text(m, k));
    for (std::size_t k = 1; k < n; ++k) {
      row.push_back(m.change[k] ? num(m.change[k], 1) : std::string("-"));
      row.push_back(m.relative_change[k] ? fmt::format("{:+.2f}", *m.relative_change[k] * 100) : std::string("-"));
    }
    rows.push_back(row);
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  }
  std::string out = fmt::format("Comparison of {} runs of potline {} (changes against run 1)\n", n, c.command);
  for (std::size_t k = 0; k < n; ++k) {
    const std::string inputs = k < c.inputs.size() ? c.inputs[k] : std::string();
    out += fmt::format("  run {}: {}{}\n", k + 1, c.paths[k], inputs.empty() ? "" : " (" + inputs + ")");
    if (k < c.stopped.size() && !c.stopped[k].empty()) {  // T11-11: a run a physical guard stopped
      out += fmt::format("    {}: it did not finish, so its summary holds only the stop fields and its other values "
                         "show as 'missing' (its time series runs to the stop: potline report)\n",
                         c.stopped[k]);
    }
  }
  out += no_common_scenario_text(c);
  if (rows.size() == 1) {  // a bare header row reads as a broken table
    out += "no numeric metric differs (to the " + std::to_string(kPrintedDigits) + " printed significant digits)\n";
    rows.clear();
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(width[i] - display_width(row[i]), ' ');  // by hand: "—" is 3 bytes, 1 column
      line += i == 0 ? row[i] + pad : "  " + pad + row[i];
    }
    out += line + "\n";
  }
  if (equal > 0) {
    out += fmt::format("({} metric{} equal in every run not shown (to the {} printed significant digits); --all shows "
                       "them)\n",
                       equal, equal == 1 ? "" : "s", kPrintedDigits);
  }
  if (timings > 0) out += "(the run's wall-clock time is left out: it is not a result; --all or --json show it)\n";
  out += unmatched_elements_text(c);
  std::size_t under_unmatched = 0;
  for (const auto& t : c.differing_text) {
    // The texts of an element only some runs have differ from "missing" by construction (four
    // lines "event_windows[0].kind: [1] missing [2] feed_stop"): the element's line says it.
    const bool in_unmatched = std::any_of(c.unmatched_elements.begin(), c.unmatched_elements.end(), [&](const auto& e) {
      return t.key.compare(0, e.key.size(), e.key) == 0 && t.key.size() > e.key.size() && t.key[e.key.size()] == '.';
    });
    if (in_unmatched && !all) {
      ++under_unmatched;
      continue;
    }
    out += fmt::format("{}:", t.key);
    for (std::size_t k = 0; k < t.values.size(); ++k) out += fmt::format(" [{}] {}", k + 1, t.values[k].value_or("missing"));
    out += "\n";
  }
  if (under_unmatched > 0) {
    out += fmt::format("({} text values of those elements not shown; --all shows them)\n", under_unmatched);
  }
  return out;
}

}  // namespace potline::report

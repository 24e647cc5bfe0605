// Smelter report tables of issue 14: the anode type, carbon capture and the HPA line
// (docs/model/inert-anode.md, ccs.md, hpa.md). Each is a key/value table of its summary object,
// shown when the run has it (inert anodes, capture, an HPA line).
#include <fmt/format.h>

#include "potline/report/charts.hpp"

namespace potline::report {
namespace {

using io::Json;

void add_rows(const Json& object, const std::string& prefix, std::vector<std::vector<std::string>>& rows) {
  for (const auto& [key, v] : object.items()) {
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (v.is_object()) {
      add_rows(v, name, rows);
    } else if (v.is_number()) {
      rows.push_back({name, fmt::format("{:.6g}", v.get<double>())});
    } else if (v.is_string()) {
      rows.push_back({name, v.get<std::string>()});
    } else if (v.is_null()) {
      rows.push_back({name, "n/a"});
    }
  }
}

}  // namespace

std::vector<HtmlTable> smelter_nextgen_tables(const RunData& run) {
  std::vector<HtmlTable> out;
  const Json& s = run.summary;
  const auto add = [&](const char* key, const char* title) {
    if (!s.contains(key) || !s[key].is_object()) return;
    HtmlTable t{title, {"Quantity", "Value"}, {}};
    add_rows(s[key], "", t.rows);
    out.push_back(std::move(t));
  };
  if (s.contains("anode") && s["anode"].is_object() && s["anode"].value("type", "") == "inert") {
    add("anode", "Inert anodes (summary.json anode)");
  }
  add("ccs", "Carbon capture on the potline gas (summary.json ccs)");
  add("hpa", "HPA upgrading line (summary.json hpa)");
  return out;
}

}  // namespace potline::report

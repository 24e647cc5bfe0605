// --vary as one library call: the specs parsed with their units, the points run, their warnings
// collected (see vary.hpp). Moved from app/vary.cpp so that the Python API's potline.vary runs the
// same code as the CLI.
#include <algorithm>
#include <utility>

#include "potline/api/schemas.hpp"
#include "potline/api/vary.hpp"

namespace potline::api {

std::string vary_field_unit(const std::string& command, const std::string& key) {
  std::string field;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '[') {
      field += key[i];
      continue;
    }
    const auto close = key.find(']', i);
    if (close == std::string::npos) return "";
    i = close;
  }
  const std::string prefix = "potline " + command + " ";
  for (const auto& named : all_schemas()) {
    if (std::string(named.command).rfind(prefix, 0) != 0) continue;
    const io::FieldSpec* spec = named.schema->find(field);
    if (spec == nullptr) continue;
    const bool number =
        spec->type == io::FieldType::kNumber || spec->type == io::FieldType::kInteger;
    return number && spec->unit != "1" ? spec->unit : "";
  }
  return "";
}

std::vector<VarySpec> parse_vary_specs(const std::string& command,
                                       const std::vector<std::string>& texts,
                                       core::Diagnostics& d) {
  std::vector<VarySpec> specs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (auto spec = parse_vary(texts[i], static_cast<int>(i + 1), d)) {
      spec->unit = vary_field_unit(command, spec->key);
      specs.push_back(std::move(*spec));
    }
  }
  if (texts.empty())
    d.error({"--vary", 0, 0}, "--vary", "give at least one KEY=START:STOP:STEP or KEY=V1,V2,...");
  return specs;
}

std::string VaryRun::where(const VaryWarning& warning) const {
  std::string out;
  if (static_cast<int>(warning.points.size()) >= points) return out;
  for (const auto& p : warning.points) out += (out.empty() ? "" : ", ") + p;
  return out;
}

VaryRun run_vary_points(const std::string& command, const std::vector<std::string>& vary_texts,
                        const std::vector<std::string>& base_sets,
                        const std::vector<std::string>& outputs, const RunWithSets& run,
                        core::Diagnostics diagnostics) {
  const std::vector<VarySpec> specs = parse_vary_specs(command, vary_texts, diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  VaryRun out;
  const RunWithSets collecting = [&](const std::vector<std::string>& point_sets) {
    io::Json doc = run(point_sets);
    ++out.points;
    const std::string point = point_sets.empty() ? std::string() : point_sets.back();
    const std::string key = point.substr(0, point.find('='));
    for (const char* kind : {"warnings", "notes"}) {
      if (key.empty() || !doc.contains(kind) || !doc[kind].is_array()) continue;
      const bool note = std::string(kind) == "notes";
      for (const auto& w : doc[kind]) {
        if (!w.is_string() || w.get<std::string>().find(key) == std::string::npos) continue;
        // The value's --set is hidden: the warning names it "--vary #N" (T13-12), not "--set #2".
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const VarySpec& x) { return x.key == key; });
        const std::string message =
            spec == specs.end() ? w.get<std::string>() : relabel_hidden_set(w.get<std::string>(), point_sets.size(), spec->index);
        auto it = std::find_if(out.warnings.begin(), out.warnings.end(), [&](const VaryWarning& e) {
          return e.message == message && e.note == note;
        });
        if (it == out.warnings.end()) it = out.warnings.insert(out.warnings.end(), {message, {}, note});
        it->points.push_back(point);
      }
    }
    return doc;
  };
  out.table = run_vary(command, specs, base_sets, outputs, collecting);
  return out;
}

}  // namespace potline::api

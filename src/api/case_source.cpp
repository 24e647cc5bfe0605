// CaseSource (see case_commands.hpp).
#include <filesystem>

#include "potline/api/case_commands.hpp"
#include "potline/api/data_dir.hpp"

namespace potline::api {

std::string CaseSource::base_dir() const {
  return text ? std::string() : std::filesystem::path(path).parent_path().string();
}

std::string CaseSource::data() const { return data_dir.empty() ? locate_data_dir().path : data_dir; }

std::vector<std::string> located_warnings(const core::Diagnostics& d, const std::vector<const io::ValueSet*>& values,
                                          const CaseSource& source) {
  std::vector<std::string> out;
  for (const core::Diagnostic& item : d.items()) {
    if (item.severity != core::Severity::kWarning) continue;
    core::Diagnostic w = item;
    if (w.location.file.empty() && !w.key.empty()) {
      // The place the value was given (case file, a case.base, or --set), else the case itself.
      for (const io::ValueSet* v : values) {
        const io::Value* x = v != nullptr ? v->get(w.key) : nullptr;
        if (x != nullptr && (x->origin == io::Origin::kCaseFile || x->origin == io::Origin::kCommandLine) &&
            !x->location.file.empty()) {
          w.location = x->location;
          break;
        }
      }
      if (w.location.file.empty() && source.given()) w.location = {source.name(), 0, 0};
    }
    out.push_back(w.to_string());
  }
  return out;
}

void set_technology_option(const std::string& technology, io::ValueSet& values) {
  if (technology.empty()) return;
  io::Value v;
  v.text = technology;
  v.origin = io::Origin::kCommandLine;
  v.location = {"--technology", 0, 0};
  values.set("case.technology", v);
}

}  // namespace potline::api

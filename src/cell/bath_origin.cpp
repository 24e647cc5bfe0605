#include "potline/cell/bath_origin.hpp"

#include <fmt/format.h>

#include <array>

namespace potline::cell {
namespace {

struct Component {
  const char* key;
  const char* name;
};

// The bath.* keys in the order of the schema, with their chemical names.
constexpr std::array<Component, 6> kComponents{{{"bath.alumina", "Al2O3"},
                                                {"bath.alf3", "AlF3"},
                                                {"bath.caf2", "CaF2"},
                                                {"bath.mgf2", "MgF2"},
                                                {"bath.lif", "LiF"},
                                                {"bath.kf", "KF"}}};

bool given(const io::Value& v) {
  return v.origin == io::Origin::kCaseFile || v.origin == io::Origin::kCommandLine;
}

}  // namespace

std::string value_origin(const io::ValueSet& values, const std::string& key) {
  const io::Value* v = values.get(key);
  if (v == nullptr) return "not set";
  const std::string where = v->location.to_string();
  switch (v->origin) {
    case io::Origin::kCaseFile:
    case io::Origin::kCommandLine: return where.empty() ? std::string(io::to_string(v->origin)) : where;
    case io::Origin::kTechnology: return where.empty() ? "technology catalogue" : "technology catalogue, " + where;
    case io::Origin::kCalibrated: return "calibrated";
    case io::Origin::kDefault: return "default";
  }
  return "?";
}

std::string bath_composition_origins(const io::ValueSet& values) {
  std::string out;
  std::string zero;  // components at 0 wt% nobody gave: named together
  for (const Component& c : kComponents) {
    const io::Value* v = values.get(c.key);
    if (v == nullptr) continue;
    if (v->number == 0.0 && !given(*v)) {
      zero += (zero.empty() ? "" : ", ") + std::string(c.name);
      continue;
    }
    out += fmt::format("{}{} {:.4g} wt% ({})", out.empty() ? "" : ", ", c.name, v->number, value_origin(values, c.key));
  }
  if (!zero.empty()) out += (out.empty() ? "" : ", ") + zero + " 0 wt%";
  return out;
}

BathBlame bath_blame(const io::ValueSet& values) {
  const io::Value* temperature = values.get("operation.bath_temperature");
  const bool temperature_on_command_line = temperature && temperature->origin == io::Origin::kCommandLine;
  if (!temperature_on_command_line) {
    for (const Component& c : kComponents) {
      const io::Value* v = values.get(c.key);
      if (v && v->origin == io::Origin::kCommandLine) return {c.key, v->location};
    }
  }
  return {"operation.bath_temperature", temperature ? temperature->location : core::SourceLocation{}};
}

}  // namespace potline::cell

// Conflicts between simulate inputs, reported at the key the user gave (input_blame.hpp).
#include "input_blame.hpp"

#include <fmt/format.h>

#include "potline/cell/bath_origin.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {

core::SourceLocation location_of(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x ? x->location : core::SourceLocation{};
}

std::string blamed_key(const io::ValueSet& v, const std::vector<std::string>& keys) {
  for (const io::Origin origin : {io::Origin::kCommandLine, io::Origin::kCaseFile}) {
    for (const std::string& key : keys) {
      const io::Value* x = v.get(key);
      if (x && x->origin == origin) return key;
    }
  }
  return keys.front();
}

std::string value_text(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  if (!x) return "not set";
  const io::FieldSpec* field = simulate_schema().find(key);
  if (!field) return fmt::format("{:.4g}", x->number);
  switch (field->type) {
    case io::FieldType::kString:
    case io::FieldType::kChoice: return "\"" + x->text + "\"";
    case io::FieldType::kBool: return x->number != 0.0 ? "true" : "false";
    default: return io::format_in_field_unit(*field, x->number, 4);
  }
}

std::string quoted(const io::ValueSet& v, const std::string& key) {
  return fmt::format("{} = {} ({})", key, value_text(v, key), cell::value_origin(v, key));
}

void conflict_error(const io::ValueSet& v, core::Diagnostics& diagnostics, const std::vector<std::string>& keys,
                    const std::string& what, const std::string& fix) {
  const std::string at = blamed_key(v, keys);
  std::string partners;
  for (const std::string& key : keys) {
    if (key != at) partners += (partners.empty() ? "" : ", ") + quoted(v, key);
  }
  const std::string others =
      partners.empty() ? std::string() : fmt::format("; {}: {}", keys.size() > 2 ? "the others" : "the other", partners);
  diagnostics.error(location_of(v, at), at, fmt::format("{}: {}{}; {}", value_text(v, at), what, others, fix));
}

}  // namespace potline::line

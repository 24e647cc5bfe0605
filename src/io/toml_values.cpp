#include "potline/io/toml_values.hpp"

#include <cmath>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"

namespace potline::io {

std::optional<toml::table> parse_toml(const std::string& text, const std::string& file,
                                      core::Diagnostics& diagnostics) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    diagnostics.error({file, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)}, "",
                      std::string(e.description()));
    return std::nullopt;
  }
}

core::SourceLocation toml_location(const toml::node& node, const std::string& file) {
  return {file, static_cast<int>(node.source().begin.line),
          static_cast<int>(node.source().begin.column)};
}

std::optional<double> toml_quantity(const toml::node* node, const std::string& key,
                                    const std::string& unit, const std::string& target_unit,
                                    const std::string& file, core::Diagnostics& diagnostics) {
  if (node == nullptr) return std::nullopt;
  std::string text;
  if (auto v = node->value<double>()) {
    text = core::format_number(*v);
  } else if (auto s = node->value<std::string>()) {
    text = *s;
  } else {
    diagnostics.error(toml_location(*node, file), key,
                      "expected a number (in " + unit + ") or a string with a unit");
    return std::nullopt;
  }
  const core::QuantityParse q = core::parse_quantity(text, unit, target_unit);
  if (!q.ok()) {
    diagnostics.error(toml_location(*node, file), key, "'" + text + "': " + q.error);
    return std::nullopt;
  }
  if (!std::isfinite(q.value)) {
    diagnostics.error(toml_location(*node, file), key, "'" + text + "' is not finite");
    return std::nullopt;
  }
  return q.value;
}

void report_unknown_name(const std::string& what, const std::string& name,
                         const std::vector<std::string>& candidates,
                         const core::SourceLocation& where, const std::string& key,
                         core::Diagnostics& diagnostics) {
  std::string message = "unknown " + what + " '" + name + "'";
  const std::string hint = core::closest_match(name, candidates);
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  diagnostics.error(where, key, message);
}

}  // namespace potline::io

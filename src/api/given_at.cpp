// Where a case's key was given (see given_at.hpp).
#include "potline/api/given_at.hpp"

#include <fstream>
#include <sstream>

#include "potline/io/toml_values.hpp"

namespace potline::api {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::optional<core::SourceLocation> given_at(const CaseSource& source, const std::string& key) {
  for (std::size_t i = source.sets.size(); i-- > 0;) {
    const std::string& text = source.sets[i];
    if (trimmed(text.substr(0, text.find('='))) == key) return core::SourceLocation{"--set #" + std::to_string(i + 1), 0, 0};
  }
  std::string text;
  if (source.text) {
    text = *source.text;
  } else if (!source.path.empty()) {
    std::ifstream in(source.path);
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  if (text.empty() || key.find('[') != std::string::npos) return std::nullopt;
  core::Diagnostics quiet;
  const std::optional<toml::table> table = io::parse_toml(text, source.name(), quiet);
  if (!table) return std::nullopt;
  const toml::node* node = table->at_path(key).node();
  if (node == nullptr || !node->is_value()) return std::nullopt;  // a key's value, not a table
  return io::toml_location(*node, source.name());
}

core::InputError placed_where_given(const core::InputError& e, const CaseSource& source) {
  core::Diagnostics placed;
  for (const core::Diagnostic& item : e.diagnostics().items()) {
    core::SourceLocation where = item.location;
    const bool unplaced = where.file.empty() || (where.file == source.name() && where.line == 0);
    if (unplaced && !item.key.empty())
      if (auto at = given_at(source, item.key)) where = *at;
    if (item.severity == core::Severity::kError) placed.error(where, item.key, item.message);
    else placed.warning(where, item.key, item.message);
  }
  return core::InputError(placed);
}

}  // namespace potline::api

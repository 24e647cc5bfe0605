#pragma once
// Every input schema the CLI knows, for `potline schema` and `potline template`.
// Add a module's schema here when it gains a case file.
#include <optional>
#include <vector>

#include "potline/io/schema.hpp"
#include "potline/io/schema_docs.hpp"

namespace potline::app {

struct NamedSchema {
  const io::Schema* schema;
  const char* command;  ///< the command that reads this kind of case file
  /// How `potline template NAME` writes a starter case; none for schemas that are not a whole case
  /// (smelter-potline: one [[potline]] table).
  std::optional<io::TemplateSpec> starter;
};

std::vector<NamedSchema> all_schemas();

}  // namespace potline::app

#pragma once
// Every input schema Potline knows, with the command that reads it: `potline schema`, `potline
// template` and the Python API's potline.schema() list the same schemas from here. Add a module's
// schema here when it gains a case file.
#include <optional>
#include <string>
#include <vector>

#include "potline/io/schema.hpp"
#include "potline/io/schema_docs.hpp"

namespace potline::api {

struct NamedSchema {
  const io::Schema* schema;
  const char* command;  ///< the command that reads this kind of case file
  /// How `potline template NAME` writes a starter case; none for schemas that are not a whole case
  /// (smelter-potline: one [[potline]] table).
  std::optional<io::TemplateSpec> starter;
};

std::vector<NamedSchema> all_schemas();

/// The schema called `name`, or all of them for an empty name; an unknown name is an input error
/// listing the schemas and naming the closest.
std::vector<NamedSchema> selected_schemas(const std::string& name);

}  // namespace potline::api

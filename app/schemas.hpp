#pragma once
// Every input schema the CLI knows, for `potline schema` and `potline template`.
// Add a module's schema here when it gains a case file.
#include <vector>

#include "potline/io/schema.hpp"

namespace potline::app {

struct NamedSchema {
  const io::Schema* schema;
  const char* command;  ///< the command that reads this kind of case file
};

std::vector<NamedSchema> all_schemas();

}  // namespace potline::app

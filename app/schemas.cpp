#include "schemas.hpp"

#include "potline/cell/cell_schema.hpp"

namespace potline::app {

std::vector<NamedSchema> all_schemas() {
  return {{&cell::cell_schema(), "potline cell CASE.toml"}};
}

}  // namespace potline::app

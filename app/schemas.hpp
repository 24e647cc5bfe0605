#pragma once
// The schemas of `potline schema` and `potline template` live in the library
// (potline/api/schemas.hpp).
#include "potline/api/schemas.hpp"

namespace potline::app {

using api::all_schemas;
using api::NamedSchema;

}  // namespace potline::app

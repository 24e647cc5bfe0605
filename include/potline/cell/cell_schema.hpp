#pragma once
// The schema catalogue of the cell case file ([case], [operation], [bath], [design], [model]).
#include "potline/io/schema.hpp"

namespace potline::cell {

/// Every field of a cell case. Built once; immutable.
const io::Schema& cell_schema();

}  // namespace potline::cell

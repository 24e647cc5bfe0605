#pragma once

#include "potline/cell/technology.hpp"

namespace potline::cell {

/// Whether a catalogue number is a bound its source gives ("< 13.0 MWh/t", "> 4.5 t/d") rather than
/// a measured or design figure.
enum class PublishedBound { kNone, kUpper, kLower };

/// Read from the value's note: data/technologies.toml writes "upper bound" / "lower bound" there
/// (its header's convention), the one place a bound is recorded.
PublishedBound published_bound(const PublishedValue& v);

}  // namespace potline::cell

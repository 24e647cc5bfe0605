#include "potline/cell/published_bound.hpp"

namespace potline::cell {

PublishedBound published_bound(const PublishedValue& v) {
  if (v.note.find("upper bound") != std::string::npos) return PublishedBound::kUpper;
  if (v.note.find("lower bound") != std::string::npos) return PublishedBound::kLower;
  return PublishedBound::kNone;
}

}  // namespace potline::cell

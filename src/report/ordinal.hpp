#pragma once
// English ordinals for the reports' "every 2nd of N events drawn" (user trial T18-7: "every 2th").
#include <cstddef>
#include <string>

namespace potline::report {

/// "1st", "2nd", "3rd", "4th", ..., "11th", "12th", "13th", "21st", "72nd", "111th".
inline std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100, ones = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

}  // namespace potline::report

// Numbers of the flex text output (see value_text.hpp).
#include "potline/flex/value_text.hpp"

#include <fmt/format.h>

namespace potline::flex {
namespace {

// A formatted number whose digits are all zero is zero: "-0", "-0.00" lose their minus sign
// ("+" in place of it when `sign` is set, else nothing).
std::string without_negative_zero(std::string text, bool sign) {
  if (text.find_first_not_of("+-0.") != std::string::npos || text.empty() || text.front() != '-')
    return text;
  return sign ? "+" + text.substr(1) : text.substr(1);
}

}  // namespace

std::string signed_text(double x, int decimals) {
  return without_negative_zero(fmt::format("{:+.{}f}", x, decimals), true);
}

std::string signed_text(const std::optional<double>& x, int decimals) {
  return x ? signed_text(*x, decimals) : std::string(kUndefinedText);
}

std::string fixed_text(const std::optional<double>& x, int decimals) {
  return x ? without_negative_zero(fmt::format("{:.{}f}", *x, decimals), false)
           : std::string(kUndefinedText);
}

}  // namespace potline::flex

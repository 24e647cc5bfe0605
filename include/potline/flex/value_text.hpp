#pragma once
// Numbers of the flex text output (T8-6): signed figures that never read "-0", and "–" for a
// figure that is undefined (a percentage of a zero base, a round trip with nothing shifted).
#include <optional>
#include <string>

namespace potline::flex {

/// The dash printed for an undefined figure (U+2013).
inline constexpr const char* kUndefinedText = "\u2013";

/// `x` with `decimals` decimals and its sign ("+1.50", "-2"); a value that rounds to zero is "+0"
/// (with its decimals), never "-0".
std::string signed_text(double x, int decimals);
/// As signed_text, or kUndefinedText when `x` is empty.
std::string signed_text(const std::optional<double>& x, int decimals);
/// `x` with `decimals` decimals and no forced sign ("0.829", never "-0.000"), or kUndefinedText.
std::string fixed_text(const std::optional<double>& x, int decimals);

}  // namespace potline::flex

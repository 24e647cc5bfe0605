#pragma once
// Small text utilities shared by the input layer: edit distance for "did you mean" hints.
#include <string>
#include <string_view>
#include <vector>

namespace potline::core {

/// Levenshtein edit distance (insertions, deletions, substitutions each cost 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate to `word`, if it is close enough to be a plausible typo
/// (distance <= max(2, |word|/3)), or the candidate that ends with ".word" (a missing section).
/// Empty when nothing is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Formats a double for messages: the shortest text that round-trips, no trailing zeros; fixed
/// notation for 1e-4 <= |value| < 1e15 ("600000", "0.045"), scientific otherwise ("1e-07").
std::string format_number(double value);

/// Formats a double for tables in fixed notation with `digits` significant digits, trailing zeros
/// dropped and never an exponent for |value| >= 1e-4: 1.5107e+08 prints "151069874" (a number of more
/// than `digits` integer digits keeps them all), 515.5555 prints "515.556"; smaller magnitudes print
/// in scientific notation ("1.2e-07"), as format_number does.
std::string format_significant(double value, int digits = 6);

}  // namespace potline::core

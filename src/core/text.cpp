#include "potline/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace potline::core {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// `word`'s letters appear in `name` in order, ignoring case ("chn" in "china"): an abbreviation.
bool abbreviates(std::string_view word, std::string_view name) {
  std::size_t at = 0;
  for (char c : name)
    if (at < word.size() && lower(word[at]) == lower(c)) ++at;
  return at == word.size();
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // No key, unit or name of the program is this long: a longer word (a pasted line, a fuzzed 1 MB key
  // that took 2.6 s here) gets no suggestion rather than a search proportional to its length.
  constexpr std::size_t kLongestSuggested = 256;
  if (word.size() > kLongestSuggested) return {};
  // A name that differs only in case is that name ("pfpb_modern" is 4 edits from PFPB_modern, T14-8).
  for (const auto& candidate : candidates)
    if (equal_ignoring_case(word, candidate)) return candidate;
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    // The edit distance is at least the difference in length: skip candidates that cannot win.
    const std::size_t length_gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                                  : candidate.size() - word.size();
    if (length_gap >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  // A name given without its variant ("PFPB" for PFPB_legacy / PFPB_modern) is closer to that
  // family than to a near-spelling of another (CWPB is 2 edits away): prefer the family.
  if (best_distance > 1 && !word.empty()) {
    for (const auto& candidate : candidates) {
      if (candidate.size() > word.size() + 1 && candidate.compare(0, word.size(), word) == 0 &&
          (candidate[word.size()] == '_' || candidate[word.size()] == '-')) {
        return candidate;
      }
    }
  }
  // Two edits of a word of three letters or fewer leave too little in common ("XYZ" -> "KAZ", T14-8),
  // unless the word abbreviates the name ("chn" -> "china").
  if (!best.empty() && word.size() <= 3 && best_distance >= 2 && !abbreviates(word, best)) best.clear();
  if (!best.empty()) return best;
  // A key given without its section ("acd" for "operation.acd"), or in the wrong section.
  const auto last_dot = word.rfind('.');
  const std::string_view leaf = last_dot == std::string_view::npos ? word : word.substr(last_dot + 1);
  for (const auto& candidate : candidates) {
    const auto dot = candidate.rfind('.');
    const std::string_view candidate_leaf =
        dot == std::string::npos ? std::string_view(candidate) : std::string_view(candidate).substr(dot + 1);
    if (candidate_leaf == leaf) return candidate;
  }
  return {};
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  // Plain to_chars picks whichever of fixed and scientific is shorter, which writes 600000 as
  // "6e+05". Messages read better in fixed notation for ordinary magnitudes, so use the
  // shortest round-trip fixed form for 1e-4 <= |value| < 1e15 and scientific otherwise.
  const double magnitude = std::fabs(value);
  const bool fixed = magnitude == 0.0 || (magnitude >= 1e-4 && magnitude < 1e15);
  char buffer[400];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                    fixed ? std::chars_format::fixed : std::chars_format::scientific);
  return std::string(buffer, result.ptr);
}

std::string format_significant(double value, int digits) {
  if (!std::isfinite(value) || value == 0.0) return format_number(value);
  const double magnitude = std::fabs(value);
  char buffer[400];
  if (magnitude < 1e-4) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
  }
  const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  const int decimals = std::max(0, digits - 1 - exponent);
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

}  // namespace potline::core

#pragma once
// Compares a documentation page's example output with what the program prints, to the page's
// rounding (docs/crossroads.md, docs/cli.md; test_crossroads.cpp, test_cli_docs_blocks.cpp): the
// text between the numbers must be the same (runs of blanks count as one) and each number must
// equal the printed one to within half a unit of the last digit the page writes. A line "..."
// stands for any number of printed lines.
#include <cmath>
#include <regex>
#include <string>
#include <vector>

namespace potline_cli_test::doc_line_match {

// A line cut into the text between numbers (blank runs collapsed, numbers replaced by '#') and
// the numbers as written.
struct Shape {
  std::string text;
  std::vector<std::string> numbers;
};

inline Shape shape_of(const std::string& line) {
  static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
  Shape s;
  std::string raw;
  std::size_t last = 0;
  for (auto it = std::sregex_iterator(line.begin(), line.end(), number);
       it != std::sregex_iterator(); ++it) {
    raw += line.substr(last, static_cast<std::size_t>(it->position()) - last) + "#";
    s.numbers.push_back(it->str());
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  raw += line.substr(last);
  bool blank = true;  // drops leading blanks
  for (const char ch : raw) {
    const bool is_blank = ch == ' ' || ch == '\t';
    if (is_blank && !blank) s.text += ' ';
    if (!is_blank) s.text += ch;
    blank = is_blank;
  }
  while (!s.text.empty() && s.text.back() == ' ') s.text.pop_back();
  return s;
}

// Half a unit of the last digit written in `shown` ("2344.3" → 0.05, "9.39e+08" → 5e5).
inline double half_unit(const std::string& shown) {
  const auto e = shown.find_first_of("eE");
  const std::string mantissa = shown.substr(0, e);
  const int exponent = e == std::string::npos ? 0 : std::stoi(shown.substr(e + 1));
  const auto dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  return 0.5 * std::pow(10.0, exponent - decimals);
}

inline bool same_to_rounding(const std::string& shown, double actual) {
  const double expected = std::stod(shown);
  return std::fabs(actual - expected) <= half_unit(shown) * (1 + 1e-9) + 1e-12;
}

inline bool line_matches(const std::string& expected, const std::string& printed) {
  const Shape e = shape_of(expected);
  const Shape p = shape_of(printed);
  if (e.text != p.text || e.numbers.size() != p.numbers.size()) return false;
  for (std::size_t i = 0; i < e.numbers.size(); ++i)
    if (!same_to_rounding(e.numbers[i], std::stod(p.numbers[i]))) return false;
  return true;
}

inline bool is_skip(const std::string& line) {
  return line == "...";
}

// Matches the block's lines against the printed ones: lines between "..." markers must appear
// consecutively and in order; without a leading (trailing) "..." the block must start (end) with
// the output. Returns an empty string or what did not match.
inline std::string match_block(const std::vector<std::string>& expected,
                               const std::vector<std::string>& printed) {
  std::vector<std::vector<std::string>> segments(1);
  for (const auto& line : expected) {
    if (is_skip(line))
      segments.emplace_back();
    else
      segments.back().push_back(line);
  }
  const bool open_start = !expected.empty() && is_skip(expected.front());
  const bool open_end = !expected.empty() && is_skip(expected.back());
  std::size_t pos = 0;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const auto& seg = segments[s];
    if (seg.empty()) continue;
    auto fits_at = [&](std::size_t at) {
      if (at + seg.size() > printed.size()) return false;
      for (std::size_t k = 0; k < seg.size(); ++k)
        if (!line_matches(seg[k], printed[at + k])) return false;
      return true;
    };
    std::size_t at = pos;
    if (s == 0 && !open_start) {
      if (!fits_at(0)) return "the output does not start with:\n  " + seg.front();
    } else {
      while (at < printed.size() && !fits_at(at)) ++at;
      if (at >= printed.size())
        return "not printed (in this order, to the page's rounding):\n  " + seg.front();
    }
    pos = at + seg.size();
  }
  if (!open_end && pos != printed.size())
    return "the program prints more lines than the page shows (end the block with '...'):\n  " +
           printed[pos];
  return "";
}

}  // namespace potline_cli_test::doc_line_match

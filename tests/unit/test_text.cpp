// Unit tests for core/text: edit distance, "did you mean" matching, number formatting.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "potline/cell/cell_schema.hpp"
#include "potline/core/text.hpp"

namespace test_text {

namespace pc = potline::core;

TEST(EditDistance, ClassicExamples) {
  EXPECT_EQ(pc::edit_distance("kitten", "sitting"), 3u);  // k->s, e->i, +g
  EXPECT_EQ(pc::edit_distance("flaw", "lawn"), 2u);       // -f, +n
  EXPECT_EQ(pc::edit_distance("intention", "execution"), 5u);
}

TEST(EditDistance, EmptyAndIdentical) {
  EXPECT_EQ(pc::edit_distance("", ""), 0u);
  EXPECT_EQ(pc::edit_distance("", "abc"), 3u);
  EXPECT_EQ(pc::edit_distance("abc", ""), 3u);
  EXPECT_EQ(pc::edit_distance("operation.acd", "operation.acd"), 0u);
}

TEST(EditDistance, SingleEdits) {
  EXPECT_EQ(pc::edit_distance("acd", "acdd"), 1u);  // insertion
  EXPECT_EQ(pc::edit_distance("acdd", "acd"), 1u);  // deletion
  EXPECT_EQ(pc::edit_distance("acd", "abd"), 1u);   // substitution
  EXPECT_EQ(pc::edit_distance("ab", "ba"), 2u);     // a transposition costs two
}

TEST(EditDistance, IsSymmetric) {
  const std::vector<std::string> words{"", "a", "cm", "cmm", "operation.acd", "operaton.acd", "kA"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(pc::edit_distance(a, b), pc::edit_distance(b, a)) << a << " / " << b;
    }
  }
}

TEST(ClosestMatch, TypoInTheCellSchema) {
  const auto keys = potline::cell::cell_schema().keys();
  EXPECT_EQ(pc::closest_match("operaton.acd", keys), "operation.acd");
  EXPECT_EQ(pc::closest_match("operation.acdd", keys), "operation.acd");
  EXPECT_EQ(pc::closest_match("bath.alumnia", keys), "bath.alumina");
  EXPECT_EQ(pc::closest_match("design.anode_cout", keys), "design.anode_count");
}

TEST(ClosestMatch, MissingSection) {
  const auto keys = potline::cell::cell_schema().keys();
  EXPECT_EQ(pc::closest_match("acd", keys), "operation.acd");
  EXPECT_EQ(pc::closest_match("line_current", keys), "operation.line_current");
  // In the wrong section: the leaf still finds it.
  EXPECT_EQ(pc::closest_match("bath.acd", keys), "operation.acd");
}

TEST(ClosestMatch, NothingCloseGivesEmpty) {
  const auto keys = potline::cell::cell_schema().keys();
  EXPECT_EQ(pc::closest_match("zzzz", keys), "");
  EXPECT_EQ(pc::closest_match("acd", {}), "");
}

// T14-8: a case-only difference is the name (4 edits for "pfpb_modern"); a short word two edits from
// its best match shares too little with it, unless it abbreviates it.
TEST(ClosestMatch, CaseSlipsAndShortWords) {
  EXPECT_EQ(pc::closest_match("pfpb_modern", {"CWPB", "PFPB_legacy", "PFPB_modern"}), "PFPB_modern");
  EXPECT_EQ(pc::closest_match("XYZ", {"KAZ", "USA", "CHN"}), "");
  EXPECT_EQ(pc::closest_match("chn", {"china", "canada"}), "china");
  EXPECT_EQ(pc::closest_match("CAN", {"CAN", "USA"}), "CAN");
  EXPECT_EQ(pc::closest_match("usaa", {"usa", "canada"}), "usa");
}

TEST(ClosestMatch, ThresholdIsMaxOfTwoAndAThirdOfTheLength) {
  // |word| = 9: up to 3 edits.
  EXPECT_EQ(pc::closest_match("abcdefxyz", {"abcdefghi"}), "abcdefghi");
  EXPECT_EQ(pc::closest_match("abcdewxyz", {"abcdefghi"}), "");
  // Short words: up to 2 edits.
  EXPECT_EQ(pc::closest_match("ab", {"abcd"}), "abcd");
  EXPECT_EQ(pc::closest_match("ab", {"abcde"}), "");
}

TEST(ClosestMatch, BestCandidateWinsAndTiesGoToTheFirst) {
  EXPECT_EQ(pc::closest_match("hives1969", {"wang1992", "hives1996"}), "hives1996");
  EXPECT_EQ(pc::closest_match("abx", {"aby", "abz"}), "aby");
  EXPECT_EQ(pc::closest_match("abcd", {"abxy", "abcx"}), "abcx");  // 1 edit beats 2
}

TEST(FormatNumber, ShortestText) {
  EXPECT_EQ(pc::format_number(0.1), "0.1");
  EXPECT_EQ(pc::format_number(4.5), "4.5");
  EXPECT_EQ(pc::format_number(600000.0), "600000");
  EXPECT_EQ(pc::format_number(2000.0), "2000");
  EXPECT_EQ(pc::format_number(0.0), "0");
  EXPECT_EQ(pc::format_number(-3.25), "-3.25");
  EXPECT_EQ(pc::format_number(1233.15), "1233.15");
  EXPECT_EQ(pc::format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(pc::format_number(1e-7), "1e-07");
  EXPECT_EQ(pc::format_number(1e300), "1e+300");
}

// --vary tables printed "npv_usd 1.5107e+08" (user trial T11-13): fixed notation, 6 significant digits.
TEST(FormatSignificant, FixedNotationNoExponent) {
  EXPECT_EQ(pc::format_significant(151069874.4), "151069874");
  EXPECT_EQ(pc::format_significant(-359045123.0), "-359045123");
  EXPECT_EQ(pc::format_significant(515.5555555556), "515.556");
  EXPECT_EQ(pc::format_significant(14.62), "14.62");
  EXPECT_EQ(pc::format_significant(999.99996), "1000");
  EXPECT_EQ(pc::format_significant(0.000123456789), "0.000123457");
  EXPECT_EQ(pc::format_significant(-0.0000001), "-1e-07");
  EXPECT_EQ(pc::format_significant(0.0), "0");
  EXPECT_EQ(pc::format_significant(-0.0000004, 6), "-4e-07");
  EXPECT_EQ(pc::format_significant(2.0, 4), "2");
}

TEST(FormatNumber, NonFinite) {
  EXPECT_EQ(pc::format_number(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(pc::format_number(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(pc::format_number(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(FormatNumber, RoundTripsExactly) {
  const std::vector<double> values{0.1,      1.0 / 3.0, 2.0 / 3.0, 1233.15,  0.045,
                                   8500.0,   4.86e7,    -273.15,   DBL_MAX,  DBL_MIN,
                                   DBL_TRUE_MIN, 1e-300, 123456789.123456789, -0.0};
  for (const double x : values) {
    const std::string text = pc::format_number(x);
    const double back = std::strtod(text.c_str(), nullptr);
    EXPECT_EQ(back, x) << text;
    EXPECT_EQ(std::signbit(back), std::signbit(x)) << text;
  }
}
}  // namespace test_text

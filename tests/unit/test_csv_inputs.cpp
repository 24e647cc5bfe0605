// Every CSV input goes through io::parse_csv (issue 9 parts 3 and 6): a UTF-8 byte-order mark, CRLF
// line ends and quoted fields are accepted by the current/power schedule and the smelter dataset
// alike, and malformed quoting is reported at file:line:col.
#include <gtest/gtest.h>

#include <string>

#include "potline/fleet/dataset.hpp"
#include "potline/potline/schedule.hpp"

namespace test_csv_inputs {

using namespace potline;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHeader =
    "id,name,country,region,province,lat,lon,owner,capacity_kt_per_year,status,commissioning_year,technology,"
    "technology_inferred,line_current_kA,power_source,employees,aggregate,source";

TEST(csv_inputs, ScheduleAcceptsBomCrlfAndQuotes) {
  core::Diagnostics d;
  line::CurrentSchedule s(400e3);
  ASSERT_TRUE(s.read_csv_text(kBom + "time [h],current [kA]\r\n0,400\r\n1,\"380\"\r\n", "s.csv", d)) << d.to_string();
  EXPECT_DOUBLE_EQ(s.current_at(1800.0), 400e3);
  EXPECT_DOUBLE_EQ(s.current_at(3600.0), 380e3);
}

TEST(csv_inputs, ScheduleReportsUnterminatedQuoteAtItsPlace) {
  core::Diagnostics d;
  line::CurrentSchedule s(400e3);
  EXPECT_FALSE(s.read_csv_text("time [h],current [kA]\n0,400\n1,\"380\n", "s.csv", d));
  EXPECT_NE(d.to_string().find("s.csv:3:3: error: unterminated quoted field"), std::string::npos) << d.to_string();
}

TEST(csv_inputs, SmelterDatasetAcceptsBomAndCrlf) {
  core::Diagnostics d;
  const auto rows = fleet::parse_smelters(
      kBom + "# comment\r\n" + kHeader + "\r\na,\"A \"\"quoted\"\", Inc.\",CAN,canada,,,,x,233,operating,,,false,,hydro,,false,s\r\n",
      "smelters.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();  // before: 11 column errors from the BOM
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "A \"quoted\", Inc.");
  EXPECT_EQ(rows[0].source, "s");  // no CR left at the end of the last field
}

TEST(csv_inputs, SmelterDatasetReportsTextAfterAClosingQuote) {
  core::Diagnostics d;
  fleet::parse_smelters(kHeader + "\na,\"A\"x,CAN,canada,,,,x,233,operating,,,false,,hydro,,false,s\n", "smelters.csv", d);
  EXPECT_NE(d.to_string().find("smelters.csv:2:6: error: text after a closing quote"), std::string::npos)
      << d.to_string();
}

}  // namespace
}  // namespace test_csv_inputs

// Unit tests for the one CSV writer/reader (io/csv) and the one file reader (io/text_file).
// Error tests assert the full diagnostic text, location included.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"

namespace test_io_csv {

namespace io = potline::io;
namespace pc = potline::core;

namespace {

std::vector<std::vector<std::string>> texts(const std::vector<io::CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : records) {
    out.emplace_back();
    for (const auto& f : r.fields) out.back().push_back(f.text);
  }
  return out;
}

TEST(CsvWriter, QuotesOnlyCellsThatNeedItAndDoublesQuotes) {
  EXPECT_EQ(io::csv_cell("plain text"), "plain text");
  EXPECT_EQ(io::csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(io::csv_cell("x,\"y\""), "\"x,\"\"y\"\"\"");
  EXPECT_EQ(io::csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(io::csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(io::csv_cell("cr\r"), "\"cr\r\"");
  EXPECT_EQ(io::csv_cell(""), "");
  EXPECT_EQ(io::csv_row({"Key", "a,b", "1.5"}), "Key,\"a,b\",1.5\n");
}

TEST(CsvReader, RoundTripsWhatTheWriterWrites) {
  const std::vector<std::string> cells = {"x,\"y\"", "", "two\nlines", "  padded  ", "\"", "plain"};
  pc::Diagnostics d;
  const auto records = io::parse_csv(io::csv_row(cells) + io::csv_row({"a", "b"}), "t.csv", d,
                                     {.skip_comments = true, .trim_unquoted = false});
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(texts(records)[0], cells);
  EXPECT_EQ(records[1].line, 3);  // the quoted line break moves the next record to line 3
}

TEST(CsvReader, AcceptsBomCrlfCommentsAndBlankLines) {
  pc::Diagnostics d;
  const auto records = io::parse_csv("\xEF\xBB\xBFtime [h],current [kA]\r\n# comment\r\n\r\n 0 , 400\r\n12,\"380\"\r\n",
                                     "s.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(texts(records)[0], (std::vector<std::string>{"time [h]", "current [kA]"}));
  EXPECT_EQ(texts(records)[1], (std::vector<std::string>{"0", "400"}));
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[1].fields[1].column, 6);  // the first non-blank character
  EXPECT_EQ(texts(records)[2], (std::vector<std::string>{"12", "380"}));
  EXPECT_TRUE(records[2].fields[1].quoted);
  EXPECT_EQ(records[0].fields[0].column, 1);  // the BOM is not a column
}

TEST(CsvReader, UnterminatedQuoteIsLocated) {
  pc::Diagnostics d;
  const auto records = io::parse_csv("a,b\n1,\"open\n2,3\n", "t.csv", d);
  EXPECT_EQ(d.to_string(), "t.csv:2:3: error: unterminated quoted field: a '\"' opened here is never closed\n");
  EXPECT_EQ(records.size(), 1u);
}

TEST(CsvReader, TextAfterClosingQuoteIsLocated) {
  pc::Diagnostics d;
  const auto records = io::parse_csv("a,b\n\"x\"y,2\n3,4\n", "t.csv", d);
  EXPECT_EQ(d.to_string(),
            "t.csv:2:4: error: text after a closing quote: write a quote inside a quoted field as two quotes (\"\")\n");
  EXPECT_EQ(texts(records), (std::vector<std::vector<std::string>>{{"a", "b"}, {"3", "4"}}));
}

TEST(CsvReader, EmptyFieldsAndTrailingComma) {
  pc::Diagnostics d;
  const auto records = io::parse_csv("a,,c,\n", "t.csv", d);
  EXPECT_EQ(texts(records), (std::vector<std::vector<std::string>>{{"a", "", "c", ""}}));
  EXPECT_EQ(records[0].fields[3].column, 6);
}

class TextFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("potline-textfile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::permissions(dir / "locked.toml", std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(dir, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::filesystem::path dir;
};

TEST_F(TextFile, StripsBom) {
  pc::Diagnostics d;
  const auto text = io::read_text_file(write("bom.toml", "\xEF\xBB\xBFkey = 1\n"), "the case file", d);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "key = 1\n");
}

TEST_F(TextFile, MissingFileSaysNoSuchFile) {
  pc::Diagnostics d;
  const std::string path = (dir / "missing.toml").string();
  EXPECT_FALSE(io::read_text_file(path, "the case file", d));
  EXPECT_EQ(d.to_string(), path + ": error: cannot read the case file: no such file\n");
}

TEST_F(TextFile, DirectorySaysIsADirectory) {
  pc::Diagnostics d;
  EXPECT_FALSE(io::read_text_file(dir.string(), "the case file", d));
  EXPECT_EQ(d.to_string(), dir.string() + ": error: cannot read the case file: is a directory\n");
}

TEST_F(TextFile, UnreadableFileSaysPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  const std::string path = write("locked.toml", "x = 1\n");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  pc::Diagnostics d;
  EXPECT_FALSE(io::read_text_file(path, "the case file", d));
  EXPECT_EQ(d.to_string(), path + ": error: cannot read the case file: permission denied\n");
}

TEST_F(TextFile, ErrorAtAReferringKeyNamesThePath) {
  pc::Diagnostics d;
  const std::string path = (dir / "none.csv").string();
  EXPECT_FALSE(io::read_text_file(path, "the current schedule", d, "potline.current_csv", {"case.toml", 4, 15}));
  EXPECT_EQ(d.to_string(), "case.toml:4:15: error: 'potline.current_csv': cannot read the current schedule '" + path +
                               "': no such file\n");
}

}  // namespace
}  // namespace test_io_csv

// docs/validation.md opens with a summary that counts its comparison rows by verdict. A row added
// to a table without a recount leaves the summary short (it counted 214 of 218 rows until
// 2026-12-07: W26–W29 were missing), and a reader takes the summary as the whole. These checks
// are bookkeeping on the document, not validation of the model: every row id in the tables is
// counted once, the "all" row equals that count, and each section's verdict columns add up to its
// rows.
#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace test_validation_summary {

namespace {

std::string read_validation_page() {
  std::ifstream in(std::string(POTLINE_SOURCE_DIR) + "/docs/validation.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The cells of a Markdown table row, trimmed, without the outer pipes.
std::vector<std::string> table_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line.substr(1));
  std::string cell;
  while (std::getline(stream, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return cells;
}

int summary_number(const std::string& cell) {
  std::string digits;
  for (const char c : cell) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits.empty() ? -1 : std::stoi(digits);
}

struct SummaryTable {
  std::vector<std::vector<int>> sections;  // rows, then the seven verdict columns, then qualified
  std::vector<int> all;
};

// The summary table: the first table whose header starts "| section (rows) | rows |".
SummaryTable summary_table(const std::string& page) {
  SummaryTable table;
  std::stringstream lines(page);
  std::string line;
  bool inside = false;
  while (std::getline(lines, line)) {
    if (line.rfind("| section (rows) | rows |", 0) == 0) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.empty() || line[0] != '|') break;
    if (line.rfind("|---", 0) == 0) continue;
    const auto cells = table_cells(line);
    std::vector<int> numbers;
    for (std::size_t i = 1; i < cells.size(); ++i) numbers.push_back(summary_number(cells[i]));
    if (cells[0].find("**all**") != std::string::npos) {
      table.all = numbers;
    } else {
      table.sections.push_back(numbers);
    }
  }
  return table;
}

// Row ids of the comparison tables: "| [W26](#w26) |" or "| E13 |" at the start of a row.
std::set<std::string> row_ids(const std::string& page) {
  const std::regex row_start(R"(^\| \[?((?:TC|CC|CE|[WECDFSNP])[0-9]+b?)\]?(?:\(#[^)]*\))? \|)");
  std::set<std::string> ids;
  std::stringstream lines(page);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_search(line, match, row_start)) ids.insert(match[1]);
  }
  return ids;
}

}  // namespace

TEST(ValidationSummary, TheAllRowCountsEveryRowOfTheTables) {
  const auto page = read_validation_page();
  const auto table = summary_table(page);
  ASSERT_FALSE(table.all.empty()) << "no **all** row in the summary table";
  EXPECT_EQ(table.all[0], static_cast<int>(row_ids(page).size()));
}

TEST(ValidationSummary, SectionsAddUpToTheAllRow) {
  const auto table = summary_table(read_validation_page());
  ASSERT_FALSE(table.sections.empty());
  ASSERT_EQ(table.all.size(), 9U);
  for (std::size_t column = 0; column < table.all.size(); ++column) {
    int sum = 0;
    for (const auto& section : table.sections) sum += section.at(column);
    EXPECT_EQ(sum, table.all[column]) << "summary column " << column;
  }
}

TEST(ValidationSummary, EachSectionsVerdictsAddUpToItsRows) {
  const auto table = summary_table(read_validation_page());
  for (const auto& section : table.sections) {
    ASSERT_EQ(section.size(), 9U);
    const int verdicts = std::accumulate(section.begin() + 1, section.begin() + 8, 0);
    EXPECT_EQ(verdicts, section[0]) << "a section of " << section[0] << " rows";
  }
}

}  // namespace test_validation_summary

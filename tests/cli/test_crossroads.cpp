// docs/crossroads.md runs the quantitative claims of the seed paper ([Wang et al. 2025]) through
// Potline and states what the program prints. This test keeps that page from drifting:
//
// * Every fenced block of docs/crossroads.md whose first line is "$ build/potline ARGS" is run (from
//   the repository root, arguments split on blanks with '...' or "..." quoting, no shell). Its other
//   lines are compared with what the program prints on stdout, line by line: the text between the
//   numbers must be the same (runs of blanks count as one), and each number must equal the printed
//   one to within half a unit of the last digit the page writes (the page's rounding is the
//   tolerance). A line "..." stands for any number of printed lines (so a block can show the lines
//   a claim needs and skip the rest).
// * The figures the page takes from a run folder's CSV (a sum or a production-weighted mean over
//   some smelters of cost_curve.csv) are listed in kCsvFigures below: each is recomputed from a
//   fresh run and must equal the value the page shows under its claim, to the page's rounding.
// * The verdict counts in the page's summary equal the verdicts of its claims.
//
// The whole test runs in a few seconds: only cell, smelter, invest and fleet cases and short
// single-cell simulations (no potline-year).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"
#include "doc_line_match.hpp"

namespace potline_cli_test::test_crossroads {

namespace {

using doc_line_match::line_matches;
using doc_line_match::match_block;
using doc_line_match::same_to_rounding;

const std::string kPrompt = "$ build/potline ";

struct DocBlock {
  int claim = 0;                      // the number of the "### N." heading above the block
  std::size_t line = 0;               // line of the "$ build/potline" command in the page
  std::string command;                // the command line as written
  std::vector<std::string> args;      // argv[1..]
  std::vector<std::string> expected;  // the block's other lines; "..." skips printed lines
};

std::vector<std::string> page_lines() {
  std::ifstream in(source_dir() / "docs" / "crossroads.md");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The claim number of a heading "### 12. ...", or 0 for any other line.
int claim_heading(const std::string& line) {
  static const std::regex heading(R"(^### (\d+)\. )");
  std::smatch m;
  return std::regex_search(line, m, heading) ? std::stoi(m[1].str()) : 0;
}

std::vector<DocBlock> doc_blocks() {
  const auto lines = page_lines();
  std::vector<DocBlock> blocks;
  int claim = 0;
  bool in_fence = false;
  bool in_block = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("```", 0) == 0) {
      in_fence = !in_fence;
      in_block = false;
      if (in_fence && i + 1 < lines.size() && lines[i + 1].rfind(kPrompt, 0) == 0) {
        DocBlock b;
        b.claim = claim;
        b.line = i + 2;
        b.command = lines[i + 1].substr(2);
        b.args = split_words(lines[i + 1].substr(kPrompt.size()));
        blocks.push_back(b);
        in_block = true;
        ++i;  // the command line itself
      }
      continue;
    }
    if (!in_fence) {
      if (const int n = claim_heading(line); n > 0) claim = n;
      continue;
    }
    if (in_block) blocks.back().expected.push_back(line);
  }
  return blocks;
}

// The text of claim `claim`: from its heading to the next "## " or "### " heading.
std::string claim_text(int claim) {
  std::string text;
  bool inside = false;
  for (const auto& line : page_lines()) {
    if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) inside = claim_heading(line) == claim;
    if (inside) text += line + "\n";
  }
  return text;
}

using CsvRow = std::map<std::string, std::string>;

std::vector<CsvRow> read_csv(const std::filesystem::path& p) {
  const auto lines = lines_of(read_file(p));
  std::vector<CsvRow> rows;
  if (lines.empty()) return rows;
  const auto header = csv_cells(lines.front());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = csv_cells(lines[i]);
    CsvRow row;
    for (std::size_t k = 0; k < header.size() && k < fields.size(); ++k) row[header[k]] = fields[k];
    rows.push_back(row);
  }
  return rows;
}

// A figure the page takes from a run folder's CSV.
struct CsvFigure {
  int claim;              // the claim whose text shows it
  const char* run;        // the command as the page writes it, before "--out DIR"
  const char* file;       // in the run folder
  const char* filter;     // "column=value" (exact) or "column$=suffix", several joined by ';'; "" keeps every row
  const char* column;     // summed, or averaged weighted by production_kt_per_year
  bool weighted_mean;
  const char* shown;      // the value as the page writes it
};

// clang-format off
const std::vector<CsvFigure> kCsvFigures = {
    // 6. the US smelters that run without the Section 232 tariff
    {6, "fleet examples/us-tariff-50.toml --set \"tariff[0].rate=0\"", "cost_curve.csv", "id=us-warrick", "production_kt_per_year", false, "107.4"},
    {6, "fleet examples/us-tariff-50.toml --set \"tariff[0].rate=0\"", "cost_curve.csv", "id=us-massena-west", "production_kt_per_year", false, "130"},
    // 14. coal's share of the electricity of Chinese aluminium
    {14, "fleet examples/world-2024.toml", "cost_curve.csv", "region=china", "production_kt_per_year", false, "43533"},
    {14, "fleet examples/world-2024.toml", "cost_curve.csv", "region=china;power_origin$=power.captive_coal", "production_kt_per_year", false, "19590"},
    {14, "fleet examples/world-2024.toml", "cost_curve.csv", "region=china;power_origin$=power.hydro", "production_kt_per_year", false, "5659"},
    // 15. Yunnan hydro metal against Quebec, Norway and Iceland
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "province=Yunnan", "co2e_t_per_t", true, "2.10"},
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "province=Yunnan", "direct_co2e_t_per_t", true, "2.10"},
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "province=Xinjiang", "co2e_t_per_t", true, "15.2"},
    {15, "fleet examples/world-2024.toml --set fleet.china_pfc=top_down", "cost_curve.csv", "province=Yunnan", "co2e_t_per_t", true, "3.33"},
    {15, "fleet examples/world-2024.toml --set fleet.china_pfc=top_down", "cost_curve.csv", "province=Xinjiang", "co2e_t_per_t", true, "16.4"},
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "province=Quebec", "co2e_t_per_t", true, "1.95"},
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "country=NOR", "co2e_t_per_t", true, "2.01"},
    {15, "fleet examples/world-2024.toml", "cost_curve.csv", "country=ISL", "co2e_t_per_t", true, "1.95"},
    // 23. Xinjiang's share of Chinese and world output
    {23, "fleet examples/world-2024.toml", "cost_curve.csv", "province=Xinjiang", "production_kt_per_year", false, "7143"},
    {23, "fleet examples/world-2024.toml", "cost_curve.csv", "region=china", "production_kt_per_year", false, "43533"},
    {23, "fleet examples/world-2024.toml", "cost_curve.csv", "", "production_kt_per_year", false, "72652"},
};
// clang-format on

bool keeps_one(const CsvRow& row, const std::string& filter) {
  if (filter.empty()) return true;
  if (const auto at = filter.find("$="); at != std::string::npos) {
    const std::string column = filter.substr(0, at);
    const std::string suffix = filter.substr(at + 2);
    const std::string& v = row.count(column) ? row.at(column) : std::string();
    return v.size() >= suffix.size() && v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  const auto at = filter.find('=');
  const std::string column = filter.substr(0, at);
  return row.count(column) && row.at(column) == filter.substr(at + 1);
}

// `filter`: conditions separated by ';', all of which must hold.
bool keeps(const CsvRow& row, const std::string& filter) {
  std::size_t start = 0;
  for (auto end = filter.find(';'); ; end = filter.find(';', start)) {
    if (!keeps_one(row, filter.substr(start, end == std::string::npos ? std::string::npos : end - start))) return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

// Runs `body` with the repository root as the working directory (the page's paths are relative).
template <class F>
void from_repository_root(F body) {
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(source_dir());
  body();
  std::filesystem::current_path(cwd);
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(Crossroads, PageShowsEnoughClaimsEachWithACommandAndAVerdict) {
  const auto blocks = doc_blocks();
  ASSERT_GE(blocks.size(), 15u) << "docs/crossroads.md should show the commands that compute the claims";
  int claims = 0;
  for (const auto& line : page_lines()) claims = std::max(claims, claim_heading(line));
  EXPECT_GE(claims, 15) << "the brief: 15-25 claims";
  for (int c = 1; c <= claims; ++c) {
    const std::string text = claim_text(c);
    ASSERT_FALSE(text.empty()) << "claim " << c << " is missing (claims are numbered 1, 2, ...)";
    EXPECT_EQ(count_of(text, "**Verdict: "), 1u) << "claim " << c << " needs exactly one '**Verdict: ...' line";
    EXPECT_EQ(count_of(text, "[Wang et al. 2025]"), 0u) << "claim " << c << ": the page cites the paper once, at the top";
  }
  for (const auto& b : blocks) {
    EXPECT_GT(b.claim, 0) << "docs/crossroads.md:" << b.line << " sits under no claim";
    EXPECT_FALSE(b.expected.empty()) << "docs/crossroads.md:" << b.line << " shows no output";
  }
}

TEST(Crossroads, SummaryCountsTheVerdicts) {
  std::string page;
  for (const auto& line : page_lines()) page += line + "\n";
  const std::size_t agree = count_of(page, "**Verdict: agrees");
  const std::size_t differ = count_of(page, "**Verdict: differs");
  const std::size_t missing = count_of(page, "**Verdict: not computable yet");
  EXPECT_EQ(agree + differ + missing, count_of(page, "**Verdict: ")) << "a verdict is agrees / differs / not computable yet";
  const std::string summary = "Verdicts: " + std::to_string(agree) + " agree, " + std::to_string(differ) + " differ, " +
                              std::to_string(missing) + " not computable yet.";
  EXPECT_NE(page.find(summary), std::string::npos) << "the page's summary should read: " << summary;
}

TEST(Crossroads, EveryCommandPrintsWhatThePageShows) {
  from_repository_root([] {
    for (const auto& b : doc_blocks()) {
      SCOPED_TRACE("docs/crossroads.md:" + std::to_string(b.line) + " (claim " + std::to_string(b.claim) + "): " +
                   b.command);
      const RunResult r = run_program(potline_bin(), b.args);
      ASSERT_EQ(r.exit_code, 0) << r.describe();
      const std::string mismatch = match_block(b.expected, lines_of(r.out));
      EXPECT_TRUE(mismatch.empty()) << mismatch << "\n--- printed ---\n"
                                    << r.out << "the page shows what the program no longer prints: rerun the "
                                    << "command, update docs/crossroads.md and recheck the claim's verdict";
    }
  });
}

TEST(Crossroads, FiguresFromRunFoldersMatchThePage) {
  from_repository_root([] {
    std::map<std::string, std::filesystem::path> folders;  // one run per distinct command
    std::vector<std::unique_ptr<TempDir>> keep;
    for (const auto& f : kCsvFigures) {
      SCOPED_TRACE(std::string("claim ") + std::to_string(f.claim) + ": " + f.run + " --out DIR; " + f.file + " " +
                   f.filter + " " + f.column);
      if (!folders.count(f.run)) {
        keep.push_back(std::make_unique<TempDir>());
        const auto dir = keep.back()->path() / "run";
        auto args = split_words(f.run);
        args.push_back("--out");
        args.push_back(dir.string());
        const RunResult r = run_program(potline_bin(), args);
        ASSERT_EQ(r.exit_code, 0) << r.describe();
        folders[f.run] = dir;
      }
      double sum = 0;
      double weight = 0;
      for (const auto& row : read_csv(folders[f.run] / f.file)) {
        if (!keeps(row, f.filter)) continue;
        const double w = f.weighted_mean ? std::stod(row.at("production_kt_per_year")) : 1.0;
        sum += w * std::stod(row.at(f.column));
        weight += w;
      }
      ASSERT_GT(weight, 0) << "no row kept";
      const double value = f.weighted_mean ? sum / weight : sum;
      EXPECT_TRUE(same_to_rounding(f.shown, value)) << "Potline now gives " << value << ", the page shows " << f.shown;
      const std::string text = claim_text(f.claim);
      EXPECT_NE(text.find(f.shown), std::string::npos) << "claim " << f.claim << " does not show " << f.shown;
      EXPECT_NE(text.find(std::string("build/potline ") + f.run), std::string::npos)
          << "claim " << f.claim << " does not show the command";
    }
  });
}

namespace {

// A figure of the summary table at the end of the page ("Differences, and how to reproduce them"),
// checked against a run so the row cannot go stale while the claim's body is updated (user trial
// T14-5: claim 21's row kept "loses 358 MUSD" and "≈ 1,420 USD per t/yr" after the body moved to 392).
struct TableFigure {
  int claim;           // the row "| N | ..."
  const char* before;  // the row's text right before the number
  const char* run;     // the command (with --json)
  const char* key;     // a JSON pointer into its output; with `crossing`, the --vary output whose zero is found
  double scale;        // the page shows value * scale
  bool crossing;       // the --vary value (its leading number) at which `key` changes sign, interpolated
  double tolerance;    // 0: the page's rounding; else this (a figure the page gives as "≈")
};

// clang-format off
const std::vector<TableFigure> kTableFigures = {
    {21, "loses ", "invest examples/invest-ap60-retrofit.toml --json", "/incremental_npv_usd", -1e-6, false, 0},
    {21, "pays above ", "invest examples/invest-ap60-retrofit.toml --json", "/incremental_breakeven_power_usd_per_MWh", 1, false, 0},
    // Linear in the capital cost: the interpolation between the grid's points is the crossing (1,271.9).
    {21, "below ≈ ", "invest examples/invest-ap60-retrofit.toml --vary \"investment.capex=1000:3000:500 USD/t\" "
                     "--outputs incremental_npv_usd --json", "incremental_npv_usd", 1, true, 5},
};
// clang-format on

// The number the row of claim `claim` shows right after `before` (thousands commas dropped).
std::string table_number(int claim, const std::string& before) {
  const std::string start = "| " + std::to_string(claim) + " |";
  for (const auto& line : page_lines()) {
    if (line.rfind(start, 0) != 0) continue;
    const auto at = line.find(before);
    if (at == std::string::npos) return "";
    std::string number;
    for (std::size_t i = at + before.size(); i < line.size(); ++i) {
      const char ch = line[i];
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || (ch == '-' && number.empty())) {
        number += ch;
      } else if (ch != ',' || number.empty()) {
        break;
      }
    }
    while (!number.empty() && number.back() == '.') number.pop_back();
    return number;
  }
  return "";
}

// The --vary value at which `output` changes sign, linear between the two rows around it.
std::optional<double> zero_crossing(const Json& vary, const std::string& output) {
  const Json& rows = vary.at("rows");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const double x0 = std::stod(rows[i - 1].at("value").get<std::string>());
    const double x1 = std::stod(rows[i].at("value").get<std::string>());
    const double y0 = rows[i - 1].at("outputs").at(output).get<double>();
    const double y1 = rows[i].at("outputs").at(output).get<double>();
    if ((y0 > 0) != (y1 > 0)) return x0 + (x1 - x0) * y0 / (y0 - y1);
  }
  return std::nullopt;
}

}  // namespace

TEST(Crossroads, SummaryTableRowsMatchTheRuns) {
  from_repository_root([] {
    for (const auto& f : kTableFigures) {
      SCOPED_TRACE(std::string("summary table, claim ") + std::to_string(f.claim) + ", after \"" + f.before + "\": " + f.run);
      const std::string shown = table_number(f.claim, f.before);
      ASSERT_FALSE(shown.empty()) << "the row of claim " << f.claim << " shows no number after \"" << f.before << "\"";
      const RunResult r = run_program(potline_bin(), split_words(f.run));
      ASSERT_EQ(r.exit_code, 0) << r.describe();
      const Json j = parse_json(r.out);
      double value = 0;
      if (f.crossing) {
        const auto x = zero_crossing(j, f.key);
        ASSERT_TRUE(x.has_value()) << f.key << " does not change sign over the --vary range";
        value = *x * f.scale;
      } else {
        value = j.at(Json::json_pointer(f.key)).get<double>() * f.scale;
      }
      const bool same = f.tolerance > 0 ? std::fabs(value - std::stod(shown)) <= f.tolerance : same_to_rounding(shown, value);
      EXPECT_TRUE(same) << "Potline now gives " << value << ", the table shows " << shown
                        << ": update the row (and the claim's body) in docs/crossroads.md";
    }
  });
}

TEST(Crossroads, LineMatchingFollowsThePageRounding) {
  EXPECT_TRUE(line_matches("  C1 2344  C2 2344", "  C1  2344  C2 2344"));
  EXPECT_TRUE(line_matches("share 0.352", "share 0.351914"));
  EXPECT_FALSE(line_matches("share 0.350", "share 0.351914"));
  EXPECT_TRUE(line_matches("npv 9.39e+08", "npv 9.39182e+08"));
  EXPECT_FALSE(line_matches("hours 0", "hours 0.9"));
  EXPECT_FALSE(line_matches("total 8.105 (AR5)", "total 8.105 (AR6)"));
  EXPECT_EQ(match_block({"a 1", "...", "c 3"}, {"a 1", "b 2", "c 3"}), "");
  EXPECT_NE(match_block({"a 1", "c 3"}, {"a 1", "b 2", "c 3"}), "");
  EXPECT_EQ(match_block({"...", "b 2", "..."}, {"a 1", "b 2", "c 3"}), "");
  EXPECT_NE(match_block({"b 2", "..."}, {"a 1", "b 2", "c 3"}), "");
}

}  // namespace potline_cli_test::test_crossroads

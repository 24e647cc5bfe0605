// docs/cli.md's `--vary` tables are run as written, so their numbers cannot drift silently from the
// program (the fleet sample read 2,349 USD/t at no tariff while the program printed 2,496, found
// 2026-12-06).
//
// Every fenced block of docs/cli.md holds zero or more commands "$ potline ARGS"; each command's
// expected output is the block's lines after it up to the next command or the fence's end (blank
// lines at its end dropped). The commands with `--vary` (the number tables; the other examples
// show a shape, a help text or an error) are run from the repository root, arguments split on
// blanks with '...' or "..." quoting, no shell, and their output compared line by line to the
// page's rounding (doc_line_match.hpp, as docs/crossroads.md in test_crossroads.cpp).
// Also, to the page's rounding: the world prices "now" of docs/model/fleet.md's table of scenario
// examples, and README.md's fleet sentence (world.toml's world and US prices, the backtest's LME
// and world price) and its known limits' −25 % holds of the TRIMET-like lines (`potline flex
// --envelope`).
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_helpers.hpp"
#include "doc_line_match.hpp"

namespace potline_cli_test::test_cli_docs_blocks {

namespace {

const std::string kPrompt = "$ potline ";

struct Command {
  std::size_t line = 0;               // of the "$ potline" line in the page
  std::string text;                   // the command as written
  std::vector<std::string> args;      // argv[1..]
  std::vector<std::string> expected;  // the lines the page shows under it
};

std::vector<Command> page_commands(const std::filesystem::path& page) {
  std::ifstream in(page);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<Command> out;
  bool in_fence = false;
  const auto close = [&] {
    if (!out.empty())
      while (!out.back().expected.empty() && out.back().expected.back().empty())
        out.back().expected.pop_back();
  };
  bool collecting = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("```", 0) == 0) {
      if (collecting) close();
      in_fence = !in_fence;
      collecting = false;
      continue;
    }
    if (!in_fence) continue;
    if (line.rfind(kPrompt, 0) == 0) {
      if (collecting) close();
      out.push_back({i + 1, line.substr(2), split_words(line.substr(kPrompt.size())), {}});
      collecting = true;
    } else if (line.rfind("$ ", 0) == 0) {
      if (collecting) close();
      collecting = false;  // another program's command (a shell line): not ours to compare
    } else if (collecting) {
      out.back().expected.push_back(line);
    }
  }
  return out;
}

bool is_table(const Command& c) {
  return c.text.find(" --vary ") != std::string::npos;
}

// A number as the page writes it, without its thousands separators ("2,289.1" → "2289.1").
std::string plain(std::string shown) {
  std::erase(shown, ',');
  return shown;
}

// `potline fleet examples/NAME --json`.
Json fleet_json(const std::string& name) {
  const RunResult r = potline({"fleet", (source_dir() / "examples" / name).string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

// A row of docs/model/fleet.md's table of scenario examples: the file and the world price "now".
struct ExampleRow {
  std::string file, now;
};

std::vector<ExampleRow> fleet_example_rows() {
  std::ifstream in(source_dir() / "docs" / "model" / "fleet.md");
  std::vector<ExampleRow> rows;
  bool inside = false;
  // "| `world.toml` | ... | 1,843.8 → 2,289.1 (...) |", or "| `world-2024.toml` (...) | ... |
  // 2,332.9 (...) |"
  static const std::regex row(R"(^\| `([a-z0-9-]+\.toml)`.*\| (?:[\d,.]+ → )?([\d,.]+)[^|]*\|$)");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| example | base | its levers | world price", 0) == 0) inside = true;
    if (!inside) continue;
    if (line.empty()) break;
    std::smatch m;
    if (std::regex_match(line, m, row)) rows.push_back({m[1].str(), plain(m[2].str())});
  }
  return rows;
}

}  // namespace

TEST(CliDocsBlocks, PageShowsTheVaryTablesOfSmelterAndFleet) {
  int smelter = 0, fleet = 0;
  for (const auto& c : page_commands(source_dir() / "docs" / "cli.md")) {
    if (!is_table(c)) continue;
    EXPECT_FALSE(c.expected.empty()) << "docs/cli.md:" << c.line << " shows no output";
    smelter += c.args.front() == "smelter";
    fleet += c.args.front() == "fleet";
  }
  EXPECT_GE(smelter, 1);
  EXPECT_GE(fleet, 1);
}

TEST(CliDocsBlocks, EveryVaryTablePrintsWhatThePageShows) {
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(source_dir());
  for (const auto& c : page_commands(source_dir() / "docs" / "cli.md")) {
    if (!is_table(c)) continue;
    SCOPED_TRACE("docs/cli.md:" + std::to_string(c.line) + ": " + c.text);
    const RunResult r = run_program(potline_bin(), c.args);
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    const std::string mismatch = doc_line_match::match_block(c.expected, lines_of(r.out));
    EXPECT_TRUE(mismatch.empty())
        << mismatch << "\n--- printed ---\n"
        << r.out
        << "docs/cli.md shows what the program no longer prints: rerun the "
           "command and update the page (and the date under the table)";
  }
  std::filesystem::current_path(cwd);
}

// docs/model/fleet.md's table of the scenario examples: each example's world price "now" is what
// `potline fleet` prints for it (summary `world_price_usd_per_t`; a path's last year), to the
// page's rounding. The "before" column (the files of 2026-12-04) is history and not checked.
TEST(CliDocsBlocks, FleetExampleTableShowsTheProgramsWorldPrices) {
  const auto rows = fleet_example_rows();
  ASSERT_GE(rows.size(), 10u)
      << "the table of scenario examples was not found in docs/model/fleet.md";
  for (const auto& r : rows) {
    SCOPED_TRACE("docs/model/fleet.md, examples/" + r.file + ": the page shows " + r.now);
    const double now = finite_number(fleet_json(r.file), "world_price_usd_per_t");
    EXPECT_TRUE(doc_line_match::same_to_rounding(r.now, now))
        << "potline fleet examples/" << r.file << " now gives " << now
        << " USD/t: re-run the table's examples and update it (and the date above it)";
  }
}

// README's fleet sentence: world.toml's world and US prices and the backtest's world price.
TEST(CliDocsBlocks, ReadmeFleetPricesAreThePrograms) {
  std::stringstream text;
  text << std::ifstream(source_dir() / "README.md").rdbuf();
  static const std::regex sentence(
      R"(within a tenth of the LME price it is given \(([\d,]+)\s+against ([\d,]+) USD/t, US ([\d,]+); the backtest's own ([\d,]+);)");
  std::smatch m;
  const std::string readme = text.str();
  ASSERT_TRUE(std::regex_search(readme, m, sentence)) << "README.md's fleet sentence was reworded";
  const Json world = fleet_json("world.toml");
  const Json backtest = fleet_json("world-2024.toml");
  EXPECT_TRUE(doc_line_match::same_to_rounding(plain(m[1].str()),
                                               finite_number(world, "world_price_usd_per_t")))
      << m[1].str();
  EXPECT_TRUE(
      doc_line_match::same_to_rounding(plain(m[2].str()), finite_number(backtest, "lme_usd_per_t")))
      << m[2].str();
  EXPECT_TRUE(doc_line_match::same_to_rounding(
      plain(m[3].str()), finite_number(world.at("price_by_region_usd_per_t"), "usa")))
      << m[3].str();
  EXPECT_TRUE(doc_line_match::same_to_rounding(plain(m[4].str()),
                                               finite_number(backtest, "world_price_usd_per_t")))
      << m[4].str();
}

// README's known limits: the TRIMET-like line's −25 % holds (heat exchangers on) as
// `potline flex ... --envelope` gives them, from a settled cell (envelope.settle, the default) and
// from the calibration point (settle 0), to the README's rounding ("about 15 h", "17 h", "44 h",
// "48.3 h"; the insulated line's calibration-point hold in a 168-h envelope, where it ends). They
// drifted twice unnoticed (user trials T11, T12-4).
namespace {
double minus_25_hold_h(const std::string& example, const std::vector<std::string>& sets) {
  std::vector<std::string> args = {"flex",       (source_dir() / "examples" / example).string(),
                                   "--envelope", "--json",
                                   "--set",      "envelope.levels=75"};
  for (const auto& s : sets) args.insert(args.end(), {"--set", s});
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  const Json out = parse_json(r.out);
  for (const auto& row : out.at("envelope"))
    if (row.at("heat_exchangers").get<bool>()) return finite_number(row, "hold_h");
  ADD_FAILURE() << example << ": no envelope row with heat exchangers";
  return 0.0;
}
}  // namespace

TEST(CliDocsBlocks, ReadmeFlexHoldsAreThePrograms) {
  std::stringstream text;
  text << std::ifstream(source_dir() / "README.md").rdbuf();
  const std::string readme = text.str();
  static const std::regex trimet(
      R"(holds\s+−25\s+%\s+for\s+about\s+(\d+)\s+h\s+at\s+its\s+seed\s+\(from\s+a\s+cell\s+settled\s+48\s+h\s+at\s+nominal,\s+`envelope\.settle`;\s+(\d+)\s+h\s+from\s+the\s+calibration\s+point)");
  static const std::regex insulated(
      R"(holds\s+−25\s+%\s+for\s+the\s+(\d+)\s+h\s+of\s+its\s+envelope\s+from\s+a\s+settled\s+cell\s+\((\d+)\s+h\s+from\s+the\s+calibration\s+point)");
  std::smatch t, i;
  ASSERT_TRUE(std::regex_search(readme, t, trimet)) << "README.md's TRIMET-like hold was reworded";
  ASSERT_TRUE(std::regex_search(readme, i, insulated)) << "README.md's insulated hold was reworded";
  const std::string hx = "flex-week-heat-exchangers.toml", ins = "flex-week-insulated.toml";
  const std::vector<std::string> calibration = {"envelope.settle=0", "envelope.max_duration=168"};
  const std::pair<std::string, double> shown_printed[] = {
      {t[1].str(), minus_25_hold_h(hx, {})},
      {t[2].str(), minus_25_hold_h(hx, calibration)},
      {i[1].str(), minus_25_hold_h(ins, {})},
      {i[2].str(), minus_25_hold_h(ins, calibration)}};
  for (const auto& [shown, printed] : shown_printed)
    EXPECT_TRUE(doc_line_match::same_to_rounding(shown, printed))
        << "README.md shows " << shown << " h, potline flex --envelope gives " << printed
        << " h: re-run and update README's known limits (and the date there)";
}

TEST(CliDocsBlocks, CommandsAreReadPerLineOfAFence) {
  const TempDir dir;
  const auto page = dir.path() / "p.md";
  std::ofstream(page) << "```\n$ potline a --vary x=1,2\nk v\nx 1\n\n$ potline b\nhelp\n```\n"
                         "text\n```\n$ echo hi\nhi\n```\n";
  const auto c = page_commands(page);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].line, 2u);
  EXPECT_EQ(c[0].args, (std::vector<std::string>{"a", "--vary", "x=1,2"}));
  EXPECT_EQ(c[0].expected, (std::vector<std::string>{"k v", "x 1"}));
  EXPECT_TRUE(is_table(c[0]));
  EXPECT_FALSE(is_table(c[1]));
  EXPECT_EQ(c[1].expected, (std::vector<std::string>{"help"}));
}

}  // namespace potline_cli_test::test_cli_docs_blocks

// The README's tour shows real output: every fenced block of README.md whose first line is
// "$ build/potline ARGS" is run (from the repository root, arguments split on blanks with
// '...' or "..." quoting, no shell) and its stdout must equal the block's remaining lines
// exactly. No normalisation: the README shows what the program prints, byte for byte (each line
// ends with a newline).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_readme_tour {

namespace {

struct TourBlock {
  std::size_t line = 0;           // README line of the "$ build/potline" command
  std::string command;            // the command line as written
  std::vector<std::string> args;  // argv[1..]
  std::string expected;           // the block's remaining lines
};

std::vector<TourBlock> tour_blocks() {
  std::ifstream in(source_dir() / "README.md");
  std::vector<TourBlock> blocks;
  std::string line;
  std::size_t number = 0;
  bool in_fence = false;
  bool first_in_fence = false;  // the line right after an opening fence
  bool in_tour_block = false;
  const std::string prompt = "$ build/potline ";
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_fence = !in_fence;
      first_in_fence = in_fence;
      in_tour_block = false;
      continue;
    }
    if (!in_fence) continue;
    if (first_in_fence && line.rfind(prompt, 0) == 0) {
      TourBlock b;
      b.line = number;
      b.command = line.substr(2);
      b.args = split_words(line.substr(prompt.size()));
      blocks.push_back(b);
      in_tour_block = true;
      first_in_fence = false;
      continue;
    }
    first_in_fence = false;
    if (in_tour_block) blocks.back().expected += line + "\n";
  }
  return blocks;
}

}  // namespace

TEST(ReadmeTour, HasBlocksWithOutput) {
  const auto blocks = tour_blocks();
  EXPECT_GE(blocks.size(), 2u) << "README.md should show at least two commands with their output";
  for (const auto& b : blocks)
    EXPECT_FALSE(b.expected.empty()) << "README.md:" << b.line << " shows no output";
}

TEST(ReadmeTour, OutputMatchesTheProgram) {
  // The README's paths are relative to the repository root.
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(source_dir());
  for (const auto& b : tour_blocks()) {
    SCOPED_TRACE("README.md:" + std::to_string(b.line) + ": " + b.command);
    const RunResult r = run_program(potline_bin(), b.args);
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_EQ(r.out, b.expected)
        << "the README shows output the program no longer prints; update README.md";
  }
  std::filesystem::current_path(cwd);
}
}  // namespace potline_cli_test::test_readme_tour

// `potline --help`, `--version`, and command-line usage errors (exit 2).
#include <fstream>
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_help {
namespace {

// The version CMake configured: project(potline VERSION x.y.z) in the top-level CMakeLists.txt.
std::string project_version() {
  const std::string text = read_file(source_dir() / "CMakeLists.txt");
  std::smatch m;
  const std::regex pattern(R"(project\(\s*potline\s+VERSION\s+([0-9.]+))");
  if (!std::regex_search(text, m, pattern)) return "?";
  return m[1].str();
}

TEST(CliHelp, HelpListsEverySubcommandAndExitsZero) {
  const RunResult r = potline({"--help"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* command : {"bath", "cell", "technologies", "schema", "template"}) {
    EXPECT_NE(r.out.find(command), std::string::npos) << "help does not mention " << command;
  }
  EXPECT_NE(r.out.find("--version"), std::string::npos);
  EXPECT_NE(r.out.find("--data-dir"), std::string::npos);
}

TEST(CliHelp, SubcommandHelpNamesItsOptions) {
  const RunResult cell = potline({"cell", "--help"});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  for (const char* option : {"--technology", "--set", "--target-voltage", "--json", "--out"}) {
    EXPECT_NE(cell.out.find(option), std::string::npos) << option;
  }
  const RunResult bath = potline({"bath", "--help"});
  ASSERT_EQ(bath.exit_code, 0) << bath.describe();
  for (const char* option : {"--alumina", "--alf3", "--caf2", "--mgf2", "--lif", "--kf", "--temperature", "--json"}) {
    EXPECT_NE(bath.out.find(option), std::string::npos) << option;
  }
}

TEST(CliHelp, VersionPrintsTheProjectVersionAndCommit) {
  const RunResult r = potline({"--version"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string expected = "potline " + project_version() + " (";
  EXPECT_EQ(r.out.rfind(expected, 0), 0u) << "got: " << r.out << "expected to start with: " << expected;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\((unknown|[0-9a-f]{7,40})\))"))) << r.out;
}

TEST(CliHelp, UnknownOptionIsAUsageErrorWithExitTwo) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--no-such-option"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--no-such-option"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliHelp, MissingSubcommandIsAUsageErrorWithExitTwo) {
  const RunResult r = potline({});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  // Said in the program's words, with the commands (user trial T17-4: "A subcommand: error: 'potline' needs
  // this option").
  EXPECT_NE(r.err.find("error: give a command: bath, cell, "), std::string::npos) << r.err;
}

TEST(CliHelp, UnknownSubcommandIsAUsageErrorWithExitTwo) {
  const RunResult r = potline({"smelt"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_FALSE(r.err.empty());
}

TEST(CliHelp, OptionMissingItsValueIsAUsageErrorWithExitTwo) {
  const RunResult r = potline({"cell", "--technology"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--technology"), std::string::npos) << r.err;
}

TEST(CliHelp, CellWithoutCaseOrTechnologySaysWhatToGive) {
  const RunResult r = potline({"cell"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--technology"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("potline template cell"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace test_cli_help
}  // namespace potline_cli_test

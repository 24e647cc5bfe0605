// `--help` and the CLI's messages name only commands, schemas and templates that exist: every
// "'potline X ...'" in a help text or in a message string of app/*.cpp names a subcommand listed by
// `potline --help`; "'potline template NAME'" and "'potline schema NAME'" name something those
// commands accept (exit 0), and so does every name the two commands list in their own help.
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_help_names {

namespace {

// Subcommand names from the "Subcommands:" section of `potline --help`.
std::set<std::string> subcommands() {
  const RunResult r = potline({"--help"});
  std::set<std::string> names;
  bool in_list = false;
  for (const auto& line : lines_of(r.out)) {
    if (line.rfind("Subcommands:", 0) == 0) {
      in_list = true;
      continue;
    }
    if (!in_list) continue;
    std::smatch m;
    if (std::regex_search(line, m, std::regex(R"(^  ([a-z][a-z-]*)\s)"))) names.insert(m[1].str());
  }
  return names;
}

struct Mention {
  std::string where;    // help of a command, or a source file
  std::string command;  // X of 'potline X'
  std::string name;     // first word after X (may be empty or an argument placeholder)
};

// Every 'potline X [NAME]' quoted in `text`.
void collect(const std::string& where, const std::string& text, std::vector<Mention>& out) {
  const std::regex quoted(R"('potline ([a-z][a-z-]*)(?: ([A-Za-z][A-Za-z0-9_.-]*))?[^']*')");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), quoted);
       it != std::sregex_iterator(); ++it)
    out.push_back({where, (*it)[1].str(), (*it)[2].str()});
}

// The names a command lists in its positional's help: "(a, b, c)", "...: a, b" or "...: a".
std::vector<std::string> listed_names(const std::string& help, const std::string& positional) {
  for (const auto& line : lines_of(help)) {
    if (line.find("  " + positional + " ") == std::string::npos) continue;
    std::smatch m;
    std::string list;
    // The first comma-separated list of names ("cell, smelter, invest"), else "...: name" at the
    // end.
    if (std::regex_search(line, m, std::regex(R"([a-z][a-z0-9-]*(, [a-z][a-z0-9-]*)+)")))
      list = m[0].str();
    else if (std::regex_search(line, m, std::regex(R"(: ([a-z][a-z0-9-]*)$)")))
      list = m[1].str();
    std::vector<std::string> names;
    const std::regex word(R"([a-z][a-z0-9-]*)");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), word);
         it != std::sregex_iterator(); ++it)
      names.push_back(it->str());
    return names;
  }
  return {};
}

}  // namespace

TEST(HelpNames, EveryCommandNamedInHelpAndMessagesExists) {
  const auto commands = subcommands();
  ASSERT_GE(commands.size(), 10u);
  std::vector<Mention> mentions;
  collect("potline --help", potline({"--help"}).out, mentions);
  for (const auto& c : commands)
    collect("potline " + c + " --help", potline({c, "--help"}).out, mentions);
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "app"))
    collect(entry.path().filename().string(), read_file(entry.path()), mentions);
  ASSERT_FALSE(mentions.empty());
  for (const auto& m : mentions) {
    EXPECT_TRUE(commands.count(m.command))
        << m.where << " names 'potline " << m.command << "', which is not a command";
    if ((m.command == "template" || m.command == "schema") && !m.name.empty() &&
        std::islower(static_cast<unsigned char>(m.name[0]))) {
      const RunResult r = potline({m.command, m.name});
      EXPECT_EQ(r.exit_code, 0) << m.where << " names 'potline " << m.command << " " << m.name
                                << "', which does not work:\n"
                                << r.describe();
    }
  }
}

TEST(HelpNames, EveryListedSchemaAndTemplateWorks) {
  for (const std::string command : {"schema", "template"}) {
    const std::string help = potline({command, "--help"}).out;
    const auto names = listed_names(help, command == "schema" ? "name" : "kind");
    EXPECT_FALSE(names.empty()) << "'potline " << command << " --help' lists no names:\n" << help;
    for (const auto& name : names) {
      const RunResult r = potline({command, name});
      EXPECT_EQ(r.exit_code, 0) << "'potline " << command << " --help' lists " << name << ":\n"
                                << r.describe();
    }
  }
}
}  // namespace potline_cli_test::test_help_names

// The project is self-contained: every citation in code, data and documentation points at an entry
// of docs/references.md, written as its key in square brackets ("[Haupin 1998]"), and no file
// refers to notes that live outside the repository.
//
// A citation, for the check below, is a bracketed text that starts with a capital letter, is not a
// Markdown link ("[text](url)") and contains a year (19xx/20xx) or "et al.". Keys without a year
// (e.g. "[SEAI]") are allowed in docs/references.md but are not checked automatically.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace test_references {

namespace {

namespace fs = std::filesystem;

fs::path repo() {
  return POTLINE_SOURCE_DIR;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Directories never scanned: version control, build trees and run outputs.
bool skipped_dir(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == ".git" || name.rfind("build", 0) == 0 || name == "out" || name == ".cache";
}

// Every file under `top` (a file or a directory relative to the repository root).
std::vector<fs::path> files_under(const std::string& top) {
  std::vector<fs::path> out;
  const fs::path root = repo() / top;
  if (fs::is_regular_file(root)) return {root};
  if (!fs::is_directory(root)) return out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && skipped_dir(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) out.push_back(it->path());
  }
  return out;
}

// docs/cli.md keeps a history ("## Changes") that may name what was removed; it is not a citation.
std::string without_history(const fs::path& p, std::string text) {
  if (p.filename() == "cli.md") {
    const auto at = text.find("\n## Changes");
    if (at != std::string::npos) text.resize(at);
  }
  return text;
}

std::string repo_path(const fs::path& p) {
  return fs::relative(p, repo()).string();
}

// 1-based line number of byte offset `at`.
std::size_t line_of(const std::string& text, std::size_t at) {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::set<std::string> bibliography_keys() {
  std::set<std::string> keys;
  const std::string text = read(repo() / "docs" / "references.md");
  const std::regex entry(R"(^- \*\*\[([^\]\n]+)\]\*\*)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), entry);
       it != std::sregex_iterator(); ++it)
    keys.insert((*it)[1].str());
  return keys;
}

// The name at `at` is docs/model's own page: a path ending in "model/" + name, or a Markdown
// link inside docs/model ("[name](name)", "(name#anchor)").
bool is_our_model_doc(const std::string& text, std::size_t at, std::size_t length) {
  const char before = at >= 1 ? text[at - 1] : ' ';
  const char after = at + length < text.size() ? text[at + length] : ' ';
  if (at >= 6 && text.compare(at - 6, 6, "model/") == 0) return true;
  return (before == '(' && (after == ')' || after == '#')) || (before == '[' && after == ']');
}

// Files whose citations are rewritten once their owners' refactorings have landed (schema
// declarations, the PFC table). Each entry must go: the test fails when a listed file is clean.
const std::set<std::string> kPending = {};

}  // namespace

TEST(References, BibliographyHasUniqueKeys) {
  const std::string text = read(repo() / "docs" / "references.md");
  ASSERT_FALSE(text.empty()) << "docs/references.md is missing";
  const std::regex entry(R"(^- \*\*\[([^\]\n]+)\]\*\*)", std::regex::multiline);
  std::vector<std::string> keys;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), entry);
       it != std::sregex_iterator(); ++it)
    keys.push_back((*it)[1].str());
  EXPECT_GE(keys.size(), 40u);
  std::set<std::string> seen;
  for (const auto& k : keys) EXPECT_TRUE(seen.insert(k).second) << "duplicate key [" << k << "]";
}

// No file outside the docs history names the notes that live beside the repository. The strings
// are assembled so that this file does not match itself.
TEST(References, NoFileCitesNotesOutsideTheRepository) {
  const std::string md = ".md";
  const std::vector<std::string> banned = {"physics" + md,
                                           "dynamics-validation" + md,
                                           "/work/" + std::string("shared"),
                                           "../" + std::string("shared"),
                                           "shared/" + std::string("references"),
                                           "shared/" + std::string("seed")};
  // docs/model/economics.md and docs/model/flexibility.md are ours: allowed as a path or link (a
  // bare name is the note beside the repository).
  const std::vector<std::string> ours = {"economics" + md, "flexibility" + md};
  std::vector<std::string> found;
  std::set<std::string> pending_clean = kPending;
  for (const std::string top :
       {"src", "include", "app", "data", "examples", "docs", "tests", "scripts", "bench", "fuzz",
        ".ci", "README.md", "Makefile", "CMakeLists.txt"}) {
    for (const auto& p : files_under(top)) {
      const std::string text = without_history(p, read(p));
      if (kPending.count(repo_path(p))) {
        for (const auto& b : banned)
          if (text.find(b) != std::string::npos) pending_clean.erase(repo_path(p));
        continue;
      }
      for (const auto& b : banned) {
        for (auto at = text.find(b); at != std::string::npos; at = text.find(b, at + 1))
          found.push_back(repo_path(p) + ":" + std::to_string(line_of(text, at)) + ": " + b);
      }
      for (const auto& name : ours) {
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
          if (!is_our_model_doc(text, at, name.size()))
            found.push_back(repo_path(p) + ":" + std::to_string(line_of(text, at)) + ": " + name);
        }
      }
    }
  }
  std::string list;
  for (const auto& f : found) list += "  " + f + "\n";
  EXPECT_TRUE(found.empty())
      << "cite docs/references.md keys instead of notes outside the repository:\n"
      << list;
  for (const auto& f : pending_clean)
    ADD_FAILURE() << f << " no longer cites notes outside the repository: remove it from kPending";
}

TEST(References, EveryCitedKeyIsInTheBibliography) {
  const std::set<std::string> keys = bibliography_keys();
  ASSERT_FALSE(keys.empty());
  // "[Key]" not followed by "(" (a Markdown link); the key starts with a capital letter and holds a
  // year or "et al.".
  const std::regex bracket(R"(\[([^\[\]\n]{2,80})\](?!\())");
  const std::regex citation_like(R"(^[A-Z\xC3].*(\b(19|20)\d\d[a-z]?\b|et al\.))");
  std::vector<std::string> missing;
  std::size_t cited = 0;
  for (const std::string top : {"src", "include", "app", "data", "examples", "docs", "README.md"}) {
    for (const auto& p : files_under(top)) {
      const std::string text = without_history(p, read(p));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), bracket);
           it != std::sregex_iterator(); ++it) {
        const std::string key = (*it)[1].str();
        if (!std::regex_search(key, citation_like)) continue;
        ++cited;
        if (!keys.count(key))
          missing.push_back(
              repo_path(p) + ":" +
              std::to_string(line_of(text, static_cast<std::size_t>(it->position()))) + ": [" +
              key + "]");
      }
    }
  }
  std::string list;
  for (const auto& m : missing) list += "  " + m + "\n";
  EXPECT_TRUE(missing.empty()) << "keys cited but not defined in docs/references.md:\n" << list;
  EXPECT_GT(cited, 50u)
      << "the scan found almost no citations: is the citation syntax still [Author Year]?";
}
}  // namespace test_references

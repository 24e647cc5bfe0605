// The project is self-contained: every citation in code, data and documentation points at an entry
// of docs/references.md, written as its key in square brackets ("[Haupin 1998]"), and no file
// refers to notes that live outside the repository.
//
// A citation, for the check below, is a bracketed text that starts with a capital letter, is not a
// Markdown link ("[text](url)") and contains a year (19xx/20xx) or "et al.". Keys without a year
// (e.g. "[SEAI]") are allowed in docs/references.md but are not checked automatically. A citation
// may wrap over two lines; the second line's comment marker ("//", "#", "*") or string-literal
// quotes are dropped before the key is looked up.
//
// The other way round, every entry of docs/references.md is cited somewhere (no orphan entries),
// and every relative link in the repository's Markdown files reaches an existing file and, for
// "file.md#anchor", an existing heading or <a id="...">.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "potline/api/options.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/io/schema.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/sweep/sweep_schema.hpp"

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

// A text with each line break, and the next line's comment marker ("//", "#", "*") or string
// quote, read as one space, so that a citation wrapped over two lines reads as on one line.
std::string joined(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '"'))
      out.pop_back();
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    while (j < text.size() && (text[j] == '/' || text[j] == '#' || text[j] == '*' || text[j] == '"'))
      ++j;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    out += ' ';
    i = j - 1;
  }
  return out;
}

// The key of a citation matched over one or two lines.
std::string joined_key(const std::string& matched) {
  return matched.find('\n') == std::string::npos ? matched : joined(matched);
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
                                           "design" + md,
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
  // The key starts with a capital letter and holds a year or "et al.".
  // "[Key]" not followed by "(" (a Markdown link), on one line or wrapped over two.
  const std::regex bracket(
      R"(\[([^\[\]\n]{2,80}(?:\n[ \t]*(?://+|#+|\*|")?[ \t]*[^\[\]\n]{1,80})?)\](?!\())");
  const std::regex citation_like(R"(^[A-Z\xC3].*(\b(19|20)\d\d[a-z]?\b|et al\.))");
  std::vector<std::string> missing;
  std::size_t cited = 0;
  // tests/unit is left out: its fixtures cite made-up keys ("[A 2020]").
  for (const std::string top : {"src", "include", "app", "data", "examples", "docs", "README.md",
                                "tests/validation", "tests/regression", "tests/cli"}) {
    for (const auto& p : files_under(top)) {
      const std::string text = without_history(p, read(p));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), bracket);
           it != std::sregex_iterator(); ++it) {
        const std::string key = joined_key((*it)[1].str());
        if (key.size() > 90 || !std::regex_search(key, citation_like)) continue;
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
// Every entry is cited somewhere outside docs/references.md (code, data, docs or a validation
// test): a source nothing cites is either a citation that was lost or an entry to remove. A
// citation may name the place in the source or a second source ("[Key, Table 2]",
// "[Key; Other 2001]"). The marks explained at the top of the file are not sources.
TEST(References, EveryBibliographyEntryIsCited) {
  std::set<std::string> uncited = bibliography_keys();
  ASSERT_FALSE(uncited.empty());
  uncited.erase("details to verify");
  for (const std::string top : {"src", "include", "app", "data", "examples", "docs", "tests",
                                "scripts", "python", "bench", "fuzz", "README.md"}) {
    for (const auto& p : files_under(top)) {
      if (p == repo() / "docs" / "references.md") continue;
      const std::string text = joined(read(p));
      for (auto open = text.find('['); open != std::string::npos; open = text.find('[', open + 1)) {
        const auto close = text.find_first_of("[]", open + 1);
        if (close == std::string::npos || text[close] != ']' || close - open > 200) continue;
        std::stringstream parts(text.substr(open + 1, close - open - 1));
        for (std::string part; std::getline(parts, part, ';');) {
          part.erase(0, part.find_first_not_of(' '));
          uncited.erase(part);
          uncited.erase(part.substr(0, part.find(',')));
        }
      }
    }
  }
  std::string list;
  for (const auto& k : uncited) list += "  [" + k + "]\n";
  EXPECT_TRUE(uncited.empty()) << "entries of docs/references.md that nothing cites:\n" << list;
}

namespace {

// GitHub's anchor for a heading: lower case, spaces as hyphens, punctuation dropped. Non-ASCII
// characters are kept (GitHub keeps letters) except the symbols listed, which GitHub drops: a link
// to a heading with another non-ASCII symbol may be reported although it works, never the reverse.
std::string heading_anchor(std::string heading) {
  heading = std::regex_replace(heading, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
  for (const std::string symbol : {"°", "–", "—", "’", "‘", "“", "”", "·", "×", "→", "≈", "≤", "≥",
                                   "±", "…", "§"}) {
    for (auto at = heading.find(symbol); at != std::string::npos; at = heading.find(symbol, at))
      heading.erase(at, symbol.size());
  }
  std::string out;
  for (const char ch : heading) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_')
      out += static_cast<char>(std::tolower(c));
    else if (c == ' ')
      out += '-';
    else if (c >= 0x80)
      out += ch;
  }
  return out;
}

// A Markdown text with its fenced code blocks blanked (their lines kept, for line numbers).
std::string without_code_blocks(const std::string& text) {
  std::string out;
  bool in_fence = false;
  std::stringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const bool fence = line.find_first_not_of(' ') != std::string::npos &&
                       line.compare(line.find_first_not_of(' '), 3, "```") == 0;
    if (fence) in_fence = !in_fence;
    out += (fence || in_fence) ? std::string() : line;
    out += '\n';
  }
  return out;
}

// The anchors of a Markdown file: its headings (a repeated heading gets "-1", "-2", ...) and its
// explicit <a id="..."> / <a name="...">.
std::set<std::string> anchors_of(const fs::path& p) {
  const std::string text = without_code_blocks(read(p));
  std::set<std::string> out;
  std::map<std::string, int> seen;
  const std::regex heading(R"(^#{1,6}[ \t]+(.*?)[ \t#]*$)", std::regex::multiline);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), heading);
       it != std::sregex_iterator(); ++it) {
    std::string h = (*it)[1].str();
    h.erase(std::remove(h.begin(), h.end(), '`'), h.end());
    const std::string a = heading_anchor(h);
    const int n = seen[a]++;
    out.insert(n == 0 ? a : a + "-" + std::to_string(n));
  }
  const std::regex explicit_anchor(R"re(<a\s+(?:id|name)="([^"]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), explicit_anchor);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

}  // namespace

// Every relative link of the Markdown files ("[text](path)", "[text](path#anchor)", "(#anchor)")
// reaches a file of the repository and, in a Markdown file, an existing anchor. Links with a
// scheme (https:, mailto:) are not followed.
TEST(References, MarkdownLinksReachExistingFilesAndAnchors) {
  const std::regex link(R"(\]\(([^)\s]+)\))");
  const std::regex scheme("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  std::map<fs::path, std::set<std::string>> anchors;
  std::vector<std::string> broken;
  std::size_t checked = 0;
  for (const std::string top : {"docs", "README.md"}) {
    for (const auto& p : files_under(top)) {
      if (p.extension() != ".md") continue;
      const std::string text = without_code_blocks(read(p));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), link);
           it != std::sregex_iterator(); ++it) {
        const std::string url = (*it)[1].str();
        if (std::regex_search(url, scheme)) continue;
        ++checked;
        const auto hash = url.find('#');
        const std::string file = url.substr(0, hash);
        const fs::path target = file.empty() ? p : (p.parent_path() / file).lexically_normal();
        const std::string where =
            repo_path(p) + ":" +
            std::to_string(line_of(text, static_cast<std::size_t>(it->position()))) + ": " + url;
        if (!fs::exists(target)) {
          broken.push_back(where + " (no such file)");
          continue;
        }
        if (hash == std::string::npos || target.extension() != ".md") continue;
        if (!anchors.count(target)) anchors[target] = anchors_of(target);
        if (!anchors[target].count(url.substr(hash + 1)))
          broken.push_back(where + " (no such heading or anchor)");
      }
    }
  }
  std::string list;
  for (const auto& b : broken) list += "  " + b + "\n";
  EXPECT_TRUE(broken.empty()) << "broken links:\n" << list;
  EXPECT_GT(checked, 100u) << "the scan found almost no relative links: is the link syntax still "
                              "[text](path)?";
}

namespace {

// Schema fields whose source is a bare label ("estimate", "estimate: plant-specific", "plant
// practice (estimate)", "estimate: common practice") with no basis. Their basis is written in
// docs/model/dynamics.md §9; each entry goes when its .source(...) states it (the test fails when a
// listed field is clean).
const std::set<std::string> kBareEstimatesPending = {};

bool bare_estimate(const std::string& source) {
  return source == "estimate" || source == "estimates" || source == "estimate: plant-specific" ||
         source == "plant practice (estimate)" || source == "estimate: common practice";
}

}  // namespace

// "Estimates are labelled with their basis": a field of any input schema whose source is an
// estimate says what the estimate rests on. Known exceptions are listed above, to be emptied.
TEST(References, SchemaEstimatesStateTheirBasis) {
  using potline::io::Schema;
  const std::vector<const Schema*> schemas = {
      &potline::cell::cell_schema(),          &potline::plant::smelter_schema(),
      &potline::plant::potline_group_schema(), &potline::finance::invest_schema(),
      &potline::line::simulate_schema(),       &potline::flex::flex_schema(),
      &potline::fleet::fleet_schema(),         &potline::sweep::sweep_schema(),
      &potline::api::bath_options_schema(),    &potline::api::emissions_options_schema(),
      &potline::api::cbam_options_schema()};
  std::set<std::string> bare;
  std::size_t fields = 0;
  for (const Schema* schema : schemas) {
    for (const auto& f : schema->fields()) {
      ++fields;
      if (bare_estimate(f.source)) bare.insert(f.key);
    }
  }
  EXPECT_GT(fields, 500u);
  for (const auto& key : bare) {
    EXPECT_TRUE(kBareEstimatesPending.count(key))
        << key << ": its source is a bare \"estimate\"; state the basis (\"estimate: ...\")";
  }
  for (const auto& key : kBareEstimatesPending) {
    EXPECT_TRUE(bare.count(key)) << key
                                 << " states its basis now (or is gone): remove it from "
                                    "kBareEstimatesPending";
  }
}
}  // namespace test_references

// docs/cli.md's schema reference tables are generated: the text between
// "<!-- schema:NAME begin -->" and "<!-- schema:NAME end -->" must equal
// `potline schema NAME --markdown`. Regenerate with scripts/update-cli-docs.sh.
#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_docs_schema {
namespace {

std::string read_docs() {
  std::ifstream in(source_dir() / "docs" / "cli.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text between the markers of `name`, or nullopt when docs/cli.md has no such markers.
std::optional<std::string> between_markers(const std::string& doc, const std::string& name) {
  const std::string begin = "<!-- schema:" + name + " begin -->\n";
  const std::string end = "<!-- schema:" + name + " end -->";
  const auto a = doc.find(begin);
  if (a == std::string::npos) return std::nullopt;
  const auto b = doc.find(end, a);
  if (b == std::string::npos) return std::nullopt;
  return doc.substr(a + begin.size(), b - a - begin.size());
}

TEST(CliDocs, SchemaTablesEqualTheSchema) {
  const std::string doc = read_docs();
  ASSERT_FALSE(doc.empty());
  for (const std::string name : {"cell", "smelter", "smelter-potline", "invest", "simulate"}) {
    const auto documented = between_markers(doc, name);
    ASSERT_TRUE(documented.has_value())
        << "docs/cli.md has no <!-- schema:" << name << " begin/end --> markers";
    const RunResult r = potline({"schema", name, "--markdown"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_EQ(*documented, r.out)
        << "docs/cli.md's '" << name
        << "' table differs from the schema: run scripts/update-cli-docs.sh";
  }
}

TEST(CliDocs, MarkdownTableHasOneRowPerField) {
  const Json schema = parse_json(potline({"schema", "simulate", "--json"}).out);
  const RunResult r = potline({"schema", "simulate", "--markdown"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(lines_of(r.out).size(), schema["schemas"][0]["fields"].size() + 2);
  EXPECT_NE(r.out.find("| `dynamics.bath_height` | number | cm | 20 | [5, 50] cm |"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace test_cli_docs_schema
}  // namespace potline_cli_test

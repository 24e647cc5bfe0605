// `potline cell --out DIR`: the run folder (manifest.json, summary.json, breakdown.csv,
// energy.csv, inputs.csv with units in headers).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_run_folder {
namespace {

// Column of `name` in the table's first column, as a number.
double row_value(const std::vector<std::string>& lines, const std::string& name, std::size_t column) {
  for (const auto& line : lines) {
    const auto cells = csv_cells(line);
    if (!cells.empty() && cells[0] == name && cells.size() > column) return std::stod(cells[column]);
  }
  ADD_FAILURE() << "no row '" << name << "'";
  return 0.0;
}

class CliRunFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    run_dir = (tmp.path() / "run").string();
    result = potline({"cell", default_case(), "--set", "operation.acd=4.2 cm", "--out", run_dir});
    ASSERT_EQ(result.exit_code, 0) << result.describe();
  }
  std::string file(const std::string& name) const { return read_file(std::filesystem::path(run_dir) / name); }

  TempDir tmp;
  std::string run_dir;
  RunResult result;
};

TEST_F(CliRunFolder, WritesEveryFile) {
  for (const char* name : {"manifest.json", "summary.json", "breakdown.csv", "energy.csv", "inputs.csv"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(run_dir) / name)) << name;
  }
  EXPECT_NE(result.out.find(run_dir), std::string::npos) << "the summary should say where results went";
}

TEST_F(CliRunFolder, ManifestRecordsVersionCommitAndInputHashes) {
  const Json m = parse_json(file("manifest.json"));
  const RunResult version = potline({"--version"});
  ASSERT_TRUE(m.contains("version"));
  EXPECT_NE(version.out.find(m["version"].get<std::string>()), std::string::npos);
  ASSERT_TRUE(m.contains("git_commit"));
  EXPECT_NE(version.out.find(m["git_commit"].get<std::string>()), std::string::npos);
  ASSERT_TRUE(m.contains("started_utc"));
  EXPECT_TRUE(std::regex_match(m["started_utc"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  ASSERT_TRUE(m.contains("inputs"));
  ASSERT_TRUE(m["inputs"].is_array());
  bool case_listed = false;
  for (const auto& input : m["inputs"]) {
    ASSERT_TRUE(input.contains("path"));
    ASSERT_TRUE(input.contains("sha256"));
    EXPECT_TRUE(std::regex_match(input["sha256"].get<std::string>(), std::regex("[0-9a-f]{64}")))
        << input.dump();
    case_listed = case_listed || input["path"] == default_case();
  }
  EXPECT_TRUE(case_listed) << "the case file is not among the manifest inputs: " << m["inputs"].dump();
  EXPECT_GE(m["inputs"].size(), 2u) << "the technology catalogue should be hashed too";
  ASSERT_TRUE(m.contains("arguments"));
  EXPECT_EQ(m["arguments"].back(), run_dir);
}

TEST(CliRunFolderManifest, HashIsTheSha256OfTheCaseFileBytes) {
  TempDir tmp;
  const std::string a = tmp.write("a.toml", "[case]\ntechnology = \"AP40\"\n");
  const std::string b = tmp.write("b.toml", "[case]\ntechnology = \"AP60\"\n");
  auto hash_of = [&](const std::string& path, const std::string& out) {
    const RunResult r = potline({"cell", path, "--out", out});
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    const Json m = parse_json(read_file(std::filesystem::path(out) / "manifest.json"));
    EXPECT_EQ(m["inputs"][0]["path"], path);
    return m["inputs"][0]["sha256"].get<std::string>();
  };
  // Reference: `printf '[case]\ntechnology = "AP40"\n' | sha256sum` (GNU coreutils).
  EXPECT_EQ(hash_of(a, (tmp.path() / "ra").string()),
            "6cfef0bd8ebc8f030f965afb872363f46cf0d85cdc187c7f1727781c801f00c5");
  EXPECT_NE(hash_of(b, (tmp.path() / "rb").string()),
            "6cfef0bd8ebc8f030f965afb872363f46cf0d85cdc187c7f1727781c801f00c5");
}

TEST_F(CliRunFolder, SummaryEqualsTheJsonOutput) {
  const Json summary = parse_json(file("summary.json"));
  const RunResult r = potline({"cell", default_case(), "--set", "operation.acd=4.2 cm", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json printed = parse_json(r.out);
  // Same keys, same numbers (warnings may quote the command-line position, which is the same).
  ASSERT_EQ(summary.size(), printed.size());
  for (const auto& [key, value] : printed.items()) {
    ASSERT_TRUE(summary.contains(key)) << key;
    EXPECT_EQ(summary[key], value) << key;
  }
}

TEST_F(CliRunFolder, BreakdownCsvHasUnitsAndSumsToTheVoltage) {
  const auto lines = lines_of(file("breakdown.csv"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Term,Voltage [V],Share [%]");
  const Json summary = parse_json(file("summary.json"));
  double sum = 0.0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto cells = csv_cells(lines[i]);
    ASSERT_EQ(cells.size(), 3u) << lines[i];
    if (cells[0] == "total") continue;
    sum += std::stod(cells[1]);
    if (summary["breakdown_V"].contains(cells[0])) {
      EXPECT_NEAR(std::stod(cells[1]), summary["breakdown_V"][cells[0]].get<double>(), 1e-6) << cells[0];
    } else {
      ADD_FAILURE() << "breakdown.csv row '" << cells[0] << "' is not in summary.json breakdown_V";
    }
  }
  const double total = row_value(lines, "total", 1);
  EXPECT_NEAR(total, summary["voltage_V"].get<double>(), 1e-6);
  EXPECT_NEAR(sum, total, 1e-5);
  EXPECT_NEAR(row_value(lines, "total", 2), 100.0, 1e-9);
  for (const auto& key : {"reversible", "bath_ohmic", "anode_drop", "cathode_drop", "external"}) {
    EXPECT_GT(row_value(lines, key, 2), 0.0) << key;
  }
}

TEST_F(CliRunFolder, EnergyCsvHasUnitsAndCloses) {
  const auto lines = lines_of(file("energy.csv"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Term,Power [kW],Share of input [%]");
  const double input = row_value(lines, "input", 1);
  const double parts = row_value(lines, "reaction", 1) + row_value(lines, "heating_alumina", 1) +
                       row_value(lines, "heating_anodes", 1) + row_value(lines, "heat_loss", 1);
  EXPECT_NEAR(parts, input, 1e-3);  // four decimals per row
  EXPECT_NEAR(row_value(lines, "input", 2), 100.0, 1e-9);
  const Json summary = parse_json(file("summary.json"));
  EXPECT_NEAR(input, summary["energy_kW"]["input"].get<double>(), 1e-4);
}

TEST_F(CliRunFolder, InputsCsvListsEveryValueWithUnitAndOrigin) {
  const auto lines = lines_of(file("inputs.csv"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Key,Value,Unit,Origin,Where");
  bool acd_seen = false;
  bool current_seen = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto cells = csv_cells(lines[i]);
    ASSERT_EQ(cells.size(), 5u) << lines[i];
    if (cells[0] == "operation.acd") {
      acd_seen = true;
      EXPECT_NEAR(std::stod(cells[1]), 4.2, 1e-9);
      EXPECT_EQ(cells[2], "cm");
      EXPECT_EQ(cells[3], "command line");
      EXPECT_EQ(cells[4], "--set #1");
    }
    if (cells[0] == "operation.line_current") {
      current_seen = true;
      EXPECT_EQ(cells[2], "kA");
    }
  }
  EXPECT_TRUE(acd_seen);
  EXPECT_TRUE(current_seen);
}

TEST_F(CliRunFolder, NoFileHoldsNanOrInf) {
  for (const char* name : {"manifest.json", "summary.json", "breakdown.csv", "energy.csv", "inputs.csv"}) {
    EXPECT_FALSE(has_nonfinite_word(file(name))) << name << ":\n" << file(name);
  }
}

TEST(CliRunFolderErrors, InputErrorWritesNoRunFolder) {
  TempDir tmp;
  const std::string run_dir = (tmp.path() / "run").string();
  const RunResult r = potline({"cell", default_case(), "--set", "operation.acd=-1 cm", "--out", run_dir});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_FALSE(std::filesystem::exists(run_dir)) << "a failed run must not leave a run folder";
}

TEST(CliRunFolderErrors, FolderUnderAFileIsAnInputErrorBeforeTheRun) {
  // Was a run-time failure (exit 1) after the model ran; the path is checked with the options now.
  TempDir tmp;
  const std::string blocker = tmp.write("file", "not a folder");
  const RunResult r = potline({"cell", default_case(), "--out", blocker + "/run"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'" + blocker + "' is not a folder"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace test_cli_run_folder
}  // namespace potline_cli_test

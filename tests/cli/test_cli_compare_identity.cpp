// User trial of 2026-12-05, end to end through the `potline` executable (docs/cli.md, Changes):
// `compare` matches array elements by an identity field, and `simulate` leaves the means over
// anode effects null (not 0) when a run has none.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_compare_identity {
namespace {

// The metric row of `key` in a `compare --json` document, or null.
Json metric(const Json& comparison, const std::string& key) {
  for (const auto& m : comparison.at("metrics")) {
    if (m.at("key") == key) return m;
  }
  return Json();
}

// world.toml holds one exclusion (Russia), xinjiang-exclusion.toml two (Russia's from world.toml, its
// base, then Xinjiang; Xinjiang then Russia before 2026-12-05). Matched by position, compare set
// Russia's exclusion against Xinjiang's (+84 % "change" in origin_production_Mt); by `origin`,
// Russia's rows are equal and Xinjiang's entry is only in run 2.
TEST(CliCompareIdentity, FleetExclusionsAreMatchedByTheirOrigin) {
  TempDir tmp;
  const RunResult w = potline({"fleet", example("world.toml"), "--json"});
  const RunResult x = potline({"fleet", example("xinjiang-exclusion.toml"), "--json"});
  ASSERT_EQ(w.exit_code, 0) << w.describe();
  ASSERT_EQ(x.exit_code, 0) << x.describe();
  const std::string world = tmp.write("world.json", w.out), xinjiang = tmp.write("xinjiang.json", x.out);

  const RunResult j = potline({"compare", world, xinjiang, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json c = parse_json(j.out);
  const Json russia = metric(c, "exclusions[origin=country RUS].origin_production_Mt");
  ASSERT_TRUE(russia.is_object()) << j.out;
  EXPECT_NEAR(russia.at("change")[1].get<double>(), 0.0, 1e-6);  // the same exclusion in both cases
  EXPECT_TRUE(metric(c, "exclusions[0].origin_production_Mt").is_null()) << "no key by position";
  const Json only = metric(c, "exclusions[origin=province Xinjiang].origin_production_Mt");
  ASSERT_TRUE(only.is_object()) << j.out;
  EXPECT_TRUE(only.at("values")[0].is_null());
  EXPECT_GT(only.at("values")[1].get<double>(), 5.0);
  EXPECT_EQ(c.at("unmatched_elements"),
            Json::parse(R"([{"key": "exclusions[origin=province Xinjiang]", "present": [false, true]}])"));

  const RunResult text = potline({"compare", world, xinjiang});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "array elements not in every run (their values show as 'missing' in the others):\n"
                      "  exclusions[origin=province Xinjiang]: only in run 2\n");
  EXPECT_EQ(text.out.find("exclusions[origin=country RUS]"), std::string::npos) << "equal rows are left out";
  EXPECT_EQ(text.out.find("].origin:"), std::string::npos) << "the identity field is in the key already";
  EXPECT_EQ(text.out.find("].binding:"), std::string::npos) << "texts of an unmatched element: with --all";
  // binding and feasible_without; its importers are a list of ids, compared as a set (T17-3), no texts.
  expect_in(text.out, "(2 text values of those elements not shown; --all shows them)\n");
  expect_in(potline({"compare", world, xinjiang, "--all"}).out,
            "exclusions[origin=province Xinjiang].binding: [1] missing [2] false\n");
  expect_in(potline({"compare", xinjiang, world}).out, "  exclusions[origin=province Xinjiang]: only in run 1\n");

  const std::string page = (tmp.path() / "c.html").string();
  ASSERT_EQ(potline({"compare", world, xinjiang, "--report", page}).exit_code, 0);
  expect_in(read_report(page), "<li><code>exclusions[origin=province Xinjiang]</code>: in run 2</li>");
}

// --vary --outputs takes an element as compare prints it, by its identity field.
TEST(CliCompareIdentity, VaryOutputsTakeAnElementByItsIdentity) {
  const RunResult window = potline({"simulate", example("outage-3h.toml"), "--vary", "run.seed=1", "--outputs",
                                    "event_windows[kind=outage].min_superheat_K,event_windows[0].min_superheat_K", "--csv"});
  ASSERT_EQ(window.exit_code, 0) << window.describe();
  const auto window_cells = csv_cells(lines_of(window.out).at(1));
  ASSERT_EQ(window_cells.size(), 4u) << window.out;
  EXPECT_EQ(window_cells[2], window_cells[3]);  // outage-3h's one window, by kind and by position

  const RunResult r = potline({"fleet", example("xinjiang-exclusion.toml"), "--vary", "tariff[0].rate=0.5", "--outputs",
                               "exclusions[origin=country RUS].origin_production_Mt,exclusions.0.origin_production_Mt",
                               "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto rows = lines_of(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  const auto cells = csv_cells(rows[1]);
  ASSERT_EQ(cells.size(), 4u) << r.out;
  EXPECT_EQ(cells[2], cells[3]);  // Russia is the first exclusion of the case (world.toml's, its base)
  const RunResult wrong = potline({"fleet", example("xinjiang-exclusion.toml"), "--vary", "tariff[0].rate=0.5",
                                   "--outputs", "exclusions[origin=country XXX].binding"});
  EXPECT_EQ(wrong.exit_code, 2) << wrong.describe();
  const RunResult flag = potline({"fleet", example("xinjiang-exclusion.toml"), "--vary", "tariff[0].rate=0.5",
                                  "--outputs", "exclusions[origin=country RUS].binding"});
  EXPECT_EQ(flag.exit_code, 2) << flag.describe();  // was "is not a number, not a number"
  EXPECT_NE(flag.err.find("'exclusions[origin=country RUS].binding' is true or false, not a number"), std::string::npos)
      << flag.err;
}

// simulate without an anode effect: the onset alumina and the mean AE duration are undefined (null),
// not "0 wt%" / "0 s"; compare prints "—" for them and no change against a run with AEs.
TEST(CliCompareIdentity, SimulateWithoutAnodeEffectHasNoOnsetAlumina) {
  TempDir tmp;
  const std::string none = (tmp.path() / "none").string(), some = (tmp.path() / "some").string();
  ASSERT_EQ(potline({"simulate", example("cell-7d.toml"), "--out", none}).exit_code, 0);
  ASSERT_EQ(potline({"simulate", example("cell-7d-manual-quench.toml"), "--out", some}).exit_code, 0);
  const Json a = parse_json(read_file(none + "/summary.json"));
  const Json b = parse_json(read_file(some + "/summary.json"));
  ASSERT_EQ(a.at("ae_count"), 0);
  for (const char* key : {"ae_onset_alumina_wt", "ae_onset_zone_alumina_wt", "ae_mean_duration_s"}) {
    EXPECT_TRUE(a.at(key).is_null()) << key;
    EXPECT_GT(b.at(key).get<double>(), 0.0) << key;  // the manual-quench run has anode effects
  }
  EXPECT_EQ(a.at("ae_minutes_per_cell_day"), 0.0);  // rates stay 0

  const RunResult c = potline({"compare", none, some});
  ASSERT_EQ(c.exit_code, 0) << c.describe();
  const auto at = c.out.find("\nae_onset_alumina_wt ");
  ASSERT_NE(at, std::string::npos) << c.out;
  const std::string row = c.out.substr(at + 1, c.out.find('\n', at + 1) - at - 1);
  const auto cells = split_words(row);
  ASSERT_EQ(cells.size(), 5u) << row;
  EXPECT_EQ(cells[1], "—");
  EXPECT_EQ(cells[3], "-");  // no change from an undefined value

  const RunResult csv = potline({"simulate", example("cell-7d.toml"), "--vary", "run.seed=1", "--outputs",
                                 "ae_onset_alumina_wt,ae_count", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.describe();
  expect_in(csv.out, "key,value,ae_onset_alumina_wt,ae_count\nrun.seed,1,,0\n");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_compare_identity

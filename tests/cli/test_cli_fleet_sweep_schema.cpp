// End to end: fleet and sweep through their schemas (--set, schema, template) and the options of
// bath, emissions and cbam declared in schemas (units, ranges, inf/nan as input errors).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_fleet_sweep_schema {

namespace {

void expect_input_error(const RunResult& r, const std::string& text) {
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find(text), std::string::npos) << "stderr lacks \"" << text << "\":\n" << r.err;
}

}  // namespace

TEST(CliFleetSweepSchema, FleetSetChangesALeverAndRefusesAnIndexPastTheEnd) {
  const RunResult base = potline({"fleet", example("world.toml"), "--json"});
  const RunResult set = potline({"fleet", example("world.toml"), "--json", "--set", "tariff[0].rate=0", "--set",
                                 "fleet.lme=2400 USD/t"});
  ASSERT_EQ(base.exit_code, 0) << base.describe();
  ASSERT_EQ(set.exit_code, 0) << set.describe();
  const double us_base = parse_json(base.out).at("price_by_region_usd_per_t").at("usa").get<double>();
  const double us_free = parse_json(set.out).at("price_by_region_usd_per_t").at("usa").get<double>();
  EXPECT_LT(us_free, us_base);  // no Section 232 tariff: a lower US price
  // world.toml's tariffs with those of its base (case.base, world-2024.toml): the US 50 % in the
  // base's place, then the EU's 3 % duty.
  expect_input_error(potline({"fleet", example("world.toml"), "--set", "tariff[2].rate=0.25"}),
                     "--set #1: error: 'tariff[2].rate': the file has 2 [[tariff]] tables; the "
                     "index must be 0 or 1");
  expect_input_error(potline({"fleet", example("world.toml"), "--set", "market.solve=\"false\"x"}),
                     "'market.solve': value");
}

TEST(CliFleetSweepSchema, QuotedFalseInAFleetCaseIsAnInputError) {
  TempDir dir;
  const std::string f = dir.write("c.toml", "[fleet]\nlme = \"2400 USD/t\"\n[market]\nsolve = \"false\"\n");
  expect_input_error(potline({"fleet", f}),
                     "c.toml:4:9: error: 'market.solve': expected true or false (unquoted), got the string 'false'");
}

TEST(CliFleetSweepSchema, TemplatesRun) {
  TempDir dir;
  const RunResult fleet = potline({"template", "fleet"});
  ASSERT_EQ(fleet.exit_code, 0) << fleet.describe();
  const std::string fleet_case = dir.write("fleet.toml", fleet.out);  // the sweep template's base
  const RunResult ran = potline({"fleet", fleet_case, "--json"});
  EXPECT_EQ(ran.exit_code, 0) << ran.describe();
  const RunResult sweep = potline({"template", "sweep"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.describe();
  const std::string sweep_file = dir.write("sweep.toml", sweep.out);
  const RunResult swept =
      potline({"sweep", sweep_file, "--out", (dir.path() / "s.sqlite").string(), "--threads", "1", "--quiet", "--json"});
  EXPECT_EQ(swept.exit_code, 0) << swept.describe();
  EXPECT_TRUE(parse_json(swept.out).at("complete").get<bool>());
}

TEST(CliFleetSweepSchema, SchemaListsFleetSweepAndOptionSchemas) {
  for (const std::string name : {"fleet", "sweep", "bath", "emissions", "cbam"}) {
    const RunResult r = potline({"schema", name, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    const Json j = parse_json(r.out).at("schemas").at(0);
    EXPECT_EQ(j.at("name").get<std::string>(), name);
    EXPECT_FALSE(j.at("fields").empty());
  }
  const RunResult fleet = potline({"schema", "fleet"});
  EXPECT_NE(fleet.out.find("tariff.rate"), std::string::npos);
  EXPECT_NE(fleet.out.find("allowed (0, 100000] USD/t"), std::string::npos);
}

// A text field that the loader requires (its description says so) is listed as required, not as
// "none (optional)" (13 fields were: tariff.importer, fuel_path.source, scenario.name, ...).
TEST(CliFleetSweepSchema, RequiredTextFieldsAreListedAsRequired) {
  int checked = 0;
  for (const std::string name : {"fleet", "sweep"}) {
    const RunResult r = potline({"schema", name, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    const Json schema = parse_json(r.out);
    for (const Json& f : schema.at("schemas").at(0).at("fields")) {
      const std::string description = f.at("description").get<std::string>();
      if (f.at("type") != "string" || description.find("required") == std::string::npos) continue;
      EXPECT_EQ(f.value("default_note", std::string()), "required") << f.at("key").get<std::string>();
      ++checked;
    }
  }
  EXPECT_GE(checked, 13);
  const RunResult text = potline({"schema", "fleet"});
  const auto at = text.out.find("fuel_path.source");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(text.out.substr(at, text.out.find('\n', at) - at).find("default: required"), std::string::npos) << text.out;
}

TEST(CliFleetSweepSchema, SweepSetOverridesTheSampleCount) {
  TempDir dir;
  const RunResult r = potline({"sweep", example("sweep-small.toml"), "--out", (dir.path() / "s.sqlite").string(),
                               "--set", "sweep.samples=2", "--threads", "1", "--quiet", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out).at("samples_per_scenario").get<int>(), 2);
  expect_input_error(potline({"sweep", example("sweep-small.toml"), "--out", (dir.path() / "t.sqlite").string(),
                              "--set", "uncertain[0].min=-1"}),
                     "'uncertain[0].min': value -1 is outside the allowed range [0, 100]");
}

TEST(CliFleetSweepSchema, CbamPricesTakeUnitsAndNonFiniteValuesAreInputErrors) {
  const RunResult ok = potline({"cbam", "--eua-price-eur", "80 EUR/t", "--direct-t-co2e-per-t", "1.5", "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.describe();
  EXPECT_DOUBLE_EQ(parse_json(ok.out).at("factors").at("eua_price_eur_per_t").get<double>(), 80.0);
  expect_input_error(potline({"cbam", "--eua-price-eur", "inf", "--direct-t-co2e-per-t", "1"}),
                     "'--eua-price-eur': 'inf' is not a finite number; this field takes a number in EUR/t");
  expect_input_error(potline({"cbam", "--eua-price-eur", "nan", "--direct-t-co2e-per-t", "1"}),
                     "'--eua-price-eur': 'nan' is not a finite number; this field takes a number in EUR/t");
  expect_input_error(potline({"cbam", "--eua-price-eur", "-5", "--direct-t-co2e-per-t", "1"}),
                     "'--eua-price-eur': value -5 EUR/t is outside the allowed range [0, 10000] EUR/t");
  expect_input_error(potline({"cbam", "--eua-price-eur", "80", "--direct-t-co2e-per-t", "1", "--year", "2025"}),
                     "'--year': value 2025 is outside the allowed range [2026, 2050]");
}

// The default route's text names the mark-up in its SEE: China's default value is 3.0 (data/cbam.toml)
// and 2030's SEE 3.9 = 3.0 x 1.3; the text printed "SEE 3.9" alone. The actual route has no mark-up.
TEST(CliFleetSweepSchema, CbamTextStatesTheDefaultValueAndItsMarkup) {
  const RunResult r = potline({"cbam", "--year", "2030", "--default-country", "CHN", "--eua-price-eur", "80"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("SEE 3.9 t CO2e/t (default value 3 + 30 % mark-up)"), std::string::npos) << r.out;
  const RunResult actual = potline({"cbam", "--year", "2030", "--direct-t-co2e-per-t", "2", "--eua-price-eur", "80"});
  ASSERT_EQ(actual.exit_code, 0) << actual.describe();
  EXPECT_EQ(actual.out.find("mark-up"), std::string::npos) << actual.out;
}

// One spelling of the default route: `potline cbam` said "default:ARE" where the fleet's cost curve
// said "default (ARE)" for the same route; now both (and the smelter's cbam_route) say "default (ARE)".
// The default value of a year after 2034 carries the 2034 mark-up (30 %).
TEST(CliFleetSweepSchema, CbamRouteLabelIsTheFleetsSpelling) {
  const RunResult json = potline({"cbam", "--year", "2040", "--default-country", "ARE", "--eua-price-eur", "80", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const auto j = parse_json(json.out);
  EXPECT_EQ(j.at("route").get<std::string>(), "default (ARE)");
  EXPECT_DOUBLE_EQ(j.at("factors").at("default_markup").get<double>(), 0.30);
  const RunResult text = potline({"cbam", "--year", "2040", "--default-country", "ARE", "--eua-price-eur", "80"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("CBAM 2040, route default (ARE): SEE"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("default:"), std::string::npos) << text.out;
  const RunResult smelter =
      potline({"smelter", example("smelter-us-old-grid.toml"), "--json", "--set", "cbam.eua_price=80 EUR/t", "--set",
               "cbam.usd_per_eur=1.08", "--set", "cbam.route=default", "--set", "cbam.default_country=ARE"});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  EXPECT_EQ(parse_json(smelter.out).at("cbam_route").get<std::string>(), "default (ARE)");
}

TEST(CliFleetSweepSchema, EmissionsOptionsTakeUnits) {
  const RunResult plain = potline({"emissions", "--production-t", "1000", "--aem", "0.5", "--json"});
  const RunResult units = potline({"emissions", "--production-t", "1 kt", "--aem", "0.5 min/d", "--json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  ASSERT_EQ(units.exit_code, 0) << units.describe();
  EXPECT_DOUBLE_EQ(parse_json(plain.out).at("total_t_co2e").get<double>(),
                   parse_json(units.out).at("total_t_co2e").get<double>());
  expect_input_error(potline({"emissions", "--aem", "inf"}), "'--aem': 'inf' is not a finite number");
  expect_input_error(potline({"emissions", "--gwp", "AR7"}), "'--gwp': value 'AR7' is not one of");
}
}  // namespace potline_cli_test::test_cli_fleet_sweep_schema

// Year-series fields (io/year_series.hpp; user trial 17, T17-10): a table of years to numbers declared
// once (cbam.eua_price_by_year in the smelter schema), read from a case file and set one year at a time
// with --set KEY.YEAR=VALUE; every error at its file:line:col, with its message asserted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/schema_docs.hpp"
#include "potline/io/year_series.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace test_year_series {

namespace io = potline::io;
namespace pc = potline::core;
namespace plant = potline::plant;

namespace {

const io::Schema& schema() {
  static const io::Schema s = [] {
    io::SchemaTable<io::Unbound> t("series");
    t.number("cbam.eua_price").unit("EUR/t").min(0.0).doc("one price");
    t.year_series("cbam.eua_price_by_year")
        .unit("EUR/t")
        .min(0.0)
        .years(2026, 2034, "the CBAM schedule")
        .doc("price by year");
    return t.schema();
  }();
  return s;
}

std::vector<std::string> lines(const pc::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(item.to_string());
  return out;
}

io::ValueSet read(const std::string& toml, pc::Diagnostics& d) {
  io::ValueSet values;
  io::read_case_text(toml, "case.toml", schema(), values, d);
  return values;
}

void set(io::ValueSet& values, const std::string& key, const std::string& value, pc::Diagnostics& d) {
  io::apply_overrides({io::Override{key, value, 1}}, schema(), values, d);
}

}  // namespace

TEST(YearSeries, AnInlineTableGivesEachYearItsValueAndPlace) {
  pc::Diagnostics d;
  const io::ValueSet v = read("[cbam]\neua_price_by_year = { 2026 = \"70 EUR/t\", 2030 = 95 }\n", d);
  EXPECT_TRUE(d.items().empty()) << d.to_string();
  const auto years = io::year_series_values(v, "cbam.eua_price_by_year");
  ASSERT_EQ(years.size(), 2u);
  EXPECT_DOUBLE_EQ(years.at(2026)->number, 70.0);
  EXPECT_DOUBLE_EQ(years.at(2030)->number, 95.0);
  EXPECT_EQ(years.at(2030)->location.to_string(), "case.toml:2:49");
  EXPECT_EQ(years.at(2030)->origin, io::Origin::kCaseFile);
  // A [cbam.eua_price_by_year] table and dotted keys are the same TOML.
  pc::Diagnostics d2;
  const io::ValueSet w = read("[cbam.eua_price_by_year]\n2027 = 80\n2028 = \"90 EUR/t\"\n", d2);
  EXPECT_TRUE(d2.items().empty()) << d2.to_string();
  EXPECT_DOUBLE_EQ(w.number("cbam.eua_price_by_year.2028"), 90.0);
}

TEST(YearSeries, SetReplacesOneYearAndKeepsTheOthers) {
  pc::Diagnostics d;
  io::ValueSet v = read("[cbam]\neua_price_by_year = { 2026 = 70, 2030 = 95 }\n", d);
  set(v, "cbam.eua_price_by_year.2030", "120", d);
  set(v, "cbam.eua_price_by_year.2031", "130 EUR/t", d);
  EXPECT_TRUE(d.items().empty()) << d.to_string();
  const auto years = io::year_series_values(v, "cbam.eua_price_by_year");
  ASSERT_EQ(years.size(), 3u);
  EXPECT_DOUBLE_EQ(years.at(2026)->number, 70.0);
  EXPECT_DOUBLE_EQ(years.at(2030)->number, 120.0);
  EXPECT_EQ(years.at(2030)->origin, io::Origin::kCommandLine);
  EXPECT_DOUBLE_EQ(years.at(2031)->number, 130.0);
}

TEST(YearSeries, BadYearsAndValuesAreErrorsAtTheirPlace) {
  pc::Diagnostics d;
  read("[cbam]\neua_price_by_year = { 20x6 = 70, 2040 = 95, 2027 = -5, 2028 = \"9 USD\" }\neua_price = 1\n", d);
  EXPECT_EQ(lines(d),
            (std::vector<std::string>{
                "case.toml:2:23: error: 'cbam.eua_price_by_year': '20x6' is not a year: cbam.eua_price_by_year takes "
                "calendar years 2026–2034 (the CBAM schedule) as keys, e.g. cbam.eua_price_by_year = { 2026 = \"70 "
                "EUR/t\", 2030 = \"95 EUR/t\" }",
                "case.toml:2:34: error: 'cbam.eua_price_by_year.2040': year 2040 is outside the years 2026–2034 (the "
                "CBAM schedule) of cbam.eua_price_by_year",
                "case.toml:2:52: error: 'cbam.eua_price_by_year.2027': value -5 EUR/t is outside the allowed range [0, "
                "inf) EUR/t (price by year)",
                "case.toml:2:63: error: 'cbam.eua_price_by_year.2028': unit 'USD' (money (USD)) cannot be converted to "
                "EUR/t (EUR per mass), this field's unit: write e.g. \"9 EUR/t\" (amounts are not converted between "
                "currencies)"}));
}

TEST(YearSeries, SetErrorsSayHowToSetOneYear) {
  pc::Diagnostics d;
  io::ValueSet v;
  set(v, "cbam.eua_price_by_year", "70", d);
  set(v, "cbam.eua_price_by_year.2025", "70", d);
  set(v, "cbam.eua_price_by_year.next", "70", d);
  pc::Diagnostics scalar;
  read("[cbam]\neua_price_by_year = 70\n", scalar);
  EXPECT_EQ(lines(d),
            (std::vector<std::string>{
                "--set #1: error: 'cbam.eua_price_by_year': value '70': cbam.eua_price_by_year is set one year at a "
                "time: cbam.eua_price_by_year.2026=VALUE (years 2026–2034)",
                "--set #1: error: 'cbam.eua_price_by_year.2025': year 2025 is outside the years 2026–2034 (the CBAM "
                "schedule) of cbam.eua_price_by_year",
                "--set #1: error: 'cbam.eua_price_by_year': 'next' is not a year: cbam.eua_price_by_year takes calendar "
                "years 2026–2034 (the CBAM schedule) as keys, e.g. cbam.eua_price_by_year = { 2026 = \"70 EUR/t\", "
                "2030 = \"95 EUR/t\" }"}));
  EXPECT_EQ(lines(scalar),
            (std::vector<std::string>{
                "case.toml:2:21: error: 'cbam.eua_price_by_year': expected a table of years (2026–2034) to numbers (in "
                "EUR/t, or strings with their unit), e.g. { 2026 = \"70 EUR/t\", 2030 = \"95 EUR/t\" }, got the "
                "integer 70"}));
}

TEST(YearSeries, TheSchemaDocsAndTemplateComeFromTheDeclaration) {
  const io::FieldSpec& f = *plant::smelter_schema().find("cbam.eua_price_by_year");
  EXPECT_EQ(f.range_text(), "[0, inf) EUR/t, years 2026–2034");
  const std::string table = io::schema_markdown(plant::smelter_schema());
  EXPECT_NE(table.find("| `cbam.eua_price_by_year` | year_series | EUR/t | cbam.eua_price in each year not given | "
                       "[0, inf) EUR/t, years 2026–2034 |"),
            std::string::npos);
  const std::string toml = io::case_template(plant::smelter_schema(), io::TemplateSpec{});
  // Not an assignment to uncomment (CliTemplate.TemplateWithEveryDefaultUncommentedIsAccepted): the form.
  EXPECT_NE(toml.find("# eua_price_by_year =   # cbam.eua_price in each year not given; a table of years, e.g. { "
                      "2026 = \"… EUR/t\", 2034 = \"… EUR/t\" }"),
            std::string::npos)
      << toml;
}

namespace {

// examples/smelter-gcc-gas.toml with its [cbam] eua_price line replaced by `replacement`.
std::string gcc_case(const std::string& replacement) {
  std::ifstream in(std::string(POTLINE_SOURCE_DIR) + "/examples/smelter-gcc-gas.toml");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const auto at = s.find("eua_price = \"80 EUR/t\"");
  s.replace(at, s.find('\n', at) - at, replacement);
  const auto path = std::filesystem::temp_directory_path() / ("potline-year-series-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << s;
  return path.string();
}

}  // namespace

// The smelter's CBAM takes each year's EUA: a year the table gives, else cbam.eua_price; the CBAM cost
// is proportional to the EUA when nothing else moves (no carbon price paid at origin).
TEST(YearSeries, TheSmelterCbamTakesEachYearsEuaElseTheOnePrice) {
  const auto& data = potline::testing::shipped_smelter_data();
  pc::Diagnostics d;
  const std::string example = std::string(POTLINE_SOURCE_DIR) + "/examples/smelter-gcc-gas.toml";
  const plant::SmelterCase one = plant::load_smelter_case(example, {}, data, d);
  const plant::SmelterCase two = plant::load_smelter_case(example, {"cbam.eua_price_by_year.2030=120"}, data, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const plant::SmelterResult a = plant::evaluate(one.inputs), b = plant::evaluate(two.inputs);
  EXPECT_DOUBLE_EQ(two.inputs.eua_eur_per_t[4], 120.0);
  EXPECT_DOUBLE_EQ(two.inputs.eua_eur_per_t[3], 80.0);
  EXPECT_NEAR(b.cbam_usd_per_t[4], a.cbam_usd_per_t[4] * 120.0 / 80.0, 1e-9 * a.cbam_usd_per_t[4]);
  EXPECT_DOUBLE_EQ(b.cbam_usd_per_t[3], a.cbam_usd_per_t[3]);
  EXPECT_EQ(two.cbam_eua_basis, "cbam.eua_price_by_year, else cbam.eua_price");
}

TEST(YearSeries, ASmelterYearWithoutAnyEuaIsAnInputErrorAtTheTable) {
  const std::string path = gcc_case("eua_price_by_year = { 2026 = 70, 2027 = 75, 2028 = 80, 2029 = 85, 2030 = 90 }");
  pc::Diagnostics d;
  EXPECT_THROW(plant::load_smelter_case(path, {}, potline::testing::shipped_smelter_data(), d), pc::InputError);
  std::filesystem::remove(path);
  EXPECT_EQ(lines(d), (std::vector<std::string>{
                          path + ":40:30: error: 'cbam.eua_price_by_year.2026': cbam.eua_price_by_year gives no EUA "
                                 "price for 2031, 2032, 2033, 2034 of the CBAM schedule's years 2026–2034: give them, or "
                                 "cbam.eua_price for every year the table leaves out"}));
}

}  // namespace test_year_series

// Every input error of a case in one pass: errors found while building the case (unknown
// technologies, [[potline]] group errors, retrofit errors) are reported together with the range
// and type errors found while reading it, and name the key the user wrote.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/smelter_case.hpp"

namespace test_schema_errors {

using namespace potline;

namespace {

const plant::SmelterData& data() {
  static const plant::SmelterData d = [] {
    core::Diagnostics diagnostics;
    auto x = plant::SmelterData::load(std::string(POTLINE_SOURCE_DIR) + "/data", diagnostics);
    if (diagnostics.has_errors()) throw std::runtime_error(diagnostics.to_string());
    return x;
  }();
  return d;
}

// The plant part of examples/invest-ap60-retrofit.toml (valid on its own).
const std::string kPlant =
    "[prices]\nyear = 2024\nlme = 2400\nalumina_lme_share = 0.14\nanode = 600\nalf3 = 1200\n"
    "power = \"40 USD/MWh\"\n"
    "[emissions]\npfc_method = \"slope\"\naem = 0.3\n"
    "[power]\nsource = \"hydro\"\n";

std::string write_case(const std::string& name, const std::string& text) {
  const auto path =
      std::filesystem::temp_directory_path() / ("potline-schema-errors-" + name + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

// The diagnostics text of loading a case that must fail with input errors.
template <class Load>
std::string errors_of(Load load) {
  core::Diagnostics d;
  try {
    load(d);
  } catch (const core::InputError&) {
    return d.to_string();
  }
  ADD_FAILURE() << "no input error: " << d.to_string();
  return {};
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
}

}  // namespace

TEST(AllErrorsInOnePass, UnknownTechnologyIsReportedWithRangeAndTypeErrors) {
  const std::string path =
      write_case("smelter", kPlant +
                                "[potline]\ntechnology = \"AP4O\"\npots_per_line = 300\n"
                                "[plant]\ncapacity_factor = 2\n"
                                "[labour]\nwage = 110000\nemployees = 3.5\n");
  const std::string text =
      errors_of([&](core::Diagnostics& d) { plant::load_smelter_case(path, {}, data(), d); });
  expect_contains(text, "'potline.technology': unknown technology 'AP4O' (did you mean 'AP40'?)");
  expect_contains(text, "'plant.capacity_factor': value 2 is outside the allowed range [0, 1]");
  expect_contains(text, "'labour.employees': expected an integer, got the float 3.5");
  // The rejected employees value is not reported a second time as missing.
  EXPECT_EQ(text.find("'labour.employees': required"), std::string::npos) << text;
}

TEST(AllErrorsInOnePass, PotlineGroupErrorsComeWithTopLevelErrors) {
  const std::string text2 =
      kPlant +
      "[labour]\nwage = 110000\nemployees = 100\n"
      "[cbam]\nusd_per_eur = 20\n"
      "[[potline]]\nname = \"old\"\ntechnology = \"AP4O\"\npots_per_line = 200\n"
      "[[potline]]\nname = \"new\"\nsec_ac = \"13 kWh/kg\"\ncapacity = \"100000 t/yr\"\n"
      "pots_per_line = 2.5\n";
  const std::string p2 = write_case("groups2", text2);
  const std::string text =
      errors_of([&](core::Diagnostics& d) { plant::load_smelter_case(p2, {}, data(), d); });
  expect_contains(text, "'cbam.usd_per_eur': value 20 USD/EUR is outside the allowed range (0, 10] USD/EUR");
  expect_contains(text, "'potline[1].pots_per_line': expected an integer, got the float 2.5");
  expect_contains(text,
                  "'potline[0].technology': [[potline]] 0 ('old'): unknown technology 'AP4O'");
}

TEST(AllErrorsInOnePass, RetrofitErrorsNameTheRetrofitKey) {
  const std::string path =
      write_case("retrofit", kPlant +
                                 "[potline]\nsec_ac = \"15 kWh/kg\"\n"
                                 "[plant]\ncapacity = \"220000 t/yr\"\n"
                                 "[labour]\nwage = 110000\nemployees = 600\n"
                                 "[investment]\nkind = \"retrofit\"\ncapex = \"3000 USD/t\"\n"
                                 "construction_years = 3\noperating_years = 25\n"
                                 "depreciation_years = 25\nwacc = \"150 %\"\n"
                                 "[retrofit]\ntechnology = \"AP6O\"\n");
  const std::string text =
      errors_of([&](core::Diagnostics& d) { finance::load_invest_case(path, {}, data(), d); });
  expect_contains(text, "'investment.wacc': value '150 %'");
  expect_contains(text, "'retrofit.technology': unknown technology 'AP6O' (did you mean 'AP60'?)");
  EXPECT_EQ(text.find("'potline.technology'"), std::string::npos) << text;
}

TEST(AllErrorsInOnePass, RetrofitErrorWithoutOtherErrorsNamesTheRetrofitKey) {
  const std::string path =
      write_case("retrofit2", kPlant +
                                  "[potline]\nsec_ac = \"15 kWh/kg\"\n"
                                  "[plant]\ncapacity = \"220000 t/yr\"\n"
                                  "[labour]\nwage = 110000\nemployees = 600\n"
                                  "[investment]\nkind = \"retrofit\"\ncapex = \"3000 USD/t\"\n"
                                  "construction_years = 3\noperating_years = 25\n"
                                  "depreciation_years = 25\nwacc = \"8 %\"\n"
                                  "[retrofit]\ntechnology = \"AP6O\"\n");
  const std::string text =
      errors_of([&](core::Diagnostics& d) { finance::load_invest_case(path, {}, data(), d); });
  expect_contains(text, "'retrofit.technology': unknown technology 'AP6O' (did you mean 'AP60'?)");
  EXPECT_EQ(text.find("'potline.technology'"), std::string::npos) << text;
}
TEST(AllErrorsInOnePass, DefaultCbamRouteWithoutACountryNamesTheRouteAndTheCountries) {
  // Formerly "no CBAM default value for country '' in data/cbam.toml", with no file position.
  const std::string path =
      write_case("cbam-route", kPlant +
                                   "[potline]\nsec_ac = \"14 kWh/kg\"\n"
                                   "[plant]\ncapacity = \"300000 t/yr\"\n"
                                   "[labour]\nwage = 60000\nemployees = 800\n"
                                   "[cbam]\neua_price = \"80 EUR/t\"\nusd_per_eur = 1.08\nroute = \"default\"\n");
  const std::string text =
      errors_of([&](core::Diagnostics& d) { plant::load_smelter_case(path, {}, data(), d); });
  expect_contains(text, ":23:9: error: 'cbam.default_country': required with cbam.route = \"default\"");
  expect_contains(text, "data/cbam.toml has: CHN, ARE");
  EXPECT_EQ(text.find("country ''"), std::string::npos) << text;
}
// An exporting country outside the CBAM's scope ([EU 2023/956] Annex III) is said to be so, at its
// position, instead of "no CBAM default value ... (did you mean 'BHR'?)".
TEST(AllErrorsInOnePass, CbamDefaultCountryOutsideTheScopeIsSaidToBeExempt) {
  const std::string path =
      write_case("cbam-nor", kPlant +
                                 "[potline]\nsec_ac = \"14 kWh/kg\"\n"
                                 "[plant]\ncapacity = \"300000 t/yr\"\n"
                                 "[labour]\nwage = 60000\nemployees = 800\n"
                                 "[cbam]\neua_price = \"80 EUR/t\"\nusd_per_eur = 1.08\nroute = \"default\"\n"
                                 "default_country = \"NOR\"\n");
  const std::string text =
      errors_of([&](core::Diagnostics& d) { plant::load_smelter_case(path, {}, data(), d); });
  expect_contains(text, "'cbam.default_country': CBAM does not apply to imports from NOR (Norway: EEA state, in the EU ETS");
  EXPECT_EQ(text.find("did you mean"), std::string::npos) << text;
}
// T9-12: an error of building the case that names a key rejected while reading (in its key or its
// text, as a whole key) follows from the rejection and is left out; the others are kept.
TEST(AllErrorsInOnePass, LaterErrorsNamingARejectedKeyAreLeftOut) {
  core::Diagnostics d;
  d.error({"case.toml", 9, 21}, "prices.alumina_lme_share",
          "value 21 is outside the allowed range [0, 1]");
  d.error({"case.toml", 4, 1}, "prices.alumina", "value -1 is outside the allowed range");
  core::Diagnostics later;
  later.error({}, "prices.alumina",
              "required: give prices.alumina (USD/t) or prices.alumina_lme_share");
  later.error({}, "plant.capacity",
              "required: give plant.capacity (t/yr) or prices.alumina_lme_share.");
  later.error({}, "cathode",
              "give both prices.alumina_lme_share_x and prices.alumina2 (or neither)");
  later.error({}, "power.source", "required: one of hydro, grid (see prices.alumina[1])");
  later.warning({}, "prices.lme", "a warning is not repeated");
  io::append_errors_except_rejected(later, d);
  const std::string text = d.to_string();
  EXPECT_EQ(text.find("required: give"), std::string::npos) << text;
  expect_contains(
      text,
      "error: 'cathode': give both prices.alumina_lme_share_x and prices.alumina2 (or neither)");
  expect_contains(text,
                  "error: 'power.source': required: one of hydro, grid (see prices.alumina[1])");
  EXPECT_EQ(text.find("warning"), std::string::npos) << text;
  EXPECT_EQ(d.error_count(), 4u) << text;
}
}  // namespace test_schema_errors

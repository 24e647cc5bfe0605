// The fleet case is read through its schema (fleet_schema.cpp): wrong types are errors (never
// coerced), every value is range-checked, unknown keys get a did-you-mean, all errors come in one
// pass at file:line:col, and --set reaches plain keys and the fields of each [[lever]] table.
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_case_schema {

using namespace potline;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

fleet::FleetCase parse(const std::string& text, const std::vector<std::string>& sets = {}) {
  core::Diagnostics d;
  return fleet::parse_fleet_case(text, "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples",
                                 cell::default_data_dir(), data(), d, sets);
}

// The error text of a case that must fail, with the number of errors.
std::string errors_of(const std::string& text, const std::vector<std::string>& sets = {}, std::size_t* count = nullptr) {
  try {
    parse(text, sets);
  } catch (const core::InputError& e) {
    const std::string what = e.what();
    if (count != nullptr) {
      *count = 0;
      for (auto at = what.find(": error: "); at != std::string::npos; at = what.find(": error: ", at + 1)) ++*count;
    }
    return what;
  }
  ADD_FAILURE() << "expected input errors for:\n" << text;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kBase = "[fleet]\nlme = \"2000 USD/t\"\n[[tariff]]\nimporter = \"usa\"\nrate = 0.25\n";

}  // namespace

TEST(fleet_case_schema, QuotedBooleanIsAnErrorNotTrue) {
  const std::string e = errors_of(std::string(kBase) + "[market]\nsolve = \"false\"\n");
  EXPECT_TRUE(has(e, "t.toml:7:9: error: 'market.solve': expected true or false (unquoted), got the string 'false'")) << e;
  EXPECT_FALSE(parse(std::string(kBase) + "[market]\nsolve = false\n").solve_market);
}

TEST(fleet_case_schema, EveryBadValueIsReportedInOnePassWithItsLocation) {
  const std::string text =
      "[fleet]\n"
      "smelters = 42\n"                // 2: a number where a path belongs
      "lme = \"-5 USD/t\"\n"           // 3
      "alumina_lme_share = 7\n"        // 4
      "lmee = 3\n"                     // 5
      "[[carbon_price]]\n"
      "region = \"europe\"\n"
      "price = -10\n"                  // 8
      "[[tariff]]\n"
      "importer = \"usaa\"\n"          // 10
      "rate = 11\n"                    // 11
      "[[demand]]\n"
      "region = \"china\"\n"
      "factr = 2\n";                   // 14
  std::size_t count = 0;
  const std::string e = errors_of(text, {}, &count);
  EXPECT_TRUE(has(e, "t.toml:2:12: error: 'fleet.smelters': expected a quoted string, got 42")) << e;
  EXPECT_TRUE(has(e, "t.toml:3:7: error: 'fleet.lme': value '-5 USD/t' is outside the allowed range (0, 100000] USD/t")) << e;
  EXPECT_TRUE(has(e, "t.toml:4:21: error: 'fleet.alumina_lme_share': value 7 is outside the allowed range [0, 1]")) << e;
  EXPECT_TRUE(has(e, "t.toml:5:1: error: 'fleet.lmee': unknown key (did you mean 'fleet.lme'?)")) << e;
  EXPECT_TRUE(has(e, "t.toml:8:9: error: 'carbon_price[0].price': value -10 USD/t is outside the allowed range [0, 10000] USD/t")) << e;
  EXPECT_TRUE(has(e, "t.toml:10:12: error: 'tariff[0].importer': unknown region 'usaa' (did you mean 'usa'?)")) << e;
  EXPECT_TRUE(has(e, "t.toml:11:8: error: 'tariff[0].rate': value 11 is outside the allowed range [0, 10]")) << e;
  EXPECT_TRUE(has(e, "t.toml:14:1: error: 'demand[0].factr': unknown key (did you mean 'demand[0].factor'?)")) << e;
  EXPECT_EQ(count, 8u) << e;
}

TEST(fleet_case_schema, PricesHaveUpperBoundsThatKeepResultsFinite) {
  EXPECT_TRUE(has(errors_of("[fleet]\nlme = 1e307\n"), "'fleet.lme': value 1e+307 USD/t is outside the allowed range (0, 100000] USD/t"));
  EXPECT_TRUE(has(errors_of(std::string(kBase) + "[[power_shock]]\nregion = \"usa\"\nadder = \"1e300 USD/MWh\"\n"),
                  "is outside the allowed range [-1000, 10000] USD/MWh"));
  EXPECT_TRUE(has(errors_of(std::string(kBase) + "[cbam]\nyear = 2030\neua_price = \"inf EUR/t\"\nusd_per_eur = 1.1\n"),
                  "'cbam.eua_price'"));
}

TEST(fleet_case_schema, RequiredKeysAreNamedAtTheirTable) {
  const std::string e = errors_of("[case]\ntitle = \"x\"\n[[cap]]\nregion = \"china\"\n[cbam]\neua_price = 80\n");
  EXPECT_TRUE(has(e, "t.toml:1:1: error: 'fleet.lme': required: the LME aluminium price (USD/t)")) << e;
  EXPECT_TRUE(has(e, "t.toml:3:1: error: 'cap[0].capacity': required: the region's production cap (Mt/yr)")) << e;
  EXPECT_TRUE(has(e, "'cbam.year': required with [cbam]")) << e;
  // The missing key by its own name (T7-1): eua_price is given here, the exchange rate is not.
  EXPECT_TRUE(has(e, "'cbam.usd_per_eur': required with [cbam] in a case without fleet.year: the exchange rate "
                     "(USD/EUR)"))
      << e;
  EXPECT_FALSE(has(e, "'cbam.eua_price': required")) << e;
  const std::string rate_only = errors_of("[fleet]\nlme = 2000\n[cbam]\nyear = 2030\nusd_per_eur = 1.1\n");
  EXPECT_TRUE(has(rate_only, "'cbam.eua_price': required with [cbam] in a case without fleet.year")) << rate_only;
  EXPECT_FALSE(has(rate_only, "'cbam.usd_per_eur'")) << rate_only;
}

TEST(fleet_case_schema, ListsTakeAStringOrAnArrayOfKnownValues) {
  EXPECT_EQ(parse("[fleet]\nlme = 2000\ninclude_status = \"operating\"\n").include_status,
            (std::vector<std::string>{"operating"}));
  const std::string e = errors_of("[fleet]\nlme = 2000\ninclude_status = [\"operating\", \"curtaild\"]\n");
  EXPECT_TRUE(has(e, "'fleet.include_status': value 'curtaild' is not one of: operating, curtailed, closed, unknown "
                     "(did you mean 'curtailed'?)")) << e;
}

TEST(fleet_case_schema, SetReachesPlainKeysAndLeverTables) {
  const fleet::FleetCase c = parse(std::string(kBase) + "[[demand]]\nregion = \"china\"\n[[demand]]\nregion = \"usa\"\n",
                                   {"tariff[0].rate=0.4", "demand[1].factor=1.1", "fleet.lme=2400 USD/t",
                                    "market.solve=false", "tariff[0].exporters=china, russia"});
  ASSERT_EQ(c.tariffs.size(), 1u);
  EXPECT_DOUBLE_EQ(c.tariffs[0].rate, 0.4);
  EXPECT_EQ(c.tariffs[0].exporters, (std::vector<std::string>{"china", "russia"}));
  EXPECT_DOUBLE_EQ(c.lme_usd_per_kg, 2.4);
  EXPECT_FALSE(c.solve_market);
  EXPECT_DOUBLE_EQ(c.demand_factor[static_cast<std::size_t>(c.model.regions.index_of("usa"))], 1.1);
  EXPECT_DOUBLE_EQ(c.demand_factor[static_cast<std::size_t>(c.model.regions.index_of("china"))], 1.0);
}

TEST(fleet_case_schema, BadOverridesAreErrorsLikeTheFile) {
  std::size_t count = 0;
  const std::string e =
      errors_of(kBase,
                {"tariff[3].rate=1", "tariff[0].rate=-1", "tariff.rate=1", "tarif[0].rate=1",
                 "market.solve=no", "demand[0].factor=2", "fleet.lme=nan", "tariff[x].rate=1"},
                &count);
  EXPECT_TRUE(has(
      e, "--set #1: error: 'tariff[3].rate': the file has 1 [[tariff]] table; the index must be 0"))
      << e;
  EXPECT_TRUE(
      has(e, "--set #2: error: 'tariff[0].rate': value -1 is outside the allowed range [0, 10]"))
      << e;
  EXPECT_TRUE(has(
      e,
      "--set #3: error: 'tariff.rate': a key of the [[tariff]] tables: write tariff[I].rate=VALUE"))
      << e;
  EXPECT_TRUE(has(e,
                  "--set #4: error: 'tarif[0].rate': unknown array of tables [[tarif]] (did you "
                  "mean 'tariff[0].rate'?)"))
      << e;
  EXPECT_TRUE(has(e, "--set #5: error: 'market.solve': value 'no' is not true or false")) << e;
  EXPECT_TRUE(has(e, "--set #6: error: 'demand[0].factor': the file has 0 [[demand]] tables")) << e;
  EXPECT_TRUE(has(e, "--set #7: error: 'fleet.lme': 'nan' is not a finite number; this field takes a number in USD/t")) << e;
  EXPECT_TRUE(has(e, "--set #8: error: 'tariff[x].rate': expected NAME[I].KEY=VALUE")) << e;
  EXPECT_EQ(count, 8u) << e;
}

TEST(fleet_case_schema, EveryFieldHasADescriptionAndNumbersHaveARange) {
  for (const auto& f : fleet::fleet_schema().fields()) {
    EXPECT_FALSE(f.description.empty()) << f.key;
    if (f.type == io::FieldType::kNumber) {
      EXPECT_TRUE(f.min.has_value() && f.max.has_value()) << f.key;
    }
  }
}

// The plain settings bind FleetCase members through the table, so a case that gives only the LME
// carries the table's defaults (converted to SI) and the market model's own demand-curve defaults.
TEST(fleet_case_schema, BoundSettingsTakeTheTableDefaults) {
  const fleet::FleetCase c = parse("[fleet]\nlme = \"2000 USD/t\"\n");
  EXPECT_DOUBLE_EQ(c.lme_usd_per_kg, 2.0);
  EXPECT_DOUBLE_EQ(c.alumina_lme_share, 0.14);
  EXPECT_TRUE(c.solve_market);
  EXPECT_EQ(c.tariff_basis, fleet::TariffBasis::kTransactionValue);  // since 2026-12-06 (T8-12)
  EXPECT_DOUBLE_EQ(c.restart_lead_time_yr, 0.75);                      // W27
  EXPECT_NEAR(c.tariff_tolerance_usd_per_kg, 1e-4, 1e-15);  // 0.1 USD/t
  EXPECT_EQ(c.tariff_max_iterations, 60);
  const market::DemandCurve model_defaults;
  EXPECT_DOUBLE_EQ(c.market_defaults.curve.elasticity, model_defaults.elasticity);
  EXPECT_DOUBLE_EQ(c.market_defaults.curve.range, model_defaults.range);
  EXPECT_EQ(c.market_defaults.curve.blocks, model_defaults.blocks);
  EXPECT_FALSE(c.market_defaults.reference_usd_per_kg.has_value());
  // Without market.reference_price each region's curve starts at its observed price, the LME + the
  // region table's premium (market.demand_anchor = "regional_price", since 2026-12-06 late, T12-11).
  EXPECT_EQ(c.market_defaults.anchor, fleet::DemandAnchor::kRegionalPrice);
  ASSERT_EQ(c.demand_curve.size(), c.model.regions.regions.size());
  for (std::size_t r = 0; r < c.demand_curve.size(); ++r) {
    EXPECT_DOUBLE_EQ(c.demand_curve[r].reference_price_usd_per_kg, 2.0 + c.model.regions.regions[r].premium_usd_per_kg)
        << c.model.regions.regions[r].id;
  }
}

// The anchor of the demand curves (T12-11): the region's observed price by default (the US at the
// LME + the Midwest premium of data/fleet-regions.toml, 430 USD/t; China's premium is 0), the LME
// alone with market.demand_anchor = "lme", and market.reference_price for every region when given,
// whatever the anchor.
TEST(fleet_case_schema, DemandCurvesPassThroughEachRegionsAnchor) {
  const std::string lme = "[fleet]\nlme = \"2000 USD/t\"\n";
  const fleet::FleetCase regional = parse(lme);
  const auto usa = static_cast<std::size_t>(regional.model.regions.index_of("usa"));
  const auto china = static_cast<std::size_t>(regional.model.regions.index_of("china"));
  EXPECT_NEAR(regional.demand_curve[usa].reference_price_usd_per_kg, 2.430, 1e-12);
  EXPECT_NEAR(regional.demand_curve[china].reference_price_usd_per_kg, 2.0, 1e-12);
  for (const fleet::FleetCase& c : {parse(lme, {"market.demand_anchor=lme"}),
                                    parse(lme + "[market]\ndemand_anchor = \"lme\"\n")}) {
    EXPECT_EQ(c.market_defaults.anchor, fleet::DemandAnchor::kLme);
    for (const market::DemandCurve& curve : c.demand_curve) EXPECT_DOUBLE_EQ(curve.reference_price_usd_per_kg, 2.0);
  }
  for (const std::string anchor : {"lme", "regional_price"}) {
    const fleet::FleetCase c = parse(lme, {"market.demand_anchor=" + anchor, "market.reference_price=2500"});
    for (const market::DemandCurve& curve : c.demand_curve) EXPECT_DOUBLE_EQ(curve.reference_price_usd_per_kg, 2.5);
  }
  EXPECT_NE(errors_of(lme, {"market.demand_anchor=observed"}).find("market.demand_anchor"), std::string::npos);
}

TEST(fleet_case_schema, BoundSettingsFollowTheFileAndSet) {
  const fleet::FleetCase c = parse(
      "[fleet]\nlme = \"2000 USD/t\"\n[market]\ndemand_shape = \"linear\"\ntariff_basis = \"lme\"\n"
      "reference_price = \"2500 USD/t\"\n",
      {"market.demand_blocks=7", "market.solve=false"});
  EXPECT_EQ(c.market_defaults.curve.shape, market::DemandShape::kLinear);
  EXPECT_EQ(c.tariff_basis, fleet::TariffBasis::kLme);
  EXPECT_EQ(c.market_defaults.curve.blocks, 7);
  EXPECT_FALSE(c.solve_market);
  ASSERT_TRUE(c.market_defaults.reference_usd_per_kg.has_value());
  EXPECT_DOUBLE_EQ(*c.market_defaults.reference_usd_per_kg, 2.5);
  EXPECT_TRUE(fleet::fleet_table().is_bound("market.demand_blocks"));
  EXPECT_FALSE(fleet::fleet_table().is_bound("cbam.year"));  // required only with [cbam]: read by the case
}
}  // namespace test_fleet_case_schema

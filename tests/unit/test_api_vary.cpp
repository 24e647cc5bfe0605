// api::parse_vary and the table writers of --vary (src/api/vary.cpp): ranges with units, floating
// steps that must keep STOP, lists, the run loop against a stand-in command, missing values.
#include <gtest/gtest.h>

#include "potline/api/vary.hpp"

namespace potline::api {
namespace test_api_vary {
namespace {

std::vector<std::string> values_of(const std::string& text) {
  core::Diagnostics d;
  const auto spec = parse_vary(text, 1, d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return spec ? spec->values : std::vector<std::string>{};
}

std::string error_of(const std::string& text) {
  core::Diagnostics d;
  EXPECT_FALSE(parse_vary(text, 2, d).has_value());
  return d.to_string();
}

TEST(ApiVary, RangeWithUnitAppliesTheUnitToEachValue) {
  EXPECT_EQ(values_of("prices.power=30:60:10 USD/MWh"),
            (std::vector<std::string>{"30 USD/MWh", "40 USD/MWh", "50 USD/MWh", "60 USD/MWh"}));
}

TEST(ApiVary, FloatingStepsKeepStopAndPrintCleanly) {
  // 0.1 x 3 is 0.30000000000000004 in binary floating point; the value is written 0.3 and STOP stays.
  EXPECT_EQ(values_of("x=0:0.3:0.1"), (std::vector<std::string>{"0", "0.1", "0.2", "0.3"}));
  EXPECT_EQ(values_of("x=1:0:-0.5"), (std::vector<std::string>{"1", "0.5", "0"}));
  EXPECT_EQ(values_of("x=2:2:1"), (std::vector<std::string>{"2"}));
  EXPECT_EQ(values_of("x=0:1:0.4"), (std::vector<std::string>{"0", "0.4", "0.8"}));  // STOP not reached
}

TEST(ApiVary, ListsKeepEachValueAsGiven) {
  EXPECT_EQ(values_of("case.technology=AP40, AP60"), (std::vector<std::string>{"AP40", "AP60"}));
  EXPECT_EQ(values_of("operation.acd=4 cm,4.5 cm"), (std::vector<std::string>{"4 cm", "4.5 cm"}));
  EXPECT_EQ(values_of("operation.acd='4.2 cm'"), (std::vector<std::string>{"4.2 cm"}));
}

TEST(ApiVary, ErrorsAreLocatedAtTheVaryOption) {
  EXPECT_NE(error_of("x=1:2:0").find("--vary #2: error: 'x': STEP is 0 in '1:2:0'"), std::string::npos);
  EXPECT_NE(error_of("x=1:2:-1").find("STEP -1 goes away from STOP in '1:2:-1'"), std::string::npos);
  EXPECT_NE(error_of("x=1:inf:1").find("STOP 'inf' of '1:inf:1' is not a finite number"), std::string::npos);
  EXPECT_NE(error_of("x=0:200:1").find("gives 201 values, more than the 200 allowed"), std::string::npos);
  EXPECT_NE(error_of("=1,2").find("is not KEY=START:STOP:STEP or KEY=V1,V2,V3"), std::string::npos);
  EXPECT_NE(error_of("x=,").find("no values in ','"), std::string::npos);
}

TEST(ApiVary, RunLoopReadsNestedOutputsAndExpandsObjects) {
  core::Diagnostics d;
  const VarySpec spec = *parse_vary("a=1,2", 1, d);
  std::vector<std::vector<std::string>> calls;
  const auto run = [&](const std::vector<std::string>& sets) {
    calls.push_back(sets);
    const double a = std::stod(sets.back().substr(2));
    io::Json j;
    j["cost"]["c1"] = 10 * a;
    j["price"] = {{"usa", a}, {"china", -a}};
    j["irr"] = a > 1 ? io::Json(nullptr) : io::Json(0.1);
    return j;
  };
  const VaryTable t = run_vary("smelter", {spec}, {"base=0"}, {"cost.c1", "price", "irr"}, run);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1], (std::vector<std::string>{"base=0", "a=2"}));
  EXPECT_EQ(t.outputs, (std::vector<std::string>{"cost.c1", "price.usa", "price.china", "irr"}));
  EXPECT_EQ(*t.rows[1].outputs[0], 20.0);
  EXPECT_EQ(*t.rows[1].outputs[2], -2.0);
  EXPECT_FALSE(t.rows[1].outputs[3].has_value());
  EXPECT_EQ(vary_csv(t), "key,value,cost.c1,price.usa,price.china,irr\na,1,10,1,-1,0.1\na,2,20,2,-2,\n");
  EXPECT_NE(vary_text(t).find("n/a"), std::string::npos);
  EXPECT_TRUE(vary_json(t)["rows"][1]["outputs"]["irr"].is_null());
}

TEST(ApiVary, HiddenSetErrorsAreReportedAtTheVary) {
  core::Diagnostics d;
  const VarySpec spec = *parse_vary("a=1", 3, d);
  const auto run = [](const std::vector<std::string>& sets) -> io::Json {
    core::Diagnostics bad;
    bad.error({"--set #" + std::to_string(sets.size()), 0, 0}, "a", "unknown key");
    throw core::InputError(bad);
  };
  try {
    run_vary("cell", {spec}, {"b=1"}, {"x"}, run);
    FAIL() << "no error";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.diagnostics().to_string(), "--vary #3: error: 'a': unknown key\n");
  }
}

}  // namespace
}  // namespace test_api_vary
}  // namespace potline::api

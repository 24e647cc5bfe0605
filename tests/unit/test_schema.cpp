// Unit tests for io/schema and io/values: range text, convert_input validation and messages,
// format_in_field_unit. Uses the real cell schema and small hand-made fields.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "potline/cell/cell_schema.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace test_schema {

namespace io = potline::io;
namespace pc = potline::core;

namespace {

const io::FieldSpec& cell_field(const std::string& key) {
  const io::FieldSpec* f = potline::cell::cell_schema().find(key);
  if (f == nullptr) throw std::logic_error("no cell field " + key);
  return *f;
}

// " (description)": range errors end with the field's description from the catalogue.
std::string about(const std::string& key) { return " (" + cell_field(key).description + ")"; }

const pc::SourceLocation kWhere{"case.toml", 4, 7};

struct Result {
  std::optional<io::Value> value;
  pc::Diagnostics diagnostics;
};

Result convert(const io::FieldSpec& field, const std::string& raw, bool is_string = false) {
  Result r;
  r.value = io::convert_input(field, raw, is_string, kWhere, r.diagnostics);
  return r;
}

// The one diagnostic's message; fails the test if there is not exactly one.
std::string only_message(const Result& r) {
  EXPECT_EQ(r.diagnostics.items().size(), 1u) << r.diagnostics.to_string();
  return r.diagnostics.items().empty() ? std::string() : r.diagnostics.items().front().message;
}

io::FieldSpec voltage_field() {
  io::FieldSpec f;
  // Move-assigned strings: GCC 12 warns falsely (-Wrestrict) on assigning short literals here.
  f.key = std::string("test.voltage");
  f.type = io::FieldType::kNumber;
  f.unit = std::string("V");
  f.internal_unit = std::string("V");
  f.min = 0.0;
  f.max = 5.0;
  f.max_exclusive = true;
  return f;
}

}  // namespace

// ---- schema ----------------------------------------------------------------------------------

TEST(Schema, RangeTextShowsInclusiveAndExclusiveBounds) {
  EXPECT_EQ(cell_field("operation.line_current").range_text(), "(0, 2000] kA");
  EXPECT_EQ(cell_field("operation.acd").range_text(), "[1, 15] cm");
  EXPECT_EQ(cell_field("bath.alumina").range_text(), "(0, 20] wt%");
  EXPECT_EQ(cell_field("design.rectifier_efficiency").range_text(), "[0.5, 1]");  // unit "1"
  EXPECT_EQ(cell_field("operation.bath_temperature").range_text(), "[850, 1100] degC");
  EXPECT_EQ(voltage_field().range_text(), "[0, 5) V");
  EXPECT_EQ(cell_field("case.title").range_text(), "");
}

TEST(Schema, OpenEndedRanges) {
  io::FieldSpec f = voltage_field();
  f.max.reset();
  EXPECT_EQ(f.range_text(), "[0, inf) V");
  f.min_exclusive = true;
  EXPECT_EQ(f.range_text(), "(0, inf) V");
  f.min.reset();
  f.max = 5.0;
  f.max_exclusive = false;
  EXPECT_EQ(f.range_text(), "(-inf, 5] V");
}

TEST(Schema, TypicalText) {
  EXPECT_EQ(cell_field("operation.acd").typical_text(), "3–6 cm");
  EXPECT_EQ(cell_field("design.anode_drop").typical_text(), "0.25–0.35 V");
  EXPECT_EQ(cell_field("operation.line_current").typical_text(), "60–700 kA");
  EXPECT_EQ(cell_field("operation.bath_temperature").typical_text(), "");
}

TEST(Schema, FindKeysSections) {
  const auto& schema = potline::cell::cell_schema();
  EXPECT_EQ(schema.name(), "cell");
  ASSERT_NE(schema.find("operation.acd"), nullptr);
  EXPECT_EQ(schema.find("operation.acd")->unit, "cm");
  EXPECT_EQ(schema.find("operation.acd")->internal_unit, "m");
  EXPECT_EQ(schema.find("acd"), nullptr);
  EXPECT_EQ(schema.sections(),
            (std::vector<std::string>{"case", "operation", "bath", "design", "model", "anode", "purity"}));
  const auto keys = schema.keys();
  EXPECT_EQ(keys.size(), schema.fields().size());
  EXPECT_EQ(keys.front(), "case.title");
}

TEST(Schema, DuplicateKeysAreRejected) {
  io::FieldSpec a = voltage_field();
  try {
    io::Schema s("demo", {a, a});
    FAIL() << "duplicate accepted";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "schema demo: duplicate key test.voltage");
  }
}

TEST(Schema, KeysWithoutSectionFormTheEmptySection) {
  io::FieldSpec top = voltage_field();
  top.key = "title";
  io::Schema s("demo", {top, voltage_field()});
  EXPECT_EQ(s.sections(), (std::vector<std::string>{"", "test"}));
}

TEST(Schema, NamesOfTypesAndOrigins) {
  EXPECT_EQ(io::to_string(io::FieldType::kNumber), "number");
  EXPECT_EQ(io::to_string(io::FieldType::kInteger), "integer");
  EXPECT_EQ(io::to_string(io::FieldType::kString), "string");
  EXPECT_EQ(io::to_string(io::FieldType::kBool), "bool");
  EXPECT_EQ(io::to_string(io::FieldType::kChoice), "choice");
  EXPECT_EQ(io::to_string(io::Origin::kDefault), "default");
  EXPECT_EQ(io::to_string(io::Origin::kTechnology), "technology");
  EXPECT_EQ(io::to_string(io::Origin::kCaseFile), "case file");
  EXPECT_EQ(io::to_string(io::Origin::kCommandLine), "command line");
  EXPECT_EQ(io::to_string(io::Origin::kCalibrated), "calibrated");
}

// ---- numbers ---------------------------------------------------------------------------------

TEST(ConvertNumber, PlainNumberInFieldUnitIsStoredInInternalUnit) {
  const auto r = convert(cell_field("operation.line_current"), "600");
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(r.value->number, 6e5);
  EXPECT_EQ(r.value->location.to_string(), "case.toml:4:7");
  EXPECT_TRUE(r.diagnostics.items().empty());
}

TEST(ConvertNumber, StringWithUnit) {
  const auto r = convert(cell_field("operation.acd"), "45 mm", true);
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(r.value->number, 0.045);
  const auto t = convert(cell_field("operation.bath_temperature"), "1233.15 K", true);
  ASSERT_TRUE(t.value);
  EXPECT_DOUBLE_EQ(t.value->number, 1233.15);
  const auto e = convert(cell_field("design.rectifier_efficiency"), "97.5 %", true);
  ASSERT_TRUE(e.value);
  EXPECT_DOUBLE_EQ(e.value->number, 0.975);
}

TEST(ConvertNumber, ExclusiveLowerBoundRejectsTheBound) {
  const auto r = convert(cell_field("operation.line_current"), "0");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "value 0 kA is outside the allowed range (0, 2000] kA" + about("operation.line_current"));
  EXPECT_TRUE(convert(cell_field("operation.line_current"), "0.001").value);
}

TEST(ConvertNumber, InclusiveUpperBoundAcceptsTheBound) {
  const auto ok = convert(cell_field("operation.line_current"), "2000");
  ASSERT_TRUE(ok.value);
  EXPECT_DOUBLE_EQ(ok.value->number, 2e6);
  const auto r = convert(cell_field("operation.line_current"), "2500");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "value 2500 kA is outside the allowed range (0, 2000] kA" + about("operation.line_current"));
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.severity, pc::Severity::kError);
  EXPECT_EQ(d.key, "operation.line_current");
  EXPECT_EQ(d.to_string(),
            "case.toml:4:7: error: 'operation.line_current': value 2500 kA is outside the allowed "
            "range (0, 2000] kA" + about("operation.line_current"));
}

TEST(ConvertNumber, ExclusiveUpperBound) {
  const auto f = voltage_field();
  EXPECT_TRUE(convert(f, "4.999").value);
  EXPECT_TRUE(convert(f, "0").value);  // inclusive lower bound
  const auto r = convert(f, "5");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r), "value 5 V is outside the allowed range [0, 5) V");
  EXPECT_EQ(only_message(convert(f, "-0.1")), "value -0.1 V is outside the allowed range [0, 5) V");
}

TEST(ConvertNumber, ValueWithUnitIsShownConverted) {
  const auto r = convert(cell_field("operation.line_current"), "2.5 MA", true);
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "value '2.5 MA' (= 2500 kA) is outside the allowed range (0, 2000] kA" +
                about("operation.line_current"));
}

TEST(ConvertNumber, BoundsHoldAfterUnitRoundTrip) {
  // 900 degC -> 1173.15 K -> 900.0000000000001 degC in floating point: still inside [-40, 900].
  const auto& feed = cell_field("model.alumina_feed_temperature");
  const auto plain = convert(feed, "900");
  ASSERT_TRUE(plain.value) << plain.diagnostics.to_string();
  EXPECT_DOUBLE_EQ(plain.value->number, 1173.15);
  EXPECT_TRUE(plain.diagnostics.items().empty());
  EXPECT_TRUE(convert(feed, "900 degC", true).value);
  EXPECT_TRUE(convert(feed, "-40").value);
  const auto over = convert(feed, "901");
  EXPECT_FALSE(over.value);
  EXPECT_EQ(only_message(over),
            "value 901 degC is outside the allowed range [-40, 900] degC" +
                about("model.alumina_feed_temperature"));
  // The bath temperature's lower bound 850 degC round-trips to 850.0000000000001: no warning.
  EXPECT_TRUE(convert(cell_field("operation.bath_temperature"), "850").value);
  // 150 mm = 15 cm at the inclusive upper bound of the ACD.
  EXPECT_TRUE(convert(cell_field("operation.acd"), "150 mm", true).value);
  EXPECT_TRUE(convert(cell_field("operation.acd"), "0.15 m", true).value);
}

TEST(ConvertNumber, TypicalRangeWarnsButAccepts) {
  const auto r = convert(cell_field("operation.acd"), "2");
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(r.value->number, 0.02);
  ASSERT_EQ(r.diagnostics.items().size(), 1u);
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.severity, pc::Severity::kWarning);
  EXPECT_EQ(d.message,
            "value 2 cm is outside the typical range 3–6 cm (" + cell_field("operation.acd").source +
                ")");
  EXPECT_FALSE(r.diagnostics.has_errors());
  // Inside the typical range: silent.
  EXPECT_TRUE(convert(cell_field("operation.acd"), "4.5").diagnostics.items().empty());
  EXPECT_TRUE(convert(cell_field("operation.acd"), "6").diagnostics.items().empty());
}

TEST(ConvertNumber, HardRangeErrorHasNoExtraTypicalWarning) {
  const auto r = convert(cell_field("operation.acd"), "20");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "value 20 cm is outside the allowed range [1, 15] cm" + about("operation.acd"));
}

TEST(ConvertNumber, DimensionlessFieldShowsNoUnit) {
  const auto r = convert(cell_field("design.rectifier_efficiency"), "1.01");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "value 1.01 is outside the allowed range [0.5, 1]" + about("design.rectifier_efficiency"));
}

TEST(ConvertNumber, WrongDimensionSaysWhichUnitTheFieldTakes) {
  const auto r = convert(cell_field("operation.acd"), "4 kA", true);
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "unit 'kA' (a current) cannot be converted to cm (a length), this field's unit: write e.g. \"4 cm\"");
}

TEST(ConvertNumber, TextThatIsNotANumber) {
  const auto r = convert(cell_field("operation.acd"), "abc", true);
  EXPECT_FALSE(r.value);
  EXPECT_EQ(only_message(r),
            "'abc' is not a number (expected e.g. \"4.5 cm\" or 4.5); this field takes a number in "
            "cm");
}

TEST(ConvertNumber, WeightPercentField) {
  const auto& alumina = cell_field("bath.alumina");
  const auto r = convert(alumina, "3 wt%", true);
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(r.value->number, 3.0);
  EXPECT_EQ(only_message(convert(alumina, "0")),
            "value 0 wt% is outside the allowed range (0, 20] wt%" + about("bath.alumina"));
}

// ---- integers, bools, choices, strings -------------------------------------------------------

TEST(ConvertInteger, AcceptsWholeNumbers) {
  const auto& f = cell_field("design.anode_count");
  const auto r = convert(f, "40");
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(r.value->number, 40.0);
  EXPECT_TRUE(r.diagnostics.items().empty());
  EXPECT_TRUE(convert(f, "200").value);
  EXPECT_TRUE(convert(f, "1").value);
}

TEST(ConvertInteger, RejectsFractionsAndText) {
  const auto& f = cell_field("design.anode_count");
  EXPECT_EQ(only_message(convert(f, "40.5")), "expected an integer, got '40.5'");
  EXPECT_EQ(only_message(convert(f, "abc", true)), "expected an integer, got the string 'abc'");
  EXPECT_EQ(only_message(convert(f, "abc", false)), "expected an integer, got 'abc'");
  EXPECT_EQ(only_message(convert(f, "", true)), "expected an integer, got ''");
  EXPECT_FALSE(convert(f, "40.5").value);
}

TEST(ConvertInteger, RangeChecked) {
  const auto& f = cell_field("design.anode_count");
  EXPECT_EQ(only_message(convert(f, "0")),
            "value 0 is outside the allowed range [1, 200]" + about("design.anode_count"));
  EXPECT_FALSE(convert(f, "201").value);
}

TEST(ConvertBool, TrueFalseOnly) {
  const auto& f = cell_field("model.subtract_bubble_layer");
  const auto t = convert(f, "true");
  ASSERT_TRUE(t.value);
  EXPECT_DOUBLE_EQ(t.value->number, 1.0);
  EXPECT_EQ(t.value->text, "true");
  const auto n = convert(f, "false");
  ASSERT_TRUE(n.value);
  EXPECT_DOUBLE_EQ(n.value->number, 0.0);
  EXPECT_EQ(n.value->text, "false");
  EXPECT_EQ(only_message(convert(f, "yes")), "value 'yes' is not true or false");
  EXPECT_EQ(only_message(convert(f, "1")), "value '1' is not true or false");
}

TEST(ConvertChoice, ExactMatchOrDidYouMean) {
  const auto& f = cell_field("model.conductivity");
  const auto ok = convert(f, "wang1992", true);
  ASSERT_TRUE(ok.value);
  EXPECT_EQ(ok.value->text, "wang1992");
  const auto typo = convert(f, "hives1969", true);
  EXPECT_FALSE(typo.value);
  EXPECT_EQ(only_message(typo),
            "value 'hives1969' is not one of: hives1996, wang1992 (did you mean 'hives1996'?)");
  EXPECT_EQ(only_message(convert(f, "bogus", true)),
            "value 'bogus' is not one of: hives1996, wang1992");
  EXPECT_FALSE(convert(f, "Hives1996", true).value);  // case matters
}

TEST(ConvertString, AnyTextIsKept) {
  const auto r = convert(cell_field("case.title"), "Pot 17, \"line 2\" — 2024", true);
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->text, "Pot 17, \"line 2\" — 2024");
  EXPECT_TRUE(r.diagnostics.items().empty());
}

// ---- ValueSet and formatting ------------------------------------------------------------------

TEST(ValueSet, AccessAndMissingValues) {
  io::ValueSet v;
  io::Value a;
  a.number = 0.045;
  a.text = "x";
  v.set("operation.acd", a);
  EXPECT_TRUE(v.has("operation.acd"));
  EXPECT_DOUBLE_EQ(v.number("operation.acd"), 0.045);
  EXPECT_EQ(v.maybe_number("operation.acd"), std::optional<double>(0.045));
  EXPECT_EQ(v.maybe_number("nope"), std::nullopt);
  EXPECT_EQ(v.text("operation.acd"), "x");
  EXPECT_EQ(v.text("nope", "fallback"), "fallback");
  EXPECT_EQ(v.get("nope"), nullptr);
  try {
    (void)v.number("nope");
    FAIL() << "no throw";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "missing input value: nope");
  }
}

TEST(FormatInFieldUnit, ConvertsBackToTheFieldUnit) {
  EXPECT_EQ(io::format_in_field_unit(cell_field("operation.acd"), 0.045), "4.5 cm");
  EXPECT_EQ(io::format_in_field_unit(cell_field("operation.line_current"), 6e5), "600 kA");
  EXPECT_EQ(io::format_in_field_unit(cell_field("design.rectifier_efficiency"), 0.975), "0.975");
  EXPECT_EQ(io::format_in_field_unit(cell_field("bath.alumina"), 2.5), "2.5 wt%");
  EXPECT_EQ(io::format_in_field_unit(cell_field("design.anode_count"), 40.0), "40");
}

TEST(FormatInFieldUnit, AbsoluteTemperatureWithoutRoundingNoise) {
  // 1233.15 K - 273.15 is 960.0000000000001 in doubles; the message shows 960.
  EXPECT_EQ(io::format_in_field_unit(cell_field("operation.bath_temperature"), 1233.15), "960 degC");
  EXPECT_EQ(io::format_in_field_unit(cell_field("model.alumina_feed_temperature"), 298.15),
            "25 degC");
}
}  // namespace test_schema

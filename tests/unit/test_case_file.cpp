// Unit tests for io/case_file: reading TOML case text against a schema, --set overrides,
// defaults. Error tests assert the full diagnostic text, location included.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "potline/cell/cell_schema.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/case_file.hpp"

namespace test_case_file {

namespace io = potline::io;
namespace pc = potline::core;

namespace {

const io::Schema& schema() { return potline::cell::cell_schema(); }

struct Read {
  io::ValueSet values;
  pc::Diagnostics diagnostics;
};

Read read(const std::string& toml) {
  Read r;
  io::read_case_text(toml, "case.toml", schema(), r.values, r.diagnostics);
  return r;
}

std::vector<std::string> lines(const pc::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(item.to_string());
  return out;
}

}  // namespace

// ---- reading case text -------------------------------------------------------------------------

// Found by probing every numeric field at the ends of its range (docs/reliability.md): 1e-300 kA was
// inside (0, 2000] kA, and the drops stated at it became resistances of 1e296 ohm: the cell voltage
// was infinite, a run-time failure instead of an input error.
TEST(ReadCase, TinyNominalCurrentIsOutsideItsRange) {
  const Read r = read("[design]\nnominal_current = \"1e-300 kA\"\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{"case.toml:2:19: error: 'design.nominal_current': value '1e-300 kA' is outside "
                                     "the allowed range [0.001, 2000] kA (line current at which the "
                                     "anode, cathode and external drops are stated)"});
}

TEST(ReadCase, ValidCaseFillsTypedValues) {
  const auto r = read(
      "[case]\n"
      "title = \"demo\"\n"
      "[operation]\n"
      "line_current = 600\n"
      "acd = \"4.5 cm\"\n"
      "bath_temperature = 960.5\n"
      "[design]\n"
      "anode_count = 40\n"
      "[model]\n"
      "conductivity = \"wang1992\"\n"
      "subtract_bubble_layer = false\n");
  EXPECT_TRUE(r.diagnostics.items().empty()) << r.diagnostics.to_string();
  EXPECT_EQ(r.values.text("case.title"), "demo");
  EXPECT_DOUBLE_EQ(r.values.number("operation.line_current"), 6e5);
  EXPECT_DOUBLE_EQ(r.values.number("operation.acd"), 0.045);
  EXPECT_DOUBLE_EQ(r.values.number("operation.bath_temperature"), 960.5 + 273.15);
  EXPECT_DOUBLE_EQ(r.values.number("design.anode_count"), 40.0);
  EXPECT_EQ(r.values.text("model.conductivity"), "wang1992");
  EXPECT_DOUBLE_EQ(r.values.number("model.subtract_bubble_layer"), 0.0);
  const io::Value* acd = r.values.get("operation.acd");
  ASSERT_NE(acd, nullptr);
  EXPECT_EQ(acd->origin, io::Origin::kCaseFile);
  EXPECT_EQ(acd->location.to_string(), "case.toml:5:7");  // the value's position
}

TEST(ReadCase, DottedKeysAndInlineTables) {
  const auto r = read("operation.acd = 4\nbath = { alf3 = 12 }\n");
  EXPECT_TRUE(r.diagnostics.items().empty()) << r.diagnostics.to_string();
  EXPECT_DOUBLE_EQ(r.values.number("operation.acd"), 0.04);
  EXPECT_DOUBLE_EQ(r.values.number("bath.alf3"), 12.0);
}

TEST(ReadCase, OriginCanBeTechnology) {
  io::ValueSet values;
  pc::Diagnostics d;
  io::read_case_text("[operation]\nline_current = 400\n", "tech", schema(), values, d,
                     io::Origin::kTechnology);
  ASSERT_NE(values.get("operation.line_current"), nullptr);
  EXPECT_EQ(values.get("operation.line_current")->origin, io::Origin::kTechnology);
}

TEST(ReadCase, UnknownKeyPointsAtTheKeyWithDidYouMean) {
  const auto r = read("[operation]\n  acdd = 4.5\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:3: error: 'operation.acdd': unknown key (did you mean "
                "'operation.acd'?); run 'potline schema' for the list of keys"});
  EXPECT_FALSE(r.values.has("operation.acd"));
}

TEST(ReadCase, KeyWithoutItsSection) {
  const auto r = read("acd = 4.5\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:1:1: error: 'acd': unknown key (did you mean 'operation.acd'?); run "
                "'potline schema' for the list of keys"});
}

TEST(ReadCase, UnknownKeyWithNothingClose) {
  const auto r = read("[bath]\nzzzz = 1\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{"case.toml:2:1: error: 'bath.zzzz': unknown key; run 'potline "
                                     "schema' for the list of keys"});
}

TEST(ReadCase, UnknownSection) {
  const auto r = read("[operaton]\nacd = 4.5\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:1:1: error: 'operaton': unknown section [operaton] (did you mean "
                "[operation]?)"});
  EXPECT_TRUE(r.values.all().empty());
}

TEST(ReadCase, SubTableOfASectionIsUnknown) {
  const auto r = read("[operation.extra]\nx = 1\n");
  ASSERT_EQ(r.diagnostics.error_count(), 1u);
  EXPECT_EQ(r.diagnostics.items().front().message, "unknown section [operation.extra]");
}

TEST(ReadCase, TableWhereANumberBelongs) {
  const auto r = read("[operation]\nacd = { value = 4.5 }\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:7: error: 'operation.acd': expected a number (in cm, or a string "
                "with its unit), got a table"});
}

TEST(ReadCase, SyntaxErrorHasItsLine) {
  const auto r = read("[operation]\nacd = 4.5\nline_current = = 600\n");
  ASSERT_EQ(r.diagnostics.items().size(), 1u);
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.severity, pc::Severity::kError);
  EXPECT_EQ(d.location.file, "case.toml");
  EXPECT_EQ(d.location.line, 3);
  EXPECT_GT(d.location.column, 0);
  EXPECT_EQ(d.key, "");
  EXPECT_EQ(d.message.rfind("TOML syntax error: ", 0), 0u) << d.message;
  EXPECT_TRUE(r.values.all().empty());  // nothing is read from a file that does not parse
}

TEST(ReadCase, StringWhereNumberBelongs) {
  const auto r = read("[operation]\nacd = \"abc\"\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:7: error: 'operation.acd': 'abc' is not a number (expected e.g. "
                "\"4.5 cm\" or 4.5); this field takes a number in cm"});
}

TEST(ReadCase, NumberWhereStringBelongs) {
  const auto r = read("[case]\ntitle = 5\n[model]\nconductivity = 1.5\n");
  EXPECT_EQ(lines(r.diagnostics),
            (std::vector<std::string>{
                "case.toml:2:9: error: 'case.title': expected a quoted string, got the integer 5",
                "case.toml:4:16: error: 'model.conductivity': expected one of the quoted strings "
                "\"hives1996\", \"wang1992\", got the float 1.5"}));
}

TEST(ReadCase, QuotedBoolIsRejected) {
  const auto r = read("[model]\nsubtract_bubble_layer = \"true\"\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:25: error: 'model.subtract_bubble_layer': expected true or false "
                "(unquoted), got the string 'true'"});
}

TEST(ReadCase, ArrayValue) {
  const auto r = read("[operation]\nacd = [4.0, 4.5]\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:7: error: 'operation.acd': expected a number (in cm, or a string "
                "with its unit), got an array"});
  const auto i = read("[design]\nanode_count = [1]\n");
  EXPECT_EQ(lines(i.diagnostics),
            std::vector<std::string>{
                "case.toml:2:15: error: 'design.anode_count': expected an integer, got an array"});
}

// Wrong TOML types are errors naming the key, the value and the expected type; never coerced.
TEST(ReadCase, WrongTypesAreErrorsNeverCoerced) {
  const auto r = read(
      "[operation]\n"
      "acd = [4.5]\n"                // an array where a number belongs
      "line_current = true\n"        // a boolean where a number belongs
      "bath_temperature = 1979-05-27\n"
      "[design]\n"
      "anode_count = 3.5\n"          // a float where an integer belongs
      "[model]\n"
      "subtract_bubble_layer = 1\n"  // an integer where a boolean belongs
      "conductivity = true\n");
  EXPECT_EQ(lines(r.diagnostics),
            (std::vector<std::string>{
                "case.toml:2:7: error: 'operation.acd': expected a number (in cm, or a string with its "
                "unit), got an array",
                "case.toml:3:16: error: 'operation.line_current': expected a number (in kA, or a string "
                "with its unit), got the boolean true",
                "case.toml:4:20: error: 'operation.bath_temperature': expected a number (in degC, or a "
                "string with its unit), got a date or time",
                "case.toml:6:15: error: 'design.anode_count': expected an integer, got the float 3.5",
                "case.toml:8:25: error: 'model.subtract_bubble_layer': expected true or false "
                "(unquoted), got the integer 1",
                "case.toml:9:16: error: 'model.conductivity': expected one of the quoted strings "
                "\"hives1996\", \"wang1992\", got the boolean true"}));
  EXPECT_TRUE(r.values.all().empty());
}

TEST(ReadCase, AWholeFloatIsNoInteger) {
  const auto r = read("[design]\nanode_count = 40.0\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:15: error: 'design.anode_count': expected an integer, got the float 40.0"});
  const auto q = read("[design]\nanode_count = \"40.5\"\n");
  EXPECT_EQ(lines(q.diagnostics),
            std::vector<std::string>{
                "case.toml:2:15: error: 'design.anode_count': expected an integer, got the string '40.5'"});
}

// User trial T19-5: a quoted plain number is read in the field's unit, as --set reads it (case
// files written by spreadsheets or scripts quote everything); out of range, the range error --set
// gives, not "expected a number".
TEST(ReadCase, AQuotedPlainNumberIsReadAsSetReadsIt) {
  const auto r = read("[operation]\nacd = \"4.5\"\n[design]\nanode_count = \"40\"\n");
  EXPECT_TRUE(r.diagnostics.items().empty()) << r.diagnostics.to_string();
  EXPECT_DOUBLE_EQ(r.values.number("operation.acd"), 0.045);
  EXPECT_DOUBLE_EQ(r.values.number("design.anode_count"), 40.0);
  const auto bad = read("[operation]\nacd = \"-2\"\n");
  ASSERT_EQ(lines(bad.diagnostics).size(), 1u) << bad.diagnostics.to_string();
  EXPECT_NE(lines(bad.diagnostics)[0].find("case.toml:2:7: error: 'operation.acd': value '-2' (= -2 cm) is outside the "
                                           "allowed range"),
            std::string::npos)
      << lines(bad.diagnostics)[0];
}

TEST(ReadCase, QuantityStringsWithUnitsAreNumbers) {
  const auto r = read("[operation]\nacd = \"45 mm\"\nbath_temperature = \"1233.15 K\"\n");
  EXPECT_TRUE(r.diagnostics.items().empty()) << r.diagnostics.to_string();
  EXPECT_DOUBLE_EQ(r.values.number("operation.acd"), 0.045);
  EXPECT_NEAR(r.values.number("operation.bath_temperature"), 1233.15, 1e-9);
}

TEST(ReadCase, NonFiniteTomlFloat) {
  const auto r = read("[operation]\nacd = nan\n");
  EXPECT_EQ(lines(r.diagnostics),
            std::vector<std::string>{
                "case.toml:2:7: error: 'operation.acd': 'nan' is not a finite number; this field "
                "takes a number in cm"});
}

TEST(ReadCase, AllErrorsAreCollectedInOnePass) {
  const auto r = read(
      "[operation]\n"
      "acdd = 4.5\n"             // unknown key
      "line_current = 2500\n"    // out of range
      "acd = \"4 kA\"\n"         // wrong dimension
      "bath_temperature = 960\n"  // fine
      "[design]\n"
      "anode_count = 40.5\n"     // not an integer
      "[model]\n"
      "conductivity = \"hives1969\"\n");  // typo in a choice
  EXPECT_EQ(r.diagnostics.error_count(), 5u);
  EXPECT_EQ(lines(r.diagnostics),
            (std::vector<std::string>{
                "case.toml:2:1: error: 'operation.acdd': unknown key (did you mean "
                "'operation.acd'?); run 'potline schema' for the list of keys",
                "case.toml:3:16: error: 'operation.line_current': value 2500 kA is outside the "
                "allowed range (0, 2000] kA (" + schema().find("operation.line_current")->description + ")",
                "case.toml:4:7: error: 'operation.acd': unit 'kA' (a current) cannot be converted to cm "
                "(a length), this field's unit: write e.g. \"4 cm\"",
                "case.toml:7:15: error: 'design.anode_count': expected an integer, got the float 40.5",
                "case.toml:9:16: error: 'model.conductivity': value 'hives1969' is not one of: "
                "hives1996, wang1992 (did you mean 'hives1996'?)"}));
  // The valid value in between is still read.
  EXPECT_DOUBLE_EQ(r.values.number("operation.bath_temperature"), 1233.15);
}

TEST(ReadCase, CaseFileOverwritesEarlierValues) {
  io::ValueSet values;
  io::fill_defaults(schema(), values);
  pc::Diagnostics d;
  io::read_case_text("[operation]\nbath_temperature = 950\n", "case.toml", schema(), values, d);
  EXPECT_DOUBLE_EQ(values.number("operation.bath_temperature"), 950.0 + 273.15);
  EXPECT_EQ(values.get("operation.bath_temperature")->origin, io::Origin::kCaseFile);
}

TEST(ReadCaseFile, MissingFile) {
  io::ValueSet values;
  pc::Diagnostics d;
  io::read_case_file("/nonexistent/dir/case.toml", schema(), values, d);
  EXPECT_EQ(lines(d), std::vector<std::string>{
                          "/nonexistent/dir/case.toml: error: cannot read the case file: no such file"});
}

// ---- --set overrides -------------------------------------------------------------------------

TEST(ParseOverride, KeyEqualsValue) {
  pc::Diagnostics d;
  const auto o = io::parse_override("a=b", 1, d);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->key, "a");
  EXPECT_EQ(o->value, "b");
  EXPECT_EQ(o->index, 1);
  EXPECT_TRUE(d.items().empty());
}

TEST(ParseOverride, BlanksAroundKeyAndValueAreTrimmed) {
  pc::Diagnostics d;
  const auto o = io::parse_override("a = 4 cm", 2, d);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->key, "a");
  EXPECT_EQ(o->value, "4 cm");
}

TEST(ParseOverride, QuotesAreRemoved) {
  pc::Diagnostics d;
  EXPECT_EQ(io::parse_override("operation.acd=\"4.5 cm\"", 1, d)->value, "4.5 cm");
  EXPECT_EQ(io::parse_override("case.title='my case'", 1, d)->value, "my case");
  EXPECT_EQ(io::parse_override("case.title=\"unbalanced", 1, d)->value, "\"unbalanced");
  EXPECT_EQ(io::parse_override("case.title=\"mixed'", 1, d)->value, "\"mixed'");
  EXPECT_EQ(io::parse_override("k=a=b", 1, d)->value, "a=b");  // only the first '=' splits
  EXPECT_TRUE(d.items().empty());
}

TEST(ParseOverride, MissingEqualsIsAnError) {
  pc::Diagnostics d;
  EXPECT_FALSE(io::parse_override("operation.acd", 3, d));
  EXPECT_EQ(lines(d), std::vector<std::string>{
                          "--set #3: error: malformed override 'operation.acd': expected "
                          "KEY=VALUE, e.g. operation.acd=4.5cm"});
}

TEST(ParseOverride, EmptyKeyIsAnError) {
  pc::Diagnostics d;
  EXPECT_FALSE(io::parse_override("=4", 1, d));
  EXPECT_FALSE(io::parse_override("  = 4", 2, d));
  ASSERT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.items()[1].to_string(),
            "--set #2: error: malformed override '  = 4': expected KEY=VALUE, e.g. "
            "operation.acd=4.5cm");
}

TEST(ApplyOverrides, ConvertsAndValidatesLikeTheCaseFile) {
  io::ValueSet values;
  pc::Diagnostics d;
  const std::vector<io::Override> overrides{
      {"operation.acd", "4.5cm", 1},
      {"operation.line_current", "600", 2},
      {"model.subtract_bubble_layer", "false", 3},
      {"model.conductivity", "wang1992", 4},
      {"design.anode_count", "24", 5},
  };
  io::apply_overrides(overrides, schema(), values, d);
  EXPECT_TRUE(d.items().empty()) << d.to_string();
  EXPECT_DOUBLE_EQ(values.number("operation.acd"), 0.045);
  EXPECT_DOUBLE_EQ(values.number("operation.line_current"), 6e5);
  EXPECT_DOUBLE_EQ(values.number("model.subtract_bubble_layer"), 0.0);
  EXPECT_EQ(values.text("model.conductivity"), "wang1992");
  EXPECT_DOUBLE_EQ(values.number("design.anode_count"), 24.0);
  const io::Value* acd = values.get("operation.acd");
  EXPECT_EQ(acd->origin, io::Origin::kCommandLine);
  EXPECT_EQ(acd->location.to_string(), "--set #1");
}

TEST(ApplyOverrides, ErrorsNameTheOverride) {
  io::ValueSet values;
  pc::Diagnostics d;
  const std::vector<io::Override> overrides{
      {"operation.acdd", "4", 1},
      {"operation.line_current", "2500", 2},
      {"design.anode_count", "40.5", 3},
      {"design.anode_count", "many", 4},
      {"operation.acd", "", 5},
  };
  io::apply_overrides(overrides, schema(), values, d);
  EXPECT_EQ(lines(d),
            (std::vector<std::string>{
                "--set #1: error: 'operation.acdd': unknown key (did you mean 'operation.acd'?); "
                "run 'potline schema' for the list of keys",
                "--set #2: error: 'operation.line_current': value 2500 kA is outside the allowed "
                "range (0, 2000] kA (" + schema().find("operation.line_current")->description + ")",
                "--set #3: error: 'design.anode_count': expected an integer, got '40.5'",
                "--set #4: error: 'design.anode_count': expected an integer, got the string 'many'",
                "--set #5: error: 'operation.acd': empty value: expected a number, optionally with "
                "a unit; this field takes a number in cm"}));
  EXPECT_TRUE(values.all().empty());
}

TEST(ApplyOverrides, OverrideReplacesCaseFileValue) {
  io::ValueSet values;
  pc::Diagnostics d;
  io::read_case_text("[operation]\nacd = 4\n", "case.toml", schema(), values, d);
  io::apply_overrides({{"operation.acd", "5", 1}}, schema(), values, d);
  EXPECT_TRUE(d.items().empty());
  EXPECT_DOUBLE_EQ(values.number("operation.acd"), 0.05);
  EXPECT_EQ(values.get("operation.acd")->origin, io::Origin::kCommandLine);
}

// ---- defaults --------------------------------------------------------------------------------

TEST(FillDefaults, ConvertsEachDefaultToTheInternalUnit) {
  io::FieldSpec temperature;
  temperature.key = "op.temperature";
  temperature.unit = "degC";
  temperature.internal_unit = "K";
  temperature.temperature_kind = pc::TemperatureKind::kAbsolute;
  temperature.default_value = 960.0;
  io::FieldSpec superheat = temperature;
  superheat.key = "op.superheat";
  superheat.temperature_kind = pc::TemperatureKind::kDifference;
  superheat.default_value = 10.0;
  io::FieldSpec acd;
  acd.key = "op.acd";
  acd.unit = "cm";
  acd.internal_unit = "m";
  acd.default_value = 4.5;
  io::FieldSpec no_default = acd;
  no_default.key = "op.no_default";
  no_default.default_value.reset();
  io::FieldSpec count;
  count.key = "op.count";
  count.type = io::FieldType::kInteger;
  count.default_value = 24.0;
  io::FieldSpec flag;
  flag.key = "op.flag";
  flag.type = io::FieldType::kBool;
  flag.default_text = "false";
  io::FieldSpec model;
  model.key = "op.model";
  model.type = io::FieldType::kChoice;
  model.choices = {"a", "b"};
  model.default_text = "b";
  io::FieldSpec title;
  title.key = "op.title";
  title.type = io::FieldType::kString;
  const io::Schema s("demo", {temperature, superheat, acd, no_default, count, flag, model, title});
  io::ValueSet values;
  io::fill_defaults(s, values);
  EXPECT_DOUBLE_EQ(values.number("op.temperature"), 1233.15);  // 960 degC, absolute
  EXPECT_DOUBLE_EQ(values.number("op.superheat"), 10.0);       // a difference: no offset
  EXPECT_DOUBLE_EQ(values.number("op.acd"), 0.045);
  EXPECT_DOUBLE_EQ(values.number("op.count"), 24.0);
  EXPECT_DOUBLE_EQ(values.number("op.flag"), 0.0);
  EXPECT_EQ(values.text("op.flag"), "false");
  EXPECT_EQ(values.text("op.model"), "b");
  EXPECT_EQ(values.get("op.acd")->origin, io::Origin::kDefault);
  EXPECT_FALSE(values.has("op.no_default"));
  EXPECT_FALSE(values.has("op.title"));
  EXPECT_EQ(values.all().size(), 6u);
}

TEST(FillDefaults, CellSchemaDefaultsMatchTheCatalogue) {
  io::ValueSet values;
  io::fill_defaults(schema(), values);
  const double bath_degC = *schema().find("operation.bath_temperature")->default_value;
  EXPECT_DOUBLE_EQ(values.number("operation.bath_temperature"), bath_degC + 273.15);
  const double feed_degC = *schema().find("model.alumina_feed_temperature")->default_value;
  EXPECT_DOUBLE_EQ(values.number("model.alumina_feed_temperature"), feed_degC + 273.15);
  EXPECT_DOUBLE_EQ(values.number("bath.alumina"), *schema().find("bath.alumina")->default_value);
  EXPECT_EQ(values.text("model.conductivity"), schema().find("model.conductivity")->choices.front());
  EXPECT_DOUBLE_EQ(values.number("model.subtract_bubble_layer"), 1.0);
  // No default: from the technology or the user.
  EXPECT_FALSE(values.has("operation.line_current"));
  EXPECT_FALSE(values.has("operation.acd"));
  EXPECT_FALSE(values.has("case.title"));
}

TEST(FillDefaults, DoesNotOverwrite) {
  io::ValueSet values;
  pc::Diagnostics d;
  io::read_case_text("[operation]\nbath_temperature = 955\n[model]\nconductivity = \"wang1992\"\n",
                     "case.toml", schema(), values, d);
  ASSERT_TRUE(d.items().empty()) << d.to_string();
  io::fill_defaults(schema(), values);
  EXPECT_DOUBLE_EQ(values.number("operation.bath_temperature"), 955.0 + 273.15);
  EXPECT_EQ(values.get("operation.bath_temperature")->origin, io::Origin::kCaseFile);
  EXPECT_EQ(values.text("model.conductivity"), "wang1992");
}

TEST(FillDefaults, BadUnitInTheCatalogueIsAProgrammingError) {
  io::FieldSpec f;
  f.key = "x.length";
  f.type = io::FieldType::kNumber;
  f.unit = "cm";
  f.internal_unit = "kA";  // wrong dimension: a catalogue bug
  f.default_value = 4.0;
  const io::Schema bad("bad", {f});
  io::ValueSet values;
  EXPECT_THROW(io::fill_defaults(bad, values), std::logic_error);
}

// ---- a hand-made schema ------------------------------------------------------------------------

TEST(ReadCase, SmallHandMadeSchema) {
  io::FieldSpec top;
  top.key = "name";
  top.type = io::FieldType::kString;
  io::FieldSpec rate;
  rate.key = "feed.rate";
  rate.unit = "kg/h";
  rate.internal_unit = "kg/s";
  rate.min = 0.0;
  const io::Schema s("feeder", {top, rate});
  io::ValueSet values;
  pc::Diagnostics d;
  io::read_case_text("name = \"f1\"\n[feed]\nrate = \"1 kg/s\"\n", "f.toml", s, values, d);
  EXPECT_TRUE(d.items().empty()) << d.to_string();
  EXPECT_EQ(values.text("name"), "f1");
  EXPECT_DOUBLE_EQ(values.number("feed.rate"), 1.0);
  io::read_case_text("[feed]\nrate = -3\n", "f.toml", s, values, d);
  EXPECT_EQ(lines(d), std::vector<std::string>{
                          "f.toml:2:8: error: 'feed.rate': value -3 kg/h is outside the allowed "
                          "range [0, inf) kg/h"});
}
}  // namespace test_case_file

// The schema builder (io/schema_builder.hpp): one declaration per field gives the FieldSpec and the
// binding to a struct member; and the simulate case's struct defaults are the schema's defaults.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "potline/core/units.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_schema_builder {

namespace io = potline::io;
namespace pc = potline::core;

namespace {

enum class Colour { kRed, kBlue };
struct Inner {
  double length_m = -1;
};
struct Sample {
  double current_A = -1;
  std::optional<double> target_V;
  int count = -1;
  bool enabled = false;
  std::string title = "unset";
  Colour colour = Colour::kRed;
  std::string mode;
  Inner inner;
  double derived = -1;  // set by hand from an unbound field
};

io::SchemaTable<Sample> sample_table() {
  io::SchemaTable<Sample> t("sample");
  t.number("line.current", &Sample::current_A)
      .unit("kA", "A")
      .default_(400)
      .range(0, 2000)
      .exclusive_min()
      .typical(100, 600)
      .source("[Haupin 1998]")
      .doc("line current");
  t.optional_number("line.target", &Sample::target_V)
      .unit("V")
      .range(2, 10)
      .default_note("computed");
  t.integer("line.count", &Sample::count).range(1, 100).doc("pots");
  t.boolean("line.enabled", &Sample::enabled).default_(true);
  t.text("line.title", &Sample::title);
  t.choice("line.colour", &Sample::colour, {{"red", Colour::kRed}, {"blue", Colour::kBlue}})
      .default_("blue");
  t.choice("line.mode", {"a", "b"}, &Sample::mode).default_("b");
  t.part(&Sample::inner).number("line.length", &Inner::length_m).unit("cm", "m").default_(20);
  t.number("line.derived").unit("1");
  return t;
}

}  // namespace

TEST(SchemaBuilder, DeclarationGivesTheFieldSpec) {
  const auto t = sample_table();
  const io::Schema s = t.schema();
  ASSERT_EQ(s.fields().size(), 9u);
  const io::FieldSpec& f = *s.find("line.current");
  EXPECT_EQ(f.type, io::FieldType::kNumber);
  EXPECT_EQ(f.unit, "kA");
  EXPECT_EQ(f.internal_unit, "A");
  EXPECT_EQ(*f.default_value, 400.0);
  EXPECT_EQ(*f.min, 0.0);
  EXPECT_TRUE(f.min_exclusive);
  EXPECT_EQ(*f.max, 2000.0);
  EXPECT_FALSE(f.max_exclusive);
  EXPECT_EQ(*f.typical_min, 100.0);
  EXPECT_EQ(f.source, "[Haupin 1998]");
  EXPECT_EQ(f.description, "line current");
  EXPECT_EQ(s.find("line.target")->default_note, "computed");
  EXPECT_EQ(s.find("line.enabled")->default_text, "true");
  EXPECT_EQ(s.find("line.colour")->choices, (std::vector<std::string>{"red", "blue"}));
  EXPECT_EQ(s.find("line.colour")->default_text, "blue");
  EXPECT_EQ(s.find("line.mode")->type, io::FieldType::kChoice);
  EXPECT_EQ(s.find("line.length")->internal_unit, "m");
  EXPECT_TRUE(t.is_bound("line.length"));
  EXPECT_FALSE(t.is_bound("line.derived"));
}

TEST(SchemaBuilder, BindSetsEveryBoundMemberAndListsMissingOnes) {
  const auto t = sample_table();
  const io::Schema s = t.schema();
  io::ValueSet v;
  pc::Diagnostics d;
  io::read_case_text("[line]\ntitle = \"x\"\ncolour = \"red\"\nderived = 0.5\n", "c.toml", s, v, d);
  io::fill_defaults(s, v);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  Sample x;
  const auto missing = t.bind(v, x);
  ASSERT_EQ(missing.size(), 1u);  // line.count: no default, not given
  EXPECT_EQ(missing[0]->key, "line.count");
  EXPECT_EQ(x.count, -1);  // a missing member is left as it was
  EXPECT_DOUBLE_EQ(x.current_A, 4e5);
  EXPECT_FALSE(x.target_V.has_value());
  EXPECT_TRUE(x.enabled);
  EXPECT_EQ(x.title, "x");
  EXPECT_EQ(x.colour, Colour::kRed);
  EXPECT_EQ(x.mode, "b");
  EXPECT_DOUBLE_EQ(x.inner.length_m, 0.2);
  EXPECT_EQ(x.derived, -1);  // unbound: the case code reads it from the values

  io::ValueSet w = v;
  io::read_case_text("[line]\ncount = 7\ntarget = 4.5\nenabled = false\n", "c.toml", s, w, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_TRUE(t.bind(w, x).empty());
  EXPECT_EQ(x.count, 7);
  EXPECT_EQ(x.target_V, 4.5);
  EXPECT_FALSE(x.enabled);
  EXPECT_EQ(t.read(x, "line.colour")->text, "red");
  EXPECT_DOUBLE_EQ(t.read(x, "line.length")->number, 0.2);
  EXPECT_FALSE(t.read(x, "line.derived").has_value());
}

// Defaults live once, in the schema: the structs carry none for their case inputs. A default
// simulate case must hold exactly the schema default in every bound member (with faults.profile =
// none: a profile writes its class's rates over the rate keys' defaults).
TEST(SchemaBuilder, DefaultSimulateCaseHoldsTheSchemaDefaultsFieldByField) {
  const auto c = potline::testing_dyn::make_case("[case]\ntechnology = \"AP40\"\n[faults]\nprofile = \"none\"\n");
  const auto& table = potline::line::simulate_table();
  int checked = 0;
  for (const io::FieldSpec& f : potline::line::dynamics_schema().fields()) {
    if (!table.is_bound(f.key)) continue;
    const auto value = table.read(c, f.key);
    ASSERT_TRUE(value.has_value()) << f.key;
    if (f.type == io::FieldType::kNumber || f.type == io::FieldType::kInteger) {
      ASSERT_TRUE(f.default_value.has_value()) << f.key;
      const auto expected =
          pc::convert(*f.default_value, f.unit.empty() ? "1" : f.unit,
                      f.internal_unit.empty() ? "1" : f.internal_unit, f.temperature_kind);
      ASSERT_TRUE(expected.ok()) << f.key;
      EXPECT_DOUBLE_EQ(value->number, expected.value) << f.key;
    } else {
      EXPECT_EQ(value->text, f.default_text) << f.key;
    }
    ++checked;
  }
  EXPECT_GE(checked, 90);
  // A few members by name, in SI (independent of the table's own read-back).
  EXPECT_DOUBLE_EQ(c.dynamics.bath_height_m, 0.20);
  EXPECT_DOUBLE_EQ(c.dynamics.ambient_temperature_K, 313.15);
  EXPECT_DOUBLE_EQ(c.control.overfeed_duration_s, 3600.0);
  EXPECT_TRUE(c.centre_feed_cycle);  // the threshold is derived by the run from bath.alumina
  EXPECT_DOUBLE_EQ(c.control.slope_threshold_V_per_s, 1.2e-3 / 60.0);  // used with centre_feed_cycle = false
  EXPECT_DOUBLE_EQ(c.control.manual_quench.mean, 240.0);
  EXPECT_EQ(c.control.slope_points, 10);
  EXPECT_DOUBLE_EQ(c.control.alf3_feedforward_kg_per_kg_al, 0.015);
  EXPECT_DOUBLE_EQ(c.window.ledge_max_m, 0.10);
  EXPECT_DOUBLE_EQ(c.duration_s, 7 * 86400.0);
}
}  // namespace test_schema_builder

// The safe window's defaults live once, in the simulate schema (window.*). The SafeWindow struct
// repeats the four bounds for code that builds heat-state bounds without a case (benchmarks); they
// must not contradict the schema, and the averaging has no struct default at all (it said 4 h
// while the schema said 24 h).
#include <gtest/gtest.h>

#include "potline/core/units.hpp"
#include "potline/potline/simulate_case.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_safe_window_defaults {

namespace {
// The schema default of `key` in SI (the field's internal unit).
double schema_default(const char* key) {
  const potline::io::FieldSpec* f = potline::line::dynamics_schema().find(key);
  EXPECT_NE(f, nullptr) << key;
  if (f == nullptr || !f->default_value) return -1;
  const auto v = potline::core::convert(*f->default_value, f->unit.empty() ? "1" : f->unit,
                                        f->internal_unit.empty() ? "1" : f->internal_unit, f->temperature_kind);
  EXPECT_TRUE(v.ok()) << key;
  return v.value;
}
}  // namespace

TEST(SafeWindowDefaults, StructBoundsEqualTheSchemaAndTheAveragingComesOnlyFromIt) {
  const potline::line::SafeWindow w;
  EXPECT_DOUBLE_EQ(w.superheat_min_K, schema_default("window.superheat_min"));
  EXPECT_DOUBLE_EQ(w.superheat_max_K, schema_default("window.superheat_max"));
  EXPECT_DOUBLE_EQ(w.ledge_min_m, schema_default("window.ledge_min"));
  EXPECT_DOUBLE_EQ(w.ledge_max_m, schema_default("window.ledge_max"));
  EXPECT_DOUBLE_EQ(w.averaging_s, 0.0);
  const auto c = potline::testing_dyn::make_case("[case]\ntechnology = \"AP40\"\n");
  EXPECT_DOUBLE_EQ(c.window.averaging_s, schema_default("window.averaging"));
  EXPECT_DOUBLE_EQ(c.window.averaging_s, 24 * 3600.0);
}

}  // namespace test_safe_window_defaults

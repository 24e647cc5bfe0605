#pragma once
// A flex case from one of examples/*.toml with --set style overrides, built against the shipped
// data, so that the flex validation tests do not each write their own loader. An input error fails
// the calling test and throws (no case to return).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/io/case_file.hpp"
#include "shipped_data.hpp"

namespace potline::testing {

inline flex::FlexCase flex_example_case(const std::string& example, const std::vector<std::string>& overrides = {}) {
  core::Diagnostics d;
  io::ValueSet user;
  const std::string examples = std::string(POTLINE_SOURCE_DIR) + "/examples";
  io::read_case_file(examples + "/" + example, flex::flex_schema(), user, d);
  std::vector<io::Override> sets;
  int line = 0;
  for (const std::string& o : overrides) {
    if (auto parsed = io::parse_override(o, ++line, d)) sets.push_back(*parsed);
  }
  io::apply_overrides(sets, flex::flex_schema(), user, d);
  auto c = flex::build_flex_case(user, shipped_catalogue(), shipped_emission_data(), examples, d);
  if (!c) {
    ADD_FAILURE() << example << ": " << d.to_string();
    throw std::runtime_error("flex example case does not build: " + example);
  }
  return *c;
}

}  // namespace potline::testing

#pragma once
// The shipped data directory loaded once per test program (smelter model data and emission
// coefficients), so that tests do not each write their own loader. A load error fails the test
// that first asks for it.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::testing {

inline const cell::TechnologyCatalogue& shipped_catalogue() {
  static const cell::TechnologyCatalogue catalogue = [] {
    core::Diagnostics diag;
    auto x = cell::TechnologyCatalogue::load(cell::default_data_dir() + "/technologies.toml", diag);
    EXPECT_FALSE(diag.has_errors()) << diag.to_string();
    return x;
  }();
  return catalogue;
}

inline const plant::SmelterData& shipped_smelter_data() {
  static const plant::SmelterData data = [] {
    core::Diagnostics diag;
    auto x = plant::SmelterData::load(cell::default_data_dir(), diag);
    EXPECT_FALSE(diag.has_errors()) << diag.to_string();
    return x;
  }();
  return data;
}

inline const plant::EmissionData& shipped_emission_data() {
  static const plant::EmissionData data = [] {
    core::Diagnostics diag;
    auto x = plant::EmissionData::load(cell::default_data_dir(), diag);
    EXPECT_FALSE(diag.has_errors()) << diag.to_string();
    return x;
  }();
  return data;
}

/// A smelter case built from TOML text (with optional --set overrides) on the shipped data;
/// nothing when reading or building reports an error (the diagnostics say which).
inline std::optional<plant::SmelterCase> build_smelter_text(const std::string& toml, core::Diagnostics& d,
                                                            const std::vector<std::string>& sets = {}) {
  io::ValueSet user;
  std::vector<plant::PotlineGroupValues> groups;
  plant::read_smelter_case_text(toml, "case.toml", user, groups, d);
  plant::apply_smelter_overrides(sets, user, groups, d);
  if (d.has_errors()) return std::nullopt;
  return plant::build_smelter_case(user, groups, shipped_smelter_data(), d);
}

}  // namespace potline::testing

#pragma once
// Internal to the plant module: shared by smelter_case.cpp and smelter_groups.cpp.
#include <cstddef>
#include <optional>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant::detail {

/// One group of potlines (the case's [potline], or one [[potline]] table merged into the case).
std::optional<SmelterCase> build_single(const io::ValueSet& user, const SmelterData& data,
                                        core::Diagnostics& d);

/// Reports an unknown potline.technology (did-you-mean) as an error on `key`.
void report_unknown_names(const io::ValueSet& values, const SmelterData& data, core::Diagnostics& d,
                          const std::string& key = "potline.technology");

/// "potline[I].leaf" for the group at `index`, counted from 0 as in the TOML array (the same
/// convention as tariff[I] and uncertain[I] of fleet and sweep files).
inline std::string group_key(std::size_t index, const std::string& leaf) {
  return "potline[" + std::to_string(index) + "]." + leaf;
}

}  // namespace potline::plant::detail

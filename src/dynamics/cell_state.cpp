#include "potline/dynamics/cell_state.hpp"

namespace potline::dynamics {
namespace {
struct Entry {
  const char* name;
  const char* unit;
};
constexpr Entry kEntries[kStateCount] = {
    {"dissolved_alumina", "kg"},   {"undissolved_alumina", "kg"}, {"excess_alf3", "kg"},
    {"cryolite", "kg"},            {"other_additives", "kg"},     {"metal", "kg"},
    {"bath_temperature", "K"},     {"ledge", "kg"},               {"acd", "m"},
    {"cold_anode_heat", "J"},      {"top_temperature", "K"},
    {"wall_temperature", "K"},     {"lining_temperature", "K"},   {"metal_temperature", "K"},
    {"charge", "C"},               {"energy_in", "J"},
    {"energy_line", "J"},          {"energy_chemical", "J"},      {"energy_lost", "J"},
    {"energy_anode_heating", "J"}, {"metal_produced", "kg"},      {"alumina_consumed", "kg"},
    {"alf3_added", "kg"},          {"alf3_consumed", "kg"},       {"ae_volt_seconds", "V s"},
};
}  // namespace

const char* state_name(int index) noexcept {
  return index >= 0 && index < kStateCount ? kEntries[index].name : "?";
}
const char* state_unit(int index) noexcept {
  return index >= 0 && index < kStateCount ? kEntries[index].unit : "?";
}

}  // namespace potline::dynamics

// An inert-anode case must not carry carbon-anode inputs (they would silently do nothing, or worse,
// suggest carbon is consumed); inert-anode inputs in a carbon case are ignored with a warning.
#include "potline/cell/anode_inputs.hpp"

#include <string>

namespace potline::cell {
namespace {

// Keys of the cell case that describe carbon anodes only.
constexpr const char* kCarbonOnlyKeys[] = {"model.anode_entry_temperature", "purity.anode_fe", "purity.anode_si",
                                           "purity.anode_consumption"};
// Keys of the cell case that describe inert anodes only.
constexpr const char* kInertOnlyKeys[] = {"anode.reaction_overvoltage", "anode.reference_current_density",
                                          "anode.bubble_factor",        "anode.wear_rate",
                                          "anode.material_density",     "anode.cost",
                                          "purity.inert_anode_fe"};

bool given_by_user(const io::Value* v) {
  return v != nullptr && (v->origin == io::Origin::kCaseFile || v->origin == io::Origin::kCommandLine);
}

}  // namespace

void check_anode_inputs(const io::ValueSet& values, AnodeType type, core::Diagnostics& diagnostics) {
  const io::Value* type_value = values.get("anode.type");
  const std::string where_type =
      type_value && !type_value->location.to_string().empty() ? " (" + type_value->location.to_string() + ")" : "";
  if (type == AnodeType::kInert) {
    for (const char* key : kCarbonOnlyKeys) {
      const io::Value* v = values.get(key);
      if (!given_by_user(v)) continue;
      diagnostics.error(v->location, key,
                        std::string("is a carbon-anode input, but anode.type = \"inert\"") + where_type +
                            ": an inert anode is not consumed (no anode carbon to heat, consume or "
                            "contaminate the metal); "
                            "remove the key or set anode.type = \"carbon\"");
    }
    if (!values.get("anode.material_density") && values.get("anode.wear_rate")) {
      diagnostics.warning(values.get("anode.wear_rate")->location, "anode.wear_rate",
                          "anode.wear_rate is given without anode.material_density: the worn mass per "
                          "t Al is not computed");
    }
    return;
  }
  // Inert-only keys in a carbon case do nothing: a warning, not an error, so that a template with
  // every default uncommented stays a valid carbon case.
  for (const char* key : kInertOnlyKeys) {
    const io::Value* v = values.get(key);
    if (!given_by_user(v)) continue;
    diagnostics.warning(v->location, key,
                        "is an inert-anode input and is ignored: anode.type is \"carbon\"" + where_type +
                            "; set anode.type = \"inert\" to use it");
  }
}

}  // namespace potline::cell

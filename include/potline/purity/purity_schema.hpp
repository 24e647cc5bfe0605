#pragma once
// The [purity] fields of the cell case (docs/model/purity.md) and their cross-field checks.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/purity/purity.hpp"

namespace potline::cell {
struct CellCase;
}

namespace potline::purity {

/// A raw-material, partition or scatter field of [purity] that any case with a pot population
/// declares (the cell case; the smelter case for its HPA line's feed), with its member in Inputs.
struct MaterialField {
  std::string key;
  double Inputs::*member;
  std::function<void(io::FieldBuilder&)> configure;  ///< unit, default, range, source, description
};

/// The shared purity.* fields: the Fe and Si of alumina and anode carbon, the direct sources
/// (steel, cathode, crust), the partition to the metal, other impurities and the pot-to-pot scatter.
/// The consumptions (alumina, anode carbon), the inert anode and the target grade are the cell's.
const std::vector<MaterialField>& material_fields();

/// Inputs with the material fields set from `values` (the rest at their Inputs defaults).
Inputs material_inputs(const io::ValueSet& values);

/// Declares purity.* in the cell schema, bound to CellCase::purity.
void add_purity_fields(io::SchemaTable<cell::CellCase>& table);

/// True when the case gives any purity.* key (the balance is computed only then).
bool purity_requested(const io::ValueSet& values);

/// Errors for materials whose Fe + Si exceed 100 %.
void check_purity_inputs(const io::ValueSet& values, const Inputs& inputs, core::Diagnostics& diagnostics);

}  // namespace potline::purity

#pragma once
// The [purity] fields of the cell case (docs/model/purity.md) and their cross-field checks.
#include <optional>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/purity/purity.hpp"

namespace potline::cell {
struct CellCase;
}

namespace potline::purity {

/// Declares purity.* in the cell schema, bound to CellCase::purity.
void add_purity_fields(io::SchemaTable<cell::CellCase>& table);

/// True when the case gives any purity.* key (the balance is computed only then).
bool purity_requested(const io::ValueSet& values);

/// Errors for materials whose Fe + Si exceed 100 %.
void check_purity_inputs(const io::ValueSet& values, const Inputs& inputs, core::Diagnostics& diagnostics);

}  // namespace potline::purity

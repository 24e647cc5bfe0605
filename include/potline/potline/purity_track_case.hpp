#pragma once
// The simulate case's grade-over-time inputs (purity_track.hpp): the impurity events' keys of the
// simulate schema, and the tracker's settings resolved from the cell case's [purity] balance.
#include "potline/cell/cell_case.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// purity.stub_dip_*, purity.cathode_failure_* (simulate only; the balance keys are the cell
/// schema's).
void add_purity_track_fields(io::SchemaTable<SimulationCase>& t);

/// c.purity from the cell case's [purity] inputs (enabled when the case gives any purity.* key) and
/// the bound events; a scheduled event's cell beyond run.cells is an error.
void resolve_purity_track(const io::ValueSet& values, const cell::CellCase& cell_case,
                          SimulationCase& c, core::Diagnostics& diagnostics);

}  // namespace potline::line

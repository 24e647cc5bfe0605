#pragma once
// Where a simulate case's heat-loss network is calibrated and where its cells start (not installed;
// docs/model/dynamics.md, "Thermal calibration").
#include "potline/cell/cell_case.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// A case that names a catalogue technology: the network is calibrated at the technology's catalogue
/// operating point (with the case's design, as `potline cell --thermal`), and the run starts at the
/// steady state of that network at the case's current, ACD and bath (c.op.bath_temperature_K, the
/// heat-balance loop's target and c.start_ledge_m follow). Without a technology, at `design_point`
/// when given (the case file without --set), else at the case's own point (as before). A point with no
/// working steady state, or a network that cannot be calibrated, is an input error naming the key, its
/// value and the range that works.
void resolve_thermal_start(const io::ValueSet& values, const cell::CellCase& cell_case,
                           const cell::TechnologyCatalogue& catalogue, const cell::OperatingPoint* design_point,
                           SimulationCase& c, core::Diagnostics& diagnostics);

/// The cell case of a catalogue technology was refused because the catalogue's bath temperature is
/// below the liquidus of the case's bath (AP40 with 10 wt% AlF3: 965.0 against 966.8 °C): simulate
/// does not run at that temperature but at the heat balance's, so say how to pass the check.
void hint_solved_bath_temperature(const io::ValueSet& values, core::Diagnostics& diagnostics);

}  // namespace potline::line

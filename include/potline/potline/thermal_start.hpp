#pragma once
// Where a simulate case's heat-loss network is calibrated and where its cells start, and the same check
// of a solved state for `potline cell --thermal` (docs/model/dynamics.md, "Thermal calibration").
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

/// `potline cell --thermal` of a case whose bath at its fixed operation.bath_temperature is below its
/// liquidus (admitted by cell::CellCaseOptions::temperature_from_heat_balance): the steady state of the
/// network calibrated at `design` (with the default dynamics.*, as cell --thermal) at the case's point must
/// be a working cell, else the input error simulate gives (each operating key that differs from `design`,
/// its value, why and the range that works with the other inputs as given). Only those cases: a case that
/// passes the fixed-temperature check keeps cell --thermal's warnings.
void check_solved_cell_state(const io::ValueSet& values, const cell::CellCase& cell_case,
                             const cell::OperatingPoint& design, const std::string& basis,
                             core::Diagnostics& diagnostics);

}  // namespace potline::line

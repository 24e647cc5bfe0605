#pragma once
// Where a simulate case's heat-loss network is calibrated and where its cells start, and the same check
// of a solved state for `potline cell --thermal` (docs/model/dynamics.md, "Thermal calibration").
#include <optional>

#include "potline/cell/cell_case.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/simulation.hpp"
#include "potline/potline/thermal_window.hpp"

namespace potline::line {

/// A case that names a catalogue technology: the network is calibrated at the technology's
/// catalogue operating point on the catalogue design's heat (the case's design.* changes are
/// what-ifs of the heat generated, user trial T19-22; as `potline cell --thermal`), and the run
/// starts at the steady state of that network at the case's current, ACD and bath
/// (c.op.bath_temperature_K, the heat-balance loop's target and c.start_ledge_m follow). Without a
/// technology, at `design_point` when given (the case file without --set), else at the case's own
/// point (as before). A point with no working steady state, or a network that cannot be calibrated,
/// is an input error naming the key, its value and the range that works.
void resolve_thermal_start(const io::ValueSet& values, const cell::CellCase& cell_case,
                           const cell::TechnologyCatalogue& catalogue, const cell::OperatingPoint* design_point,
                           SimulationCase& c, core::Diagnostics& diagnostics);

/// The controlled-ACD start (user trial T17-5), one rule for simulate's start
/// (resolve_thermal_start) and `potline cell --thermal`, so that they (and smelter and fleet, which
/// evaluate a cell at its current by controlled_operating_point) agree at one current. A case at
/// another line current than its calibration point `design_op` whose ACD is `design_op`'s and not
/// given for the case (neither on the command line nor, when `technology` (a catalogue technology's
/// case), in the case file) runs at the ACD where simulate's pot control settles the cell at that
/// current, with the case's bath composition, whatever it is (T19-12: the rule applied only at the
/// exact design composition): controlled_operating_point(design, constants, design_op, op), when
/// that is a working cell. nullopt: the case is run as written (an ACD given: D32). The bath
/// temperature of `op` is not used (it follows from the heat balance). `heat_loss_design`: the
/// catalogue design the network is calibrated on when the case changes design.* (T19-22).
std::optional<ControlledOperatingPoint> controlled_acd_start(
    const io::ValueSet& values, const cell::CellDesign& design,
    const cell::ModelConstants& constants, const cell::OperatingPoint& design_op,
    const cell::OperatingPoint& op, bool technology,
    const cell::CellDesign* heat_loss_design = nullptr);

/// `potline cell --thermal` of a case whose bath at its fixed operation.bath_temperature is below
/// its liquidus (admitted by cell::CellCaseOptions::temperature_from_heat_balance): the steady
/// state of the network calibrated at `design` (with the default dynamics.*, as cell --thermal) at
/// the case's point must be a working cell, else the input error simulate gives (each operating key
/// that differs from `design`, its value, why and the range that works with the other inputs as
/// given). Only those cases: a case that passes the fixed-temperature check keeps cell --thermal's
/// warnings. Any case whose design, model or dynamics inputs the network cannot be calibrated with
/// at `design` is the input error simulate gives there, at the key given with the cell's voltage
/// and heat (user trial T19-25: a run-time failure).
void check_solved_cell_state(const io::ValueSet& values, const cell::CellCase& cell_case,
                             const cell::OperatingPoint& design, const std::string& basis,
                             const cell::CellDesign* heat_loss_design,
                             core::Diagnostics& diagnostics);

}  // namespace potline::line

#pragma once
// The process faults' part of a cell-step (potline/faults.hpp, docs/model/faults.md): what the
// step loop of cell_steps.cpp calls, one line per hook, so the faults stay out of its logic.
#include <cstddef>

#include "line_internal.hpp"

namespace potline::line::detail {

/// Fault events of cell k due at t: sludge falling in, spikes starting or ending (the cell's
/// shunt current), poor-alumina periods, breaker failures and repairs, each logged. Returns true
/// when the state or an input jumped.
bool update_process_faults(Block& b, std::size_t k, const StepContext& x, double t);

/// An anode effect brought the operators to cell k at t: with feeders.ae_clears_faults they find
/// the failed crust breakers and have them repaired (their piles fall in as sludge).
void repair_breakers_at_anode_effect(Block& b, std::size_t k, const StepContext& x, double t);

/// Alumina concentration of the worst zone at which cell k goes into an anode effect at t: the
/// model's C_AE, raised while a new anode picks up its current.
double ae_onset_alumina_wt(const CellRun& run, const dynamics::CellModel& m, const dynamics::Electrical& e, double t);

/// Records the cause of an anode effect starting at t (docs/model/faults.md, "Attribution").
void attribute_anode_effect(CellRun& run, const StepContext& x, double t);
/// Adds the duration of an anode effect that ended at t to its cause.
void end_anode_effect(CellRun& run, double t);

/// Poor alumina: moves the share of `dissolved_kg` (just dissolved at once) that does not dissolve
/// at once to the undissolved pool; returns what stays dissolved.
double slow_dissolution(const CellRun& run, double* y, double dissolved_kg);

/// Voltage of the faults added to the cell voltage [V]: the sludge's rise of the cathode drop and
/// the spike's fall of the electrolysis path at line current I.
double fault_voltage_V(const CellRun& run, const dynamics::CellModel& m, const dynamics::Electrical& e, double I);

}  // namespace potline::line::detail

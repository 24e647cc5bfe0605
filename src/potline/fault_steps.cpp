// The process faults' part of a cell-step: see fault_steps.hpp and docs/model/faults.md.
#include "fault_steps.hpp"

#include <algorithm>

namespace potline::line::detail {
namespace {
using namespace dynamics;

void log_event(Block& b, const StepContext& x, std::size_t k, double t, EventKind kind, double value) {
  if (x.c.events == EventDetail::kNone) return;
  b.events.push_back({t, static_cast<std::uint32_t>(b.first + k), kind, value});
}

// Counts an event in the cell's totals and logs it.
void record(Block& b, const StepContext& x, std::size_t k, double t, const FaultChange& change) {
  FaultCounts& n = b.runs[k].totals.faults;
  switch (change.event) {
    case FaultEvent::kBreakerFailed:
      ++n.breaker_failures;
      log_event(b, x, k, t, EventKind::kBreakerFailed, change.feeder + 1.0);
      break;
    case FaultEvent::kBreakerRepaired: log_event(b, x, k, t, EventKind::kBreakerRepaired, change.sludge_kg); break;
    case FaultEvent::kCrustCollapse:
      ++n.crust_collapses;
      log_event(b, x, k, t, EventKind::kCrustCollapse, change.sludge_kg);
      break;
    case FaultEvent::kPoorAluminaStart:
      ++n.poor_alumina_periods;
      log_event(b, x, k, t, EventKind::kPoorAlumina, 1.0);
      break;
    case FaultEvent::kPoorAluminaEnd: log_event(b, x, k, t, EventKind::kPoorAlumina, 0.0); break;
    case FaultEvent::kSpikeStart:
      ++n.anode_spikes;
      log_event(b, x, k, t, EventKind::kAnodeSpike, 1.0);
      break;
    case FaultEvent::kSpikeEnd: log_event(b, x, k, t, EventKind::kAnodeSpike, 0.0); break;
    case FaultEvent::kNone: break;
  }
}

// Sludge dissolving back into the bath after a step of h (evenly: the zone deviations do not
// change); counted as fed now. Returns true when alumina moved.
bool dissolve_sludge(CellRun& run, double* y, double h) {
  const double kg = run.faults.dissolve_sludge_after_step(h);
  if (!(kg > 0.0)) return false;
  y[kDissolvedAlumina] += kg;
  run.totals.alumina_fed_kg += kg;
  run.fed_interval += kg;
  run.totals.faults.sludge_final_kg = run.faults.sludge_kg();
  return true;
}

}  // namespace

bool update_process_faults(Block& b, std::size_t k, const StepContext& x, double t) {
  CellRun& run = b.runs[k];
  if (run.faults.next_change_s() > t && !(run.faults.sludge_kg() > 0.0)) return false;  // one comparison
  bool jumped = false;
  while (run.faults.next_change_s() <= t) {
    const FaultChange change = run.faults.update(t);
    if (change.event == FaultEvent::kNone) break;
    record(b, x, k, t, change);
    if (change.event == FaultEvent::kSpikeStart || change.event == FaultEvent::kSpikeEnd) {
      CellInputs& in = b.cells->inputs(k);
      in.shunt_fraction = run.faults.shunt_fraction(b.cells->model(k).design.anode_count);
      b.cells->mark_jump(k);
      b.cells->refresh(k);
      jumped = true;
    }
    if (change.sludge_kg > 0.0 || change.event == FaultEvent::kSpikeStart || change.event == FaultEvent::kSpikeEnd) {
      run.zone_voltage_age_s = 1e300;  // the fault voltage is evaluated after this step
    }
    run.totals.faults.sludge_formed_kg = run.faults.sludge_formed_kg();
    run.totals.faults.sludge_final_kg = run.faults.sludge_kg();
  }
  if (run.faults.sludge_kg() > 0.0 && dissolve_sludge(run, b.cells->state(k), x.h)) jumped = true;
  return jumped;
}

void repair_breakers_at_anode_effect(Block& b, std::size_t k, const StepContext& x, double t) {
  CellRun& run = b.runs[k];
  if (!x.c.feeders.ae_clears_faults) return;
  for (int f = 0; f < run.feeders.size(); ++f) {
    const FaultChange change = run.faults.repair_breaker(f, t);
    if (change.event == FaultEvent::kNone) continue;
    record(b, x, k, t, change);
    run.zone_voltage_age_s = 1e300;  // the sludge voltage is evaluated after this step
  }
  run.totals.faults.sludge_formed_kg = run.faults.sludge_formed_kg();
  run.totals.faults.sludge_final_kg = run.faults.sludge_kg();
}

double ae_onset_alumina_wt(const CellRun& run, const CellModel& m, const Electrical& e, double t) {
  return run.faults.onset_alumina_wt(e.ae_alumina_wt, m.design.anode_count, t);
}

void attribute_anode_effect(CellRun& run, const StepContext& x, double t) {
  const FeederSettings& fs = x.c.feeders;
  bool feeder_fault = false;
  for (int f = 0; f < run.feeders.size(); ++f) {
    feeder_fault = feeder_fault || run.feeders.fault(f) != FeederFault::kNone;
  }
  // A feed stop that leaves every feeder delivering its whole shot is no stop.
  const bool feed_stop = run.controller.feed_stopped(t) && fs.stop_delivery < 1.0;
  run.ae_cause = run.faults.cause_at(t, feed_stop, feeder_fault);
  ++run.totals.faults.ae_count[static_cast<std::size_t>(run.ae_cause)];
}

void end_anode_effect(CellRun& run, double t) {
  run.totals.faults.ae_seconds[static_cast<std::size_t>(run.ae_cause)] += t - run.ae_start;
}

double slow_dissolution(const CellRun& run, double* y, double dissolved_kg) {
  const double share = run.faults.dissolution_share();
  if (!(share < 1.0)) return dissolved_kg;
  const double slow = (1.0 - share) * dissolved_kg;
  y[kDissolvedAlumina] -= slow;
  y[kUndissolvedAlumina] += slow;
  return dissolved_kg - slow;
}


double fault_voltage_V(const CellRun& run, const CellModel& m, const Electrical& e, double I) {
  const double cathode_drop_V = I * m.design.cathode_resistance_ohm;
  return run.faults.sludge_voltage_V(cathode_drop_V, m.design.cathode_area_m2) +
         run.faults.spike_voltage_V(e.voltage_V - e.external_V, m.design.anode_count);
}

}  // namespace potline::line::detail

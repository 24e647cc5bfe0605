// What the driver reports: time-series rows over the line, merged events and the run summary
// with its conservation totals and PFC emissions.
#include <algorithm>
#include <cmath>
#include <limits>

#include "line_internal.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"

namespace potline::line {
namespace detail {
namespace {
using namespace dynamics;

void add_cell_to_row(Row& row, Block& b, std::size_t k) {
  const CellBlock& cells = *b.cells;
  const CellModel& m = cells.model(k);
  const double* y = cells.state(k);
  const Electrical& e = cells.electrical(k);
  const double v = cells.voltage(k);
  const double a = alumina_wt(y);
  const double l = ledge_thickness_m(m, y);
  row.mean_voltage_V += v;
  row.line_power_W += v * row.line_current_A;
  row.energy_J += y[kEnergyLine];
  row.production_kg += y[kMetalProduced];
  row.mean_alumina_wt += a;
  row.min_alumina_wt = std::min(row.min_alumina_wt, a);
  row.max_alumina_wt = std::max(row.max_alumina_wt, a);
  row.mean_undissolved_kg += y[kUndissolvedAlumina];
  row.mean_alf3_wt += 100.0 * y[kExcessAlF3] / bath_mass_kg(y);
  row.mean_temperature_K += y[kBathTemperature];
  row.mean_metal_temperature_K += y[kMetalTemperature];
  row.mean_superheat_K += y[kBathTemperature] - e.liquidus_K;
  row.mean_ledge_m += l;
  row.min_ledge_m = std::min(row.min_ledge_m, l);
  row.max_ledge_m = std::max(row.max_ledge_m, l);
  row.mean_acd_m += y[kAcd];
  row.mean_metal_kg += y[kMetal];
  row.mean_bath_kg += bath_mass_kg(y);
  Fluxes f;
  double dy[kStateCount];
  rhs(m, cells.inputs(k), e, y, dy, &f);
  row.mean_heat_loss_W += f.top_loss_W + f.bottom_loss_W + f.side_loss_W;
  row.cells_in_ae += b.runs[k].in_ae ? 1 : 0;
  row.ae_count += b.runs[k].totals.ae_count;
}

void finish_totals(CellRun& run, const CellModel& m, const double* y) {
  CellTotals& t = run.totals;
  // A dead cell held in the line until the crew shorted it (potline.cut_out_delay) carried the line
  // current at its held voltage: charge and energy of the line, no production, not in its balance.
  t.charge_C = y[kCharge] + run.held_charge_C;
  t.energy_in_J = y[kEnergyIn];
  t.energy_line_J = y[kEnergyLine] + run.held_energy_J;
  t.energy_chemical_J = y[kEnergyChemical];
  t.energy_lost_J = y[kEnergyLost];
  t.energy_anode_J = y[kEnergyAnodeHeating];
  t.stored_heat_change_J = stored_heat_J(m, y) - run.stored_heat_start;
  // A restart (potline.cut_in) poured in the stored heat t.cut_in_heat_J without drawing it from the line.
  const double residual = t.energy_in_J - t.energy_chemical_J - t.energy_lost_J - t.energy_anode_J -
                          t.tapped_heat_J - (t.stored_heat_change_J - t.cut_in_heat_J);
  t.energy_balance_error = t.energy_in_J > 0 ? std::fabs(residual) / t.energy_in_J : 0.0;
  t.metal_produced_kg = y[kMetalProduced];
  t.metal_change_kg = y[kMetal] - run.metal_start;
  t.alumina_consumed_kg = y[kAluminaConsumed];
  t.alumina_change_kg = y[kDissolvedAlumina] + y[kUndissolvedAlumina] - run.alumina_start;
  t.alf3_added_kg = y[kAlF3Added];
  t.alf3_consumed_kg = y[kAlF3Consumed];
  t.alf3_change_kg = y[kExcessAlF3] - run.alf3_start;
  t.cryolite_change_kg = y[kCryolite] + y[kLedge] - run.cryolite_start;
  t.ae_volt_seconds = y[kAeVoltSeconds];
  t.acd = acd_record(run);  // its controllers before and after restarts (cut_in_out.cpp)
}

// Sums over the cells (the line means divide them by the cell count, or by the cell-time in the
// line when cells were cut out).
struct LineTotals {
  double charge = 0, energy_line = 0, production = 0, superheat = 0, alumina = 0, temperature = 0;
  double exchanger_fraction = 0;
  double charge_in_line = 0;  ///< Σ charge of the cells in the line at the end (the line current's)
  int cut_out = 0;            ///< cells cut out of the line at the end
  double out_time_s = 0;      ///< Σ of the cells' times out of the line (cut out, before a cut-in)
  int never_out = 0;          ///< cells in the line all the run (their charge is the line's)
  double charge_back = 0, time_back_s = 0;  ///< charge and time in the line of the others in it at the end
};

void add_cell_to_summary(Summary& sum, LineTotals& line, CellRun& run, const CellModel& m, const double* y,
                         double duration_s) {
  // Earlier cut-outs, each ended by a cut-in after its repair (potline.cut_in).
  sum.cut_out.insert(sum.cut_out.end(), run.past_cuts.begin(), run.past_cuts.end());
  const double out_s = run.out_of_line_s + (run.cut_out ? duration_s - run.cut.time_s : 0.0);
  line.out_time_s += out_s;
  if (run.cut_out) {  // its state and totals stopped at its cut-out (an anode effect ended there)
    ++line.cut_out;
    sum.cut_out.push_back(run.cut);
  } else {
    line.temperature += y[kBathTemperature];
    line.exchanger_fraction += m.exchanger_share > 0.0 ? run.exchanger.fraction : 0.0;
    if (run.past_cuts.empty()) {
      line.charge_in_line += y[kCharge];
      ++line.never_out;
    } else {
      line.charge_back += y[kCharge];
      line.time_back_s += duration_s - out_s;
    }
  }
  if (run.ledge_out) run.totals.ledge_bare_s += duration_s - run.ledge_out_since_s;  // bare at the end
  if (run.in_ae) {  // still in AE at the end
    run.totals.ae_seconds += duration_s - run.ae_start;
    run.totals.faults.ae_seconds[static_cast<std::size_t>(run.ae_cause)] += duration_s - run.ae_start;
  }
  finish_totals(run, m, y);
  const CellTotals& t = run.totals;
  line.charge += t.charge_C;
  line.energy_line += t.energy_line_J;
  line.production += t.metal_produced_kg;
  line.superheat += run.superheat_seconds;
  line.alumina += run.alumina_seconds;
  sum.ae.count += t.ae_count;
  sum.ae.total_seconds += t.ae_seconds;
  sum.ae.overvoltage_volt_seconds += t.ae_volt_seconds;
  sum.ae_onset_alumina_wt += t.ae_onset_alumina_wt_sum;  // sums here, means in finish_line_means
  sum.ae_onset_zone_wt += t.ae_onset_zone_wt_sum;
  sum.feeder_faults += t.feeder_faults;
  add_fault_counts(sum.faults, t.faults);
  sum.alumina_min_wt = std::min(sum.alumina_min_wt, run.min_alumina);
  sum.alumina_max_wt = std::max(sum.alumina_max_wt, run.max_alumina);
  sum.min_ledge_m = std::min(sum.min_ledge_m, run.min_ledge);
  sum.max_ledge_m = std::max(sum.max_ledge_m, run.max_ledge);
  sum.energy_balance_error = std::max(sum.energy_balance_error, t.energy_balance_error);
  sum.cells_out_of_window += run.left_window ? 1 : 0;
  sum.cell_hours_out_of_window += run.out_of_window_s / 3600.0;
  if (run.liquidus_range_s > 0.0) {
    const bool first = sum.cells_outside_liquidus_range++ == 0;
    sum.liquidus_range_cell_hours += run.liquidus_range_s / 3600.0;
    sum.liquidus_range_max_cell_hours = std::max(sum.liquidus_range_max_cell_hours, run.liquidus_range_s / 3600.0);
    sum.liquidus_range_max_alf3_wt = std::max(sum.liquidus_range_max_alf3_wt, run.liquidus_range_max_alf3_wt);
    sum.liquidus_range_min_temperature_K =
        first ? run.liquidus_range_min_temperature_K
              : std::min(sum.liquidus_range_min_temperature_K, run.liquidus_range_min_temperature_K);
  }
  sum.acd_at_max_cell_hours += t.acd.at_max_s / 3600.0;
  sum.acd_at_min_cell_hours += t.acd.at_min_s / 3600.0;
  sum.acd_below_min_cell_hours += t.acd.below_min_s / 3600.0;
  sum.cells_at_acd_limit += t.acd.at_max_s + t.acd.at_min_s > 0.0 ? 1 : 0;
  sum.loop_at_limit_cell_hours += t.acd.loop_at_limit_s / 3600.0;
  sum.loop_at_limit_max_cell_hours = std::max(sum.loop_at_limit_max_cell_hours, t.acd.loop_at_limit_s / 3600.0);
  sum.loop_limit_out_of_window_cell_hours += t.loop_limit_out_of_window_s / 3600.0;
  sum.loop_limit_out_of_window_max_h =
      std::max(sum.loop_limit_out_of_window_max_h, t.loop_limit_out_of_window_longest_s / 3600.0);
  sum.cells_loop_limit_out_of_window_a_day += t.loop_limit_out_of_window_longest_s >= 24 * 3600.0 ? 1 : 0;
  sum.hot_cell_hours += t.acd.hot_s / 3600.0;
  if (t.acd.max_acd_m > 0.0) {
    const bool first = sum.max_acd_m == 0.0;
    sum.min_acd_m = first ? t.acd.min_acd_m : std::min(sum.min_acd_m, t.acd.min_acd_m);
    sum.max_acd_m = first ? t.acd.max_acd_m : std::max(sum.max_acd_m, t.acd.max_acd_m);
  }
  sum.cut_ins += t.cut_ins;
  sum.cut_in_heat_J += t.cut_in_heat_J;
  sum.startup_energy_J += t.startup_energy_J;
  sum.ledge_melt_outs += t.ledge_melt_outs;
  sum.cells_ledge_melted_out += t.ledge_melt_outs > 0 ? 1 : 0;
  sum.ledge_bare_cell_hours += t.ledge_bare_s / 3600.0;
  sum.per_cell.push_back(t);
  sum.exchanger_max_W += m.exchanger_max_W;  // sums here, means in finish_line_means
  sum.exchanger_energy_J += run.exchanger.energy_J;
}

void finish_line_means(const SimulationCase& c, Summary& sum, const LineTotals& line, double duration) {
  // Cells in the line, as a count over the run (a cut-out cell counts for its time in the line) and
  // at the end.
  const int in_line = c.cells - line.cut_out;
  sum.cells_in_line = in_line;
  const double n = line.out_time_s == 0.0 ? c.cells : c.cells - (duration > 0 ? line.out_time_s / duration : 0.0);
  // The line current: through every cell in the line all the run, over the whole run (when each
  // was out for a time: the cells in the line at the end over their time in it).
  sum.mean_line_current_A = duration <= 0              ? 0
                            : line.never_out > 0       ? line.charge_in_line / line.never_out / duration
                            : line.time_back_s > 0.0   ? line.charge_back / line.time_back_s
                                                       : 0;
  sum.mean_voltage_V = line.charge > 0 ? line.energy_line / line.charge : 0;
  const double faraday = cell::faraday_production_kg_per_s(1.0, 1.0) * line.charge;  // kg at CE = 1
  sum.current_efficiency = faraday > 0 ? line.production / faraday : 0;
  sum.production_t = line.production / 1000.0;
  sum.energy_MWh = line.energy_line / 3.6e9;
  sum.sec_dc_kWh_per_kg = line.production > 0 ? line.energy_line / constants::kJoulePerKWh / line.production : 0;
  sum.mean_superheat_K = duration > 0 ? line.superheat / n / duration : 0;
  sum.mean_alumina_wt = duration > 0 ? line.alumina / n / duration : 0;
  sum.final_mean_temperature_K = line.temperature / std::max(1, in_line);
  sum.ae.cell_days = n * sum.simulated_days;
  if (sum.ae.count > 0) {
    sum.ae_onset_alumina_wt /= static_cast<double>(sum.ae.count);
    sum.ae_onset_zone_wt /= static_cast<double>(sum.ae.count);
  }
  sum.feeders_per_cell = feeder_count(c.feeders, c.design.anode_count);
  sum.zones_per_cell = zone_count(c.feeders, sum.feeders_per_cell);
  sum.ae.production_t = sum.production_t;
  sum.ae.current_efficiency = sum.current_efficiency;
  sum.exchanger_max_W /= c.cells;
  sum.exchanger_mean_W = duration > 0 ? sum.exchanger_energy_J / n / duration : 0.0;
  sum.exchanger_final_fraction = line.exchanger_fraction / std::max(1, in_line);
  sum.pfc = pfc_emissions(sum.ae, c.pfc_coefficients, c.gwp, c.pfc_method, c.low_voltage_cf4_kg_per_kg);
}

}  // namespace

Row make_row(const SimulationCase& c, std::vector<Block>& blocks, double t, long step_count, double h,
             double regulated_A, double off_until_s) {
  Row row;
  row.time_s = t;
  row.line_current_A = line_current_at(c, std::max(0.0, t - h), regulated_A, off_until_s);
  row.min_alumina_wt = std::numeric_limits<double>::infinity();
  row.min_ledge_m = std::numeric_limits<double>::infinity();
  double fed = 0;
  int live = 0;
  for (Block& b : blocks) {
    for (std::size_t k = 0; k < b.runs.size(); ++k) {
      const CellRun& r = b.runs[k];
      if (r.cut_out) {  // dead: the energy it drew before, and while held in the line
        row.energy_J += b.cells->state(k)[kEnergyLine] + r.held_energy_J;
        row.production_kg += b.cells->state(k)[kMetalProduced];
        if (r.shorted) continue;
        // Not yet shorted (potline.cut_out_delay): in the series with its held voltage at the
        // current of the last step (cut_in_out.cpp, held_voltage_V).
        const double held_V = held_voltage_V(r.cut, c.control.back_emf_V, row.line_current_A);
        row.line_voltage_V += held_V;
        row.line_power_W += held_V * row.line_current_A;
        ++row.cells_in_line;
        continue;
      }
      add_cell_to_row(row, b, k);
      // A cell cut in again keeps the energy it drew while held dead in the line (T11-14: the
      // cumulative column fell by it at the restart and ended below the summary's energy_MWh).
      row.energy_J += r.held_energy_J;
      ++row.cells_in_line;
      ++live;
      fed += b.runs[k].fed_interval;
      b.runs[k].fed_interval = 0;
    }
  }
  // Means over the live cells (the driver stops the run before none is left).
  const double n = std::max(1, live);
  row.line_voltage_V += row.mean_voltage_V;
  row.mean_voltage_V /= n;
  row.mean_alumina_wt /= n;
  row.mean_undissolved_kg /= n;
  row.mean_alf3_wt /= n;
  row.mean_temperature_K /= n;
  row.mean_metal_temperature_K /= n;
  row.mean_superheat_K /= n;
  row.mean_ledge_m /= n;
  row.mean_acd_m /= n;
  row.mean_metal_kg /= n;
  row.mean_bath_kg /= n;
  row.mean_heat_loss_W /= n;
  row.mean_feed_kg_per_s = step_count > 0 ? fed / n / (step_count * h) : 0.0;
  return row;
}

void flush_events(std::vector<Block>& blocks, std::vector<Event>& merged, Observer* observer) {
  if (observer == nullptr) {
    for (Block& b : blocks) b.events.clear();
    return;
  }
  merged.clear();
  for (Block& b : blocks) {
    merged.insert(merged.end(), b.events.begin(), b.events.end());
    b.events.clear();
  }
  std::stable_sort(merged.begin(), merged.end(), [](const Event& a, const Event& b) { return a.time_s < b.time_s; });
  if (!merged.empty()) observer->on_events(merged);
}

Summary summarise(const SimulationCase& c, std::vector<Block>& blocks, double duration_s, long total_steps) {
  Summary sum;
  sum.simulated_days = duration_s / constants::kSecondsPerDay;
  sum.cells = c.cells;
  sum.alumina_min_wt = std::numeric_limits<double>::infinity();
  sum.min_ledge_m = std::numeric_limits<double>::infinity();
  LineTotals line;
  for (Block& b : blocks) {
    for (std::size_t k = 0; k < b.runs.size(); ++k) {
      add_cell_to_summary(sum, line, b.runs[k], b.cells->model(k), b.cells->state(k), duration_s);
      // A cell is stepped while it is in the line (cut out, not again until a cut-in).
      const double h = c.control.sample_period_s;
      const CellRun& r = b.runs[k];  // stepped while in the line
      const double out_s = r.out_of_line_s + (r.cut_out ? duration_s - r.cut.time_s : 0.0);
      sum.cell_steps += std::max(0L, total_steps - std::lround(out_s / h));
    }
    sum.voltage_evaluations += b.cells->evaluations();
  }
  std::sort(sum.cut_out.begin(), sum.cut_out.end(), [](const CutOutCell& a, const CutOutCell& b) {
    return a.time_s != b.time_s ? a.time_s < b.time_s : a.cell < b.cell;
  });
  finish_line_means(c, sum, line, duration_s);
  std::vector<const PurityCell*> pads;  // grade over time (purity_track.cpp)
  for (const Block& b : blocks)
    for (const CellRun& r : b.runs) pads.push_back(&r.purity);
  sum.purity = summarise_purity(c.purity, pads);
  return sum;
}

}  // namespace detail

const char* to_string(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::kFeed: return "feed";
    case EventKind::kUnderfeed: return "underfeed";
    case EventKind::kOverfeed: return "overfeed";
    case EventKind::kBeamMove: return "beam_move";
    case EventKind::kTap: return "tap";
    case EventKind::kAnodeChange: return "anode_change";
    case EventKind::kBeamRaise: return "beam_raise";
    case EventKind::kAnodeEffectStart: return "anode_effect_start";
    case EventKind::kAnodeEffectEnd: return "anode_effect_end";
    case EventKind::kAlF3Rate: return "alf3_rate";
    case EventKind::kBathSample: return "bath_sample";
    case EventKind::kBathFrozen: return "bath_frozen";
    case EventKind::kCurrentLimit: return "current_limit";
    case EventKind::kFeederChoke: return "feeder_choke";
    case EventKind::kFeederPartial: return "feeder_partial";
    case EventKind::kFeederCleared: return "feeder_cleared";
    case EventKind::kBreakerFailed: return "breaker_failed";
    case EventKind::kBreakerRepaired: return "breaker_repaired";
    case EventKind::kCrustCollapse: return "crust_collapse";
    case EventKind::kPoorAlumina: return "poor_alumina";
    case EventKind::kAnodeSpike: return "anode_spike";
    case EventKind::kWindowSuperheatLow: return "window_superheat_low";
    case EventKind::kWindowSuperheatHigh: return "window_superheat_high";
    case EventKind::kWindowLedgeThin: return "window_ledge_thin";
    case EventKind::kWindowLedgeThick: return "window_ledge_thick";
    case EventKind::kWindowReturned: return "window_returned";
    case EventKind::kCellCutOut: return "cell_cut_out";
    case EventKind::kCellCutIn: return "cell_cut_in";
    case EventKind::kLedgeMeltedOut: return "ledge_melted_out";
    case EventKind::kLedgeReformed: return "ledge_reformed";
    case EventKind::kAnodeProblem: return "anode_problem";
    case EventKind::kCoverLoss: return "cover_loss";
    case EventKind::kFeedStopCleared: return "feed_stop_cleared";
    case EventKind::kRestartHeld: return "restart_held";
  }
  return "?";
}

const char* event_unit(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::kFeed: return "kg";
    case EventKind::kBeamMove: return "mm";
    case EventKind::kTap: return "kg";
    case EventKind::kAnodeEffectStart: return "wt%";
    case EventKind::kAnodeEffectEnd: return "s";
    case EventKind::kAlF3Rate: return "kg/d";
    case EventKind::kBathSample: return "wt%";
    case EventKind::kBathFrozen: return "%";
    case EventKind::kCurrentLimit: return "kA";
    case EventKind::kFeederChoke:
    case EventKind::kFeederPartial:
    case EventKind::kFeederCleared:
    case EventKind::kFeedStopCleared:
    case EventKind::kBreakerFailed: return "feeder";
    case EventKind::kBreakerRepaired:
    case EventKind::kCrustCollapse: return "kg";
    case EventKind::kWindowSuperheatLow:
    case EventKind::kWindowSuperheatHigh: return "K";
    case EventKind::kWindowLedgeThin:
    case EventKind::kWindowLedgeThick: return "cm";
    case EventKind::kWindowReturned: return "h";
    case EventKind::kCellCutOut:
    case EventKind::kCellCutIn: return "V";
    case EventKind::kLedgeMeltedOut: return "cm";
    case EventKind::kLedgeReformed: return "h";
    case EventKind::kRestartHeld: return "h";
    case EventKind::kAnodeProblem: return "anodes";
    case EventKind::kCoverLoss: return "1";
    default: return "";
  }
}

std::optional<std::string> ce_current_note(const SimulationCase& c, double low_A, double high_A, std::string_view what) {
  const double calibrated_A = c.calibration_op ? c.calibration_op->line_current_A : c.op.line_current_A;
  return cell::dewing_current_note(c.constants.current_efficiency_model, low_A, high_A, calibrated_A, what);
}

}  // namespace potline::line

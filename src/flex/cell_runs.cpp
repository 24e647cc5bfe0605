// Dynamic-model runs of one representative cell under a power schedule (see cell_runs.hpp).
#include "potline/flex/cell_runs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/cell/cell_model.hpp"

namespace potline::flex {
namespace {

// Keeps the rows of the run.
class TraceObserver final : public line::Observer {
 public:
  explicit TraceObserver(CellTrace& trace) : trace_(trace), per_cell_(1.0 / trace.cells) {}
  void on_row(const line::Row& r) override {
    trace_.time_s.push_back(r.time_s);
    trace_.ledge_m.push_back(r.mean_ledge_m);
    trace_.superheat_K.push_back(r.mean_superheat_K);
    trace_.temperature_K.push_back(r.mean_temperature_K);
    trace_.power_W.push_back(r.line_power_W * per_cell_);
    trace_.acd_m.push_back(r.mean_acd_m);
    trace_.energy_cum_J.push_back(r.energy_J * per_cell_);
    trace_.production_cum_kg.push_back(r.production_kg * per_cell_);
    trace_.current_A.push_back(r.line_current_A);
    trace_.alumina_wt.push_back(r.mean_alumina_wt);
    trace_.alf3_wt.push_back(r.mean_alf3_wt);
    trace_.energy_J = r.energy_J * per_cell_;
    trace_.in_ae.push_back(r.cells_in_ae > 0 || r.ae_count > ae_count_ ? 1 : 0);
    for (long k = ae_count_; k < r.ae_count; ++k) trace_.ae_onset_s.push_back(r.time_s);
    ae_count_ = std::max(ae_count_, r.ae_count);
  }

 private:
  CellTrace& trace_;
  double per_cell_;
  long ae_count_ = 0;
};

// "time [h],power [MW]" rows of the schedule (a step series, the simulate power-CSV format).
std::string power_csv(const std::vector<double>& shares, double step_s, double nominal_W) {
  std::string text = "time [h],power [MW]\n";
  for (std::size_t k = 0; k < shares.size(); ++k) {
    text += fmt::format("{:.12g},{:.12g}\n", static_cast<double>(k) * step_s / 3600.0,
                        std::max(0.0, shares[k]) * nominal_W / 1e6);
  }
  return text;
}

}  // namespace

double CellTrace::at(const std::vector<double>& time, const std::vector<double>& values, double t) {
  if (time.empty()) return 0.0;
  if (t <= time.front()) return values.front();
  if (t >= time.back()) return values.back();
  const auto it = std::upper_bound(time.begin(), time.end(), t);
  const std::size_t i = static_cast<std::size_t>(it - time.begin());
  const double w = (t - time[i - 1]) / (time[i] - time[i - 1]);
  return values[i - 1] + w * (values[i] - values[i - 1]);
}

double nominal_cell_power_W(const line::SimulationCase& sim) {
  return sim.op.line_current_A * cell::evaluate(sim.design, sim.constants, sim.op).voltage_V;
}

CellTrace run_power_schedule(const line::SimulationCase& sim, const std::vector<double>& shares,
                             double step_s, double duration_s, double output_interval_s,
                             int cells) {
  line::SimulationCase c = sim;
  c.cells = std::max(1, cells);
  // The simulated cells stand for one representative cell: a guard that cuts one of them out ends
  // the run, as it ends the one cell's (the others must not run on with the line's power).
  if (c.cells > 1) {
    c.on_frozen_cell = line::FrozenCellAction::kStop;
    c.on_overheated_cell = line::FrozenCellAction::kStop;
    if (c.on_ledge_melt_out == line::LedgeMeltOutAction::kCutOut)
      c.on_ledge_melt_out = line::LedgeMeltOutAction::kStop;
  }
  c.threads = 1;
  c.duration_s = duration_s;
  c.output_interval_s = output_interval_s;
  c.events = line::EventDetail::kNone;
  c.schedule = line::CurrentSchedule(sim.op.line_current_A, sim.schedule.max_A());
  core::Diagnostics d;
  // Two rows at least: a power CSV needs a step; a single share is held for the whole run.
  std::vector<double> rows = shares.empty() ? std::vector<double>{1.0} : shares;
  if (rows.size() == 1) rows.push_back(rows.front());
  if (!c.schedule.read_csv_text(power_csv(rows, step_s, nominal_cell_power_W(sim) * c.cells),
                                "<flex schedule>", d)) {
    throw core::RunError("flex: the power schedule for the dynamic model was refused: " + d.to_string());
  }
  CellTrace trace;
  trace.cells = c.cells;
  TraceObserver observer(trace);
  try {
    trace.summary = line::run_simulation(c, &observer);
    trace.production_kg = trace.summary.production_t * 1e3 / c.cells;
  } catch (const line::SimulationStopped& e) {
    trace.stopped = true;
    trace.stop_reason = e.reason;
    trace.stopped_at_s = e.time_s;
    trace.stop_message = e.what();
  }
  return trace;
}

AcdLimitTime time_at_acd_limit(const line::SimulationCase& sim, const CellTrace& trace) {
  control::ControllerSettings limits = sim.control;
  limits.bath_height_m = sim.dynamics.bath_height_m;
  const double ceiling = control::acd_ceiling_m(limits), floor = control::acd_floor_m(limits);
  const double near = sim.control.beam_step_m;
  const std::vector<double>& t = trace.time_s;
  const std::vector<double>& acd = trace.acd_m;
  AcdLimitTime at;
  for (std::size_t i = 1; i < t.size() && i < acd.size(); ++i) {
    if (acd[i] >= ceiling - near || (floor > 0.0 && acd[i] <= floor + near)) {
      at.total_s += t[i] - t[i - 1];
      if (at.first_s < 0) at.first_s = t[i];
    }
  }
  return at;
}

std::vector<double> running_mean(const std::vector<double>& time_s, const std::vector<double>& values,
                                 double tau_s) {
  std::vector<double> out(values.size());
  if (values.empty()) return out;
  out[0] = values[0];
  for (std::size_t i = 1; i < values.size(); ++i) {
    const double w = 1.0 - std::exp(-(time_s[i] - time_s[i - 1]) / std::max(tau_s, 1e-9));
    out[i] = out[i - 1] + w * (values[i] - out[i - 1]);
  }
  return out;
}

}  // namespace potline::flex

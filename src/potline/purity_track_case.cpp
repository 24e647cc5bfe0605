// Inputs of the grade-over-time tracker (see purity_track_case.hpp). The balance is the cell's
// (docs/model/purity.md); the events' rates and sizes are inputs, their defaults labelled
// estimates.
#include "potline/potline/purity_track_case.hpp"

#include <fmt/format.h>

#include "potline/cell/cell_model.hpp"
#include "potline/purity/purity_report.hpp"
#include "potline/purity/purity_schema.hpp"

namespace potline::line {

void add_purity_track_fields(io::SchemaTable<SimulationCase>& t) {
  auto e = t.part(&SimulationCase::purity).part(&PurityTrackSettings::events);
  e.number("purity.stub_dip_rate", &PurityEvents::stub_dip_per_s)
      .unit("1/yr", "1/s")
      .default_(0.0)
      .range(0.0, 1000.0)
      .source("input: no published rate of stub dips was found; 0 (none) unless given")
      .doc(
          "random stub dips per pot-year: a steel stub reaching the bath (broken or badly set "
          "anode)");
  e.number("purity.stub_dip_fe", &PurityEvents::stub_dip_fe_kg)
      .unit("kg")
      .default_(5.0)
      .range(0.0, 1000.0)
      .source("estimate: a few kg of steel dissolve from a stub tip held in the bath until the anode is "
              "reset; no published measurement")
      .doc("Fe one stub dip dissolves into the bath (reaches the metal by purity.fe_to_metal)");
  t.number("purity.stub_dip_time")  // unbound: no default (read below)
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none")
      .doc("one scheduled stub dip at this time, in purity.stub_dip_cell");
  e.integer("purity.stub_dip_cell", &PurityEvents::stub_dip_cell)
      .range(1, 100000)
      .default_(1)
      .doc("cell (1-based) of the scheduled stub dip");
  e.number("purity.cathode_failure_rate", &PurityEvents::cathode_failure_per_s)
      .unit("1/yr", "1/s")
      .default_(0.0)
      .range(0.0, 100.0)
      .source("input: no published failure rate per pot-year was found; 0 (none) unless given")
      .doc(
          "random cathode failures per pot-year: metal reaching a collector bar (the pot stays in "
          "the run)");
  e.number("purity.cathode_failure_fe", &PurityEvents::cathode_fe_kg_per_s)
      .unit("kg/d", "kg/s")
      .default_(10.0)
      .range(0.0, 10000.0)
      .source("estimate: chosen so that a cell making ~1.3 t/d taps metal near 0.8 wt% Fe a few days after "
              "the failure; no published dissolution rate of a collector bar was found")
      .doc("Fe the exposed collector bar gives the metal after a cathode failure");
  t.number("purity.cathode_failure_time")  // unbound: no default (read below)
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none")
      .doc(
          "one scheduled cathode failure at this time, in purity.cathode_failure_cell (lasts to "
          "the end)");
  e.integer("purity.cathode_failure_cell", &PurityEvents::cathode_failure_cell)
      .range(1, 100000)
      .default_(1)
      .doc("cell (1-based) of the scheduled cathode failure");
}

void resolve_purity_track(const io::ValueSet& v, const cell::CellCase& cc, SimulationCase& c,
                          core::Diagnostics& d) {
  PurityTrackSettings& s = c.purity;
  s.enabled = purity::purity_requested(v);
  s.seed = c.seed;
  s.events.stub_dip_time_s = v.maybe_number("purity.stub_dip_time");
  s.events.cathode_failure_time_s = v.maybe_number("purity.cathode_failure_time");
  if (!s.enabled) return;
  // The balance at the cell's steady state (the inert anode's wear per t needs its current
  // efficiency).
  const cell::CellResult r = cell::evaluate(cc.design, cc.constants, cc.op);
  const purity::Inputs in = purity::cell_purity_inputs(cc, r);
  const purity::MetalPurity m = purity::metal_purity(in);
  s.fe_kg_per_kg = 0;
  s.si_kg_per_kg = 0;
  for (const purity::SourceShare& x : m.sources) {
    s.fe_kg_per_kg += x.fe_kg_per_t / 1e3;
    s.si_kg_per_kg += x.si_kg_per_t / 1e3;
  }
  s.fe_to_metal = in.fe_to_metal;
  s.other_impurities = in.other_impurities;
  const auto check_cell = [&](const char* key, int cell) {
    if (cell <= c.cells) return;
    const io::Value* at = v.get(key);
    d.error(at ? at->location : core::SourceLocation{}, key,
            fmt::format("cell {} is beyond the run's {} cell{} (potline.cells)", cell, c.cells,
                        c.cells == 1 ? "" : "s"));
  };
  if (s.events.stub_dip_time_s) check_cell("purity.stub_dip_cell", s.events.stub_dip_cell);
  if (s.events.cathode_failure_time_s)
    check_cell("purity.cathode_failure_cell", s.events.cathode_failure_cell);
}

}  // namespace potline::line

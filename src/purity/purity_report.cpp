#include "potline/purity/purity_report.hpp"

#include "potline/purity/purity_schema.hpp"

namespace potline::purity {

Inputs cell_purity_inputs(const cell::CellCase& c, const cell::CellResult& r) {
  Inputs in = c.purity;
  if (c.constants.anode_type == cell::AnodeType::kInert) {
    in.anode_carbon_kg_per_t = 0.0;
    const cell::AnodeBalance a = cell::anode_balance(c.constants.anode_type, c.constants.inert_anode,
                                                     r.current_efficiency, r.production_kg_per_s,
                                                     cell::anode_area_m2(c.design));
    in.inert_anode_wear_kg_per_t = a.wear_kg_per_t.value_or(0.0);
  } else {
    in.inert_anode_wear_kg_per_t = 0.0;
  }
  return in;
}

io::Json purity_json(const cell::CellCase& c, const cell::CellResult& r) {
  if (!purity_requested(c.values)) return io::Json(nullptr);
  const Inputs in = cell_purity_inputs(c, r);
  const MetalPurity m = metal_purity(in);
  io::Json sources = io::Json::object();
  for (const SourceShare& s : m.sources) {
    sources[s.source] = {{"fe_kg_per_t", s.fe_kg_per_t}, {"si_kg_per_t", s.si_kg_per_t}};
  }
  io::Json shares = io::Json::object();
  for (const GradeShare& g : m.grade_shares) shares[g.grade] = g.share;
  const std::string target = c.values.text("purity.target_grade", "P1020");
  double target_share = 0.0;
  for (const GradeShare& g : m.grade_shares) {
    if (g.grade == target) target_share = g.share;
  }
  io::Json j;
  j["fe_wt"] = m.fe * 100;
  j["si_wt"] = m.si * 100;
  j["al_wt"] = m.al * 100;
  j["grade"] = m.grade ? io::Json(*m.grade) : io::Json(nullptr);
  j["sources"] = sources;
  j["grade_shares"] = shares;
  j["target_grade"] = target;
  j["target_share"] = target_share;
  j["inert_anode_wear_kg_per_t"] = in.inert_anode_wear_kg_per_t;
  return j;
}

}  // namespace potline::purity

// The [purity] section of the cell case: Fe and Si sources, partition to the metal, pot-to-pot
// scatter and the target grade. Sources and estimates: docs/model/purity.md.
#include "potline/purity/purity_schema.hpp"

#include <fmt/format.h>

#include "potline/cell/cell_case.hpp"

namespace potline::purity {
namespace {
using Table = io::SchemaTable<cell::CellCase>;
const std::string kNotCounted = "0: the source is not counted unless given";
}  // namespace

const std::vector<MaterialField>& material_fields() {
  static const std::vector<MaterialField> fields = [] {
    std::vector<MaterialField> f;
    auto fraction = [&](std::string key, double Inputs::*member, std::string what, std::string source) {
      f.push_back({"purity." + key, member, [what, source](io::FieldBuilder& b) {
                     b.unit("wt%", "1").default_(0.0).range(0.0, 100.0).source(source).doc(what);
                   }});
    };
    auto flow = [&](std::string key, double Inputs::*member, std::string what) {
      f.push_back({"purity." + key, member, [what](io::FieldBuilder& b) {
                     b.unit("kg/t").default_(0.0).range(0.0, 100.0).source(kNotCounted).doc(what);
                   }});
    };
    fraction("alumina_fe", &Inputs::alumina_fe, "Fe in the alumina fed (as element, not Fe2O3)",
             "input: give the alumina's analysis (Fe2O3 x 0.699 = Fe)");
    fraction("alumina_si", &Inputs::alumina_si, "Si in the alumina fed (as element, not SiO2)",
             "input: give the alumina's analysis (SiO2 x 0.4675 = Si)");
    fraction("anode_fe", &Inputs::anode_fe, "Fe in the consumed anode carbon (carbon anodes)",
             "input: the anodes' analysis");
    fraction("anode_si", &Inputs::anode_si, "Si in the consumed anode carbon (carbon anodes)",
             "input: the anodes' analysis");
    flow("steel_fe", &Inputs::steel_fe_kg_per_t, "Fe from anode stubs, yokes and tools dissolving in the bath");
    flow("cathode_fe", &Inputs::cathode_fe_kg_per_t, "Fe from collector-bar and cathode erosion");
    flow("cathode_si", &Inputs::cathode_si_kg_per_t, "Si from cathode, lining and side-wall erosion");
    flow("crust_fe", &Inputs::crust_fe_kg_per_t, "Fe from cover material and crust other than alumina");
    flow("crust_si", &Inputs::crust_si_kg_per_t, "Si from cover material and crust other than alumina");
    auto partition = [&](std::string key, double Inputs::*member, std::string what) {
      f.push_back({"purity." + key, member, [what](io::FieldBuilder& b) {
                     b.unit("1").default_(1.0).range(0.0, 1.0).source(
                          "1: Fe and Si are nobler than Al, reach the metal at the metal-bath interface and cannot be "
                          "oxidised out ([SINTEF impurity behaviour]); they stay in the bath briefly ([Haugland et al. "
                          "2001]) and the dry scrubbers return their fume, so a potline's balance sends nearly all to "
                          "the metal (measured for V: [Daněk et al. 2004]); no per-source coefficient below 1 was found "
                          "(docs/model/purity.md)")
                         .doc(what);
                   }});
    };
    partition("fe_to_metal", &Inputs::fe_to_metal, "fraction of the Fe input that ends in the metal");
    partition("si_to_metal", &Inputs::si_to_metal, "fraction of the Si input that ends in the metal");
    f.push_back({"purity.other_impurities", &Inputs::other_impurities, [](io::FieldBuilder& b) {
                   b.unit("wt%", "1")
                       .default_(0.0)
                       .range(0.0, 100.0)
                       .source("input: Ga, V, Zn, Ti, Ni and others are not balanced; 0 unless given")
                       .doc("all other elements in the metal (counts against the Al minimum of P1020)");
                 }});
    auto scatter = [&](std::string key, double Inputs::*member, std::string what) {
      f.push_back({"purity." + key, member, [what](io::FieldBuilder& b) {
                     b.unit("1").default_(0.3).range(0.0, 5.0).source(
                          "estimate: no public pot-to-pot distribution of Fe and Si; 0.3 is an assumption (vary it)")
                         .doc(what);
                   }});
    };
    scatter("pot_variation_fe", &Inputs::pot_variation_fe, "coefficient of variation of Fe between pots");
    scatter("pot_variation_si", &Inputs::pot_variation_si, "coefficient of variation of Si between pots");
    return f;
  }();
  return fields;
}

Inputs material_inputs(const io::ValueSet& values) {
  Inputs in;
  for (const MaterialField& f : material_fields()) {
    if (const auto v = values.maybe_number(f.key)) in.*f.member = *v;
  }
  return in;
}

void add_purity_fields(Table& t) {
  auto p = t.part(&cell::CellCase::purity);
  const std::vector<MaterialField>& shared = material_fields();
  auto declare = [&](std::size_t i) {
    io::FieldBuilder b = p.number(shared[i].key, shared[i].member);
    shared[i].configure(b);
  };
  // The cell's order: raw materials with their consumptions, then the direct sources, partition and scatter.
  for (std::size_t i = 0; i < 2; ++i) declare(i);  // alumina Fe, Si
  p.number("purity.alumina_consumption", &Inputs::alumina_kg_per_t)
      .unit("kg/t")
      .default_(1925.0)
      .range(1889.0, 3000.0)
      .source("estimate: middle of industrial 1.92–1.93 t/t, as in the smelter case")
      .doc("alumina fed per t Al");
  for (std::size_t i = 2; i < 4; ++i) declare(i);  // anode carbon Fe, Si
  p.number("purity.anode_consumption", &Inputs::anode_carbon_kg_per_t)
      .unit("kg/t")
      .default_(425.0)
      .range(0.0, 1000.0)
      .source("estimate: middle of net 0.40–0.45 t/t, as in the smelter case")
      .doc("net anode carbon consumed per t Al (carbon anodes)");
  p.number("purity.inert_anode_fe", &Inputs::inert_anode_fe)
      .unit("wt%", "1")
      .default_(0.0)
      .range(0.0, 100.0)
      .source("input: the anode's composition")
      .doc("Fe in the inert anode material; its worn mass comes from anode.wear_rate (inert anodes)");
  for (std::size_t i = 4; i < shared.size(); ++i) declare(i);
  t.choice("purity.target_grade", grade_names())
      .default_("P1020")
      .source("grade table: docs/model/purity.md")
      .doc("grade whose share of the metal is reported as target_share");
}

bool purity_requested(const io::ValueSet& values) {
  for (const auto& [key, value] : values.all()) {
    if (key.rfind("purity.", 0) == 0 &&
        (value.origin == io::Origin::kCaseFile || value.origin == io::Origin::kCommandLine)) {
      return true;
    }
  }
  return false;
}

void check_purity_inputs(const io::ValueSet& values, const Inputs& in, core::Diagnostics& diagnostics) {
  const auto check = [&](const char* material, const char* fe_key, double fe, const char* si_key, double si) {
    if (fe + si <= 1.0) return;
    const io::Value* v = values.get(fe_key);
    diagnostics.error(v ? v->location : core::SourceLocation{}, std::string(fe_key) + " + " + si_key,
                      fmt::format("Fe {:.4g} wt% + Si {:.4g} wt% in the {} add up to more than 100 wt%", fe * 100,
                                  si * 100, material));
  };
  check("alumina", "purity.alumina_fe", in.alumina_fe, "purity.alumina_si", in.alumina_si);
  check("anode carbon", "purity.anode_fe", in.anode_fe, "purity.anode_si", in.anode_si);
}

}  // namespace potline::purity

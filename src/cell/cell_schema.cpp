// The cell case schema: every input of the steady-state cell, with the member it binds, unit,
// default, range and source. Hard ranges (min/max) reject physically meaningless input; typical
// ranges only warn.
#include "potline/cell/cell_schema.hpp"

#include "potline/bath/properties.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/purity/purity_schema.hpp"

namespace potline::cell {
namespace {

using Table = io::SchemaTable<CellCase>;
const std::string kFromTechnology = "from the technology when case.technology is set";

void add_case_and_operation(Table& t) {
  t.text("case.title").doc("free text shown in outputs");
  t.text("case.technology")
      .doc(
          "a technology id from data/technologies.toml (see 'potline technologies'); its published "
          "operating point, design and calibrated constants become the defaults of this case");

  auto op = t.part(&CellCase::op);
  op.number("operation.line_current", &OperatingPoint::line_current_A)
      .unit("kA", "A")
      .range(0.0, 2000.0)
      .exclusive_min()
      .typical(60.0, 700.0)
      .source("typical range an estimate: the catalogue's cells run at 126.5–600 kA (data/technologies.toml), "
              "widened for small Söderberg lines and the largest prototypes")
      .default_note(kFromTechnology + " (its published line current)")
      .doc("line current through the cell");
  op.number("operation.acd", &OperatingPoint::acd_m)
      .unit("cm", "m")
      .range(1.0, 15.0)
      .typical(3.0, 6.0)
      .default_note(kFromTechnology + " (calibrated to its published voltage unless published)")
      .source("industrial ACD 3–6 cm ([Haupin 1998])")
      .doc("anode-cathode distance (anode bottom to metal pad)");
  op.number("operation.bath_temperature", &OperatingPoint::bath_temperature_K)
      .unit("degC", "K")
      .absolute_temperature()
      .default_(965.0)
      .range(850.0, 1100.0)
      .source(
          "default is an estimate: [Wang et al. 2025] gives 'about 960 °C'; 965 °C is about 7 K "
          "above the [Solheim 1996] liquidus of the default bath (958.1 °C), inside the "
          "5–15 K superheat window of [Shen et al. 500 kA model]")
      .doc("bath temperature");
}

// [bath] — wt% of the bath; cryolite is the rest.
void add_bath(Table& t) {
  const std::string basis =
      "estimate: typical modern point-fed prebake bath; alumina inside the 2.0–2.5 wt% "
      "feed-control "
      "band ([Dupuis 2011]); 12 wt% excess AlF3 and 5 wt% CaF2 give a liquidus of 958.1 °C "
      "([Solheim 1996]), 7 K below the default bath temperature";
  auto bath = t.part(&CellCase::op).part(&OperatingPoint::bath);
  auto component = [&](std::string key, double bath::Composition::*member, std::string what,
                       double def, double hi) {
    return bath.number("bath." + key, member)
        .unit("wt%")
        .default_(def)
        .range(0.0, hi)
        .source(basis)
        .doc(what);
  };
  component("alumina", &bath::Composition::alumina_wt, "dissolved Al2O3", 2.5, 20.0)
      .exclusive_min();
  // A plain 0.11 or 0.05 is most likely a fraction typed for 11 or 5 wt% (estimate: the density fit
  // this model uses, [Kan et al. 2007], covers 10.87-16.67 wt% excess AlF3, and the default bath
  // holds 12 and 5 wt%), so it is warned (FieldSpec::warn_plain_fraction); alumina below 1 wt% is
  // an ordinary state near an anode effect and is not warned.
  component("alf3", &bath::Composition::alf3_excess_wt,
            "excess AlF3 (beyond cryolite stoichiometry)", 12.0, 30.0)
      .warn_plain_fraction();
  component("caf2", &bath::Composition::caf2_wt, "CaF2", 5.0, 20.0).warn_plain_fraction();
  component("mgf2", &bath::Composition::mgf2_wt, "MgF2", 0.0, 10.0);
  component("lif", &bath::Composition::lif_wt, "LiF", 0.0, 20.0);
  component("kf", &bath::Composition::kf_wt, "KF", 0.0, 20.0);
}

// [design]; the drops are stated at the nominal current and bound as resistances by the case.
void add_design(Table& t) {
  auto d = t.part(&CellCase::design);
  d.integer("design.anode_count", &CellDesign::anode_count)
      .range(1.0, 200.0)
      .default_note(kFromTechnology)
      .doc("number of anodes in the cell (two rows)");
  auto length = [&](std::string key, double CellDesign::*member, std::string unit, std::string what,
                    double hi) {
    return d.number("design." + key, member)
        .unit(unit, "m")
        .range(0.0, hi)
        .exclusive_min()
        .default_note(kFromTechnology)
        .doc(what);
  };
  length("anode_length", &CellDesign::anode_length_m, "m", "anode length (across the cell)", 3.0);
  length("anode_width", &CellDesign::anode_width_m, "m", "anode width (along the cell)", 2.0);
  length("anode_gap", &CellDesign::anode_gap_m, "cm", "gap between adjacent anodes in a row", 30.0);
  length("center_channel", &CellDesign::center_channel_m, "cm",
         "channel between the two anode rows", 60.0);
  length("side_channel", &CellDesign::side_channel_m, "cm", "anode end to side wall or ledge face",
         80.0);
  length("anode_immersion", &CellDesign::anode_immersion_m, "cm",
         "anode immersion depth in the bath", 40.0);
  d.number("design.cathode_area", &CellDesign::cathode_area_m2)
      .unit("m2")
      .range(0.0, 300.0)
      .exclusive_min()
      .default_note(kFromTechnology)
      .doc("metal-pad area carrying the cathode current");
  // From 1 A (0.001 kA, the lowest operation.line_current the tests run): a guard, not a physical
  // limit. The drops become resistances drop / current, and a tiny positive current (1e-300 kA) made
  // the cell voltage infinite.
  d.number("design.nominal_current")
      .unit("kA", "A")
      .range(0.001, 2000.0)
      .default_note("the technology's published line current, else operation.line_current")
      .doc("line current at which the anode, cathode and external drops are stated");
  auto drop = [&](std::string key, std::string what, double lo, double hi, std::string source) {
    d.number("design." + key)
        .unit("V")
        .range(0.0, 2.0)
        .typical(lo, hi)
        .source(std::move(source))
        .default_note(kFromTechnology)
        .doc(what + " at design.nominal_current (scales with current)");
  };
  // The typical ranges below are estimates: no published voltage breakdown could be read (searched
  // 2026-12-05 for [Haupin 1998], [Grjotheim & Kvande 1993], Kvande & Haupin, JOM 2000, "Cell
  // voltage in aluminum electrolysis: a practical approach", and technology papers with breakdowns
  // of AP, P155 and CD cells; only secondary pages without a source came up).
  const std::string unread =
      "; no primary voltage breakdown was readable ([Haupin 1998], [Grjotheim & Kvande 1993] and "
      "technology papers searched 2026-12-05)";
  drop("anode_drop", "anode assembly drop (stub, rod, yoke, carbon)", 0.25, 0.35,
       "estimate: typical range 0.25–0.35 V for modern prebake anode assemblies as quoted by "
       "secondary sources" +
           unread);
  drop("cathode_drop", "cathode drop (blocks, collector bars)", 0.2, 0.5,
       "estimate: typical range 0.2–0.35 V with graphitised and 0.3–0.5 V with anthracitic "
       "(amorphous) cathode blocks as quoted by secondary sources" +
           unread);
  drop("external_drop", "busbar share per cell", 0.15, 0.3,
       "estimate: typical range 0.15–0.3 V of busbar per cell for modern lines as quoted by "
       "secondary sources" +
           unread);
  d.number("design.rectifier_efficiency", &CellDesign::rectifier_efficiency)
      .unit("1")
      .default_(0.975)
      .range(0.5, 1.0)
      .source(
          "estimate: silicon-diode rectifier stations of smelters run at about 97–98.5 %; "
          "replace with the plant's value")
      .doc("DC energy delivered / AC energy drawn at the rectifier station (fraction)");
}

// Current-efficiency model choice and the mass-transfer model's parameters
// (docs/model/current-efficiency.md).
template <class Part>
void add_current_efficiency_model(Part& k) {
  k.choice("model.current_efficiency_model", &ModelConstants::current_efficiency_model,
           {{"dewing", CurrentEfficiencyModel::kDewing},
            {"mass_transfer", CurrentEfficiencyModel::kMassTransfer}})
      .default_("dewing")
      .source("docs/model/current-efficiency.md")
      .doc("dewing: [Dewing 1991] (superheat, AlF3, LiF); mass_transfer: dissolved-metal loss "
           "3F·k·c_Al/i_cathode with the solubility of [Arthur 1974] and k rising with anode "
           "current density and as the ACD closes ([Solheim et al. 2018]); `potline flex` defaults to "
           "mass_transfer, every other command to dewing");
  auto m = k.part(&ModelConstants::mass_transfer);
  const std::string only = " (mass_transfer model only)";
  m.number("model.mass_transfer_coefficient", &MassTransferCe::coefficient_m_per_s)
      .unit("m/s")
      .default_(1.27e-4)
      .range(0.0, 1e-2)
      .exclusive_min()
      .typical(3e-5, 3e-4)
      .source(
          "default is an estimate: the value calibrated for AP40 (CE 95 % at 3.8 cm ACD, as "
          "Dewing's default constant gives); calibrated to the published CE when a technology is "
          "set")
      .doc("mass-transfer coefficient k at 1 A/cm2 anode current density and 1 cm of bath between "
           "the bubble layer and the metal" + only);
  m.number("model.mass_transfer_current_density_exponent", &MassTransferCe::current_density_exponent)
      .unit("1")
      .default_(0.5)
      .range(0.0, 2.0)
      .source("estimate: gas-stirred mass transfer grows about as the square root of the gas flux, "
              "which is proportional to the anode current density")
      .doc("n_i in k ∝ i_anode^n_i" + only);
  m.number("model.mass_transfer_gap_exponent", &MassTransferCe::gap_exponent)
      .unit("1")
      .default_(0.5)
      .range(0.0, 2.0)
      .source("estimate: bubble-driven shear flow across the clear gap s = ACD − bubble layer; the "
              "wall shear rate, and with it the friction velocity squared, goes as 1/s")
      .doc("n_s in k ∝ s^−n_s" + only);
  m.number("model.current_efficiency_intercept", &MassTransferCe::intercept)
      .unit("1")
      .default_(0.99)
      .range(0.5, 1.0)
      .source("[Solheim et al. 2018]: laboratory CE against k extrapolates to 99 % at k = 0")
      .doc("CE with no mass transfer (losses by electronic conduction and others)" + only);
}

// [model]
void add_model(Table& t) {
  auto k = t.part(&CellCase::constants);
  using bath::ConductivityModel;
  k.choice(
       "model.conductivity", &ModelConstants::conductivity,
       {{std::string(bath::to_name(ConductivityModel::kHives1996)), ConductivityModel::kHives1996},
        {std::string(bath::to_name(ConductivityModel::kWang1992)), ConductivityModel::kWang1992}})
      .default_(std::string(bath::to_name(ConductivityModel::kHives1996)))
      .source("docs/model/bath.md")
      .doc("bath electrical conductivity correlation");
  k.number("model.current_efficiency_constant", &ModelConstants::dewing_constant)
      .unit("1")
      .default_(0.860)
      .range(-5.0, 5.0)
      .source(
          "default is an estimate: gives CE = 95 % in the default bath (6.9 K superheat, 12 wt% "
          "AlF3; "
          "typical modern CE 93–96 % as commonly quoted); calibrated to the published CE when a "
          "technology is set")
      .doc("K in Dewing's equation log10(100 − CE%) = 0.0095·SH − 0.019·AlF3 − 0.060·LiF + K");
  add_current_efficiency_model(k);
  k.number("model.alumina_feed_temperature", &ModelConstants::alumina_feed_temperature_K)
      .unit("degC", "K")
      .absolute_temperature()
      .default_(25.0)
      .range(-40.0, 900.0)
      .source("estimate: ambient; secondary (scrubber) alumina arrives warmer")
      .doc("temperature of the alumina entering the bath");
  k.number("model.anode_entry_temperature", &ModelConstants::anode_entry_temperature_K)
      .unit("degC", "K")
      .absolute_temperature()
      .default_(25.0)
      .range(-40.0, 900.0)
      .source("estimate: fresh anodes set at ambient")
      .doc("temperature at which anode carbon enters the energy balance");
  k.number("model.anode_effect_overvoltage", &ModelConstants::anode_effect_overvoltage_V)
      .unit("V")
      .default_(25.0)
      .range(0.0, 60.0)
      .source(
          "estimate: anode-effect cell voltage 20–40 V against ~4.2 V normally "
          "([Haupin 1998])")
      .doc("extra cell voltage while the anode current density exceeds the critical value");
  k.boolean("model.subtract_bubble_layer", &ModelConstants::subtract_bubble_layer)
      .default_(true)
      .doc("bath ohmic path is ACD minus the bubble layer thickness ([Haupin 1998]) or the full ACD");
}

// [anode] — carbon or inert (oxygen-evolving) anode; docs/model/inert-anode.md.
void add_anode(Table& t) {
  auto k = t.part(&CellCase::constants);
  k.choice("anode.type", &ModelConstants::anode_type,
           {{"carbon", AnodeType::kCarbon}, {"inert", AnodeType::kInert}})
      .default_("carbon")
      .source("docs/model/inert-anode.md")
      .doc("carbon anode (consumed to CO2 and CO) or inert anode (not consumed, evolves O2); the "
           "other anode.* keys apply to inert anodes only");
  auto a = k.part(&ModelConstants::inert_anode);
  const std::string inert_only = " (inert anodes only)";
  a.number("anode.reaction_overvoltage", &InertAnode::reaction_overvoltage_V)
      .unit("V")
      .default_(0.1)
      .range(0.0, 2.0)
      .source(
          "estimate: no overvoltage of an industrial inert anode is public; 0.1 V assumes oxygen "
          "evolution on a conducting oxide needs far less activation than CO2 formation on carbon "
          "(about 0.5 V at 0.8 A/cm2 by [Haupin 1998]); the Tafel slope is Haupin's T/12533")
      .doc("anode reaction overvoltage at anode.reference_current_density" + inert_only);
  a.number("anode.reference_current_density", &InertAnode::reference_current_density_A_per_m2)
      .unit("A/cm2", "A/m2")
      .default_(0.8)
      .range(0.0, 5.0)
      .exclusive_min()
      .source("estimate: a typical industrial anode current density (0.7–0.9 A/cm2)")
      .doc("current density at which anode.reaction_overvoltage is stated" + inert_only);
  a.number("anode.bubble_factor", &InertAnode::bubble_factor)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .source(
          "estimate: O2 and CO2 both take 4 F per mole of gas, so the gas volume per charge is the "
          "same as on carbon; no public measurement of the bubble layer on industrial inert anodes")
      .doc("multiplies the bubble-layer voltage of [Haupin 1998]'s correlation" + inert_only);
  a.optional_number("anode.wear_rate", &InertAnode::wear_rate_m_per_s)
      .unit("cm/yr", "m/s")
      .range(0.0, 100.0)
      .source("input; [RUSAL 2010] states 1.5–2 cm per year for its inert anode")
      .doc("linear wear of the anode bottom; with anode.material_density gives the worn mass per "
           "t Al" + inert_only);
  a.optional_number("anode.material_density", &InertAnode::material_density_kg_per_m3)
      .unit("kg/m3")
      .range(1000.0, 25000.0)
      .doc("density of the anode material" + inert_only);
  a.optional_number("anode.cost", &InertAnode::cost_usd_per_t)
      .unit("USD/t")
      .range(0.0, 10000.0)
      .doc("anode material cost per tonne of aluminium (manufacture, replacement, recycling credit "
           "netted)" + inert_only);
}

}  // namespace

const io::SchemaTable<CellCase>& cell_table() {
  static const Table table = [] {
    Table t("cell");
    add_case_and_operation(t);
    add_bath(t);
    add_design(t);
    add_model(t);
    add_anode(t);
    purity::add_purity_fields(t);
    return t;
  }();
  return table;
}

const io::Schema& cell_schema() {
  static const io::Schema schema = cell_table().schema();
  return schema;
}

}  // namespace potline::cell

#pragma once
// Typed inputs of the steady-state cell model. SI units throughout; names carry the unit.
//
// Sources: the member initialisers below only make a valid object (unit tests build cells from
// them); they are not the defaults of a case. A case takes every value from the schema
// (src/cell/cell_schema.cpp), where each field's default, range and source are declared once, or
// from the technology catalogue (data/technologies.toml, sources in docs/technologies.md); the
// design and operating point have no default without case.technology (an input error names each).
// Initialisers that differ from the schema default are marked "not the schema default".
#include "potline/bath/composition.hpp"
#include "potline/bath/properties.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/cell/inert_anode.hpp"

namespace potline::cell {

/// Geometry and electrical design of one cell. Anodes sit in two rows along the cell; an anode's
/// length runs across the cell (one end faces the centre channel, the other the side channel) and
/// its long sides face the neighbouring anodes across `anode_gap_m`.
struct CellDesign {
  // Placeholder geometry close to the catalogue's AP40 estimates (40 anodes of 1.6 × 0.65 m, 4 cm
  // gaps, 15 cm immersion; channels and cathode area rounded), data/technologies.toml.
  int anode_count = 40;
  double anode_length_m = 1.6;
  double anode_width_m = 0.65;
  double anode_gap_m = 0.04;             ///< between adjacent anodes in a row
  double center_channel_m = 0.2;         ///< between the two anode rows
  double side_channel_m = 0.3;           ///< anode end to side wall / ledge face
  double anode_immersion_m = 0.15;       ///< depth of the anode in the bath
  double cathode_area_m2 = 50.0;         ///< metal-pad area carrying the cathode current
  double anode_resistance_ohm = 0.0;     ///< anode assembly (stub, rod, yoke, carbon)
  double cathode_resistance_ohm = 0.0;   ///< cathode block, collector bars
  double external_resistance_ohm = 0.0;  ///< busbar share per cell (outside the heat balance)
  /// DC energy / AC energy at the rectifier station; the schema default of
  /// design.rectifier_efficiency (an estimate, basis there).
  double rectifier_efficiency = 0.975;
};

/// Model constants that are not geometry: correlation choices and calibrated constants.
struct ModelConstants {
  bath::ConductivityModel conductivity = bath::ConductivityModel::kHives1996;
  /// K in Dewing's CE equation (per technology); the schema default of
  /// model.current_efficiency_constant (an estimate, basis there).
  double dewing_constant = 0.860;
  CurrentEfficiencyModel current_efficiency_model = CurrentEfficiencyModel::kDewing;
  MassTransferCe mass_transfer{};  ///< used when current_efficiency_model is kMassTransfer
  /// Temperatures of the alumina entering the bath and at which anode carbon enters: 25 °C, the
  /// schema defaults of model.alumina_feed_temperature and model.anode_entry_temperature
  /// (estimates).
  double alumina_feed_temperature_K = 298.15;
  double anode_entry_temperature_K = 298.15;
  /// Extra voltage while in an anode effect; the schema default of model.anode_effect_overvoltage
  /// (an estimate on [Haupin 1998]'s 20–40 V anode-effect cell voltage).
  double anode_effect_overvoltage_V = 25.0;
  bool subtract_bubble_layer = true;          ///< bath ohmic path = ACD − bubble thickness
  AnodeType anode_type = AnodeType::kCarbon;  ///< carbon (CO2) or inert (O2) anode
  InertAnode inert_anode{};                   ///< used when anode_type is kInert
};

/// The operating point: line current, ACD, bath temperature and chemistry.
struct OperatingPoint {
  /// Placeholders: the line current and ACD have no schema default (they come from the technology);
  /// 4.5 cm lies inside the industrial ACDs of 3–6 cm ([Haupin 1998]).
  double line_current_A = 400e3;
  double acd_m = 0.045;
  /// 960 °C, "about 960 °C" ([Wang et al. 2025]); not the schema default of
  /// operation.bath_temperature (965 °C, basis there).
  double bath_temperature_K = 1233.15;
  bath::Composition bath{};
};

}  // namespace potline::cell

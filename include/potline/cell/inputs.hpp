#pragma once
// Typed inputs of the steady-state cell model. SI units throughout; names carry the unit.
#include "potline/bath/composition.hpp"
#include "potline/bath/properties.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/cell/inert_anode.hpp"

namespace potline::cell {

/// Geometry and electrical design of one cell. Anodes sit in two rows along the cell; an anode's
/// length runs across the cell (one end faces the centre channel, the other the side channel) and
/// its long sides face the neighbouring anodes across `anode_gap_m`.
struct CellDesign {
  int anode_count = 40;
  double anode_length_m = 1.6;
  double anode_width_m = 0.65;
  double anode_gap_m = 0.04;         ///< between adjacent anodes in a row
  double center_channel_m = 0.2;     ///< between the two anode rows
  double side_channel_m = 0.3;       ///< anode end to side wall / ledge face
  double anode_immersion_m = 0.15;   ///< depth of the anode in the bath
  double cathode_area_m2 = 50.0;     ///< metal-pad area carrying the cathode current
  double anode_resistance_ohm = 0.0;     ///< anode assembly (stub, rod, yoke, carbon)
  double cathode_resistance_ohm = 0.0;   ///< cathode block, collector bars
  double external_resistance_ohm = 0.0;  ///< busbar share per cell (outside the cell's heat balance)
  double rectifier_efficiency = 0.975;   ///< DC energy / AC energy at the rectifier station
};

/// Model constants that are not geometry: correlation choices and calibrated constants.
struct ModelConstants {
  bath::ConductivityModel conductivity = bath::ConductivityModel::kHives1996;
  double dewing_constant = 0.860;               ///< K in Dewing's CE equation (per technology)
  CurrentEfficiencyModel current_efficiency_model = CurrentEfficiencyModel::kDewing;
  MassTransferCe mass_transfer{};               ///< used when current_efficiency_model is kMassTransfer
  double alumina_feed_temperature_K = 298.15;   ///< temperature of alumina entering the bath
  double anode_entry_temperature_K = 298.15;    ///< temperature at which anode carbon enters
  double anode_effect_overvoltage_V = 25.0;     ///< extra voltage while in an anode effect
  bool subtract_bubble_layer = true;            ///< bath ohmic path = ACD − bubble thickness
  AnodeType anode_type = AnodeType::kCarbon;    ///< carbon (CO2) or inert (O2) anode
  InertAnode inert_anode{};                     ///< used when anode_type is kInert
};

/// The operating point: line current, ACD, bath temperature and chemistry.
struct OperatingPoint {
  double line_current_A = 400e3;
  double acd_m = 0.045;
  double bath_temperature_K = 1233.15;
  bath::Composition bath{};
};

}  // namespace potline::cell

#pragma once
// Each smelter's own power price (data/fleet-power.toml; docs/model/fleet.md, "Power price of each
// smelter"): a published contract of the smelter, else its captive plant's cost from a fuel price
// of its country or region (fuel price x heat rate + O&M + capital recovery), else the grid or
// contract price of its subregion or region (data/fleet-regions.toml). Every price carries where
// it came from and its basis: "sourced", "partly sourced" (a sourced fuel price with an estimated
// heat rate or O&M) or "estimate". The same file may give a smelter's own supply's emission factor
// ([[supply_emission_factor]], docs/model/fleet.md "Scope 2 of each smelter").
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"

namespace potline::fleet {

/// The plant that turns fuel into power for smelters of one captive power source.
struct CaptivePlant {
  plant::PowerSource source = plant::PowerSource::kCaptiveGas;
  double heat_rate = 0;               ///< J of fuel per J of electricity
  double om_usd_per_J = 0;            ///< operation and maintenance per J of electricity
  double capital_usd_per_J = 0;       ///< capital recovery per J (0 for a plant already built: sunk in C1)
  std::string heat_rate_source, om_source;
  core::SourceLocation where;
};

/// A fuel price for captive plants in a region, a country (ISO3) or a province.
struct FuelPrice {
  plant::PowerSource source = plant::PowerSource::kCaptiveGas;
  std::string region, country, province;  ///< exactly one is set
  double usd_per_J = 0;                   ///< per J of fuel (higher heating value, as the heat rate)
  std::string origin;                     ///< the source text
  core::SourceLocation where;
};

/// A smelter's published power contract price (any power source).
struct PowerContract {
  std::string smelter;
  double usd_per_J = 0;
  std::string origin;
  core::SourceLocation where;
};

/// A smelter's own supply's CO2 per unit of electricity ([[supply_emission_factor]]): for a smelter
/// whose power comes from several plants of its own or under contract (own hydro and own gas, say),
/// the supply-weighted factor of those plants, in place of its grid's or its power source's default.
struct SupplyEmissionFactor {
  std::string smelter;
  double co2_kg_per_J = 0;
  std::string origin;
  core::SourceLocation where;
};

struct PowerPriceTable {
  std::string path;
  std::vector<CaptivePlant> plants;
  std::vector<FuelPrice> fuels;
  std::vector<PowerContract> contracts;
  std::vector<SupplyEmissionFactor> supply_factors;

  const PowerContract* contract_of(const std::string& smelter) const;
  const SupplyEmissionFactor* supply_factor_of(const std::string& smelter) const;
  const CaptivePlant* plant_of(plant::PowerSource source) const;
  /// The province's price before the country's before the region's.
  const FuelPrice* fuel_of(const SmelterRecord& r) const;

  /// Reads the file (absent file: an empty table, every smelter priced by its region table). Region
  /// ids are checked against `region_ids`, smelter ids against `smelter_ids`; errors at file:line:col.
  static PowerPriceTable load(const std::string& path, const std::vector<std::string>& region_ids,
                              const std::vector<std::string>& smelter_ids, core::Diagnostics& diagnostics);
  static PowerPriceTable parse(const std::string& text, const std::string& display_name,
                               const std::vector<std::string>& region_ids, const std::vector<std::string>& smelter_ids,
                               core::Diagnostics& diagnostics);
};

/// One smelter's power price with its origin and basis.
struct SmelterPowerPrice {
  double usd_per_J = 0;
  std::string origin;  ///< where the price came from (file and entry, and its source text)
  std::string basis;   ///< "sourced", "partly sourced" or "estimate"
};

/// "estimate" when the source text starts with "estimate" (the project's label), else "sourced".
std::string basis_of(const std::string& source_text);

/// The smelter's power price: its contract, its captive plant on a listed fuel price, its
/// subregion's or its region's price for its power source; nullopt when none of them has one.
std::optional<SmelterPowerPrice> smelter_power_price(const SmelterRecord& r, const RegionTable& regions,
                                                     const PowerPriceTable& power);

}  // namespace potline::fleet

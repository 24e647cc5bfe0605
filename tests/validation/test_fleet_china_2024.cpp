// China's specific energy in the 2024 case (examples/world-2024.toml) against the most recent published
// figures found for it (docs/validation.md, China SEC rows). No measured national average for 2022-2024
// (IAI regional statistics, CNIA or NBS 综合交流电耗) was found in the sources searched on 2026-12-05;
// the most recent published figures on China's AC consumption are the thresholds its policy set for
// 2021-2025, both on the comprehensive AC consumption of liquid aluminium:
// - the tiered power price ([NDRC 2021 tiered aluminium tariff]): a surcharge of 0.01 yuan/kWh per
//   20 kWh/t above 13,650 kWh/t in 2022, 13,450 from 2023 and 13,300 from 2025;
// - the energy-efficiency levels ([NDRC 2021 aluminium efficiency levels]): base level 13,350 kWh/t (the
//   level capacity must reach by 2025), benchmark 13,000.
// They are limits set for lines, not averages of them: a comparison with them is a consistency check,
// not a validation of the cell model's SEC. The model's figure is the result of China's class mix (shares
// published, [China aluminium 14th FYP review 2025], [Baiinfo 2025 cell types]; technologies standing for
// the parts estimated): nothing here was chosen to meet these numbers.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/plant/emissions.hpp"
#include "../common/fleet_2024_case.hpp"

namespace test_fleet_china_2024 {

using namespace potline;

namespace {

double china_sec_ac_kWh_per_t() {
  return potline::testing::region_sec_ac_kWh_per_t(potline::testing::fleet_2024_case(), "china");
}

/// Production-weighted AC SEC (kWh/t) of China's rows priced with `technology`.
double china_sec_of_technology(const std::string& technology) {
  const auto& b = potline::testing::fleet_2024_case();
  double energy = 0, metal = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    const auto& s = b.c.model.smelters[i];
    if (s.record.region != "china" || s.technology != technology) continue;
    energy += b.r.smelters[i].sec_ac_J_per_kg * b.r.production_kg_per_s[i];
    metal += b.r.production_kg_per_s[i];
  }
  EXPECT_GT(metal, 0.0) << technology;
  return metal > 0 ? energy / metal / 3.6e6 * 1e3 : 0.0;
}

/// Each power source's share of China's operating capacity in the 2024 case.
std::map<plant::PowerSource, double> china_capacity_shares() {
  const auto& b = potline::testing::fleet_2024_case();
  std::map<plant::PowerSource, double> by_source;
  double china = 0;
  for (const auto& s : b.c.model.smelters) {
    if (s.record.region != "china" || s.record.status != fleet::Status::kOperating) continue;
    china += s.record.capacity_kg_per_s;
    by_source[s.record.power_source] += s.record.capacity_kg_per_s;
  }
  EXPECT_GT(china, 0.0);
  for (auto& [source, kg_per_s] : by_source) kg_per_s /= china > 0 ? china : 1.0;
  by_source.try_emplace(plant::PowerSource::kHydro, 0.0);
  by_source.try_emplace(plant::PowerSource::kGrid, 0.0);
  return by_source;
}

}  // namespace

// China's production-weighted SEC (AC) in the 2024 case at or below the tiered-tariff threshold that held
// in 2023-2024, 13,450 kWh/t ([NDRC 2021 tiered aluminium tariff]): 13,408 (-0.3 %). A consistency check:
// the threshold surcharges the lines above it, so a national average above it would mean most output
// pays the surcharge. Boundaries differ: the threshold is the comprehensive AC consumption of liquid
// aluminium (auxiliaries of electrolysis included, desulphurisation excluded), the model's the cell
// model's AC consumption.
TEST(fleet_china_2024, ChinaSecAtMostThe2023To2024TieredTariffThreshold) {
  EXPECT_LE(china_sec_ac_kWh_per_t(), 13450.0);
}

// The same figure against the base level all capacity must reach by 2025, 13,350 kWh/t ([NDRC 2021
// aluminium efficiency levels]): 13,408 (+0.4 %) within 5 %, the tolerance of the SEC rows of
// docs/validation.md. Loosely: a required level for 2025, not a 2024 average (in 2024 lines above it
// still ran: the class mix's 17.6 % below 300 kA is priced at 13,650, the 2022 threshold); and against the
// benchmark level 13,000 the model is +3.1 % (the advanced level, reached by part of the capacity).
TEST(fleet_china_2024, ChinaSecWithinFivePercentOfThe2025BaseLevel) {
  const double sec = china_sec_ac_kWh_per_t();
  EXPECT_NEAR(sec, 13350.0, 0.05 * 13350.0);
  EXPECT_GT(sec, 13000.0);  // above the benchmark level, as a fleet average should be
}

// The below-300 kA part (CN-PB240, calibrated to the 2022 threshold, 13,650 kWh/t) lies above the 2023-2024
// threshold, 13,450: as modelled, those lines would pay the tiered surcharge (0.10 yuan/kWh at 200 kWh/t
// over), which the model's power prices do not include (a known gap, docs/model/fleet.md). Asserted as it
// stands so that a change of the class's technology shows. The 13,650 checked is CN-PB240's own
// calibration point (the catalogue's SEC): this test proves the bookkeeping, not the lines' consumption.
TEST(fleet_china_2024, KnownGapBelowThreeHundredKaPartAboveThe2023TariffThreshold) {
  const double sec = china_sec_of_technology("CN-PB240");
  EXPECT_GT(sec, 13450.0);
  EXPECT_NEAR(sec, 13650.0, 0.01 * 13650.0);
}

// The CNIA's renewable share of China's aluminium electricity, 24 % in 2023 ([Argus 2024 China low-carbon
// aluminium]), counts hydro and the renewable part of grid supply: it must lie between the 2024 case's
// hydro part (13 %, Yunnan's 2024 capacity share, an input) and its hydro + grid parts (50 %; 35 % until 2026-12-05).
// A check of the inputs' consistency, not a validation (since 2026-12-05 the grid share is estimated
// from this figure, next test): the grid parts carry a provincial emission factor, not a
// generation mix, so the model cannot state its own renewable share.
TEST(fleet_china_2024, CniaRenewableShareOf2023BetweenTheHydroAndTheHydroPlusGridParts) {
  const auto shares = china_capacity_shares();
  const double hydro = shares.at(plant::PowerSource::kHydro);
  const double grid = shares.at(plant::PowerSource::kGrid);
  EXPECT_LE(hydro, 0.24);
  EXPECT_GE(hydro + grid, 0.24);
}

// The CNIA's renewable share of China's aluminium electricity, 24 % in 2023 ([Argus 2024 China low-carbon
// aluminium]), is held by the 2024 case's power mix by construction since 2026-12-05: the hydro part (13 %,
// Yunnan's 2024 capacity share) plus the non-fossil fraction of the grid parts' own factor, 1 - 0.6096 /
// 0.8273 ([MEE 2023 grid factors]: the national factor without market-traded non-fossil power over the
// fossil-power factor, 2023 as the CNIA's share; 2022's 0.5856 / 0.8325 until 2026-12-05), times the
// grid part (42 %) is 24 %, the rule the captive (45 %) and grid shares
// were estimated from. Bookkeeping of that estimate (it checks the rounded shares still meet the figure
// they came from), not a validation; the thermal share it implies, 76 %, is the top of the 73-76 % of
// [Aluminium China 2024 green power], which agrees with the CNIA's figure, not with the model.
TEST(fleet_china_2024, CniaRenewableShareOf2023HeldByTheHydroAndGridPartsByConstruction) {
  const auto shares = china_capacity_shares();
  const double hydro = shares.at(plant::PowerSource::kHydro);
  const double grid = shares.at(plant::PowerSource::kGrid);
  const double grid_non_fossil = 1.0 - 0.6096 / 0.8273;
  EXPECT_NEAR(hydro + grid * grid_non_fossil, 0.24, 0.005);  // the shares' rounding
}

}  // namespace test_fleet_china_2024

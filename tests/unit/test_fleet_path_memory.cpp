// The restart-cost memory of a path (docs/model/fleet.md, Known limits; user trial T9-7): which
// smelters ran carries into the next year, so a lever that changes who runs in one year changes the
// next year's offers, and a year-by-year difference between two paths is not the lever's effect in
// that year alone. Pinned on the shipped path with and without 30 GW of US data-centre load, with
// the demand curves anchored at the LME (market.demand_anchor = "lme", the shipped anchor until
// T12-11): there the load's hysteresis shows in both directions. With the regional price anchor of
// the shipped path (T12-11, 2026-12-06 late) the load still stops Mount Holly and Sebree in 2024, but
// no Chinese idle row takes their place in 2025, so only one direction occurs: the fixture keeps the
// case where the mechanism is visible both ways.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_path_memory {

using namespace potline;

namespace {

std::vector<fleet::YearResult> path_to_2027(const std::string& extra) {
  core::Diagnostics d;
  const fleet::FleetCase c = fleet::parse_fleet_case(
      "[case]\nbase = \"world-path-2035.toml\"\n[fleet]\nlast_year = 2027\n[market]\ndemand_anchor = \"lme\"\n" + extra,
      "t.toml",
      std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
      potline::testing::shipped_smelter_data(), d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return fleet::solve_years(c);
}

const char* const kDataCentres = "[[added_load]]\nregion = \"usa\"\nload = \"30 GW\"\n";

std::size_t index_of(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return i;
  ADD_FAILURE() << "no smelter " << id;
  return 0;
}

double production(const fleet::YearResult& y, const std::string& id) {
  return y.r.production_kg_per_s[index_of(y.c, id)];
}

// Whether row `id` ran in year `y` (absent: not in that year's case, a row new in the next year).
std::optional<bool> ran(const fleet::YearResult& y, const std::string& id) {
  for (std::size_t i = 0; i < y.c.model.smelters.size(); ++i)
    if (y.c.model.smelters[i].record.id == id) return y.r.production_kg_per_s[i] > 0;
  return std::nullopt;
}

}  // namespace

// Not the price's sign but the mechanism: in each year, a row's LP offer depends on whether it ran
// the year before, and on nothing else of the earlier years. A row that ran offers its base at
// C1 − R/H, one that did not at C1 + R/H (the restart it would pay) and, restarted by the LP, only
// (1 − fleet.restart_lead_time) of its capacity: the offers of the two paths differ by exactly
// these amounts, row by row, wherever the rows' running states differ.
TEST(fleet_path_memory, AnEarlierYearsRunnersSetTheNextYearsOffers) {
  const auto base = path_to_2027("");
  const auto dc = path_to_2027(kDataCentres);
  ASSERT_EQ(base.size(), 4u);
  ASSERT_EQ(dc.size(), 4u);
  // 2024: the load's +406 USD/t of power stops Mount Holly and Sebree (they run without it).
  for (const char* id : {"us-mount-holly", "us-sebree"}) {
    EXPECT_GT(production(base[0], id), 0) << id;
    EXPECT_EQ(production(dc[0], id), 0) << id;
  }
  const double credit = base[0].c.model.regions.curtailment.credit_usd_per_kg();
  ASSERT_GT(credit, 0);
  int warmer = 0, colder = 0;  // rows running in the path with the load and not without, and back
  for (std::size_t k = 1; k < base.size(); ++k) {
    const fleet::YearResult& b = base[k];
    const fleet::YearResult& d = dc[k];
    ASSERT_EQ(b.c.model.smelters.size(), d.c.model.smelters.size());
    for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
      const std::string& id = b.c.model.smelters[i].record.id;
      ASSERT_EQ(id, d.c.model.smelters[i].record.id);
      // The running state is last year's production (RanLastYear), in both paths.
      if (const auto r = ran(base[k - 1], id)) {
        EXPECT_EQ(b.c.model.smelters[i].running, *r) << b.year << " " << id;
      }
      if (const auto r = ran(dc[k - 1], id)) {
        EXPECT_EQ(d.c.model.smelters[i].running, *r) << d.year << " " << id;
      }
      if (b.c.model.smelters[i].running == d.c.model.smelters[i].running) continue;
      const bool warm_with_load = d.c.model.smelters[i].running;
      (warm_with_load ? warmer : colder) += 1;
      const auto sb = fleet::smelter_segments(b.c, i, b.r.smelters[i]);
      const auto sd = fleet::smelter_segments(d.c, i, d.r.smelters[i]);
      ASSERT_EQ(sb.size(), 2u);
      ASSERT_EQ(sd.size(), 2u);
      // The base segment's offer, less the C1 each path computed (the load moves US C1s): ±2 R/H.
      const double offer_gap = (sd[0].cost_usd_per_kg - d.r.smelters[i].c1_usd_per_kg) -
                               (sb[0].cost_usd_per_kg - b.r.smelters[i].c1_usd_per_kg);
      EXPECT_NEAR(offer_gap, warm_with_load ? -2 * credit : 2 * credit, 1e-12)
          << b.year << " " << id;
      // The cold one offers (1 − lead time) of the warm one's capacity, unless its restart is
      // dated.
      const fleet::FleetCase& cold = warm_with_load ? b.c : d.c;
      EXPECT_NEAR(fleet::restart_share(cold, cold.model.smelters[i]),
                  cold.model.smelters[i].dated_restart ? 1.0 : 1.0 - cold.restart_lead_time_yr,
                  1e-12)
          << b.year << " " << id;
    }
  }
  // Both directions occur on this path: Chinese idle capacity that replaced US metal in 2025 is
  // warm in 2026 with the load, the two US smelters are cold.
  EXPECT_GE(warmer, 1);
  EXPECT_GE(colder, 2);
  const std::size_t y2026 = 2;
  EXPECT_TRUE(dc[y2026].c.model.smelters[index_of(dc[y2026].c, "cn-agg-idle@600kA@grid")].running);
  EXPECT_FALSE(
      base[y2026].c.model.smelters[index_of(base[y2026].c, "cn-agg-idle@600kA@grid")].running);
  EXPECT_FALSE(dc[y2026].c.model.smelters[index_of(dc[y2026].c, "us-sebree")].running);
  // 2027: until 2026-12-07 the same rows ran in 2026 in both paths and the 2027 prices were equal (a
  // memory one year deep). Since Oceania's dated 2024 states and Mozal's stop from March 2026
  // (fleet19) China's idle below-300 kA grid row runs in 2026 with the load and not without it, so
  // 2027's offers differ there as well, by the restart terms the loop above checks row by row: the
  // memory is still one year deep, each year's differences following the year before's production.
  // Since San Ciprian's committed restart runs from 2026 (fleet20, T19-26) that row is cold in 2027 in
  // both paths again.
  const std::size_t y2027 = 3;
  EXPECT_FALSE(dc[y2027].c.model.smelters[index_of(dc[y2027].c, "cn-agg-idle@below-300kA@grid")].running);
  EXPECT_FALSE(
      base[y2027].c.model.smelters[index_of(base[y2027].c, "cn-agg-idle@below-300kA@grid")].running);
}

}  // namespace test_fleet_path_memory

// W27: a stopped smelter restarted by the LP makes metal only after the restart's lead time
// (fleet.restart_lead_time, default 0.75 yr: Alcoa's Warrick and Alumar restarts), so in the year
// it is restarted it offers at most 1 − lead of its capacity; a restart the pipeline dates keeps
// its own date; the next year of a path it runs in full.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_restart_lead {

using namespace potline;

namespace {

constexpr double kToKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr

fleet::FleetCase load(const std::string& example, const std::vector<std::string>& sets,
                      core::Diagnostics& d) {
  return fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/" + example,
                                cell::default_data_dir(), potline::testing::shipped_smelter_data(),
                                d, sets);
}

double offered(const fleet::FleetCase& c, std::size_t i, const fleet::SmelterEconomics& e) {
  double sum = 0;
  for (const auto& s : fleet::smelter_segments(c, i, e)) sum += s.capacity_kg_per_s;
  return sum;
}

}  // namespace

// Recomputes the rule from its definition (the wiring: schema default, running and dated flags).
TEST(fleet_restart_lead, AStoppedSmelterOffersThePartOfTheYearAfterTheLeadTime) {
  core::Diagnostics d;
  const fleet::FleetCase loaded = load("world-2024.toml", {}, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  fleet::FleetCase c = fleet::case_for_year(loaded, loaded.year, nullptr);
  EXPECT_DOUBLE_EQ(c.restart_lead_time_yr, 0.75);  // the schema's default
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const double cap = e[0].capacity_kg_per_s;
  EXPECT_NEAR(offered(c, 0, e[0]), cap, 1e-12 * cap);  // running: all of it
  c.model.smelters[0].running = false;
  EXPECT_NEAR(offered(c, 0, e[0]), 0.25 * cap, 1e-12 * cap);
  EXPECT_DOUBLE_EQ(fleet::restart_share(c, c.model.smelters[0]), 0.25);
  c.model.smelters[0].dated_restart = true;  // the pipeline's date holds the lead time
  EXPECT_NEAR(offered(c, 0, e[0]), cap, 1e-12 * cap);
  c.model.smelters[0].dated_restart = false;
  c.restart_lead_time_yr = 0;
  EXPECT_NEAR(offered(c, 0, e[0]), cap, 1e-12 * cap);
}

// The 2024 case with the curtailed rows offered (W27): the rows restarted in 2024 make at most a
// quarter of their capacity; in 2025, having run in 2024, the same rows may run in full.
TEST(fleet_restart_lead, CurtailedRowsRestartedOnAPathMakeAQuarterInTheirFirstYear) {
  core::Diagnostics d;
  const fleet::FleetCase path =
      load("world-path-2035.toml",
           {"fleet.include_status=[\"operating\",\"curtailed\"]", "fleet.last_year=2025"}, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const std::vector<fleet::YearResult> years = fleet::solve_years(path);
  ASSERT_EQ(years.size(), 2u);
  ASSERT_TRUE(years[0].r.feasible) << years[0].r.explanation;
  int restarted = 0;
  for (std::size_t i = 0; i < years[0].c.model.smelters.size(); ++i) {
    const fleet::FleetSmelter& s = years[0].c.model.smelters[i];
    if (s.running || s.dated_restart) continue;
    const double q = years[0].r.production_kg_per_s[i];
    EXPECT_LE(q, 0.25 * years[0].r.smelters[i].capacity_kg_per_s * (1 + 1e-9)) << s.record.id;
    if (q > 0) ++restarted;
  }
  EXPECT_GT(restarted, 0);  // e.g. Alscon and Valco on their estimated power prices (W27)
  // 2025: a row that ran in 2024 counts as running and offers its whole capacity.
  const auto& y = years[1];
  for (std::size_t i = 0; i < y.c.model.smelters.size(); ++i) {
    if (y.c.model.smelters[i].record.id != "af-alscon") continue;
    EXPECT_TRUE(y.c.model.smelters[i].running);
    EXPECT_NEAR(fleet::restart_share(y.c, y.c.model.smelters[i]), 1.0, 0.0);
    EXPECT_GT(y.r.production_kg_per_s[i] * kToKt, 0.25 * y.r.smelters[i].capacity_kg_per_s * kToKt);
  }
}

// User trial 16, T16-7: a new smelter of the pipeline (kind = "new") ramps up from first metal, which
// its year stands for, to full capacity after fleet.greenfield_ramp (0.63 yr: Alba's Potline 6, 230
// days from first hot metal to the whole line), so in its first year it offers the ramp's mean,
// 1 - 0.63 / 2 = 0.685 of its capacity (Inola's 750 kt/yr in 2030 -> 513.8; Adaro's 500 kt/yr in 2026 ->
// 342.5), all of it the next year; 0 gives the old full first year. The ramp's mean by hand:
// (a + 0.5) / R while the ramp lasts all year, (R^2 - a^2) / (2R) + (a + 1 - R) in the year it ends.
TEST(fleet_restart_lead, NewSmeltersRampUpOverTheGreenfieldRamp) {
  EXPECT_NEAR(fleet::greenfield_ramp_share(0, 0.63), 0.685, 1e-12);
  EXPECT_DOUBLE_EQ(fleet::greenfield_ramp_share(1, 0.63), 1.0);
  EXPECT_DOUBLE_EQ(fleet::greenfield_ramp_share(0, 0.0), 1.0);
  EXPECT_NEAR(fleet::greenfield_ramp_share(0, 1.5), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(fleet::greenfield_ramp_share(1, 1.5), 1.25 / 3.0 + 0.5, 1e-12);
  core::Diagnostics d;
  const fleet::FleetCase path = load("world-path-2035.toml", {}, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_DOUBLE_EQ(path.greenfield_ramp_yr, 0.63);  // the schema's default
  const auto capacity_kt = [](const fleet::FleetCase& c, const std::string& id) {
    for (const auto& s : c.model.smelters)
      if (s.record.id == id) return s.inputs.capacity_kg_per_s * kToKt;
    return 0.0;
  };
  EXPECT_NEAR(capacity_kt(fleet::case_for_year(path, 2030, nullptr), "us-ega-century-inola"), 0.685 * 750, 0.01);
  EXPECT_NEAR(capacity_kt(fleet::case_for_year(path, 2031, nullptr), "us-ega-century-inola"), 750, 0.01);
  EXPECT_NEAR(capacity_kt(fleet::case_for_year(path, 2026, nullptr), "id-kai-kalimantan"), 0.685 * 500, 0.01);
  EXPECT_NEAR(capacity_kt(fleet::case_for_year(path, 2027, nullptr), "id-kai-kalimantan"), 500, 0.01);
  fleet::FleetCase at_once = path;
  at_once.greenfield_ramp_yr = 0;
  EXPECT_NEAR(capacity_kt(fleet::case_for_year(at_once, 2030, nullptr), "us-ega-century-inola"), 750, 0.01);
}

TEST(fleet_restart_lead, ALeadTimeOfAYearOrMoreIsRejected) {
  core::Diagnostics d;
  try {
    load("world-2024.toml", {"fleet.restart_lead_time=1.5"}, d);
    EXPECT_TRUE(d.has_errors());
    if (d.has_errors()) {
      const std::string text = d.to_string();
      EXPECT_NE(text.find("fleet.restart_lead_time"), std::string::npos) << text;
    }
  } catch (const std::exception& e) {  // a --set value is checked where it is set
    const std::string text = e.what();
    EXPECT_NE(
        text.find("'fleet.restart_lead_time': value 1.5 yr is outside the allowed range [0, 1) yr"),
        std::string::npos)
        << text;
  }
}

}  // namespace test_fleet_restart_lead

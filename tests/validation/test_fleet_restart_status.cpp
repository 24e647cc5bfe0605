// W43 (docs/validation.md; user trial 14, T14-6): no row that a shipped case offers for restart is a
// plant closed before the base year. Restart cases (fleet.include_status with "curtailed") bring back
// every `curtailed` row that pays its restart, so a `curtailed` row must be a plant that still exists:
// the rows closed before 2024 by their owners or a court are `closed` in data/smelters.csv, and a
// `curtailed` row cites a source of 2019 or later (docs/data.md, Status).
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_restart_status {

using namespace potline;

namespace {

constexpr double kToKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr

// Closed before 2024: Badin ([Yadkin Project Badin 2010], [NC DEQ Badin]), Aviles and La Coruna
// ([La Voz de Galicia Alu Iberica 2022], [La Opinion A Coruna Alu Iberica 2026]), Wenatchee
// ([Alcoa Wenatchee closure 2021]), Pocos de Caldas ([EMJ Pocos de Caldas 2015]).
const std::vector<std::string> kClosedBefore2024 = {"us-badin", "eu-aviles", "eu-la-coruna",
                                                    "us-wenatchee", "sa-pocos-de-caldas"};

/// The ids of the rows a case restarts (status curtailed, production > 0), solved as
/// `potline fleet` solves it.
std::set<std::string> restarted(const std::string& example,
                                const std::vector<std::string>& overrides = {}) {
  core::Diagnostics d;
  const fleet::FleetCase loaded =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/" + example,
                             cell::default_data_dir(), potline::testing::shipped_smelter_data(), d,
                             overrides);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  const fleet::FleetCase c = fleet::case_for_year(loaded, loaded.year, nullptr);
  fleet::SolveOptions o;
  o.details = true;
  const fleet::FleetResult r = fleet::solve(c, c.shocks, {}, o);
  EXPECT_TRUE(r.feasible) << r.explanation;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const auto& rec = c.model.smelters[i].record;
    for (const auto& closed : kClosedBefore2024) EXPECT_NE(rec.id, closed) << example;
    if (rec.status == fleet::Status::kCurtailed && r.production_kg_per_s[i] * kToKt > 1e-6)
      ids.insert(rec.id);
  }
  return ids;
}

}  // namespace

// The dataset holds the closures.
TEST(fleet_restart_status, PlantsClosedBefore2024AreClosedInTheDataset) {
  core::Diagnostics d;
  const auto rows = fleet::load_smelters(cell::default_data_dir() + "/smelters.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  int found = 0;
  for (const auto& r : rows) {
    if (std::find(kClosedBefore2024.begin(), kClosedBefore2024.end(), r.id) == kClosedBefore2024.end())
      continue;
    ++found;
    EXPECT_EQ(r.status, fleet::Status::kClosed) << r.id;
  }
  EXPECT_EQ(found, static_cast<int>(kClosedBefore2024.size()));
}

// A `curtailed` row names a source of 2019 or later (five years before the base year), so a restart
// case offers only plants whose idling is recent enough to be reported; older ones are `unknown`.
// A heuristic guard: the latest year its source column names, the ISO dates of the dataset's own
// edit notes (2026-12-07) left out; Venezuela's Venalum (2021) is the oldest.
TEST(fleet_restart_status, CurtailedRowsCiteASourceOf2019OrLater) {
  core::Diagnostics d;
  const auto rows = fleet::load_smelters(cell::default_data_dir() + "/smelters.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const std::regex year(R"((?:^|[^0-9])(20[0-9]{2})(?![0-9])(?!-[0-9]{2}-))");
  int curtailed = 0;
  for (const auto& r : rows) {
    if (r.status != fleet::Status::kCurtailed) continue;
    ++curtailed;
    int latest = 0;
    for (auto it = std::sregex_iterator(r.source.begin(), r.source.end(), year);
         it != std::sregex_iterator(); ++it)
      latest = std::max(latest, std::stoi((*it)[1].str()));
    EXPECT_GE(latest, 2019) << r.id;
  }
  EXPECT_EQ(curtailed, 10);  // as of 2026-12-07 (11 before TALCO became an operating row, T16-8)
}

// W43: examples/us-tariff-50.toml (the US rows offered for restart) restarts New Madrid and
// Hawesville, a quarter of each; before 2026-12-07 Badin (closed 2010) and Wenatchee (closed 2021)
// too. The 2024 case with every region's curtailed rows (W27) restarts Alscon, Valco and New Madrid
// (and TALCO until it became an operating row at its 80 kt/yr in force, T16-8), and since Oceania's
// dated 2024 states (fleet19, 2026-12-07) Venezuela's Venalum too (12.6 kt at the higher prices; it ran
// at about 20 % in 2024, [SMM overseas aluminium 2024]). None is a closed plant.
TEST(fleet_restart_status, NoRestartedRowIsAPlantClosedBeforeTheBaseYear) {
  EXPECT_EQ(restarted("us-tariff-50.toml"),
            (std::set<std::string>{"us-hawesville", "us-magnitude7-marston"}));
  EXPECT_EQ(restarted("world-2024.toml", {"fleet.include_status=[\"operating\",\"curtailed\"]"}),
            (std::set<std::string>{"af-alscon", "af-valco-tema", "sa-venalum", "us-magnitude7-marston"}));
}

}  // namespace test_fleet_restart_status

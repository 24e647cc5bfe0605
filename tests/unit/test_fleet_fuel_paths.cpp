// Fuel price paths by year (fuel_paths.hpp; docs/model/fleet.md, "Fuel price paths"): captive coal-
// and gas-fired smelter power follows its fuel's path in scenario years; the 2024 case does not
// move; bad rows are input errors, all collected in one pass (messages asserted).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_fuel_paths {

using namespace potline;

namespace {

const std::string kExamples = std::string(POTLINE_SOURCE_DIR) + "/examples";

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// examples/world-path-2035.toml with `extra` appended (more [[fuel_path]] rows, say).
fleet::FleetCase path_case(const std::string& extra, core::Diagnostics& d, const std::vector<std::string>& sets = {}) {
  return fleet::parse_fleet_case(read(kExamples + "/world-path-2035.toml") + extra, "case.toml", kExamples,
                                 cell::default_data_dir(), potline::testing::shipped_smelter_data(), d, sets);
}

std::string errors_of(const std::string& extra) {
  core::Diagnostics d;
  try {
    path_case(extra, d);
  } catch (const core::InputError&) {
  }
  return d.to_string();
}

/// C1 [USD/t] and SEC [MWh/t] of every smelter of case `c` in year `year`.
struct Costs {
  std::map<std::string, double> c1_usd_per_t, sec_MWh_per_t, power_usd_per_MWh;
};
Costs costs_in(const fleet::FleetCase& c, int year) {
  const fleet::FleetCase y = fleet::case_for_year(c, year, nullptr);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(y.model, y.shocks, e);
  Costs out;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::string& id = y.model.smelters[i].record.id;
    out.c1_usd_per_t[id] = e[i].c1_usd_per_kg * 1e3;
    out.sec_MWh_per_t[id] = e[i].sec_ac_J_per_kg / constants::kJoulePerKWh;  // kWh/kg = MWh/t
    out.power_usd_per_MWh[id] = y.model.smelters[i].inputs.power_usd_per_J * constants::kJoulePerKWh * 1e3;
  }
  return out;
}

// A gas path for the gcc region: the shipped 2024 level, 2025 one USD/GJ above it.
const std::string kGccGasUp =
    "\n[[fuel_path]]\nfuel = \"gas\"\nregion = \"gcc\"\nyear = 2024\nprice = \"3.184 USD/GJ\"\nsource = \"test\"\n"
    "[[fuel_path]]\nfuel = \"gas\"\nregion = \"gcc\"\nyear = 2025\nprice = \"4.184 USD/GJ\"\nsource = \"test\"\n";

}  // namespace

TEST(fleet_fuel_paths, ShippedPathsReadAndCoverEveryCaptiveSmelter) {
  core::Diagnostics d;
  const fleet::FleetCase c = path_case("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_FALSE(c.fuel_paths.paths.empty());
  int captive = 0;
  for (const fleet::FleetSmelter& s : c.model.smelters) {
    if (!plant::is_captive(s.record.power_source)) continue;
    ++captive;
    EXPECT_NE(c.fuel_paths.path_of(s.record), nullptr) << s.record.id << " has no fuel path";
  }
  EXPECT_GE(captive, 20);
  for (const fleet::FuelPath& p : c.fuel_paths.paths) {
    EXPECT_LE(p.first_year, fleet::kPowerPriceYear) << p.area();
    for (const std::string& s : p.sources) EXPECT_FALSE(s.empty()) << p.area();
  }
}

// The shipped Henry Hub path is in USD of 2024, as the power prices it moves: its published figures
// in dollars of the day, deflated by hand with the file's consumer-price rises (2025 +2.8 %, [BLS CPI
// Sep 2025]; 2026 +2.5 %, an estimate), and the WEO's 2035 price already in 2024 dollars. A check of
// the data's conversion (it recomputes what the file states), not of a model.
TEST(fleet_fuel_paths, ShippedHenryHubPathIsInUsdOf2024) {
  core::Diagnostics d;
  const fleet::FleetCase c = path_case("", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const fleet::FuelPath* hh = nullptr;
  for (const fleet::FuelPath& p : c.fuel_paths.paths) {
    if (p.region == "usa" && p.fuel() == "gas") hh = &p;
  }
  ASSERT_NE(hh, nullptr);
  const double usd_per_MMBtu = 1.0 / 1055.05585262e6;  // USD/J of 1 USD/MMBtu (1 Btu = 1055.056 J)
  EXPECT_NEAR(hh->at(2024) / usd_per_MMBtu, 2.19, 0.005);                     // [EIA STEO 2025], 2024
  EXPECT_NEAR(hh->at(2025) / usd_per_MMBtu, 3.63 / 1.028, 0.005);             // 2025 estimate, deflated
  EXPECT_NEAR(hh->at(2026) / usd_per_MMBtu, 4.30 / (1.028 * 1.025), 0.005);  // STEO 2026, deflated
  EXPECT_NEAR(hh->at(2035) / usd_per_MMBtu, 3.9, 0.005);                      // [IEA WEO 2025], 2024 USD
  EXPECT_NEAR(hh->at(2040) / usd_per_MMBtu, 3.9, 0.005);                      // held flat after 2035
}

// The rule, recomputed by hand (so this proves the wiring, not the economics): one USD/GJ more gas in
// 2025 moves each Gulf smelter on the gcc region's path (UAE, Qatar, Oman, Saudi Arabia) by heat rate
// 8.166 GJ/MWh x 1 USD/GJ = 8.166 USD/MWh, so its C1 by 8.166 x its SEC (MWh/t); Bahrain's smelter
// follows its own country path and does not move, nor does any other smelter.
TEST(fleet_fuel_paths, GasPathMovesGulfC1ByHeatRateTimesTheFuelChange) {
  core::Diagnostics d;
  const fleet::FleetCase base = path_case("", d);
  const fleet::FleetCase up = path_case(kGccGasUp, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const Costs a = costs_in(base, 2025), b = costs_in(up, 2025);
  int moved = 0;
  for (const auto& [id, c1] : a.c1_usd_per_t) {
    const bool gulf = id == "gcc-ega-al-taweelah" || id == "gcc-ega-al-taweelah-3" || id == "gcc-ega-jebel-ali" || id == "gcc-qatalum" || id == "gcc-sohar" ||
                      id == "gcc-maaden";
    const double expected = gulf ? 8.166 * a.sec_MWh_per_t.at(id) : 0.0;
    EXPECT_NEAR(b.c1_usd_per_t.at(id) - c1, expected, 1e-6) << id;
    if (gulf) {
      EXPECT_NEAR(b.power_usd_per_MWh.at(id) - a.power_usd_per_MWh.at(id), 8.166, 1e-9) << id;
      ++moved;
    }
  }
  EXPECT_EQ(moved, 6);  // Al Taweelah in two rows (its potlines) since 2026-12-06
}

// A [[power_shock]] on a country scales its smelters' price, so it scales the fuel's change too
// (ΔP = f x HR x Δp): with the UAE's power doubled, EGA's two smelters move by 2 x 8.166 USD/MWh for
// +1 USD/GJ, Qatar's by 8.166.
TEST(fleet_fuel_paths, ACountryPowerShockScalesTheFuelChange) {
  core::Diagnostics d;
  const std::string shock = "\n[[power_shock]]\ncountry = \"ARE\"\nfactor = 2\n";
  const fleet::FleetCase base = path_case(shock, d);
  const fleet::FleetCase up = path_case(shock + kGccGasUp, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const Costs a = costs_in(base, 2025), b = costs_in(up, 2025);
  for (const char* id : {"gcc-ega-al-taweelah", "gcc-ega-al-taweelah-3", "gcc-ega-jebel-ali"})
    EXPECT_NEAR(b.power_usd_per_MWh.at(id) - a.power_usd_per_MWh.at(id), 2 * 8.166, 1e-9) << id;
  EXPECT_NEAR(b.power_usd_per_MWh.at("gcc-qatalum") - a.power_usd_per_MWh.at("gcc-qatalum"), 8.166, 1e-9);
}

// Where a path's 2024 value is the smelter's own 2024 fuel price (Bahrain: 3.791 USD/GJ = 4.00
// USD/MMBtu, the [[fuel_price]] of data/fleet-power.toml), a later year's power price is that year's
// fuel price x heat rate + O&M, as the captive plant model prices 2024: 4.791 USD/GJ in 2030 gives
// 4.791 x 8.166 + 4 = 43.123 USD/MWh, held after the path's last row.
TEST(fleet_fuel_paths, BahrainPowerIsItsPathFuelPriceTimesHeatRatePlusOm) {
  core::Diagnostics d;
  std::string rows;
  for (int y = 2024; y <= 2030; ++y)
    rows += "\n[[fuel_path]]\nfuel = \"gas\"\ncountry = \"BHR\"\nyear = " + std::to_string(y) + "\nprice = \"" +
            (y < 2030 ? "3.791" : "4.791") + " USD/GJ\"\nsource = \"test\"\n";
  const fleet::FleetCase c = path_case(rows, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_NEAR(costs_in(c, 2030).power_usd_per_MWh.at("gcc-alba-5"), 4.791 * 8.166 + 4.0, 1e-9);
  EXPECT_NEAR(costs_in(c, 2029).power_usd_per_MWh.at("gcc-alba-5"), 3.791 * 8.166 + 4.0, 1e-9);
  EXPECT_NEAR(costs_in(c, 2035).power_usd_per_MWh.at("gcc-alba-5"), 4.791 * 8.166 + 4.0, 1e-9);
}

// The dataset's power prices are 2024's: the 2024 case is the same with the shipped paths, with a
// path changed in 2024 only, and without any path (true by construction of the rule; this guards
// the wiring).
TEST(fleet_fuel_paths, The2024CaseDoesNotMoveByConstruction) {
  const std::filesystem::path empty = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-empty-fuel-paths.toml");
  std::ofstream(empty) << "# no paths\n";
  core::Diagnostics d;
  const fleet::FleetCase shipped = path_case("", d);
  const fleet::FleetCase none = path_case("", d, {"fleet.fuel_paths=" + empty.string()});
  const fleet::FleetCase other = path_case(
      "\n[[fuel_path]]\nfuel = \"coal\"\nregion = \"china\"\nyear = 2024\nprice = \"9 USD/GJ\"\nsource = \"test\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_TRUE(none.fuel_paths.paths.empty());
  const Costs a = costs_in(shipped, 2024), b = costs_in(none, 2024), c = costs_in(other, 2024);
  for (const auto& [id, c1] : a.c1_usd_per_t) {
    EXPECT_EQ(c1, b.c1_usd_per_t.at(id)) << id;
    EXPECT_EQ(c1, c.c1_usd_per_t.at(id)) << id;
  }
}

TEST(fleet_fuel_paths, BadRowsAreInputErrorsCollectedInOnePass) {
  const std::string e = errors_of(
      "\n[[fuel_path]]\nfuel = \"gas\"\nregion = \"gccc\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"      // unknown region
      "[[fuel_path]]\nfuel = \"oil\"\nregion = \"gcc\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"        // unknown fuel
      "[[fuel_path]]\nfuel = \"coal\"\ncountry = \"IDNN\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"    // unknown country
      "[[fuel_path]]\nfuel = \"coal\"\nregion = \"india\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"
      "[[fuel_path]]\nfuel = \"coal\"\nregion = \"india\"\nyear = 2026\nprice = 3\nsource = \"s\"\n"    // gap: 2025
      "[[fuel_path]]\nfuel = \"coal\"\nregion = \"china\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"
      "[[fuel_path]]\nfuel = \"coal\"\nregion = \"china\"\nyear = 2024\nprice = 4\nsource = \"s\"\n"    // duplicate
      "[[fuel_path]]\nfuel = \"gas\"\nregion = \"africa\"\nyear = 2025\nprice = 3\nsource = \"s\"\n"
      "[[fuel_path]]\nfuel = \"gas\"\nregion = \"africa\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"    // unsorted
      "[[fuel_path]]\nfuel = \"coal\"\nregion = \"rest_of_asia\"\nyear = 2024\nprice = \"900 USD/GJ\"\n"  // range, no source
      "[[fuel_path]]\nfuel = \"coal\"\nprovince = \"Indiana\"\nyear = 2026\nprice = 3\nsource = \"s\"\n");  // starts late
  EXPECT_NE(e.find("unknown region 'gccc'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'gcc'"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel_path[1].fuel"), std::string::npos) << e;
  EXPECT_NE(e.find("'oil'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown country 'IDNN'"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel path 'coal region india': no row for 2025"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel path 'coal region china': a second row for 2024"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel path 'gas region africa': year 2024 after 2025: list the years of a path in order"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("fuel_path[9].price"), std::string::npos) << e;
  EXPECT_NE(e.find("USD/GJ"), std::string::npos) << e;
  EXPECT_NE(e.find("[0, 200]"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel_path[9].source"), std::string::npos) << e;
  EXPECT_NE(e.find("fuel path 'coal province Indiana': starts in 2026"), std::string::npos) << e;
  EXPECT_NE(e.find("case.toml:"), std::string::npos) << e;  // located in the case file
}

// A row already reported (its price out of range) leaves no second message for the gap it leaves.
TEST(fleet_fuel_paths, ABadRowIsReportedOnce) {
  std::string rows;
  for (int y = 2024; y <= 2026; ++y)
    rows += "\n[[fuel_path]]\nfuel = \"coal\"\nregion = \"india\"\nyear = " + std::to_string(y) + "\nprice = " +
            (y == 2025 ? "900" : "3") + "\nsource = \"s\"\n";
  const std::string e = errors_of(rows);
  EXPECT_NE(e.find("fuel_path[1].price"), std::string::npos) << e;
  EXPECT_EQ(e.find("no row for 2025"), std::string::npos) << e;
}

TEST(fleet_fuel_paths, FileRowsAreLocatedInTheirFile) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-bad-fuel-paths.toml");
  std::ofstream(file) << "[[fuel_path]]\nfuel = \"coal\"\nregion = \"chna\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"
                         "[fleet]\nlme = 2000\n";
  core::Diagnostics d;
  EXPECT_THROW(path_case("", d, {"fleet.fuel_paths=" + file.string()}), core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find(file.string() + ":3:"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'china'"), std::string::npos) << e;
  EXPECT_NE(e.find("holds only [[fuel_path]] tables"), std::string::npos) << e;
}

TEST(fleet_fuel_paths, PathRowsNeedAScenarioYear) {
  core::Diagnostics d;
  // A case without fleet.year (world.toml had none before it built on the 2024 backtest, 2026-12-05).
  EXPECT_THROW(fleet::parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\n" + std::string(kGccGasUp), "case.toml", kExamples,
                                       cell::default_data_dir(), potline::testing::shipped_smelter_data(), d),
               core::InputError);
  EXPECT_NE(d.to_string().find("[[fuel_path]] needs fleet.year"), std::string::npos) << d.to_string();
}

}  // namespace test_fleet_fuel_paths

// potline flex: the year's value and the heat-exchanger payback (on the increment over the case
// without them, T8-1) are on the savings the dynamic model delivers (T6-4), not on the reduced
// model's plan; the text prints both, the dynamic production change and the reduced model's notes.
// Relations, not frozen numbers.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_value_cli {
namespace {

double num(const Json& j) {
  return j.get<double>();
}

TEST(FlexValueCli, WeekExampleAnnualValueAndPaybackUseTheDeliveredSavings) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& v = j["value"];
  EXPECT_EQ(v["annual_value_basis"], "delivered");
  // The delivered savings are the dynamic runs' margins, optimised less flat.
  const double delivered =
      num(j["optimised"]["delivered"]["margin_eur"]) - num(j["flat"]["delivered"]["margin_eur"]);
  EXPECT_NEAR(num(v["delivered_savings_eur"]), delivered, 1e-6 * std::abs(delivered) + 1e-6);
  // Their metal is the dynamic check's; their energy the cells' DC over the rectifier efficiency.
  EXPECT_NEAR(num(j["optimised"]["delivered"]["production_t"]) -
                  num(j["flat"]["delivered"]["production_t"]),
              num(v["dynamic_production_change_t"]), 1e-6);
  EXPECT_NEAR(num(j["optimised"]["delivered"]["energy_MWh"]),
              num(j["optimised"]["check"]["energy_MWh"]) / num(j["rectifier_efficiency"]), 1e-6);
  // The year scales the delivered savings by the same factor as the planned ones, less what the
  // value flags as not physical and the operating point (a flat schedule reaches it), plus the heat
  // left in the cells at the end at the horizon's mean price (docs/model/flexibility.md §5, "The
  // year's value").
  const double factor = num(v["planned_annual_value_eur"]) / num(v["savings_eur"]);
  const double physical = num(v["delivered_savings_eur"]) - num(v["not_physical_eur"]) -
                          num(v["operating_point_eur"]) + num(v["end_heat_eur"]);
  EXPECT_NEAR(num(v["delivered_value_eur"]), physical, 1e-6 * std::abs(physical));
  const Json& split = v["delivered"]["round_trip_split"];
  EXPECT_DOUBLE_EQ(num(v["operating_point_eur"]), num(split["operating_point_eur"]));
  EXPECT_DOUBLE_EQ(num(v["end_heat_MWh"]), num(split["stored_heat_MWh"]));
  EXPECT_NEAR(num(v["end_heat_eur"]), num(v["end_heat_MWh"]) * num(v["end_heat_price_eur_per_MWh"]),
              1e-6 * std::abs(num(v["end_heat_eur"])) + 1e-9);
  EXPECT_NEAR(num(v["annual_value_eur"]), physical * factor, 1e-9 * std::abs(num(v["annual_value_eur"])));
  ASSERT_GT(num(v["annual_value_eur"]), 0.0);
  // The exchangers' payback is on the increment over the case without them (T8-1): its annual value
  // on the same (delivered) basis as this one's.
  const Json& x = v["heat_exchangers"];
  EXPECT_DOUBLE_EQ(num(x["with_annual_value_eur"]), num(v["annual_value_eur"]));
  const double increment = num(x["increment_annual_value_eur"]);
  EXPECT_NEAR(num(v["heat_exchanger_payback_years"]),
              increment > 0 ? num(v["heat_exchanger_capex_eur"]) / increment : 0.0, 1e-9);
  // The annual value is not the plan's unless the two savings agree.
  EXPECT_NEAR(num(v["annual_value_eur"]) - num(v["planned_annual_value_eur"]), (physical - num(v["savings_eur"])) * factor,
              1e-6 * num(v["planned_annual_value_eur"]));
}

TEST(FlexValueCli, TextPrintsTheDeliveredValueAndWarnsOnAFitErrorBeyondTheWindow) {
  // +50 % fit step: the fit run freezes (a reduced-model note) and the superheat fit error exceeds
  // half the 5–15 K window.
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.max_power=150 %"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  as delivered in the dynamic model (its metal; the energy the cells drew, "
                       "at each step's price): "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  reduced model: the 50 % run stopped"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("warning: the reduced model's superheat fit error, "), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("is larger than half the superheat window flex.superheat_min 5.0 K to "
                       "flex.superheat_max 15.0 K "
                       "(5.0 K)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  a year: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" (as delivered: the line above; planned "), std::string::npos) << r.out;
}

TEST(FlexValueCli, DayExamplePrintsAndWritesThePlannedAndDeliveredFigures) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "day").string();
  const RunResult r = potline({"flex", example("flex-day.toml"), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  value against the flat schedule (planned: reduced model; delivered: both "
                       "schedules in the "
                       "dynamic model)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    round-trip efficiency: shifted / (added - that)"), std::string::npos) << r.out;
  // T7-9: the energy the text prints is the value figures' — the net change with the energy added
  // and shifted that make it (the text said "energy +348.3 MWh" where energy_added_MWh was 425.7).
  const Json jv = parse_json(read_file(std::filesystem::path(dir) / "summary.json"))["value"]["planned"];
  char energy[160];
  std::snprintf(energy, sizeof energy, "energy %+.1f MWh AC net (%.1f added above the flat schedule's steps, %.1f shifted",
                num(jv["energy_change_MWh"]), num(jv["energy_added_MWh"]), num(jv["energy_shifted_MWh"]));
  EXPECT_NE(r.out.find(energy), std::string::npos) << energy << "\n" << r.out;
  // T7-7: the reduced model's metal and energy error against the checks, printed and in the JSON.
  EXPECT_NE(r.out.find("  reduced model against the dynamic checks over the horizon (reduced - dynamic): flat metal "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("; metal per step rms "), std::string::npos) << r.out;
  const Json j = parse_json(read_file(std::filesystem::path(dir) / "summary.json"));
  const Json& d = j["value"]["delivered"];
  const Json& p = j["value"]["planned"];
  // The year's value on its own line: what was taken out and added (docs/model/flexibility.md §5).
  const Json& v = j["value"];
  const auto eur = [](double x) { return fmt::format("{:+.0f}", x); };
  // flex-day's operating point is a cost (-1357 EUR): given back, said without a double negative (T15-6).
  ASSERT_LT(num(v["operating_point_eur"]), 0.0);
  const std::string year_line = fmt::format(
      "  the year's value (docs/model/flexibility.md §5): delivered savings {} EUR + operating point cost "
      "given back {:.0f} (a flat cell at the optimised run's mean heat state would lose that metal too: not "
      "flexibility) - not physical {} + heat left in the cells at the end {} ({:+.1f} MWh AC at the "
      "horizon's mean price {:.2f} EUR/MWh) = {} EUR over the horizon\n",
      eur(num(v["delivered_savings_eur"])), -num(v["operating_point_eur"]),
      eur(num(v["not_physical_eur"])), eur(num(v["end_heat_eur"])), num(v["end_heat_MWh"]),
      num(v["end_heat_price_eur_per_MWh"]), eur(num(v["delivered_value_eur"])));
  EXPECT_NE(r.out.find(year_line + "  a year: "), std::string::npos) << year_line << r.out;
  EXPECT_NE(num(v["operating_point_eur"]), 0.0);
  EXPECT_NE(num(v["end_heat_eur"]), 0.0);
  EXPECT_NEAR(num(v["annual_value_eur"]), num(v["delivered_value_eur"]) * 250.0, 1e-6 * std::abs(num(v["annual_value_eur"])));
  // Delivered: the dynamic runs' margins and metal; planned: the flat keys of value.
  EXPECT_NEAR(
      num(d["savings_eur"]),
      num(j["optimised"]["delivered"]["margin_eur"]) - num(j["flat"]["delivered"]["margin_eur"]),
      1e-6);
  EXPECT_NEAR(num(d["extra_production_t"]), num(j["value"]["dynamic_production_change_t"]), 1e-9);
  EXPECT_DOUBLE_EQ(num(p["savings_eur"]), num(j["value"]["savings_eur"]));
  EXPECT_DOUBLE_EQ(num(p["round_trip_efficiency"]), num(j["value"]["round_trip_efficiency"]));
  EXPECT_NEAR(num(d["savings_eur_per_t"]),
              num(d["savings_eur"]) / num(j["optimised"]["delivered"]["production_t"]), 1e-9);
  // Shifted less added is the energy change on either basis (per step, below and above flat).
  for (const Json* x : {&p, &d}) {
    EXPECT_NEAR(num((*x)["energy_added_MWh"]) - num((*x)["energy_shifted_MWh"]),
                num((*x)["energy_change_MWh"]), 1e-6);
  }
  EXPECT_NEAR(
      num(d["energy_change_MWh"]),
      num(j["optimised"]["delivered"]["energy_MWh"]) - num(j["flat"]["delivered"]["energy_MWh"]),
      1e-6);
  // schedule.csv: the power the cells drew per step adds up to the delivered energy (6 significant
  // digits).
  std::istringstream schedule(read_file(std::filesystem::path(dir) / "schedule.csv"));
  std::string line;
  std::getline(schedule, line);
  const auto header = csv_cells(line);
  const auto column = [&header](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t drawn = column("power delivered [MW]");
  ASSERT_EQ(header[drawn - 1], "flat power delivered [MW]");
  // T7-29: the metal per step, planned and delivered, adds up to the optimised schedule's.
  const std::size_t metal_model = column("metal model [t]"), metal_dynamic = column("metal dynamic [t]");
  double drawn_MWh = 0, model_t = 0, dynamic_t = 0;
  while (std::getline(schedule, line)) {
    const auto cells = csv_cells(line);
    drawn_MWh += std::stod(cells[drawn]) * num(j["step_min"]) / 60;
    model_t += std::stod(cells[metal_model]);
    dynamic_t += std::stod(cells[metal_dynamic]);
  }
  EXPECT_NEAR(drawn_MWh, num(j["optimised"]["delivered"]["energy_MWh"]), 1e-5 * drawn_MWh);
  EXPECT_NEAR(model_t, num(j["optimised"]["production_t"]), 1e-5 * model_t);
  EXPECT_NEAR(dynamic_t, num(j["optimised"]["delivered"]["production_t"]), 1e-5 * dynamic_t);
  // economics.csv: planned beside delivered.
  const std::string economics = read_file(std::filesystem::path(dir) / "economics.csv");
  EXPECT_EQ(
      economics.rfind("quantity,unit,planned,delivered,delivered - planned\nflat margin,EUR,", 0),
      0u)
      << economics;
  EXPECT_NE(economics.find("\nround-trip efficiency,-,"), std::string::npos) << economics;
  EXPECT_NE(economics.find("\ncurrent efficiency change,points,,"), std::string::npos) << economics;
  EXPECT_NE(economics.find("\n\"operating point, taken out of the annual value\",EUR,,"), std::string::npos)
      << economics;
  EXPECT_NE(economics.find("\n\"heat left in the cells at the end, added to the annual value\",EUR,,"),
            std::string::npos)
      << economics;
}

// docs/validation.md F18: TRIMET states an "efficiency of up to 95 %" for its virtual battery
// [TRIMET virtual battery]. The TRIMET-like week as delivered by the dynamic model: a known miss.
// On the metal basis (value.delivered.round_trip_efficiency) it was 0.850 (mass-transfer CE), then
// 1.207 with one simulated cell (its daily bath sample met the cheap noon hours), 1.084 with 8 cells
// (main 0542a0c): above 1, the swinging cells' lower heat loss, an operating point. Since 2026-12-06
// the cells' energy balance splits the delivered energy change (value.delivered.round_trip_split,
// docs/model/flexibility.md §5 "Storage and operating point"): the storage round trip is 0.861
// (measured on main 2451fb1), 0.817 since the top heat kept in cuts is its own term (main 99d38a9,
// 2026-12-07), 0.809 on main 34cacf7 (the heat feed-forward on), below the band 0.92–0.98. This asserts the band around both figures,
// that the split adds up to the measured change, and that "not physical" follows the storage round
// trip beyond the noise floor, not the metal basis.
// The reduced model's production curve is one slope through nominal there (its concave fit pools
// the S-shaped points, docs/model/flexibility.md §2): the elasticities up and down are equal.
TEST(FlexValueCli, KnownMissTrimetWeekStorageRoundTripIsBelowTheBandAndTheMetalBasisAboveOne) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  ASSERT_NEAR(num(j["reduced_model"]["production_elasticity_up"]),
              num(j["reduced_model"]["production_elasticity_down"]), 1e-9);
  const Json& d = j["value"]["delivered"];
  // Delivered, the extra metal's energy is at the dynamic model's own marginal rate (its constant-
  // level run against its flat run, T7-9).
  const double delivered = num(d["round_trip_efficiency"]);
  EXPECT_GT(delivered, 0.9);
  EXPECT_LT(delivered, 1.15);
  EXPECT_NEAR(delivered,
              num(d["energy_shifted_MWh"]) / (num(d["energy_added_MWh"]) - num(d["extra_metal_energy_MWh"])), 1e-9);
  const Json& s = d["round_trip_split"];
  ASSERT_TRUE(s["available"].get<bool>());
  const double storage = num(s["storage_round_trip_efficiency"]);
  EXPECT_GT(storage, 0.75);  // 0.809 measured (34cacf7; 0.817 on 99d38a9; 0.861 on 2026-12-06)
  EXPECT_LT(storage, 0.92);  // below the band: a known miss
  EXPECT_NEAR(num(s["energy_change_MWh"]), num(d["energy_change_MWh"]), 1e-6);
  EXPECT_NEAR(num(s["shifted_MWh"]), num(d["energy_shifted_MWh"]), 1e-9);
  EXPECT_NEAR(num(s["metal_MWh"]) + num(s["stored_heat_MWh"]) + num(s["operating_point_MWh"]) -
                  num(s["top_heat_kept_MWh"]) + num(s["losses_MWh"]) + num(s["balance_residual_MWh"]),
              num(s["energy_change_MWh"]), 1e-6);
  EXPECT_LT(std::abs(num(s["balance_residual_MWh"])), 1e-4 * num(j["flat"]["delivered"]["energy_MWh"]));
  EXPECT_NEAR(storage, num(s["shifted_MWh"]) / (num(s["shifted_MWh"]) + num(s["losses_MWh"])), 1e-9);
  // The top heat the cuts' retention kept (control.cut_top_loss_reduction 0.3 in this week) is its
  // own term, out of the storage losses: 617.6 MWh on main 34cacf7 (619.1 on 99d38a9). (The operating
  // point's sign follows the swinging cells' mean state: +72.9 MWh on 34cacf7, +98.8 on 99d38a9,
  // hotter with the retention; −326.7 MWh on 2451fb1 before it.)
  EXPECT_GT(num(s["top_heat_kept_MWh"]), 0.0);
  EXPECT_NEAR(num(s["cycle_heat_loss_MWh"]) + num(s["outside_cells_MWh"]) + num(s["anode_heating_MWh"]),
              num(s["losses_MWh"]), 1e-6);
  const bool flagged = s["above_one_beyond_noise"].get<bool>();
  EXPECT_EQ(flagged, num(s["losses_MWh"]) < -num(s["noise_MWh"]));
  EXPECT_EQ(num(j["value"]["current_efficiency"]["beyond_round_trip_t"]) > 0, flagged);
  if (!flagged) {
    EXPECT_EQ(num(j["value"]["not_physical_eur"]), 0.0);
  }
  const RunResult t = potline({"flex", example("flex-week-heat-exchangers.toml")});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  EXPECT_NE(t.out.find("  round trip split (delivered; docs/model/flexibility.md §5): energy "),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("    storage round trip: shifted "), std::string::npos) << t.out;
}

}  // namespace
}  // namespace test_flex_value_cli
}  // namespace potline_cli_test

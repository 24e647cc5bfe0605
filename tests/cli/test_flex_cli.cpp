// potline flex end to end: the example day runs, reports solver status and gap, the dynamic-model
// check and the value against the flat schedule; bad price files and impossible targets exit 2 with
// the place and the binding constraint; schema and template exist.
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_cli {
namespace {

TEST(FlexCli, ExampleDayRunsAndStaysInWindow) {
  TempDir dir;
  const RunResult r = potline({"flex", example("flex-day.toml"), "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  EXPECT_EQ(j["cells"], 300);
  EXPECT_EQ(j["solver"]["problem"], "MILP");
  EXPECT_EQ(j["solver"]["solver"], "COIN-OR CBC 2.10");
  EXPECT_TRUE(j["solver"]["status"] == "optimal" || j["solver"]["status"] == "feasible");
  EXPECT_LE(j["solver"]["gap_percent"].get<double>(), 0.5 + 1e-9);
  EXPECT_TRUE(j["in_window"].get<bool>()) << j["verdict"];
  // The optimised schedule never earns less than the flat one, which is feasible for it.
  EXPECT_GE(j["optimised"]["margin_eur"].get<double>(), j["flat"]["margin_eur"].get<double>() - 1e-6);
  EXPECT_LE(j["optimised"]["set_point_changes"].get<int>(), 8);
  EXPECT_GT(j["value"]["energy_shifted_MWh"].get<double>(), 0.0);
  // [grid]: AbLaV-like interruptible capacity of at most 50 MW at 2.98 EUR/(MW h) for 24 h; its worst
  // 1-h call stays in window in the dynamic model.
  const Json& g = j["value"]["grid"];
  const double offered = g["offered_MW"].get<double>();
  EXPECT_GT(offered, 0.0);
  EXPECT_LE(offered, 50.0 + 1e-6);
  EXPECT_NEAR(g["reserve_payment_eur"].get<double>(), offered * 2.98 * 24, 1e-6 * offered * 72);
  EXPECT_NEAR(j["optimised"]["reserve_revenue_eur"].get<double>(), g["reserve_payment_eur"].get<double>(), 1e-6);
  EXPECT_TRUE(g["worst_call"]["check"]["in_window"].get<bool>());
  EXPECT_TRUE(j["value"].contains("anode_effects"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "run" / "schedule.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "run" / "manifest.json"));
  // Every data file the run read is in the manifest's inputs, the emission data too (DA19-37).
  const std::string manifest = read_file(dir.path() / "run" / "manifest.json");
  for (const char* f :
       {"synthetic-de-summer-day-15min.csv", "technologies.toml", "emissions/ipcc-aluminium.toml",
        "emissions/power.toml", "emissions/fuels.toml"})
    EXPECT_NE(manifest.find(f), std::string::npos) << f << "\n" << manifest;
  EXPECT_FALSE(has_nonfinite_word(read_file(dir.path() / "run" / "schedule.csv")));
}

TEST(FlexCli, BadPriceFileExitsTwoWithFileAndLine) {
  TempDir dir;
  const std::string prices =
      dir.write("p.csv", "time_utc,price_eur_per_MWh\n2026-06-01T00:00Z,1\n2026-06-01T01:00Z,x\n");
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", prices});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find(prices + ":3:19: error: 'flex.prices': price 'x' is not a number in EUR/MWh"), std::string::npos)
      << r.err;
}

// User trial 9, T9-5: the flex examples named their prices "../data/prices/...", so a copy of
// examples/ failed although the data folder was given. A relative flex.prices not found beside the
// case is the data folder's; one in neither place is still an error naming the case's path.
TEST(FlexCli, ACopiedExampleFindsItsPricesInTheDataFolder) {
  TempDir dir;
  const std::string copy = dir.write("flex-day.toml", read_file(example("flex-day.toml")));
  const std::string data = (source_dir() / "data").string();
  const RunResult r = potline({"--data-dir", data, "flex", copy, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const RunResult in_tree = potline({"flex", example("flex-day.toml"), "--json"});
  ASSERT_EQ(in_tree.exit_code, 0) << in_tree.describe();
  EXPECT_EQ(parse_json(r.out)["value"]["savings_eur"], parse_json(in_tree.out)["value"]["savings_eur"]);
  const RunResult missing = potline({"--data-dir", data, "flex", copy, "--set", "flex.prices=prices/none.csv"});
  EXPECT_EQ(missing.exit_code, 2) << missing.describe();
  EXPECT_NE(missing.err.find("prices/none.csv': no such file"), std::string::npos) << missing.err;
}

TEST(FlexCli, HorizonLongerThanSeriesNamesTheKey) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.horizon=48 h"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("error: 'flex.horizon': the horizon 48 h is longer than the price series"), std::string::npos)
      << r.err;
}

// User trial T6-16: a series longer than the horizon was used from its first row silently.
// flex.start chooses the part (a row time of the series); a note names the rows used and what is
// ignored (a warning until audit 19: the user chose them, nothing to act on); a horizon longer than
// the series holds from the start names both keys (exit 2).
TEST(FlexCli, StartChoosesThePartOfALongerSeriesWithANote) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.horizon=12 h", "--set",
                               "flex.start=2026-06-01T06:00Z", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(
      r.err.find("note: 'flex.prices': the dispatch uses rows 25-72 of the 96 of the price series"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("warning: 'flex.prices': the dispatch uses"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(12 h from 2026-06-01T06:00Z); 6 h before and 6 h after them are ignored"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"start_utc\": \"2026-06-01T06:00Z\""), std::string::npos) << r.out.substr(0, 400);
  const RunResult late = potline({"flex", example("flex-day.toml"), "--set", "flex.start=2026-06-01T18:00Z"});
  EXPECT_EQ(late.exit_code, 2) << late.describe();
  EXPECT_NE(late.err.find("error: 'flex.horizon': the horizon 24 h is longer than the price series"), std::string::npos)
      << late.err;
  EXPECT_NE(late.err.find("error: 'flex.start': from 2026-06-01T18:00Z the price series holds 6 h (24 rows), less "
                          "than flex.horizon = 24 h"),
            std::string::npos)
      << late.err;
}

TEST(FlexCli, ImpossibleProductionTargetNamesTheBindingConstraint) {
  // Without the heat feed-forward flex-day's production grows more slowly than its power (with it, at
  // elasticity 1.25, 104 % is feasible), so the up-front check and the solver's verdict are both reached.
  // Up front: at 105 % power the current reaches at most 106.3 % (the heat-balance loop's 0.2 V cut),
  // 111.9 % of the metal at 100 % current efficiency.
  const RunResult high = potline({"flex", example("flex-day.toml"), "--set", "flex.production_target=120 %", "--set",
                                  "control.heat_feedforward=0"});
  EXPECT_EQ(high.exit_code, 2) << high.describe();
  EXPECT_NE(high.err.find("'flex.production_target': 120 % of nominal production cannot be met: at flex.max_power = "
                          "105 % the line current is at most 106.3 % of nominal"),
            std::string::npos)
      << high.err;
  const RunResult tight = potline({"flex", example("flex-day.toml"), "--set", "flex.production_target=104 %",
                                   "--set", "control.heat_feedforward=0"});
  EXPECT_EQ(tight.exit_code, 2) << tight.describe();
  EXPECT_NE(tight.err.find("no schedule meets the limits; the binding constraint is the production target"),
            std::string::npos)
      << tight.err;
}

// Issue 13, "Bad input": limits that no schedule meets name the group that binds. flex-day's reduced
// model's superheat reference is 6.76 K (its regression reference); a floor of 8 K above it is met by
// no schedule within ±5 %, and the message names the heat-state bounds (measured 2026-12-07).
TEST(FlexCli, ImpossibleHeatStateBoundsNameTheBindingConstraint) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.superheat_min=8 K"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("no schedule meets the limits; the binding constraint is the heat-state bounds"),
            std::string::npos)
      << r.err;
}

// The up-front check used to refuse every target above flex.max_power, but with the heat
// feed-forward the cell voltage falls as the current rises: flex-day makes 105.71 % of its metal at
// 105 % power in its production curve with flex's mass_transfer CE (T9-3; 106.12 % with Dewing), so
// 105.5 % is met (a bug: it was refused before the fit).
TEST(FlexCli, ProductionTargetAboveThePowerShareIsMetWithTheHeatFeedforward) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.production_target=105.5 %", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_GE(j.at("reduced_model").at("production_elasticity_up").get<double>(), 1.2);
  // The schedule meets the target in the reduced model: 105.5 % of 24 h of nominal production.
  const double nominal_t = j.at("reduced_model").at("nominal_cell_production_kg_per_day").get<double>() * 300 / 1e3;
  EXPECT_GE(j.at("optimised").at("production_t").get<double>(), 1.055 * nominal_t * (1 - 1e-6));
}

// The dispatch plans no power the rectifier cannot deliver (docs/model/flexibility.md §3): flex-day
// with the rectifier limit at 420 kA (1.05 × its 400 kA) reaches 101.86 % of nominal power at the
// voltage the resistance control holds at 420 kA (4.067 V, the feed-forward's cut and the
// deadband's lower edge), so flex.max_power = 110 % is planned at 101.86 %, and a warning names the
// key, the value, the current 110 % needs (440.05 kA) and what the limit allows. A flex.min_power
// above the reach leaves no schedule: an input error (exit 2) that names the key and the limit.
TEST(FlexCli, MaxPowerBeyondTheRectifierReachIsPlannedAtTheReachWithAWarning) {
  TempDir dir;
  const RunResult r =
      potline({"flex", example("flex-day.toml"), "--set", "flex.max_power=110 %", "--set",
               "potline.max_current=420 kA", "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(
      r.err.find(
          "warning: 'flex.max_power': 110 % of nominal power needs 440.05 kA at the voltage the "
          "resistance control holds there (4.192 V a cell); the rectifier limit "
          "potline.max_current = 420 kA delivers at most 101.9 % (4.067 V a cell at that "
          "current): the dispatch plans at most 101.9 % (raise potline.max_current to draw more)"),
      std::string::npos)
      << r.err;
  const Json j = parse_json(r.out);
  const Json& rect = j.at("rectifier");
  EXPECT_TRUE(rect.at("caps_max_power").get<bool>());
  EXPECT_DOUBLE_EQ(rect.at("max_current_kA").get<double>(), 420.0);
  const double reach = rect.at("max_power_percent").get<double>();
  EXPECT_NEAR(reach, 101.86, 0.01);
  EXPECT_DOUBLE_EQ(rect.at("planned_max_power_percent").get<double>(), reach);
  // Every step of the optimised schedule (schedule.csv, MW AC) within the reach.
  const std::string csv = read_file(dir.path() / "run" / "schedule.csv");
  const double nominal_MW = j.at("nominal_power_MW").get<double>();
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  int steps = 0;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string f; std::getline(fields, f, ',');) cells.push_back(f);
    ASSERT_GE(cells.size(), 4u) << line;
    EXPECT_LE(std::stod(cells[3]), nominal_MW * reach / 100 * (1 + 1e-5)) << line;
    ++steps;
  }
  EXPECT_EQ(steps, 96);

  const RunResult low =
      potline({"flex", example("flex-day.toml"), "--set", "potline.max_current=400 kA", "--set",
               "flex.min_power=100 %", "--set", "flex.max_power=100 %"});
  EXPECT_EQ(low.exit_code, 2) << low.describe();
  EXPECT_NE(
      low.err.find(
          "error: 'flex.min_power': 100 % of nominal power needs 409.33 kA at the voltage the "
          "resistance control holds there (4.097 V a cell); the rectifier limit "
          "potline.max_current = 400 kA delivers at most 98.81 %"),
      std::string::npos)
      << low.err;
  EXPECT_NE(low.err.find("no schedule can run that high"), std::string::npos) << low.err;
}

TEST(FlexCli, SchemaAndTemplateExist) {
  const RunResult s = potline({"schema", "flex"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  EXPECT_NE(s.out.find("flex.max_changes_per_day"), std::string::npos);
  const RunResult t = potline({"template", "flex"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  EXPECT_NE(t.out.find("potline flex THIS_FILE.toml"), std::string::npos);
}

// Issue 13 part 4: the power is bought AC at the grid connection, the cells' DC over
// design.rectifier_efficiency. The flat schedule (the same shares whatever η) draws exactly 1/0.975
// of its η = 1 energy at AP40's declared 0.975, and the output names the basis and where η came from.
TEST(FlexCli, PowerIsBoughtAcAtTheGridConnection) {
  const RunResult ac = potline({"flex", example("flex-day.toml"), "--json"});
  ASSERT_EQ(ac.exit_code, 0) << ac.describe();
  const RunResult dc = potline({"flex", example("flex-day.toml"), "--json", "--set", "design.rectifier_efficiency=1"});
  ASSERT_EQ(dc.exit_code, 0) << dc.describe();
  const Json a = parse_json(ac.out), d = parse_json(dc.out);
  EXPECT_DOUBLE_EQ(a["rectifier_efficiency"].get<double>(), 0.975);
  EXPECT_NE(a["rectifier_efficiency_origin"].get<std::string>().find("technology 'AP40'"), std::string::npos);
  EXPECT_NE(d["rectifier_efficiency_origin"].get<std::string>().find("--set"), std::string::npos);
  EXPECT_EQ(a["power_basis"].get<std::string>().rfind("AC at the grid connection", 0), 0u);
  const double ratio = 1 / 0.975;  // 1.025641
  EXPECT_NEAR(a["flat"]["energy_MWh"].get<double>() / d["flat"]["energy_MWh"].get<double>(), ratio, 1e-9);
  EXPECT_NEAR(a["flat"]["power_cost_eur"].get<double>() / d["flat"]["power_cost_eur"].get<double>(), ratio, 1e-9);
  EXPECT_NEAR(a["nominal_power_MW"].get<double>(),
              a["reduced_model"]["nominal_cell_power_kW"].get<double>() * 300 / 1e3 * ratio, 1e-9);
  const RunResult text = potline({"flex", example("flex-day.toml")});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("power basis: AC at the grid connection"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("MWh AC"), std::string::npos) << text.out;
}

// User trial T7-6: the envelope's hold was the first running-mean crossing only, so at 75 % the
// conventional P155 cell "held 28.8 h" against 17.2 h with the heat exchangers, while its freeze
// alarm came at 7.0 h. The hold now ends at the first limit of any kind and names it; the running
// mean's crossing stays in its own key and column (docs/model/flexibility.md §7).
TEST(FlexCli, EnvelopeHoldEndsAtTheFirstLimitOfAnyKindAndNamesIt) {
  TempDir dir;
  // Without the example's top heat retention in a cut (control.cut_top_loss_reduction, 2026-12-06),
  // with which the exchangers hold the whole 36 h and the conventional cell's mean leaves after it.
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--envelope", "--set",
                               "envelope.levels=75", "--set", "envelope.max_duration=36h", "--set",
                               "control.cut_top_loss_reduction=0", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // 7.0 h and 26.8 h measured 2026-12-06 from the settled cell with the overfeed trigger at the
  // line current (7.8 h and 27.9 h with the feed cycle centred before it, 5.75 h and 25.1 h before
  // that; 7.0 h and 28.8 h from the calibration point); the pattern keeps the test to the wording.
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex(R"(envelope  75\.0 %: holds \d+\.\d h \(first limit freeze_alarm\), running mean ledge_max at \d+\.\d h)")))
      << r.out;
  expect_in(r.out,
            "envelope: each level called after 48 h at nominal power (envelope.settle); times from "
            "the call");
  // 15.4 h since the overfeed trigger reads the line current (2026-12-06; 16.1 h with the feed
  // cycle centred on the design alumina before it, 12.1 h before that with flex's mass_transfer CE,
  // T9-3; 12.5 h with Dewing); 15.8 h since the heat feed-forward's deadband and the 1-min
  // undercooling freeze (2026-12-07: the 48 h at nominal before the call no longer apply the
  // current's noise).
  expect_in(r.out, "envelope (heat exchangers)  75.0 %: holds 15.8 h (first limit superheat_min)");
  const Json s = parse_json(read_file(dir.path() / "run" / "summary.json"));
  double on_h = -1, off_h = -1;
  for (const Json& e : s["envelope"]) {
    EXPECT_DOUBLE_EQ(e["settle_h"].get<double>(), 48.0);  // envelope.settle, the default
    if (e["heat_exchangers"].get<bool>()) {
      on_h = e["hold_h"].get<double>();
      EXPECT_EQ(e["first_limit"], "superheat_min");
      EXPECT_EQ(e["window_limit"], "superheat_min");
      EXPECT_DOUBLE_EQ(e["window_crossing_h"].get<double>(), on_h);
      EXPECT_TRUE(e["freeze_alarm_h"].is_null());
    } else {
      off_h = e["hold_h"].get<double>();
      EXPECT_EQ(e["first_limit"], "freeze_alarm");
      EXPECT_DOUBLE_EQ(e["freeze_alarm_h"].get<double>(), off_h);
      EXPECT_EQ(e["window_limit"], "ledge_max");
      EXPECT_GT(e["window_crossing_h"].get<double>(), off_h);
    }
  }
  EXPECT_GT(on_h, off_h);  // the exchangers lengthen the −25 % hold
  expect_in(read_file(dir.path() / "run" / "envelope.csv"),
            "hold [h],first limit,window crossing at [h],window limit,freeze alarm at [h],frozen at [h]");
}

// User trial T8-11: one production elasticity refitted over [100 %, flex.max_power] went from 1.25
// to 0.82 with max_power, and the "best constant level" (the reduced model's corner) went from 105
// % to 100 % although 105 % stayed inside the range. The production curve is measured at fixed
// levels and the constant levels are judged in the dynamic model: widening flex.max_power from 105
// to 110 % keeps every point of the curve up to 105 % (its concave fit may pool a new segment into
// the last ones, so only the constant-power runs are asserted) and the best constant level, 102.5 %
// with the same delivered margin (the same dynamic run).
TEST(FlexCli, WideningMaxPowerKeepsTheProductionCurveAndTheBestConstantLevel) {
  const RunResult narrow = potline({"flex", example("flex-day.toml"), "--json"});
  const RunResult wide =
      potline({"flex", example("flex-day.toml"), "--set", "flex.max_power=110 %", "--json"});
  ASSERT_EQ(narrow.exit_code, 0) << narrow.describe();
  ASSERT_EQ(wide.exit_code, 0) << wide.describe();
  const Json n = parse_json(narrow.out), w = parse_json(wide.out);
  const Json& nc = n.at("reduced_model").at("production_curve");
  const Json& wc = w.at("reduced_model").at("production_curve");
  ASSERT_EQ(nc.size(), 5u);  // 95, 97.5, 100, 102.5, 105 %
  ASSERT_EQ(wc.size(), 6u);  // and 110 %
  for (std::size_t i = 0; i < nc.size(); ++i) {
    EXPECT_DOUBLE_EQ(wc[i].at("power_percent").get<double>(),
                     nc[i].at("power_percent").get<double>());
    EXPECT_DOUBLE_EQ(wc[i].at("measured_percent").get<double>(),
                     nc[i].at("measured_percent").get<double>());
  }
  const Json& ns = n.at("value").at("savings_split");
  const Json& ws = w.at("value").at("savings_split");
  EXPECT_NEAR(ns.at("constant_level_percent").get<double>(), 102.5, 1e-9);
  EXPECT_NEAR(ws.at("constant_level_percent").get<double>(), 102.5, 1e-9);
  EXPECT_DOUBLE_EQ(ws.at("constant_level_delivered_eur").get<double>(),
                   ns.at("constant_level_delivered_eur").get<double>());
  EXPECT_EQ(ws.at("constant_level_candidates").size(), 4u);  // 100, 102.5, 105, 110 %
}

// flex.production_curve (docs/model/flexibility.md §2): the TRIMET-like cell's S-shaped curve is
// carried as its measured points with a binary per convex kink and step when asked (a MILP even
// without set-point limits), as its concave fit by default (an LP); flex-day's curve is concave
// within the runs' scatter, so it keeps the fit either way. F9's 48 h at 80 EUR/MWh, one hour at
// 3,000 EUR/MWh.
TEST(FlexCli, MeasuredProductionCurveIsAMilpOnlyWhereTheCurveIsNotConcave) {
  TempDir dir;
  std::string csv = "time_utc,price_eur_per_MWh\n";
  for (int h = 0; h < 48; ++h)
    csv += "2026-06-0" + std::to_string(1 + h / 24) + "T" + (h % 24 < 10 ? "0" : "") +
           std::to_string(h % 24) + ":00Z," + (h == 18 ? "3000" : "80") + "\n";
  const std::string prices = dir.write("spike.csv", csv);
  const std::vector<std::string> week = {"flex",     example("flex-week-heat-exchangers.toml"),
                                         "--prices", prices,
                                         "--set",    "flex.horizon=48h"};
  std::vector<std::string> measured = week;
  measured.insert(measured.end(), {"--set", "flex.production_curve=measured", "--json"});
  std::vector<std::string> fit = week;
  fit.push_back("--json");
  const RunResult m = potline(measured), f = potline(fit);
  ASSERT_EQ(m.exit_code, 0) << m.describe();
  ASSERT_EQ(f.exit_code, 0) << f.describe();
  const Json jm = parse_json(m.out), jf = parse_json(f.out);
  EXPECT_EQ(jm["reduced_model"]["production_curve_form"], "measured points");
  EXPECT_EQ(jm["solver"]["problem"], "MILP");
  EXPECT_EQ(jf["reduced_model"]["production_curve_form"], "concave fit");
  EXPECT_EQ(jf["solver"]["problem"], "LP");
  EXPECT_GT(jf["reduced_model"]["production_curve_concave_fit_error_percent"].get<double>(),
            jf["reduced_model"]["production_curve_scatter_percent"].get<double>());
  for (const Json& point : jm["reduced_model"]["production_curve"])
    EXPECT_DOUBLE_EQ(point["production_percent"].get<double>(),
                     point["measured_percent"].get<double>());
  const RunResult day = potline(
      {"flex", example("flex-day.toml"), "--set", "flex.production_curve=measured", "--json"});
  ASSERT_EQ(day.exit_code, 0) << day.describe();
  const Json jd = parse_json(day.out);
  // flex-day's curve is concave within a hair of its runs' scatter (0.09 % against 0.09 % with 8
  // simulated cells, whose mean scatters less than one cell's; concave fit with one): the rule, not
  // the side of the hair, is what this asserts.
  const bool beyond =
      jd["reduced_model"]["production_curve_concave_fit_error_percent"].get<double>() >
      jd["reduced_model"]["production_curve_scatter_percent"].get<double>();
  EXPECT_EQ(jd["reduced_model"]["production_curve_form"],
            beyond ? "measured points" : "concave fit");
  EXPECT_EQ(jd["solver"]["problem"], "MILP");  // flex-day counts its set-point changes either way
}

// Issue 13, part 3: when the re-solves run out the run says it could not stay in window and reports
// the last schedule with its crossings. The heat-exchanger week without its exchangers, its top heat
// retention and flex's CE (the case of CliUserTrial8.FlexCheckCountsTheFreezeAlarmOfTheEnvelope)
// crosses the freeze alarm in its first round; with flex.max_resolves = 0 there is no second
// (measured 2026-12-07: freeze_alarm crossings, in_window false).
TEST(FlexCli, ResolvesRunOutSaysSoAndReportsTheLastSchedulesCrossings) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set",
                               "heat_exchangers.enabled=false", "--set",
                               "model.current_efficiency_model=dewing", "--set",
                               "control.cut_top_loss_reduction=0", "--set", "flex.max_resolves=0",
                               "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_FALSE(j["in_window"].get<bool>());
  EXPECT_EQ(j["rounds"].size(), 1u);
  EXPECT_NE(j["verdict"].get<std::string>().find(
                "could not stay in window within flex.max_resolves = 0 re-solves"),
            std::string::npos)
      << j["verdict"];
  EXPECT_FALSE(j["optimised"]["check"]["crossings"].empty());
}

}  // namespace
}  // namespace test_flex_cli
}  // namespace potline_cli_test

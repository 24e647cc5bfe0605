// User trial 8 (2026-12-06), potline flex: the heat exchangers are valued as the difference of two
// optimised runs (the case with them less the same case without, T8-1), and nothing is said about
// them when they are switched off; degenerate prices print "–" and no "-0"; prices outside the SDAC
// clearing range warn; half-hourly series are read (T8-6). Relations, not frozen numbers.
#include <fmt/format.h>

#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_user_trial8_flex {
namespace {

double num(const Json& j) {
  return j.get<double>();
}

// A day of 15-min (or `step_min`) rows from 2026-06-01T00:00Z at `price(q)` EUR/MWh.
template <typename Price>
std::string day_series(int step_min, Price price) {
  std::string text = "time_utc,price_eur_per_MWh\n";
  for (int q = 0; q < 24 * 60 / step_min; ++q)
    text += fmt::format("2026-06-01T{:02d}:{:02d}Z,{}\n", q * step_min / 60, q * step_min % 60,
                        price(q));
  return text;
}

// The shipped week credited its whole value to the exchangers ("simple payback 7.0 years"), though
// the same week without them earned more; the payback follows the increment now.
TEST(CliUserTrial8, FlexHeatExchangersAreValuedAsTheIncrementOverTheCaseWithoutThem) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& v = j.at("value");
  const Json& x = v.at("heat_exchangers");
  EXPECT_EQ(x.at("basis"), "delivered");
  EXPECT_DOUBLE_EQ(num(x.at("with_annual_value_eur")), num(v.at("annual_value_eur")));
  EXPECT_NEAR(num(x.at("increment_annual_value_eur")),
              num(x.at("with_annual_value_eur")) - num(x.at("without_annual_value_eur")), 1e-6);
  // The case without them, run on its own, earns what the comparison says.
  const RunResult off = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set",
                                 "heat_exchangers.enabled=false", "--json"});
  ASSERT_EQ(off.exit_code, 0) << off.describe();
  const Json o = parse_json(off.out);
  EXPECT_NEAR(num(x.at("without_annual_value_eur")), num(o.at("value").at("annual_value_eur")),
              1e-6);
  EXPECT_EQ(x.at("without_verdict"), o.at("verdict"));
  EXPECT_NEAR(num(x.at("flat_margin_change_delivered_eur")),
              num(j.at("flat").at("delivered").at("margin_eur")) -
                  num(o.at("flat").at("delivered").at("margin_eur")),
              1e-6);
  // Switched off, nothing about the exchangers: no payback line, no keys.
  EXPECT_FALSE(o.at("value").contains("heat_exchangers"));
  EXPECT_FALSE(o.at("value").contains("heat_exchanger_payback_years"));
  const RunResult off_text = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set",
                                      "heat_exchangers.enabled=false"});
  ASSERT_EQ(off_text.exit_code, 0) << off_text.describe();
  expect_not_in(off_text.out, "payback");
  expect_not_in(off_text.out, "heat exchangers 36.0 M EUR");
  // The text gives both values, the increment and what follows from it.
  const RunResult text = potline({"flex", example("flex-week-heat-exchangers.toml")});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "  heat exchangers 36.0 M EUR: flexibility value a year ");
  expect_in(text.out,
            " M EUR without (the same case with heat_exchangers.enabled = false, optimised and "
            "checked alike: ");
  expect_in(text.out, "); increment ");
  expect_not_in(text.out, "the schedule's whole value credited to them");
  if (num(x.at("increment_annual_value_eur")) > 0) {
    EXPECT_NEAR(num(x.at("payback_years")),
                num(x.at("capex_eur")) / num(x.at("increment_annual_value_eur")), 1e-9);
    expect_in(text.out, " years on the increment");
  } else {
    EXPECT_TRUE(x.at("payback_years").is_null());
    EXPECT_DOUBLE_EQ(num(v.at("heat_exchanger_payback_years")), 0.0);
    expect_in(text.out, "no payback: the exchangers add no value on this price series");
  }
}

// The insulated week: the payback is the capex over the increment, or none when the increment is not
// positive. Measured 2026-12-06: +0.10 M EUR a year (payback 362 years) with one simulated cell; with
// 8 (flex.simulated_cells) on main 0542a0c -0.05 M EUR, no payback (docs/validation.md F19).
TEST(CliUserTrial8, FlexInsulatedWeekPaybackIsOnTheIncrement) {
  const RunResult r = potline({"flex", example("flex-week-insulated.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json v = parse_json(r.out).at("value");
  const Json& x = v.at("heat_exchangers");
  EXPECT_NEAR(num(x.at("increment_annual_value_eur")),
              num(x.at("with_annual_value_eur")) - num(x.at("without_annual_value_eur")), 1e-6);
  if (num(x.at("increment_annual_value_eur")) > 0) {
    EXPECT_NEAR(num(v.at("heat_exchanger_payback_years")),
                num(x.at("capex_eur")) / num(x.at("increment_annual_value_eur")), 1e-9);
    EXPECT_DOUBLE_EQ(num(x.at("payback_years")), num(v.at("heat_exchanger_payback_years")));
    EXPECT_LT(num(x.at("increment_annual_value_eur")), num(x.at("with_annual_value_eur")));
  } else {
    EXPECT_TRUE(x.at("payback_years").is_null());
    EXPECT_DOUBLE_EQ(num(v.at("heat_exchanger_payback_years")), 0.0);
  }
}

// The dispatch check judges the cell as the envelope does: the freeze alarm (the instantaneous
// ledge above flex.ledge_max) is a crossing for every schedule, and the conventional week, which
// ran 19 h above it, is tightened until it stays below.
TEST(CliUserTrial8, FlexCheckCountsTheFreezeAlarmOfTheEnvelope) {
  // With Dewing: under flex's mass_transfer default (T9-3) this week without exchangers is in window
  // at the first solve, so no round crosses the alarm; what is tested is the check, not the CE model.
  // Without the example's top heat retention in a cut (control.cut_top_loss_reduction, 2026-12-06),
  // which keeps the conventional cells warm enough that the first round no longer reaches the alarm.
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set",
                               "heat_exchangers.enabled=false", "--set", "model.current_efficiency_model=dewing",
                               "--set", "control.cut_top_loss_reduction=0", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& rounds = j.at("rounds");
  ASSERT_GE(rounds.size(), 2u);
  bool alarm = false;
  for (const Json& c : rounds.front().at("check").at("crossings"))
    alarm = alarm || c.at("limit") == "freeze_alarm";
  EXPECT_TRUE(alarm) << rounds.front().dump();
  if (j.at("in_window").get<bool>()) {
    const Json& check = j.at("optimised").at("check");
    EXPECT_LE(num(check.at("max_ledge_cm")), 10.0);  // flex.ledge_max (default 10 cm)
  }
}

// Every price zero or 1e-9 EUR/MWh: "+547428273603.12 %" and "+0.00 %" of the flat power cost, a
// round trip "1.000 / 0.000" and "-0 EUR" became "–" (null in the summary) and "+0".
TEST(CliUserTrial8, FlexDegeneratePricesPrintADashAndNoNegativeZero) {
  TempDir tmp;
  for (const char* price : {"0", "1e-9"}) {
    const std::string prices =
        tmp.write("p.csv", day_series(15, [&](int) { return std::string(price); }));
    const RunResult text = potline({"flex", example("flex-day.toml"), "--prices", prices});
    ASSERT_EQ(text.exit_code, 0) << text.describe();
    expect_in(text.out, "(\u2013 % of the flat schedule's power cost); power cost \u2013 %");
    expect_in(text.out,
              "savings [% of the flat power cost]                                 \u2013           "
              "    \u2013");
    expect_in(text.out,
              "round-trip efficiency: shifted / (added - that)                    \u2013           "
              "    \u2013");
    expect_not_in(text.out, "-0 ");
    expect_not_in(text.out, "-0,");
    expect_not_in(text.out, "-0.00 ");
    const RunResult json =
        potline({"flex", example("flex-day.toml"), "--prices", prices, "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.describe();
    const Json v = parse_json(json.out).at("value");
    EXPECT_TRUE(v.at("savings_percent_of_power_cost").is_null());
    EXPECT_TRUE(v.at("planned").at("round_trip_efficiency").is_null());
    EXPECT_TRUE(v.at("delivered").at("round_trip_efficiency").is_null());
    EXPECT_TRUE(v.at("delivered").at("power_cost_change_percent").is_null());
  }
}

// One hour at 1e6 EUR/MWh gave "a year: +6468.72 M EUR" without a word: an hour outside the SDAC
// limits is a warning (5,000 EUR/MWh here), and since T18-3 one that lifts the day's mean above the
// 750 EUR/MWh record estimate (1e6) an input error.
TEST(CliUserTrial8, FlexPricesOutsideTheSdacClearingRangeWarn) {
  TempDir tmp;
  const std::string prices = tmp.write("spike.csv", day_series(15, [](int q) {
                                         return q == 40 ? std::string("5000") : std::string("80");
                                       }));
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", prices});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(
      r.err,
      "spike.csv:42:19: warning: 'flex.prices': 1 price(s) outside -500 to +4000 EUR/MWh (lowest "
      "5000, "
      "highest 5000 EUR/MWh; the first on this line), the harmonised minimum and maximum clearing "
      "prices of the European day-ahead market (SDAC, [ACER HMMCP 2023])");
  // T18-3: a row that lifts the day's mean above the 750 EUR/MWh record estimate is an error.
  const std::string huge = tmp.write("huge.csv", day_series(15, [](int q) {
                                       return q == 40 ? std::string("1e6") : std::string("80");
                                     }));
  const RunResult e = potline({"flex", example("flex-day.toml"), "--prices", huge});
  EXPECT_EQ(e.exit_code, 2) << e.describe();
  expect_in(e.err, "huge.csv:42:19: error: 'flex.prices': 1 price(s) outside -500 to +4000 EUR/MWh");
  const std::string fine =
      tmp.write("fine.csv", day_series(15, [](int q) { return q == 40 ? "-500" : "4000"; }));
  const RunResult ok = potline({"flex", example("flex-day.toml"), "--prices", fine});
  ASSERT_EQ(ok.exit_code, 0) << ok.describe();
  expect_not_in(ok.err, "outside -500 to +4000 EUR/MWh");
}

// GB and Irish markets settle half-hourly: such a series was refused ("15-min or 60-min steps").
TEST(CliUserTrial8, FlexReadsAHalfHourlySeries) {
  TempDir tmp;
  const std::string prices = tmp.write(
      "gb.csv", day_series(30, [](int q) { return fmt::format("{}", 60 + 40 * ((q / 8) % 2)); }));
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", prices, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_DOUBLE_EQ(num(j.at("step_min")), 30.0);
  EXPECT_GT(num(j.at("value").at("savings_eur")), 0.0);
}

}  // namespace
}  // namespace test_cli_user_trial8_flex
}  // namespace potline_cli_test

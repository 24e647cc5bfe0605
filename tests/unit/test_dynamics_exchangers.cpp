// Shell heat exchangers (docs/model/dynamics.md §2, "Shell heat exchangers"): calibration keeps the
// operating point steady, the energy balance holds with the extraction changing, the schedule
// syntax and the input errors (messages asserted).
#include <gtest/gtest.h>

#include <cmath>

#include "potline/potline/heat_exchangers.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_exchangers {

using namespace potline;
using potline::testing_dyn::make_case;

namespace {
const char* kAp40 = "[case]\ntechnology = \"AP40\"\n";

double error_of(const line::SimulationCase& c) {
  return line::run_simulation(c).energy_balance_error;
}
}  // namespace

// With the exchangers at their design use the initial state is the same as without them: every
// temperature derivative and the side loss are those of the plain cell (whose operating point is a
// steady state, test InitialStateIsSteadyAndMatchesTheSteadyStateModel), and the wall node is
// steady.
TEST(ShellHeatExchangers, DesignPointIsTheCalibratedSteadyState) {
  const auto derivatives = [](const line::SimulationCase& c, dynamics::Fluxes& f, double* dy) {
    std::vector<double> y;
    const auto m = line::build_models(c, y)[0];
    dynamics::CellInputs in;
    in.current_A = c.op.line_current_A;
    in.exchanger_fraction = m.parameters.exchanger_design_fraction;
    dynamics::rhs(m, in, dynamics::evaluate_electrical(m, y.data(), in, false), y.data(), dy, &f);
    return m;
  };
  double dy[dynamics::kStateCount], dy0[dynamics::kStateCount];
  dynamics::Fluxes f, f0;
  const auto m = derivatives(make_case(kAp40, {"heat_exchangers.enabled=true"}), f, dy);
  derivatives(make_case(kAp40), f0, dy0);
  ASSERT_GT(m.exchanger_share, 0.0);
  EXPECT_NEAR(m.exchanger_max_W, 25e3 * m.side_area_m2, 1.0);
  EXPECT_NEAR(f.exchanger_W, 0.5 * m.exchanger_max_W, 1e-6 * m.exchanger_max_W);
  EXPECT_NEAR(f.side_loss_W, f0.side_loss_W, 1e-6 * f0.side_loss_W);
  EXPECT_DOUBLE_EQ(f0.exchanger_W, 0.0);
  EXPECT_NEAR(dy[dynamics::kWallTemperature], 0.0, 1e-9);
  for (int i : {dynamics::kBathTemperature, dynamics::kTopTemperature, dynamics::kLiningTemperature,
                dynamics::kLedge}) {
    EXPECT_NEAR(dy[i], dy0[i], 1e-9) << i;
  }
}

// The extraction is part of the heat lost: the energy balance closes while the schedule moves the
// fraction from 0.5 to 0, to 1 and back, on both integrators and with a current step.
TEST(ShellHeatExchangers, EnergyIsConservedWithExtractionChanging) {
  const std::vector<std::string> sets = {"run.duration=2d", "heat_exchangers.enabled=true",
                                         "heat_exchangers.schedule=6 h 0; 18 h 1; 30 h 0.5",
                                         "potline.current_steps=12 h 0.9; 36 h 1.0"};
  auto c = make_case(kAp40, sets);
  const auto s = line::run_simulation(c);
  EXPECT_LT(s.energy_balance_error, 1e-3);
  EXPECT_GT(s.exchanger_energy_J, 0.0);
  EXPECT_NEAR(s.exchanger_final_fraction, 0.5, 1e-12);
  auto cv = c;
  cv.integrator = line::IntegratorKind::kCvode;
  cv.duration_s = 1.5 * 86400;
  EXPECT_LT(error_of(cv), 1e-3);
}

// More extraction cools the cell and thickens the ledge; less does the opposite (open loop, no
// controller moving the ACD).
TEST(ShellHeatExchangers, ExtractionMovesTheLedge) {
  const auto ledge_after = [](const std::string& schedule) {
    auto c =
        make_case(kAp40, {"run.duration=1d", "run.controller=false", "heat_exchangers.enabled=true",
                          "heat_exchangers.schedule=" + schedule});
    return line::run_simulation(c).max_ledge_m;
  };
  const double more = ledge_after("1 h 1"), less = ledge_after("1 h 0"),
               design = ledge_after("1 h 0.5");
  EXPECT_GT(more, design + 1e-3);
  EXPECT_LE(less, design);
}

TEST(ShellHeatExchangers, ScheduleSyntax) {
  core::Diagnostics d;
  std::vector<line::HeatExchangerSettings::Step> steps;
  EXPECT_TRUE(
      line::parse_exchanger_schedule("12 h 0; 2 d 0.75", "heat_exchangers.schedule", {}, d, steps));
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_DOUBLE_EQ(steps[0].time_s, 12 * 3600.0);
  EXPECT_DOUBLE_EQ(steps[1].time_s, 2 * 86400.0);
  EXPECT_DOUBLE_EQ(steps[1].fraction, 0.75);
  steps.clear();
  EXPECT_FALSE(line::parse_exchanger_schedule("12 h 1.5; 6 h 0; 3 h 0.2; 4",
                                              "heat_exchangers.schedule", {}, d, steps));
  const std::string m = d.to_string();
  EXPECT_NE(
      m.find(
          "step 1 '12 h 1.5': the fraction of the largest extraction must be a number in [0, 1]"),
      std::string::npos)
      << m;
  EXPECT_NE(m.find("step 3 '3 h 0.2': times must be non-negative and increasing"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("step 4 '4': write 'TIME FRACTION'"), std::string::npos) << m;
}

TEST(ShellHeatExchangers, InputErrorsNameTheKeyAndTheFix) {
  const auto message = [](const std::vector<std::string>& sets) {
    try {
      make_case(kAp40, sets);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(message({"heat_exchangers.schedule=1 h 0"})
                .find("'heat_exchangers.schedule': a schedule needs the exchangers: set "
                      "heat_exchangers.enabled = true"),
            std::string::npos);
  EXPECT_NE(message({"heat_exchangers.enabled=true", "heat_exchangers.mode=automatic",
                     "heat_exchangers.schedule=1 h 0"})
                .find("sets the fraction itself: remove the schedule"),
            std::string::npos);
}

// Automatic mode: a proportional-integral rule on the ledge, clamped to [0, 1] with anti-windup.
TEST(ShellHeatExchangers, AutomaticRuleActsOnTheLedge) {
  line::HeatExchangerSettings s;
  s.mode = line::ExchangerMode::kAutomatic;
  s.ledge_gain_per_m = 30.0;
  s.integral_time_s = 0.0;
  line::ExchangerState st;
  st.fraction = 0.5;
  // 1 cm too thick: 0.5 − 30 × 0.01 = 0.2 after one control period.
  EXPECT_DOUBLE_EQ(line::exchanger_fraction(s, st, 0.5, 30.0, 30.0, 0.075, 0.065, 10.0),
                   0.5);  // not yet due
  EXPECT_NEAR(line::exchanger_fraction(s, st, 0.5, 60.0, 30.0, 0.075, 0.065, 10.0), 0.2, 1e-12);
  // 5 cm too thin: clamped at 1.
  st.since_control_s = 0;
  EXPECT_DOUBLE_EQ(line::exchanger_fraction(s, st, 0.5, 120.0, 60.0, 0.015, 0.065, 10.0), 1.0);
  // Integral action: a held 1 cm error lowers the fraction further each period until it reaches 0,
  // and the integral stops growing there.
  s.integral_time_s = 3600.0;
  line::ExchangerState pi;
  double u = 0.5;
  for (int i = 1; i <= 200; ++i)
    u = line::exchanger_fraction(s, pi, 0.5, 60.0 * i, 60.0, 0.075, 0.065, 10.0);
  EXPECT_DOUBLE_EQ(u, 0.0);
  const double wound = pi.integral_m_s;
  line::exchanger_fraction(s, pi, 0.5, 60.0 * 201, 60.0, 0.075, 0.065, 10.0);
  EXPECT_DOUBLE_EQ(pi.integral_m_s, wound);
}

// Automatic mode with a superheat floor (docs/model/dynamics.md, "Shell heat exchangers"): the
// ledge rule's fraction is capped at (superheat − floor) / margin, closed at the floor; the
// integral does not wind while the cap holds the fraction below what the ledge asks.
TEST(ShellHeatExchangers, SuperheatFloorCapsTheLedgeRule) {
  line::HeatExchangerSettings s;
  s.mode = line::ExchangerMode::kAutomatic;
  s.ledge_gain_per_m = 30.0;
  s.integral_time_s = 3600.0;
  s.superheat_floor_K = 5.0;
  s.superheat_margin_K = 1.0;
  line::ExchangerState st;
  // At the design ledge the rule asks for the design fraction 0.5; 5.25 K caps it at 0.25.
  EXPECT_NEAR(line::exchanger_fraction(s, st, 0.5, 60.0, 60.0, 0.065, 0.065, 5.25), 0.25, 1e-12);
  // Above floor + margin the cap is 1: the ledge rule alone.
  EXPECT_NEAR(line::exchanger_fraction(s, st, 0.5, 120.0, 60.0, 0.065, 0.065, 6.5), 0.5, 1e-12);
  // At or below the floor the exchangers are closed, and a thin ledge (asking for more) does not
  // wind the integral up meanwhile.
  const double before = st.integral_m_s;
  for (int i = 3; i < 100; ++i)
    EXPECT_DOUBLE_EQ(line::exchanger_fraction(s, st, 0.5, 60.0 * i, 60.0, 0.055, 0.065, 4.5), 0.0);
  EXPECT_DOUBLE_EQ(st.integral_m_s, before);
  // Off (floor 0): the same thin ledge opens them past the design fraction.
  s.superheat_floor_K = 0.0;
  line::ExchangerState off;
  EXPECT_GT(line::exchanger_fraction(s, off, 0.5, 60.0, 60.0, 0.055, 0.065, 4.5), 0.5);
}

// Automatic mode with heat_exchangers.melt_back_superheat (docs/model/dynamics.md, "Shell heat
// exchangers"): below it the integral does not melt back a ledge thicker than the design one (the
// proportional part still acts); a thin ledge still winds it, and above the bound it melts back.
TEST(ShellHeatExchangers, BelowTheMeltBackSuperheatAThickLedgeIsKept) {
  line::HeatExchangerSettings s;
  s.mode = line::ExchangerMode::kAutomatic;
  s.ledge_gain_per_m = 30.0;
  s.integral_time_s = 3600.0;
  s.melt_back_superheat_K = 6.0;
  line::ExchangerState st;
  // 1 cm too thick at 5.5 K: u = 0.5 − 30 × 0.01 = 0.2 each period, the integral held at 0.
  for (int i = 1; i < 100; ++i)
    EXPECT_NEAR(line::exchanger_fraction(s, st, 0.5, 60.0 * i, 60.0, 0.075, 0.065, 5.5), 0.2,
                1e-12);
  EXPECT_DOUBLE_EQ(st.integral_m_s, 0.0);
  // A thin ledge at the same superheat: the integral acts (more extraction, more ledge).
  line::ExchangerState thin;
  line::exchanger_fraction(s, thin, 0.5, 60.0, 60.0, 0.055, 0.065, 5.5);
  EXPECT_LT(thin.integral_m_s, 0.0);
  // At the bound the integral melts the thick ledge back: the fraction falls below 0.2.
  double u = 0.2;
  for (int i = 100; i < 200; ++i)
    u = line::exchanger_fraction(s, st, 0.5, 60.0 * i, 60.0, 0.075, 0.065, 6.0);
  EXPECT_GT(st.integral_m_s, 0.0);
  EXPECT_LT(u, 0.2);
  // Off (0): the integral acts at any superheat.
  s.melt_back_superheat_K = 0.0;
  line::ExchangerState off;
  line::exchanger_fraction(s, off, 0.5, 60.0, 60.0, 0.075, 0.065, 5.5);
  EXPECT_GT(off.integral_m_s, 0.0);
}
}  // namespace test_dynamics_exchangers

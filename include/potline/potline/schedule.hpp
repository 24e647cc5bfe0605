#pragma once
// The line current over time: constant, piecewise-constant steps, a CSV time series of amperage
// or of DC line power, and an outage (current to zero, then back). The CSV meaning is explicit:
// each row holds the instantaneous line current (or line power) that applies from its time until
// the next row's time (a step series); the time step is constant. A power series is turned into a
// current by the simulation driver, which regulates the current so that current × line voltage
// meets the power (docs/model/dynamics.md, "Power schedules").
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::line {

/// Largest DC line power a power series may ask for [W]: 10 GW, about ten times the largest
/// potlines (≈ 400 cells × 600 kA × 4.2 V ≈ 1 GW).
inline constexpr double kMaxLinePower_W = 10e9;

/// How a "TIME VALUE; TIME VALUE; ..." list names its values in messages.
struct StepListSyntax {
  std::string value_name;    ///< "FACTOR", "FRACTION"
  std::string step_example;  ///< "48 h 0.75"
  std::string list_example;  ///< "48 h 0.75; 120 h 1.0"
  std::string empty_hint;    ///< appended to the message of a list with no step ("" for none)
  /// For a value written with a unit other than % ("360 kA"): what to write instead ("" for none).
  std::function<std::string(double value, const std::string& unit)> unit_hint = nullptr;
};

/// Parses "TIME VALUE; ..." (times with a unit, default h; non-negative and increasing; a value may be
/// written in %, "24 h 90 %" = 0.9; a ',' between steps is an error that says ';'). For each
/// step, `check` gets the value (nullopt when it is not a number) and returns an error text, or ""
/// to accept it; accepted steps go to `add` (time in s, value). Errors name the step; returns
/// whether the list had none.
bool parse_step_list(const std::string& text, const std::string& key, const core::SourceLocation& where,
                     core::Diagnostics& diagnostics, const StepListSyntax& syntax,
                     const std::function<std::string(std::optional<double>)>& check,
                     const std::function<void(double, double)>& add);

class CurrentSchedule {
 public:
  struct Point {
    double time_s;
    double value;  ///< line current [A], or DC line power [W] for a power series
  };
  /// Constant nominal current; `max_A` is the rectifier's current limit (every scheduled current
  /// must stay within it; the driver holds a regulated current to it). 0: twice the nominal.
  explicit CurrentSchedule(double nominal_A = 0, double max_A = 0)
      : nominal_A_(nominal_A), max_A_(max_A > 0 ? max_A : 2.0 * nominal_A) {}

  /// Steps "T1 FACTOR1; T2 FACTOR2; ..." (times with units, factors of the nominal current),
  /// e.g. "48 h 0.75; 120 h 1.0". Errors go to `diagnostics` under `key`: a malformed step, a
  /// factor outside [0, 2], a current above max_A(), times not increasing, or text with no step.
  bool parse_steps(const std::string& text, const std::string& key, const core::SourceLocation& where,
                   core::Diagnostics& diagnostics);
  /// A CSV with header "time [UNIT],current [UNIT]" (time in s, min, h or d; current in A, kA or
  /// MA) or "time [UNIT],power [UNIT]" (DC line power in W, kW, MW or GW), strictly increasing
  /// times at a constant step starting at 0. Errors name file:line:column and the field; currents
  /// must lie in [0, max_A()], powers in [0, kMaxLinePower_W].
  bool read_csv(const std::string& path, core::Diagnostics& diagnostics);
  /// Same, from the file's text (`path` names it in messages).
  bool read_csv_text(const std::string& text, const std::string& path, core::Diagnostics& diagnostics);
  void set_outage(double start_s, double duration_s) {
    outage_start_s_ = start_s;
    outage_duration_s_ = duration_s;
  }

  double nominal_A() const { return nominal_A_; }
  /// Rectifier current limit [A].
  double max_A() const { return max_A_; }
  /// Line current at time t [A]. For a power series: the nominal current (outside outages); the
  /// driver computes the regulated current from power_at.
  double current_at(double t) const;
  /// True when the CSV gave DC line power rather than current.
  bool is_power() const { return power_; }
  /// DC line power at time t [W] (power series only; 0 during an outage).
  double power_at(double t) const;
  bool in_outage(double t) const {
    return outage_duration_s_ > 0 && t >= outage_start_s_ && t < outage_start_s_ + outage_duration_s_;
  }
  bool has_outage() const { return outage_duration_s_ > 0; }
  /// The scheduled steps or CSV rows (absolute currents or powers from each time on).
  const std::vector<Point>& points() const { return points_; }
  double outage_start_s() const { return outage_start_s_; }
  double outage_duration_s() const { return outage_duration_s_; }

 private:
  double nominal_A_;
  double max_A_;
  std::vector<Point> points_;  ///< absolute currents (or powers) from each time on (sorted)
  bool power_ = false;
  double outage_start_s_ = 0;
  double outage_duration_s_ = 0;
};

}  // namespace potline::line

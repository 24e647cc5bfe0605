#pragma once
// Grade over time in `potline simulate` (issue 14 part 3; docs/model/purity.md, "Grade over time"):
// the Fe and Si held in each cell's metal pad, fed by the purity balance per kg of metal produced
// and by events (a steel stub dipping into the bath, a cathode failure exposing the collector bar),
// and removed with the metal at each tap. The grade of each tap is the grade table's. Nothing is
// computed between taps: the pad's inputs since the last tap are added when the next one is made,
// so the tracker costs nothing per integration step and never touches the cell state.
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/random.hpp"

namespace potline::line {

/// Impurity events (docs/model/purity.md): random at a rate per pot, or one scheduled in one cell.
struct PurityEvents {
  double stub_dip_per_s = 0;  ///< rate of stub dips per pot
  double stub_dip_fe_kg = 0;  ///< Fe a dip dissolves into the bath (to the metal by fe_to_metal)
  double cathode_failure_per_s = 0;       ///< rate of cathode failures per pot
  double cathode_fe_kg_per_s = 0;         ///< Fe from the exposed collector bar after a failure
  std::optional<double> stub_dip_time_s;  ///< one scheduled dip
  int stub_dip_cell = 1;                  ///< 1-based
  std::optional<double> cathode_failure_time_s;  ///< one scheduled failure (lasts to the end)
  int cathode_failure_cell = 1;
};

/// What the tracker needs, resolved once from the case.
struct PurityTrackSettings {
  bool enabled = false;  ///< the case has a [purity] section
  double fe_kg_per_kg = 0,
         si_kg_per_kg = 0;      ///< into the metal per kg Al produced (after partition)
  double fe_to_metal = 1;       ///< of event Fe
  double other_impurities = 0;  ///< mass fraction (grade Al minimum)
  std::uint64_t seed = 1;
  PurityEvents events;
};

/// Grade names of the tapped-metal shares: the grade table, purest first, then "below_P1020".
std::vector<std::string> tapped_grade_names();
inline constexpr std::size_t kTappedGradeSlots = 6;

/// One tap of one cell.
struct TapRecord {
  double time_s = 0;
  std::uint32_t cell = 0;
  double tapped_kg = 0;
  double fe = 0, si = 0;  ///< mass fractions of the tapped metal
};

/// One cell's pad and tally.
struct PurityCell {
  bool started = false;
  double fe_kg = 0, si_kg = 0;  ///< in the pad
  double fe_start_kg = 0, si_start_kg = 0;
  double produced_kg = 0;  ///< the cell's ∫ production at the last tap
  double last_s = 0;       ///< time of the last tap
  core::Random rng;
  double next_dip_s = std::numeric_limits<double>::infinity();
  double next_failure_s = std::numeric_limits<double>::infinity();
  double failed_since_s = std::numeric_limits<double>::infinity();
  double fe_in_kg = 0, si_in_kg = 0;  ///< added since the start (balance + events)
  double tapped_kg = 0, tapped_fe_kg = 0, tapped_si_kg = 0;
  std::array<double, kTappedGradeSlots> tapped_by_grade_kg{};
  long stub_dips = 0;
  bool cathode_failed = false;
  std::vector<TapRecord> taps;
};

/// A tap of `cell` at time t: the pad's inputs since the last tap (production to `produced_kg`,
/// events), then the tapped metal's composition (the pad is well mixed). `metal_start_kg` is the
/// cell's pad at the start of the run (the pad starts at the balance's steady composition).
void purity_on_tap(const PurityTrackSettings& s, PurityCell& p, double t, std::uint32_t cell,
                   double metal_before_kg, double removed_kg, double produced_kg,
                   double metal_start_kg);

struct PuritySummary {
  bool enabled = false;
  double steady_fe = 0, steady_si = 0;  ///< the balance's metal without events
  double tapped_t = 0;
  double mean_fe = 0, mean_si = 0;  ///< of all tapped metal
  double max_fe = 0, max_si = 0;    ///< worst single tap
  std::array<double, kTappedGradeSlots>
      share_by_grade{};  ///< of the tapped metal (tapped_grade_names)
  long taps = 0, stub_dips = 0, cathode_failures = 0;
  double fe_balance_error_kg = 0;      ///< |in − tapped − pad change|, all cells (conservation)
  double other_impurities = 0;         ///< of the settings (the grade's Al minimum)
  std::vector<TapRecord> tap_records;  ///< every tap, by time then cell
};

/// The run's totals over the cells.
PuritySummary summarise_purity(const PurityTrackSettings& s,
                               const std::vector<const PurityCell*>& cells);

/// purity_taps.csv: time_h, cell (1-based), tapped_kg, fe_wt_pct, si_wt_pct, grade.
std::string purity_taps_csv(const PuritySummary& p);

}  // namespace potline::line

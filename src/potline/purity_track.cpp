// Grade over time (see purity_track.hpp): each cell's metal pad as a well-mixed tank of Fe and Si,
// filled by the purity balance per kg of metal produced and by events, emptied by the taps.
#include "potline/potline/purity_track.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "potline/core/diagnostics.hpp"
#include "potline/purity/purity.hpp"

namespace potline::line {
namespace {

// A stream of its own ("Purity" in ASCII mixed into the seed), so adding impurity events changes
// no other random draw of the run: the controller's and feeders' streams are untouched.
constexpr std::uint64_t kPurityStream = 0x5075726974790000ull;

/// The next arrival after t of a Poisson process at `rate` (none at rate 0).
double next_arrival(core::Random& rng, double t, double rate_per_s) {
  if (!(rate_per_s > 0)) return std::numeric_limits<double>::infinity();
  return t + core::quantile(core::Exponential{1.0 / rate_per_s}, rng.uniform_positive());
}

void start(const PurityTrackSettings& s, PurityCell& p, std::uint32_t cell, double metal_start_kg) {
  p.started = true;
  // The pad starts at the balance's steady composition: Fe/Al = the Fe input per kg Al.
  p.fe_kg = p.fe_start_kg = s.fe_kg_per_kg * metal_start_kg;
  p.si_kg = p.si_start_kg = s.si_kg_per_kg * metal_start_kg;
  p.rng = core::Random(core::mix64(s.seed ^ kPurityStream), cell);
  p.next_dip_s = next_arrival(p.rng, 0.0, s.events.stub_dip_per_s);
  p.next_failure_s = next_arrival(p.rng, 0.0, s.events.cathode_failure_per_s);
  const auto one_based = static_cast<int>(cell) + 1;
  if (s.events.cathode_failure_time_s && s.events.cathode_failure_cell == one_based) {
    p.next_failure_s = std::min(p.next_failure_s, *s.events.cathode_failure_time_s);
  }
}

/// Event Fe reaching the pad in (p.last_s, t].
double event_fe_kg(const PurityTrackSettings& s, PurityCell& p, double t, std::uint32_t cell) {
  const PurityEvents& e = s.events;
  double fe = 0;
  while (p.next_dip_s <= t) {
    fe += e.stub_dip_fe_kg;
    ++p.stub_dips;
    p.next_dip_s = next_arrival(p.rng, p.next_dip_s, e.stub_dip_per_s);
  }
  if (e.stub_dip_time_s && e.stub_dip_cell == static_cast<int>(cell) + 1 &&
      *e.stub_dip_time_s > p.last_s && *e.stub_dip_time_s <= t) {
    fe += e.stub_dip_fe_kg;
    ++p.stub_dips;
  }
  if (!p.cathode_failed && p.next_failure_s <= t) {
    p.cathode_failed = true;  // a failed cathode stays failed: the pot is not cut out in the run
    p.failed_since_s = p.next_failure_s;
  }
  if (p.cathode_failed) fe += e.cathode_fe_kg_per_s * (t - std::max(p.last_s, p.failed_since_s));
  return fe * s.fe_to_metal;
}

std::size_t grade_slot(double si, double fe, double others) {
  const purity::Grade* g = purity::grade_of(si, fe, others);
  if (g == nullptr) return kTappedGradeSlots - 1;
  const auto& table = purity::grade_table();
  for (std::size_t k = 0; k < table.size(); ++k)
    if (table[k].name == g->name) return k;
  return kTappedGradeSlots - 1;
}

}  // namespace

std::vector<std::string> tapped_grade_names() {
  std::vector<std::string> names = purity::grade_names();
  names.push_back("below_P1020");
  return names;
}

void purity_on_tap(const PurityTrackSettings& s, PurityCell& p, double t, std::uint32_t cell,
                   double metal_before_kg, double removed_kg, double produced_kg,
                   double metal_start_kg) {
  if (!p.started) start(s, p, cell, metal_start_kg);
  const double made = std::max(produced_kg - p.produced_kg, 0.0);
  const double fe_in = s.fe_kg_per_kg * made + event_fe_kg(s, p, t, cell);
  const double si_in = s.si_kg_per_kg * made;
  p.fe_kg += fe_in;
  p.si_kg += si_in;
  p.fe_in_kg += fe_in;
  p.si_in_kg += si_in;
  p.produced_kg = produced_kg;
  p.last_s = t;
  if (!(removed_kg > 0) || !(metal_before_kg > 0)) return;
  // Mass fractions of the pad (Al + Fe + Si); the tap takes its share of each.
  const double total = metal_before_kg + p.fe_kg + p.si_kg;
  const double fe = p.fe_kg / total, si = p.si_kg / total;
  const double share = std::min(removed_kg / metal_before_kg, 1.0);
  const double fe_out = p.fe_kg * share, si_out = p.si_kg * share;
  p.fe_kg -= fe_out;
  p.si_kg -= si_out;
  const double tapped = removed_kg + fe_out + si_out;
  p.tapped_kg += tapped;
  p.tapped_fe_kg += fe_out;
  p.tapped_si_kg += si_out;
  p.tapped_by_grade_kg[grade_slot(si, fe, s.other_impurities)] += tapped;
  p.taps.push_back({t, cell, tapped, fe, si});
}

PuritySummary summarise_purity(const PurityTrackSettings& s,
                               const std::vector<const PurityCell*>& cells) {
  PuritySummary out;
  out.enabled = s.enabled;
  out.other_impurities = s.other_impurities;
  if (!s.enabled) return out;
  const double per_kg = 1 + s.fe_kg_per_kg + s.si_kg_per_kg;
  out.steady_fe = s.fe_kg_per_kg / per_kg;
  out.steady_si = s.si_kg_per_kg / per_kg;
  double tapped = 0, fe = 0, si = 0;
  std::array<double, kTappedGradeSlots> by_grade{};
  for (const PurityCell* p : cells) {
    tapped += p->tapped_kg;
    fe += p->tapped_fe_kg;
    si += p->tapped_si_kg;
    for (std::size_t k = 0; k < kTappedGradeSlots; ++k) by_grade[k] += p->tapped_by_grade_kg[k];
    out.stub_dips += p->stub_dips;
    out.cathode_failures += p->cathode_failed ? 1 : 0;
    out.fe_balance_error_kg +=
        std::abs(p->fe_in_kg - p->tapped_fe_kg - (p->fe_kg - p->fe_start_kg));
    for (const TapRecord& r : p->taps) {
      out.max_fe = std::max(out.max_fe, r.fe);
      out.max_si = std::max(out.max_si, r.si);
      out.tap_records.push_back(r);
    }
  }
  out.taps = static_cast<long>(out.tap_records.size());
  out.tapped_t = tapped / 1e3;
  if (tapped > 0) {
    out.mean_fe = fe / tapped;
    out.mean_si = si / tapped;
    for (std::size_t k = 0; k < kTappedGradeSlots; ++k)
      out.share_by_grade[k] = by_grade[k] / tapped;
  }
  std::stable_sort(out.tap_records.begin(), out.tap_records.end(),
                   [](const TapRecord& a, const TapRecord& b) {
                     return a.time_s < b.time_s || (a.time_s == b.time_s && a.cell < b.cell);
                   });
  return out;
}

std::string purity_taps_csv(const PuritySummary& p) {
  std::ostringstream out;
  out << "time_h,cell,tapped_kg,fe_wt_pct,si_wt_pct,grade\n";
  for (const TapRecord& r : p.tap_records) {
    const purity::Grade* g = purity::grade_of(r.si, r.fe, p.other_impurities);
    out << fmt::format("{:.6g},{},{:.6g},{:.6g},{:.6g},{}\n", r.time_s / 3600.0, r.cell + 1,
                       r.tapped_kg, r.fe * 100, r.si * 100, g != nullptr ? g->name : "below_P1020");
  }
  return out.str();
}

}  // namespace potline::line

// The HPA line's feed from the smelter's own pots, purest first, and segregation's yield by normal
// freezing: docs/model/hpa.md ("Feed from the pots", "Segregation yield").
#include <fmt/format.h>

#include <algorithm>

#include "potline/core/constants.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/purity/feed.hpp"

namespace potline::plant {
namespace {

constexpr double kKgPerT = 1000.0;
// Equilibrium partition coefficients k = C_solid / C_liquid of Fe and Si in Al at the eutectic:
// Fe: max solubility in (Al) 0.03 at.% ([Kattner 1990 Al-Fe]) over the eutectic liquid's 1.7 wt% Fe
// ≈ 0.83 at.% (Dix, as cited in [AIME 1948 Fe in Al]) → 0.036; Si: max solubility 1.547 wt% over
// the eutectic's 12.49 wt% ([Ikhmayies 2019 Al-Si], Thermo-Calc; [Murray & McAlister 1984 Al-Si]
// give 1.5 and 12.2 at.%, 0.123) → 0.124.
constexpr double kPartitionFe = 0.036;
constexpr double kPartitionSi = 0.1239;

std::string t_per_year(double kg_per_s) { return fmt::format("{:.0f} t/yr", kg_per_s * kSecondsPerYear / kKgPerT); }

/// The pots: their mean metal (the purity balance) and scatter, and the requirement's limits.
struct Pots {
  purity::MetalPurity metal;
  purity::Inputs in;
  const purity::Grade* requirement = nullptr;
  purity::PotSelection select(double share) const {
    return purity::purest_pots(metal.si, in.pot_variation_si, metal.fe, in.pot_variation_fe, *requirement, share);
  }
};

/// Segregation's normal-freezing yield on the purest `share` of the pots: the largest fraction whose
/// crystals meet the product's Fe and Si limits (the tighter element decides).
double segregation_yield(const Pots& pots, const HpaInputs& h, double share) {
  const purity::PotSelection p = pots.select(share);
  const double g_fe = p.fe > 0.0 ? purity::normal_freezing_yield(kPartitionFe, h.product_fe_max / p.fe) : 1.0;
  const double g_si = p.si > 0.0 ? purity::normal_freezing_yield(kPartitionSi, h.product_si_max / p.si) : 1.0;
  return std::min(g_fe, g_si);
}

constexpr int kScanSteps = 400;  // s · g(s) need not rise monotonically with s: scan, then bisect

/// The smallest feed share s with s · g(s) ≥ target (the purest feed that gives the capacity).
std::optional<double> segregation_feed_share(const Pots& pots, const HpaInputs& h, double target) {
  double prev = 0.0;
  for (int i = 1; i <= kScanSteps; ++i) {
    const double s = static_cast<double>(i) / kScanSteps;
    if (s * segregation_yield(pots, h, s) >= target * (1.0 - 1e-12)) {  // a capacity at the scan's maximum
      double lo = prev, hi = s;
      for (int k = 0; k < 100 && hi - lo > 1e-13; ++k) {
        const double mid = 0.5 * (lo + hi);
        (mid * segregation_yield(pots, h, mid) >= target ? hi : lo) = mid;
      }
      return hi;
    }
    prev = s;
  }
  return std::nullopt;
}

/// The most HPA per unit production from feed shares up to `max_share`.
double segregation_max_output(const Pots& pots, const HpaInputs& h, double max_share) {
  double best = max_share * segregation_yield(pots, h, max_share);
  for (int i = 1; i <= kScanSteps && static_cast<double>(i) / kScanSteps < max_share; ++i) {
    const double s = static_cast<double>(i) / kScanSteps;
    best = std::max(best, s * segregation_yield(pots, h, s));
  }
  return best;
}

Pots pots_of(const HpaInputs& h, const purity::Inputs& in) {
  return {purity::metal_purity(in), in, purity::find_grade(h.feed_grade)};
}

}  // namespace

double hpa_feed_capacity(const HpaInputs& h, const purity::Inputs& in, double production) {
  const Pots pots = pots_of(h, in);
  if (pots.requirement == nullptr || !(production > 0.0)) return 0.0;
  const double meeting = pots.select(1.0).share_meeting;
  if (h.route == HpaRoute::kSegregation && !h.yield_given)
    return segregation_max_output(pots, h, meeting) * production;
  return h.yield * meeting * production;
}

std::string select_hpa_feed(HpaInputs& h, const purity::Inputs& in, double production) {
  h.feed.reset();
  const Pots pots = pots_of(h, in);
  if (pots.requirement == nullptr || !(production > 0.0)) return {};  // the schema rejected the grade
  HpaFeed f;
  f.requirement = h.feed_grade;
  f.requirement_fe = pots.requirement->fe_max;
  f.requirement_si = pots.requirement->si_max;
  f.metal_fe = pots.metal.fe;
  f.metal_si = pots.metal.si;
  f.grade_shares = pots.metal.grade_shares;
  if (h.route == HpaRoute::kSegregation && !h.yield_given) {
    f.yield_from_feed = true;
    f.product_fe_max = h.product_fe_max;
    f.product_si_max = h.product_si_max;
    const auto s = segregation_feed_share(pots, h, h.capacity_kg_per_s / production);
    if (!s) {
      return fmt::format(
          "segregation of the smelter's purest pots can make at most {} of HPA with Fe <= {:.4g} wt% and Si <= "
          "{:.4g} wt% (normal freezing, k_Fe {}, k_Si {}; the metal holds {:.4g} wt% Fe, {:.4g} wt% Si): lower "
          "hpa.capacity, purify the raw materials ([purity]), relax hpa.product_fe/hpa.product_si or give hpa.yield",
          t_per_year(segregation_max_output(pots, h, 1.0) * production), h.product_fe_max * 100,
          h.product_si_max * 100, kPartitionFe, kPartitionSi, pots.metal.fe * 100, pots.metal.si * 100);
    }
    f.feed_share = *s;
    h.yield = h.capacity_kg_per_s / (f.feed_share * production);
  } else {
    f.feed_share = h.yield > 0.0 ? h.capacity_kg_per_s / h.yield / production : 0.0;
  }
  const purity::PotSelection p = pots.select(f.feed_share);
  f.share_meeting = p.share_meeting;
  f.meeting_kg_per_s = p.share_meeting * production;
  f.fe = p.fe;
  f.si = p.si;
  if (const purity::Grade* g = purity::grade_of(p.si, p.fe, in.other_impurities)) f.grade = g->name;
  if (f.yield_from_feed) {
    f.product_fe = purity::normal_freezing_mean(kPartitionFe, h.yield) * p.fe;
    f.product_si = purity::normal_freezing_mean(kPartitionSi, h.yield) * p.si;
  }
  h.feed = f;
  const double feed = f.feed_share * production;
  if (feed <= f.meeting_kg_per_s * (1.0 + 1e-9) || feed > production * (1.0 + 1e-12)) return {};
  return fmt::format(
      "the HPA line needs {} of feed whose pots meet hpa.feed_grade = {} (Fe <= {:.4g} wt%, Si <= {:.4g} wt%), more "
      "than the pots make ({}, {:.1f} % of production, from [purity]): lower hpa.capacity to at most {}, purify the "
      "raw materials or relax hpa.feed_grade",
      t_per_year(feed), f.requirement, f.requirement_fe * 100, f.requirement_si * 100, t_per_year(f.meeting_kg_per_s),
      100 * f.share_meeting, t_per_year(hpa_feed_capacity(h, in, production)));
}

io::Json hpa_feed_json(const HpaInputs& h) {
  if (!h.feed) return nullptr;
  const HpaFeed& f = *h.feed;
  io::Json j;
  j["requirement"] = f.requirement;
  j["requirement_fe_wt"] = f.requirement_fe * 100;
  j["requirement_si_wt"] = f.requirement_si * 100;
  j["metal_fe_wt"] = f.metal_fe * 100;
  j["metal_si_wt"] = f.metal_si * 100;
  io::Json shares = io::Json::object();  // what the smelter's own pots can make, grade by grade
  for (const purity::GradeShare& g : f.grade_shares) shares[g.grade] = g.share;
  j["metal_grade_shares"] = shares;
  j["share_meeting_requirement"] = f.share_meeting;
  j["meeting_requirement_t_per_year"] = f.meeting_kg_per_s * kSecondsPerYear / kKgPerT;
  j["feed_share_of_production"] = f.feed_share;
  j["fe_wt"] = f.fe * 100;
  j["si_wt"] = f.si * 100;
  j["grade"] = f.grade ? io::Json(*f.grade) : io::Json(nullptr);
  j["yield_from_feed"] = f.yield_from_feed;
  j["product_fe_wt"] = f.yield_from_feed ? io::Json(f.product_fe * 100) : io::Json(nullptr);
  j["product_si_wt"] = f.yield_from_feed ? io::Json(f.product_si * 100) : io::Json(nullptr);
  j["product_fe_max_wt"] = f.yield_from_feed ? io::Json(f.product_fe_max * 100) : io::Json(nullptr);
  j["product_si_max_wt"] = f.yield_from_feed ? io::Json(f.product_si_max * 100) : io::Json(nullptr);
  return j;
}

}  // namespace potline::plant

#pragma once
// High-purity aluminium (HPA) upgrading beside the potlines: three-layer electrolytic refining
// (the Hoopes process) or segregation (fractional crystallisation) of primary metal, with its feed,
// yield, energy, cost, premium and margin. Equations, defaults and sources: docs/model/hpa.md.
// Units: SI inside (kg, s, J, USD).
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/purity/purity.hpp"

namespace potline::plant {

enum class HpaRoute { kThreeLayer, kSegregation };

/// The line's feed taken from the smelter's own pots, purest first, when the case has a [purity]
/// section (docs/model/hpa.md, "Feed from the pots"). Mass fractions are fractions.
struct HpaFeed {
  std::string requirement;            ///< grade name of the route's feed requirement (hpa.feed_grade)
  double requirement_fe = 0;          ///< its Fe and Si limits
  double requirement_si = 0;
  double metal_fe = 0;                ///< the potlines' mean metal (the purity balance)
  double metal_si = 0;
  std::vector<purity::GradeShare> grade_shares;  ///< share of the pots meeting each grade, purest first
  double share_meeting = 0;           ///< share of production whose pots meet the requirement
  double meeting_kg_per_s = 0;        ///< that metal: share_meeting × the potlines' production
  double feed_share = 0;              ///< feed / production (the purest pots taken)
  double fe = 0;                      ///< mean of the feed (the selected pots' metal)
  double si = 0;
  std::optional<std::string> grade;   ///< the feed's grade (purest met by its mean), none below P1020
  bool yield_from_feed = false;       ///< segregation: yield from normal freezing of this feed
  double product_fe_max = 0;          ///< segregation: the HPA's Fe and Si limits (hpa.product_fe, _si)
  double product_si_max = 0;
  double product_fe = 0;              ///< segregation: mean Fe, Si of the crystallised fraction at the yield
  double product_si = 0;
};

struct HpaInputs {
  HpaRoute route = HpaRoute::kThreeLayer;
  double capacity_kg_per_s = 0;        ///< HPA product
  double yield = 1;                    ///< HPA out per primary metal in
  double electricity_J_per_kg = 0;     ///< per kg HPA
  double conversion_usd_per_kg = 0;    ///< per kg HPA: labour, materials, capital charge (energy excluded)
  double premium_usd_per_kg = 0;       ///< HPA price over the plant's metal price (LME + regional premium)
  // The feed from the smelter's pots (cases with [purity]; docs/model/hpa.md "Feed from the pots").
  std::string feed_grade = "P1020";    ///< the grade each pot feeding the line must meet
  bool yield_given = true;             ///< false: segregation's yield follows from the feed (normal freezing)
  double product_fe_max = 0;           ///< segregation's product limits (mass fractions)
  double product_si_max = 0;
  std::optional<HpaFeed> feed;         ///< set by select_hpa_feed
};

struct HpaResult {
  double production_kg_per_s = 0;
  double feed_kg_per_s = 0;
  double feed_share_of_production = 0;   ///< feed / the potlines' production
  double electrical_load_W = 0;
  double co2_kg_per_kg = 0;              ///< electricity CO2 per kg HPA at the plant's power factor
  double metal_usd_per_kg = 0;           ///< metal cost per kg HPA (feed lost to the route valued at the metal price)
  double energy_usd_per_kg = 0;
  double cost_usd_per_kg = 0;            ///< upgrading cost: metal lost + energy + conversion (the metal sold as HPA excluded)
  double margin_usd_per_kg = 0;          ///< premium − upgrading cost
  double margin_usd_per_s = 0;           ///< per second of operation (× seconds per year = annual)
};

/// The route's lost metal: three-layer refining loses (1 − yield) of the feed (anode alloy, sludge
/// and dross); segregation returns its impure fraction to standard metal and loses nothing.
HpaResult evaluate_hpa(const HpaInputs& in, double metal_usd_per_kg, double power_usd_per_J, double power_co2_kg_per_J,
                       double primary_production_kg_per_s) noexcept;

/// The HPA line of a smelter case ([hpa] keys in c.values), or nothing without hpa.capacity.
/// Missing or inconsistent inputs are errors in `d`. With [purity] the feed comes from the
/// smelter's pots (select_hpa_feed at the potlines' production).
std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, core::Diagnostics& d);
/// The same with the pots given (the fleet's [[hpa]] raw materials with a smelter's consumptions;
/// nullptr: no pots, the feed is not linked).
std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, const purity::Inputs* pots, core::Diagnostics& d);

/// Selects the line's feed from `pots` (purity inputs with the smelter's consumptions) at the
/// potlines' production, purest pots first: sets h.feed and, when !h.yield_given, h.yield (normal
/// freezing). Returns "" or why the pots cannot feed h.capacity (the text of an input error).
std::string select_hpa_feed(HpaInputs& h, const purity::Inputs& pots, double production_kg_per_s);

/// The largest HPA capacity the pots meeting h.feed_grade can feed at that production.
double hpa_feed_capacity(const HpaInputs& h, const purity::Inputs& pots, double production_kg_per_s);

/// The feed object of the JSON outputs ("feed" of "hpa"; null without [purity]).
io::Json hpa_feed_json(const HpaInputs& h);

/// "hpa": null without an HPA line.
io::Json hpa_json(const SmelterCase& c, const SmelterResult& r);
std::string hpa_text(const SmelterCase& c, const SmelterResult& r);

}  // namespace potline::plant

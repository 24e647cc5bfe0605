// The compensation of indirect emission costs in a fleet case (indirect_cost_case.hpp).
#include "potline/fleet/indirect_cost_case.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "potline/core/constants.hpp"
#include "potline/policy/indirect_cost_compensation.hpp"

namespace potline::fleet {

namespace {
constexpr double kJoulePerMWh = constants::kJoulePerKWh * 1e3;
}  // namespace

double indirect_cost_eua_eur_per_t(const FleetCase& c, int year) {
  // The guidelines' P(t−1): the forward price for year t, set in year t−1 (Norway's price for support
  // year 2024 was fixed at the end of 2023 from ICE prices, [Miljodirektoratet CO2-kompensasjon]);
  // the path's year t−1 value stands for it.
  for (const YearPath& p : c.paths) {
    if (p.name == "eua_price" && p.region.empty() && p.covers(year - 1)) return p.at(year - 1);
  }
  return c.eua_eur_per_t;
}

void set_indirect_cost_aid(int year, FleetCase& c) {
  auto& ic = c.model.indirect_cost;
  ic.year = year;
  ic.on = c.indirect_cost == IndirectCostAid::kApproved && year != 0 && c.usd_per_eur > 0;
  ic.eua_eur_per_t = ic.on ? indirect_cost_eua_eur_per_t(c, year) : 0.0;
  for (FleetSmelter& s : c.model.smelters) {
    s.indirect_cost_aid_usd_per_J = 0;
    if (!ic.on) continue;
    const policy::IndirectCostScheme* scheme = policy::indirect_cost_scheme(s.record.country, year);
    if (scheme == nullptr) continue;
    const double usd_per_MWh = policy::indirect_cost_aid_per_MWh(
        scheme->aid_intensity, scheme->co2_factor_t_per_MWh, ic.eua_eur_per_t * c.usd_per_eur);
    s.indirect_cost_aid_usd_per_J = usd_per_MWh / kJoulePerMWh;
  }
}

std::string indirect_cost_note(const FleetCase& c) {
  const auto& ic = c.model.indirect_cost;
  if (!ic.on) return {};
  std::map<std::string, std::pair<int, double>> paid;  // country -> smelters compensated, USD/MWh
  std::set<std::string> not_read;  // countries with a scheme whose factor was not read
  for (const FleetSmelter& s : c.model.smelters) {
    const policy::IndirectCostScheme* scheme =
        policy::indirect_cost_scheme(s.record.country, ic.year);
    if (scheme == nullptr) continue;
    if (s.indirect_cost_aid_usd_per_J > 0) {
      auto& [n, usd_per_MWh] = paid[s.record.country];
      ++n;
      usd_per_MWh = s.indirect_cost_aid_usd_per_J * kJoulePerMWh;  // one factor per state
    } else {
      not_read.insert(s.record.country);
    }
  }
  if (paid.empty() && not_read.empty()) return {};
  std::string out = fmt::format(
      "indirect-cost compensation {} (EUA forward {:.0f} EUR/t):", ic.year, ic.eua_eur_per_t);
  for (const auto& [country, p] : paid)  // states separated by commas (two paying states ran together)
    out += fmt::format("{} {} {} smelter{} at {:.1f} USD/MWh of their consumption",
                       country == paid.begin()->first ? "" : ",", country, p.first,
                       p.first == 1 ? "" : "s", p.second);
  if (paid.empty()) out += " none applied";
  if (!not_read.empty()) {
    std::string list;
    for (const auto& country : not_read) list += (list.empty() ? "" : ", ") + country;
    out +=
        fmt::format("; approved schemes whose CO2 factor was not read, so not applied: {}", list);
  }
  return out;
}

}  // namespace potline::fleet

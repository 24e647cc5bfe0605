#include "potline/policy/indirect_cost_compensation.hpp"

#include <array>

namespace potline::policy {

namespace {

// The schemes of the states with a smelter in data/smelters.csv whose approval was read. The aid
// intensity is the guidelines' maximum of 75 % that each approval states. Only Germany's CO2 factor
// was read (central western Europe, 0.72 t/MWh); for the others Annex III of C(2021) 8413 was not
// read ([EU ETS State aid guidelines 2020]: searched again 2026-12-06 evening, the stored copies
// stop before the Annexes), so their factor is 0 and the scheme is reported without an aid
// (docs/validation.md, W21 and note A).
// Not listed: Iceland and Sweden (no scheme found), Slovakia, Slovenia and the Netherlands (their
// smelters are closed or curtailed in every case year; schemes not checked).
constexpr std::array kSchemes{
    IndirectCostScheme{"DEU", 2021, 2030, 0.75, 0.72, "[stromknowhow SPK 2025]"},
    IndirectCostScheme{"ROU", 2021, 2030, 0.75, 0.0,
                       "[World Energy Romania indirect costs 2022], [OUG 138/2022]"},
    // SA.103180: 75.0 %, 2021-2030, aluminium among the sectors (the Official Journal's summary).
    IndirectCostScheme{"GRC", 2021, 2030, 0.75, 0.0,
                       "[OJ 2023/C 186/01 SA.103180], [EC Greek indirect costs 2023]"},
    IndirectCostScheme{"ESP", 2021, 2030, 0.75, 0.0, "[Energy Live Spain indirect costs 2022]"},
    // Norway's scheme (ESA-approved) runs 2021–2030 ([Miljodirektoratet CO2-kompensasjon]); its aid
    // intensity was not read: the guidelines' 75 % maximum, an estimate. Factor not read.
    IndirectCostScheme{"NOR", 2021, 2030, 0.75, 0.0, "[Miljodirektoratet CO2-kompensasjon]"},
    // France's scheme for 2021–2030 ([ASP compensation carbone]); intensity not read (75 %, an
    // estimate); factor not read.
    IndirectCostScheme{"FRA", 2021, 2030, 0.75, 0.0, "[ASP compensation carbone]"},
};

}  // namespace

const IndirectCostScheme* indirect_cost_scheme(std::string_view country, int year) noexcept {
  for (const auto& s : kSchemes) {
    if (country == s.country && year >= s.first_year && year <= s.last_year) return &s;
  }
  return nullptr;
}

double indirect_cost_aid_per_MWh(double aid_intensity, double co2_factor_t_per_MWh,
                                 double eua_per_t_co2) noexcept {
  if (aid_intensity <= 0 || co2_factor_t_per_MWh <= 0 || eua_per_t_co2 <= 0) return 0.0;
  return aid_intensity * co2_factor_t_per_MWh * eua_per_t_co2;
}

double indirect_cost_aid_per_t(double aid_per_MWh, double benchmark_MWh_per_t) noexcept {
  return benchmark_MWh_per_t > 0 ? aid_per_MWh * benchmark_MWh_per_t : 0.0;
}

}  // namespace potline::policy

#pragma once
// EU Carbon Border Adjustment Mechanism for aluminium, definitive period from 2026 ([EU 2023/956];
// constants with their legal sources in data/cbam.toml). Free allocation is phased out over
// 2026–2034; the CBAM itself has no end date, so later years (to kCbamMaxYear) take the 2034 row:
// no free-allocation adjustment, certificates for the full embedded emissions.
//
// Per tonne of aluminium imported into the EU:
//   SEE        = direct specific embedded emissions [t CO2e/t] (actual, or default value × (1 +
//   mark-up)) FAA        = benchmark × CBAM factor(year) × cross-sectoral correction factor (Art.
//   31) deduction  = SEE × carbon price paid at origin / EUA price                          (Art.
//   9) certificates = max(0, SEE − FAA − deduction);  cost = certificates × certificate price
// From 2026 aluminium pays on direct emissions only (CO2 and PFCs).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::policy {

inline constexpr int kCbamFirstYear = 2026;
inline constexpr int kCbamLastYear = 2034;  ///< last year of the phase-out schedule (CBAM factor 0)
inline constexpr int kCbamYears = kCbamLastYear - kCbamFirstYear + 1;
/// Latest year accepted as a CBAM year. Not a legal end: the regulation has none; 2050, the EU's
/// climate-neutrality target year ([EU 2021/1119] Art. 2), bounds the schedule's extrapolation.
inline constexpr int kCbamMaxYear = 2050;

/// Third countries outside the CBAM's scope ([EU 2023/956] Annex III, point 1): goods from them pay
/// no CBAM (the EEA states are in the EU ETS; Switzerland's ETS is linked to it).
struct CbamExemptCountry {
  std::string country;  ///< ISO 3166-1 alpha-3
  std::string name;
  std::string reason;
  std::string source;
};

struct CbamCountryDefault {
  std::string country;  ///< ISO 3166-1 alpha-3
  std::string product;
  double direct_t_co2e_per_t = 0;
  std::string source;
  std::string
      caveat;  ///< the row's note when it is not verified against the legal text (else empty)
};

/// The CBAM schedule and constants, loaded once from data/cbam.toml.
struct CbamSchedule {
  std::array<double, kCbamYears> factor{};  ///< CBAM factor by year (share of free allocation)
  std::array<double, kCbamYears> default_markup{};  ///< mark-up on default values by year
  double benchmark_primary_t_per_t = 0;  ///< from kCbamFirstYear (CBAM's adjustment and the EU ETS)
  /// The EU ETS benchmark of 2021–2025 ([ets_benchmark_2021_2025]: 1.464 t/t, [EU 2021/447]); the
  /// EU ETS charge (eu_ets.hpp) uses it before kCbamFirstYear, with no CBAM factor.
  double ets_benchmark_2021_2025_t_per_t = 0;
  double cross_sectoral_correction = 1;
  std::vector<CbamCountryDefault> defaults;
  std::vector<CbamExemptCountry> exempt;
  std::string factor_source, benchmark_source, markup_source, cscf_basis, ets_2021_2025_source;
  /// The data file's own caveats: each table's note when `verified = false` (the CSCF's basis when
  /// it is an estimate); empty when verified. `potline cbam` prints those it uses as notes.
  std::string factor_caveat, benchmark_caveat, markup_caveat, cscf_caveat, ets_2021_2025_caveat;

  static CbamSchedule load(const std::string& path, core::Diagnostics& diagnostics);
  const CbamCountryDefault* default_for(const std::string& iso3) const;
  std::vector<std::string> default_countries() const;
  const CbamExemptCountry* exempt_for(const std::string& iso3) const;
};

/// True for kCbamFirstYear..kCbamMaxYear (2026..2050).
bool cbam_year_valid(int year) noexcept;
/// Index of `year` in the schedule's arrays: years after kCbamLastYear take its row.
int cbam_schedule_index(int year) noexcept;
/// The route label of the default-value route for an exporting country: "default (CHN)".
std::string default_route_label(const std::string& iso3);
/// The message for an exporting country that has no default value: outside the CBAM's scope
/// (Annex III: "CBAM does not apply to ...") or not in data/cbam.toml (the countries listed, and
/// a did-you-mean hint).
std::string no_default_message(const CbamSchedule& s, const std::string& iso3);

struct CbamInputs {
  int year = 2026;
  double see_direct_t_per_t = 0;   ///< direct embedded emissions (already marked up if default)
  double eua_price_eur_per_t = 0;  ///< certificate price, EUR per t CO2e
  double carbon_price_paid_eur_per_t = 0;  ///< effectively paid at origin, EUR per t CO2e embedded
  double benchmark_t_per_t = 0;
  double cbam_factor = 0;
  double cross_sectoral_correction = 1;
};

struct CbamResult {
  double see_direct_t_per_t = 0;
  double free_allocation_adjustment_t_per_t = 0;
  double origin_price_deduction_t_per_t = 0;
  double certificates_per_t = 0;
  double cost_eur_per_t = 0;
};

/// Pure formula (see the header comment). No lookup.
CbamResult cbam_cost(const CbamInputs& in) noexcept;

/// Default-value SEE for `year`: value × (1 + mark-up(year)).
double marked_up_default(double default_t_per_t, double markup) noexcept;

/// Fills factor, benchmark and CSCF of `in` from the schedule for in.year (year must be valid).
CbamInputs with_schedule(CbamInputs in, const CbamSchedule& s) noexcept;

}  // namespace potline::policy

#include "potline/policy/cbam.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "potline/core/text.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::policy {

bool cbam_year_valid(int year) noexcept {
  return year >= kCbamFirstYear && year <= kCbamMaxYear;
}

int cbam_schedule_index(int year) noexcept {
  return std::clamp(year, kCbamFirstYear, kCbamLastYear) - kCbamFirstYear;
}

std::string default_route_label(const std::string& iso3) {
  return "default (" + iso3 + ")";
}

std::string no_default_message(const CbamSchedule& s, const std::string& iso3) {
  // A country outside the CBAM's scope is not a misspelling of one with a default value: say why
  // instead of suggesting another country (NOR used to get "did you mean 'BHR'?").
  if (const CbamExemptCountry* e = s.exempt_for(iso3)) {
    return "CBAM does not apply to imports from " + iso3 + " (" + e->name + ": " + e->reason +
           "; " + e->source + "): no certificates are due and there is no default value";
  }
  std::string message = "no CBAM default value for '" + iso3 + "' in data/cbam.toml (has: ";
  const auto names = s.default_countries();
  for (std::size_t k = 0; k < names.size(); ++k) message += (k ? ", " : "") + names[k];
  message += ")";
  // ISO3 codes are upper case: `--default-country usa` found no default and suggested none.
  std::string upper = iso3;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  if (upper != iso3 && (s.default_for(upper) != nullptr || s.exempt_for(upper) != nullptr)) {
    return message + "; country codes are upper case: write '" + upper + "'";
  }
  const std::string hint = core::closest_match(iso3, names);
  if (!hint.empty()) message += "; did you mean '" + hint + "'?";
  return message;
}

double marked_up_default(double default_t_per_t, double markup) noexcept {
  return default_t_per_t * (1.0 + markup);
}

CbamResult cbam_cost(const CbamInputs& in) noexcept {
  CbamResult r;
  r.see_direct_t_per_t = in.see_direct_t_per_t;
  r.free_allocation_adjustment_t_per_t =
      in.benchmark_t_per_t * in.cbam_factor * in.cross_sectoral_correction;
  r.origin_price_deduction_t_per_t =
      in.eua_price_eur_per_t > 0.0
          ? in.see_direct_t_per_t * in.carbon_price_paid_eur_per_t / in.eua_price_eur_per_t
          : 0.0;
  r.certificates_per_t =
      std::max(0.0, in.see_direct_t_per_t - r.free_allocation_adjustment_t_per_t -
                        r.origin_price_deduction_t_per_t);
  r.cost_eur_per_t = r.certificates_per_t * in.eua_price_eur_per_t;
  return r;
}

CbamInputs with_schedule(CbamInputs in, const CbamSchedule& s) noexcept {
  const int i = cbam_schedule_index(in.year);
  in.cbam_factor = s.factor[static_cast<std::size_t>(i)];
  in.benchmark_t_per_t = s.benchmark_primary_t_per_t;
  in.cross_sectoral_correction = s.cross_sectoral_correction;
  return in;
}

const CbamCountryDefault* CbamSchedule::default_for(const std::string& iso3) const {
  for (const auto& d : defaults) {
    if (d.country == iso3) return &d;
  }
  return nullptr;
}

const CbamExemptCountry* CbamSchedule::exempt_for(const std::string& iso3) const {
  for (const auto& e : exempt) {
    if (e.country == iso3) return &e;
  }
  return nullptr;
}

std::vector<std::string> CbamSchedule::default_countries() const {
  std::vector<std::string> out;
  for (const auto& d : defaults) out.push_back(d.country);
  return out;
}

namespace {
std::string str(const toml::node_view<const toml::node>& n) {
  return n.value_or(std::string());
}

// [[exempt_country]] rows: the third countries outside the CBAM's scope.
std::vector<CbamExemptCountry> read_exempt(const toml::table& t, const std::string& path,
                                           core::Diagnostics& d) {
  std::vector<CbamExemptCountry> out;
  const auto* rows = t["exempt_country"].as_array();
  if (rows == nullptr) return out;
  for (const auto& node : *rows) {
    const auto* row = node.as_table();
    if (row == nullptr) continue;
    CbamExemptCountry e;
    e.country = (*row)["country"].value_or(std::string());
    e.name = (*row)["name"].value_or(std::string());
    e.reason = (*row)["reason"].value_or(std::string());
    e.source = (*row)["source"].value_or(std::string());
    if (e.country.size() != 3 || e.name.empty() || e.reason.empty() || e.source.empty()) {
      const auto& b = node.source().begin;
      d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "exempt_country",
              "row needs an ISO3 country, its name, the reason and the source");
      continue;
    }
    out.push_back(std::move(e));
  }
  return out;
}
/// A table's caveat: its note when `verified = false` ("not verified" without a note), else empty.
std::string caveat(toml::node_view<const toml::node> table) {
  if (table["verified"].value_or(true)) return {};
  const std::string note = table["note"].value_or(std::string());
  return note.empty() ? std::string("not verified against the legal text") : note;
}
}  // namespace

CbamSchedule CbamSchedule::load(const std::string& path, core::Diagnostics& d) {
  CbamSchedule s;
  const auto parsed = io::parse_toml_data_file(path, d);
  if (!parsed) return s;
  const toml::table& t = *parsed;
  std::array<bool, kCbamYears> have_factor{}, have_markup{};
  auto read_years = [&](const char* key, std::array<double, kCbamYears>& out,
                        std::array<bool, kCbamYears>& have) {
    if (const auto* rows = t[key].as_array()) {
      for (const auto& node : *rows) {
        const auto* row = node.as_table();
        if (row == nullptr) continue;
        const int year = static_cast<int>((*row)["year"].value_or(0));
        const double value = (*row)["value"].value_or(-1.0);
        if (year < kCbamFirstYear || year > kCbamLastYear || value < 0.0 || value > 1.0) {
          const auto& b = node.source().begin;
          d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, key,
                  "row needs a year in 2026-2034 and a value in [0, 1]");
          continue;
        }
        out[static_cast<std::size_t>(year - kCbamFirstYear)] = value;
        have[static_cast<std::size_t>(year - kCbamFirstYear)] = true;
      }
    }
    for (int y = kCbamFirstYear; y <= kCbamLastYear; ++y) {
      if (!have[static_cast<std::size_t>(y - kCbamFirstYear)]) {
        d.error({path, 0, 0}, key, "no value for year " + std::to_string(y));
      }
    }
  };
  read_years("factor", s.factor, have_factor);
  read_years("default_markup", s.default_markup, have_markup);
  s.benchmark_primary_t_per_t = t["benchmark"]["primary_aluminium_t_co2e_per_t"].value_or(-1.0);
  if (s.benchmark_primary_t_per_t < 0.0)
    d.error({path, 0, 0}, "benchmark", "missing primary_aluminium_t_co2e_per_t");
  s.ets_benchmark_2021_2025_t_per_t =
      t["ets_benchmark_2021_2025"]["primary_aluminium_t_co2e_per_t"].value_or(-1.0);
  if (s.ets_benchmark_2021_2025_t_per_t < 0.0)
    d.error({path, 0, 0}, "ets_benchmark_2021_2025", "missing primary_aluminium_t_co2e_per_t");
  s.ets_2021_2025_source = str(t["ets_benchmark_2021_2025"]["source"]);
  s.ets_2021_2025_caveat = caveat(t["ets_benchmark_2021_2025"]);
  s.cross_sectoral_correction = t["cross_sectoral_correction"]["value"].value_or(1.0);
  s.factor_source = str(t["factor_source"]["source"]);
  s.benchmark_source = str(t["benchmark"]["source"]);
  s.markup_source = str(t["default_markup_source"]["source"]);
  s.cscf_basis = str(t["cross_sectoral_correction"]["basis"]);
  s.factor_caveat = caveat(t["factor_source"]);
  s.benchmark_caveat = caveat(t["benchmark"]);
  s.markup_caveat = caveat(t["default_markup_source"]);
  if (s.cscf_basis.rfind("estimate", 0) == 0) s.cscf_caveat = s.cscf_basis;
  s.exempt = read_exempt(t, path, d);
  if (const auto* rows = t["default_value"].as_array()) {
    for (const auto& node : *rows) {
      const auto* row = node.as_table();
      if (row == nullptr) continue;
      CbamCountryDefault c;
      c.country = (*row)["country"].value_or(std::string());
      c.product = (*row)["product"].value_or(std::string());
      c.direct_t_co2e_per_t = (*row)["direct_t_co2e_per_t"].value_or(-1.0);
      c.source = (*row)["source"].value_or(std::string());
      c.caveat = caveat(toml::node_view<const toml::node>(&node));
      if (c.country.size() != 3 || c.direct_t_co2e_per_t < 0.0) {
        const auto& b = node.source().begin;
        d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "default_value",
                "row needs an ISO3 country and direct_t_co2e_per_t >= 0");
        continue;
      }
      s.defaults.push_back(std::move(c));
    }
  }
  return s;
}

}  // namespace potline::policy

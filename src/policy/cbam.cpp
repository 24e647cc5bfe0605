#include "potline/policy/cbam.hpp"

#include <toml++/toml.h>

#include <algorithm>

namespace potline::policy {

bool cbam_year_valid(int year) noexcept { return year >= kCbamFirstYear && year <= kCbamLastYear; }

double marked_up_default(double default_t_per_t, double markup) noexcept {
  return default_t_per_t * (1.0 + markup);
}

CbamResult cbam_cost(const CbamInputs& in) noexcept {
  CbamResult r;
  r.see_direct_t_per_t = in.see_direct_t_per_t;
  r.free_allocation_adjustment_t_per_t = in.benchmark_t_per_t * in.cbam_factor * in.cross_sectoral_correction;
  r.origin_price_deduction_t_per_t =
      in.eua_price_eur_per_t > 0.0 ? in.see_direct_t_per_t * in.carbon_price_paid_eur_per_t / in.eua_price_eur_per_t
                                   : 0.0;
  r.certificates_per_t = std::max(0.0, in.see_direct_t_per_t - r.free_allocation_adjustment_t_per_t -
                                           r.origin_price_deduction_t_per_t);
  r.cost_eur_per_t = r.certificates_per_t * in.eua_price_eur_per_t;
  return r;
}

CbamInputs with_schedule(CbamInputs in, const CbamSchedule& s) noexcept {
  const int i = std::clamp(in.year, kCbamFirstYear, kCbamLastYear) - kCbamFirstYear;
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

std::vector<std::string> CbamSchedule::default_countries() const {
  std::vector<std::string> out;
  for (const auto& d : defaults) out.push_back(d.country);
  return out;
}

namespace {
std::string str(const toml::node_view<const toml::node>& n) { return n.value_or(std::string()); }
}  // namespace

CbamSchedule CbamSchedule::load(const std::string& path, core::Diagnostics& d) {
  CbamSchedule s;
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "",
            "TOML syntax error in data file: " + std::string(e.description()));
    return s;
  } catch (const std::exception& e) {
    d.error({path, 0, 0}, "", std::string("cannot read data file: ") + e.what());
    return s;
  }
  const toml::table& t = doc;
  std::array<bool, kCbamYears> have_factor{}, have_markup{};
  auto read_years = [&](const char* key, std::array<double, kCbamYears>& out, std::array<bool, kCbamYears>& have) {
    if (const auto* rows = t[key].as_array()) {
      for (const auto& node : *rows) {
        const auto* row = node.as_table();
        if (row == nullptr) continue;
        const int year = static_cast<int>((*row)["year"].value_or(0));
        const double value = (*row)["value"].value_or(-1.0);
        if (!cbam_year_valid(year) || value < 0.0 || value > 1.0) {
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
  if (s.benchmark_primary_t_per_t < 0.0) d.error({path, 0, 0}, "benchmark", "missing primary_aluminium_t_co2e_per_t");
  s.cross_sectoral_correction = t["cross_sectoral_correction"]["value"].value_or(1.0);
  s.factor_source = str(t["factor_source"]["source"]);
  s.benchmark_source = str(t["benchmark"]["source"]);
  s.markup_source = str(t["default_markup_source"]["source"]);
  s.cscf_basis = str(t["cross_sectoral_correction"]["basis"]);
  if (const auto* rows = t["default_value"].as_array()) {
    for (const auto& node : *rows) {
      const auto* row = node.as_table();
      if (row == nullptr) continue;
      CbamCountryDefault c;
      c.country = (*row)["country"].value_or(std::string());
      c.product = (*row)["product"].value_or(std::string());
      c.direct_t_co2e_per_t = (*row)["direct_t_co2e_per_t"].value_or(-1.0);
      c.source = (*row)["source"].value_or(std::string());
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

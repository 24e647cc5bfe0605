#include "potline/policy/uk_ets.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "potline/io/toml_values.hpp"

namespace potline::policy {

namespace {

/// A table of values by year ({ 2024 = 36.0, ... }) into `out`; errors name the key.
void read_year_values(const toml::table* values, const std::string& path, const char* key,
                      std::map<int, double>& out, core::Diagnostics& d) {
  if (values == nullptr) {
    d.error({path, 0, 0}, key, "missing values = { YEAR = price, ... }");
    return;
  }
  for (const auto& [k, v] : *values) {
    int year = 0;
    try {
      year = std::stoi(std::string(k.str()));
    } catch (const std::exception&) {
      year = 0;
    }
    const double x = v.value_or(-1.0);
    if (year < 2000 || year > 2100 || x < 0.0) {
      const auto& b = v.source().begin;
      d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, key,
              "needs YEAR = value with a year in 2000-2100 and a value >= 0");
      continue;
    }
    out[year] = x;
  }
}

}  // namespace

UkEtsSchedule UkEtsSchedule::load(const std::string& path, core::Diagnostics& d) {
  UkEtsSchedule s;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    d.warning({path, 0, 0}, "", "no UK ETS data file: UK smelters pay no UK ETS");
    return s;
  }
  const auto parsed = io::parse_toml_data_file(path, d);
  if (!parsed) return s;
  const toml::table& t = *parsed;
  if (const auto* list = t["countries"].as_array()) {
    for (const auto& c : *list) s.countries.push_back(c.value_or(std::string()));
  }
  s.first_year = static_cast<int>(t["first_year"].value_or(2021));
  s.benchmark_t_per_t = t["benchmark"]["primary_aluminium_t_co2e_per_t"].value_or(-1.0);
  if (s.benchmark_t_per_t < 0.0)
    d.error({path, 0, 0}, "benchmark", "missing primary_aluminium_t_co2e_per_t");
  s.benchmark_source = t["benchmark"]["source"].value_or(std::string());
  if (const auto* rows = t["allocation_factor"].as_array()) {
    for (const auto& node : *rows) {
      const auto* row = node.as_table();
      const int year = row ? static_cast<int>((*row)["year"].value_or(0)) : 0;
      const double value = row ? (*row)["value"].value_or(-1.0) : -1.0;
      if (year < 2000 || value < 0.0 || value > 1.0) {
        const auto& b = node.source().begin;
        d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "allocation_factor",
                "row needs a year and a value in [0, 1]");
        continue;
      }
      s.allocation_factor[year] = value;
    }
  }
  if (s.allocation_factor.empty())
    d.error({path, 0, 0}, "allocation_factor", "no [[allocation_factor]] rows");
  s.allocation_source = t["allocation_factor_source"]["source"].value_or(std::string());
  read_year_values(t["uka_price"]["values"].as_table(), path, "uka_price", s.uka_gbp_per_t, d);
  s.price_source = t["uka_price"]["source"].value_or(std::string());
  s.usd_per_gbp = t["usd_per_gbp"]["value"].value_or(-1.0);
  if (s.usd_per_gbp <= 0.0) d.error({path, 0, 0}, "usd_per_gbp", "missing value > 0");
  s.fx_source = t["usd_per_gbp"]["source"].value_or(std::string());
  return s;
}

bool UkEtsSchedule::covers(const std::string& iso3) const {
  return std::find(countries.begin(), countries.end(), iso3) != countries.end();
}

bool UkEtsSchedule::year_charged(int year) const noexcept {
  return year >= first_year && !uka_gbp_per_t.empty() && year >= uka_gbp_per_t.begin()->first &&
         usd_per_gbp > 0.0;
}

double UkEtsSchedule::allocation_factor_in(int year) const noexcept {
  auto it = allocation_factor.upper_bound(year);
  if (it == allocation_factor.begin()) return 0.0;
  return std::prev(it)->second;
}

double UkEtsSchedule::free_allocation_t_per_t(int year) const noexcept {
  if (!year_charged(year)) return 0.0;
  return benchmark_t_per_t * allocation_factor_in(year);
}

double UkEtsSchedule::uka_usd_per_kg_co2(int year) const noexcept {
  if (!year_charged(year)) return 0.0;
  auto it = uka_gbp_per_t.upper_bound(year);  // year_charged: a row at or before `year` exists
  return std::prev(it)->second * usd_per_gbp / 1000.0;  // per t CO2 -> per kg
}

EuEtsInputs UkEtsSchedule::inputs(int year) const noexcept {
  if (!year_charged(year)) return {};
  return {true, free_allocation_t_per_t(year), uka_usd_per_kg_co2(year)};
}

double uk_ets_carbon_price_paid_eur_per_t(double uk_ets_usd_per_t_al, double see_t_per_t,
                                          double usd_per_eur) noexcept {
  if (see_t_per_t <= 0.0 || usd_per_eur <= 0.0 || uk_ets_usd_per_t_al <= 0.0) return 0.0;
  return uk_ets_usd_per_t_al / usd_per_eur / see_t_per_t;
}

}  // namespace potline::policy

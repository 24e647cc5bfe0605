// potline cbam as a library function (see flag_commands.hpp).
#include <fmt/format.h>

#include <vector>

#include "potline/api/flag_commands.hpp"
#include "potline/core/text.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::api {
namespace {

struct CbamOptions {
  int year = 2026;
  std::optional<double> direct;
  std::string country;
  std::optional<double> eua;
  double paid = 0.0;
  std::optional<double> cscf;
};

// The options through their schema (options.cpp): units, ranges, messages, defaults.
CbamOptions read_options(const OptionTexts& given) {
  core::Diagnostics d;
  const io::ValueSet v = read_schema_options(cbam_options_schema(), given, d);
  CbamOptions o;
  o.year = static_cast<int>(v.number("cbam.year"));
  o.direct = v.maybe_number("cbam.direct-t-co2e-per-t");
  o.country = v.text("cbam.default-country");
  o.eua = v.maybe_number("cbam.eua-price-eur");
  o.paid = v.number("cbam.carbon-price-paid-eur");
  o.cscf = v.maybe_number("cbam.cscf");
  const bool direct_given = given.count("cbam.direct-t-co2e-per-t") != 0;
  const bool country_given = given.count("cbam.default-country") != 0;
  if (direct_given && country_given) {
    d.error({"--direct-t-co2e-per-t", 0, 0}, "--direct-t-co2e-per-t", "give actual emissions or --default-country, not both");
  }
  if (!direct_given && !country_given) {
    d.error({"--direct-t-co2e-per-t", 0, 0}, "--direct-t-co2e-per-t", "give --direct-t-co2e-per-t E (actual, verified) or --default-country ISO3");
  }
  if (given.count("cbam.eua-price-eur") == 0) {
    d.error({"--eua-price-eur", 0, 0}, "--eua-price-eur", "required: the CBAM certificate price, EUR per t CO2e");
  }
  if (d.has_errors()) throw core::InputError(d);
  return o;
}

// The country default value, or an input error: the country is outside the CBAM's scope, or
// data/cbam.toml has no default value for it (the countries it has, and a did-you-mean hint).
double country_default(const policy::CbamSchedule& s, const std::string& country) {
  const auto* def = s.default_for(country);
  if (def != nullptr) return def->direct_t_co2e_per_t;
  core::Diagnostics d;
  d.error({"--default-country", 0, 0}, "--default-country", policy::no_default_message(s, country));
  throw core::InputError(d);
}

/// The caveats data/cbam.toml carries on the values this result used (tables with verified = false),
/// each named by its value: the free-allocation adjustment's only while it is not zero (T7-3).
std::vector<std::string> caveats(const policy::CbamSchedule& s, const policy::CbamInputs& in, const CbamOptions& o,
                                 std::size_t i) {
  std::vector<std::string> notes;
  auto add = [&](const std::string& what, const std::string& caveat) {
    if (!caveat.empty()) notes.push_back(fmt::format("{} (data/cbam.toml): {}", what, caveat));
  };
  if (in.cbam_factor > 0) {
    add(fmt::format("CBAM factor {:.4g} of {}", in.cbam_factor, o.year), s.factor_caveat);
    add(fmt::format("benchmark {:.4g} t CO2e/t", in.benchmark_t_per_t), s.benchmark_caveat);
    if (!o.cscf) add(fmt::format("cross-sectoral correction {:.4g}", in.cross_sectoral_correction), s.cscf_caveat);
  }
  if (!o.country.empty()) {
    add(fmt::format("default-value mark-up {:.0f} %", 100 * s.default_markup[i]), s.markup_caveat);
    if (const policy::CbamCountryDefault* c = s.default_for(o.country))
      add(fmt::format("default value of {} {:.4g} t CO2e/t", o.country, c->direct_t_co2e_per_t), c->caveat);
  }
  return notes;
}

}  // namespace

io::Json cbam(const OptionTexts& options, const std::string& data_dir) {
  const CbamOptions o = read_options(options);
  core::Diagnostics d;
  const policy::CbamSchedule s = policy::CbamSchedule::load(data_dir + "/cbam.toml", d);
  if (d.has_errors()) throw core::InputError(d);
  const auto i = static_cast<std::size_t>(policy::cbam_schedule_index(o.year));
  policy::CbamInputs in;
  in.year = o.year;
  in.eua_price_eur_per_t = *o.eua;
  in.carbon_price_paid_eur_per_t = o.paid;
  in = policy::with_schedule(in, s);
  if (o.cscf) in.cross_sectoral_correction = *o.cscf;
  double default_value = 0.0;
  if (!o.country.empty()) {
    default_value = country_default(s, o.country);
    in.see_direct_t_per_t = policy::marked_up_default(default_value, s.default_markup[i]);
  } else {
    in.see_direct_t_per_t = *o.direct;
  }
  const policy::CbamResult r = policy::cbam_cost(in);
  io::Json j;
  j["year"] = o.year;
  j["route"] = o.country.empty() ? "actual" : policy::default_route_label(o.country);
  j["certificates_per_t"] = r.certificates_per_t;
  j["cost_eur_per_t"] = r.cost_eur_per_t;
  j["see_direct_t_co2e_per_t"] = r.see_direct_t_per_t;
  j["free_allocation_adjustment_t_per_t"] = r.free_allocation_adjustment_t_per_t;
  j["origin_price_deduction_t_per_t"] = r.origin_price_deduction_t_per_t;
  io::Json f;
  f["cbam_factor"] = in.cbam_factor;
  f["benchmark_t_co2e_per_t"] = in.benchmark_t_per_t;
  f["cross_sectoral_correction"] = in.cross_sectoral_correction;
  f["eua_price_eur_per_t"] = in.eua_price_eur_per_t;
  f["carbon_price_paid_eur_per_t"] = in.carbon_price_paid_eur_per_t;
  if (!o.country.empty()) {
    f["default_value_t_co2e_per_t"] = default_value;
    f["default_markup"] = s.default_markup[i];
    f["default_markup_source"] = s.markup_source;
  }
  f["cbam_factor_source"] = s.factor_source;
  f["benchmark_source"] = s.benchmark_source;
  f["cross_sectoral_correction_basis"] = s.cscf_basis;
  j["factors"] = f;
  j["notes"] = caveats(s, in, o, i);
  return j;
}

}  // namespace potline::api

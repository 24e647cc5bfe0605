// potline cbam [--year Y] [--direct-t-co2e-per-t E | --default-country ISO3] [--eua-price-eur P]
//              [--carbon-price-paid-eur P] [--cscf F] [--json]
// Options are declared in cbam_options_schema() (option_schemas.cpp): numbers take units.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "commands.hpp"
#include "option_schemas.hpp"
#include "potline/core/text.hpp"
#include "potline/io/json_output.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::app {
namespace {

struct CbamOptions {
  int year = 2026;
  std::optional<double> direct;
  std::string country;
  std::optional<double> eua;
  double paid = 0.0;
  std::optional<double> cscf;
  bool json = false;
};

// The options through their schema (option_schemas.cpp): units, ranges, messages, defaults.
CbamOptions read_options(const OptionTexts& given, bool json) {
  core::Diagnostics d;
  const io::ValueSet v = read_schema_options(cbam_options_schema(), given, d);
  CbamOptions o;
  o.json = json;
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
    d.error({}, "--direct-t-co2e-per-t", "give --direct-t-co2e-per-t E (actual, verified) or --default-country ISO3");
  }
  if (given.count("cbam.eua-price-eur") == 0) {
    d.error({}, "--eua-price-eur", "required: the CBAM certificate price, EUR per t CO2e");
  }
  if (d.has_errors()) throw core::InputError(d);
  return o;
}

int run_cbam(const CbamOptions& o, const GlobalOptions& global) {
  core::Diagnostics d;
  const policy::CbamSchedule s = policy::CbamSchedule::load(data_dir(global) + "/cbam.toml", d);
  if (d.has_errors()) throw core::InputError(d);
  const int i = o.year - policy::kCbamFirstYear;
  policy::CbamInputs in;
  in.year = o.year;
  in.eua_price_eur_per_t = *o.eua;
  in.carbon_price_paid_eur_per_t = o.paid;
  in = policy::with_schedule(in, s);
  if (o.cscf) in.cross_sectoral_correction = *o.cscf;
  double default_value = 0.0;
  if (!o.country.empty()) {
    const auto* def = s.default_for(o.country);
    if (def == nullptr) {
      std::string message = "no CBAM default value for '" + o.country + "' in data/cbam.toml (has: ";
      const auto names = s.default_countries();
      for (std::size_t k = 0; k < names.size(); ++k) message += (k ? ", " : "") + names[k];
      message += ")";
      const std::string hint = core::closest_match(o.country, names);
      if (!hint.empty()) message += "; did you mean '" + hint + "'?";
      d.error({"--default-country", 0, 0}, "--default-country", message);
      throw core::InputError(d);
    }
    default_value = def->direct_t_co2e_per_t;
    in.see_direct_t_per_t = policy::marked_up_default(default_value, s.default_markup[static_cast<std::size_t>(i)]);
  } else {
    in.see_direct_t_per_t = *o.direct;
  }
  const policy::CbamResult r = policy::cbam_cost(in);
  io::Json j;
  j["year"] = o.year;
  j["route"] = o.country.empty() ? "actual" : "default:" + o.country;
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
    f["default_markup"] = s.default_markup[static_cast<std::size_t>(i)];
    f["default_markup_source"] = s.markup_source;
  }
  f["cbam_factor_source"] = s.factor_source;
  f["benchmark_source"] = s.benchmark_source;
  f["cross_sectoral_correction_basis"] = s.cscf_basis;
  j["factors"] = f;
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    io::require_finite(j);
    std::cout << fmt::format(
        "CBAM {} ({}): SEE {:.4g} t CO2e/t, free-allocation adjustment {:.4g} (benchmark {} x factor {} x CSCF {}),\n"
        "  origin-price deduction {:.4g}, certificates {:.4g} per t, cost {:.2f} EUR/t at {} EUR/t\n",
        o.year, j["route"].get<std::string>(), r.see_direct_t_per_t, r.free_allocation_adjustment_t_per_t,
        in.benchmark_t_per_t, in.cbam_factor, in.cross_sectoral_correction, r.origin_price_deduction_t_per_t,
        r.certificates_per_t, r.cost_eur_per_t, in.eua_price_eur_per_t);
  }
  return 0;
}

}  // namespace

void add_cbam_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("cbam", "EU CBAM certificates and cost per tonne of aluminium, 2026–2034");
  const auto given = add_schema_options(cmd, cbam_options_schema());
  cmd->add_flag("--json", *json, "print one JSON object on stdout");
  cmd->callback([given, json, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_cbam(read_options(*given, *json), global); });
  });
}

}  // namespace potline::app

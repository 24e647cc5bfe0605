// potline cbam [--year Y] [--direct-t-co2e-per-t E | --default-country ISO3] [--eua-price-eur P]
//              [--carbon-price-paid-eur P] [--cscf F] [--json]
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "commands.hpp"
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

int run_cbam(const CbamOptions& o, const GlobalOptions& global) {
  core::Diagnostics d;
  if (!policy::cbam_year_valid(o.year)) {
    d.error({"--year", 0, 0}, "--year",
            fmt::format("year {} is outside the CBAM schedule {}–{} (certificates are surrendered from 2026; "
                        "free allocation ends in 2034)", o.year, policy::kCbamFirstYear, policy::kCbamLastYear));
  }
  if (o.direct && !o.country.empty()) d.error({"--direct-t-co2e-per-t", 0, 0}, "--direct-t-co2e-per-t", "give actual emissions or --default-country, not both");
  if (!o.direct && o.country.empty()) d.error({}, "--direct-t-co2e-per-t", "give --direct-t-co2e-per-t E (actual, verified) or --default-country ISO3");
  if (o.direct && !(*o.direct >= 0.0 && *o.direct <= 50.0)) d.error({"--direct-t-co2e-per-t", 0, 0}, "--direct-t-co2e-per-t", fmt::format("value {} is outside the allowed range [0, 50] t CO2e/t", *o.direct));
  if (!o.eua) d.error({}, "--eua-price-eur", "required: the CBAM certificate price, EUR per t CO2e");
  if (o.eua && !(*o.eua >= 0.0)) d.error({"--eua-price-eur", 0, 0}, "--eua-price-eur", fmt::format("value {} is negative; prices must be >= 0 EUR/t", *o.eua));
  if (!(o.paid >= 0.0)) d.error({"--carbon-price-paid-eur", 0, 0}, "--carbon-price-paid-eur", fmt::format("value {} is negative; prices must be >= 0 EUR/t", o.paid));
  if (o.cscf && !(*o.cscf >= 0.0 && *o.cscf <= 1.0)) d.error({"--cscf", 0, 0}, "--cscf", "the cross-sectoral correction factor is a share in [0, 1]");
  if (d.has_errors()) throw core::InputError(d);

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
  auto o = std::make_shared<CbamOptions>();
  CLI::App* cmd = app.add_subcommand("cbam", "EU CBAM certificates and cost per tonne of aluminium, 2026–2034");
  cmd->add_option("--year", o->year, "import year 2026–2034 (default 2026)");
  cmd->add_option("--direct-t-co2e-per-t", o->direct, "actual direct embedded emissions, t CO2e/t (incl. PFC)");
  cmd->add_option("--default-country", o->country, "use the country default value (ISO3, e.g. CHN) with its mark-up");
  cmd->add_option("--eua-price-eur", o->eua, "certificate price, EUR per t CO2e");
  cmd->add_option("--carbon-price-paid-eur", o->paid, "carbon price effectively paid at origin, EUR per t CO2e (default 0)");
  cmd->add_option("--cscf", o->cscf, "cross-sectoral correction factor (default from data/cbam.toml)");
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  cmd->callback([o, &global, &exit_code]() { exit_code = run_guarded([&] { return run_cbam(*o, global); }); });
}

}  // namespace potline::app

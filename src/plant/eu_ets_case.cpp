// [eu_ets] of the smelter case: the EU ETS on a smelter in it (policy/eu_ets.hpp), the same
// inputs `potline fleet` gives its EU and EEA smelters with cbam.eu_ets = "charged" (T7-31).
#include <fmt/format.h>

#include <string>

#include "ccs_internal.hpp"
#include "potline/policy/eu_ets.hpp"

namespace potline::plant::detail {
namespace {

constexpr double kMaxEuaPrice_EUR_per_t = 1e4;  // a guard (the fleet's cbam.eua_price has the same)
constexpr const char* kEtsKeys[] = {"eu_ets.eua_price", "eu_ets.usd_per_eur", "eu_ets.benchmark",
                                    "eu_ets.free_allocation"};

}  // namespace

void add_eu_ets_fields(io::SchemaTable<SmelterCase>& t) {
  t.integer("eu_ets.year")
      .range(policy::kEuEtsFirstYear, policy::kCbamMaxYear)
      .default_note("none: no EU ETS cost")
      .source(
          "Directive 2003/87/EC Annex I (primary aluminium in the EU ETS since 2013); free "
          "allocation 2021-2025 at the benchmark of [EU 2021/447], from 2026 x the CBAM factor "
          "([EU 2023/959], data/cbam.toml)")
      .doc(
          "year of the EU ETS free allocation: 2021-2025 the benchmark of that period (1.464 t/t, "
          "no CBAM factor), from 2026 the benchmark x that year's CBAM factor (years after 2034 "
          "take 2034's factor 0), x the cross-sectoral correction (data/cbam.toml); enables the EU "
          "ETS cost in C1 for a smelter in an EU or EEA state, with or without [cbam]. Not given: "
          "no EU ETS cost");
  t.number("eu_ets.eua_price")
      .unit("EUR/t")
      .range(0.0, kMaxEuaPrice_EUR_per_t)
      .typical(50, 150)
      .default_note("required with eu_ets.year")
      .source("EU ETS allowance prices 2021–2025 about 50–100 EUR/t")
      .doc("EU ETS allowance (EUA) price per t CO2e (required with eu_ets.year)");
  t.number("eu_ets.usd_per_eur")
      .unit("USD/EUR")
      .range(0.0, 10.0)
      .exclusive_min()
      .typical(0.8, 1.6)
      .default_note("required with eu_ets.year")
      .doc("exchange rate for the EU ETS cost in USD (required with eu_ets.year)");
  t.number("eu_ets.benchmark")
      .unit("t/t", "1")
      .range(0.0, 5.0)
      .typical(1.0, 1.6)
      .default_note(
          "the primary-aluminium benchmark of data/cbam.toml for eu_ets.year (1.464 in "
          "2021-2025, 1.423 from 2026)")
      .source(
          "[EU 2023/956] Art. 31: CBAM's free-allocation adjustment is the EU ETS free allocation, "
          "so both take "
          "the one benchmark of data/cbam.toml ([EU FAA 2025])")
      .doc(
          "EU ETS product benchmark for primary aluminium, t CO2e per t: the free allocation per "
          "tonne before the "
          "CBAM factor and the cross-sectoral correction (cbam.cross_sectoral_correction)");
  t.number("eu_ets.free_allocation")
      .unit("t/t", "1")
      .range(0.0, 5.0)
      .default_note("eu_ets.benchmark x the CBAM factor of eu_ets.year x the cross-sectoral correction")
      .source("an allocation of another scheme charged the same way: the UK ETS (data/uk-ets.toml), as "
              "`potline fleet --export-smelter` writes it for a UK smelter")
      .doc("free allowances per t Al, replacing benchmark x factor x correction: for a scheme whose "
           "allocation is not the EU's (the UK ETS; eu_ets.eua_price is then its allowance price in EUR)");
}

void resolve_eu_ets(SmelterCase& c, const SmelterData& data, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const auto year = v.maybe_number("eu_ets.year");
  if (!year) {
    for (const char* key : kEtsKeys) {
      const io::Value* x = v.get(key);
      if (x != nullptr &&
          (x->origin == io::Origin::kCaseFile || x->origin == io::Origin::kCommandLine))
        d.warning(x->location, key, "is ignored: eu_ets.year is not given (no EU ETS cost)");
    }
    return;
  }
  const io::Value* at = v.get("eu_ets.year");
  auto need = [&](const char* key, const char* what) -> double {
    if (auto x = v.maybe_number(key)) return *x;
    d.error(at->location, key, std::string("required with eu_ets.year: ") + what);
    return 0.0;
  };
  const double eua = need("eu_ets.eua_price", "the EU allowance price (EUR/t CO2e)");
  const double usd_per_eur =
      need("eu_ets.usd_per_eur", "the exchange rate (USD/EUR) of the cost in USD");
  const double benchmark =
      v.maybe_number("eu_ets.benchmark")
          .value_or(policy::eu_ets_benchmark_t_per_t(static_cast<int>(*year), data.cbam));
  const double cscf = v.maybe_number("cbam.cross_sectoral_correction")
                          .value_or(data.cbam.cross_sectoral_correction);
  policy::EuEtsInputs& ets = c.inputs.eu_ets;
  ets.on = true;
  ets.free_allocation_t_per_t =
      v.maybe_number("eu_ets.free_allocation")
          .value_or(policy::eu_ets_free_allocation_t_per_t(static_cast<int>(*year), benchmark,
                                                           data.cbam.factor, cscf));
  ets.eua_usd_per_kg_co2 = eua * usd_per_eur / 1000.0;  // per t CO2e -> per kg
  c.eu_ets_year = static_cast<int>(*year);
  // A smelter in the EU ETS sells into the EU without CBAM: say so where the CBAM note stands.
  for (std::string& n : c.notes) {
    if (n.rfind("cbam.eua_price not given", 0) == 0)
      n += " (none is due on the metal of a smelter in the EU ETS)";
  }
}

}  // namespace potline::plant::detail

// Parsing a fleet case (see fleet_case.hpp). The keys, units and ranges are the schema's
// (fleet_schema.cpp); the levers are applied in fleet_levers.cpp; each smelter is built in
// fleet_smelters.cpp.
#include "potline/fleet/fleet_case.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "fleet_case_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/fleet/fleet_smelters.hpp"
#include "potline/fleet/years.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/eu_ets.hpp"
#include "potline/policy/uk_ets.hpp"
#include "file_label.hpp"

namespace potline::fleet {

namespace {

/// A supply curve's country or province must be one of the dataset's: a misspelt area would reach no
/// smelter and leave the curve silently unused (the region is checked as the curve is read).
void check_supply_curve_areas(const PowerSupplyTable& t, const std::vector<SmelterRecord>& records, core::Diagnostics& d) {
  std::vector<std::string> countries, provinces;
  for (const auto& r : records) {
    if (std::find(countries.begin(), countries.end(), r.country) == countries.end()) countries.push_back(r.country);
    if (std::find(provinces.begin(), provinces.end(), r.province) == provinces.end()) provinces.push_back(r.province);
  }
  for (const SupplyCurve& curve : t.curves) {
    const PowerArea& a = curve.area;
    if (!a.country.empty() && std::find(countries.begin(), countries.end(), a.country) == countries.end()) {
      io::report_unknown_name("country (ISO3) of the smelter dataset", a.country, countries, curve.where, "supply_curve.country", d);
    }
    if (!a.province.empty() && std::find(provinces.begin(), provinces.end(), a.province) == provinces.end()) {
      io::report_unknown_name("province of the smelter dataset", a.province, provinces, curve.where, "supply_curve.province", d);
    }
  }
}

/// fleet.restart_regions: each id must be a region of the case's region table (an error at the
/// key's line and column with the ids that exist); a list that can change nothing
/// (fleet.include_status admits no status but operating) warns.
void check_restart_regions(const FleetCase& c, const RegionTable& regions, core::Diagnostics& d) {
  for (const std::string& id : c.restart_regions) {
    if (regions.index_of(id) < 0)
      io::report_unknown_name("region", id, regions.ids(), c.restart_regions_at,
                              "fleet.restart_regions", d);
  }
  const bool restarts = std::any_of(c.include_status.begin(), c.include_status.end(),
                                    [](const std::string& s) { return s != "operating"; });
  if (!c.restart_regions.empty() && !restarts) {
    d.warning("fleet.restart_regions",
              "changes nothing: fleet.include_status admits only operating rows (add \"curtailed\" "
              "to offer the curtailed rows of these regions for restart)");
  }
}

/// With fleet.restart_regions, the dataset rows of another status than operating (in the case's
/// year) outside those regions leave the case before it is built, as include_status leaves rows out
/// (c.left_out_status says why, for --export-smelter; user trial 11, T11-3).
void restrict_restarts(FleetCase& c, std::vector<SmelterRecord>& records) {
  if (c.restart_regions.empty()) return;
  const auto& keep = c.restart_regions;
  std::erase_if(records, [&](const SmelterRecord& r) {
    const auto& in = c.include_status;  // a status include_status leaves out stays its business
    if (r.status == Status::kOperating ||
        std::find(in.begin(), in.end(), to_string(r.status)) == in.end() ||
        std::find(keep.begin(), keep.end(), r.region) != keep.end())
      return false;
    c.left_out_status[r.id] = fmt::format("{} in region {}, not one of fleet.restart_regions",
                                          to_string(r.status), r.region);
    return true;
  });
}

/// A one-year case replaces cbam.year by the scenario year (years.cpp, apply_year_carbon): an explicit
/// cbam.year that differs from fleet.year changes nothing, which the user must be told (T7-1). A path
/// of years replaces it year by year, as its docs say (examples/world-path-2035.toml), without a note.
void note_cbam_year_replaced(const FleetCase& c, int last_year, core::Diagnostics& d) {
  if (c.cbam_year == 0 || !c.cbam_year_given || last_year != c.year || c.cbam_year == c.year) return;
  const std::string effect =
      c.year < policy::kCbamFirstYear
          ? fmt::format("no CBAM before {} (the EU ETS on EU and EEA smelters is charged in every year from {}, "
                        "independent of [cbam])",
                        policy::kCbamFirstYear, policy::kEuEtsFirstYear)
          : fmt::format("the CBAM rules of {}", std::min(c.year, policy::kCbamLastYear));
  d.warning("cbam.year", fmt::format("{} is replaced by the scenario year {} (fleet.year): {}; use --set "
                                     "fleet.year={} for the CBAM of {}",
                                     c.cbam_year, c.year, effect, c.cbam_year, c.cbam_year));
}

/// A case with a year takes the EUA price of the eua_price path in every year the path covers
/// (years.cpp), for CBAM and the EU ETS: a cbam.eua_price in the case then changes nothing, which the
/// user must be told; a [cbam] case without one needs a path that covers the case's years.
void check_eua_price_against_paths(const FleetCase& c, int last_year, core::Diagnostics& d) {
  note_cbam_year_replaced(c, last_year, d);
  const auto path = std::find_if(c.paths.begin(), c.paths.end(), [&](const YearPath& p) {
    return p.name == "eua_price" && p.covers(c.year) && p.covers(last_year);
  });
  if (path == c.paths.end()) {
    // A path that misses the years is the year's error (check_path_years), not a missing price.
    const bool has_path = std::any_of(c.paths.begin(), c.paths.end(), [](const YearPath& p) { return p.name == "eua_price"; });
    if (c.cbam_year != 0 && !c.eua_price_given && !has_path) {
      d.error(core::SourceLocation{c.path, 1, 1}, "cbam.eua_price",
              fmt::format("give cbam.eua_price (EUR/t): {} has no eua_price path for {}..{}", file_label(c.paths_path),
                          c.year, last_year));
    }
    return;
  }
  if (!c.eua_price_given) return;
  const std::string prices =
      last_year == c.year ? fmt::format("{}: {:.0f} EUR/t", c.year, path->at(c.year))
                          : fmt::format("{}: {:.0f} ... {}: {:.0f} EUR/t", c.year, path->at(c.year), last_year,
                                        path->at(last_year));
  d.warning("cbam.eua_price",
            fmt::format("{:.0f} EUR/t is not used: the eua_price path of {} gives each year's price ({}); leave "
                        "cbam.eua_price out, or set fleet.paths to a file without the path",
                        c.eua_eur_per_t, file_label(c.paths_path), prices));
}

/// The files that refer to the dataset's rows (technology classes, power prices, anode effects, power
/// supply, pipeline, sanctions, paths), each checked against the rows and the region table.
void load_data_files(FleetCase& c, const plant::SmelterData& data, const RegionTable& regions,
                     std::vector<SmelterRecord>& records, core::Diagnostics& d) {
  c.technology_classes = TechnologyClasses::load(c.technology_classes_path, data.technologies.ids(), regions.ids(), d);
  std::vector<std::string> ids;
  for (const auto& r : records) ids.push_back(r.id);
  for (const auto& cls : c.technology_classes.rules) {
    for (const auto& id : cls.smelters) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) io::report_unknown_name("smelter", id, ids, cls.where, "smelters", d);
    }
  }
  c.power_prices = PowerPriceTable::load(c.power_prices_path, regions.ids(), ids, d);
  std::vector<std::string> countries;
  for (const auto& r : records) {
    if (std::find(countries.begin(), countries.end(), r.country) == countries.end()) countries.push_back(r.country);
  }
  c.anode_effects = AnodeEffectTable::load(c.anode_effects_path, regions.ids(), ids, countries, d);
  c.anode_effects.keep_china_pfc(c.china_pfc);
  c.power_supply = PowerSupplyTable::load(c.power_supply_path, regions.ids(), d);
  check_supply_curve_areas(c.power_supply, records, d);
  if (c.year == 0) return;
  // A scenario year: the pipeline's rows and year windows, the dated measures and the paths.
  c.pipeline = load_pipeline(c.pipeline_path, regions, records, d);
  c.sanctions = load_sanctions(c.sanctions_path, regions, d);
  c.paths = load_paths(c.paths_path, regions, d);
  const int last = std::max(c.year, c.last_year);
  // The years the paths cover are checked in parse_fleet_case, at the case's key (check_path_years).
  check_eua_price_against_paths(c, last, d);
  apply_pipeline(c.pipeline, records);
}

/// `rest`'s diagnostics without the references to dataset rows ("unknown smelter", country, province),
/// and a warning that they were not checked.
void append_except_dataset_references(const core::Diagnostics& rest, const std::string& dataset,
                                      core::Diagnostics& d) {
  const auto refers_to_dataset = [](const std::string& m) {
    for (const char* p : {"unknown smelter '", "unknown country '", "unknown country (ISO3) of the smelter dataset",
                          "unknown province of the smelter dataset"}) {
      if (m.rfind(p, 0) == 0) return true;
    }
    return false;
  };
  for (const core::Diagnostic& x : rest.items()) {
    if (x.severity == core::Severity::kError && refers_to_dataset(x.message)) continue;
    if (x.severity == core::Severity::kError) d.error(x.location, x.key, x.message);
    else d.warning(x.location, x.key, x.message);
  }
  d.warning(core::SourceLocation{dataset, 0, 0}, "",
            "the smelter dataset could not be read, so the other data files' references to its smelters, countries "
            "and provinces were not checked");
}

/// The case's years against the years every path covers: one error at the user's fleet.year (or
/// fleet.last_year), in the case file or --set #N, not one per path located in the data file
/// (trial 6, T6-20: a year the schema allows, 2036, gave three errors in data/fleet-paths.toml).
void check_path_years(const FleetCase& c, const CaseInput& in, core::Diagnostics& d) {
  int lo = c.year;
  int hi = std::max(c.year, c.last_year);
  bool any = false;
  for (const YearPath& p : c.paths) {
    // Published outcomes (published_*, data/fleet-paths.toml) are not inputs: they cover past years only.
    if (p.values.empty() || p.name.rfind("published_", 0) == 0) continue;
    lo = any ? std::max(lo, p.first_year) : p.first_year;
    hi = any ? std::min(hi, p.last_year()) : p.last_year();
    any = true;
  }
  if (!any) return;
  const bool first_outside = c.year < lo || c.year > hi;
  const int last = std::max(c.year, c.last_year);
  if (!first_outside && last <= hi) return;
  const std::string key = first_outside ? "fleet.year" : "fleet.last_year";
  const io::Value* v = in.scalars.get(key);
  d.error(v != nullptr ? v->location : core::SourceLocation{c.path, 1, 1}, key,
          fmt::format("{} is outside the years the paths cover ({}–{}, {}): give a year in that range, or set "
                      "fleet.paths to a file whose paths reach it",
                      first_outside ? c.year : last, lo, hi, c.paths_path));
}

/// The dataset's messages in line order, then the others as they came (T14-2: the region error of line
/// 9, checked after the rows were read, came after the errors of lines 10-15).
void append_in_line_order(const core::Diagnostics& from, const std::string& file, core::Diagnostics& d) {
  std::vector<core::Diagnostic> items = from.items();
  std::stable_sort(items.begin(), items.end(), [&](const core::Diagnostic& a, const core::Diagnostic& b) {
    const bool a_in = a.location.file == file, b_in = b.location.file == file;
    if (!a_in || !b_in) return a_in && !b_in;
    return std::pair{a.location.line, a.location.column} < std::pair{b.location.line, b.location.column};
  });
  for (const auto& x : items) {
    if (x.severity == core::Severity::kError) d.error(x.location, x.key, x.message);
    else d.warning(x.location, x.key, x.message);
  }
}

/// The dataset and region table of the case; every dataset row's region checked against the table.
void load_data(FleetCase& c, const plant::SmelterData& data, RegionTable& regions,
               std::vector<SmelterRecord>& records, core::Diagnostics& d) {
  regions = RegionTable::load(c.regions_path, d);
  // Technologies are checked against the catalogue while the rows are read (file:line:col of the
  // cell, did-you-mean), before any smelter is built.
  core::Diagnostics rows;
  records = load_smelters(c.smelters_path, rows, data.technologies.ids());
  for (const auto& r : records) {
    if (regions.index_of(r.region) < 0) io::report_unknown_name("region", r.region, regions.ids(), r.region_where, "region", rows);
  }
  append_in_line_order(rows, c.smelters_path, d);
  // A dataset that could not be read (a misnamed column: no row) gives its own error; the other files'
  // references to its smelters, countries and provinces are then not checked (they were 57 knock-on
  // "unknown smelter" errors for one column, user trial CX).
  if (records.empty() && rows.has_errors()) {
    core::Diagnostics rest;
    load_data_files(c, data, regions, records, rest);
    append_except_dataset_references(rest, c.smelters_path, d);
    return;
  }
  load_data_files(c, data, regions, records, d);
}

/// The fuel price paths of a case with a year: the file's and the case's own [[fuel_path]] rows;
/// each path must reach back to the case's first year.
void load_fuel_path_rows(const CaseInput& in, const RegionTable& regions, const std::vector<SmelterRecord>& records,
                         FleetCase& c, core::Diagnostics& d) {
  const auto it = in.arrays.find("fuel_path");
  const std::vector<TableValues> rows = it == in.arrays.end() ? std::vector<TableValues>{} : it->second;
  if (c.year == 0) {
    if (!rows.empty()) d.error(rows.front().where, rows.front().label, "[[fuel_path]] needs fleet.year: paths act on scenario years");
    return;
  }
  c.fuel_paths = load_fuel_paths(c.fuel_paths_path, rows, regions, records, c.power_prices, d);
  // A year before the paths is one error at fleet.year (check_path_years), not one more per fuel path in
  // the data file (user trial T16-16: fleet.year=2023 gave 8 errors in data/fleet-fuel-paths.toml).
  const bool year_reported = std::any_of(d.items().begin(), d.items().end(), [](const core::Diagnostic& x) {
    return x.severity == core::Severity::kError && (x.key == "fleet.year" || x.key == "fleet.last_year");
  });
  for (const FuelPath& p : c.fuel_paths.paths) {
    if (p.first_year <= c.year || year_reported) continue;
    d.error(p.where, "fuel_path.year",
            fmt::format("fuel path '{} {}' starts in {}; the case asks for {} (fleet.year)", p.fuel(), p.area(), p.first_year,
                        c.year));
  }
}

/// Per-region arrays of the case before the levers act on them. Each region's demand curve passes
/// through its reference demand at its reference price: market.reference_price if given, else the
/// region's observed price of the region table's price year, fleet.lme + its premium (the default
/// anchor), or fleet.lme alone (market.demand_anchor = "lme").
void size_per_region(const RegionTable& regions, FleetCase& c) {
  const std::size_t nr = regions.regions.size();
  c.model.lme_usd_per_kg = c.lme_usd_per_kg;
  c.model.cbam_year = c.cbam_year;
  c.shocks.power_factor.assign(nr, 1.0);
  c.shocks.power_adder_usd_per_J.assign(nr, 0.0);
  c.shocks.carbon_usd_per_kg_co2.assign(nr, 0.0);
  c.demand_factor.assign(nr, 1.0);
  const MarketDefaults& m = c.market_defaults;
  c.demand_curve.assign(nr, m.curve);
  for (std::size_t i = 0; i < nr; ++i) {
    const double premium = m.anchor == DemandAnchor::kRegionalPrice ? regions.regions[i].premium_usd_per_kg : 0.0;
    c.demand_curve[i].reference_price_usd_per_kg = m.reference_usd_per_kg.value_or(c.lme_usd_per_kg + premium);
  }
}

/// [[power_shock]]s on a country, a province or a smelter: into those smelters' own power price (so
/// the exported smelter case and every evaluation carry them), before the regional shocks.
void apply_power_targets(FleetCase& c) {
  for (const PowerTarget& t : c.power_targets) {
    for (FleetSmelter& s : c.model.smelters) {
      const SmelterRecord& r = s.record;
      const bool match = (!t.smelter.empty() && is_row_or_part(r.id, t.smelter)) || (!t.country.empty() && r.country == t.country) ||
                         (!t.province.empty() && r.province == t.province);
      if (!match) continue;
      s.base_power_usd_per_J = s.base_power_usd_per_J * t.factor + t.adder_usd_per_J;
      s.inputs.power_usd_per_J = s.base_power_usd_per_J;
    }
  }
}

/// [[added_load]]s: each supply curve's price rise at the total load added to its area reaches the
/// area's smelters whose power source buys at that market's price; a smelter on a published
/// [[contract]] (data/fleet-power.toml) keeps its contract price. Into the smelter's own power price,
/// like the targeted shocks, so the exported smelter case and every evaluation carry it.
void apply_added_loads(FleetCase& c) {
  for (const SupplyCurve& curve : c.power_supply.curves) {
    double load_W = 0;
    std::string names;
    for (const AddedLoad& a : c.added_loads) {
      if (!a.area.same_as(curve.area)) continue;
      load_W += a.load_W;
      names += (names.empty() ? "" : ", ") + fmt::format("{} {:g} GW", a.name, a.load_W / 1e9);
    }
    if (load_W <= 0) continue;
    const double rise = curve.rise_at(load_W);
    for (FleetSmelter& s : c.model.smelters) {
      const SmelterRecord& r = s.record;
      if (!curve.area.contains(r) || !curve.exposes(r.power_source) || c.power_prices.contract_of(r.id) != nullptr) continue;
      s.base_power_usd_per_J += rise;
      s.inputs.power_usd_per_J = s.base_power_usd_per_J;
      // A sourced price plus an estimated rise is partly sourced (power_prices.hpp, basis).
      if (s.power_basis == "sourced" && basis_of(curve.source) == "estimate") s.power_basis = "partly sourced";
      s.power_origin += fmt::format("; + {:.3g} USD/MWh from {:g} GW added to {} ([[added_load]] {}; supply curve '{}' of {}: {})",
                                    rise * constants::kJoulePerKWh * 1e3, load_W / 1e9, curve.area.describe(), names,
                                    curve.name, file_label(c.power_supply.path), curve.source);
    }
  }
}

/// Years or prices for which the EU ETS on EU and EEA smelters cannot be charged: before data/cbam.toml's
/// first ETS year, or without an EUA price or exchange rate (no path for the years and no [cbam] value).
/// A case without a year (no fleet.year, no cbam.year) has no ETS year: docs/model/fleet.md says so.
/// Returns whether the EU ETS is charged in every year of the case (a price and a rate for all of them).
bool note_eu_ets_gaps(const FleetCase& c, core::Diagnostics& d) {
  const int first_year = policy::kEuEtsFirstYear;
  const int year = c.year != 0 ? c.year : c.cbam_year;
  if (year == 0) return false;
  if (year < first_year) {
    d.warning("fleet.year", fmt::format("the EU ETS is not charged in {} (from {}: data/cbam.toml has no benchmark of "
                                        "the years before)",
                                        year, first_year));
  }
  const int last = std::max(year, c.last_year);
  const auto has_path = [&](const char* name) {
    return std::any_of(c.paths.begin(), c.paths.end(),
                       [&](const YearPath& p) { return p.name == name && p.covers(year) && p.covers(last); });
  };
  std::string missing;
  if (!c.eua_price_given && !has_path("eua_price")) missing = "an EUA price (cbam.eua_price, or an eua_price path)";
  if (!c.usd_per_eur_given && !has_path("usd_per_eur"))
    missing += (missing.empty() ? "" : " and ") + std::string("an exchange rate (cbam.usd_per_eur, or a usd_per_eur path)");
  if (missing.empty()) return true;
  d.warning("cbam.eu_ets", fmt::format("the EU ETS on EU and EEA smelters is not charged: no {} for {} in the case or "
                                       "{}",
                                       missing, last == year ? std::to_string(year) : fmt::format("{}..{}", year, last),
                                       file_label(c.paths_path)));
  return false;
}

/// From 2026 the EU ETS free allocation of EU and EEA smelters falls by the CBAM factor, and CBAM
/// charges the imports of the same goods: one policy ([EU 2023/956] Art. 31; docs/model/fleet.md).
/// A case with fleet.year from 2026 (or a path reaching it) without [cbam] charges the first half and
/// not the second, which the user must be told (user trial 16, T16-2): a counterfactual may want it
/// (examples/world-montecarlo.toml's scenario without CBAM), the current policy does not.
void note_eu_ets_without_cbam(const FleetCase& c, core::Diagnostics& d) {
  const int last = std::max(c.year, c.last_year);
  if (c.year == 0 || c.cbam_year != 0 || last < policy::kCbamFirstYear) return;
  const int first = std::max(c.year, policy::kCbamFirstYear);
  const std::string years = first == last ? std::to_string(first) : fmt::format("{}..{}", first, last);
  d.warning("cbam", fmt::format("no [cbam]: EU and EEA smelters pay the EU ETS of {} with the free allocation "
                                "phased down by the CBAM factor of the year{}, but imports into the EU pay no CBAM "
                                "(the two are one policy from {}, [EU 2023/956] Art. 31); add [cbam] (--set "
                                "cbam.year={}: the scenario year is each year's CBAM year) for the law, or leave it "
                                "out for a counterfactual without the border charge",
                                years, first == last ? "" : "s", policy::kCbamFirstYear, first));
}

/// The year's prices of the paths in a case with fleet.year before its smelters are built (each year's
/// case sets them again, years.cpp): the EUA price (replacing cbam.eua_price, which is warned), and the
/// exchange rate unless cbam.usd_per_eur is given.
void preset_year_prices(FleetCase& c) {
  for (const YearPath& p : c.paths) {
    if (!p.covers(c.year)) continue;
    if (p.name == "eua_price") c.eua_eur_per_t = p.at(c.year);
    if (p.name == "usd_per_eur" && !c.usd_per_eur_given) c.usd_per_eur = p.at(c.year);
  }
}

/// The EU ETS (fleet.hpp, EuEtsCharge): its schedule, which smelters are in it (the EU and EEA states
/// of data/cbam.toml, whose reason says "in the EU ETS"; Switzerland's linked ETS is not the EU's)
/// and, for a case without fleet.year, its year (cbam.year) and price; a case with fleet.year takes
/// both for each year (years.cpp, apply_year_carbon). A [[carbon_price]] on a region replaces it for
/// that region's smelters, which the user is told.
void set_eu_ets(const plant::SmelterData& data, FleetCase& c, core::Diagnostics& d) {
  EuEtsCharge& ets = c.model.eu_ets;
  // One benchmark for the ETS free allocation and CBAM's adjustment ([EU 2023/956] Art. 31; T7-3).
  const double cbam_benchmark = data.cbam.benchmark_primary_t_per_t;
  ets.benchmark_override_t_per_t = c.ets_benchmark_t_per_t;
  ets.benchmark_2021_2025_t_per_t = data.cbam.ets_benchmark_2021_2025_t_per_t;
  ets.benchmark_from_2026_t_per_t = cbam_benchmark;
  ets.cross_sectoral_correction = data.cbam.cross_sectoral_correction;
  ets.factor = data.cbam.factor;
  set_eu_ets_year(c.year != 0 ? c.year : c.cbam_year, c);
  if (c.eu_ets == EuEts::kCharged && c.ets_benchmark_t_per_t && std::abs(*c.ets_benchmark_t_per_t - cbam_benchmark) > 1e-9)
    d.warning("cbam.ets_benchmark",
              fmt::format("{:.4g} t/t differs from the benchmark {:.4g} t/t of data/cbam.toml that the importers' "
                          "free-allocation adjustment uses: EU and EEA smelters get {:+.1f} % of the allocation the "
                          "CBAM deducts ([EU 2023/956] Art. 31 ties the two)",
                          *c.ets_benchmark_t_per_t, cbam_benchmark, 100 * (*c.ets_benchmark_t_per_t / cbam_benchmark - 1)));
  std::string replaced;
  bool any_in_ets = false;
  for (FleetSmelter& s : c.model.smelters) {
    const policy::CbamExemptCountry* e = data.cbam.exempt_for(s.record.country);
    s.in_eu_ets = e != nullptr && e->reason.find("in the EU ETS") != std::string::npos;
    s.in_uk_ets = !s.in_eu_ets && c.model.uk_ets.schedule.covers(s.record.country);  // data/uk-ets.toml
    any_in_ets = any_in_ets || s.in_eu_ets;
    if (c.eu_ets != EuEts::kCharged || !s.in_eu_ets || c.shocks.carbon_usd_per_kg_co2[static_cast<std::size_t>(s.region)] <= 0)
      continue;
    const std::string& region = c.model.regions.regions[static_cast<std::size_t>(s.region)].id;
    if (replaced.find("'" + region + "'") == std::string::npos) replaced += (replaced.empty() ? "'" : ", '") + region + "'";
  }
  if (!replaced.empty())
    d.warning("cbam.eu_ets", fmt::format("the [[carbon_price]] of {} charges the scope 1 of its EU ETS smelters instead of "
                                         "the EU ETS (no free allocation); without it they pay the EUA above their free "
                                         "allocation (cbam.eu_ets)",
                                         replaced));
  if (any_in_ets && c.eu_ets == EuEts::kCharged && note_eu_ets_gaps(c, d)) note_eu_ets_without_cbam(c, d);
}

}  // namespace

FleetCase parse_fleet_case(const std::string& text, const std::string& file, const std::string& base_dir,
                           const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& d,
                           const std::vector<std::string>& sets) {
  FleetCase c;
  c.path = file;
  auto parsed = io::parse_toml(text, file, d);
  if (!parsed) throw core::InputError(d);
  CaseInput in;
  std::error_code no_throw;  // a sweep's scenario has a display name, not a file
  std::vector<std::string> chain = {std::filesystem::weakly_canonical(file, no_throw).string()};
  detail::read_with_bases(*parsed, file, base_dir, in, d, chain, 0);
  apply_case_overrides(sets, fleet_layout(), in, d);
  // A case.base that could not be read would have given values: "'fleet.lme': required" after it
  // is a follow-on error (T11-13); stop with the errors of reading.
  for (const auto& x : d.items())
    if (x.severity == core::Severity::kError && x.key == "case.base") throw core::InputError(d);
  io::fill_defaults(fleet_schema(), in.scalars);
  detail::apply_settings(in, base_dir, data_dir, c, d);
  // A data file the case names that cannot be read: its one error, not the checks of the other files
  // against it (T14-13).
  if (detail::report_unreadable_data_files(in, c, data_dir, d)) throw core::InputError(d);

  // ---- data: the names of the levers are checked against it (all errors so far stay collected)
  const std::size_t errors_before_data = d.error_count();
  RegionTable regions;
  std::vector<SmelterRecord> records;
  load_data(c, data, regions, records, d);
  // Only data files that could not be read stop here (the levers are checked against them); a year
  // outside the paths is reported with the levers' errors in the same pass (T7-21).
  const bool data_failed = d.error_count() > errors_before_data;
  if (c.year != 0) check_path_years(c, in, d);
  if (data_failed) throw core::InputError(d);
  if (c.year != 0) preset_year_prices(c);
  const std::size_t nr = regions.regions.size();
  FleetModel& model = c.model;
  size_per_region(regions, c);

  // ---- levers (arrays of tables)
  const std::size_t items_before_levers = d.items().size();
  detail::apply_levers(in, detail::LeverContext{regions, records, data, d}, c);
  check_restart_regions(c, regions, d);
  load_fuel_path_rows(in, regions, records, c, d);
  detail::name_merged_tables(in, items_before_levers, d);
  if (d.has_errors()) throw core::InputError(d);

  // ---- China's aggregates split by its technology mix (technology_classes.cpp), after the levers
  // and the pipeline have checked the dataset's ids: levers naming an aggregate reach its parts.
  c.technology_classes.split_mixed_rows(records, d);
  if (d.has_errors()) throw core::InputError(d);

  // ---- every included smelter through the smelter model's case builder (fleet_smelters.cpp)
  restrict_restarts(c, records);
  add_fleet_smelters(records, regions, data, c, d);
  check_hpa_products(c, d);  // [[hpa]] upgrading lines against each smelter's production (hpa_product.cpp)
  if (d.has_errors()) throw core::InputError(d);
  apply_power_targets(c);
  apply_added_loads(c);
  for (std::size_t i = 0; i < nr; ++i) {
    model.demand_kg_per_s += regions.regions[i].demand_kg_per_s * c.demand_factor[i];
  }
  model.regions = std::move(regions);
  c.uk_ets_path = data_dir + "/uk-ets.toml";
  model.uk_ets.schedule = policy::UkEtsSchedule::load(c.uk_ets_path, d);
  set_eu_ets(data, c, d);
  return c;
}

std::vector<std::string> data_files(const FleetCase& c) {
  std::vector<std::string> files;
  for (const std::string* f : {&c.smelters_path, &c.regions_path, &c.technology_classes_path, &c.power_prices_path,
                               &c.power_supply_path, &c.anode_effects_path, &c.pipeline_path, &c.sanctions_path,
                               &c.paths_path, &c.fuel_paths_path, &c.uk_ets_path})
    if (!f->empty() && std::find(files.begin(), files.end(), *f) == files.end()) files.push_back(*f);
  return files;
}

FleetCase load_fleet_case(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                          core::Diagnostics& d, const std::vector<std::string>& sets) {
  const auto text = io::read_text_file(path, "the fleet case", d);
  if (!text) throw core::InputError(d);
  const std::string base = std::filesystem::path(path).parent_path().string();
  return parse_fleet_case(*text, path, base.empty() ? "." : base, data_dir, data, d, sets);
}

}  // namespace potline::fleet

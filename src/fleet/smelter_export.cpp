// One fleet smelter as a smelter case file (see smelter_export.hpp).
#include "potline/fleet/smelter_export.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "potline/core/constants.hpp"
#include "potline/core/units.hpp"
#include "potline/fleet/fleet_smelters.hpp"
#include "potline/fleet/years.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/year_series.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::fleet {
namespace {

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

/// The value as the smelter case file writes it: a number in the field's unit to 15 significant
/// digits (the unit round trip's last-bit noise hidden; 5e-16 relative at most), or a quoted string;
/// `unit` gets the unit for the comment.
std::string toml_value(const std::string& key, const io::Value& v, std::string& unit) {
  const io::FieldSpec* f = plant::smelter_schema().find(key);
  std::string year;
  const io::FieldSpec* series = f == nullptr ? plant::smelter_schema().find_series(key, year) : nullptr;
  const io::FieldSpec one_year = series != nullptr ? io::year_field(*series, std::stoi(year)) : io::FieldSpec{};
  if (series != nullptr) f = &one_year;  // "eua_price_by_year.2030 = 130.0", a number of the series' unit
  if (f == nullptr || f->type == io::FieldType::kString || f->type == io::FieldType::kChoice) return toml_string(v.text);
  if (f->type == io::FieldType::kInteger) return fmt::format("{}", static_cast<long long>(v.number));
  double shown = v.number;
  if (!f->unit.empty() && f->unit != f->internal_unit) {
    const core::QuantityParse q = core::convert(v.number, f->internal_unit, f->unit, f->temperature_kind);
    if (q.ok()) shown = q.value;
  }
  if (!f->unit.empty() && f->unit != "1") unit = f->unit;
  std::string text = fmt::format("{:.15g}", shown);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";  // a float, as the field is
  return text;
}

const FleetSmelter* find_smelter(const FleetCase& c, const std::string& id, core::Diagnostics& d) {
  std::vector<std::string> ids, parts;
  for (const FleetSmelter& s : c.model.smelters) {
    if (s.record.id == id) return &s;
    ids.push_back(s.record.id);
    if (is_row_or_part(s.record.id, id)) parts.push_back(s.record.id);
  }
  const core::SourceLocation option{"--export-smelter", 0, 0};  // the messages' place, as for other options
  if (!parts.empty()) {  // an aggregate split by its technology mix: one smelter case per part
    d.error(option, "--export-smelter",
            fmt::format("'{}' is split by its technology class's mix into {}: export one of them", id, fmt::join(parts, ", ")));
    throw core::InputError(d);
  }
  // A dataset row the case leaves out is not unknown: say why it is not there (T7-34); one error.
  if (const auto it = c.left_out_status.find(id); it != c.left_out_status.end()) {
    if (it->second.find("fleet.restart_regions") != std::string::npos) {  // fleet_case.cpp, T11-3
      d.error(
          option, "--export-smelter",
          fmt::format(
              "'{}' is in the smelter dataset ({}) with status {}{}: {} offers only the "
              "rows of those regions for restart (fleet.restart_regions = {}), so it is not run",
              id, c.smelters_path, it->second,
              c.year != 0 ? fmt::format(" in {}", c.year) : std::string(), c.path,
              fmt::join(c.restart_regions, ", ")));
      throw core::InputError(d);
    }
    d.error(option, "--export-smelter",
            fmt::format("'{}' is in the smelter dataset ({}) with status {}{}, and {} includes "
                        "only the smelters with "
                        "status {} (fleet.include_status), so it is not run; --set "
                        "fleet.include_status={},{} runs "
                        "every smelter with that status too",
                        id, c.smelters_path, it->second,
                        c.year != 0 ? fmt::format(" in {}", c.year) : std::string(), c.path,
                        fmt::join(c.include_status, ", "), fmt::join(c.include_status, ","),
                        it->second));
    throw core::InputError(d);
  }
  std::vector<std::string> dataset_ids = ids;
  for (const auto& [left_out, status] : c.left_out_status) dataset_ids.push_back(left_out);
  io::report_unknown_name("smelter", id, dataset_ids, option, "--export-smelter", d);
  throw core::InputError(d);
}

/// The power price the fleet evaluates the smelter at: its own (with the case's targeted
/// [[power_shock]]s and [[added_load]]s, fleet_case.cpp), then its region's power shock.
void apply_power_shock(const FleetCase& c, const FleetSmelter& s, SmelterCaseValues& v) {
  const auto r = static_cast<std::size_t>(s.region);
  const double factor = c.shocks.power_factor[r], adder = c.shocks.power_adder_usd_per_J[r];
  io::Value power = *v.values.get("prices.power");
  if (power.number != s.base_power_usd_per_J) {
    // The case's levers on this smelter's own price (the origin names an added load's curve).
    v.source["prices.power"] = fmt::format(
        "{}; basis: {}; {:.4g} USD/MWh before the levers of fleet case {} on this smelter's own price ([[power_shock]] "
        "on it, its country or province; [[added_load]])",
        s.power_origin, s.power_basis, power.number * constants::kJoulePerKWh * 1e3, c.path);
  }
  power.number = s.base_power_usd_per_J;
  if (factor != 1.0 || adder != 0.0) {
    power.number = s.base_power_usd_per_J * factor + adder;
    v.source["prices.power"] += fmt::format(" x [[power_shock]] factor {} + adder {} USD/MWh (fleet case {})", factor,
                                            adder * constants::kJoulePerKWh * 1e3, c.path);
  }
  if (s.indirect_cost_aid_usd_per_J > 0) {
    // The compensation of indirect emission costs the fleet deducts from its C1
    // (indirect_cost_case.hpp), paid on its AC consumption: as a lower power price, so `potline
    // smelter` gives the same C1.
    power.number -= s.indirect_cost_aid_usd_per_J;
    v.source["prices.power"] += fmt::format(" - the compensation of indirect emission costs, {:.4g} USD/MWh (fleet "
                                            "case {}, fleet.indirect_cost_compensation = \"approved\", {} {})",
                                            s.indirect_cost_aid_usd_per_J * constants::kJoulePerKWh * 1e3, c.path,
                                            s.record.country, c.model.indirect_cost.year);
  }
  v.values.set("prices.power", power);
}

/// A dated curtailment or restart (data/fleet-pipeline.toml) sets the capacity the fleet runs in the
/// case's year; the dataset row's nameplate spread the labour over idle capacity (Mount Holly in
/// world-2024.toml: 172.5 of 230 kt/yr, so `potline smelter` on the export gave C1 74 USD/t below the fleet's).
void apply_capacity_in_force(const FleetCase& c, const FleetSmelter& s, SmelterCaseValues& v) {
  if (s.inputs.capacity_kg_per_s == s.record.capacity_kg_per_s) return;
  io::Value capacity = *v.values.get("plant.capacity");
  capacity.number = s.inputs.capacity_kg_per_s;
  v.values.set("plant.capacity", capacity);
  v.source["plant.capacity"] = fmt::format(
      "capacity in force in {} after the dated curtailments and restarts of {}, or a new smelter's ramp "
      "(fleet.greenfield_ramp) (the mean of the year, as `potline fleet` runs it); the row (the dataset's or the "
      "project's) gives {:.1f} kt/yr",
      c.year, "data/fleet-pipeline.toml", s.record.capacity_kg_per_s * constants::kSecondsPerYear / 1e6);
  if (v.employees_estimated) {
    io::Value employees = *v.values.get("labour.employees");
    employees.number = std::round(s.inputs.employees);
    v.values.set("labour.employees", employees);
    v.source["labour.employees"] += " (scaled to the capacity in force)";
  }
}

/// The EU ETS of a smelter in it, as fleet::evaluate charges it (eu_ets_inputs): the case's year
/// (its free allocation), EUA price and exchange rate, and cbam.ets_benchmark when the case sets it.
/// A smelter in the UK ETS gets the same [eu_ets] keys with the UK's allowance price (in EUR) and free
/// allocation (eu_ets.free_allocation), and the UK ETS it pays as CBAM's carbon price paid (Art. 9).
void apply_eu_ets(const FleetCase& c, const FleetSmelter& s, SmelterCaseValues& v) {
  const policy::EuEtsInputs ets = eu_ets_inputs(c.model, s, c.shocks);
  if (!ets.on) return;
  auto put = [&](const std::string& key, double internal, std::string source) {
    io::Value x;
    x.number = internal;
    x.origin = io::Origin::kCaseFile;
    v.values.set(key, x);
    v.source[key] = std::move(source);
  };
  if (s.in_uk_ets) {
    const std::string why = fmt::format("fleet case {}, cbam.eu_ets = \"charged\" ({}: in the UK ETS, data/uk-ets.toml; "
                                        "the EU ETS's function with the UK's inputs)", c.path, s.record.country);
    put("eu_ets.year", c.model.uk_ets.year, fmt::format("the scenario year of {}", why));
    put("eu_ets.eua_price", ets.eua_usd_per_kg_co2 * 1000.0 / c.usd_per_eur,
        fmt::format("the UKA price of the year in EUR (UKA x USD/GBP / USD/EUR) of {}", why));
    put("eu_ets.usd_per_eur", c.usd_per_eur, fmt::format("the exchange rate of {}", why));
    put("eu_ets.free_allocation", ets.free_allocation_t_per_t,
        fmt::format("the UK benchmark x allocation factor of the year of {}", why));
    std::vector<SmelterEconomics> e;
    evaluate(c.model, c.shocks, e);
    const auto i = static_cast<std::size_t>(&s - c.model.smelters.data());
    if (v.values.get("cbam.eua_price") != nullptr && e[i].cbam_carbon_price_paid_eur_per_t > 0)
      put("cbam.carbon_price_paid", e[i].cbam_carbon_price_paid_eur_per_t,
          fmt::format("the UK ETS paid per t CO2e of the metal's embedded emissions ([EU 2023/956] Art. 9) of {}", why));
    return;
  }
  const std::string why = fmt::format("fleet case {}, cbam.eu_ets = \"charged\" ({}: {})", c.path, s.record.country,
                                      "in the EU ETS, data/cbam.toml");
  put("eu_ets.year", c.model.eu_ets.year, fmt::format("the scenario year (fleet.year, else cbam.year) of {}", why));
  put("eu_ets.eua_price", c.eua_eur_per_t, fmt::format("the EUA price (cbam.eua_price or the eua_price path) of {}", why));
  put("eu_ets.usd_per_eur", c.usd_per_eur,
      fmt::format("the exchange rate (cbam.usd_per_eur or the usd_per_eur path) of {}", why));
  if (c.ets_benchmark_t_per_t)
    put("eu_ets.benchmark", *c.ets_benchmark_t_per_t, fmt::format("cbam.ets_benchmark of {}", why));
}

/// The EUA price of each year of the CBAM schedule from the case's eua_price path (user trial 17,
/// T17-10): `potline smelter` on the file then gives the fleet's CBAM of every schedule year the path
/// covers, not only the case's year at one price. A case year after the schedule's last (2035) is
/// evaluated with the last year's rules at its own EUA (years.cpp), so that entry takes the case
/// year's price, as the fleet's CBAM does.
void apply_eua_by_year(const FleetCase& c, SmelterCaseValues& v) {
  if (c.year == 0 || v.values.get("cbam.eua_price") == nullptr) return;
  const auto path = std::find_if(c.paths.begin(), c.paths.end(),
                                 [&](const YearPath& p) { return p.name == "eua_price" && p.covers(c.year); });
  if (path == c.paths.end()) return;
  const std::string where = path->where.file.empty() ? c.paths_path : path->where.to_string();
  for (int y = policy::kCbamFirstYear; y <= policy::kCbamLastYear; ++y) {
    const int from = y == policy::kCbamLastYear && c.year > y ? c.year : y;
    if (!path->covers(from)) continue;
    io::Value x;
    x.number = path->at(from);
    x.origin = io::Origin::kCaseFile;
    const std::string key = io::year_key("cbam.eua_price_by_year", y);
    v.values.set(key, x);
    v.source[key] = from == y ? fmt::format("EUA price path of {}, year {}", where, y)
                              : fmt::format("EUA price path of {}, year {}: the case's year, after the CBAM schedule's "
                                            "last, takes {}'s CBAM rules at its own EUA, as the fleet does",
                                            where, from, y);
  }
}

/// The current the smelter's cells are evaluated at, said where the case names them: `potline
/// smelter` on the file decides it with the same function (plant::cell_current) as the fleet did
/// for its SEC and its flexible-capacity envelope.
void note_cell_current(const FleetSmelter& s, SmelterCaseValues& v) {
  if (!s.cell_current) return;
  const std::string key = v.values.get("potline.line_current") != nullptr ? "potline.line_current" : "potline.technology";
  if (v.values.get(key) == nullptr) return;
  v.source[key] += fmt::format("; the cell model evaluates {} at {:.4g} kA ({}), as the fleet does for its SEC and "
                               "flexible capacity",
                               s.technology, s.cell_current->line_current_A / 1e3, s.cell_current->text);
}

std::string header(const FleetCase& c, const FleetSmelter& s) {
  std::ostringstream out;
  out << "# Smelter case of '" << s.record.id << "' (" << s.record.name << ") as `potline fleet` evaluates it:\n"
      << "# written by `potline fleet " << c.path << " --export-smelter " << s.record.id << "`.\n"
      << "# Every input the fleet gives the smelter is below with where it came from; every other input takes\n"
      << "# the smelter model's default, as in the fleet. `potline smelter` on this file gives the fleet's\n"
      << "# C1, SEC, emissions and CBAM for this smelter. Not its margin: `potline smelter` takes the LME plus\n"
      << "# the region's premium (prices.regional_premium: a published benchmark or an estimate, as its comment\n"
      << "# says), the fleet the smelter's netback: the best price its metal fetches in the market less\n"
      << "# freight and tariff (cost_curve.csv margin_usd_per_t, netback_usd_per_t and netback_region).\n";
  if (c.year != 0) {
    out << fmt::format("# Scenario year {} (fleet.year, or a path's fleet.last_year): that year's smelters, EUA price,\n"
                       "# EU ETS free allocation and CBAM year; cbam.eua_price_by_year gives the CBAM schedule's other\n"
                       "# years the EUA of the path (the exchange rate stays the scenario year's).\n", c.year);
  }
  const double carbon = c.shocks.carbon_usd_per_kg_co2[static_cast<std::size_t>(s.region)];
  if (carbon != 0.0) {
    out << fmt::format("# Not a smelter-case input: the fleet case's [[carbon_price]] of {} USD/t CO2 in region '{}' adds\n"
                       "# {} USD/t CO2 x scope 1 emissions to this smelter's C1 in the fleet (cost_curve.csv column\n"
                       "# domestic_carbon_usd_per_t); `potline smelter` reports C1 without it.\n",
                       carbon * 1e3, s.record.region, carbon * 1e3);
  }
  if (s.in_uk_ets && eu_ets_inputs(c.model, s, c.shocks).on) {
    const policy::EuEtsInputs uk = eu_ets_inputs(c.model, s, c.shocks);
    out << fmt::format("# UK ETS (written as [eu_ets]: the same function): the UKA of {:.1f} USD/t CO2 x (direct emissions -\n"
                       "# the UK free allocation of {:.4g} t/t) is in C1 here as in the fleet (cost_curve.csv uk_ets_usd_per_t).\n",
                       uk.eua_usd_per_kg_co2 * 1e3, uk.free_allocation_t_per_t);
  } else if (eu_ets_inputs(c.model, s, c.shocks).on) {
    out << fmt::format("# EU ETS ([eu_ets], cbam.eu_ets = \"charged\"): the EUA of {:.1f} USD/t CO2 x (direct emissions -\n"
                       "# the free allocation of {:.4g} t/t) is in C1 here as in the fleet (cost_curve.csv eu_ets_usd_per_t).\n",
                       c.model.eu_ets.eua_usd_per_kg_co2 * 1e3, c.model.eu_ets.free_allocation_t_per_t(c.model.eu_ets.year));
  }
  return out.str();
}

}  // namespace

std::string smelter_case_toml(const FleetCase& base, const std::string& id, const plant::SmelterData& data,
                              core::Diagnostics& d) {
  // A scenario year (or path) exports the smelter of that year (of the path's last year): the
  // pipeline's smelters, the year's EUA price and CBAM year, as `potline fleet` evaluates them.
  const FleetCase c = base.year == 0 ? base : case_for_year(base, std::max(base.year, base.last_year), nullptr);
  const FleetSmelter& s = *find_smelter(c, id, d);
  auto values = smelter_case_values(s.record, c.model.regions, c, data, d);
  if (!values) throw core::InputError(d);
  apply_power_shock(c, s, *values);
  apply_capacity_in_force(c, s, *values);
  apply_eu_ets(c, s, *values);
  apply_eua_by_year(c, *values);
  note_cell_current(s, *values);
  std::ostringstream out;
  out << header(c, s) << "\n[case]\ntitle = " << toml_string(s.record.name + " (from fleet case " + c.title + ")")
      << "\n";
  std::string section = "case";
  for (const auto& [key, value] : values->values.all()) {
    const auto dot = key.find('.');
    const std::string table = key.substr(0, dot), leaf = key.substr(dot + 1);
    if (table != section) {
      out << "\n[" << table << "]\n";
      section = table;
    }
    std::string unit;
    const std::string text = toml_value(key, value, unit);
    out << leaf << " = " << text << "  # " << (unit.empty() ? "" : unit + "; ") << values->source.at(key) << "\n";
  }
  return out.str();
}

}  // namespace potline::fleet

// Building one group of potlines of a smelter case: the fields bound in the schema table are set
// by binding; the rest (technology through the cell model, alternatives, CBAM) are resolved here,
// one function per part, collecting every error; the emission inputs (default PFC method, anodes,
// PFC, fuels and power) in smelter_pfc_default.cpp and smelter_emission_inputs.cpp.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/year_series.hpp"
#include "potline/plant/cell_current.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/core/constants.hpp"
#include "ccs_internal.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant {

namespace detail {
namespace {

/// What the cell model gives for potline.technology (nothing without a technology).
struct CellPoint {
  std::optional<double> sec_J_per_kg, current_efficiency, line_current_A;
  std::string origin;  ///< the operating point the cell model was run at (for sec_origin)
  std::optional<CellCurrent> current;  ///< the current the cell is evaluated at, and why
  std::vector<std::string> caveats;  ///< of the technology's own data (cell::catalogue_caveats)
};

/// The calibrated cell of potline.technology, run at the current plant::cell_current decides for the
/// case's potline.line_current: its own current at the ACD the pot control settles at there, a
/// working cell (outside the safe window with a warning); where the calibrated cell is no working
/// cell, an error, unless potline.sec_ac and potline.current_efficiency describe the line's modified
/// cells (docs/model/fleet.md, "SEC at each smelter's operating point"; user trial T18-5).
CellPoint evaluate_technology(SmelterCase& c, const SmelterData& data, const Reader& r) {
  CellPoint p;
  c.technology = r.v.text("potline.technology");
  if (c.technology.empty()) return p;
  const cell::Technology* tech = data.technologies.find(c.technology);
  if (tech == nullptr) return p;  // reported by report_unknown_names
  core::Diagnostics cell_diag;
  if (auto tc = cell::technology_case(*tech, data.technologies, cell_diag)) {
    const CellCurrent current = cell_current(*tech, *tc, r.opt("potline.line_current"));
    const std::string what = "technology '" + tech->id + "': " + current.text;
    c.technology = tech->id;
    if (current.basis == CellCurrentBasis::kNoWorkingState) {
      // With the error the case gives no output; the published point (current.op) is still
      // evaluated below so that no second error follows from a missing SEC or CE.
      const bool described = r.opt("potline.sec_ac") && r.opt("potline.current_efficiency");
      if (!described) r.d.error(r.at("potline.line_current"), "potline.line_current", what);
      if (described) {
        r.d.warning(r.at("potline.line_current"), "potline.line_current",
                    what + "; the potline.sec_ac and potline.current_efficiency given are used");
        r.d.append(cell_diag);
        return p;
      }
    }
    if (current.outside_window) r.d.warning(r.at("potline.line_current"), "potline.line_current", what);
    tc->op = current.op;
    p.origin = current.text;
    p.current = current;
    p.caveats = cell::catalogue_caveats(*tc);
    const cell::CellResult result = cell::evaluate(tc->design, tc->constants, tc->op);
    p.sec_J_per_kg = result.sec_ac_J_per_kg;
    p.current_efficiency = result.current_efficiency;
    p.line_current_A = tc->op.line_current_A;
  }
  r.d.append(cell_diag);
  return p;
}

/// Estimate, the normal spread between a plant's stated nameplate capacity and what its pots make
/// at their operating point: amperage creep or a reduced current (about ±10 %), a few % of current
/// efficiency, and ~2 % of pots out of circuit for
/// relining (about 40 d in a 2,000–3,000 d pot life). Beyond ±20 % one of the two inputs is wrong
/// (T14-14: 300 pots of DX+, potline.count left at its default 1, make 369 kt/yr against a stated
/// 1,000 kt/yr).
constexpr double kCapacityPotTolerance = 0.20;

/// The metal one pot makes at the group's operating point: Faraday at the line current and current
/// efficiency (the inputs, else the cell model's).
struct PotOutput {
  double kg_per_s = 0, line_current_A = 0, current_efficiency = 0;
};
std::optional<PotOutput> pot_output(const CellPoint& cell, double ce, const Reader& r) {
  const auto current =
      r.opt("potline.line_current") ? r.opt("potline.line_current") : cell.line_current_A;
  if (!current || std::isnan(ce) || !(*current > 0) || !(ce > 0)) return std::nullopt;
  return PotOutput{cell::faraday_production_kg_per_s(*current, ce), *current, ce};
}

std::string t_per_yr(double kg_per_s) {
  return fmt::format("{:.0f} t/yr", kg_per_s * constants::kSecondsPerYear / 1e3);
}

std::string describe(const PotOutput& pot, const std::string& technology) {
  return fmt::format("{} per pot at {:.4g} kA and {:.4g} % current efficiency{}",
                     t_per_yr(pot.kg_per_s), pot.line_current_A / 1e3, pot.current_efficiency * 100,
                     technology.empty() ? "" : ", technology " + technology);
}

/// plant.capacity and the pots' output (count × pots_per_line × one pot's) state the same
/// production: beyond kCapacityPotTolerance an error (T14-14), naming both keys, the pots' output
/// and the pot count the capacity implies.
void check_capacity_against_pots(const SmelterCase& c, double capacity, double pots_per_line,
                                 const PotOutput& pot, const Reader& r) {
  const double count = r.need("potline.count");
  const double pots = count * pots_per_line;
  const double output = pots * pot.kg_per_s;
  const double gap = output / capacity - 1.0;
  if (std::abs(gap) <= kCapacityPotTolerance) return;
  r.d.error(
      r.at("potline.pots_per_line"), "plant.capacity",
      fmt::format(
          "plant.capacity = {} and potline.count × potline.pots_per_line = {:.0f} × {:.0f} = "
          "{:.0f} pots "
          "disagree: {:.0f} pots make {} ({}), {:.0f} % {} the capacity, beyond the ±{:.0f} % a "
          "plant's "
          "nameplate and its pots' output normally differ by (amperage creep, current efficiency, "
          "pots "
          "out for relining); the capacity implies {:.0f} pots. Correct the one that is wrong "
          "(potline.count defaults to 1), or leave out plant.capacity to take the pots' output",
          t_per_yr(capacity), count, pots_per_line, pots, pots, t_per_yr(output),
          describe(pot, c.technology), std::abs(gap) * 100, gap < 0 ? "below" : "above",
          kCapacityPotTolerance * 100, capacity / pot.kg_per_s));
}

// SEC: the input first, else what the cell model gives.
void resolve_sec(SmelterCase& c, const CellPoint& cell, const Reader& r) {
  SmelterInputs& in = c.inputs;
  if (auto sec = r.opt("potline.sec_ac")) {
    in.potline_sec_ac_J_per_kg = *sec;
    c.sec_origin = "input potline.sec_ac";
    if (cell.sec_J_per_kg) {
      r.d.warning(r.at("potline.sec_ac"), "potline.sec_ac",
                  fmt::format("overrides the cell model's {:.3f} kWh/kg for technology '{}'",
                              *cell.sec_J_per_kg / constants::kJoulePerKWh, c.technology));
    }
  } else if (cell.sec_J_per_kg) {
    in.potline_sec_ac_J_per_kg = *cell.sec_J_per_kg;
    c.sec_origin = "cell model, technology " + c.technology + " (" + cell.origin + ")";
    // A current efficiency given with a technology: the same pots at the same current and voltage draw
    // the same power and make less (or more) metal, so the SEC goes as 1/CE (user trial T19-21: the cell
    // model's SEC was kept, and the line's power fell with the CE).
    const auto given_ce = r.opt("potline.current_efficiency");
    if (given_ce && cell.current_efficiency && *given_ce > 0 && *given_ce != *cell.current_efficiency) {
      in.potline_sec_ac_J_per_kg *= *cell.current_efficiency / *given_ce;
      c.sec_origin += fmt::format("; at the given potline.current_efficiency {:.4g} % instead of the cell model's "
                                  "{:.4g} %: the same power for {:.4g} % of the metal, {:.3f} kWh/kg",
                                  *given_ce * 100, *cell.current_efficiency * 100,
                                  *given_ce / *cell.current_efficiency * 100,
                                  in.potline_sec_ac_J_per_kg / constants::kJoulePerKWh);
    }
    // The caveats `cell` and `technologies` print go with the SEC they qualify (trial 6, T6-5: A697's
    // calibrated ACD 6.04 cm, outside 3-6 cm, was dropped here), as notes: a caveat of the catalogue's
    // own data, not a doubt of the case's input (user trial T19-10: a warning at potline.technology).
    for (const auto& caveat : cell.caveats) {
      c.notes.push_back(fmt::format("{}; the SEC ({:.3f} kWh/kg) and current efficiency taken from its cell model carry "
                                    "that doubt ('potline cell --technology {}')",
                                    caveat, *cell.sec_J_per_kg / constants::kJoulePerKWh, c.technology));
    }
  } else if (c.technology.empty()) {  // a technology given but unknown is said once, not here too (T11-13)
    r.d.error({}, "potline.sec_ac",
              "required: give potline.sec_ac (in kWh/kg) or a catalogue technology with potline.technology");
  }
}

// Capacity: the input (checked against the pots' output when both are known), else the pots'.
void resolve_capacity(SmelterCase& c, const std::optional<PotOutput>& pot, const Reader& r) {
  SmelterInputs& in = c.inputs;
  const auto pots = r.opt("potline.pots_per_line");
  if (auto cap = r.opt("plant.capacity")) {
    in.capacity_kg_per_s = *cap;
    if (pots && pot) check_capacity_against_pots(c, *cap, *pots, *pot, r);
    return;
  }
  if (pots && pot) {
    in.capacity_kg_per_s = r.need("potline.count") * *pots * pot->kg_per_s;
  } else if (c.technology.empty() || pot) {
    // A technology that gives no pot output is unknown (or no working cell at the line's current):
    // said once at the technology, not here too (user trial T19-16: a knock-on "required").
    r.d.error({}, "plant.capacity",
              "required: give plant.capacity (t/yr), or potline.pots_per_line with potline.line_current and "
              "potline.current_efficiency (or a technology that gives them)");
  }
}

/// Where the case file sets the potline (its first [potline] key), else the case file itself: for
/// an input the case lacks, not the --set that happened to trigger the check (T14-14).
core::SourceLocation case_file_location(const io::ValueSet& v) {
  core::SourceLocation file;
  for (const auto& [key, x] : v.all()) {
    if (x.origin != io::Origin::kCaseFile) continue;
    if (key.rfind("potline.", 0) == 0) return x.location;
    if (file.file.empty()) file.file = x.location.file;
  }
  return file;
}

/// The pots whose relining is costed: count × pots_per_line when given, else derived from the
/// capacity and one pot's output, said in a note (T14-14); nullopt (an error) when neither is
/// known.
std::optional<double> relined_pots(SmelterCase& c, const std::optional<PotOutput>& pot,
                                   const Reader& r) {
  if (const auto pots = r.opt("potline.pots_per_line")) return r.need("potline.count") * *pots;
  if (pot && c.inputs.capacity_kg_per_s > 0) {
    const double derived = std::max(1.0, std::round(c.inputs.capacity_kg_per_s / pot->kg_per_s));
    c.notes.push_back(fmt::format(
        "cathode relining spread over {:.0f} pots derived from plant.capacity {} at {} (no "
        "potline.pots_per_line given); give potline.count and potline.pots_per_line to "
        "cost the line's own pots",
        derived, t_per_yr(c.inputs.capacity_kg_per_s), describe(*pot, c.technology)));
    return derived;
  }
  r.d.error(case_file_location(r.v), "potline.pots_per_line",
            "required to spread the relining cost over production: give potline.pots_per_line (and "
            "potline.count), or potline.line_current and potline.current_efficiency (or a "
            "technology) from which "
            "the pot count is derived from plant.capacity");
  return std::nullopt;
}

// Gross anode consumption (checked against net) and the cathode relining cost per kg.
void resolve_consumption(SmelterCase& c, const std::optional<PotOutput>& pot, const Reader& r) {
  SmelterInputs& in = c.inputs;
  const double gross = r.need("consumption.gross_carbon");
  if (gross < in.net_carbon_kg_per_kg) {
    const std::string key = r.given_of({"consumption.gross_carbon", "consumption.net_carbon"});
    r.d.error(r.at(key), key,
              fmt::format("gross anode consumption {:.3f} t/t (consumption.gross_carbon) is below the net consumption "
                          "{:.3f} t/t (consumption.net_carbon); gross includes the butts that net excludes",
                          gross, in.net_carbon_kg_per_kg));
  }
  const auto pot_life = r.opt("cathode.pot_life");
  const auto relining = r.opt("cathode.relining_cost");
  if (pot_life && relining) {
    if (const auto total_pots = relined_pots(c, pot, r)) {
      // Pots relined per second = total pots / pot life; cost per kg = that × cost / production.
      const double production = in.capacity_kg_per_s * in.capacity_factor;
      if (production > 0) in.relining_usd_per_kg = *total_pots / *pot_life * *relining / production;
    }
  } else if (pot_life || relining) {
    r.d.error(r.at(pot_life ? "cathode.pot_life" : "cathode.relining_cost"), "cathode",
              "give both cathode.pot_life and cathode.relining_cost (or neither)");
  } else {
    c.notes.push_back("cathode relining not costed (give cathode.pot_life and cathode.relining_cost)");
  }
}

// Prices given as alternatives: alumina (price or LME share), anode (price or coke + pitch);
// costs.other (optional, noted when absent).
void resolve_prices(SmelterCase& c, const Reader& r) {
  SmelterInputs& in = c.inputs;
  const auto alumina_price = r.opt("prices.alumina");
  const auto alumina_share = r.opt("prices.alumina_lme_share");
  if (alumina_price && alumina_share) {
    const std::string key = r.given_of({"prices.alumina_lme_share", "prices.alumina"});
    r.d.error(r.at(key), key, "give prices.alumina or prices.alumina_lme_share, not both");
  } else if (alumina_price) {
    in.alumina_usd_per_kg = *alumina_price;
  } else if (alumina_share) {
    in.alumina_usd_per_kg = *alumina_share * in.lme_usd_per_kg;
  } else {
    r.d.error({}, "prices.alumina", "required: give prices.alumina (USD/t) or prices.alumina_lme_share");
  }
  if (in.inert_anode) {
    // Inert anodes: anode.cost per t Al (smelter_anode.cpp); anode prices are carbon-anode inputs.
  } else if (auto anode = r.opt("prices.anode")) {
    in.anode_usd_per_kg = *anode;
    if (r.opt("prices.coke") || r.opt("prices.pitch")) {
      // At the key given (T17-9: `--set prices.pitch=0` was blamed on 'prices.anode' at the case file).
      const std::string key = r.given_of({r.opt("prices.coke") ? "prices.coke" : "prices.pitch",
                                          r.opt("prices.pitch") ? "prices.pitch" : "prices.coke", "prices.anode"});
      r.d.error(r.at(key), key, "give prices.anode or prices.coke + prices.pitch, not both");
    }
  } else if (r.opt("prices.coke") && r.opt("prices.pitch")) {
    in.anode_usd_per_kg = r.need("anode.coke") * *r.opt("prices.coke") + r.need("anode.pitch") * *r.opt("prices.pitch") +
                          r.need("prices.anode_conversion");
  } else {
    r.d.error({}, "prices.anode", "required: give prices.anode (USD/t anode) or prices.coke and prices.pitch");
  }
  if (auto other = r.opt("costs.other")) {
    in.other_usd_per_kg = *other;
  } else {
    c.notes.push_back("costs.other not given: C1 excludes maintenance, consumables and casting");
  }
}

/// The EUA price of each year of the CBAM schedule: cbam.eua_price_by_year's where given, else
/// cbam.eua_price (user trial 17, T17-10: one price in every year could not reproduce a fleet path's
/// CBAM by year). A schedule year with neither is an input error at the table's first year, naming
/// the missing years. Returns the key to blame for a missing exchange rate.
std::string resolve_eua_by_year(SmelterCase& c, std::optional<double> eua, const std::map<int, const io::Value*>& by_year,
                                const Reader& r) {
  std::vector<int> missing;
  for (int i = 0; i < policy::kCbamYears; ++i) {
    const auto it = by_year.find(policy::kCbamFirstYear + i);
    if (it != by_year.end()) {
      c.inputs.eua_eur_per_t[static_cast<std::size_t>(i)] = it->second->number;
    } else if (eua) {
      c.inputs.eua_eur_per_t[static_cast<std::size_t>(i)] = *eua;
    } else {
      missing.push_back(policy::kCbamFirstYear + i);
    }
  }
  c.cbam_eua_basis = by_year.empty() ? "cbam.eua_price"
                     : eua && static_cast<int>(by_year.size()) < policy::kCbamYears
                         ? "cbam.eua_price_by_year, else cbam.eua_price"
                         : "cbam.eua_price_by_year";
  if (by_year.empty()) return "cbam.eua_price";
  const std::string first = io::year_key("cbam.eua_price_by_year", by_year.begin()->first);
  if (!missing.empty())
    r.d.error(by_year.begin()->second->location, first,
              fmt::format("cbam.eua_price_by_year gives no EUA price for {} of the CBAM schedule's years {}–{}: give "
                          "{}, or cbam.eua_price for every year the table leaves out",
                          fmt::join(missing, ", "), policy::kCbamFirstYear, policy::kCbamLastYear,
                          missing.size() == 1 ? "it" : "them"));
  return first;
}

void resolve_cbam(SmelterCase& c, const SmelterData& data, const Reader& r) {
  SmelterInputs& in = c.inputs;
  const auto eua = r.opt("cbam.eua_price");
  // A country without a default value is reported whether or not the EUA price could be read
  // (T9-12: after a rejected cbam.eua_price it came out only in the next round).
  const std::string country = r.v.text("cbam.default_country");
  const auto* def = country.empty() ? nullptr : data.cbam.default_for(country);
  if (!country.empty() && def == nullptr)
    r.d.error(r.at("cbam.default_country"), "cbam.default_country",
              policy::no_default_message(data.cbam, country));
  const auto by_year = io::year_series_values(r.v, "cbam.eua_price_by_year");
  if (!eua && by_year.empty()) {
    c.notes.push_back("cbam.eua_price not given: no CBAM cost computed");
    return;
  }
  in.cbam = true;
  const std::string eua_key = resolve_eua_by_year(c, eua, by_year, r);
  in.carbon_price_paid_eur_per_t = r.need("cbam.carbon_price_paid");
  if (const auto usd_per_eur = r.opt("cbam.usd_per_eur")) {
    in.usd_per_eur = *usd_per_eur;
  } else {  // at the key that asks for it (T17-9: `--set cbam.eua_price=0` got "'cbam.usd_per_eur': required" at the file)
    r.d.error(r.at(eua_key), eua_key,
              "a CBAM cost is computed when cbam.eua_price or cbam.eua_price_by_year is given, and stated in USD: "
              "give cbam.usd_per_eur (USD/EUR, e.g. 1.08) too, or leave the EUA price out");
  }
  in.cbam_factor = data.cbam.factor;
  in.cbam_markup = data.cbam.default_markup;
  in.cbam_benchmark_t_per_t = data.cbam.benchmark_primary_t_per_t;
  in.cbam_cscf = r.opt("cbam.cross_sectoral_correction").value_or(data.cbam.cross_sectoral_correction);
  if (r.v.text("cbam.route") != "default") {
    // The actual route prices the plant's own emissions: a default country changes nothing (T11-13).
    const io::Value* x = r.v.get("cbam.default_country");
    if (x != nullptr && x->origin != io::Origin::kDefault && !country.empty())
      r.d.warning(r.at("cbam.default_country"), "cbam.default_country",
                  fmt::format("'{}' is not used because cbam.route = \"{}\" prices the plant's own emissions; the "
                              "country's default value applies with cbam.route = \"default\"",
                              country, r.v.text("cbam.route")));
    return;
  }
  in.cbam_default_route = true;
  c.cbam_country = country;
  if (c.cbam_country.empty()) {
    // Without this, the error below read "no CBAM default value for country ''" with no location.
    std::string have;
    for (const auto& name : data.cbam.default_countries()) have += (have.empty() ? "" : ", ") + name;
    r.d.error(r.at("cbam.route"), "cbam.default_country",
              "required with cbam.route = \"default\": the ISO 3166 alpha-3 exporting country whose "
              "default value applies (data/cbam.toml has: " + have + ")");
    return;
  }
  if (def != nullptr) in.cbam_default_see_t_per_t = def->direct_t_co2e_per_t;
}

PotlineGroupCase single_group(const SmelterCase& c, const CellPoint& cell, double ce, const Reader& r) {
  PotlineGroupCase g;
  g.name = "potline 1";
  g.technology = c.technology;
  g.sec_origin = c.sec_origin;
  g.count = static_cast<int>(r.v.maybe_number("potline.count").value_or(1.0));
  g.pots_per_line = r.opt("potline.pots_per_line");
  g.line_current_A = r.opt("potline.line_current") ? r.opt("potline.line_current") : cell.line_current_A;
  if (!std::isnan(ce)) g.current_efficiency = ce;
  g.cell_current = cell.current;
  g.employees_assigned = c.inputs.employees;
  g.ae_summary_file = c.ae_summary_file;
  g.ae_per_cell_day = c.ae_per_cell_day;
  g.ae_minutes_per_cell_day = c.ae_minutes_per_cell_day;
  g.ae_overvoltage_mV = c.ae_overvoltage_mV;
  g.ae_pfc_coefficients = c.ae_applied_pfc_coefficients;
  g.pfc_basis = c.pfc_basis;
  return g;
}

}  // namespace

void report_unknown_names(const io::ValueSet& v, const SmelterData& data, core::Diagnostics& d,
                          const std::string& key) {
  const io::Value* tech = v.get("potline.technology");
  if (tech == nullptr || tech->text.empty() || data.technologies.find(tech->text) != nullptr) return;
  std::string message = "unknown technology '" + tech->text + "'";
  const std::string hint = core::closest_match(tech->text, data.technologies.ids());
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  // No close match: the ids, as every unknown name of at most 60 candidates (docs audit DA19-40).
  if (hint.empty()) {
    std::string known;
    for (const auto& id : data.technologies.ids()) known += (known.empty() ? "" : ", ") + id;
    message += " (known: " + known + ")";
  }
  d.error(tech->location, key, message + "; 'potline technologies' lists them");
}

namespace {
/// potline.current_efficiency and potline.line_current given where nothing takes them — no
/// technology, plant.capacity fixing production, no potline.pots_per_line, no relining to spread
/// over derived pots, the PFC not by the overvoltage method — said at the key, so that a --vary of
/// them is the input error of a key the case does not use (user trial T20-16: identical rows, no
/// word; T19-3's rule).
void warn_unused_pot_keys(const SmelterCase& c, const Reader& r) {
  if (!c.technology.empty() || !r.opt("plant.capacity") || r.opt("potline.pots_per_line")) return;
  const bool relining = r.opt("cathode.pot_life") && r.opt("cathode.relining_cost");
  if (relining) return;  // the relined pots are derived from the capacity and one pot's output
  const bool overvoltage = c.inputs.emissions.pfc_method == PfcMethod::kOvervoltage;
  for (const char* k : {"potline.current_efficiency", "potline.line_current"}) {
    const io::Value* x = r.v.get(k);
    if (x == nullptr || x->origin == io::Origin::kDefault) continue;
    if (overvoltage && std::string_view(k) == "potline.current_efficiency") continue;
    r.d.warning(r.at(k), k,
                "this value is not used: plant.capacity fixes the production and potline.sec_ac "
                "the energy per "
                "tonne (no potline.technology, no potline.pots_per_line, no cathode relining "
                "spread over pots); "
                "give potline.pots_per_line (with potline.count) instead of plant.capacity to make "
                "the production "
                "follow the pots' current and current efficiency");
  }
}
}  // namespace

/// One group of potlines (the case's [potline], or one [[potline]] table merged into the case).
/// Fields bound in the schema table are set by binding; the rest are resolved here in order.
std::optional<SmelterCase> build_single(const io::ValueSet& user, const SmelterData& data, core::Diagnostics& d) {
  SmelterCase c;
  c.values = user;
  io::fill_defaults(smelter_schema(), c.values);
  const Reader r{c.values, d};
  const std::size_t errors_before = d.error_count();
  for (const io::FieldSpec* f : smelter_table().bind(c.values, c)) {
    r.need(f->key, f->key == "prices.year" ? "(the price year of every USD amount)" : "");
  }
  report_unknown_names(c.values, data, d);
  resolve_anode_type(c, d);
  const CellPoint cell = evaluate_technology(c, data, r);
  const double ce = r.opt("potline.current_efficiency").value_or(cell.current_efficiency.value_or(std::nan("")));
  resolve_sec(c, cell, r);
  const std::optional<PotOutput> pot = pot_output(cell, ce, r);
  resolve_capacity(c, pot, r);
  resolve_consumption(c, pot, r);
  resolve_prices(c, r);
  default_pfc_method(c, data);
  resolve_anodes(c, data, r);
  resolve_pfc(c, ce, data, r);
  warn_unused_pot_keys(c, r);
  apply_inert_anode(c);
  resolve_energy_emissions(c, data, r);
  resolve_cbam(c, data, r);
  resolve_eu_ets(c, data, d);
  resolve_ccs(c, data, d);
  if (d.error_count() > errors_before) return std::nullopt;
  c.potlines.push_back(single_group(c, cell, ce, r));
  return c;
}

}  // namespace detail

}  // namespace potline::plant

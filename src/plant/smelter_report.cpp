// The results of `potline smelter` as summary.json and as text (smelter_report.hpp); the CSV tables
// are in smelter_csv.cpp.
#include "potline/plant/smelter_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "potline/plant/ccs_report.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/core/constants.hpp"
#include "potline/plant/power_breakeven.hpp"

namespace potline::plant {
namespace {

constexpr double kJPerKWh = constants::kJoulePerKWh;
constexpr double kKgPerT = 1000.0;

io::Json per_t(double usd_per_kg) { return usd_per_kg * kKgPerT; }

/// A figure defined only with production (it spreads fixed costs over output): null without.
io::Json if_produced(const SmelterResult& r, double value) { return r.produces ? io::Json(value) : io::Json(nullptr); }

/// The power price [USD/MWh] at which the margin over C1 (`full`: over full cost) is 0, the metal
/// price and the other costs held (power_breakeven.hpp); empty without production or electricity.
std::optional<double> breakeven_power_usd_per_MWh(const SmelterCase& c, const SmelterResult& r,
                                                  bool full) {
  if (!r.produces) return std::nullopt;
  const auto p = breakeven_power_usd_per_J(full ? r.margin_full_usd_per_kg : r.margin_c1_usd_per_kg,
                                           c.inputs.power_usd_per_J,
                                           r.sec_ac_J_per_kg + r.ccs.electricity_J_per_kg);
  if (!p) return std::nullopt;
  return *p * kJPerKWh * 1e3;
}

/// Text of such a figure: "n/a" without production.
std::string text_if_produced(const SmelterResult& r, double value, const char* format = "{:.0f}") {
  return r.produces ? fmt::format(fmt::runtime(format), value) : std::string("n/a");
}

// Inert anodes: the breakdown's carbon line holds the inert-anode cost (anode.cost), so it is
// labelled "anodes" in text and CSV, and summary.json adds breakdown.anodes beside the "carbon" key
// scripts read (trial 6, T6-13: a zero-carbon plant showed "carbon 255").
const char* anode_line_name(const SmelterInputs& in) { return in.inert_anode ? "anodes" : "carbon"; }

io::Json cost_json(const SmelterResult& r, bool inert_anode) {
  io::Json cost;
  cost["c1"] = if_produced(r, r.c1_usd_per_kg * kKgPerT);
  cost["c2"] = if_produced(r, r.c2_usd_per_kg * kKgPerT);
  cost["business"] = if_produced(r, r.business_usd_per_kg * kKgPerT);
  cost["full"] = if_produced(r, r.full_usd_per_kg * kKgPerT);
  io::Json b;
  b["alumina"] = per_t(r.breakdown.alumina);
  b["carbon"] = per_t(r.breakdown.carbon);
  if (inert_anode) b["anodes"] = per_t(r.breakdown.carbon);
  b["power"] = per_t(r.breakdown.power);
  b["bath"] = per_t(r.breakdown.bath);
  b["labour"] = if_produced(r, r.breakdown.labour * kKgPerT);
  b["other"] = per_t(r.breakdown.other);
  b["ccs"] = per_t(r.breakdown.ccs);
  b["eu_ets"] = per_t(r.breakdown.eu_ets);
  cost["breakdown"] = b;
  return cost;
}

io::Json emissions_json(const EmissionResult& e) {
  io::Json em;
  em["anode_co2"] = e.anode_co2;
  em["baking_co2"] = e.baking_co2;
  em["pfc"] = e.pfc_co2e;
  em["baking_fuel_co2"] = e.baking_fuel_co2;
  em["casthouse_fuel_co2"] = e.casthouse_fuel_co2;
  em["power"] = e.power_co2;
  em["ccs_fuel_co2"] = e.ccs_fuel_co2;
  em["ccs_captured"] = -e.ccs_captured;
  em["direct"] = e.direct;
  em["scope1"] = e.scope1;
  em["scope2"] = e.scope2;
  em["total"] = e.total;
  em["iai_level1"] = e.total;
  return em;
}

}  // namespace

void warn_if_no_production(const SmelterCase& c, const SmelterResult& r, core::Diagnostics& diagnostics) {
  const char* consequence =
      "labour, C1, C2, business and full cost per t, margins, cost shares and jobs per GW are not defined "
      "(null in JSON, n/a in text); the wage bill is still paid";
  if (!r.produces) {
    diagnostics.warning("plant.capacity_factor",
                        fmt::format("the smelter produces nothing (capacity factor 0 or no capacity): {}", consequence));
    return;
  }
  for (std::size_t i = 0; i < c.inputs.potlines.size(); ++i) {
    if (!evaluate_potline(c.inputs, i).produces) {
      diagnostics.warning(fmt::format("potline[{}].capacity_factor", i),
                          fmt::format("potline[{}] produces nothing: its C1 and full cost per t are not defined "
                                      "(null in JSON, empty in potlines.csv)",
                                      i));
    }
  }
}

namespace {

// A potline group's emission inputs (the smelter's when it has no groups).
const EmissionInputs& group_emissions(const SmelterInputs& in, std::size_t i) {
  return in.potlines.empty() ? in.emissions : in.potlines[i].emissions;
}

// The standard the emission figures follow (summary.json emissions_method.standard and the text's
// "method" line, T7-32).
constexpr const char* kEmissionsStandard =
    "IPCC 2006 Vol. 3 Ch. 4.4 (process) and Vol. 2 Ch. 2 (fuel combustion); scopes per GHG Protocol / IAI "
    "(Level 1 = smelter scope 1+2)";

// The PFC method and the technology class of the groups: "mixed" when they differ between potline
// groups (each group's are in potlines).
struct GroupMethods {
  bool same_pfc = true, same_class = true;
  std::string pfc, technology_class;
};
GroupMethods group_methods(const SmelterInputs& in) {
  const std::size_t groups = potline_group_count(in);
  auto same = [&](auto get) {
    for (std::size_t i = 1; i < groups; ++i) {
      if (get(group_emissions(in, i)) != get(group_emissions(in, 0))) return false;
    }
    return true;
  };
  GroupMethods m;
  m.same_pfc = same([](const EmissionInputs& x) { return x.pfc_method; });
  m.same_class = same([](const EmissionInputs& x) { return x.technology; });
  const EmissionInputs& e0 = group_emissions(in, 0);
  m.pfc = m.same_pfc ? std::string(to_string(e0.pfc_method)) : std::string("mixed");
  m.technology_class = m.same_class ? std::string(to_string(e0.technology)) : std::string("mixed");
  return m;
}

// emissions_t_co2e_per_t and emissions_method: the methods, sets and factors behind the figures.
void add_emissions_json(const SmelterCase& c, const SmelterResult& r, io::Json& j) {
  const SmelterInputs& in = c.inputs;
  const EmissionResult& e = r.emissions;
  j["emissions_t_co2e_per_t"] = emissions_json(e);
  const std::size_t groups = potline_group_count(in);
  const GroupMethods m = group_methods(in);
  const bool same_pfc = m.same_pfc;
  const EmissionInputs& e0 = group_emissions(in, 0);
  j["emissions_method"] = {
      {"co2", std::string(to_string(in.emissions.co2_method))},
      {"pfc", m.pfc},
      {"technology_class", m.technology_class},
      {"coefficient_set", std::string(to_string(c.coefficient_set))},
      {"gwp", std::string(to_string(c.gwp))},
      {"gwp_cf4", in.coefficients.gwp_cf4},
      {"gwp_c2f6", in.coefficients.gwp_c2f6},
      {"cf4_kg_per_t", e.cf4_kg_per_kg * kKgPerT},
      {"c2f6_kg_per_t", e.c2f6_kg_per_kg * kKgPerT},
      {"power_source", std::string(to_string(c.power_source))},
      {"power_t_co2_per_MWh", in.emissions.power_co2_kg_per_J * 3.6e9 / kKgPerT},
      {"baking_fuel_GJ_per_t_anode", in.emissions.baking_fuel_J_per_kg_anode / 1e6},
      {"baking_fuel_t_co2_per_TJ", in.emissions.baking_fuel_co2_kg_per_J * 1e9},
      {"casthouse_fuel_GJ_per_t", in.emissions.casthouse_fuel_J_per_kg / 1e6},
      {"casthouse_fuel_t_co2_per_TJ", in.emissions.casthouse_fuel_co2_kg_per_J * 1e9},
      {"standard", kEmissionsStandard},
      {"pfc_basis", c.pfc_basis}};
  if (!c.pfc_basis_source.empty()) j["emissions_method"]["pfc_basis_source"] = c.pfc_basis_source;
  // Whether the PFC counts low-voltage (non-anode-effect) CF4 (user trial T10-7).
  j["emissions_method"]["low_voltage_cf4_kg_per_t"] = e.low_voltage_cf4_kg_per_kg * kKgPerT;
  j["emissions_method"]["pfc_includes_low_voltage"] = e.low_voltage_cf4_kg_per_kg > 0.0;
  j["emissions_method"]["low_voltage_pfc"] = c.low_voltage_pfc;
  if (same_pfc && groups == 1) {
    if (e0.pfc_method == PfcMethod::kSlope) {
      j["emissions_method"]["aem_min_per_cell_day"] = e0.aem_min_per_cell_day;
    } else if (e0.pfc_method == PfcMethod::kOvervoltage) {
      j["emissions_method"]["aeo_mV"] = e0.aeo_mV;
    }
  }
  if (!c.ae_summary_file.empty()) {
    io::Json ae;
    ae["file"] = c.ae_summary_file;
    if (c.ae_per_cell_day) ae["ae_per_cell_day"] = *c.ae_per_cell_day;
    if (c.ae_minutes_per_cell_day) ae["ae_minutes_per_cell_day"] = *c.ae_minutes_per_cell_day;
    if (c.ae_overvoltage_mV) ae["ae_overvoltage_mV"] = *c.ae_overvoltage_mV;
    // Which coefficient set the anode effects were converted with, and the run's (trial 6, T6-22).
    ae["pfc_coefficients"] = c.ae_applied_pfc_coefficients;
    ae["run_pfc_coefficients"] = c.ae_run_pfc_coefficients.empty() ? io::Json(nullptr) : io::Json(c.ae_run_pfc_coefficients);
    j["emissions_method"]["anode_effects_from_simulation"] = ae;
  }
}

// The EUA prices the CBAM schedule stands on: one price in every year, or each year's.
std::string cbam_eua_line(const SmelterCase& c) {
  const auto& eua = c.inputs.eua_eur_per_t;
  if (std::all_of(eua.begin(), eua.end(), [&](double x) { return x == eua[0]; }))
    return fmt::format("  CBAM EUA              {:.1f} EUR/t in every year ({}, at {:.3g} USD/EUR); `potline fleet` with "
                       "fleet.year takes each year's EUA of its eua_price path\n",
                       eua[0], c.cbam_eua_basis, c.inputs.usd_per_eur);
  std::string s = "  CBAM EUA EUR/t        ";
  for (int i = 0; i < policy::kCbamYears; ++i)
    s += fmt::format("{}: {:.0f}{}", policy::kCbamFirstYear + i, eua[static_cast<std::size_t>(i)],
                     i + 1 < policy::kCbamYears ? "  " : "");
  return s + fmt::format(" ({}, at {:.3g} USD/EUR)\n", c.cbam_eua_basis, c.inputs.usd_per_eur);
}

// CBAM cost and certificates per year of the transition, and the route (actual or default values).
void add_cbam_json(const SmelterCase& c, const SmelterResult& r, io::Json& j) {
  const SmelterInputs& in = c.inputs;
  if (in.cbam) {
    io::Json usd, eur, certs;
    for (int i = 0; i < policy::kCbamYears; ++i) {
      const std::string year = std::to_string(policy::kCbamFirstYear + i);
      usd[year] = r.cbam_usd_per_t[i];
      eur[year] = r.cbam_eur_per_t[i];
      certs[year] = r.cbam_certificates_per_t[i];
    }
    j["cbam_usd_per_t"] = usd;
    j["cbam_eur_per_t"] = eur;
    j["cbam_certificates_per_t"] = certs;
    j["cbam_route"] = in.cbam_default_route ? policy::default_route_label(c.cbam_country) : "actual";
    // The EUA price each year of the schedule stands on (user trial 17, T17-10); cbam_eua_eur_per_t the
    // one price when every year has it, else null.
    io::Json eua;
    for (int i = 0; i < policy::kCbamYears; ++i) eua[std::to_string(policy::kCbamFirstYear + i)] = in.eua_eur_per_t[i];
    const bool one = std::all_of(in.eua_eur_per_t.begin(), in.eua_eur_per_t.end(),
                                 [&](double x) { return x == in.eua_eur_per_t[0]; });
    j["cbam_eua_eur_per_t"] = one ? io::Json(in.eua_eur_per_t[0]) : io::Json(nullptr);
    j["cbam_eua_eur_per_t_by_year"] = eua;
    j["cbam_see_direct_t_co2e_per_t"] = in.cbam_default_route ? in.cbam_default_see_t_per_t : r.cbam_see_direct_t_per_t;
  }
}

// One entry per potline group: its own output, SEC, cost and emissions.
io::Json potline_groups_json(const SmelterCase& c, const SmelterResult& r) {
  const SmelterInputs& in = c.inputs;
  const std::size_t groups = potline_group_count(in);
  io::Json lines = io::Json::array();
  for (std::size_t i = 0; i < groups && i < c.potlines.size(); ++i) {
    const PotlineGroupCase& g = c.potlines[i];
    const SmelterResult p = evaluate_potline(in, i);
    const EmissionInputs& ge = group_emissions(in, i);
    io::Json x;
    x["name"] = g.name;
    x["technology"] = g.technology;
    x["sec_source"] = g.sec_origin;
    x["count"] = g.count;
    if (g.pots_per_line) x["pots_per_line"] = *g.pots_per_line;
    if (g.line_current_A) x["line_current_kA"] = *g.line_current_A / 1e3;
    if (g.cell_current) {
      x["cell_line_current_kA"] = g.cell_current->line_current_A / 1e3;
      x["cell_line_current_basis"] = g.cell_current->text;
    }
    if (g.current_efficiency) x["current_efficiency_pct"] = *g.current_efficiency * 100.0;
    x["capacity_t_per_year"] = p.capacity_kg_per_s * kSecondsPerYear / kKgPerT;
    x["capacity_factor"] = p.capacity_kg_per_s > 0 ? p.production_kg_per_s / p.capacity_kg_per_s : 0.0;
    x["production_t_per_year"] = p.production_kg_per_s * kSecondsPerYear / kKgPerT;
    x["production_share"] = r.production_kg_per_s > 0 ? p.production_kg_per_s / r.production_kg_per_s : 0.0;
    x["potline_sec_ac_kWh_per_kg"] = p.sec_ac_J_per_kg * (1.0 - in.auxiliary_share) / kJPerKWh;
    x["sec_ac_kWh_per_kg"] = p.sec_ac_J_per_kg / kJPerKWh;
    x["electrical_load_MW"] = p.electrical_load_W / 1e6;
    x["employees_assigned"] = g.employees_assigned;
    x["employees"] = p.employees;
    x["cost_usd_per_t"] = cost_json(p, in.inert_anode);
    x["emissions_t_co2e_per_t"] = emissions_json(p.emissions);
    x["technology_class"] = std::string(to_string(ge.technology));
    x["pfc_method"] = std::string(to_string(ge.pfc_method));
    x["cf4_kg_per_t"] = p.emissions.cf4_kg_per_kg * kKgPerT;
    x["c2f6_kg_per_t"] = p.emissions.c2f6_kg_per_kg * kKgPerT;
    if (ge.pfc_method == PfcMethod::kSlope) x["aem_min_per_cell_day"] = ge.aem_min_per_cell_day;
    if (ge.pfc_method == PfcMethod::kOvervoltage) x["aeo_mV"] = ge.aeo_mV;
    x["pfc_basis"] = g.pfc_basis;
    if (!g.ae_summary_file.empty()) {
      x["anode_effects_file"] = g.ae_summary_file;
      x["pfc_coefficients"] = g.ae_pfc_coefficients;
    }
    lines.push_back(x);
  }
  return lines;
}

}  // namespace

std::vector<std::string> smelter_notes(const SmelterCase& c) {
  std::vector<std::string> notes = c.notes;
  const SmelterInputs& in = c.inputs;
  // "SEC (AC, plant)" from the cell model is the potlines' AC SEC: with the default auxiliary share 0
  // the anode plant, casthouse and services were silently left out (a potline case's 13.487 kWh/kg
  // printed as the plant's). An input potline.sec_ac is taken as the whole-plant figure (the field's doc).
  const bool from_cell_model =
      c.sec_origin.rfind("cell model", 0) == 0 ||
      std::any_of(c.potlines.begin(), c.potlines.end(), [](const auto& p) { return !p.technology.empty(); });
  if (in.auxiliary_share == 0 && from_cell_model) {
    notes.push_back("the SEC is the cell model's at the potlines (AC): with plant.auxiliary_share 0 nothing is added "
                    "for the anode plant, casthouse and services (potlines take 'in excess of 90 %' of a smelter's "
                    "power, [Wang et al. 2025])");
  }
  if (in.depreciation_usd_per_kg == 0 && in.overheads_usd_per_kg == 0 && in.sustaining_capex_usd_per_kg == 0 &&
      in.interest_usd_per_kg == 0) {  // else a reader takes "full = C1" for a plant without capital costs
    notes.push_back("no costs.depreciation, overheads, sustaining_capex or interest given: C2, business and full cost "
                    "equal C1");
  } else if (in.depreciation_usd_per_kg < in.sustaining_capex_usd_per_kg) {
    // Full cost = C2 + overheads + interest holds depreciation, the business cost sustaining capex
    // instead (docs/model/economics.md): full below business read as a bug (user trial T20-15).
    notes.push_back(
        fmt::format("full cost is {:.0f} USD/t below the business cost: it holds "
                    "costs.depreciation ({}) where the business cost "
                    "holds costs.sustaining_capex ({:.0f} USD/t), so the margin and break-even "
                    "power over full cost leave the "
                    "sustaining capital out{}",
                    (in.sustaining_capex_usd_per_kg - in.depreciation_usd_per_kg) * kKgPerT,
                    in.depreciation_usd_per_kg == 0
                        ? std::string("none given")
                        : fmt::format("{:.0f} USD/t", in.depreciation_usd_per_kg * kKgPerT),
                    in.sustaining_capex_usd_per_kg * kKgPerT,
                    in.depreciation_usd_per_kg == 0 ? "; give costs.depreciation" : ""));
  }
  return notes;
}

io::Json smelter_result_json(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings) {
  const SmelterInputs& in = c.inputs;
  io::Json j;
  j["title"] = c.title;
  j["technology"] = c.technology;
  j["sec_source"] = c.sec_origin;
  j["price_year"] = c.price_year;
  j["currency"] = "USD";
  j["capacity_t_per_year"] = r.capacity_kg_per_s * kSecondsPerYear / kKgPerT;
  j["production_t_per_year"] = r.production_kg_per_s * kSecondsPerYear / kKgPerT;
  j["sec_ac_kWh_per_kg"] = r.sec_ac_J_per_kg / kJPerKWh;
  j["potline_sec_ac_kWh_per_kg"] = in.potline_sec_ac_J_per_kg / kJPerKWh;
  j["electrical_load_MW"] = r.electrical_load_W / 1e6;
  io::Json cost = cost_json(r, in.inert_anode);
  io::Json shares;
  const double c1 = r.c1_usd_per_kg > 0 ? r.c1_usd_per_kg : 1.0;
  shares["alumina"] = if_produced(r, r.breakdown.alumina / c1);
  shares["carbon"] = if_produced(r, r.breakdown.carbon / c1);
  if (in.inert_anode) shares["anodes"] = shares["carbon"];
  shares["power"] = if_produced(r, r.breakdown.power / c1);
  shares["bath"] = if_produced(r, r.breakdown.bath / c1);
  shares["labour"] = if_produced(r, r.breakdown.labour / c1);
  shares["other"] = if_produced(r, r.breakdown.other / c1);
  shares["ccs"] = if_produced(r, r.breakdown.ccs / c1);
  shares["eu_ets"] = if_produced(r, r.breakdown.eu_ets / c1);
  cost["share_of_c1"] = shares;
  j["cost_usd_per_t"] = cost;
  j["power_cost_share"] = if_produced(r, r.power_share_of_c1);
  j["power_cost_share_of_full"] = if_produced(r, r.power_share_of_full);
  j["price_usd_per_t"] = per_t(r.price_usd_per_kg);
  j["margin_usd_per_t"] = {{"c1", if_produced(r, r.margin_c1_usd_per_kg * kKgPerT)},
                           {"full", if_produced(r, r.margin_full_usd_per_kg * kKgPerT)}};
  const auto breakeven_json = [&](bool full) {
    const auto p = breakeven_power_usd_per_MWh(c, r, full);
    return p ? io::Json(*p) : io::Json(nullptr);
  };
  j["breakeven_power_usd_per_MWh"] = {{"c1", breakeven_json(false)},
                                      {"full", breakeven_json(true)}};

  add_emissions_json(c, r, j);
  add_cbam_json(c, r, j);
  j["eu_ets"] = c.inputs.eu_ets.on ? io::Json{{"year", c.eu_ets_year},
                                              {"eua_usd_per_t_co2e", c.inputs.eu_ets.eua_usd_per_kg_co2 * kKgPerT},
                                              {"free_allocation_t_per_t", c.inputs.eu_ets.free_allocation_t_per_t},
                                              {"direct_t_co2e_per_t", r.cbam_see_direct_t_per_t},
                                              {"cost_usd_per_t", r.breakdown.eu_ets * kKgPerT}}
                                   : io::Json(nullptr);
  j["anode"] = anode_json(c, r);
  j["ccs"] = ccs_json(c, r);
  j["hpa"] = hpa_json(c, r);
  j["employees"] = r.employees;
  j["employees_per_kt_capacity"] = r.employees_per_kt_capacity;
  j["employees_per_kt_produced"] = if_produced(r, r.employees_per_kt_produced);
  j["jobs_per_GW"] = if_produced(r, r.jobs_per_GW);
  j["potlines"] = potline_groups_json(c, r);
  io::Json notes = io::Json::array();
  for (const auto& n : smelter_notes(c)) notes.push_back(n);  // the text's notes, every one (trial 6, T6-6)
  j["notes"] = notes;
  io::Json w = io::Json::array();
  for (const auto& x : warnings) w.push_back(x);
  j["warnings"] = w;
  return j;
}

std::string smelter_summary_text(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings) {
  std::string s;
  s += fmt::format("Smelter: {}\n", c.title.empty() ? std::string("(untitled)") : c.title);
  s += fmt::format("  SEC source            {}\n", c.sec_origin);
  s += fmt::format("  production            {:.0f} t/yr (capacity {:.0f} t/yr)\n",
                   r.production_kg_per_s * kSecondsPerYear / kKgPerT, r.capacity_kg_per_s * kSecondsPerYear / kKgPerT);
  s += fmt::format("  SEC (AC, plant)       {:.3f} kWh/kg   load {:.1f} MW\n", r.sec_ac_J_per_kg / kJPerKWh,
                   r.electrical_load_W / 1e6);
  s += fmt::format("  cost (USD {} per t)   C1 {}  C2 {}  business {}  full {}\n", c.price_year,
                   text_if_produced(r, r.c1_usd_per_kg * kKgPerT), text_if_produced(r, r.c2_usd_per_kg * kKgPerT),
                   text_if_produced(r, r.business_usd_per_kg * kKgPerT), text_if_produced(r, r.full_usd_per_kg * kKgPerT));
  const auto& b = r.breakdown;
  s += fmt::format("    alumina {:.0f}  {} {:.0f}  power {:.0f}  bath {:.0f}  labour {}  other {:.0f}{}{}\n",
                   b.alumina * kKgPerT, anode_line_name(c.inputs), b.carbon * kKgPerT, b.power * kKgPerT, b.bath * kKgPerT,
                   text_if_produced(r, b.labour * kKgPerT), b.other * kKgPerT,
                   r.ccs.active ? fmt::format("  ccs {:.0f}", b.ccs * kKgPerT) : std::string(),
                   c.inputs.eu_ets.on ? fmt::format("  EU ETS {:.0f}", b.eu_ets * kKgPerT) : std::string());
  if (c.inputs.eu_ets.on) {
    s += fmt::format("  EU ETS {}           EUA {:.1f} USD/t CO2e x (direct {:.3f} - free allocation {:.3f} t/t), at least 0\n",
                     c.eu_ets_year, c.inputs.eu_ets.eua_usd_per_kg_co2 * kKgPerT, r.cbam_see_direct_t_per_t,
                     c.inputs.eu_ets.free_allocation_t_per_t);
  }
  s += fmt::format("  power share of C1     {} %\n", text_if_produced(r, 100 * r.power_share_of_c1, "{:.1f}"));
  s += fmt::format("  margin (LME+premium)  {} USD/t over full cost\n",
                   text_if_produced(r, r.margin_full_usd_per_kg * kKgPerT));
  const auto breakeven_text = [&](bool full) {
    const auto p = breakeven_power_usd_per_MWh(c, r, full);
    return p ? fmt::format("{:.1f}", *p) : std::string("n/a");
  };
  // Below 1 USD/MWh (e.g. 0.055 meant as USD/kWh, T8-14) three significant digits, not "0.1".
  const double power_usd_per_MWh = c.inputs.power_usd_per_J * kJPerKWh * 1e3;
  s += fmt::format(
      "  break-even power      {} USD/MWh for margin 0 over C1, {} over full cost (the power price "
      "{}; "
      "metal price and other costs held)\n",
      breakeven_text(false), breakeven_text(true),
      std::fabs(power_usd_per_MWh) >= 1 ? fmt::format("{:.1f}", power_usd_per_MWh)
                                        : fmt::format("{:.3g}", power_usd_per_MWh));
  const auto& e = r.emissions;
  // With carbon capture its fuel and the CO2 captured are items too, so that the items add up to
  // scope 1 + scope 2 (the captured 1.369 t/t was on the "carbon capture" line only, T11-13).
  const std::string capture =
      (e.ccs_fuel_co2 > 0.0 ? fmt::format("  capture fuel {:.3f}", e.ccs_fuel_co2) : std::string()) +
      (e.ccs_captured > 0.0 ? fmt::format("  captured −{:.3f}", e.ccs_captured) : std::string());
  s += fmt::format("  emissions t CO2e/t    anode {:.3f}  baking {:.3f}  PFC {:.3f}  baking fuel {:.3f}  "
                   "casthouse fuel {:.3f}{}  power {:.3f}\n"
                   "                        scope1 {:.3f}  scope2 {:.3f}  total {:.3f} ({})\n",
                   e.anode_co2, e.baking_co2, e.pfc_co2e, e.baking_fuel_co2, e.casthouse_fuel_co2, capture, e.power_co2,
                   e.scope1, e.scope2, e.total, to_string(c.gwp));
  const GroupMethods m = group_methods(c.inputs);
  s += fmt::format("  emissions method      CO2 {}, PFC {} ({} coefficients, class {}), GWP {}, power {} {:.3f} t/MWh;\n"
                   "                        {}\n",
                   to_string(c.inputs.emissions.co2_method), m.pfc, to_string(c.coefficient_set), m.technology_class,
                   to_string(c.gwp), to_string(c.power_source), c.inputs.emissions.power_co2_kg_per_J * 3.6e9 / kKgPerT,
                   kEmissionsStandard);
  if (!c.pfc_basis.empty()) s += fmt::format("  PFC basis             {}\n", c.pfc_basis);
  if (!c.low_voltage_pfc.empty() && !c.inputs.inert_anode) s += fmt::format("  low-voltage PFC       {}\n", c.low_voltage_pfc);
  s += anode_and_ccs_text(c, r);
  s += hpa_text(c, r);
  if (!c.inputs.potlines.empty()) {
    for (std::size_t i = 0; i < c.inputs.potlines.size() && i < c.potlines.size(); ++i) {
      const SmelterResult p = evaluate_potline(c.inputs, i);
      // Numbered as --set names them, from 0 (T14-8: "potline group 1" was potline[0], so
      // `--set potline[1].technology=...` for "group 1" changed the other line).
      s += fmt::format("  {:<22}{}: {}, {:.0f} t/yr, SEC {:.3f} kWh/kg, C1 {} USD/t, "
                       "{:.3f} t CO2e/t\n",
                       fmt::format("potline[{}]", i), c.potlines[i].name, c.potlines[i].technology.empty() ? "input SEC" : c.potlines[i].technology,
                       p.production_kg_per_s * kSecondsPerYear / kKgPerT, p.sec_ac_J_per_kg / kJPerKWh,
                       text_if_produced(p, p.c1_usd_per_kg * kKgPerT), p.emissions.total);
    }
  }
  if (!c.ae_summary_file.empty()) {
    const std::string& run = c.ae_run_pfc_coefficients;
    const std::string& applied = c.ae_applied_pfc_coefficients;
    s += fmt::format("  anode effects         from {}: {:.4g} AE/cell-day, AEM {:.4g} min/cell-day{}; PFC coefficients {} "
                     "({})\n",
                     c.ae_summary_file, c.ae_per_cell_day.value_or(0.0), c.ae_minutes_per_cell_day.value_or(0.0),
                     c.ae_overvoltage_mV ? fmt::format(", AEO {:.4g} mV", *c.ae_overvoltage_mV) : std::string(), applied,
                     run.empty() ? "the case's; the summary names none" : run == applied ? "the run's" : "the case's; the run used " + run);
  }
  if (c.inputs.cbam) {
    // A plant in the EU ETS pays EUAs (C1 above), not CBAM on its own metal: printing both invited
    // adding them (user trial T10-13). The schedule stays, labelled as the plant's metal imported.
    if (c.inputs.eu_ets.on) s += "  CBAM                  not due on this plant's metal (it is in the EU ETS, [eu_ets]); as if imported:\n";
    s += "  CBAM USD/t            ";
    for (int i = 0; i < policy::kCbamYears; ++i) {
      s += fmt::format("{}: {:.0f}{}", policy::kCbamFirstYear + i, r.cbam_usd_per_t[i], i + 1 < policy::kCbamYears ? "  " : "\n");
    }
    // The route decides the figure (user trial 16, T16-4: this plant's 165 USD/t in 2026 on China's
    // default value against 64 USD/t of China's metal in `fleet`, whose default route is "actual").
    const bool by_default = c.inputs.cbam_default_route;
    s += fmt::format("  CBAM route            {}: {:.2f} t CO2e/t direct embedded emissions ({}; `potline fleet` takes "
                     "route \"actual\" unless cbam.route = \"default\")\n",
                     by_default ? policy::default_route_label(c.cbam_country) : std::string("actual"),
                     by_default ? c.inputs.cbam_default_see_t_per_t : r.cbam_see_direct_t_per_t,
                     by_default ? "the country default value, plus the year's mark-up; cbam.route"
                                : "this plant's own, cbam.route; \"default\" takes the country default value");
    // The EUA price of each year (user trial 17, T17-10: an export of the fleet's 2034 case printed
    // 2026's CBAM at 2034's EUA, 61 USD/t against the fleet's 40.6 of 2026).
    s += cbam_eua_line(c);
  }
  // Each figure names its basis: "2.02 employees per kt capacity, 1575 jobs per GW" mixed the
  // nameplate (230 kt) with the load at the operating output (295.2 MW at 172.5 kt; trial CV).
  s += fmt::format("  labour                {:.2f} employees per kt/yr of capacity ({} per kt/yr produced); {} jobs per GW "
                   "of the load at the output ({:.1f} MW at {:.0f} t/yr)\n",
                   r.employees_per_kt_capacity, text_if_produced(r, r.employees_per_kt_produced, "{:.2f}"),
                   text_if_produced(r, r.jobs_per_GW), r.electrical_load_W / 1e6,
                   r.production_kg_per_s * kSecondsPerYear / kKgPerT);
  for (const auto& n : smelter_notes(c)) s += "  note: " + n + "\n";
  for (const auto& w : warnings) s += "  warning: " + w + "\n";
  return s;
}

}  // namespace potline::plant

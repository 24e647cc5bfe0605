// Each fleet smelter as a smelter case (see fleet_smelters.hpp).
#include "potline/fleet/fleet_smelters.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/power_prices.hpp"
#include "potline/core/units.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/policy/cbam.hpp"
#include "file_label.hpp"

namespace potline::fleet {
namespace {

/// Collects the inputs of one smelter with their origin notes.
class CaseValueWriter {
 public:
  CaseValueWriter(SmelterCaseValues& out, const core::SourceLocation& row) : out_(out), row_(row) {}

  void number(const std::string& key, double internal, std::string source) {
    io::Value x;
    x.number = internal;
    put(key, std::move(x), std::move(source));
  }
  void text(const std::string& key, const std::string& value, std::string source) {
    io::Value x;
    x.text = value;
    put(key, std::move(x), std::move(source));
  }

 private:
  void put(const std::string& key, io::Value x, std::string source) {
    x.origin = io::Origin::kCaseFile;
    x.location = row_;
    out_.values.set(key, std::move(x));
    out_.source[key] = std::move(source);
  }
  SmelterCaseValues& out_;
  core::SourceLocation row_;
};

std::string row_note(const SmelterRecord& r, const std::string& column) {
  return fmt::format("dataset row {} ({}), column {}", r.where.to_string(), r.id, column);
}

std::string region_note(const RegionTable& regions, const Region& reg, const std::string& key) {
  return fmt::format("region table {}, region '{}', {}", file_label(regions.path), reg.id, key);
}

// The premium's comment says what it is (T13-14): a published benchmark, an estimate, or none.
std::string premium_note(const RegionTable& regions, const Region& reg) {
  const std::string what = reg.premium_basis == PremiumBasis::kPublished
                               ? "the published " + reg.premium_benchmark + " premium"
                           : reg.premium_basis == PremiumBasis::kEstimate
                               ? "an ESTIMATE: the region has no published premium benchmark"
                               : "none: no premium over the LME";
  return fmt::format("{} ({}, price year {})", region_note(regions, reg, "premium"), what, regions.price_year);
}

std::string subregion_note(const RegionTable& regions, const Subregion& s, const std::string& key) {
  return fmt::format("region table {}, subregion '{}' of '{}', {} ({})", file_label(regions.path), s.name, s.region, key, s.source);
}

std::string case_note(const FleetCase& c, const std::string& key) {
  return fmt::format("fleet case {}, {}", c.path, key);
}

/// The PFC technology class of the catalogue technology `id`, when its cell type names one.
void pfc_class_input(const std::string& id, const std::string& id_note, const plant::SmelterData& data,
                     CaseValueWriter& w) {
  const cell::Technology* t = data.technologies.find(id);
  if (t == nullptr) return;
  if (const auto cls = pfc_class_of(*t)) {
    w.text("emissions.technology_class", std::string(plant::to_string(*cls)),
           fmt::format("technology catalogue: {} has cell_type {}{} ({})", t->id, t->cell_type,
                       t->first_industrial_year ? fmt::format(", first industrial year {}", *t->first_industrial_year) : "",
                       id_note));
  }
}

/// Where a row's power source comes from: the dataset row, or the power mix of its class when the
/// mix split the row ([[class.power_mix]] of data/fleet-technology-classes.toml).
std::string power_source_note(const SmelterRecord& r, const FleetCase& c) {
  const auto* split = c.technology_classes.split_row(r.id);
  if (split == nullptr || !split->power_part) return row_note(r, "power_source");
  const TechnologyClassRule& cls = c.technology_classes.rules[split->rule];
  const PowerPart& p = cls.power_mix[*split->power_part];
  return fmt::format("power mix of class '{}' ({}): {:.1f} % of {}'s operating capacity on {}, {:.1f} % of the grid "
                     "aggregate row {} ({})",
                     cls.id, file_label(c.technology_classes.path), 100 * p.share, fmt::join(cls.regions, ", "),
                     plant::to_string(p.power_source), 100 * split->power_share, split->parent_id, p.source);
}

/// A part of an aggregate split by its class's technology mix: the part's technology (and PFC class
/// when the part sets one), with the share and the source in the notes.
void mix_part_inputs(const TechnologyClasses::SplitRow& split, const FleetCase& c,
                     const plant::SmelterData& data, CaseValueWriter& w, SmelterCaseValues& out) {
  const TechnologyClassRule& cls = c.technology_classes.rules[split.rule];
  const MixPart& part = c.technology_classes.part_of(split);
  const std::string why = fmt::format(
      "part '{}' of the technology mix of class '{}' ({}): {:.1f} % of {}'s operating capacity, {:.1f} % of aggregate "
      "row {} ({})",
      part.part, cls.id, file_label(c.technology_classes.path), 100 * part.share, fmt::join(cls.regions, ", "),
      100 * split.aggregate_share, split.parent_id, part.source);
  w.text("potline.technology", part.technology, why);
  if (part.pfc_class.empty()) {
    pfc_class_input(part.technology, why, data, w);
  } else {
    w.text("emissions.technology_class", part.pfc_class, why);
  }
  out.technology_class = cls.id + "@" + part.part;
  out.sec_origin = fmt::format("{}: cell model of {}", why, part.technology);
}

/// The technology (a retrofit named in the case overrides the dataset's, which overrides the
/// technology class of data/fleet-technology-classes.toml) with its PFC class.
void cell_inputs(const SmelterRecord& r, const FleetCase& c, const plant::SmelterData& data, CaseValueWriter& w,
                 SmelterCaseValues& out) {
  for (const auto& [id, tech] : c.retrofits) {
    if (is_row_or_part(r.id, id)) {
      const std::string note = case_note(c, "[[retrofit]] smelter = \"" + id + "\"");
      w.text("potline.technology", tech, note);
      pfc_class_input(tech, note, data, w);
      return;
    }
  }
  if (!r.technology.empty()) {
    w.text("potline.technology", r.technology, row_note(r, "technology"));
    pfc_class_input(r.technology, row_note(r, "technology"), data, w);
    // The row's own line current is its operating point: the cell model runs the technology there
    // (plant/smelter_build.cpp). Not for a retrofit (the new cells' design current) nor for a class
    // (its technology stands for cells of another size).
    if (r.line_current_A > 0) w.number("potline.line_current", r.line_current_A, row_note(r, "line_current_kA"));
    return;
  }
  if (const auto* split = c.technology_classes.split_row(r.id)) {
    mix_part_inputs(*split, c, data, w, out);
    return;
  }
  const TechnologyClassRule* cls = c.technology_classes.match(r);
  if (cls == nullptr) return;  // no classes loaded: the load reported why
  const std::string note = fmt::format("technology class '{}' of {} ({}; {})", cls->id, file_label(c.technology_classes.path),
                                       cls->reason(r), cls->basis);
  w.text("potline.technology", cls->technology, note);
  if (cls->pfc_class.empty()) {
    pfc_class_input(cls->technology, note, data, w);
  } else {
    w.text("emissions.technology_class", cls->pfc_class, note);
    // Soderberg Tier 2 CO2 needs the paste consumption, which the dataset does not hold: Tier 1
    // ([IPCC 2006 Vol3 Ch4] Table 4.10) for those classes.
    if (cls->pfc_class == "VSS" || cls->pfc_class == "HSS") {
      w.text("emissions.co2_method", "tier1", note + "; no paste consumption in the dataset: IPCC Tier 1 CO2");
    }
  }
  out.technology_class = cls->id;
  out.sec_origin = fmt::format("technology class '{}' ({}): cell model of {}; {}", cls->id, cls->reason(r),
                               cls->technology, cls->basis);
}

/// Where the EUA price comes from: a scenario year's price path (fleet/years.cpp, apply_cbam_year)
/// replaces the case's cbam.eua_price, and the comment must say so.
std::string eua_note(const FleetCase& c) {
  if (c.cbam_year != 0 && c.year != 0) {
    for (const YearPath& p : c.paths) {
      if (p.name == "eua_price" && p.covers(c.year)) {
        // The export gives each year of the CBAM schedule the path's own price too
        // (cbam.eua_price_by_year, smelter_export.cpp; user trial 17, T17-10).
        return fmt::format("EUA price path of {}, year {}; replaces the fleet case's cbam.eua_price. The smelter "
                           "case takes it in every year of its CBAM schedule that cbam.eua_price_by_year leaves out",
                           p.where.file.empty() ? c.paths_path : p.where.to_string(), c.year);
      }
    }
  }
  return case_note(c, "cbam.eua_price");
}

/// CBAM prices: the actual route (the smelter's own direct emissions), or the default route with
/// its country's default value where data/cbam.toml has one. A smelter in a country the CBAM does
/// not reach (an EU member state, or a third country of [EU 2023/956] Annex III) gets no CBAM
/// inputs, so its CBAM cost is 0 and its route says why.
void cbam_inputs(const SmelterRecord& r, const FleetCase& c, const plant::SmelterData& data, CaseValueWriter& w,
                 SmelterCaseValues& out) {
  if (const policy::CbamExemptCountry* e = data.cbam.exempt_for(r.country)) {
    out.cbam_route = "not applicable (" + r.country + ": " + e->reason + ")";
    return;
  }
  w.number("cbam.eua_price", c.eua_eur_per_t, eua_note(c));
  w.number("cbam.usd_per_eur", c.usd_per_eur, case_note(c, "cbam.usd_per_eur"));
  const policy::CbamCountryDefault* def = data.cbam.default_for(r.country);
  out.cbam_country_default_t_per_t = def != nullptr ? def->direct_t_co2e_per_t : 0.0;
  if (c.cbam_route == CbamRoute::kActual) {
    out.cbam_route = "actual";
  } else if (def == nullptr) {
    out.cbam_route = "actual (no default value for " + r.country + " in data/cbam.toml)";
  } else {
    const std::string note = case_note(c, "cbam.route = \"default\"") + "; " + row_note(r, "country");
    w.text("cbam.route", "default", note);
    w.text("cbam.default_country", r.country, note);
    out.cbam_route = "default (" + r.country + ")";
  }
}

/// PFC by the IPCC slope method where the anode-effect table (data/fleet-anode-effects.toml) has an
/// entry for the smelter (its id, its country, or its class and region; anode_effects.hpp); else
/// IPCC 2006 Tier 1 of its class, written into the case. A smelter with a [[retrofit]] takes only its new class's
/// entry: a smelter's, company's or country's published figure describes the cells it had.
void pfc_inputs(const SmelterRecord& r, const FleetCase& c, const plant::SmelterData& data, CaseValueWriter& w,
                SmelterCaseValues& out, core::Diagnostics& d) {
  const io::Value* chosen = out.values.get("emissions.technology_class");
  const std::string cls = chosen != nullptr ? chosen->text : "CWPB";  // the smelter model's default class
  const bool retrofitted = std::any_of(c.retrofits.begin(), c.retrofits.end(),
                                       [&r](const auto& rt) { return is_row_or_part(r.id, rt.first); });
  const AnodeEffectRule* rule = retrofitted ? c.anode_effects.match(cls, r.region)
                                            : c.anode_effects.match(cls, r.region, r.id, r.country);
  if (rule == nullptr) {
    out.pfc_standard = fmt::format("IPCC2006 Tier 1 ({}; no anode-effect entry for {} in region {})", cls, cls, r.region);
    // Written, not left to the smelter model's default: that takes the class entry outside China
    // (plant/smelter_pfc_default.cpp), while this smelter's region has none.
    w.text("emissions.pfc_method", "tier1", fmt::format("anode-effect table {}: no entry for class {} in region {}",
                                                        file_label(c.anode_effects.path), cls, r.region));
    return;
  }
  std::string why;
  const auto basis = pfc_basis(c.anode_effects, *rule, cls, data.emissions, why);
  if (!basis) {
    d.error(rule->where, "pfc_co2e", fmt::format("smelter '{}' ({}): {}", r.id, cls, why));
    return;
  }
  const std::string note = fmt::format("anode-effect table {}, {} entry at {}, class {} ({})", file_label(c.anode_effects.path),
                                       rule->scope(), rule->where.to_string(), cls, rule->source);
  w.text("emissions.pfc_method", "slope", note);
  // In the smelter schema's internal unit of emissions.aem (the case writer stores internal values).
  const io::FieldSpec& aem = *plant::smelter_schema().find("emissions.aem");
  w.number("emissions.aem", core::convert(basis->aem_min_per_day, "min/d", aem.internal_unit).value, note);
  w.text("emissions.coefficient_set", c.anode_effects.coefficient_set, note);
  out.pfc_standard = basis->standard;
}

void price_inputs(const Region& reg, const RegionTable& regions, const FleetCase& c, CaseValueWriter& w) {
  w.number("prices.year", regions.price_year, fmt::format("region table {}, price_year", file_label(regions.path)));
  w.number("prices.lme", c.lme_usd_per_kg, case_note(c, "fleet.lme"));
  w.number("prices.regional_premium", reg.premium_usd_per_kg, premium_note(regions, reg));
  w.number("prices.alumina_lme_share", c.alumina_lme_share, case_note(c, "fleet.alumina_lme_share (or its default)"));
  w.number("prices.anode", reg.anode_usd_per_kg, region_note(regions, reg, "anode"));
  w.number("prices.alf3", reg.alf3_usd_per_kg, region_note(regions, reg, "alf3"));
}

}  // namespace

std::optional<SmelterCaseValues> smelter_case_values(const SmelterRecord& r, const RegionTable& regions,
                                                     const FleetCase& c, const plant::SmelterData& data,
                                                     core::Diagnostics& d) {
  const Region& reg = regions.regions[static_cast<std::size_t>(regions.index_of(r.region))];
  const Subregion* sub = regions.subregion_of(r.region, r.country, r.province);
  const auto power = smelter_power_price(r, regions, c.power_prices);
  if (!power) {
    d.error(r.where, "power_source", fmt::format("region '{}' has no power price for source '{}' in {}: add it to "
                                                 "the region's power table", reg.id, plant::to_string(r.power_source),
                                                 regions.path));
    return std::nullopt;
  }
  SmelterCaseValues out;
  CaseValueWriter w(out, r.where);
  cell_inputs(r, c, data, w, out);
  pfc_inputs(r, c, data, w, out, d);
  w.number("plant.capacity", r.capacity_kg_per_s, row_note(r, "capacity"));
  price_inputs(reg, regions, c, w);
  const std::string source(plant::to_string(r.power_source));
  w.number("prices.power", power->usd_per_J, power->origin + "; basis: " + power->basis);
  out.power_origin = power->origin;
  out.power_basis = power->basis;
  if (r.employees > 0) {
    w.number("labour.employees", r.employees, row_note(r, "employees"));
  } else {
    w.number("labour.employees", std::round(reg.employees_per_kg_per_s * r.capacity_kg_per_s),
             region_note(regions, reg, "employees_per_capacity") + " x dataset capacity (the row gives none)");
    out.employees_estimated = true;
  }
  w.number("labour.wage", reg.wage_usd_per_s, region_note(regions, reg, "wage"));
  w.number("costs.other", reg.other_usd_per_kg, region_note(regions, reg, "other"));
  w.text("power.source", source, power_source_note(r, c));
  if (const SupplyEmissionFactor* own = c.power_prices.supply_factor_of(r.id)) {
    // The smelter's own mix of plants (e.g. its own hydro and gas): their factor, whatever its power
    // source names, in place of the grid's or the captive plant's default.
    w.number("power.emission_factor", own->co2_kg_per_J,
             fmt::format("{}: [[supply_emission_factor]] of {} ({})", file_label(c.power_prices.path), r.id, own->origin));
  } else if (r.power_source == plant::PowerSource::kGrid || r.power_source == plant::PowerSource::kPpa) {
    if (sub != nullptr && sub->grid_co2_kg_per_J) {
      w.number("power.emission_factor", *sub->grid_co2_kg_per_J, subregion_note(regions, *sub, "grid_emission_factor"));
    } else {
      w.number("power.emission_factor", reg.grid_co2_kg_per_J, region_note(regions, reg, "grid_co2"));
    }
  }
  if (c.cbam_year != 0) cbam_inputs(r, c, data, w, out);
  ccs_retrofit_inputs(r, c, out.values, out.source);  // [[ccs_retrofit]] (ccs_lever.cpp)
  return out;
}

void add_fleet_smelters(const std::vector<SmelterRecord>& records, const RegionTable& regions,
                        const plant::SmelterData& data, FleetCase& c, core::Diagnostics& d) {
  std::set<Status> included;
  for (const auto& s : c.include_status) included.insert(*status_from_name(s));
  for (const auto& r : records) {
    if (!included.count(r.status)) {
      c.left_out_status[r.id] = std::string(to_string(r.status));
      continue;
    }
    const auto values = smelter_case_values(r, regions, c, data, d);
    if (!values) continue;
    core::Diagnostics local;
    auto sc = plant::build_smelter_case(values->values, data, local);
    for (const auto& item : local.items()) {
      if (item.severity == core::Severity::kError) d.error(r.where, item.key, "smelter '" + r.id + "': " + item.message);
    }
    if (!sc) continue;
    FleetSmelter fs;
    fs.record = r;
    fs.region = regions.index_of(r.region);
    fs.inputs = sc->inputs;
    fs.base_power_usd_per_J = fs.inputs.power_usd_per_J;
    fs.employees_estimated = values->employees_estimated;
    fs.sec_origin = values->sec_origin.empty() ? sc->sec_origin : values->sec_origin;
    fs.technology = sc->technology;
    if (!sc->potlines.empty()) fs.cell_current = sc->potlines.front().cell_current;
    fs.technology_class = values->technology_class;
    fs.power_origin = values->power_origin;
    fs.power_basis = values->power_basis;
    fs.pfc_standard = values->pfc_standard;
    fs.cbam_route = values->cbam_route;
    fs.cbam_country_default_t_per_t = values->cbam_country_default_t_per_t;
    fs.running = r.status == Status::kOperating && !r.restart;  // a restart pays its restart
    c.model.smelters.push_back(std::move(fs));
  }
}

}  // namespace potline::fleet

// Several potline groups in one smelter ([[potline]] tables): each group is built as a one-group
// smelter and the smelter is their sum (docs/model/economics.md, "Several potline groups").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "potline/plant/hpa.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "ccs_internal.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant {
namespace {

std::string group_label(std::size_t index, const PotlineGroupValues& g) {
  return "[[potline]] " + std::to_string(index) + " ('" + g.name + "')";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// A flat key that only a group can set (the smelter-level key is an error with groups).
bool group_only(const std::string& flat) {
  return flat.rfind("potline.", 0) == 0 || flat == "plant.capacity";
}

}  // namespace

std::optional<SmelterCase> build_smelter_case(const io::ValueSet& user,
                                              const std::vector<PotlineGroupValues>& groups,
                                              const SmelterData& data, core::Diagnostics& d) {
  if (groups.empty()) return build_smelter_case(user, data, d);  // the one-group builder (with the HPA check)
  const std::size_t errors_before = d.error_count();
  const auto& keys = potline_group_keys();

  // Smelter-level inputs that belong to the groups.
  io::ValueSet base;
  for (const auto& [key, value] : user.all()) {
    if (group_only(key) && value.origin != io::Origin::kDefault) {
      std::string leaf = key == "plant.capacity" ? "capacity" : key.substr(key.find('.') + 1);
      d.error(value.location, key,
              "the case has [[potline]] tables: give " + leaf +
                  " in each of them (or --set potline[I]." + leaf + "=VALUE), not as " + key);
      continue;
    }
    if (!group_only(key)) base.set(key, value);
  }
  const auto site_employees = user.maybe_number("labour.employees");
  if (!site_employees) {
    d.error({}, "labour.employees",
            "required: the employees not assigned to a [[potline]] group (anode plant, casthouse, "
            "services; 0 if "
            "every employee is in a group's employees)");
  }

  std::vector<SmelterCase> cases;
  std::vector<std::string> seen;  // diagnostics about smelter-level inputs, reported once
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const PotlineGroupValues& g = groups[i];
    io::ValueSet gv = base;
    for (const auto& [key, value] : g.values.all()) gv.set(key, value);
    if (!g.values.has("labour.employees")) {
      io::Value none;
      none.number = 0.0;
      gv.set("labour.employees", none);
    }
    core::Diagnostics local;
    auto gc = detail::build_single(gv, data, local);
    for (const core::Diagnostic& item : local.items()) {
      std::string key = item.key;
      std::string message = item.message;
      bool ours = false;
      for (const auto& k : keys) {
        if (k.flat.empty()) continue;
        const bool from_group = group_only(k.flat) || g.values.has(k.flat);
        if (from_group) {
          if (key == k.flat) ours = true;
          replace_all(message, k.flat, detail::group_key(i, k.leaf));
        }
      }
      if (ours) {
        const std::string leaf =
            key == "plant.capacity" ? "capacity" : key.substr(key.find('.') + 1);
        for (const auto& k : keys) {
          if (k.flat == item.key) key = detail::group_key(i, k.leaf);
        }
        message = group_label(i, g) + ": " + message;
        (void)leaf;
      } else {
        // About a smelter-level input: the same for every group, so said once.
        const std::string id = item.location.to_string() + "|" + item.key + "|" + item.message;
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        message = item.message;
      }
      core::SourceLocation where = item.location;
      if (where.file.empty() && ours) where = g.where;
      if (item.severity == core::Severity::kError) {
        d.error(where, key, message);
      } else {
        d.warning(where, key, message);
      }
    }
    if (gc) {
      gc->potlines.front().name = g.name;
      cases.push_back(std::move(*gc));
    }
  }
  if (d.error_count() > errors_before || cases.size() != groups.size()) return std::nullopt;

  SmelterCase c = cases.front();
  c.values = user;
  c.potlines.clear();
  c.notes.clear();
  c.ae_summary_file.clear();
  c.ae_per_cell_day.reset();
  c.ae_minutes_per_cell_day.reset();
  c.ae_overvoltage_mV.reset();
  SmelterInputs& in = c.inputs;
  in.employees = *site_employees;
  in.potlines.clear();
  std::vector<std::string> technologies;
  double capacity = 0.0, production = 0.0, energy = 0.0;
  for (auto& gc : cases) {
    const SmelterInputs& x = gc.inputs;
    PotlineGroupInputs p;
    p.capacity_kg_per_s = x.capacity_kg_per_s;
    p.capacity_factor = x.capacity_factor;
    p.potline_sec_ac_J_per_kg = x.potline_sec_ac_J_per_kg;
    p.alumina_kg_per_kg = x.alumina_kg_per_kg;
    p.net_carbon_kg_per_kg = x.net_carbon_kg_per_kg;
    p.alf3_kg_per_kg = x.alf3_kg_per_kg;
    p.relining_usd_per_kg = x.relining_usd_per_kg;
    p.employees = x.employees;
    p.emissions = x.emissions;
    p.coefficients = x.coefficients;
    in.potlines.push_back(p);
    capacity += p.capacity_kg_per_s;
    production += p.capacity_kg_per_s * p.capacity_factor;
    energy += p.capacity_kg_per_s * p.capacity_factor * p.potline_sec_ac_J_per_kg;
    const std::string tech = gc.technology.empty() ? "input SEC" : gc.technology;
    if (std::find(technologies.begin(), technologies.end(), tech) == technologies.end())
      technologies.push_back(tech);
    for (const auto& n : gc.notes) {
      if (std::find(c.notes.begin(), c.notes.end(), n) == c.notes.end()) c.notes.push_back(n);
    }
    c.potlines.push_back(std::move(gc.potlines.front()));
  }
  // The scalar fields hold the aggregates (information only: evaluate uses the groups).
  in.capacity_kg_per_s = capacity;
  in.capacity_factor = capacity > 0.0 ? production / capacity : 1.0;
  in.potline_sec_ac_J_per_kg =
      production > 0.0 ? energy / production : cases.front().inputs.potline_sec_ac_J_per_kg;
  in.employees = *site_employees;
  c.technology.clear();
  for (const auto& t : technologies) c.technology += (c.technology.empty() ? "" : ", ") + t;
  c.sec_origin = "per potline group (see potlines)";
  // One basis when every group has the same, else each group's, named.
  const bool same_basis = std::all_of(c.potlines.begin(), c.potlines.end(),
                                      [&c](const PotlineGroupCase& g) { return g.pfc_basis == c.potlines.front().pfc_basis; });
  if (!same_basis) {
    c.pfc_basis.clear();
    c.pfc_basis_source.clear();
    for (const PotlineGroupCase& g : c.potlines) c.pfc_basis += (c.pfc_basis.empty() ? "" : "; ") + g.name + ": " + g.pfc_basis;
  }
  detail::scale_capture_cost(c);  // on the whole smelter: its capture plant treats every group's gas
  detail::check_labour_intensity(c, d);  // the site's and the groups' employees over the capacity (T12-8)
  if (!hpa_inputs(c, d) && d.error_count() > errors_before) return std::nullopt;  // the HPA line, on the whole plant
  return c;
}

}  // namespace potline::plant

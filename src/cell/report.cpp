#include "potline/cell/report.hpp"

#include <cmath>
#include <fmt/format.h>

#include "potline/cell/cell_schema.hpp"
#include "potline/cell/haupin.hpp"
#include "potline/purity/purity_report.hpp"
#include "potline/io/csv.hpp"
#include "potline/core/constants.hpp"

namespace potline::cell {
namespace {
constexpr double kJ_per_kWh = constants::kJoulePerKWh;
constexpr double kKelvinOffset = 273.15;

AnodeBalance balance_of(const CellCase& c, const CellResult& r) {
  return anode_balance(c.constants.anode_type, c.constants.inert_anode, r.current_efficiency,
                       r.production_kg_per_s, anode_area_m2(c.design));
}

io::Json optional_json(const std::optional<double>& x) { return x ? io::Json(*x) : io::Json(nullptr); }
}  // namespace

io::Json cell_result_json(const CellCase& c, const CellResult& r,
                          const std::vector<std::string>& warnings,
                          const std::vector<std::string>& notes) {
  io::Json j;
  j["technology"] = c.technology ? c.technology->id : std::string();
  j["title"] = c.title;
  j["current_kA"] = c.op.line_current_A / 1e3;
  j["voltage_V"] = r.voltage_V;
  j["current_efficiency"] = r.current_efficiency;
  j["current_efficiency_model"] = std::string(to_name(c.constants.current_efficiency_model));
  j["sec_dc_kWh_per_kg"] = r.sec_dc_J_per_kg / kJ_per_kWh;
  j["sec_ac_kWh_per_kg"] = r.sec_ac_J_per_kg / kJ_per_kWh;
  j["production_kg_per_day"] = r.production_kg_per_s * constants::kSecondsPerDay;
  j["acd_cm"] = c.op.acd_m * 100.0;
  j["anode_current_density_A_per_cm2"] = r.anode_current_density_A_per_m2 / 1e4;
  j["cathode_current_density_A_per_cm2"] = r.cathode_current_density_A_per_m2 / 1e4;
  j["critical_current_density_A_per_cm2"] = r.critical_current_density_A_per_m2 / 1e4;
  j["effective_anode_area_m2"] = r.effective_anode_area_m2;
  j["bath_temperature_degC"] = c.op.bath_temperature_K - kKelvinOffset;
  j["liquidus_degC"] = r.bath.liquidus_K - kKelvinOffset;
  j["superheat_K"] = r.bath.superheat_K;
  j["alumina_wt"] = c.op.bath.alumina_wt;
  j["alumina_saturation_wt"] = r.bath.alumina_saturation_wt;
  j["alumina_activity"] = r.bath.alumina_activity;
  j["conductivity_S_per_cm"] = r.bath.conductivity_S_per_m / 100.0;
  j["bath_ratio"] = r.bath.bath_ratio;
  j["power_kW"] = r.power_W / 1e3;
  j["heat_loss_kW"] = r.energy.heat_loss_W / 1e3;
  j["anode_effect"] = r.anode_effect();
  // Anode products per tonne (docs/model/inert-anode.md); process energy = reaction + heating terms.
  const AnodeBalance a = balance_of(c, r);
  j["anode"] = {{"type", to_name(a.type)},
                {"carbon_kg_per_t", a.carbon_kg_per_t},
                {"co2_kg_per_t", a.co2_kg_per_t},
                {"co_kg_per_t", a.co_kg_per_t},
                {"o2_kg_per_t", a.o2_kg_per_t},
                {"wear_kg_per_t", optional_json(a.wear_kg_per_t)},
                {"cost_usd_per_t", optional_json(a.cost_usd_per_t)}};
  j["process_energy_kWh_per_kg"] =
      r.production_kg_per_s > 0.0
          ? io::Json((r.energy.reaction_W + r.energy.heating_alumina_W + r.energy.heating_anodes_W) /
                     r.production_kg_per_s / kJ_per_kWh)
          : io::Json(nullptr);
  j["purity"] = purity::purity_json(c, r);
  const VoltageBreakdown& v = r.breakdown;
  j["breakdown_V"] = {{"reversible", v.reversible},
                      {"anode_reaction_overvoltage", v.anode_reaction_overvoltage},
                      {"anode_concentration_overvoltage", v.anode_concentration_overvoltage},
                      {"cathode_overvoltage", v.cathode_overvoltage},
                      {"bath_ohmic", v.bath_ohmic},
                      {"bubble", v.bubble},
                      {"anode_drop", v.anode_drop},
                      {"cathode_drop", v.cathode_drop},
                      {"external", v.external},
                      {"anode_effect", v.anode_effect}};
  j["energy_kW"] = {{"input", r.energy.input_W / 1e3},
                    {"reaction", r.energy.reaction_W / 1e3},
                    {"heating_alumina", r.energy.heating_alumina_W / 1e3},
                    {"heating_anodes", r.energy.heating_anodes_W / 1e3},
                    {"heat_loss", r.energy.heat_loss_W / 1e3}};
  if (c.calibration) {
    io::Json cal;
    cal["acd_cm"] = c.calibration->acd_m ? io::Json(*c.calibration->acd_m * 100) : io::Json(nullptr);
    cal["current_efficiency_constant"] =
        c.calibration->dewing_constant ? io::Json(*c.calibration->dewing_constant) : io::Json(nullptr);
    cal["mass_transfer_coefficient_m_per_s"] = optional_json(c.calibration->mass_transfer_coefficient);
    cal["plausible"] = c.calibration->plausible();
    cal["problems"] = c.calibration->problems;
    cal["notes"] = c.calibration->notes;
    j["calibration"] = cal;
  }
  j["warnings"] = warnings;
  j["notes"] = notes;
  return j;
}

std::string breakdown_csv(const CellResult& r) {
  const VoltageBreakdown& v = r.breakdown;
  const std::pair<const char*, double> rows[] = {
      {"reversible", v.reversible},
      {"anode_reaction_overvoltage", v.anode_reaction_overvoltage},
      {"anode_concentration_overvoltage", v.anode_concentration_overvoltage},
      {"cathode_overvoltage", v.cathode_overvoltage},
      {"bath_ohmic", v.bath_ohmic},
      {"bubble", v.bubble},
      {"anode_drop", v.anode_drop},
      {"cathode_drop", v.cathode_drop},
      {"external", v.external},
      {"anode_effect", v.anode_effect}};
  std::string out = io::csv_row({"Term", "Voltage [V]", "Share [%]"});
  for (const auto& [name, value] : rows) {
    out += io::csv_row({name, fmt::format("{:.6f}", value), fmt::format("{:.3f}", 100.0 * value / r.voltage_V)});
  }
  out += io::csv_row({"total", fmt::format("{:.6f}", r.voltage_V), "100.000"});
  return out;
}

std::string energy_csv(const CellResult& r) {
  const EnergyBalance& e = r.energy;
  const std::pair<const char*, double> rows[] = {{"input", e.input_W},
                                                 {"reaction", e.reaction_W},
                                                 {"heating_alumina", e.heating_alumina_W},
                                                 {"heating_anodes", e.heating_anodes_W},
                                                 {"heat_loss", e.heat_loss_W}};
  std::string out = io::csv_row({"Term", "Power [kW]", "Share of input [%]"});
  for (const auto& [name, value] : rows) {
    out += io::csv_row({name, fmt::format("{:.4f}", value / 1e3), fmt::format("{:.3f}", 100.0 * value / e.input_W)});
  }
  return out;
}

std::string inputs_csv(const CellCase& c) {
  std::string out = io::csv_row({"Key", "Value", "Unit", "Origin", "Where"});
  const io::Schema& schema = cell_schema();
  for (const auto& field : schema.fields()) {
    const io::Value* v = c.values.get(field.key);
    if (v == nullptr) continue;
    std::string shown;
    if (field.type == io::FieldType::kNumber) {
      const auto back = core::convert(v->number, field.internal_unit, field.unit, field.temperature_kind);
      shown = fmt::format("{:.6g}", back.ok() ? back.value : v->number);
    } else if (field.type == io::FieldType::kInteger) {
      shown = fmt::format("{:.0f}", v->number);
    } else {
      shown = v->text;
    }
    std::string where = v->location.to_string();
    if (v->origin == io::Origin::kTechnology && c.technology) where = c.technology->location.file;
    out += io::csv_row({field.key, shown, field.unit, std::string(io::to_string(v->origin)), where});
  }
  return out;
}

std::string cell_summary_text(const CellCase& c, const CellResult& r,
                              const std::vector<std::string>& warnings,
                              const std::vector<std::string>& notes) {
  const VoltageBreakdown& v = r.breakdown;
  std::string out;
  // A title such as "AP40 at its published operating point" no longer describes a case moved with
  // --set: say which inputs the command line changed (case.title only renames the case). case.technology
  // is listed with its value when it overrides a case file's (T13-7), not for `cell --technology X` alone.
  std::vector<std::string> changed;
  bool case_file = false;
  for (const auto& [key, value] : c.values.all()) case_file = case_file || value.origin == io::Origin::kCaseFile;
  for (const auto& [key, value] : c.values.all()) {
    if (value.origin != io::Origin::kCommandLine || key == "case.title") continue;
    if (key != "case.technology") changed.push_back(key);
    else if (case_file) changed.push_back(key + "=" + value.text);
  }
  std::string moved;
  if (!changed.empty()) {
    moved = " — changed on the command line: ";
    for (std::size_t i = 0; i < changed.size(); ++i) moved += (i ? ", " : "") + changed[i];
  }
  out += fmt::format("{}{}{}\n", c.title.empty() ? "Cell" : c.title,
                     c.technology ? " [" + c.technology->id + "]" : "", moved);
  out += fmt::format("  line current {:.1f} kA, ACD {:.2f} cm, bath {:.1f} °C (superheat {:.1f} K)\n",
                     c.op.line_current_A / 1e3, c.op.acd_m * 100,
                     c.op.bath_temperature_K - kKelvinOffset, r.bath.superheat_K);
  out += fmt::format("  cell voltage {:.3f} V   current efficiency {:.1f} % ({})   {:.0f} kg Al/day\n",
                     r.voltage_V, r.current_efficiency * 100, to_name(c.constants.current_efficiency_model),
                     r.production_kg_per_s * constants::kSecondsPerDay);
  out += fmt::format("  specific energy {:.2f} kWh/kg DC, {:.2f} kWh/kg AC\n",
                     r.sec_dc_J_per_kg / kJ_per_kWh, r.sec_ac_J_per_kg / kJ_per_kWh);
  out += fmt::format(
      "  voltage: reversible {:.3f} + anode {:.3f}+{:.3f} + cathode {:.3f} + bath {:.3f} + bubble "
      "{:.3f} + drops: anode {:.3f}, cathode {:.3f}, external {:.3f}{}\n",
      v.reversible, v.anode_reaction_overvoltage, v.anode_concentration_overvoltage,
      v.cathode_overvoltage, v.bath_ohmic, v.bubble, v.anode_drop, v.cathode_drop, v.external,
      v.anode_effect > 0 ? fmt::format(" + anode effect {:.1f}", v.anode_effect) : "");
  // The cell's energy balance ends at its own terminals: the external drop (busbars between cells)
  // heats the potroom, not the cell, so the input is (V - external) x I, below V x I.
  // Three significant digits below 10 kW (a tiny current printed "input 0 kW"), and a negative heat
  // loss said as the deficit it is (user trial 7, T7-11).
  const auto kw = [](double W) {
    return std::abs(W) >= 1e4 ? fmt::format("{:.0f}", W / 1e3) : fmt::format("{:.3g}", W / 1e3);
  };
  const double loss_W = r.energy.heat_loss_W;
  const std::string loss =
      loss_W >= 0 ? fmt::format("+ heat loss {} kW ({:.1f} %)", kw(loss_W), 100 * loss_W / r.energy.input_W)
                  : fmt::format("− a heat deficit of {} kW ({:.1f} % of the input): the cell would need heat from "
                                "outside to stay at its temperature",
                                kw(-loss_W), -100 * loss_W / r.energy.input_W);
  out += fmt::format("  energy in the cell (the external drop's {} kW heats the busbars): input {} kW = reaction "
                     "{} + alumina {} + anodes {} {}\n",
                     kw(v.external * c.op.line_current_A), kw(r.energy.input_W), kw(r.energy.reaction_W),
                     kw(r.energy.heating_alumina_W), kw(r.energy.heating_anodes_W), loss);
  if (c.constants.anode_type == AnodeType::kInert) {
    const AnodeBalance a = balance_of(c, r);
    out += fmt::format("  anode: inert (O2 {:.0f} kg/t, no carbon, no anode CO2 or PFC){}{}\n", a.o2_kg_per_t,
                       a.wear_kg_per_t ? fmt::format(", wear {:.2f} kg/t", *a.wear_kg_per_t) : "",
                       a.cost_usd_per_t ? fmt::format(", anode cost {:.0f} USD/t", *a.cost_usd_per_t) : "");
  }
  const io::Json purity = purity::purity_json(c, r);
  if (!purity.is_null()) {
    out += fmt::format("  metal: Fe {:.4f} wt%, Si {:.4f} wt%, grade {}; share of pots meeting {}: {:.1f} %\n",
                       purity.at("fe_wt").get<double>(), purity.at("si_wt").get<double>(),
                       purity.at("grade").is_null() ? "below P1020" : purity.at("grade").get<std::string>(),
                       purity.at("target_grade").get<std::string>(), 100 * purity.at("target_share").get<double>());
  }
  for (const auto& n : notes) out += "  note: " + n + "\n";
  for (const auto& w : warnings) out += "  warning: " + w + "\n";
  return out;
}

namespace {
// Which channel or ACD lies past the peak of Haupin's fanning fit (eq. 34), in the same terms as
// effective_anode_area_m2 (cell_model.cpp): each anode looks across the anode gap on its long
// sides, the centre channel at one end and the side channel, counted twice (a face towards a
// wall), at the other.
std::string fanning_note(const CellDesign& d, double acd_m) {
  struct Channel {
    const char* name;
    double width_m, gap_m;
  };
  const Channel channels[] = {{"anode gap", d.anode_gap_m, d.anode_gap_m},
                              {"centre channel", d.center_channel_m, d.center_channel_m},
                              {"side channel", d.side_channel_m, 2.0 * d.side_channel_m}};
  const double peak_gap_m = haupin::fanning_peak_gap_m(acd_m);
  std::string past;
  for (const Channel& ch : channels) {
    const double peak_acd_m = haupin::fanning_peak_acd_m(ch.gap_m, acd_m);
    std::string why;
    if (ch.gap_m > peak_gap_m) {
      why = ch.gap_m == ch.width_m
                ? fmt::format("the {} {:.1f} cm is wider than its peak at {:.1f} cm for ACD {:.2f} cm", ch.name,
                              ch.width_m * 100, peak_gap_m * 100, acd_m * 100)
                : fmt::format("the {} (2 × {:.1f} cm, a face towards a wall counts twice) is wider than its peak at "
                              "{:.1f} cm for ACD {:.2f} cm",
                              ch.name, ch.width_m * 100, peak_gap_m * 100, acd_m * 100);
    } else if (acd_m > peak_acd_m) {
      why = fmt::format("the ACD {:.2f} cm is past its peak at {:.2f} cm for the {} {:.1f} cm", acd_m * 100,
                        peak_acd_m * 100, ch.name, ch.width_m * 100);
    }
    if (!why.empty()) past += (past.empty() ? "" : "; ") + why;
  }
  return "fanning held at the peak of Haupin's fit (eq. 34) where " +
         (past.empty() ? fmt::format("a channel lies past it at ACD {:.2f} cm", acd_m * 100) : past);
}
}  // namespace

std::vector<std::string> collect_warnings(const CellCase& c, const CellResult& r,
                                          const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) {
    if (d.severity == core::Severity::kWarning) {
      const std::string where = d.location.to_string();
      out.push_back((where.empty() ? "" : where + ": ") + (d.key.empty() ? "" : d.key + ": ") + d.message);
    }
  }
  // Alumina above saturation is a warning of bath.alumina, located in `diagnostics` by the command
  // (user trial T17-1): not repeated here without its place.
  const std::uint32_t flags = r.bath.flags & ~static_cast<std::uint32_t>(bath::kAboveSaturation);
  for (auto& s : bath::describe(flags, c.op.bath, c.op.bath_temperature_K, c.constants.conductivity)) {
    out.push_back(std::move(s));
  }
  for (auto& s : describe_cell_flags(r, c.op)) out.push_back(std::move(s));
  return out;
}

namespace {
// T7-23: with Dewing's CE (no ACD term, docs/model/current-efficiency.md) an ACD the user chose
// (case file, --set, --target-voltage) moves the voltage alone, so a cut of the ACD reads as a pure
// gain. Said whenever the ACD was given, with the key that selects the ACD-dependent model.
std::optional<std::string> acd_independent_ce_note(const CellCase& c, const CellResult& r) {
  if (c.constants.current_efficiency_model != CurrentEfficiencyModel::kDewing) return std::nullopt;
  const io::Value* acd = c.values.get("operation.acd");
  if (acd == nullptr) return std::nullopt;
  const bool given = acd->origin == io::Origin::kCaseFile || acd->origin == io::Origin::kCommandLine ||
                     acd->location.file == "--target-voltage";
  if (!given) return std::nullopt;
  // No ACD value in the text: the note of every point of `--vary operation.acd=...` is one note.
  return fmt::format("the current efficiency ({:.1f} %, dewing) does not depend on the ACD (operation.acd) in this "
                     "model: an ACD change moves the voltage alone, so an ACD cut shows as a pure energy gain; "
                     "model.current_efficiency_model = \"mass_transfer\" (the default of `potline flex`) makes the CE fall as "
                     "the ACD closes (docs/model/current-efficiency.md)",
                     100 * r.current_efficiency);
}
}  // namespace

namespace {
// User trial T19-23: a case that gives every input a technology's catalogue entry would
// (examples/custom-design.toml --technology AP60) is titled and keyed as that technology, yet uses
// nothing of it but its reference points.
std::optional<std::string> unused_technology_note(const CellCase& c) {
  if (!c.technology) return std::nullopt;
  for (const auto& [key, v] : c.values.all())
    if (v.origin == io::Origin::kTechnology) return std::nullopt;
  return fmt::format(
      "case.technology {0}: the case gives every input {0}'s catalogue entry would (design, "
      "operation, bath, "
      "model.current_efficiency_constant), so nothing of {0} is used but its name and reference "
      "points: "
      "published.csv compares with {0}'s published point, and `operating_point` judges the held "
      "heat loss "
      "against {0}'s operating point — a cell of the case's own design, not a {0} result",
      c.technology->id);
}
}  // namespace

std::vector<std::string> collect_notes(const CellCase& c, const CellResult& r) {
  std::vector<std::string> out = catalogue_caveats(c);  // T19-10: as smelter says them
  if (auto note = unused_technology_note(c)) out.push_back(std::move(*note));
  if (r.flags & kFanningBeyondFit) out.push_back(fanning_note(c.design, c.op.acd_m));
  if (auto note = acd_independent_ce_note(c, r)) out.push_back(std::move(*note));
  return out;
}

}  // namespace potline::cell

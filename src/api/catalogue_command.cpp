// potline technologies --json and potline schema --json as library calls (see
// potline/api/catalogue_command.hpp): the catalogue with published operating points, sources, and
// the model's calibration to each; every input field with its unit, default, range and source.
#include "potline/api/catalogue_command.hpp"

#include <fmt/format.h>

#include "potline/api/schemas.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/published_bound.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"

namespace potline::api {
namespace {

io::Json published_json(const std::optional<cell::PublishedValue>& v, double scale) {
  if (!v) return nullptr;
  io::Json j{{"value", v->value * scale}, {"as_published", v->text}, {"source", v->source}};
  if (!v->note.empty()) j["note"] = v->note;
  if (v->assumed_basis) j["assumed_basis"] = true;
  return j;
}

// The catalogue entry as published: identity, published operating point, parameters, estimates.
io::Json catalogue_entry_json(const cell::Technology& tech) {
  io::Json j;
  j["id"] = tech.id;
  j["name"] = tech.name;
  j["vendor"] = tech.vendor;
  j["aliases"] = tech.aliases;
  j["cell_type"] = tech.cell_type;
  j["first_industrial_year"] =
      tech.first_industrial_year ? io::Json(*tech.first_industrial_year) : io::Json(nullptr);
  j["notes"] = tech.notes;
  j["published"] = {
      {"line_current_kA", published_json(tech.line_current_A, 1e-3)},
      {"voltage_V", published_json(tech.voltage_V, 1.0)},
      {"current_efficiency", published_json(tech.current_efficiency, 1.0)},
      {"sec_dc_kWh_per_kg", published_json(tech.sec_dc_J_per_kg, 1.0 / constants::kJoulePerKWh)},
      {"sec_ac_kWh_per_kg", published_json(tech.sec_ac_J_per_kg, 1.0 / constants::kJoulePerKWh)},
      {"production_kg_per_day", published_json(tech.production_kg_per_day, 1.0)}};
  io::Json params = io::Json::array();
  for (const auto& p : tech.parameters) {
    params.push_back({{"key", p.key},
                      {"value", p.text},
                      {"status", p.published ? "published" : "estimated"},
                      {p.published ? "source" : "basis", p.source}});
  }
  j["parameters"] = params;
  if (tech.estimated_current_efficiency) {
    j["estimated"] = {{"current_efficiency",
                       {{"value", tech.estimated_current_efficiency->value},
                        {"basis", tech.estimated_current_efficiency->source}}}};
  }
  return j;
}

// "≤ " / "≥ " for a published number its note calls an upper / a lower bound ("published as
// '< 13.0 MWh/t' (upper bound)"): printed bare, AP60-600's "4500 kg per pot-day" read as a figure.
std::string bound_mark(const cell::PublishedValue& v) {
  switch (cell::published_bound(v)) {
    case cell::PublishedBound::kUpper:
      return "≤ ";
    case cell::PublishedBound::kLower:
      return "≥ ";
    case cell::PublishedBound::kNone:
      break;
  }
  return "";
}

// The model at the technology's operating point: its JSON ("model") and its text line.
struct ModelAtTechnology {
  io::Json json = nullptr;
  std::string text = "  model: not evaluated (incomplete parameters)";
};

ModelAtTechnology model_at(const cell::Technology& tech,
                           const cell::TechnologyCatalogue& catalogue) {
  ModelAtTechnology m;
  core::Diagnostics local;
  const auto c = cell::technology_case(tech, catalogue, local);
  if (!c) {
    for (const auto& d : local.items()) m.text += "\n    - " + d.key;
    return m;
  }
  const cell::CellResult r = cell::evaluate(c->design, c->constants, c->op);
  const cell::Calibration& cal = *c->calibration;  // a technology case is always calibrated
  const double cathode_drop_V = c->design.cathode_resistance_ohm * c->op.line_current_A;
  m.json = {{"acd_cm", c->op.acd_m * 100},
            {"acd_origin", cal.acd_m                                    ? "calibrated"
                           : tech.parameter("operation.acd") != nullptr ? "published"
                                                                        : "estimated"},
            {"current_efficiency_constant", c->constants.dewing_constant},
            {"cathode_drop_V", cathode_drop_V},
            {"cathode_drop_origin", cal.cathode_resistance_ohm ? "calibrated" : "catalogue"},
            {"voltage_V", r.voltage_V},
            {"current_efficiency", r.current_efficiency},
            {"sec_dc_kWh_per_kg", r.sec_dc_J_per_kg / constants::kJoulePerKWh},
            {"production_kg_per_day", r.production_kg_per_s * constants::kSecondsPerDay},
            {"plausible", cal.plausible()},
            {"problems", cal.problems},
            {"notes", cal.notes}};
  m.text = fmt::format("  model: ACD {:.2f} cm{}{}, {:.3f} V, CE {:.1f} %, {:.2f} kWh/kg DC{}",
                       c->op.acd_m * 100, cal.acd_m ? " (calibrated)" : "",
                       cal.cathode_resistance_ohm
                           ? fmt::format(", cathode drop {:.3f} V (calibrated)", cathode_drop_V)
                           : "",
                       r.voltage_V, r.current_efficiency * 100,
                       r.sec_dc_J_per_kg / constants::kJoulePerKWh,
                       cal.plausible() ? "" : "  ** IMPLAUSIBLE **");
  for (const auto& p : cal.problems) m.text += "\n    ! " + p;
  for (const auto& n : cal.notes) m.text += "\n    - " + n;
  return m;
}

// The two text lines of a catalogue entry before its model line.
std::string catalogue_entry_text(const cell::Technology& tech) {
  auto pub = [](const std::optional<cell::PublishedValue>& v) {
    return v ? bound_mark(*v) + v->text : std::string("–");
  };
  return fmt::format(
             "{:<14} {} ({}{})\n", tech.id, tech.name, tech.vendor,
             tech.first_industrial_year ? fmt::format(", {}", *tech.first_industrial_year) : "") +
         fmt::format("  published: {} | {} | CE {} | {} DC | {} AC | {} per pot-day\n",
                     pub(tech.line_current_A), pub(tech.voltage_V), pub(tech.current_efficiency),
                     pub(tech.sec_dc_J_per_kg), pub(tech.sec_ac_J_per_kg),
                     pub(tech.production_kg_per_day));
}

io::Json field_json(const io::FieldSpec& f) {
  io::Json j;
  j["key"] = f.key;
  j["type"] = std::string(io::to_string(f.type));
  j["unit"] = f.unit;
  if (f.type == io::FieldType::kNumber && f.temperature_kind == core::TemperatureKind::kAbsolute) {
    j["absolute_temperature"] = true;
  }
  if (f.default_value) {
    j["default"] = *f.default_value;
  } else if (!f.default_text.empty()) {
    j["default"] = f.default_text;
  } else {
    j["default"] = nullptr;
  }
  if (!f.default_note.empty()) j["default_note"] = f.default_note;
  j["min"] = f.min ? io::Json(*f.min) : io::Json(nullptr);
  j["max"] = f.max ? io::Json(*f.max) : io::Json(nullptr);
  j["min_exclusive"] = f.min_exclusive;
  j["max_exclusive"] = f.max_exclusive;
  if (f.typical_min) j["typical_min"] = *f.typical_min;
  if (f.typical_max) j["typical_max"] = *f.typical_max;
  if (!f.choices.empty()) j["choices"] = f.choices;
  j["description"] = f.description;
  j["source"] = f.source;
  return j;
}

}  // namespace

TechnologyListing technology_listing(const std::string& data_dir) {
  core::Diagnostics diagnostics;
  const auto catalogue =
      cell::TechnologyCatalogue::load(data_dir + "/technologies.toml", diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  io::Json list = io::Json::array();
  std::string text;
  for (const auto& tech : catalogue.technologies()) {
    io::Json j = catalogue_entry_json(tech);
    const ModelAtTechnology model = model_at(tech, catalogue);
    j["model"] = model.json;
    list.push_back(j);
    text += catalogue_entry_text(tech) + model.text + "\n";
  }
  return {io::Json{{"catalogue", catalogue.path()}, {"technologies", list}}, text};
}

io::Json technologies_json(const std::string& data_dir) {
  return technology_listing(data_dir).json;
}

io::Json schemas_json(const std::string& name) {
  io::Json schemas = io::Json::array();
  for (const auto& named : selected_schemas(name)) {
    io::Json fields = io::Json::array();
    for (const auto& f : named.schema->fields()) fields.push_back(field_json(f));
    schemas.push_back(
        {{"name", named.schema->name()}, {"command", named.command}, {"fields", fields}});
  }
  return io::Json{{"schemas", schemas}};
}

}  // namespace potline::api

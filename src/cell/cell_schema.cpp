// The cell case schema: every input of the steady-state cell, with unit, default, range and source.
// Hard ranges (min/max) reject physically meaningless input; typical ranges only warn.
#include "potline/cell/cell_schema.hpp"

#include "potline/bath/properties.hpp"

namespace potline::cell {
namespace {

using io::FieldSpec;
using io::FieldType;
using core::TemperatureKind;

FieldSpec number(std::string key, std::string unit, std::string internal_unit, std::string description) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kNumber;
  f.unit = std::move(unit);
  f.internal_unit = std::move(internal_unit);
  f.description = std::move(description);
  return f;
}

FieldSpec& range(FieldSpec& f, std::optional<double> lo, std::optional<double> hi,
                 bool lo_exclusive = false, bool hi_exclusive = false) {
  f.min = lo;
  f.max = hi;
  f.min_exclusive = lo_exclusive;
  f.max_exclusive = hi_exclusive;
  return f;
}

std::vector<FieldSpec> build() {
  std::vector<FieldSpec> fields;
  const std::string kFromTechnology = "from the technology when case.technology is set";

  {
    FieldSpec f;
    f.key = "case.title";
    f.type = FieldType::kString;
    f.description = "free text shown in outputs";
    fields.push_back(f);
  }
  {
    FieldSpec f;
    f.key = "case.technology";
    f.type = FieldType::kString;
    f.description =
        "a technology id from data/technologies.toml (see 'potline technologies'); its published "
        "operating point, design and calibrated constants become the defaults of this case";
    fields.push_back(f);
  }

  // [operation]
  {
    auto f = number("operation.line_current", "kA", "A", "line current through the cell");
    range(f, 0.0, 2000.0, true);
    f.default_note = kFromTechnology + " (its published line current)";
    fields.push_back(f);
  }
  {
    auto f = number("operation.acd", "cm", "m", "anode-cathode distance (anode bottom to metal pad)");
    range(f, 1.0, 15.0);
    f.typical_min = 3.0;
    f.typical_max = 6.0;
    f.source = "industrial ACD 3–6 cm (physics.md §3; Haupin 1998)";
    f.default_note = kFromTechnology + " (calibrated to its published voltage unless published)";
    fields.push_back(f);
  }
  {
    auto f = number("operation.bath_temperature", "degC", "K", "bath temperature");
    f.temperature_kind = TemperatureKind::kAbsolute;
    range(f, 850.0, 1100.0);
    f.default_value = 965.0;
    f.source = "default is an estimate: the seed paper gives 'about 960 °C'; 965 °C is about 7 K "
               "above the Solheim et al. (1996) liquidus of the default bath (958.1 °C), inside the "
               "5–15 K superheat window of physics.md §6";
    fields.push_back(f);
  }

  // [bath] — wt% of the bath; cryolite is the rest.
  const std::string bath_basis =
      "estimate: typical modern point-fed prebake bath; alumina inside the 2.0–2.5 wt% feed-control "
      "band (Dupuis, physics.md §7); 12 wt% excess AlF3 and 5 wt% CaF2 give a liquidus of 958.1 °C "
      "(Solheim et al. 1996), 7 K below the default bath temperature";
  auto bath_field = [&](std::string key, std::string what, double def, double hi) {
    auto f = number("bath." + key, "wt%", "wt%", what);
    range(f, 0.0, hi);
    f.default_value = def;
    f.source = bath_basis;
    return f;
  };
  {
    auto f = bath_field("alumina", "dissolved Al2O3", 2.5, 20.0);
    f.min_exclusive = true;
    fields.push_back(f);
  }
  fields.push_back(bath_field("alf3", "excess AlF3 (beyond cryolite stoichiometry)", 12.0, 30.0));
  fields.push_back(bath_field("caf2", "CaF2", 5.0, 20.0));
  fields.push_back(bath_field("mgf2", "MgF2", 0.0, 10.0));
  fields.push_back(bath_field("lif", "LiF", 0.0, 20.0));
  fields.push_back(bath_field("kf", "KF", 0.0, 20.0));

  // [design]
  {
    FieldSpec f;
    f.key = "design.anode_count";
    f.type = FieldType::kInteger;
    f.description = "number of anodes in the cell (two rows)";
    range(f, 1.0, 200.0);
    f.default_note = kFromTechnology;
    fields.push_back(f);
  }
  auto length = [&](std::string key, std::string unit, std::string what, double lo, double hi) {
    auto f = number("design." + key, unit, "m", what);
    range(f, lo, hi, true);
    f.default_note = kFromTechnology;
    return f;
  };
  fields.push_back(length("anode_length", "m", "anode length (across the cell)", 0.0, 3.0));
  fields.push_back(length("anode_width", "m", "anode width (along the cell)", 0.0, 2.0));
  fields.push_back(length("anode_gap", "cm", "gap between adjacent anodes in a row", 0.0, 30.0));
  fields.push_back(length("center_channel", "cm", "channel between the two anode rows", 0.0, 60.0));
  fields.push_back(length("side_channel", "cm", "anode end to side wall or ledge face", 0.0, 80.0));
  fields.push_back(length("anode_immersion", "cm", "anode immersion depth in the bath", 0.0, 40.0));
  {
    auto f = number("design.cathode_area", "m2", "m2", "metal-pad area carrying the cathode current");
    range(f, 0.0, 300.0, true);
    f.default_note = kFromTechnology;
    fields.push_back(f);
  }
  {
    auto f = number("design.nominal_current", "kA", "A",
                    "line current at which the anode, cathode and external drops are stated");
    range(f, 0.0, 2000.0, true);
    f.default_note = "the technology's published line current, else operation.line_current";
    fields.push_back(f);
  }
  auto drop = [&](std::string key, std::string what, double lo, double hi, std::string source) {
    auto f = number("design." + key, "V", "V", what + " at design.nominal_current (scales with current)");
    range(f, 0.0, 2.0);
    f.typical_min = lo;
    f.typical_max = hi;
    f.source = std::move(source);
    f.default_note = kFromTechnology;
    return f;
  };
  fields.push_back(drop("anode_drop", "anode assembly drop (stub, rod, yoke, carbon)", 0.25, 0.35,
                        "typical modern range, physics.md §3"));
  fields.push_back(drop("cathode_drop", "cathode drop (blocks, collector bars)", 0.2, 0.5,
                        "0.2–0.35 V graphitised, 0.3–0.5 V anthracitic, physics.md §3"));
  fields.push_back(drop("external_drop", "busbar share per cell", 0.15, 0.3,
                        "typical modern range, physics.md §3"));
  {
    auto f = number("design.rectifier_efficiency", "1", "1",
                    "DC energy delivered / AC energy drawn at the rectifier station (fraction)");
    range(f, 0.5, 1.0, false, false);
    f.default_value = 0.975;
    f.source = "estimate: silicon-diode rectifier stations of smelters run at about 97–98.5 %; "
               "replace with the plant's value";
    fields.push_back(f);
  }

  // [model]
  {
    FieldSpec f;
    f.key = "model.conductivity";
    f.type = FieldType::kChoice;
    f.choices = {std::string(bath::to_name(bath::ConductivityModel::kHives1996)),
                 std::string(bath::to_name(bath::ConductivityModel::kWang1992))};
    f.default_text = f.choices.front();
    f.description = "bath electrical conductivity correlation";
    f.source = "docs/model/bath.md";
    fields.push_back(f);
  }
  {
    auto f = number("model.current_efficiency_constant", "1", "1",
                    "K in Dewing's equation log10(100 − CE%) = 0.0095·SH − 0.019·AlF3 − 0.060·LiF + K");
    range(f, -5.0, 5.0);
    f.default_value = 0.860;
    f.source =
        "default is an estimate: gives CE = 95 % in the default bath (6.9 K superheat, 12 wt% AlF3; "
        "typical modern CE 93–96 %, physics.md §4); calibrated to the published CE when a "
        "technology is set";
    fields.push_back(f);
  }
  {
    auto f = number("model.alumina_feed_temperature", "degC", "K",
                    "temperature of the alumina entering the bath");
    f.temperature_kind = TemperatureKind::kAbsolute;
    range(f, -40.0, 900.0);
    f.default_value = 25.0;
    f.source = "estimate: ambient; secondary (scrubber) alumina arrives warmer";
    fields.push_back(f);
  }
  {
    auto f = number("model.anode_entry_temperature", "degC", "K",
                    "temperature at which anode carbon enters the energy balance");
    f.temperature_kind = TemperatureKind::kAbsolute;
    range(f, -40.0, 900.0);
    f.default_value = 25.0;
    f.source = "estimate: fresh anodes set at ambient";
    fields.push_back(f);
  }
  {
    auto f = number("model.anode_effect_overvoltage", "V", "V",
                    "extra cell voltage while the anode current density exceeds the critical value");
    range(f, 0.0, 60.0);
    f.default_value = 25.0;
    f.source = "estimate: anode-effect cell voltage 20–40 V against ~4.2 V normally "
               "(physics.md §3, Haupin 1998)";
    fields.push_back(f);
  }
  {
    FieldSpec f;
    f.key = "model.subtract_bubble_layer";
    f.type = FieldType::kBool;
    f.default_text = "true";
    f.description = "bath ohmic path is ACD minus the bubble layer thickness (Haupin 1998) or the full ACD";
    fields.push_back(f);
  }
  return fields;
}

}  // namespace

const io::Schema& cell_schema() {
  static const io::Schema schema("cell", build());
  return schema;
}

}  // namespace potline::cell

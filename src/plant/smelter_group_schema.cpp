// The schema of a `[[potline]]` table of a smelter case (docs/model/economics.md, "Several potline
// groups"): each key stands for a smelter field, converted and checked the same way.
#include "potline/plant/smelter_schema.hpp"

namespace potline::plant {

const std::vector<PotlineGroupKey>& potline_group_keys() {
  static const std::vector<PotlineGroupKey> keys = {
      {"name", ""},
      {"technology", "potline.technology"},
      {"count", "potline.count"},
      {"pots_per_line", "potline.pots_per_line"},
      {"line_current", "potline.line_current"},
      {"current_efficiency", "potline.current_efficiency"},
      {"sec_ac", "potline.sec_ac"},
      {"capacity", "plant.capacity"},
      {"capacity_factor", "plant.capacity_factor"},
      {"employees", "labour.employees"},
      {"alumina", "consumption.alumina"},
      {"net_carbon", "consumption.net_carbon"},
      {"gross_carbon", "consumption.gross_carbon"},
      {"alf3", "consumption.alf3"},
      {"pot_life", "cathode.pot_life"},
      {"relining_cost", "cathode.relining_cost"},
      {"technology_class", "emissions.technology_class"},
      {"pfc_method", "emissions.pfc_method"},
      {"aem", "emissions.aem"},
      {"ae_frequency", "emissions.ae_frequency"},
      {"ae_duration", "emissions.ae_duration"},
      {"aeo", "emissions.aeo"},
      {"from_simulation", "emissions.from_simulation"},
      {"paste_consumption", "emissions.paste_consumption"},
  };
  return keys;
}

const io::Schema& potline_group_schema() {
  static const io::Schema schema("smelter-potline", [] {
    std::vector<io::FieldSpec> out;
    const io::Schema& flat = smelter_schema();
    for (const auto& k : potline_group_keys()) {
      io::FieldSpec f;
      if (k.flat.empty()) {
        f.key = "potline." + k.leaf;
        f.type = io::FieldType::kString;
        f.description = "name of this potline group, shown in outputs";
        f.default_note = "\"potline N\" (N = position of the [[potline]] table)";
        out.push_back(f);
        continue;
      }
      f = *flat.find(k.flat);
      f.key = "potline." + k.leaf;
      f.default_value.reset();
      f.default_text.clear();
      // potline.* fields keep their own note (the technology gives them); the others fall back to
      // the smelter's value, which has the smelter field's default.
      if (k.flat.rfind("potline.", 0) != 0) f.default_note = "the smelter's " + k.flat;
      if (k.flat == "potline.count") {
        f.default_value = 1;
        f.default_note.clear();
      } else if (k.flat == "plant.capacity") {
        f.description = "nameplate capacity of this group";
        f.default_note =
            "count x pots_per_line x Faraday production at line_current and current_efficiency";
      } else if (k.flat == "labour.employees") {
        f.description =
            "employees assigned to this group (potrooms); labour.employees counts the others, "
            "shared among the groups by production";
        f.default_value = 0;
        f.default_note.clear();
      }
      out.push_back(f);
    }
    return out;
  }());
  return schema;
}

}  // namespace potline::plant

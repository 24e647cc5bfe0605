// The --OPTION flags of bath, emissions and cbam (see option_schemas.hpp).
#include "option_schemas.hpp"

#include "potline/core/text.hpp"

namespace potline::app {
namespace {

std::string help_of(const io::FieldSpec& f) {
  std::string help = f.description;
  if (!f.unit.empty() && f.unit != "1") help += " [" + f.unit + "]";
  if (f.default_value) help += "; default " + core::format_number(*f.default_value);
  else if (!f.default_text.empty()) help += "; default " + f.default_text;
  else if (!f.default_note.empty()) help += "; default: " + f.default_note;
  if (!f.range_text().empty()) help += "; allowed " + f.range_text();
  return help;
}

}  // namespace

std::shared_ptr<OptionTexts> add_schema_options(CLI::App* cmd, const io::Schema& schema) {
  auto texts = std::make_shared<OptionTexts>();
  for (const auto& f : schema.fields()) {
    // Each value lands in the map only when given; an empty value is checked like any other.
    cmd->add_option_function<std::string>(
        api::option_of(f.key), [texts, key = f.key](const std::string& v) { (*texts)[key] = v; }, help_of(f));
  }
  return texts;
}

}  // namespace potline::app

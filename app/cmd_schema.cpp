// potline schema [NAME] [--json|--markdown] and potline template NAME: generated from the schema tables.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "schemas.hpp"
#include "potline/api/catalogue_command.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/schema_docs.hpp"

namespace potline::app {
namespace {

void print_schema_text(const io::Schema& schema, const char* command) {
  // The commands of command-line options (bath, emissions, cbam) take no --set.
  const bool takes_set = std::string(command).find("--OPTION") == std::string::npos;
  std::cout << "Schema '" << schema.name() << "' (" << command << (takes_set ? "; --set KEY=VALUE" : "") << ")\n"
            << "Numbers may carry units as strings: \"600 kA\", \"960 degC\", \"4.5 cm\".\n\n";
  std::string section;
  for (const auto& f : schema.fields()) {
    const std::string s = f.key.substr(0, f.key.find('.'));
    if (s != section) {
      section = s;
      std::cout << "[" << section << "]\n";
    }
    std::cout << fmt::format("  {:<34} {:<7} {:<6} default: {}\n", f.key, io::to_string(f.type),
                             f.unit, io::default_text(f));
    std::cout << "      " << f.description << "\n";
    if (!f.range_text().empty()) std::cout << "      allowed " << f.range_text();
    if (!f.typical_text().empty()) std::cout << "; typical " << f.typical_text();
    if (!f.range_text().empty() || !f.typical_text().empty()) std::cout << "\n";
    if (!f.choices.empty()) {
      std::string c;
      for (const auto& x : f.choices) c += (c.empty() ? "" : ", ") + x;
      std::cout << "      choices: " << c << "\n";
    }
    if (!f.source.empty()) std::cout << "      source: " << f.source << "\n";
  }
  std::cout << "\n";
}

int run_schema(const std::string& name, bool json, bool markdown) {
  if (json && markdown) {
    core::Diagnostics d;
    d.error({}, "schema", "give --json or --markdown, not both");
    throw core::InputError(d);
  }
  if (json) {
    std::cout << io::dump(api::schemas_json(name));
    return 0;
  }
  const std::vector<NamedSchema> chosen = api::selected_schemas(name);
  for (const auto& named : chosen) {
    if (markdown) {
      std::cout << io::schema_markdown(*named.schema);
    } else {
      print_schema_text(*named.schema, named.command);
    }
  }
  return 0;
}

int run_template(const std::string& kind) {
  if (kind == "fleet" || kind == "sweep") {
    std::cout << (kind == "fleet" ? fleet::fleet_template() : sweep::sweep_template());
    return 0;
  }
  std::vector<std::string> names;
  for (const auto& named : all_schemas()) {
    if (!named.starter) continue;
    if (named.schema->name() == kind) {
      std::cout << io::case_template(*named.schema, *named.starter);
      return 0;
    }
    names.push_back(named.schema->name());
  }
  names.insert(names.end(), {"fleet", "sweep"});
  core::Diagnostics d;
  std::string message = "unknown template '" + kind + "'; available: ";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", " : "") + names[i];
  const std::string hint = core::closest_match(kind, names);
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  d.error({}, "template", message);
  throw core::InputError(d);
}

}  // namespace

void add_schema_commands(CLI::App& app, const GlobalOptions&, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  auto markdown = std::make_shared<bool>(false);
  auto name = std::make_shared<std::string>();
  CLI::App* schema = app.add_subcommand("schema", "reference of every case-file field: type, unit, "
                                                  "default, allowed range, source");
  schema->add_option("name", *name, "only this schema (cell, smelter, smelter-potline, invest, simulate, flex, fleet, sweep, bath, "
                     "emissions, cbam); default: all");
  schema->add_flag("--json", *json, "print one JSON object on stdout");
  schema->add_flag("--markdown", *markdown, "print the reference table in Markdown (as in docs/cli.md)");
  schema->callback([json, markdown, name, &exit_code]() {
    exit_code = run_guarded([&] { return run_schema(*name, *json, *markdown); });
  });

  auto kind = std::make_shared<std::string>();
  CLI::App* tmpl = app.add_subcommand("template", "print a commented starter case file");
  tmpl->add_option("kind", *kind, "what to start: cell, smelter, invest, simulate, flex, fleet, sweep (see 'potline schema')")->required();
  tmpl->callback([kind, &exit_code]() { exit_code = run_guarded([&] { return run_template(*kind); }); });
}

}  // namespace potline::app

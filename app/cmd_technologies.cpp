// potline technologies [--json]: the catalogue with published operating points, sources, and the
// model's calibration to each (built by api::technology_listing, which potline.technologies()
// returns).
#include <iostream>

#include "commands.hpp"
#include "potline/api/catalogue_command.hpp"
#include "potline/io/json_output.hpp"

namespace potline::app {
namespace {

int run_technologies(bool json, const GlobalOptions& global) {
  const api::TechnologyListing listing = api::technology_listing(data_dir(global));
  if (json) {
    std::cout << io::dump(listing.json);
  } else {
    io::require_finite(listing.json["technologies"]);
    std::cout << listing.text << "Sources: 'potline technologies --json' or docs/technologies.md\n";
  }
  return 0;
}

}  // namespace

void add_technologies_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("technologies",
                         "list cell technologies: published operating points with sources, and the "
                         "model calibrated to each");
  cmd->add_flag("--json", *json, "print one JSON object on stdout");
  cmd->callback([json, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_technologies(*json, global); });
  });
}

}  // namespace potline::app

#pragma once
// `potline flex` as library functions (docs/model/flexibility.md): a case (a file, or TOML text for
// the Python API's dicts) with its --set overrides and a price series (a file, or CSV text) in; the
// summary document that `potline flex --json` prints and the run folder's tables out. The Python API
// and `--vary` call these. Input errors throw core::InputError with every message collected.
#include <optional>
#include <string>
#include <vector>

#include "potline/api/case_commands.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/prices.hpp"

namespace potline::api {

/// Where the price series comes from: `path` overrides the case's flex.prices ("" = the case's);
/// `text` is CSV text instead of a file, named `display_name` in messages.
struct PriceSource {
  std::string path;
  std::optional<std::string> text;
  std::string display_name = "<prices>";
};

struct FlexInput {
  flex::FlexCase c;
  flex::PriceSeries prices;
  std::string catalogue_path;
  std::vector<std::string> warnings;  ///< warnings of reading the case (the CLI prints them on stderr)
  /// The emission data files read (plant::EmissionData::load: ipcc-aluminium.toml, power.toml,
  /// fuels.toml), for the run's manifest (docs audit DA19-37)
  std::vector<std::string> emission_files;
  /// Notes of reading the price series (flex::PriceSeries::notes: nothing to act on; stderr too)
  std::vector<std::string> notes;
};

/// Reads the case (flex schema), applies the overrides, reads the price series and checks that it
/// covers the horizon; every input error at once.
FlexInput load_flex(const CaseSource& source, const PriceSource& prices);

struct FlexRun {
  flex::FlexResult result;
  io::Json summary;  ///< what `potline flex --json` prints
  /// schedule.csv, and envelope.csv when the envelope was scanned.
  Tables tables(const flex::FlexCase& c) const;
};

/// Runs the analysis (with the operating-envelope scan when `envelope`); the summary is checked finite.
FlexRun run_flex(const FlexInput& input, bool envelope);

}  // namespace potline::api

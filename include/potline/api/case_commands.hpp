#pragma once
// The case-file commands (potline cell, smelter, invest, fleet) as library functions: a case (a file,
// or TOML text for the Python API's dicts) and its --set overrides in; the case, the model's result,
// the JSON document that `potline COMMAND --json` prints (summary.json) and the run folder's CSV
// tables out. The CLI formats and writes these, the Python API returns them and `--vary` reruns
// them, so the three agree by construction. Input errors throw core::InputError with every
// message collected (file:line:col, key, value, allowed range).
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "potline/cell/cell_case.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/finance/investment.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::api {

/// Where a case comes from: a file, or TOML text read as if from a file named `display_name`
/// (relative paths inside it are then resolved against the working directory).
struct CaseSource {
  std::string path;                  ///< the case file; ignored when `text` is given
  std::optional<std::string> text;   ///< TOML text instead of a file
  std::string display_name = "<dict>";
  std::vector<std::string> sets;     ///< "KEY=VALUE" overrides, applied like --set (in order)
  std::string data_dir;              ///< the data folder; empty: cell::default_data_dir()
  /// --technology NAME: overrides case.technology, located at "--technology" (simulate, flex)
  std::string technology = {};

  bool given() const { return text.has_value() || !path.empty(); }
  /// The file name messages use: the path or `display_name`.
  const std::string& name() const { return text ? display_name : path; }
  /// The folder relative paths inside the case are resolved against.
  std::string base_dir() const;
  std::string data() const;
};

/// --technology NAME (cell, simulate, flex): sets case.technology in `values`, origin command line,
/// located at "--technology"; nothing when `technology` is empty.
void set_technology_option(const std::string& technology, io::ValueSet& values);

/// Runs `body`; an input error whose diagnostics name no place (a required key that is missing, a
/// rule between keys) is rethrown located at the case file, so every message of a case says which
/// file it is about ("case.toml: error: 'prices.year': required ...").
template <class Body>
auto located_at_case(const CaseSource& source, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const core::InputError& e) {
    if (!source.given()) throw;
    core::Diagnostics located;
    for (const auto& item : e.diagnostics().items()) {
      core::SourceLocation where = item.location;
      if (where.file.empty()) where = {source.name(), 0, 0};
      if (item.severity == core::Severity::kError) located.error(where, item.key, item.message);
      else located.warning(where, item.key, item.message);
    }
    throw core::InputError(located);
  }
}

/// The warnings of a case run, each as "FILE:LINE:COL: warning: 'KEY': message" (user trial T12-5):
/// one about an input value the case file or --set gave names where it was given ("<command line>"
/// for --set); one about a key left at its default, or a rule between keys, names the case file; one
/// about no key has no place. `values` are the case's inputs (with their locations), first found first.
/// The CLI prints them on stderr; the JSON "warnings" array keeps the unlocated "KEY: message" texts.
std::vector<std::string> located_warnings(const core::Diagnostics& d, const std::vector<const io::ValueSet*>& values,
                                          const CaseSource& source);

/// The run folder's tables: file name -> CSV text (units in the headers).
using Tables = std::map<std::string, std::string>;

struct CellRun {
  cell::CellCase c;
  cell::CellResult result;
  std::vector<std::string> warnings;
  io::Json summary;
  std::string catalogue_path;
  /// `warnings` for stderr (trial 13, as smelter's since T12-5): an input's located at the value
  /// ("--set #1: warning: 'operation.acd': ..."), the bath's and the cell's state with no place.
  std::vector<std::string> located_warnings;
  Tables tables() const;  ///< breakdown.csv, energy.csv, inputs.csv, published.csv
};

/// published.csv: the model's operating point beside the one published for the case's catalogue
/// technology, with the source of each published number ("Quantity,Unit,Model,Published,Source,
/// Note"; Published and Source empty where nothing is published, and for a case without a
/// catalogue technology).
std::string published_point_csv(const CellRun& run);

/// potline cell [CASE] [--technology T] [--set ...] [--target-voltage V] [--thermal]: `technology` overrides
/// case.technology; `target_voltage` (text, may carry a unit) solves the ACD for that voltage. `thermal`:
/// cell_thermal_summary follows, so a case calibrated elsewhere (a catalogue technology, a case file with
/// --set) is not refused for its fixed bath temperature below the liquidus; its solved state is checked.
CellRun run_cell(const CaseSource& source, const std::string& technology = "", const std::string& target_voltage = "",
                 bool thermal = false);

/// `potline cell --thermal`: the summary's "thermal" object, the bath temperature and ledge solved from
/// the heat balance of the dynamics' heat-loss network calibrated at the design point: the catalogue
/// technology's operating point, or for a case without one the case as written in `source` (without
/// its --set overrides, which are the what-ifs solved in that network). docs/model/cell.md, "Thermal
/// steady state"; docs/cli.md lists the keys.
io::Json cell_thermal_summary(const CellRun& run, const CaseSource& source);

struct SmelterRun {
  plant::SmelterData data;
  plant::SmelterCase c;
  plant::SmelterResult result;
  std::vector<std::string> warnings;          ///< "KEY: message", as summary.json's warnings
  std::vector<std::string> located_warnings;  ///< the same, located (located_warnings), for stderr
  io::Json summary;
  Tables tables() const;  ///< cost_breakdown.csv, emissions.csv, cbam.csv, potlines.csv
};

SmelterRun run_smelter(const CaseSource& source);

/// The project at one power price paid in every year (contract and after), as the break-even search
/// evaluates it (finance::project_cash_flows).
struct PowerPricePoint {
  double power_usd_per_MWh = 0;
  double npv_usd = 0;
  std::optional<double> irr;  ///< empty when the NPV does not change sign over the rates tried
  /// Retrofit: the NPV and IRR of the retrofit against keeping the old cells at that price (the
  /// decision the case asks; T14-3); empty for a new build.
  std::optional<double> incremental_npv_usd;
  std::optional<double> incremental_irr;
};

/// The NPV against the power price: 21 prices or so from 0 in round steps up to at least twice the
/// contract price and 1.25 times the break-even price, the plant's and a retrofit's (the chart of the
/// report).
std::vector<PowerPricePoint> npv_by_power_price(const finance::InvestmentInputs& in,
                                                const finance::InvestmentResult& result);

struct InvestRun {
  plant::SmelterData data;
  finance::InvestCase c;
  finance::InvestmentResult result;
  io::Json summary;
  std::vector<std::string> located_warnings;  ///< summary "warnings", located (located_warnings), for stderr
  std::vector<PowerPricePoint> npv_by_power;
  Tables tables() const;  ///< cash_flows.csv, npv_vs_power.csv (a retrofit's with its incremental columns)
};

InvestRun run_invest(const CaseSource& source);

/// A fleet case read and prepared, not yet solved (`potline fleet --export-smelter` stops here).
struct FleetInput {
  plant::SmelterData data;
  fleet::FleetCase c;
  std::vector<std::string> warnings;  ///< of reading the case
  std::vector<std::string> located_warnings;  ///< the same, located (located_warnings), for stderr
  CaseSource source;  ///< where the case came from: run_fleet's input errors are placed where their key was given
};

FleetInput load_fleet(const CaseSource& source);

struct FleetRun {
  fleet::FleetResult result;          ///< of the case, or of its last year (fleet.year)
  std::vector<std::string> warnings;  ///< of the case and of the solve
  io::Json summary;                   ///< with fleet.year: "year"; with a path: "path", one entry a year
  /// With fleet.year: the case of the (last) year solved, whose smelters the result lists.
  std::shared_ptr<const fleet::FleetCase> year_case;
  std::string path_csv;               ///< with a path: path.csv (one row per year and region)
  /// cost_curve.csv, regions.csv, flows.csv (of the last year with fleet.year) and path.csv (a path).
  Tables tables(const fleet::FleetCase& c) const;
};

/// Solves the fleet; an infeasible market is an input error naming the case.
FleetRun run_fleet(const FleetInput& input);

/// The run's warnings for stderr (trial 13, as smelter's since T12-5): those of reading the case
/// located at their input (`input.located_warnings`), then the solve's, which have no input place
/// ("warning: year 2030: ...").
std::vector<std::string> located_warnings(const FleetInput& input, const FleetRun& run);

}  // namespace potline::api

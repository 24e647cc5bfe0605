#pragma once
// Assembling a smelter case: schema defaults < case file < --set, then the typed SmelterInputs.
// A catalogue technology (potline.technology) runs the cell model once here: its calibrated
// steady state gives the potlines' AC SEC, current efficiency and line current.
#include <optional>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/anode_effects.hpp"
#include "potline/plant/cell_current.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::plant {

/// Data every smelter case needs, loaded once per run.
struct SmelterData {
  cell::TechnologyCatalogue technologies;
  EmissionData emissions;
  policy::CbamSchedule cbam;
  /// The fleet's anode-effect table (data_dir/fleet-anode-effects.toml): a case without a PFC method
  /// takes its technology class's entry, as the fleet does (T8-4).
  AnodeEffectTable anode_effects;
  std::vector<std::string> files;  ///< the data files read, for run manifests
  /// Loads data_dir/technologies.toml, data_dir/emissions/*.toml, data_dir/cbam.toml,
  /// data_dir/fleet-anode-effects.toml.
  static SmelterData load(const std::string& data_dir, core::Diagnostics& diagnostics);
};

/// What a group of potlines is, for reports (the numbers are in SmelterInputs).
struct PotlineGroupCase {
  std::string name;            ///< "potline N" unless the [[potline]] table names it
  std::string technology;      ///< catalogue id, empty if none
  std::string sec_origin;
  int count = 1;
  std::optional<double> pots_per_line;
  std::optional<double> line_current_A;       ///< the line's (potline.line_current, else the cell's)
  /// The current its technology's cell is evaluated at, and why (plant::cell_current; none without a
  /// technology): SEC and current efficiency are that cell's.
  std::optional<CellCurrent> cell_current;
  std::optional<double> current_efficiency;  ///< fraction
  double employees_assigned = 0;
  std::string ae_summary_file;  ///< emissions.from_simulation of the group (resolved), empty if none
  std::optional<double> ae_per_cell_day;
  std::optional<double> ae_minutes_per_cell_day;
  std::optional<double> ae_overvoltage_mV;
  std::string ae_pfc_coefficients;  ///< the coefficients applied to them (SmelterCase::ae_applied_pfc_coefficients)
  std::string pfc_basis;            ///< SmelterCase::pfc_basis of the group
};

/// One `[[potline]]` table as read: its values under the smelter keys they stand for
/// (sec_ac -> potline.sec_ac, capacity -> plant.capacity, aem -> emissions.aem, ...).
struct PotlineGroupValues {
  std::string name;
  core::SourceLocation where;  ///< the table's position
  io::ValueSet values;
};

struct SmelterCase {
  std::string title;
  std::string technology;      ///< catalogue id, empty if none
  std::string sec_origin;      ///< "cell model (technology X)" or "input potline.sec_ac"
  int price_year = 0;
  PowerSource power_source = PowerSource::kGrid;
  CoefficientSet coefficient_set = CoefficientSet::kIpcc2006;
  GwpSet gwp = GwpSet::kAR5;
  std::string cbam_country;    ///< for the default route
  /// The keys the CBAM schedule's EUA prices come from: "cbam.eua_price" (one price in every year),
  /// "cbam.eua_price_by_year", or "cbam.eua_price_by_year, else cbam.eua_price".
  std::string cbam_eua_basis;
  int eu_ets_year = 0;         ///< eu_ets.year (0: no EU ETS cost)
  std::vector<std::string> notes;  ///< assumptions worth showing (e.g. costs not given)
  /// Where the PFC method and its anode-effect figure come from (emissions_method.pfc_basis): the
  /// case's emissions.pfc_method, its own statistics, or the technology class's entry of the
  /// anode-effect table (with that entry's source in pfc_basis_source); per group, "; "-joined.
  std::string pfc_basis;
  std::string pfc_basis_source;
  /// Whether low-voltage PFC is counted and from where (plant::low_voltage_pfc; user trial T10-7):
  /// emissions_method.low_voltage_pfc and the text's "low-voltage PFC" line.
  std::string low_voltage_pfc;
  SmelterInputs inputs;
  io::ValueSet values;         ///< every final input with its origin
  /// emissions.from_simulation: the `potline simulate` summary.json the anode-effect statistics came
  /// from (resolved path; empty if none), and what was read from it.
  std::string ae_summary_file;
  std::optional<double> ae_per_cell_day;
  std::optional<double> ae_minutes_per_cell_day;
  std::optional<double> ae_overvoltage_mV;
  /// The PFC coefficients the run used ("IPCC2019/PFPB_modern", its summary's pfc_coefficients; empty
  /// for a summary without it) and those applied to its anode effects here: the run's, unless the
  /// case sets emissions.coefficient_set or technology_class itself (then warned when they differ).
  std::string ae_run_pfc_coefficients;
  std::string ae_applied_pfc_coefficients;
  /// One entry per potline group (one for a case without [[potline]] tables).
  std::vector<PotlineGroupCase> potlines;
  /// Input files besides the case file (simulation summaries of the case and its groups).
  std::vector<std::string> input_files() const;
};

/// Anode-effect statistics read from a `potline simulate` summary.json.
struct SimulatedAnodeEffects {
  double per_cell_day = 0;          ///< ae_per_cell_day
  double minutes_per_cell_day = 0;  ///< ae_minutes_per_cell_day (AEM)
  std::optional<double> overvoltage_mV;  ///< ae_overvoltage_mV (AEO), when present
  std::string pfc_coefficients;          ///< pfc_coefficients ("SET/CLASS"), when present
  /// pfc_cf4_low_voltage_kg / production_t (kg CF4 per kg Al), when the run had a low-voltage term
  std::optional<double> low_voltage_cf4_kg_per_kg;
};

/// Reads `path`; a missing or unreadable file, text that is not a JSON object, a missing
/// ae_per_cell_day / ae_minutes_per_cell_day (or ae_overvoltage_mV when `need_overvoltage`), or a
/// value that is not a finite number ≥ 0 is an error in `diagnostics` (at `where`, key `key`).
std::optional<SimulatedAnodeEffects> read_simulated_anode_effects(const std::string& path, bool need_overvoltage,
                                                                  const core::SourceLocation& where,
                                                                  const std::string& key,
                                                                  core::Diagnostics& diagnostics);

/// Builds the case from user values (case file and --set applied). Missing or inconsistent inputs
/// are errors in `diagnostics`; returns nothing when there are errors.
std::optional<SmelterCase> build_smelter_case(const io::ValueSet& user_values, const SmelterData& data,
                                              core::Diagnostics& diagnostics);

/// A case with `[[potline]]` groups: `user` holds the smelter-level values (prices, costs, power,
/// CBAM, and defaults for the groups' consumptions and emission inputs), `groups` one entry per
/// table. Each group is built as a smelter of its own from the smelter values overlaid with its
/// own; errors about a group's inputs are keyed potline[I].KEY (I from 0). With no groups this is the
/// single-group builder above.
std::optional<SmelterCase> build_smelter_case(const io::ValueSet& user, const std::vector<PotlineGroupValues>& groups,
                                              const SmelterData& data, core::Diagnostics& diagnostics);

/// Reads a smelter case from TOML text (`display_name` in messages): smelter-level values into
/// `values`, each `[[potline]]` table into `groups` (none when the case uses a [potline] table).
/// Throws core::InputError with `diagnostics` when the text is no TOML: nothing was read, so nothing
/// else is checked (user trial T16-5).
void read_smelter_case_text(const std::string& toml_text, const std::string& display_name, io::ValueSet& values,
                            std::vector<PotlineGroupValues>& groups, core::Diagnostics& diagnostics);

/// Applies --set overrides: potline[I].KEY=VALUE to group I (from 0), anything else to `values`.
void apply_smelter_overrides(const std::vector<std::string>& sets, io::ValueSet& values,
                             std::vector<PotlineGroupValues>& groups, core::Diagnostics& diagnostics);

/// Reads a case file with --set overrides and builds it; throws core::InputError on input errors.
SmelterCase load_smelter_case(const std::string& path, const std::vector<std::string>& sets,
                              const SmelterData& data, core::Diagnostics& diagnostics);

}  // namespace potline::plant

#pragma once
// A sweep file (examples/world-montecarlo.toml, examples/sweep-*.toml): a base fleet case, named
// scenarios that override it with the fleet case's own levers, and uncertain inputs with
// distributions sampled per Monte Carlo sample. Format and keys: docs/model/sweep.md.
//
// Each scenario is the base case's TOML with the scenario's tables merged in (arrays of tables
// such as [[scenario.tariff]] are appended; tables such as [scenario.cbam] override key by key),
// then parsed by fleet::parse_fleet_case — so every lever, unit and name check of `potline fleet`
// applies unchanged, and errors point back at the sweep file or the base case.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/sweep/random.hpp"

namespace potline::sweep {

/// What an uncertain input changes in a sample (applied on top of the scenario's levers).
enum class Parameter {
  kPowerFactor,    ///< multiplies the power price of a region (or all)      [1]
  kPowerAdder,     ///< added to the power price of a region (or all)        [USD/MWh in the file]
  kCarbonPrice,    ///< domestic carbon price on scope 1 in a region (or all) [USD/t CO2 in the file]
  kAluminaFactor,  ///< multiplies every smelter's alumina price              [1]
  kDemandFactor,   ///< multiplies the demand of a region (or all)            [1]
  kEuaPrice,       ///< the EU allowance price of the case's year: the EU ETS and CBAM [EUR/t CO2e]
};
std::string to_string(Parameter p);

struct UncertainInput {
  std::string name;            ///< stored as metric of entity "input"
  Parameter parameter = Parameter::kPowerFactor;
  int region = -1;             ///< index in the region table; -1 = every region
  Distribution distribution;   ///< in the internal (SI) unit
  std::string unit;            ///< the file's unit ("1", "USD/MWh", "USD/t")
  double si_per_unit = 1;      ///< 1 file unit in SI
  /// The lever's allowed range (SI, inclusive): draws outside it are drawn again (draw_inputs).
  double lower = -std::numeric_limits<double>::infinity();
  double upper = std::numeric_limits<double>::infinity();
  core::SourceLocation where;
};

struct Scenario {
  std::string name;
  std::string description;
  fleet::FleetCase fleet;
  /// The trade LP's basis of the scenario's own case without the uncertain inputs, solved once
  /// when the sweep is read: every sample's LP starts from it (a warm start; run.cpp).
  market::Basis lp_basis;
};

struct SweepSpec {
  std::string title;
  std::string path;
  std::string base_path;
  std::uint64_t seed = 0;
  std::int64_t samples = 0;
  // Bound to the sweep table (sweep_schema.cpp), which holds the defaults.
  bool common_random_numbers = false;  ///< same draws for sample k in every scenario
  bool store_smelters = false;        ///< also store per-smelter production and C1
  std::vector<Scenario> scenarios;
  std::vector<UncertainInput> inputs;
  /// Hex digest of everything that determines a sample's results (the merged scenario cases,
  /// the dataset and region table, the inputs, seed and options) — but not the sample count, so a
  /// finished sweep can be extended with more samples.
  std::string hash;
  std::vector<std::string> input_files;
};

/// Reads and checks a sweep file (keys, units and ranges of sweep_schema()) with --set overrides
/// (KEY=VALUE, uncertain[I].KEY=VALUE); throws core::InputError with every error collected.
SweepSpec load_sweep(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                     core::Diagnostics& diagnostics, const std::vector<std::string>& sets = {});
SweepSpec parse_sweep(const std::string& text, const std::string& display_name, const std::string& base_dir,
                      const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& diagnostics,
                      const std::vector<std::string>& sets = {});

/// Draws a distribution needs at most to land inside its lever's range (docs/model/sweep.md): a
/// distribution with at least kMinMassInRange of its mass inside needs more with probability
/// below (1 - 0.01)^10000 ~ 1e-44.
inline constexpr int kMaxDrawAttempts = 10000;
inline constexpr double kMinMassInRange = 0.01;

/// The input values (SI) of sample `k` of scenario `s`: a pure function of (seed, s, k) (and of s
/// only when common_random_numbers is off). Each value lies in its input's [lower, upper]: a draw
/// outside is replaced by the next attempt's draw (attempt a of input i uses the key's input word
/// i + a * 2^32; attempt 0 is the plain draw), which truncates the distribution to the range.
std::vector<double> draw_inputs(const SweepSpec& spec, int scenario, std::int64_t sample);

/// 64-bit FNV-1a, as 16 hex digits.
std::string fnv1a_hex(const std::string& bytes);

}  // namespace potline::sweep

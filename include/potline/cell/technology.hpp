#pragma once
// The technology catalogue (data/technologies.toml): published operating points with the source
// of each number, and model parameters marked published or estimated with the basis of the estimate.
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"

namespace potline::cell {

/// One published number with its source.
struct PublishedValue {
  double value = 0.0;  ///< SI (A, V, fraction, J/kg, kg/day)
  std::string text;    ///< as written in the catalogue, e.g. "400 kA"
  std::string source;  ///< for estimates: the basis of the estimate
  std::string note;
  bool assumed_basis = false;  ///< the source does not state DC or AC; the key is an assumption
};

/// One model parameter of a technology, keyed by the cell case schema.
struct TechnologyParameter {
  std::string key;     ///< e.g. "design.anode_count"
  io::Value value;     ///< converted with the cell schema, origin kTechnology
  std::string text;    ///< as written
  bool published = false;
  std::string source;  ///< the source when published, the basis when estimated
};

struct Technology {
  std::string id;
  std::string name;
  std::string vendor;
  std::vector<std::string> aliases;
  std::optional<int> first_industrial_year;
  std::string cell_type;
  std::string notes;
  std::optional<PublishedValue> line_current_A;
  std::optional<PublishedValue> voltage_V;
  std::optional<PublishedValue> current_efficiency;
  std::optional<PublishedValue> sec_dc_J_per_kg;  ///< at the cell
  std::optional<PublishedValue> sec_ac_J_per_kg;  ///< at the plant (AC)
  std::optional<PublishedValue> production_kg_per_day;
  /// Labelled estimate used only when no CE (or production) is published.
  std::optional<PublishedValue> estimated_current_efficiency;
  std::vector<TechnologyParameter> parameters;
  core::SourceLocation location;

  const TechnologyParameter* parameter(std::string_view key) const;
};

class TechnologyCatalogue {
 public:
  /// Reads and validates a catalogue file; problems go to `diagnostics` as errors.
  static TechnologyCatalogue load(const std::string& path, core::Diagnostics& diagnostics);
  /// Case-insensitive lookup by id or alias.
  const Technology* find(std::string_view name) const;
  std::vector<std::string> ids() const;
  const std::vector<Technology>& technologies() const { return technologies_; }
  const std::string& path() const { return path_; }

 private:
  std::vector<Technology> technologies_;
  std::string path_;
};

/// The data folder: $POTLINE_DATA_DIR if set, else the source tree's data/ (compiled in).
std::string default_data_dir();

}  // namespace potline::cell

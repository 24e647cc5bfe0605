#pragma once
// Technology classes for dataset rows without a sourced cell technology
// (data/fleet-technology-classes.toml; docs/model/fleet.md): each class names the catalogue
// technology that stands for it, so such a smelter's SEC comes from the cell model of that
// technology, and a change of the technology moves every smelter of the class.
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"

namespace potline::fleet {

/// One class. A row matches when ANY of the given conditions holds; a class without conditions
/// matches every row (the last class must be such a default).
struct TechnologyClassRule {
  std::string id;
  std::string technology;             ///< a catalogue id (data/technologies.toml)
  std::string basis;                  ///< why this technology stands for the class (an estimate)
  std::optional<double> line_current_at_least_A;
  std::optional<double> line_current_below_A;  ///< only rows that publish a line current
  std::optional<int> commissioned_from;
  std::optional<int> commissioned_by;         ///< only rows that publish a year
  std::vector<std::string> regions;
  std::vector<std::string> smelters;  ///< dataset ids (a class by sourced cell type, e.g. Soderberg)
  /// IPCC technology class for emissions when it differs from the technology's cell type (e.g. VSS
  /// for Soderberg rows priced with a prebake technology's SEC); empty = the technology's.
  std::string pfc_class;
  core::SourceLocation where;

  bool matches(const SmelterRecord& r) const;
  /// The condition that made `r` match, in words ("line current 400 kA >= 350 kA", "default").
  std::string reason(const SmelterRecord& r) const;
};

struct TechnologyClasses {
  std::vector<TechnologyClassRule> rules;
  std::string path;

  /// The first class that `r` matches (the default class at the latest); nullptr only when empty.
  const TechnologyClassRule* match(const SmelterRecord& r) const;

  /// Reads the file; every technology must be in `technology_ids`, the last class must have no
  /// conditions, and region ids must be in `region_ids` (errors with file:line:col).
  static TechnologyClasses load(const std::string& path, const std::vector<std::string>& technology_ids,
                                const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
  static TechnologyClasses parse(const std::string& text, const std::string& display_name,
                                 const std::vector<std::string>& technology_ids,
                                 const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
};

}  // namespace potline::fleet

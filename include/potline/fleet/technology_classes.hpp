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

/// One part of a class's capacity-weighted mix of cell technologies (e.g. China's 600 kA cells):
/// its published share of the class's operating capacity and the catalogue technology for it.
struct MixPart {
  std::string part;        ///< a short name, the suffix of the split rows' ids ("600kA")
  std::string technology;  ///< a catalogue id
  std::string pfc_class;   ///< IPCC class when the technology's cell type gives none; empty = the technology's
  double share = 0;        ///< of the class's operating capacity (all rows of its regions), 0..1
  std::string source;
  core::SourceLocation where;
};

/// One part of a class's power mix (e.g. China's captive coal): its published share of the class's
/// operating capacity and the power source its rows take. The mix splits only the aggregate rows whose
/// dataset power source is `grid` (the dataset's word for a mix it cannot name); named rows and
/// aggregates with their own source count in the part of their source.
struct PowerPart {
  plant::PowerSource power_source = plant::PowerSource::kGrid;
  double share = 0;  ///< of the class's operating capacity (all rows of its regions), 0..1
  std::string source;
  core::SourceLocation where;
};

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
  /// A capacity-weighted mix ([[class.mix]]): the class's aggregate rows are split into one row per
  /// part (split_mixed_rows) so that the class's regions hold each part's share of their operating
  /// capacity; named rows count in the part whose technology they are priced with.
  std::vector<MixPart> mix;
  /// A capacity-weighted power mix ([[class.power_mix]], only with a technology mix): each part of
  /// the class's grid aggregates is split again, "<id>@<part>@<power source>", so that the class's
  /// regions hold each power source's share of their operating capacity.
  std::vector<PowerPart> power_mix;
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

  /// The rows split by a mix: row id -> (class, part, the part's share of the aggregate row).
  /// (Indices, not pointers: a FleetCase is copied per Monte Carlo sample.)
  struct SplitRow {
    std::string id, parent_id;
    std::size_t rule = 0, part = 0;
    double aggregate_share = 0;            ///< of the parent row: technology share x power share
    std::optional<std::size_t> power_part;  ///< index into the rule's power_mix, when split by it
    double power_share = 1;                 ///< the power part's share of the parent's grid aggregates
  };
  std::vector<SplitRow> split_rows;
  const SplitRow* split_row(const std::string& id) const;
  const MixPart& part_of(const SplitRow& s) const { return rules[s.rule].mix[s.part]; }

  /// Splits every aggregate row of a class with a mix into one row per part, id "<id>@<part>",
  /// capacity = the row's x the part's share of the class's aggregates. That share is what makes the
  /// class's regions (operating rows) hold the published share of each part: (share x operating
  /// capacity - the named rows priced with the part's technology) / operating aggregate capacity.
  /// A part the named rows already exceed gets 0 and an error. Call once, after the pipeline.
  void split_mixed_rows(std::vector<SmelterRecord>& records, core::Diagnostics& diagnostics);

  /// Reads the file; every technology must be in `technology_ids`, the last class must have no
  /// conditions, and region ids must be in `region_ids` (errors with file:line:col).
  static TechnologyClasses load(const std::string& path, const std::vector<std::string>& technology_ids,
                                const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
  static TechnologyClasses parse(const std::string& text, const std::string& display_name,
                                 const std::vector<std::string>& technology_ids,
                                 const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
};

/// True when `row_id` is the row `id` or one of the rows a technology mix split it into
/// ("<id>@<part>"): levers that name a dataset row reach all its parts.
inline bool is_row_or_part(const std::string& row_id, const std::string& id) {
  return row_id == id || (row_id.size() > id.size() + 1 && row_id.compare(0, id.size(), id) == 0 && row_id[id.size()] == '@');
}

}  // namespace potline::fleet

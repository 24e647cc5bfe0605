#pragma once
// Anode-effect performance by IPCC technology class and region (data/fleet-anode-effects.toml;
// docs/model/fleet.md, "PFC of each smelter"): a smelter whose class (and region) has an entry gets
// its PFC from the IPCC slope method with that anode-effect minutes per cell-day (AEM) and the
// file's coefficient set; any other smelter keeps the smelter model's default (IPCC 2006 Tier 1).
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::fleet {

struct AnodeEffectRule {
  std::string pfc_class;             ///< an IPCC technology class name (PFPB_modern, CWPB, VSS, ...)
  std::vector<std::string> regions;  ///< region ids; empty = every region
  double aem_min_per_day = 0;        ///< anode-effect minutes per cell-day
  std::string source;
  core::SourceLocation where;
};

struct AnodeEffectTable {
  std::string path;
  std::string coefficient_set;  ///< the PFC coefficient set of the slope method (IPCC2006 or IPCC2019)
  std::vector<AnodeEffectRule> rules;

  /// The first rule for `pfc_class` that lists `region`, else the first without regions; nullptr if none.
  const AnodeEffectRule* match(const std::string& pfc_class, const std::string& region) const;

  /// Reads the file (absent path: an empty table). Errors at file:line:col.
  static AnodeEffectTable load(const std::string& path, const std::vector<std::string>& region_ids,
                               core::Diagnostics& diagnostics);
  static AnodeEffectTable parse(const std::string& text, const std::string& display_name,
                                const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
};

}  // namespace potline::fleet

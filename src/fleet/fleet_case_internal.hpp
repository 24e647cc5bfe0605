#pragma once
// Steps of parse_fleet_case (fleet_case.cpp), in fleet_levers.cpp: the case's plain settings from
// the schema values, then each array-of-tables lever once the region table and dataset are known.
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/case_input.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/market/trade.hpp"

namespace potline::fleet::detail {

/// [case], [fleet], [market], [cbam] into `c` (the bound members through the fleet table);
/// required keys and cross-key rules reported in `d`.
void apply_settings(const CaseInput& in, const std::string& base_dir, const std::string& data_dir, FleetCase& c,
                    core::Diagnostics& d);

/// Each data file the case names (fleet.regions = "...", fleet.power, ...) that cannot be read: one
/// error at the key's location, naming the file tried and, for a relative path, the case folder it was
/// read against and the data folder's file of that name. True when there is one: nothing is loaded
/// then (T14-13: an unreadable region table gave 234 follow-on "unknown region" errors).
bool report_unreadable_data_files(const CaseInput& in, const FleetCase& c, const std::string& data_dir,
                                  core::Diagnostics& d);

/// Reads a case document into `in`; with case.base, the base case (and its own base, in turn) first,
/// its values overridden key by key by the case's and its lever tables replaced by the case's tables
/// of the same identity (case_base.cpp). `bases` holds the files already in the chain (a cycle is an
/// error at case.base).
void read_with_bases(const toml::table& doc, const std::string& file, const std::string& base_dir, CaseInput& in,
                     core::Diagnostics& d, std::vector<std::string>& bases, int depth);

/// The diagnostics from item `from` on whose key names a lever table renumbered by the merge with a
/// base (TableValues::merged_note) get that note, so that `cap[1]` of a file with one [[cap]] is
/// explained (user trial 7, T7-21).
void name_merged_tables(const CaseInput& in, std::size_t from, core::Diagnostics& d);

/// What the lever tables are checked against.
struct LeverContext {
  const RegionTable& regions;
  const std::vector<SmelterRecord>& records;
  const plant::SmelterData& data;
  core::Diagnostics& d;
};

/// Every [[lever]] table into `c` (c.shocks, c.demand_factor and c.demand_curve sized per region).
void apply_levers(const CaseInput& in, const LeverContext& context, FleetCase& c);

}  // namespace potline::fleet::detail

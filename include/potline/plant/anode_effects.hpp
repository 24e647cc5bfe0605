#pragma once
// PFC performance of smelters (data/fleet-anode-effects.toml; docs/model/fleet.md, "PFC of each
// smelter"), shared by `potline fleet` (each smelter's entry) and `potline smelter` / `invest` (the
// class entry of the case's technology when the case gives no PFC method; docs/model/emissions.md,
// "Default PFC"; user trial 8, T8-4). An entry names the smelters it covers - by dataset id (a
// smelter's or a company's published figure), by country (a national figure) or by IPCC technology
// class and region - and gives the anode-effect minutes per cell-day (AEM; or AE frequency and mean
// duration, whose product it is) or a published PFC intensity in t CO2e per t Al with the GWP set
// it was published in. A covered smelter gets its PFC from the IPCC slope method with the file's
// coefficient set (a published intensity as the AEM that reproduces it, see equivalent_aem); a
// fleet smelter without an entry gets [IPCC 2006 Vol3 Ch4] Tier 1 of its class.
#include <optional>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::plant {

/// Which basis China's PFC entries take (fleet.china_pfc; docs/model/fleet.md, "China's PFC
/// basis"): the IAI's world average over every technology (the IAI's own basis, bottom-up; the
/// default) or the top-down estimate from China's atmospheric CF4 (an upper bound for its aluminium
/// industry).
enum class ChinaPfcBasis { kIaiWorldAverage, kTopDown };

/// "iai_world_average" or "top_down", as in fleet.china_pfc and the table's china_pfc key.
const char* to_string(ChinaPfcBasis b) noexcept;

struct AnodeEffectRule {
  std::string pfc_class;  ///< an IPCC technology class name (PFPB_modern, CWPB, VSS, ...)
  std::vector<std::string> regions;   ///< region ids (class entries); empty = every region
  std::vector<std::string> smelters;  ///< dataset ids (a smelter's or a company's figure)
  std::vector<std::string>
      countries;               ///< ISO 3166 alpha-3 codes of the dataset (a national figure)
  std::string company;         ///< the company a figure belongs to (a label)
  double aem_min_per_day = 0;  ///< anode-effect minutes per cell-day (when pfc_co2e is not given)
  double ae_frequency_per_day =
      0;  ///< anode effects per cell-day, when the entry gives AEM as frequency x duration
  double ae_duration_min = 0;      ///< their mean duration, min
  std::optional<double> pfc_co2e;  ///< published PFC intensity, t CO2e per t Al
  std::optional<GwpSet> gwp;       ///< the GWP set pfc_co2e was published in
  int year = 0;                    ///< the year the figure is for (0: not stated)
  std::string basis;               ///< short name of the figure's basis, written into pfc_standard
  std::string
      china_pfc;  ///< an entry for China on one basis only (ChinaPfcBasis names); empty: always
  std::string source;
  core::SourceLocation where;

  /// "smelters", "countries" or "class": how the entry selects its smelters.
  std::string scope() const;
};

/// What a rule gives one smelter: the AEM for the slope method and how it was obtained.
struct PfcBasis {
  double aem_min_per_day = 0;
  std::string standard;  ///< for cost_curve.csv's pfc_standard
};

struct AnodeEffectTable {
  std::string path;
  std::string
      coefficient_set;  ///< the PFC coefficient set of the slope method (IPCC2006 or IPCC2019)
  std::vector<AnodeEffectRule> rules;

  /// The most specific rule for a smelter: one listing its id, else one listing its country, else
  /// the first for its class that lists its region, else the first for its class without regions;
  /// nullptr if none.
  const AnodeEffectRule* match(const std::string& pfc_class, const std::string& region,
                               const std::string& smelter_id = {},
                               const std::string& country = {}) const;

  /// The class entry of `pfc_class` for a smelter whose region and country are not known (`potline
  /// smelter`): of the entries by class, the one covering the most regions (no regions: every
  /// region), i.e. the general entry outside China in the shipped file; nullptr if none.
  const AnodeEffectRule* class_entry(const std::string& pfc_class) const;

  /// Drops the China entries of the other basis (entries with a china_pfc key other than `b`).
  void keep_china_pfc(ChinaPfcBasis b);

  /// Reads the file (absent path: an empty table). Errors at file:line:col; `smelter_ids` and
  /// `countries` are the dataset's (entries naming others are errors).
  static AnodeEffectTable load(const std::string& path, const std::vector<std::string>& region_ids,
                               const std::vector<std::string>& smelter_ids,
                               const std::vector<std::string>& countries,
                               core::Diagnostics& diagnostics);
  static AnodeEffectTable parse(const std::string& text, const std::string& display_name,
                                const std::vector<std::string>& region_ids,
                                const std::vector<std::string>& smelter_ids,
                                const std::vector<std::string>& countries,
                                core::Diagnostics& diagnostics);
  /// Reads the file without a smelter dataset (`potline smelter`): the ids, countries and regions
  /// the entries name are not checked (the fleet checks them against its dataset).
  static AnodeEffectTable load_unchecked(const std::string& path, core::Diagnostics& diagnostics);
};

/// The AEM that gives a published PFC intensity P (t CO2e per t Al, GWP set g) for a smelter of
/// class `cls` under coefficient set `set`: CF4 = 1000·P / (GWP_CF4(g) + F·GWP_C2F6(g)) kg per t,
/// AEM = CF4 / S, with the class's slope S and C2F6/CF4 ratio F. The smelter model then evaluates
/// the same CF4 and C2F6 with its own GWP set, so P comes back unchanged when g is the model's set.
/// nullopt (with `why`) when the set has no slope for the class or the data file no GWP set g.
std::optional<double> equivalent_aem(double pfc_co2e_t_per_t, GwpSet g, const EmissionData& data,
                                     CoefficientSet set, TechnologyClass cls, std::string& why);

/// The AEM and the pfc_standard text of a smelter of class `cls` under `rule`; nullopt (with `why`)
/// when a published intensity cannot be converted (see equivalent_aem).
std::optional<PfcBasis> pfc_basis(const AnodeEffectTable& table, const AnodeEffectRule& rule,
                                  const std::string& cls, const EmissionData& data,
                                  std::string& why);

/// The default PFC of a class when a case or command gives no PFC method and no anode-effect
/// statistics (docs/model/emissions.md, "Default PFC"; user trial 8, T8-4): the slope method with
/// the AEM of the class's entry (class_entry) under `set`: `given_set` when the caller's set was
/// given, else the table's set when it has a slope for the class, else `fallback_set`. Used by
/// `potline smelter` / `invest` (smelter_pfc_default.cpp) and `potline emissions`, so both give the
/// same PFC for the same class. nullopt (with `why`) without an entry, or when a published
/// intensity cannot be converted.
struct ClassPfcDefault {
  double aem_min_per_day = 0;
  CoefficientSet set = CoefficientSet::kIpcc2006;
  std::string standard;  ///< the entry's basis text (pfc_basis)
  const AnodeEffectRule* rule = nullptr;
};
std::optional<ClassPfcDefault> class_pfc_default(const AnodeEffectTable& table, TechnologyClass cls,
                                                 const EmissionData& data,
                                                 std::optional<CoefficientSet> given_set,
                                                 CoefficientSet fallback_set, std::string& why);

/// The IPCC PFC technology class of a catalogue technology, when its cell type names one (PFPB:
/// legacy or modern by the first industrial year, estimate below 1990 / from 1990); nullopt when
/// not.
std::optional<TechnologyClass> pfc_class_of(const cell::Technology& technology);

}  // namespace potline::plant

// Flexible capacity of the fleet (see flex_link.hpp; docs/model/flexibility.md §9).
#include "potline/fleet/flex_link.hpp"

#include <fmt/format.h>

#include <cmath>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/csv.hpp"

namespace potline::fleet {
namespace {

constexpr double kJ_per_MWh = 3.6e9;
// The presets' hold time: TRIMET's stated ±25 % for up to 48 h [TRIMET 2019]; the conventional
// preset is given the same time so that the two compare (conventional cells hold ±5 % for a week
// in the dynamic model, docs/model/flexibility.md §7).
constexpr double kPresetHold_s = 48 * 3600.0;

std::string number(double x) {
  if (!std::isfinite(x)) throw core::RunError("non-finite number in the flexible-capacity output");
  return fmt::format("{:.6g}", x);
}

}  // namespace

double FlexConfiguration::share() const {
  if (power_share) return *power_share;
  switch (preset) {
    case FlexPreset::kConventional: return 0.05;     // [Lavoie et al. 2011]: about ±5 % for conventional cells
    case FlexPreset::kHeatExchangers: return 0.25;   // [TRIMET 2019]: ±25 %
    case FlexPreset::kNone: break;
  }
  return 0.0;
}

double FlexConfiguration::hold_s() const { return duration_s.value_or(kPresetHold_s); }

const char* FlexConfiguration::name() const {
  switch (preset) {
    case FlexPreset::kConventional: return "conventional";
    case FlexPreset::kHeatExchangers: return "heat_exchangers";
    case FlexPreset::kNone: break;
  }
  return "custom";
}

FlexCapacity flexible_capacity(const FleetCase& c, const FleetResult& r) {
  FlexCapacity out;
  const std::size_t regions = c.model.regions.regions.size();
  out.region_power_W.assign(regions, 0.0);
  out.region_flexible_W.assign(regions, 0.0);
  out.region_flexible_J.assign(regions, 0.0);
  const double share = c.flex.share(), hold = c.flex.hold_s();
  for (std::size_t i = 0; i < c.model.smelters.size() && i < r.production_kg_per_s.size(); ++i) {
    const double production = r.production_kg_per_s[i];
    if (!(production > 0)) continue;
    SmelterFlex s;
    s.smelter = static_cast<int>(i);
    s.power_W = production * r.smelters[i].sec_ac_J_per_kg;
    s.flexible_W = share * s.power_W;
    s.flexible_J = s.flexible_W * hold;
    const int region = c.model.smelters[i].region;
    if (region >= 0 && static_cast<std::size_t>(region) < regions) {
      out.region_power_W[static_cast<std::size_t>(region)] += s.power_W;
      out.region_flexible_W[static_cast<std::size_t>(region)] += s.flexible_W;
      out.region_flexible_J[static_cast<std::size_t>(region)] += s.flexible_J;
    }
    out.power_W += s.power_W;
    out.flexible_W += s.flexible_W;
    out.flexible_J += s.flexible_J;
    out.smelters.push_back(s);
  }
  return out;
}

io::Json flex_capacity_json(const FleetCase& c, const FleetResult& r) {
  const FlexCapacity f = flexible_capacity(c, r);
  io::Json by_region = io::Json::object();
  const auto& regions = c.model.regions.regions;
  for (std::size_t k = 0; k < regions.size(); ++k) {
    by_region[regions[k].id] = {{"power_MW", f.region_power_W[k] / 1e6},
                                {"flexible_MW", f.region_flexible_W[k] / 1e6},
                                {"flexible_MWh", f.region_flexible_J[k] / kJ_per_MWh}};
  }
  return {{"configuration", c.flex.name()},
          {"power_percent", 100 * c.flex.share()},
          {"duration_h", c.flex.hold_s() / 3600},
          {"smelters", f.smelters.size()},
          {"power_MW", f.power_W / 1e6},
          {"flexible_MW", f.flexible_W / 1e6},
          {"flexible_MWh", f.flexible_J / kJ_per_MWh},
          {"by_region", by_region}};
}

std::string flex_capacity_csv(const FleetCase& c, const FleetResult& r) {
  const FlexCapacity f = flexible_capacity(c, r);
  std::string out = io::csv_row({"smelter", "name", "region", "power [MW]", "flexible [MW]", "flexible [MWh]"});
  for (const SmelterFlex& s : f.smelters) {
    const FleetSmelter& fs = c.model.smelters[static_cast<std::size_t>(s.smelter)];
    const std::string region = fs.region >= 0 ? c.model.regions.regions[static_cast<std::size_t>(fs.region)].id : "";
    out += io::csv_row({fs.record.id, fs.record.name, region, number(s.power_W / 1e6), number(s.flexible_W / 1e6),
                        number(s.flexible_J / kJ_per_MWh)});
  }
  return out;
}

void add_flex_link_fields(io::SchemaTable<FleetCase>& t) {
  auto f = t.part(&FleetCase::flex);
  f.choice("fleet.flex", &FlexConfiguration::preset,
           {{"none", FlexPreset::kNone},
            {"conventional", FlexPreset::kConventional},
            {"heat_exchangers", FlexPreset::kHeatExchangers}})
      .default_("none")
      .doc("power-flexibility configuration whose flexible capacity (MW, MWh) is reported per smelter and region: "
           "conventional ±5 %, heat_exchangers ±25 %, each for fleet.flex_duration")
      .source("conventional: about ±5 % [Lavoie et al. 2011]; shell heat exchangers: ±25 % for up to 48 h "
              "[TRIMET 2019], the published claim, not the dynamic model's: Potline's TRIMET-like potline holds "
              "+25 % for 48 h but -25 % for only about 17 h (docs/model/flexibility.md §9), so the downward "
              "MWh of this preset is about 2.8 times what the model supports");
  f.optional_number("fleet.flex_power", &FlexConfiguration::power_share)
      .unit("%", "1")
      .range(0.0, 100.0)
      .exclusive_min()
      .warn_plain_fraction()
      .default_note("the fleet.flex preset's (5 % or 25 %)")
      .doc("power each producing smelter can move, % of its power (reported even with fleet.flex = none)");
  f.optional_number("fleet.flex_duration", &FlexConfiguration::duration_s)
      .unit("h", "s")
      .range(0.0, 8760.0)
      .exclusive_min()
      .default_note("48 h (TRIMET's stated duration)")
      .doc("how long the flexible power is held: MWh = MW × this");
}

}  // namespace potline::fleet

// Flexible capacity of the fleet (see flex_link.hpp; docs/model/flexibility.md §9). The envelope
// runs of the representative cells are in flex_link_envelope.cpp.
#include "potline/fleet/flex_link.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/csv.hpp"
#include "potline/potline/thermal_window.hpp"

namespace potline::fleet {
namespace {

constexpr double kJ_per_MWh = 3.6e9;
// The horizon: TRIMET's stated ±25 % for up to 48 h [TRIMET 2019], for both configurations so that
// they compare (and their energies with TRIMET's ≈ 1,120 MWh).
constexpr double kDefaultHorizon_s = 48 * 3600.0;

std::string number(double x) {
  if (!std::isfinite(x)) throw core::RunError("non-finite number in the flexible-capacity output");
  return fmt::format("{:.6g}", x);
}

/// "" (held the horizon) reads "none" in outputs; a preset's hold is the preset's.
std::string limit_text(const FleetCase& c, const std::string& limit) {
  if (c.flex.source == FlexSource::kPreset) return "preset";
  return limit.empty() ? "none" : limit;
}

void add(std::vector<double>& v, int region, double x) {
  if (region >= 0 && static_cast<std::size_t>(region) < v.size())
    v[static_cast<std::size_t>(region)] += x;
}

}  // namespace

double FlexConfiguration::share() const {
  if (power_share) return *power_share;
  switch (preset) {
    case FlexPreset::kConventional:
      return 0.05;  // [Lavoie et al. 2011]: about ±5 % for conventional cells
    case FlexPreset::kHeatExchangers:
      return 0.25;  // [TRIMET 2019]: ±25 %
    case FlexPreset::kNone:
      break;
  }
  return 0.0;
}

double FlexConfiguration::hold_s() const {
  return duration_s.value_or(kDefaultHorizon_s);
}

const char* FlexConfiguration::name() const {
  switch (preset) {
    case FlexPreset::kConventional:
      return "conventional";
    case FlexPreset::kHeatExchangers:
      return "heat_exchangers";
    case FlexPreset::kNone:
      break;
  }
  return "custom";
}

const char* FlexConfiguration::source_name() const {
  return source == FlexSource::kPreset ? "preset" : "envelope";
}

HoldKey hold_key(const FleetCase& c, std::size_t i) {
  const FleetSmelter& s = c.model.smelters.at(i);
  HoldKey k{s.technology, 0.0};
  // The operating point the smelter model evaluated its cells at (plant::cell_current): its own
  // current and the ACD the pot control settles at there, where that is a working state within the
  // band; else (0) the technology's published point, as for a retrofit or a technology class.
  if (s.cell_current && s.cell_current->basis == plant::CellCurrentBasis::kOwn) {
    k.line_current_A = s.cell_current->line_current_A;
    k.acd_m = s.cell_current->op.acd_m;
  }
  return k;
}

namespace {

/// A hold at the published current that stands for smelters whose own current it is not: which, and
/// why (plant::cell_current's decision). Empty when none.
std::string departing_smelters_note(const FleetCase& c, const FlexCapacity& f, int hold) {
  std::string list;
  for (const SmelterFlex& s : f.smelters) {
    const FleetSmelter& fs = c.model.smelters[static_cast<std::size_t>(s.smelter)];
    if (s.hold != hold || !fs.cell_current || !fs.cell_current->departs_from_own()) continue;
    const plant::CellCurrent& x = *fs.cell_current;
    list += fmt::format("{}{}'s own {:g} kA (the calibrated cell {}: {})", list.empty() ? "" : "; ",
                        fs.record.id, *x.own_A / 1e3, line::kNoWorkingState, x.problems);
  }
  if (list.empty()) return list;
  return "run at its published current, as the smelter model evaluates these smelters' SEC: " + list;
}

}  // namespace

FlexCapacity flexible_capacity(const FleetCase& c, const FleetResult& r,
                               const plant::SmelterData& data) {
  FlexCapacity out;
  const std::size_t regions = c.model.regions.regions.size();
  for (auto* v : {&out.region_power_W, &out.region_flexible_W, &out.region_flexible_J,
                  &out.region_down_J, &out.region_up_J})
    v->assign(regions, 0.0);
  std::vector<std::size_t> producing;
  for (std::size_t i = 0; i < c.model.smelters.size() && i < r.production_kg_per_s.size(); ++i)
    if (r.production_kg_per_s[i] > 0) producing.push_back(i);
  std::vector<HoldKey> keys;
  if (c.flex.source == FlexSource::kEnvelope) {
    core::Diagnostics d;
    for (std::size_t i : producing) {
      if (c.model.smelters[i].technology.empty())
        d.error(core::SourceLocation{c.path}, "fleet.flex_source",
                fmt::format("smelter '{}' has no cell technology for the envelope; choose "
                            "fleet.flex_source = \"preset\"",
                            c.model.smelters[i].record.id));
      keys.push_back(hold_key(c, i));
    }
    if (d.has_errors()) throw core::InputError(d);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    out.holds = technology_holds(c, keys, data);
  }
  const double share = c.flex.share(), horizon = c.flex.hold_s();
  for (std::size_t i : producing) {
    SmelterFlex s;
    s.smelter = static_cast<int>(i);
    s.power_W = r.production_kg_per_s[i] * r.smelters[i].sec_ac_J_per_kg;
    s.flexible_W = share * s.power_W;
    s.down_s = s.up_s = horizon;
    if (!keys.empty()) {
      const auto it = std::lower_bound(keys.begin(), keys.end(), hold_key(c, i));
      s.hold = static_cast<int>(it - keys.begin());
      s.down_s = out.holds[static_cast<std::size_t>(s.hold)].down.hold_s;
      s.up_s = out.holds[static_cast<std::size_t>(s.hold)].up.hold_s;
    }
    s.down_J = s.flexible_W * s.down_s;
    s.up_J = s.flexible_W * s.up_s;
    s.flexible_J = std::min(s.down_J, s.up_J);
    const int region = c.model.smelters[i].region;
    add(out.region_power_W, region, s.power_W);
    add(out.region_flexible_W, region, s.flexible_W);
    add(out.region_flexible_J, region, s.flexible_J);
    add(out.region_down_J, region, s.down_J);
    add(out.region_up_J, region, s.up_J);
    out.power_W += s.power_W;
    out.flexible_W += s.flexible_W;
    out.flexible_J += s.flexible_J;
    out.down_J += s.down_J;
    out.up_J += s.up_J;
    out.smelters.push_back(s);
  }
  for (std::size_t h = 0; h < out.holds.size(); ++h)
    out.holds[h].note = departing_smelters_note(c, out, static_cast<int>(h));
  return out;
}

namespace {

io::Json technology_json(const FleetCase& c, const FlexCapacity& f) {
  io::Json list = io::Json::array();
  for (std::size_t h = 0; h < f.holds.size(); ++h) {
    const TechnologyHold& t = f.holds[h];
    double power = 0;
    int count = 0;
    for (const SmelterFlex& s : f.smelters) {
      if (s.hold != static_cast<int>(h)) continue;
      power += s.power_W;
      ++count;
    }
    list.push_back({{"technology", t.key.technology},
                    {"line_current_kA", t.line_current_A / 1e3},
                    {"line_current_origin", t.current_origin},
                    {"note", t.note},
                    {"seed", t.seed},
                    {"max_current_kA", t.max_current_A / 1e3},
                    {"exchanger_rating_kW_per_m2", t.exchanger_W_per_m2 / 1e3},
                    {"smelters", count},
                    {"power_MW", power / 1e6},
                    {"down_percent", 100 * (t.down.share - 1)},
                    {"down_hold_h", t.down.hold_s / 3600},
                    {"down_limit", limit_text(c, t.down.limit)},
                    {"down_drawn_percent", 100 * (t.down.drawn_share - 1)},
                    {"up_percent", 100 * (t.up.share - 1)},
                    {"up_hold_h", t.up.hold_s / 3600},
                    {"up_limit", limit_text(c, t.up.limit)},
                    {"up_drawn_percent", 100 * (t.up.drawn_share - 1)}});
  }
  return list;
}

io::Json smelter_json(const FleetCase& c, const FlexCapacity& f) {
  io::Json list = io::Json::array();
  for (const SmelterFlex& s : f.smelters) {
    const FleetSmelter& fs = c.model.smelters[static_cast<std::size_t>(s.smelter)];
    const TechnologyHold* t = s.hold >= 0 ? &f.holds[static_cast<std::size_t>(s.hold)] : nullptr;
    list.push_back(
        {{"smelter", fs.record.id},
         {"name", fs.record.name},
         {"region",
          fs.region >= 0 ? c.model.regions.regions[static_cast<std::size_t>(fs.region)].id : ""},
         {"technology", fs.technology},
         {"line_current_kA",  // the envelope cell's; with the preset, the smelter model's cell's
          t != nullptr               ? t->line_current_A / 1e3
          : fs.cell_current.has_value() ? fs.cell_current->line_current_A / 1e3
                                        : 0.0},
         {"line_current_basis", fs.cell_current ? fs.cell_current->text : std::string()},
         {"power_MW", s.power_W / 1e6},
         {"flexible_MW", s.flexible_W / 1e6},
         {"flexible_MWh", s.flexible_J / kJ_per_MWh},
         {"down_hold_h", s.down_s / 3600},
         {"down_limit", limit_text(c, t != nullptr ? t->down.limit : "")},
         {"up_hold_h", s.up_s / 3600},
         {"up_limit", limit_text(c, t != nullptr ? t->up.limit : "")},
         {"down_MWh", s.down_J / kJ_per_MWh},
         {"up_MWh", s.up_J / kJ_per_MWh}});
  }
  return list;
}

/// The holds are one seed's (user trial T15-7: the fleet's P155 −25 % 41.8 h is seed 1 of a spread
/// flex --envelope measures over six seeds): said where a hold ends at a window limit before the
/// horizon (superheat_* or ledge_*), a threshold the cell can settle near. Empty where no hold ends so.
std::string seed_note(const FleetCase& c, const FlexCapacity& f) {
  std::string ended;
  std::uint64_t seed = 0;
  for (const TechnologyHold& h : f.holds) {
    for (const DirectionHold* d : {&h.down, &h.up}) {
      const bool window = d->limit.rfind("superheat_", 0) == 0 || d->limit.rfind("ledge_", 0) == 0;
      if (!window || d->hold_s >= c.flex.hold_s()) continue;
      const std::string item = fmt::format("{} {:+.0f} % {}", h.key.technology, 100 * (d->share - 1), d->limit);
      if (ended.find(item) == std::string::npos) ended += (ended.empty() ? "" : ", ") + item;
      seed = h.seed;
    }
  }
  if (ended.empty()) return {};
  return fmt::format(
      "each hold is one run of the representative cell at run.seed = {}; a hold that ends at a safe-window limit ({}) "
      "moves with the seed, widely where the cell settles near that limit (the controllers', feeders' and faults' "
      "random streams decide when it crosses): `potline flex --envelope` at other run.seed values measures the "
      "spread (docs/model/flexibility.md §7)",
      seed, ended);
}

}  // namespace

/// The caveat of fleet.flex_source = "preset" beyond the conventional ±5 % (T7-38): the published claim
/// that the level holds the horizon, which the dynamic model does not support in every cell: downwards
/// where the superheat runs out (the P155 and A697 cells of the 2024 fleet), upwards where the ACD
/// reaches its floor (docs/model/flexibility.md §9, "Measured"; docs/validation.md F8, F17). Empty
/// where it does not apply.
std::string preset_caveat(const FleetCase& c) {
  constexpr double kConventionalShare = 0.05;  // ±5 % holds the 48 h both ways in the model (F5)
  if (c.flex.source != FlexSource::kPreset || c.flex.share() <= kConventionalShare + 1e-12) return {};
  return fmt::format(
      "fleet.flex_source = preset: the published claim that ±{:.0f} % holds {:.0f} h, not the dynamic model's; the "
      "model's operating envelope (fleet.flex_source = envelope, the default) holds the level for less in some of "
      "the catalogue's cells (downwards where the superheat runs out, upwards where the ACD reaches its floor), so "
      "the MWh here overstate what the model supports (docs/model/flexibility.md §9, docs/validation.md F8, F17)",
      100 * c.flex.share(), c.flex.hold_s() / 3600);
}

io::Json flex_capacity_json(const FleetCase& c, const FleetResult& r,
                            const plant::SmelterData& data) {
  const FlexCapacity f = flexible_capacity(c, r, data);
  io::Json by_region = io::Json::object();
  const auto& regions = c.model.regions.regions;
  for (std::size_t k = 0; k < regions.size(); ++k) {
    by_region[regions[k].id] = {{"power_MW", f.region_power_W[k] / 1e6},
                                {"flexible_MW", f.region_flexible_W[k] / 1e6},
                                {"flexible_MWh", f.region_flexible_J[k] / kJ_per_MWh},
                                {"down_MWh", f.region_down_J[k] / kJ_per_MWh},
                                {"up_MWh", f.region_up_J[k] / kJ_per_MWh}};
  }
  // One line for the fleet (T8-9): the first technology's note (every envelope cell runs the same
  // CE model at the same ±X % of power).
  std::string ce_note;
  for (const TechnologyHold& h : f.holds) {
    if (ce_note.empty()) ce_note = h.ce_note;
  }
  return {{"configuration", c.flex.name()},
          {"source", c.flex.source_name()},
          {"caveat", preset_caveat(c)},
          {"ce_note", ce_note},
          {"seed_note", seed_note(c, f)},
          {"power_percent", 100 * c.flex.share()},
          {"duration_h", c.flex.hold_s() / 3600},
          {"smelters", f.smelters.size()},
          {"power_MW", f.power_W / 1e6},
          {"flexible_MW", f.flexible_W / 1e6},
          {"flexible_MWh", f.flexible_J / kJ_per_MWh},
          {"down_MWh", f.down_J / kJ_per_MWh},
          {"up_MWh", f.up_J / kJ_per_MWh},
          {"by_region", by_region},
          {"by_technology", technology_json(c, f)},
          {"by_smelter", smelter_json(c, f)}};
}

std::string flex_capacity_csv(const io::Json& f) {
  std::string out =
      io::csv_row({"smelter", "name", "region", "power [MW]", "flexible [MW]", "flexible [MWh]",
                   "technology", "line current [kA]", "level [%]", "down hold [h]", "down limit",
                   "up hold [h]", "up limit", "down [MWh]", "up [MWh]"});
  const double level = f.at("power_percent").get<double>();
  for (const io::Json& s : f.at("by_smelter")) {
    const auto n = [&s](const char* key) { return number(s.at(key).get<double>()); };
    const auto t = [&s](const char* key) { return s.at(key).get<std::string>(); };
    out += io::csv_row({t("smelter"), t("name"), t("region"), n("power_MW"), n("flexible_MW"),
                        n("flexible_MWh"), t("technology"), n("line_current_kA"), number(level),
                        n("down_hold_h"), t("down_limit"), n("up_hold_h"), t("up_limit"),
                        n("down_MWh"), n("up_MWh")});
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
      .doc(
          "power-flexibility configuration whose flexible capacity (MW, MWh) is reported per "
          "smelter, technology and "
          "region: conventional cells (level ±5 %) or cells with shell heat exchangers in "
          "automatic mode and a "
          "rectifier sized for the level (±25 %); how long each level holds: fleet.flex_source")
      .source(
          "levels: conventional about ±5 % [Lavoie et al. 2011]; shell heat exchangers ±25 % for "
          "up to 48 h "
          "[TRIMET 2019]; the representative cells' control: examples/flex-day.toml and "
          "examples/flex-week-heat-exchangers.toml (docs/model/flexibility.md §9)");
  f.choice("fleet.flex_source", &FlexConfiguration::source,
           {{"envelope", FlexSource::kEnvelope}, {"preset", FlexSource::kPreset}})
      .default_("envelope")
      .doc(
          "where the hold time comes from: envelope, the dynamic model's operating envelope of a "
          "representative cell "
          "of each technology at its smelters' line current, held at -level and +level for up to "
          "fleet.flex_duration (one run per technology, line current and direction); preset, the "
          "published claim "
          "that the level holds fleet.flex_duration")
      .source(
          "model choice (docs/model/flexibility.md §7, §9); preset: [Lavoie et al. 2011], [TRIMET "
          "2019], which the "
          "dynamic model holds upwards but not downwards for the TRIMET-like cell "
          "(docs/validation.md F8)");
  f.optional_number("fleet.flex_power", &FlexConfiguration::power_share)
      .unit("%", "1")
      .range(0.0, 100.0)
      .exclusive_min()
      .warn_plain_fraction()
      .default_note("the fleet.flex preset's (5 % or 25 %)")
      .doc(
          "the level: power each producing smelter moves down and up, % of its power (reported "
          "even with "
          "fleet.flex = none, then with conventional cells); a conventional cell's rectifier "
          "(potline.max_current = 1.25 × its line current) caps it well below 100 %: a level beyond the "
          "lowest reach of the representative cells (+34.4 % in world-2024) is an error naming that cell, "
          "unless fleet.flex = \"heat_exchangers\" (a rectifier sized for the level)");
  f.optional_number("fleet.flex_duration", &FlexConfiguration::duration_s)
      .unit("h", "s")
      .range(0.0, 8760.0)
      .exclusive_min()
      .default_note("48 h (TRIMET's stated duration)")
      .doc("the horizon: each level is held at most this long (MWh = MW × the hold)");
}

}  // namespace potline::fleet

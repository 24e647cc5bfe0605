#include "potline/finance/invest_case.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "potline/io/case_file.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/anode_type.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/plant/typical_prices.hpp"
#include "potline/policy/eu_ets.hpp"
#include "retrofit_pfc.hpp"

namespace potline::finance {
namespace {

using Table = io::SchemaTable<InvestCase>;

// [investment]
void add_investment(Table& t) {
  auto in = t.part(&InvestCase::inputs);
  in.choice("investment.kind", &InvestmentInputs::kind,
            {{"new_build", ProjectKind::kNewBuild}, {"retrofit", ProjectKind::kRetrofit}})
      .default_("new_build")
      .doc("new smelter, or retrofit of the case's existing potlines with [retrofit] technology");
  t.number("investment.capex")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .typical(plant::kTypicalCapex_usd_per_t.lo, plant::kTypicalCapex_usd_per_t.hi)
      .source(plant::kTypicalCapex_usd_per_t.basis)
      .doc("capital cost per t/yr of capacity, before the EPC fee");
  t.number("investment.epc_fee_share")
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .typical(0.0, 0.25)
      .source(
          "[Wang et al. 2025]: Western projects' engineering firms 'often collect a fee on the order of 20 "
          "% of the "
          "project capital cost'")
      .doc("engineering (EPC/EPCM) fee as a share of the capital cost, added to it");
  in.integer("investment.construction_years", &InvestmentInputs::construction_years)
      .range(0, 15)
      .doc("years of construction (capex spread evenly)");
  in.integer("investment.operating_years", &InvestmentInputs::operating_years)
      .range(1, 80)
      .doc("years of operation appraised");
  in.integer("investment.depreciation_years", &InvestmentInputs::depreciation_years)
      .range(1, 80)
      .typical(10, 30)
      .source("[Wang et al. 2025]: Chinese plants as short as 10 years, 30 years elsewhere")
      .doc("straight-line depreciation life (tax)");
  in.number("investment.wacc", &InvestmentInputs::wacc)
      .unit("%", "1")
      .range(0.0, 100.0)
      .exclusive_max()
      .typical(2.0, 20.0)
      .source("estimate: real discount rates of industrial project appraisals, a few per cent to the mid-teens "
              "(the range also flags a fraction typed for a percentage: wacc = 0.08 is 0.08 %)")
      .doc("real weighted average cost of capital (discount rate)");
  in.number("investment.tax_rate", &InvestmentInputs::tax_rate)
      .unit("%", "1")
      .default_(0.0)
      .range(0.0, 100.0)
      .exclusive_max()
      .warn_plain_fraction()
      .doc("tax rate on EBIT (0 = pre-tax appraisal)");
  t.integer("investment.contract_years")
      .range(0, 80)
      .default_note("the whole operating life")
      .doc("years at the contract power price prices.power, counted from investment.contract_start");
  // User trial T10-14: a retrofit's contract counted from the end of construction, the kept old
  // cells' from year 1, made 3 years of cheaper power part of the retrofit's "gain".
  t.choice("investment.contract_start", {"operation", "site"})
      .default_note(
          "site for a retrofit (the power contract belongs to the site: the retrofit and the kept old cells share "
          "its calendar), operation for a new build (a new plant's contract starts with its first metal)")
      .doc("when the contract's contract_years start: operation = the first operating year after construction; "
           "site = the project's first year (the first construction year), for the retrofit and the old cells alike");
  // The plausibility range of a power price is prices.power's, read from its one declaration, so
  // that "50 USD/kWh" gets the same kWh/MWh-slip warning here (user trial T10-3).
  const io::FieldSpec& power = *plant::smelter_schema().find("prices.power");
  t.number("investment.post_contract_power")
      .unit("USD/MWh", "USD/J")
      .min(0.0)
      .typical(power.typical_min.value_or(0.0), power.typical_max.value_or(0.0))
      .default_note("prices.power")
      .source("typical range: that of prices.power")
      .doc("power price after the contract ends");
  in.number("investment.downtime_share", &InvestmentInputs::downtime_share)
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .doc("retrofit: share of production lost during construction");
  t.integer("investment.first_year")
      .range(1950, 2100)
      .default_note("prices.year + 1 (construction starts the year after the price year)")
      .doc("calendar year of the project's first year (the first construction year; the first operating "
           "year without construction): each later year is one calendar year on, and sets that year's EU ETS "
           "free allocation ([eu_ets]) and CBAM factor ([cbam]) (docs/model/economics.md, Investment)");
}

// [cbam] in invest: the share of the plant's sales that pays CBAM at the EU border.
void add_invest_cbam(Table& t) {
  t.number("cbam.eu_sales_share")
      .unit("1")
      .default_(1.0)
      .range(0.0, 1.0)
      .source("[EU 2023/956] Art. 4, 6: CBAM certificates are due on goods imported into the EU customs territory, "
              "so only the metal sold into the EU pays; the share is the case's (a market plan, not a data value)")
      .doc("invest: share of the plant's sales imported into the EU, on which CBAM is paid each operating year "
           "from 2026 (with cbam.eua_price; the CBAM cost per t of the smelter model for that calendar year "
           "x this share). Default 1: all of it; not used for a plant in the EU ETS ([eu_ets])");
}

// [retrofit]: the new cells; each replaces a smelter field in the plant after the retrofit.
void add_retrofit(Table& t) {
  t.text("retrofit.technology")
      .doc("catalogue technology of the new cells (SEC from the cell model)");
  t.number("retrofit.sec_ac")
      .unit("kWh/kg", "J/kg")
      .range(5.0, 30.0)
      .exclusive_min()
      .doc("AC SEC of the new potlines (overrides retrofit.technology)");
  t.number("retrofit.capacity")
      .unit("t/yr", "kg/s")
      .range(0.0, 1e8)
      .exclusive_min()
      .typical(plant::kTypicalCapacity_t_per_yr.lo, plant::kTypicalCapacity_t_per_yr.hi)  // T12-8
      .source(plant::kTypicalCapacity_t_per_yr.basis)
      .default_note("plant.capacity (unchanged)")
      .doc("capacity after the retrofit");
  t.integer("retrofit.employees")
      .range(0, 1e6)
      .doc("employees after the retrofit (default unchanged)");
  t.number("retrofit.other_cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("other cash costs after the retrofit (maintenance falls with new cells)");
  t.choice("retrofit.anode_type", {"carbon", "inert"})
      .doc(
          "anode type after the retrofit; \"inert\" drops the carbon-anode inputs (anode price, consumption, "
          "baking, anode effects) from the plant after the retrofit and needs retrofit.sec_ac and "
          "retrofit.anode_cost (docs/model/inert-anode.md)");
  t.number("retrofit.anode_cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("inert-anode material cost per t Al after an inert-anode retrofit (anode.cost)");
  // The new cells' own anode-effect record (T11-5): the old cells' emissions.aem does not describe
  // them.
  t.number("retrofit.aem")
      .unit("min/d")
      .range(0.0, 100.0)
      .typical(0.0, 10.0)
      .source(
          "as emissions.aem ('potline schema smelter'): [IPCC 2006 Vol3 Ch4] Tier 1 AEMs "
          "2.8-8.7 min/cell-day, modern point-fed cells 0.003-0.15 ([IAI Anode Effect Survey])")
      .default_note(
          "the AEM of retrofit.technology's IPCC class in data/fleet-anode-effects.toml "
          "(PFPB_modern 0.015), as smelter/invest default potline.technology's; without "
          "retrofit.technology the case's emissions inputs")
      .doc(
          "anode-effect minutes per cell-day of the new cells (slope method; replaces the case's "
          "emissions.aem / ae_frequency / ae_duration / aeo / from_simulation, which describe "
          "the old cells, in the plant after the retrofit)");
  // The new cells' IPCC class (user trial T12-6): the case's emissions.technology_class describes
  // the old cells, and retrofit.aem was read with its coefficients.
  t.choice("retrofit.technology_class", plant::technology_class_names())
      .source("[IPCC 2006 Vol3 Ch4] Table 4.16; [IPCC 2019 Refinement] (classes and slope coefficients)")
      .default_note(
          "the IPCC class of retrofit.technology (as potline.technology's); without it, with "
          "retrofit.aem, PFPB_modern (estimate: the point-fed prebake cells every retrofit installs, "
          "the class pfc_class_of gives a technology first industrialised from 1990)")
      .doc(
          "IPCC technology class of the new cells, for their PFC (the class's slope coefficients and "
          "default AEM; replaces emissions.technology_class, which describes the old cells, in the "
          "plant after the retrofit)");
  t.number("retrofit.ccs_capture_rate")
      .unit("1")
      .range(0.0, 1.0)
      .doc(
          "carbon capture on the potline gas after the retrofit (ccs.capture_rate; the other [ccs] inputs "
          "come from the case; docs/model/ccs.md); alone, a capture-only retrofit with the existing cells");
}

const Table& invest_table() {
  static const Table table = [] {
    Table t("invest");
    t.include(plant::smelter_schema());
    add_investment(t);
    add_invest_cbam(t);
    add_retrofit(t);
    return t;
  }();
  return table;
}

io::ValueSet without(const io::ValueSet& v, const std::set<std::string>& drop) {
  io::ValueSet out;
  for (const auto& [k, x] : v.all()) {
    if (!drop.count(k)) out.set(k, x);
  }
  return out;
}

// Diagnostics of building the plant after a retrofit name the [retrofit] keys the user set, not
// the smelter keys they stand in for; a message already reported (a smelter-level input, the same
// for both plants) is not repeated.
void append_retrofit_diagnostics(const core::Diagnostics& local, const io::ValueSet& user,
                                 core::Diagnostics& d) {
  const std::vector<std::pair<std::string, std::string>> renames = {
      {"potline.technology", "retrofit.technology"},
      {"potline.sec_ac", "retrofit.sec_ac"},
      {"plant.capacity", "retrofit.capacity"},
      {"labour.employees", "retrofit.employees"},
      {"costs.other", "retrofit.other_cost"},
      {"anode.type", "retrofit.anode_type"},
      {"anode.cost", "retrofit.anode_cost"},
      {"ccs.capture_rate", "retrofit.ccs_capture_rate"},
      {"emissions.aem", "retrofit.aem"},
      {"emissions.technology_class", "retrofit.technology_class"}};
  for (const core::Diagnostic& item : local.items()) {
    std::string key = item.key;
    for (const auto& [flat, retrofit] : renames) {
      if (key == flat && user.has(retrofit)) key = retrofit;
    }
    const bool seen =
        std::any_of(d.items().begin(), d.items().end(), [&](const core::Diagnostic& x) {
          return x.key == key && x.message == item.message &&
                 x.location.to_string() == item.location.to_string();
        });
    if (seen) continue;
    if (item.severity == core::Severity::kError) {
      d.error(item.location, key, item.message);
    } else {
      d.warning(item.location, key, item.message);
    }
  }
}

// The plant after a retrofit: the case with [retrofit] replacing the potline, capacity, staff and
// other-cost inputs.
io::ValueSet plant_after_retrofit(const io::ValueSet& user,
                                  const std::optional<plant::SmelterCase>& existing,
                                  core::Diagnostics& d) {
  io::ValueSet after = user;
  const bool new_cells = !user.text("retrofit.technology").empty() || user.has("retrofit.sec_ac");
  const bool new_anodes = user.has("retrofit.anode_type");
  const bool capture = user.has("retrofit.ccs_capture_rate");
  if (new_cells) {
    after = without(user, {"potline.sec_ac", "potline.technology", "potline.current_efficiency",
                           "potline.line_current"});
    if (!user.text("retrofit.technology").empty())
      after.set("potline.technology", *user.get("retrofit.technology"));
    if (user.has("retrofit.sec_ac")) after.set("potline.sec_ac", *user.get("retrofit.sec_ac"));
    after = detail::new_cells_anode_effects(user, after);
  } else if (!capture && !new_anodes) {
    d.error({}, "retrofit.technology",
            "a retrofit needs retrofit.technology or retrofit.sec_ac (the new cells), or "
            "retrofit.ccs_capture_rate (carbon capture on the existing cells)");
  }
  if (new_anodes) {
    if (user.text("retrofit.anode_type") == "inert") {
      if (!user.has("retrofit.anode_cost") && !user.has("anode.cost")) {
        d.error({}, "retrofit.anode_cost",
                "required with retrofit.anode_type = \"inert\": the inert-anode material cost per t Al after the "
                "retrofit (USD/t)");
      }
      std::set<std::string> carbon(plant::carbon_anode_only_keys().begin(), plant::carbon_anode_only_keys().end());
      after = without(after, carbon);
    }
    after.set("anode.type", *user.get("retrofit.anode_type"));
  }
  if (user.has("retrofit.anode_cost")) after.set("anode.cost", *user.get("retrofit.anode_cost"));
  if (capture) after.set("ccs.capture_rate", *user.get("retrofit.ccs_capture_rate"));
  if (user.has("retrofit.capacity")) after.set("plant.capacity", *user.get("retrofit.capacity"));
  if (user.has("retrofit.employees"))
    after.set("labour.employees", *user.get("retrofit.employees"));
  if (user.has("retrofit.other_cost")) after.set("costs.other", *user.get("retrofit.other_cost"));
  if (!after.has("plant.capacity") && existing) {
    // Keep the existing plant's capacity when it was derived from its pots and current.
    io::Value cap;
    cap.number = existing->inputs.capacity_kg_per_s;
    cap.origin = io::Origin::kCalibrated;
    after.set("plant.capacity", cap);
  }
  return after;
}

// Reads the case (a file, or TOML text named `display_name` in messages) and the overrides;
// reports [[potline]] groups, which invest does not take.
io::ValueSet read_invest_values(const std::string& path, const std::optional<std::string>& text,
                                const std::string& display_name, const std::vector<std::string>& sets,
                                core::Diagnostics& d) {
  const io::Schema& schema = invest_schema();
  io::ValueSet user;
  try {
    const toml::table doc = text ? toml::parse(*text, display_name) : toml::parse_file(path);
    if (const toml::array* groups = doc["potline"].as_array()) {
      d.error(io::toml_location(*groups, text ? display_name : path), "potline",
              "'potline invest' does not take [[potline]] groups yet: describe the plant with one "
              "[potline] table "
              "(use 'potline smelter' for several groups)");
      throw core::InputError(d);
    }
  } catch (const toml::parse_error&) {
    // read_case_file/read_case_text below reports the syntax error with its position.
  }
  // A case that is no TOML (or cannot be read) is one error: every "required" check after it would
  // only repeat that nothing was read (user trial T16-5).
  // Its --set keys and values are checked all the same (user trial T19-20: one pass).
  const bool read = text ? io::read_case_text(*text, display_name, schema, user, d)
                         : io::read_case_file(path, schema, user, d);
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d)) overrides.push_back(*o);
  }
  io::apply_overrides(overrides, schema, user, d);
  if (!read) throw core::InputError(d);
  return user;
}

// The carbon costs by calendar year (investment.h CarbonByYear): the EU ETS of the plant's [eu_ets] and
// CBAM of its [cbam] on the EU share of sales, each year's own; notes say what is costed and how.
void resolve_carbon(const io::ValueSet& user, const plant::SmelterData& data, InvestCase& c,
                    core::Diagnostics& d) {
  InvestmentInputs& in = c.inputs;
  CarbonByYear& carbon = in.carbon;
  carbon.first_year = static_cast<int>(
      user.maybe_number("investment.first_year").value_or(static_cast<double>(c.operating.price_year + 1)));
  carbon.schedule = data.cbam;
  carbon.cross_sectoral_correction =
      user.maybe_number("cbam.cross_sectoral_correction").value_or(data.cbam.cross_sectoral_correction);
  carbon.ets_benchmark_override_t_per_t = user.maybe_number("eu_ets.benchmark");
  carbon.eu_ets = in.operating.eu_ets.on;
  const int first_op = carbon.calendar_year(in.construction_years);
  const int last_op = carbon.calendar_year(in.construction_years + in.operating_years - 1);
  if (carbon.eu_ets) {
    c.operating.notes.push_back(fmt::format(
        "EU ETS costed year by year: the free allocation of each calendar year (operating years {}-{}: {:.3f} t/t in "
        "{}, {:.3f} t/t in {}; the benchmark x the CBAM factor of data/cbam.toml, 0 from 2034), the EUA price "
        "eu_ets.eua_price held constant in real terms; eu_ets.year ({}) only places the plant in the EU ETS",
        first_op, last_op, carbon.free_allocation_t_per_t(first_op), first_op,
        carbon.free_allocation_t_per_t(last_op), last_op, c.operating.eu_ets_year));
  }
  const bool share_given = user.get("cbam.eu_sales_share") != nullptr &&
                           user.get("cbam.eu_sales_share")->origin != io::Origin::kDefault;
  if (!in.operating.cbam) {
    if (share_given)
      d.warning(user.get("cbam.eu_sales_share")->location, "cbam.eu_sales_share",
                "is ignored: cbam.eua_price is not given (no CBAM cost computed)");
    return;
  }
  if (carbon.eu_ets) {
    c.operating.notes.push_back(
        "no CBAM costed: the plant is in the EU ETS ([eu_ets]), and its metal sold into the EU pays no CBAM "
        "(cbam.eu_sales_share not used)");
    return;
  }
  carbon.cbam = true;
  carbon.eu_sales_share = user.number("cbam.eu_sales_share");
  c.operating.notes.push_back(fmt::format(
      "CBAM costed year by year on {:.0f} % of sales (cbam.eu_sales_share): the CBAM cost per t of each calendar "
      "year (none before {}; the CBAM factor of data/cbam.toml to {}, the {} rules after), the certificate price "
      "cbam.eua_price held constant in real terms; the metal's price is the case's (prices.lme + "
      "prices.regional_premium) whatever the share",
      100.0 * carbon.eu_sales_share, policy::kCbamFirstYear, policy::kCbamLastYear, policy::kCbamLastYear));
}

// Binds [investment] and says what is missing. A smelter case run with `potline invest` got one
// "required" error per [investment] key (user trial T16-19): without any [investment] key, one error
// says what the file is. False when the case gives no [investment] key.
bool bind_investment(const io::ValueSet& user, InvestCase& c, core::Diagnostics& d) {
  const bool given = std::any_of(user.all().begin(), user.all().end(), [](const auto& kv) {
    return kv.first.rfind("investment.", 0) == 0 && kv.second.origin != io::Origin::kDefault;
  });
  const auto missing = invest_table().bind(user, c);
  if (!given && !missing.empty()) {
    d.error({}, "investment",
            "no [investment] table: 'potline invest' needs one, with construction_years, operating_years, "
            "depreciation_years, wacc and capex ('potline template invest' writes a starter case); a smelter case "
            "without it is for 'potline smelter'");
    return false;
  }
  for (const io::FieldSpec* f : missing) {
    d.error({}, f->key,
            "required for 'potline invest': give it in [investment]" +
                (!f->unit.empty() && f->unit != "1" ? " (in " + f->unit + ")" : std::string()));
  }
  return given;
}

std::optional<InvestCase> build_invest_case(const io::ValueSet& values,
                                            const plant::SmelterData& data, core::Diagnostics& d) {
  io::ValueSet user = values;
  io::fill_defaults(invest_schema(), user);
  InvestCase c;
  InvestmentInputs& in = c.inputs;
  const bool has_investment = bind_investment(user, c, d);
  const bool retrofit = in.kind == ProjectKind::kRetrofit;
  std::optional<plant::SmelterCase> existing;
  std::optional<plant::SmelterCase> operating;
  if (retrofit) {
    existing = plant::build_smelter_case(user, data, d);
    core::Diagnostics local;
    operating = plant::build_smelter_case(plant_after_retrofit(user, existing, local), data, local);
    append_retrofit_diagnostics(local, user, d);
  } else {
    operating = plant::build_smelter_case(user, data, d);
  }
  const std::string start = user.text("investment.contract_start");
  in.contract_start = start == "site"        ? ContractStart::kSite
                      : start == "operation" ? ContractStart::kOperation
                      : retrofit             ? ContractStart::kSite
                                             : ContractStart::kOperation;
  // Years from the contract's start to the end of the appraisal.
  const int contract_horizon =
      in.operating_years + (in.contract_start == ContractStart::kSite ? in.construction_years : 0);
  in.contract_years =
      static_cast<int>(user.maybe_number("investment.contract_years").value_or(contract_horizon));
  if (const io::Value* after = user.get("investment.post_contract_power");
      after != nullptr && after->origin != io::Origin::kDefault && in.contract_years >= contract_horizon) {
    const bool site = in.contract_start == ContractStart::kSite;
    d.warning(after->location, "investment.post_contract_power",
              fmt::format("never used: the contract ({} years, investment.contract_years) covers every {} ({}, {})",
                          in.contract_years, site ? "year from the first construction year" : "operating year",
                          contract_horizon,
                          site ? "construction and operating years, investment.contract_start = \"site\""
                               : "investment.operating_years"));
  }

  if (!retrofit && in.downtime_share > 0.0)
    d.warning({}, "investment.downtime_share", "ignored for a new build");
  const auto capex = user.maybe_number("investment.capex");
  if (!capex && has_investment)
    d.error({}, "investment.capex",
            "required for 'potline invest': give it in [investment] (in USD/t)");
  if (!operating || d.has_errors()) return std::nullopt;
  c.operating = std::move(*operating);
  if (existing) c.existing = std::move(*existing);
  // The plant after the retrofit read retrofit.aem as its emissions.aem: name it as the user gave
  // it.
  if (retrofit && user.has("retrofit.aem")) {
    const std::string from = "the case's emissions.aem";
    if (const auto at = c.operating.pfc_basis.find(from); at != std::string::npos)
      c.operating.pfc_basis.replace(at, from.size(), "retrofit.aem");
  }
  detail::name_new_cells_class(user, c.operating);
  detail::note_pfc_by_plan(user, c);
  in.operating = c.operating.inputs;
  if (c.existing) in.existing = c.existing->inputs;
  in.capex_usd = *capex * (1.0 + user.number("investment.epc_fee_share")) *
                 in.operating.capacity_kg_per_s * plant::kSecondsPerYear;
  in.contract_power_usd_per_J = in.operating.power_usd_per_J;
  in.post_contract_power_usd_per_J =
      user.maybe_number("investment.post_contract_power").value_or(in.operating.power_usd_per_J);
  resolve_carbon(user, data, c, d);
  return c;
}

}  // namespace

const io::Schema& invest_schema() {
  static const io::Schema schema = invest_table().schema();
  return schema;
}

namespace {

InvestCase build_or_throw(const io::ValueSet& user, const plant::SmelterData& data, core::Diagnostics& d) {
  if (d.has_errors()) {
    // Report what the case would say beyond the rejected values too (unknown technologies,
    // missing or inconsistent inputs): all input errors in one pass.
    core::Diagnostics later;
    build_invest_case(user, data, later);
    io::append_errors_except_rejected(later, d);
    throw core::InputError(d);
  }
  auto c = build_invest_case(user, data, d);
  if (!c || d.has_errors()) throw core::InputError(d);
  return std::move(*c);
}

}  // namespace

InvestCase load_invest_case(const std::string& path, const std::vector<std::string>& sets,
                            const plant::SmelterData& data, core::Diagnostics& d) {
  return build_or_throw(read_invest_values(path, std::nullopt, path, sets, d), data, d);
}

InvestCase load_invest_case_text(const std::string& toml_text, const std::string& display_name,
                                 const std::vector<std::string>& sets, const plant::SmelterData& data,
                                 core::Diagnostics& d) {
  return build_or_throw(read_invest_values("", toml_text, display_name, sets, d), data, d);
}

}  // namespace potline::finance

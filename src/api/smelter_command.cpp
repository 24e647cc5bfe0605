// potline smelter and potline invest as library functions (see case_commands.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "potline/api/case_commands.hpp"
#include "potline/finance/hpa_invest.hpp"
#include "potline/io/csv.hpp"
#include "potline/plant/smelter_report.hpp"
#include "potline/core/constants.hpp"

namespace potline::api {
namespace {

plant::SmelterData load_data(const CaseSource& source) {
  core::Diagnostics d;
  plant::SmelterData data = plant::SmelterData::load(source.data(), d);
  if (d.has_errors()) throw core::InputError(d);
  return data;
}

plant::SmelterCase load_smelter(const CaseSource& source, const plant::SmelterData& data, core::Diagnostics& d) {
  if (!source.text) return plant::load_smelter_case(source.path, source.sets, data, d);
  io::ValueSet user;
  std::vector<plant::PotlineGroupValues> groups;
  plant::read_smelter_case_text(*source.text, source.display_name, user, groups, d);
  plant::apply_smelter_overrides(source.sets, user, groups, d);
  if (d.has_errors()) throw core::InputError(d);
  auto c = plant::build_smelter_case(user, groups, data, d);
  if (!c || d.has_errors()) throw core::InputError(d);
  return std::move(*c);
}

// A plant whose cumulative cash flow turns positive and is negative again at the end (a power
// contract ending before the plant's life: user trial T10-2) has no payback; the notes say when it
// was ahead and in which operating years it loses money (it runs on: closure is not modelled).
void add_cash_flow_notes(const finance::InvestmentInputs& in, const finance::InvestmentResult& r, io::Json& notes) {
  const std::vector<double>& cf = r.cash_flows_usd;
  double cumulative = 0.0;
  for (const double x : cf) cumulative += x;
  if (!r.payback_years) {
    if (const auto first = finance::first_payback_years(cf)) {
      notes.push_back(fmt::format("no payback: the cumulative cash flow turns positive at {:.1f} years but is "
                                  "negative again at the end ({:.1f} M USD)",
                                  *first, cumulative / 1e6));
    }
  }
  int count = 0;
  std::size_t first_year = 0, last_year = 0;
  double worst = 0.0;
  for (std::size_t k = static_cast<std::size_t>(std::max(in.construction_years, 0)); k < cf.size(); ++k) {
    // Without construction years the capex is spent in the first operating year: not an operating loss.
    const double operating = cf[k] + (in.construction_years == 0 && k == 0 ? in.capex_usd : 0.0);
    if (operating >= 0.0) continue;
    if (count++ == 0) first_year = k + 1;
    last_year = k + 1;
    worst = std::min(worst, operating);
  }
  if (count > 0) {
    notes.push_back(fmt::format("the cash flow is negative in {} operating year{} (years {}-{} of the appraisal, "
                                "down to {:.1f} M USD/yr): the plant runs on at a loss, closure is not modelled",
                                count, count == 1 ? "" : "s", first_year, last_year, worst / 1e6));
  }
}

io::Json optional_number(const std::optional<double>& x, double scale = 1.0) {
  return x ? io::Json(*x * scale) : io::Json(nullptr);
}

// The carbon costs by calendar year (docs/model/economics.md, Investment; T9-15): what is costed,
// their levelised values per t of output and each project year's.
io::Json carbon_json(const finance::InvestmentInputs& in, const finance::InvestmentResult& r) {
  const finance::CarbonByYear& carbon = in.carbon;
  io::Json j;
  j["first_year"] = carbon.first_year;
  j["eu_ets"] = carbon.eu_ets;
  j["cbam"] = carbon.cbam;
  j["eu_sales_share"] = carbon.cbam ? io::Json(carbon.eu_sales_share) : io::Json(nullptr);
  j["levelised_eu_ets_usd_per_t"] = optional_number(r.levelised_eu_ets_usd_per_kg, 1000.0);
  j["levelised_cbam_usd_per_t"] = optional_number(r.levelised_cbam_usd_per_kg, 1000.0);
  io::Json years = io::Json::array();
  for (std::size_t k = 0; k < r.carbon_years.size(); ++k) {
    const finance::CarbonYear& y = r.carbon_years[k];
    const double t = k < r.production_kg.size() ? r.production_kg[k] / 1000.0 : 0.0;
    years.push_back({{"year", y.year},
                     {"production_t", t},
                     {"eu_ets_free_allocation_t_per_t", y.eu_ets_free_allocation_t_per_t},
                     {"eu_ets_usd", y.eu_ets_usd},
                     {"eu_ets_usd_per_t", t > 0.0 ? y.eu_ets_usd / t : 0.0},
                     {"cbam_usd_per_t_eu", y.cbam_usd_per_t_eu},
                     {"cbam_usd", y.cbam_usd}});
  }
  j["years"] = years;
  return j;
}

// The decision the case asks (T14-3): a retrofit's gain over keeping the old cells, or the new
// build's own NPV; a script reads decision.npv_usd whatever the kind.
io::Json decision_json(const finance::InvestmentInputs& in, const finance::InvestmentResult& r) {
  const finance::InvestmentDecision d = finance::investment_decision(in, r);
  return {{"basis", d.basis},
          {"npv_usd", d.npv_usd},
          {"irr", optional_number(d.irr)},
          {"payback_years", optional_number(d.payback_years)},
          {"breakeven_power_usd_per_MWh", optional_number(d.breakeven_power_usd_per_J, 3.6e9)},
          {"pays_when_power_is", d.pays_above_breakeven ? "above" : "below"},
          {"wacc", in.wacc},
          {"tax_rate", in.tax_rate}};  // 0: the NPV and IRR are pre-tax (T16-11)
}

io::Json invest_json(const finance::InvestCase& c, const finance::InvestmentResult& r,
                     const std::vector<std::string>& warnings) {
  const auto& in = c.inputs;
  io::Json j;
  j["title"] = c.operating.title;
  j["kind"] = in.kind == finance::ProjectKind::kRetrofit ? "retrofit" : "new_build";
  j["price_year"] = c.operating.price_year;
  j["currency"] = "USD";
  j["decision"] = decision_json(in, r);  // first: the number a script or a reader wants (T14-3)
  j["npv_usd"] = r.npv_usd;
  j["irr"] = optional_number(r.irr);
  j["payback_years"] = optional_number(r.payback_years);
  j["lcoa_usd_per_t"] = optional_number(r.lcoa_usd_per_kg, 1000.0);
  j["breakeven_power_usd_per_MWh"] = optional_number(r.breakeven_power_usd_per_J, 3.6e9);
  j["breakeven_tolerance_usd_per_MWh"] = finance::kBreakevenToleranceUsdPerMWh;
  j["breakeven_iterations"] = r.breakeven_iterations;
  if (r.incremental_npv_usd) {
    // Retrofit: the gain over keeping the old cells, with its own IRR and payback (trial CN: the
    // plant's IRR 27.6 % stood alone beside a gain of -389.6 M USD).
    j["incremental_npv_usd"] = *r.incremental_npv_usd;
    j["incremental_breakeven_power_usd_per_MWh"] =
        optional_number(r.incremental_breakeven_power_usd_per_J, 3.6e9);
    j["incremental_irr"] = optional_number(r.incremental_irr);
    j["incremental_payback_years"] = optional_number(r.incremental_payback_years);
    j["incremental_cash_flows_usd"] = r.incremental_cash_flows_usd;
  }
  j["capex_usd"] = in.capex_usd;
  j["capacity_t_per_year"] = in.operating.capacity_kg_per_s * plant::kSecondsPerYear / 1000.0;
  j["sec_ac_kWh_per_kg"] = in.operating.potline_sec_ac_J_per_kg / (1.0 - in.operating.auxiliary_share) / constants::kJoulePerKWh;
  if (c.existing) j["existing_sec_ac_kWh_per_kg"] = in.existing.potline_sec_ac_J_per_kg / (1.0 - in.existing.auxiliary_share) / constants::kJoulePerKWh;
  j["wacc"] = in.wacc;
  j["contract_power_usd_per_MWh"] = in.contract_power_usd_per_J * 3.6e9;
  j["contract_years"] = in.contract_years;
  // When the contract years start (investment.contract_start; T10-14): "operation" or "site".
  j["contract_start"] = finance::to_string(in.contract_start);
  // The price after the contract: the NPV holds it for the years after contract_years, so NPV at
  // "power 40" (the case) and npv_vs_power.csv's row 40 (every year at 40) differ (466.7 against
  // 541.5 M USD for invest-new-build); without it a reader could not tell why.
  j["post_contract_power_usd_per_MWh"] = in.post_contract_power_usd_per_J * 3.6e9;
  // The plant after the project: its anode type and carbon capture (docs/model/inert-anode.md, ccs.md).
  const plant::SmelterResult op = plant::evaluate(in.operating);
  j["operating"] = {{"anode_type", in.operating.inert_anode ? "inert" : "carbon"},
                    {"ccs_capture_rate", in.operating.ccs.capture_rate},
                    {"ccs_cost_usd_per_t", op.breakdown.ccs * 1000.0},
                    {"c1_usd_per_t", op.c1_usd_per_kg * 1000.0},
                    {"direct_t_co2e_per_t", op.emissions.direct},
                    {"pfc_t_co2e_per_t", op.emissions.pfc_co2e},
                    {"pfc_basis", c.operating.pfc_basis}};
  // A retrofit's other plan, keeping the old cells: its own PFC and direct emissions (T11-5).
  j["existing"] = nullptr;
  if (c.existing) {
    const plant::SmelterResult old = plant::evaluate(in.existing);
    j["existing"] = {{"c1_usd_per_t", old.c1_usd_per_kg * 1000.0},
                     {"direct_t_co2e_per_t", old.emissions.direct},
                     {"pfc_t_co2e_per_t", old.emissions.pfc_co2e},
                     {"pfc_basis", c.existing->pfc_basis}};
  }
  // An HPA line beside the plant after the project (docs/model/hpa.md, "In potline invest").
  j["hpa"] = nullptr;
  if (const auto h = finance::hpa_investment(c)) {
    j["hpa"] = {{"route", h->line.route == plant::HpaRoute::kThreeLayer ? "three_layer" : "segregation"},
                {"capacity_t_per_year", h->line.capacity_kg_per_s * plant::kSecondsPerYear / 1000.0},
                {"margin_usd_per_year", h->margin_usd_per_year},
                {"npv_usd", h->npv_usd},
                {"npv_with_hpa_usd", r.npv_usd + h->npv_usd}};
    j["hpa"]["feed"] = plant::hpa_feed_json(h->line);  // from the plant's own pots (cases with [purity])
    const finance::ProjectWithHpa with = finance::project_with_hpa(r.cash_flows_usd, *h);
    j["hpa"]["irr_with_hpa"] = optional_number(with.irr);
    j["hpa"]["payback_years_with_hpa"] = optional_number(with.payback_years);
  }
  j["carbon"] = carbon_json(in, r);
  io::Json flows = io::Json::array();
  for (double x : r.cash_flows_usd) flows.push_back(x);
  j["cash_flows_usd"] = flows;
  j["warnings"] = warnings;
  return j;
}

}  // namespace

SmelterRun run_smelter(const CaseSource& source) {
  return located_at_case(source, [&] {
    core::Diagnostics d;
    SmelterRun run{load_data(source), {}, {}, {}, {}, {}};
    run.c = load_smelter(source, run.data, d);
    run.result = plant::evaluate(run.c.inputs);
    plant::warn_if_no_production(run.c, run.result, d);
    run.warnings = d.warning_messages();
    run.located_warnings = located_warnings(d, {&run.c.values}, source);
    run.summary = plant::smelter_result_json(run.c, run.result, run.warnings);
    return run;
  });
}

Tables SmelterRun::tables() const {
  return {{"cost_breakdown.csv", plant::cost_breakdown_csv(result, c.inputs.inert_anode)},
          {"emissions.csv", plant::emissions_csv(c, result)},
          {"cbam.csv", plant::cbam_csv(c, result)},
          {"potlines.csv", plant::potlines_csv(c)}};
}

InvestRun run_invest(const CaseSource& source) {
  return located_at_case(source, [&] {
    core::Diagnostics d;
    InvestRun run{load_data(source), {}, {}, {}, {}, {}};
    run.c = source.text ? finance::load_invest_case_text(*source.text, source.display_name, source.sets, run.data, d)
                        : finance::load_invest_case(source.path, source.sets, run.data, d);
    run.result = finance::evaluate_investment(run.c.inputs);
    if (!run.result.lcoa_usd_per_kg) {
      d.warning("plant.capacity_factor",
                "the project produces nothing (capacity factor 0 or no capacity): LCOA is not defined (null in JSON, "
                "n/a in text); the cash flows still carry the wage bill, a fixed cost");
    }
    run.summary = invest_json(run.c, run.result, d.warning_messages());
    run.located_warnings = located_warnings(
        d, {&run.c.operating.values, run.c.existing ? &run.c.existing->values : nullptr}, source);
    // Caveats of the program's data (unverified PFC coefficients, T7-12): the operating plant's
    // notes.
    run.summary["notes"] = run.c.operating.notes;
    add_cash_flow_notes(run.c.inputs, run.result, run.summary["notes"]);
    run.npv_by_power = npv_by_power_price(run.c.inputs, run.result);
    return run;
  });
}

std::vector<PowerPricePoint> npv_by_power_price(const finance::InvestmentInputs& in,
                                                const finance::InvestmentResult& result) {
  constexpr double kUsdPerJ_per_UsdPerMWh = 1.0 / 3.6e9;
  const double contract = in.contract_power_usd_per_J / kUsdPerJ_per_UsdPerMWh;
  const double breakeven = result.breakeven_power_usd_per_J.value_or(0.0) / kUsdPerJ_per_UsdPerMWh;
  const double gain_breakeven = result.incremental_breakeven_power_usd_per_J.value_or(0.0) / kUsdPerJ_per_UsdPerMWh;
  const double upper = std::max({2.0 * contract, 1.25 * breakeven, 1.25 * gain_breakeven, 10.0});
  // A round step (1, 2, 2.5 or 5 times a power of ten) giving about 20 intervals.
  const double raw = upper / 20.0;
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10.0 * decade;
  for (double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * decade >= raw) {
      step = m * decade;
      break;
    }
  }
  const int intervals = static_cast<int>(std::ceil(upper / step - 1e-9));
  std::vector<PowerPricePoint> points;
  for (int i = 0; i <= intervals; ++i) {
    const double price = i * step;
    const std::vector<double> flows = finance::project_cash_flows(in, price * kUsdPerJ_per_UsdPerMWh);
    PowerPricePoint point{price, finance::npv(flows, in.wacc), finance::irr(flows), std::nullopt, std::nullopt};
    if (in.kind == finance::ProjectKind::kRetrofit) {
      const std::vector<double> gain = finance::incremental_cash_flows(in, price * kUsdPerJ_per_UsdPerMWh);
      point.incremental_npv_usd = finance::npv(gain, in.wacc);
      point.incremental_irr = finance::irr(gain);
    }
    points.push_back(point);
  }
  return points;
}

/// cash_flows.csv: "Year,Cash flow [USD],Discounted [USD]"; year k (1-based) is discounted by
/// (1 + WACC)^k, the end-of-year convention of finance::npv, so the Discounted column sums to npv_usd.
/// A retrofit adds "Incremental cash flow [USD],Incremental discounted [USD]" (the retrofit minus
/// keeping the old cells; the second sums to incremental_npv_usd), and npv_vs_power.csv adds
/// "Incremental NPV [USD],Incremental IRR [1]" (T14-3: the report's decision charts read them).
Tables InvestRun::tables() const {
  const bool retrofit = !result.incremental_cash_flows_usd.empty();
  std::vector<std::string> header{"Year", "Cash flow [USD]", "Discounted [USD]"};
  if (retrofit) header.insert(header.end(), {"Incremental cash flow [USD]", "Incremental discounted [USD]"});
  std::string out = io::csv_row(header);
  double factor = 1.0;
  const auto& flows = result.cash_flows_usd;
  for (std::size_t k = 0; k < flows.size(); ++k) {
    factor /= (1.0 + c.inputs.wacc);
    std::vector<std::string> row{std::to_string(k + 1), fmt::format("{}", flows[k]), fmt::format("{}", flows[k] * factor)};
    if (retrofit) {
      const double gain = k < result.incremental_cash_flows_usd.size() ? result.incremental_cash_flows_usd[k] : 0.0;
      row.insert(row.end(), {fmt::format("{}", gain), fmt::format("{}", gain * factor)});
    }
    out += io::csv_row(row);
  }
  // npv_vs_power.csv: the NPV (and IRR, empty where undefined) at each power price of npv_by_power.
  const auto optional_text = [](const std::optional<double>& x) { return x ? fmt::format("{}", *x) : std::string(); };
  header = {"Power price [USD/MWh]", "NPV [USD]", "IRR [1]"};
  if (retrofit) header.insert(header.end(), {"Incremental NPV [USD]", "Incremental IRR [1]"});
  std::string sweep = io::csv_row(header);
  for (const auto& p : npv_by_power) {
    std::vector<std::string> row{fmt::format("{}", p.power_usd_per_MWh), fmt::format("{}", p.npv_usd), optional_text(p.irr)};
    if (retrofit) row.insert(row.end(), {optional_text(p.incremental_npv_usd), optional_text(p.incremental_irr)});
    sweep += io::csv_row(row);
  }
  Tables tables{{"cash_flows.csv", out}, {"npv_vs_power.csv", sweep}};
  // carbon.csv: the EU ETS and CBAM of each project year, when either is costed (T9-15).
  if (c.inputs.carbon.eu_ets || c.inputs.carbon.cbam) {
    std::string carbon = io::csv_row({"Year", "Calendar year", "Production [t]", "EU ETS free allocation [t/t]",
                                      "EU ETS [USD]", "CBAM per t sold into the EU [USD/t]", "CBAM [USD]"});
    for (std::size_t k = 0; k < result.carbon_years.size(); ++k) {
      const finance::CarbonYear& y = result.carbon_years[k];
      carbon += io::csv_row({std::to_string(k + 1), std::to_string(y.year),
                             fmt::format("{}", result.production_kg[k] / 1000.0),
                             fmt::format("{}", y.eu_ets_free_allocation_t_per_t), fmt::format("{}", y.eu_ets_usd),
                             fmt::format("{}", y.cbam_usd_per_t_eu), fmt::format("{}", y.cbam_usd)});
    }
    tables["carbon.csv"] = carbon;
  }
  return tables;
}

}  // namespace potline::api

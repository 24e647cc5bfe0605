// Report charts of the steady-state commands: cell (voltage breakdown, energy balance), smelter
// (cost stack, emissions by scope and source, CBAM by year); the published operating point of a cell.
#include <fmt/format.h>

#include <algorithm>

#include "potline/report/charts.hpp"
#include "vega.hpp"

namespace potline::report {
namespace {

using io::Json;

std::optional<double> get_number(const Json& obj, const std::string& key) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_number()) return std::nullopt;
  return obj[key].get<double>();
}

/// Waterfall of the cell voltage: each term a bar from the running sum before it to the sum after
/// it, then the total from zero; terms that are exactly zero (no anode effect) are left out.
Chart voltage_waterfall(const RunData& run) {
  const Json& terms = run.summary["breakdown_V"];
  Json values = Json::array();
  double sum = 0;
  int order = 0;
  for (const auto& [name, v] : terms.items()) {
    if (!v.is_number() || v.get<double>() == 0.0) continue;
    const double x = v.get<double>();
    values.push_back({{"order", order++}, {"term", vega::label(name)}, {"start", vega::number(sum)},
                      {"end", vega::number(sum + x)}, {"voltage_V", vega::number(x)}, {"kind", "term"}});
    sum += x;
  }
  const auto total = get_number(run.summary, "voltage_V");
  values.push_back({{"order", order}, {"term", "cell voltage"}, {"start", 0.0}, {"end", vega::number(total)},
                    {"voltage_V", vega::number(total)}, {"kind", "total"}});
  Json spec = vega::base("Cell voltage breakdown (waterfall)",
                         fmt::format("{}: {} V at {} kA, ACD {} cm", run.title(), vega::fixed(total, 3),
                                     vega::fixed(get_number(run.summary, "current_kA"), 1),
                                     vega::fixed(get_number(run.summary, "acd_cm"), 2)),
                         640, 24 * (order + 1));
  spec["data"] = {{"values", values}};
  Json bar = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
              {"encoding",
               {{"y", {{"field", "term"}, {"type", "nominal"}, {"sort", {{"field", "order"}}}, {"title", nullptr}}},
                {"x", vega::field("start", "quantitative", "Voltage [V]")},
                {"x2", {{"field", "end"}}},
                {"color", {{"field", "kind"}, {"type", "nominal"}, {"title", nullptr},
                           {"scale", {{"domain", {"term", "total"}}, {"range", {"#4c78a8", "#f58518"}}}}}}}}};
  Json text = {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}}},
               {"encoding",
                {{"y", {{"field", "term"}, {"type", "nominal"}, {"sort", {{"field", "order"}}}}},
                 {"x", {{"field", "end"}, {"type", "quantitative"}}},
                 {"text", {{"field", "voltage_V"}, {"type", "quantitative"}, {"format", ".3f"}}}}}};
  spec["layer"] = {vega::primary(bar), text};
  return vega::chart(spec, static_cast<std::size_t>(order + 1));
}

/// Energy balance: the electrical input beside the same power split into its uses.
Chart energy_balance(const RunData& run) {
  const Json& e = run.summary["energy_kW"];
  Json values = Json::array();
  values.push_back({{"bar", "electrical input"}, {"part", "electrical input"}, {"power_kW", vega::number(get_number(e, "input"))}});
  for (const auto& [name, v] : e.items()) {
    if (name == "input") continue;
    values.push_back({{"bar", "where it goes"}, {"part", vega::label(name)}, {"power_kW", vega::number(get_number(e, name))}});
  }
  const auto loss = get_number(run.summary, "heat_loss_kW");
  const auto input = get_number(e, "input");
  Json spec = vega::base("Cell energy balance",
                         // The cell's own input, as the text says: V x I less the external (busbar) drop
                         // (AP40: 1597 of 1677 kW); a reader multiplying the voltage by the current found 80 kW missing.
                         fmt::format("{}: heat loss {} kW of {} kW input to the cell (V x I less the external drop, "
                                     "which heats the busbars)",
                                     run.title(), vega::fixed(loss, 0), vega::fixed(input, 0)),
                         640, 90);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary(
      {{"mark", {{"type", "bar"}, {"tooltip", true}}},
       {"encoding",
        {{"y", {{"field", "bar"}, {"type", "nominal"}, {"title", nullptr}}},
         {"x", vega::field("power_kW", "quantitative", "Power [kW]")},
         {"color", {{"field", "part"}, {"type", "nominal"}, {"title", "Term"}}}}}})};
  return vega::chart(spec, values.size());
}

/// The published operating point beside the model (published.csv, written by potline cell from the
/// technology catalogue): the table with each source, and the model's deviation from each published
/// number as a chart. Missing published numbers stay missing (empty cells read "missing"). The
/// numbers the model was calibrated to (published.csv's Basis) agree by construction: they are drawn
/// apart from the independent comparisons and say so (T7-24), so the chart does not read as a validation.
void published_point(const RunData& run, const Table& t, RunReport& r) {
  HtmlTable table{"Published operating point beside the model (published.csv; sources in docs/references.md)",
                  {"Quantity", "Unit", "Model", "Published", "Model - published [%]", "Basis", "Source", "Note"},
                  {}};
  Json values = Json::array();
  std::size_t independent = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto model = t.number(i, "Model");
    const auto published = t.number(i, "Published");
    std::optional<double> deviation;
    if (model && published && *published != 0.0) deviation = (*model - *published) / *published * 100.0;
    const std::string basis = !published ? "" : t.column("Basis") < 0 ? "not stated (an older potline)" : t.text(i, "Basis");
    table.rows.push_back({t.text(i, "Quantity"), t.text(i, "Unit"), model ? fmt::format("{:.6g}", *model) : "",
                          published ? fmt::format("{:.6g}", *published) : "", deviation ? fmt::format("{:+.2f}", *deviation) : "",
                          basis, t.text(i, "Source"), t.text(i, "Note")});
    if (deviation) {
      if (basis.rfind("independent", 0) == 0) ++independent;
      values.push_back({{"quantity", t.text(i, "Quantity") + " [" + t.text(i, "Unit") + "]"},
                        {"deviation_pct", *deviation},
                        {"model", *model},
                        {"published", *published},
                        {"basis", basis},
                        {"source", t.text(i, "Source")}});
    }
  }
  r.tables.push_back(table);
  if (values.empty()) {
    r.missing.push_back("model against the published operating point: " +
                        std::string(vega::text(run.summary, "technology").empty()
                                        ? "the case names no catalogue technology"
                                        : "no number is published for technology " + vega::text(run.summary, "technology")));
    return;
  }
  const std::string checks =
      independent == 0 ? "no published number is independent of the calibration: every bar agrees by construction, "
                         "none tests the model"
                       : fmt::format("{} published number{} independent of the calibration test{} the model",
                                     independent, independent == 1 ? "" : "s", independent == 1 ? "s" : "");
  Json spec = vega::base("Model against the published operating point: calibration targets apart from independent checks",
                         fmt::format("{}: technology {}; 0 % = the published value; {} (Basis in the table below)",
                                     run.title(), vega::text(run.summary, "technology", "missing"), checks),
                         640, 28 * static_cast<int>(values.size()) + 20);
  // The independent checks first, then the calibration targets, then the case's inputs.
  std::stable_sort(values.begin(), values.end(), [](const Json& a, const Json& b) {
    const auto rank = [](const Json& v) {
      const std::string basis = v["basis"].get<std::string>();
      return basis.rfind("independent", 0) == 0 ? 0 : basis.rfind("calibration", 0) == 0 ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
  spec["data"] = {{"values", values}};
  Json bars = {{"mark", {{"type", "bar"}, {"tooltip", true}}},
               {"encoding",
                {{"y", {{"field", "quantity"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}}},
                 {"x", vega::field("deviation_pct", "quantitative", "Model - published [% of published]")},
                 {"color", {{"field", "basis"}, {"type", "nominal"}, {"title", "Basis"}, {"legend", {{"orient", "bottom"}, {"direction", "vertical"}, {"labelLimit", 0}}}}},
                 {"tooltip", Json::array({{{"field", "quantity"}}, {{"field", "basis"}}, {{"field", "model"}},
                                          {{"field", "published"}},
                                          {{"field", "deviation_pct"}, {"title", "deviation %"}, {"format", "+.2f"}},
                                          {{"field", "source"}}})}}}};
  Json zero = {{"data", {{"values", Json::array({{{"x", 0.0}}})}}},
               {"mark", {{"type", "rule"}, {"color", "#333"}}},
               {"encoding", {{"x", {{"field", "x"}, {"type", "quantitative"}}}}}};
  spec["layer"] = {vega::primary(bars), zero};
  r.charts.push_back(vega::chart(spec, values.size()));
}

}  // namespace

RunReport cell_report(const RunData& run) {
  RunReport r;
  if (run.summary.contains("breakdown_V") && run.summary["breakdown_V"].is_object()) {
    r.charts.push_back(voltage_waterfall(run));
  } else {
    r.missing.push_back("voltage breakdown: the summary has no breakdown_V");
  }
  if (run.summary.contains("energy_kW") && run.summary["energy_kW"].is_object()) {
    r.charts.push_back(energy_balance(run));
  } else {
    r.missing.push_back("energy balance: the summary has no energy_kW");
  }
  if (const Table* t = run.table("published.csv")) {
    published_point(run, *t, r);
  } else {
    r.missing.push_back("published operating point: no published.csv in the run folder (written by an older potline)");
  }
  if (const Table* t = run.table("inputs.csv")) {
    HtmlTable inputs{"Inputs and where each came from (inputs.csv)", t->columns, t->rows};
    r.tables.push_back(inputs);
  }
  return r;
}

namespace {

/// Cost stack per potline group and for the smelter, with the metal price as a rule.
Chart cost_stack(const RunData& run) {
  const Json& s = run.summary;
  Json values = Json::array();
  std::size_t bars = 0;
  auto add_bar = [&](const std::string& name, const Json& cost) {
    if (!cost.is_object() || !cost.contains("breakdown")) return;
    for (const auto& [component, v] : cost["breakdown"].items()) {
      values.push_back({{"bar", name}, {"component", vega::label(component)},
                        {"cost_usd_per_t", vega::number(v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt)}});
    }
    ++bars;
  };
  add_bar("smelter", s["cost_usd_per_t"]);
  if (s.contains("potlines") && s["potlines"].size() > 1) {
    for (const auto& p : s["potlines"]) add_bar(vega::text(p, "name", "potline"), p["cost_usd_per_t"]);
  }
  const auto price = get_number(s, "price_usd_per_t");
  const auto c1 = get_number(s["cost_usd_per_t"], "c1");
  Json spec = vega::base("Cash cost (C1) by component",
                         fmt::format("{}: C1 {} USD/t, metal price {} USD/t ({} USD)", run.title(),
                                     vega::fixed(c1, 0), vega::fixed(price, 0), vega::fixed(vega::member(s, "price_year"), 0)),
                         640, 40 * static_cast<int>(bars) + 30);
  spec["data"] = {{"values", values}};
  Json layers = Json::array();
  layers.push_back(vega::primary(
      {{"mark", {{"type", "bar"}, {"tooltip", true}}},
       {"encoding",
        {{"y", {{"field", "bar"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}}},
         {"x", vega::field("cost_usd_per_t", "quantitative", "Cost [USD/t]")},
         {"color", {{"field", "component"}, {"type", "nominal"}, {"title", "Component"}}}}}}));
  if (price) {
    layers.push_back({{"data", {{"values", Json::array({{{"price_usd_per_t", *price}, {"what", "metal price"}}})}}},
                      {"mark", {{"type", "rule"}, {"color", "#d62728"}, {"strokeDash", {4, 3}}, {"size", 2}}},
                      {"encoding", {{"x", {{"field", "price_usd_per_t"}, {"type", "quantitative"}}},
                                    {"tooltip", Json::array({{{"field", "what"}}, {{"field", "price_usd_per_t"}, {"title", "USD/t"}}})}}}});
  }
  spec["layer"] = layers;
  return vega::chart(spec, values.size());
}

Chart emissions_by_scope(const RunData& run, const Table& t) {
  Json values = Json::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const std::string source = t.text(i, "Source");
    if (source == "scope1" || source == "scope2" || source == "total") continue;
    values.push_back({{"scope", "Scope " + t.text(i, "Scope")}, {"source", vega::label(source)},
                      {"t_co2e_per_t", vega::number(t.number(i, "Emissions [t CO2e/t]"))}});
  }
  const Json& e = run.summary["emissions_t_co2e_per_t"];
  const Json& m = run.summary["emissions_method"];
  Json spec = vega::base("Emissions by scope and source",
                         fmt::format("{}: {} t CO2e/t (scope 1+2); {} {}, GWP {}", run.title(),
                                     vega::fixed(get_number(e, "total"), 2), vega::text(m, "co2"),
                                     vega::text(m, "coefficient_set"), vega::text(m, "gwp")),
                         640, 90);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary(
      {{"mark", {{"type", "bar"}, {"tooltip", true}}},
       {"encoding",
        {{"y", {{"field", "scope"}, {"type", "nominal"}, {"title", nullptr}}},
         {"x", vega::field("t_co2e_per_t", "quantitative", "Emissions [t CO2e per t Al]")},
         {"color", {{"field", "source"}, {"type", "nominal"}, {"title", "Source"}}}}}})};
  return vega::chart(spec, values.size());
}

Chart cbam_by_year(const RunData& run) {
  const Json& usd = run.summary["cbam_usd_per_t"];
  const Json& eur = run.summary["cbam_eur_per_t"];
  Json values = Json::array();
  for (const auto& [year, v] : usd.items()) {
    values.push_back({{"year", year}, {"cbam_usd_per_t", vega::number(v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt)},
                      {"cbam_eur_per_t", vega::number(get_number(eur, year))}});
  }
  Json spec = vega::base("CBAM cost on exports to the EU, by year",
                         fmt::format("{}: route '{}'", run.title(), vega::text(run.summary, "cbam_route", "?")), 640, 200);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                                  {"encoding",
                                   {{"x", vega::field("year", "ordinal", "Year")},
                                    {"y", vega::field("cbam_usd_per_t", "quantitative", "CBAM cost [USD per t Al]")}}}})};
  return vega::chart(spec, values.size());
}

}  // namespace

RunReport smelter_report(const RunData& run) {
  RunReport r;
  if (run.summary.contains("cost_usd_per_t")) r.charts.push_back(cost_stack(run));
  if (const Table* t = run.table("emissions.csv")) {
    r.charts.push_back(emissions_by_scope(run, *t));
  } else {
    r.missing.push_back("emissions by scope: no emissions.csv in the run folder");
  }
  if (run.summary.contains("cbam_usd_per_t") && !run.summary["cbam_usd_per_t"].empty()) {
    r.charts.push_back(cbam_by_year(run));
  } else {
    r.missing.push_back("CBAM by year: the summary has no cbam_usd_per_t");
  }
  if (const Table* t = run.table("potlines.csv")) r.tables.push_back({"Potline groups (potlines.csv)", t->columns, t->rows});
  for (auto& t : smelter_nextgen_tables(run)) r.tables.push_back(std::move(t));
  return r;
}

std::vector<Chart> plant_comparison(const std::vector<RunData>& runs) {
  // cell: voltage terms; smelter: cost components; invest: cash flows - one bar group per run.
  const std::string& command = runs.front().command;
  Json values = Json::array();
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const std::string run = fmt::format("{}: {}", k + 1, runs[k].title());
    const Json& s = runs[k].summary;
    const Json* parts = nullptr;
    if (command == "cell" && s.contains("breakdown_V")) parts = &s["breakdown_V"];
    if (command == "smelter" && s.contains("cost_usd_per_t") && s["cost_usd_per_t"].contains("breakdown")) {
      parts = &s["cost_usd_per_t"]["breakdown"];
    }
    if (!parts) continue;
    for (const auto& [name, v] : parts->items()) {
      values.push_back({{"run", run}, {"part", vega::label(name)},
                        {"value", vega::number(v.is_number() ? std::optional<double>(v.get<double>()) : std::nullopt)}});
    }
  }
  if (values.empty()) return {};
  const bool cell = command == "cell";
  Json spec = vega::base(cell ? "Cell voltage breakdown side by side" : "Cash cost (C1) by component side by side",
                         fmt::format("{} {} runs", runs.size(), command), 640, 40 * static_cast<int>(runs.size()) + 30);
  spec["data"] = {{"values", values}};
  spec["layer"] = {vega::primary({{"mark", {{"type", "bar"}, {"tooltip", true}}},
                                  {"encoding", {{"y", {{"field", "run"}, {"type", "nominal"}, {"title", nullptr}}},
                                                {"x", vega::field("value", "quantitative", cell ? "Voltage [V]" : "Cost [USD/t]")},
                                                {"color", {{"field", "part"}, {"type", "nominal"}, {"title", cell ? "Term" : "Component"}}}}}})};
  return {vega::chart(spec, values.size())};
}

}  // namespace potline::report

// potline flex as library functions (see flex_command.hpp).
#include "potline/api/flex_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "potline/cell/technology.hpp"
#include "potline/core/units.hpp"
#include "potline/flex/flex_ce.hpp"
#include "potline/flex/grid_products.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::api {

namespace {

// Where the price series comes from: --prices / the prices argument, else the case's flex.prices
// (relative to the case file, as build_flex_case resolves it).
struct PricePlace {
  std::string path;
  core::SourceLocation where;
};

PricePlace price_place(const CaseSource& source, const PriceSource& price_source, const io::ValueSet& user) {
  if (price_source.text) return {price_source.display_name, {"<prices argument>", 0, 0}};
  if (!price_source.path.empty()) return {price_source.path, {price_source.display_name, 0, 0}};  // --prices, <prices>
  const io::Value* v = user.get("flex.prices");
  if (v == nullptr || v->text.empty()) return {};
  std::filesystem::path path(v->text);
  if (path.is_relative() && !source.base_dir().empty()) path = std::filesystem::path(source.base_dir()) / path;
  // Not beside the case: the data folder's (prices/synthetic-...csv), so a copy of examples/ runs
  // with --data-dir / POTLINE_DATA_DIR as every other example does (user trial 9, T9-5).
  std::error_code ec;
  // The repository-root form data/prices/...csv (what `potline template flex` wrote before
  // 2026-12-06, user trial T10-8) is the data folder's prices/...csv.
  const std::filesystem::path given(v->text);
  if (given.is_relative() && !std::filesystem::exists(path, ec)) {
    std::filesystem::path in_data = std::filesystem::path(source.data()) / given;
    if (!std::filesystem::is_regular_file(in_data, ec) && given.begin() != given.end() && *given.begin() == "data") {
      in_data = std::filesystem::path(source.data()) / given.lexically_relative("data");
    }
    if (std::filesystem::is_regular_file(in_data, ec)) path = in_data;
  }
  return {path.string(), v->location};
}

// The series, read even when the case has errors, so that every input error comes in one pass.
std::optional<flex::PriceSeries> read_prices(const CaseSource& source, const PriceSource& price_source,
                                             const PricePlace& place, const flex::PriceReadOptions& options,
                                             core::Diagnostics& d) {
  if (place.path.empty()) {
    d.error({source.name(), 0, 0}, "flex.prices", "give a price series: --prices PRICES.csv or flex.prices in the case");
    return std::nullopt;
  }
  return price_source.text
             ? flex::read_price_csv_text(*price_source.text, price_source.display_name, d, "flex.prices", options)
             : flex::read_price_csv(place.path, d, "flex.prices", place.where, options);
}

// flex.price_time_zone, flex.price_area and flex.price_exchange_rate as the price reader takes them.
flex::PriceReadOptions price_options(const io::ValueSet& user) {
  flex::PriceReadOptions o;
  if (const io::Value* v = user.get("flex.price_time_zone")) {
    o.time_zone = v->text;
    o.time_zone_where = v->location;
  }
  if (const io::Value* v = user.get("flex.price_area")) {
    o.area = v->text;
    o.area_where = v->location;
  }
  if (const io::Value* v = user.get("flex.price_exchange_rate"); v != nullptr && v->origin != io::Origin::kDefault) {
    o.eur_per_unit = v->number;
    o.exchange_rate_where = v->location;
  }
  return o;
}

// flex.horizon and flex.start (with flex.price_time_zone, which reads a zone-less start) as
// select_horizon takes them.
flex::HorizonChoice horizon_choice(const CaseSource& source, const io::ValueSet& user, double horizon_s) {
  flex::HorizonChoice h;
  h.horizon_s = horizon_s;
  const io::Value* v = user.get("flex.horizon");
  h.horizon_where = v ? v->location : core::SourceLocation{source.name(), 0, 0};
  if (const io::Value* s = user.get("flex.start")) {
    h.start = s->text;
    h.start_where = s->location;
  }
  if (const io::Value* z = user.get("flex.price_time_zone")) h.time_zone = z->text;
  return h;
}

// A metal price that does not cover alumina and carbon (flex::net_metal_eur_per_kg <= 0; the dispatch
// refuses it): an input error with the others, at the key the user gave (user trial T17-8: `--set
// economics.alumina_price=100000 EUR/t` was blamed on economics.metal_price, with no place, after the
// input pass), the last of the four keys given with --set, else economics.metal_price.
void check_metal_margin(const io::ValueSet& user, const flex::FlexCase& c, core::Diagnostics& d) {
  if (flex::net_metal_eur_per_kg(c) > 0) return;
  const char* keys[] = {"economics.metal_price", "economics.alumina_price", "economics.alumina_consumption",
                        "economics.carbon_price"};
  std::string key = keys[0];
  int last = 0;
  for (const char* k : keys) {
    const io::Value* v = user.get(k);
    if (v == nullptr || v->origin != io::Origin::kCommandLine) continue;
    const int index = std::atoi(v->location.file.substr(v->location.file.find('#') + 1).c_str());
    if (index >= last) key = k, last = index;
  }
  const io::Value* at = user.get(key);
  const flex::Economics& e = c.economics;
  const double carbon = c.sim.dynamics.carbon_kg_per_kg_al;
  d.error(at != nullptr ? at->location : core::SourceLocation{}, key,
          fmt::format("the metal price {:.0f} EUR/t does not cover alumina and carbon, {:.3g} t/t × {:.0f} EUR/t + "
                      "{:.3g} t/t × {:.0f} EUR/t = {:.0f} EUR/t of metal: every schedule loses money on each tonne, "
                      "and the dispatch has nothing to trade against (economics.metal_price, economics.alumina_price, "
                      "economics.alumina_consumption, economics.carbon_price)",
                      e.metal_eur_per_kg * 1e3, e.alumina_kg_per_kg, e.alumina_eur_per_kg * 1e3, carbon,
                      e.carbon_eur_per_kg * 1e3,
                      (e.alumina_kg_per_kg * e.alumina_eur_per_kg + carbon * e.carbon_eur_per_kg) * 1e3));
}

// load_flex without the located_at_case wrapper.
FlexInput load_flex_here(const CaseSource& source, const PriceSource& price_source) {
  const io::Schema& schema = flex::flex_schema();
  core::Diagnostics d;
  io::ValueSet user;
  if (!source.given()) {
    d.error({}, "", "give a case file: potline flex CASE.toml ('potline template flex' writes one)");
    throw core::InputError(d);
  }
  // A case that is no TOML (or cannot be read) is one error: nothing else was read (T16-5).
  const bool read = source.text ? io::read_case_text(*source.text, source.display_name, schema, user, d)
                                : io::read_case_file(source.path, schema, user, d);
  if (!read) throw core::InputError(d);
  set_technology_option(source.technology, user);
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < source.sets.size(); ++i) {
    if (auto ov = io::parse_override(source.sets[i], static_cast<int>(i + 1), d)) overrides.push_back(*ov);
  }
  io::apply_overrides(overrides, schema, user, d);
  flex::apply_flex_ce_default(user);  // mass_transfer unless the case or --set names a CE model (T9-3)
  std::optional<flex::FlexCase> c;
  std::string catalogue_path;
  if (!d.has_errors()) {
    const auto catalogue = cell::TechnologyCatalogue::load(source.data() + "/technologies.toml", d);
    const plant::EmissionData emissions = plant::EmissionData::load(source.data(), d);
    catalogue_path = catalogue.path();
    if (!d.has_errors()) c = flex::build_flex_case(user, catalogue, emissions, source.base_dir(), d);
    if (c && !d.has_errors()) check_metal_margin(user, *c, d);
  }
  const PricePlace place = price_place(source, price_source, user);
  auto prices = read_prices(source, price_source, place, price_options(user), d);
  // The horizon against the series even when other values failed (all errors in one pass, T7-21);
  // not when the horizon or its start was itself rejected.
  const io::Value* h = user.get("flex.horizon");
  const io::FieldSpec& horizon = *schema.find("flex.horizon");
  const bool horizon_rejected = std::any_of(d.items().begin(), d.items().end(), [](const core::Diagnostic& x) {
    return x.severity == core::Severity::kError && (x.key == "flex.horizon" || x.key == "flex.start");
  });
  if (prices && !horizon_rejected) {
    const double horizon_s = c   ? c->dispatch.horizon_s
                             : h ? h->number
                                 : core::convert(horizon.default_value.value(), horizon.unit, horizon.internal_unit).value;
    prices = flex::select_horizon(*prices, horizon_choice(source, user, horizon_s), d);
  }
  if (!c || !prices || d.has_errors()) throw core::InputError(d);
  FlexInput input{std::move(*c), std::move(*prices), catalogue_path, {}, {}, {}};
  for (const char* f : {"ipcc-aluminium.toml", "power.toml", "fuels.toml"})
    input.emission_files.push_back(source.data() + "/emissions/" +
                                   f);  // what EmissionData::load read
  input.notes = input.prices.notes;
  input.c.prices_path = place.path;
  input.c.prices_where = place.where;
  for (const auto& w : d.items()) input.warnings.push_back(w.to_string());
  return input;
}
}  // namespace

FlexInput load_flex(const CaseSource& source, const PriceSource& price_source) {
  return located_at_case(source, [&] { return load_flex_here(source, price_source); });
}

FlexRun run_flex(const FlexInput& input, bool envelope) {
  FlexRun run;
  run.result = flex::run_flex(input.c, input.prices, envelope);
  run.summary = flex::flex_summary_json(input.c, run.result, input.warnings, input.notes);
  io::require_finite(run.summary);
  return run;
}

Tables FlexRun::tables(const flex::FlexCase& c) const {
  Tables t{{"schedule.csv", flex::schedule_csv(c, result)},
           {"economics.csv", flex::economics_csv(c, result)}};
  if (!result.envelope.empty()) t["envelope.csv"] = flex::envelope_csv(c, result);
  return t;
}

}  // namespace potline::api

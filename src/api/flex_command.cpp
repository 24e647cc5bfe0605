// potline flex as library functions (see flex_command.hpp).
#include "potline/api/flex_command.hpp"

#include "potline/cell/technology.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::api {

namespace {
// load_flex without the located_at_case wrapper.
FlexInput load_flex_here(const CaseSource& source, const PriceSource& price_source) {
  const io::Schema& schema = flex::flex_schema();
  core::Diagnostics d;
  io::ValueSet user;
  if (!source.given()) {
    d.error({}, "", "give a case file: potline flex CASE.toml ('potline template flex' writes one)");
    throw core::InputError(d);
  }
  if (source.text) {
    io::read_case_text(*source.text, source.display_name, schema, user, d);
  } else {
    io::read_case_file(source.path, schema, user, d);
  }
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < source.sets.size(); ++i) {
    if (auto ov = io::parse_override(source.sets[i], static_cast<int>(i + 1), d)) overrides.push_back(*ov);
  }
  io::apply_overrides(overrides, schema, user, d);
  if (d.has_errors()) throw core::InputError(d);
  const auto catalogue = cell::TechnologyCatalogue::load(source.data() + "/technologies.toml", d);
  const plant::EmissionData emissions = plant::EmissionData::load(source.data(), d);
  if (d.has_errors()) throw core::InputError(d);
  auto c = flex::build_flex_case(user, catalogue, emissions, source.base_dir(), d);
  if (!c) throw core::InputError(d);
  FlexInput input{std::move(*c), {}, catalogue.path(), {}};
  if (price_source.text) {
    input.c.prices_path = price_source.display_name;
    input.c.prices_where = {"<prices argument>", 0, 0};
  } else if (!price_source.path.empty()) {
    input.c.prices_path = price_source.path;
    input.c.prices_where = {price_source.display_name, 0, 0};  // --prices (CLI), <prices> (Python)
  }
  if (input.c.prices_path.empty()) {
    d.error({source.name(), 0, 0}, "flex.prices", "give a price series: --prices PRICES.csv or flex.prices in the case");
    throw core::InputError(d);
  }
  auto prices = price_source.text ? flex::read_price_csv_text(*price_source.text, price_source.display_name, d)
                                  : flex::read_price_csv(input.c.prices_path, d, "flex.prices", input.c.prices_where);
  if (prices) {
    const io::Value* h = user.get("flex.horizon");
    flex::check_horizon(*prices, input.c.dispatch.horizon_s, "flex.horizon",
                        h ? h->location : core::SourceLocation{source.name(), 0, 0}, d);
  }
  if (!prices || d.has_errors()) throw core::InputError(d);
  input.prices = std::move(*prices);
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
  run.summary = flex::flex_summary_json(input.c, run.result);
  io::require_finite(run.summary);
  return run;
}

Tables FlexRun::tables(const flex::FlexCase& c) const {
  Tables t{{"schedule.csv", flex::schedule_csv(c, result)}};
  if (!result.envelope.empty()) t["envelope.csv"] = flex::envelope_csv(c, result);
  return t;
}

}  // namespace potline::api

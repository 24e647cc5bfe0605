#include "potline/finance/invest_case.hpp"

#include <set>

#include <toml++/toml.h>

#include "potline/io/case_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::finance {
namespace {

using io::FieldSpec;
using io::FieldType;
using plant::number_field;
using plant::with_range;

FieldSpec integer(std::string key, double lo, double hi, std::string description) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kInteger;
  f.min = lo;
  f.max = hi;
  f.description = std::move(description);
  return f;
}

std::vector<FieldSpec> build() {
  std::vector<FieldSpec> v = plant::smelter_fields();
  {
    FieldSpec f;
    f.key = "investment.kind";
    f.type = FieldType::kChoice;
    f.choices = {"new_build", "retrofit"};
    f.default_text = "new_build";
    f.description = "new smelter, or retrofit of the case's existing potlines with [retrofit] technology";
    v.push_back(f);
  }
  {
    auto f = number_field("investment.capex", "USD/t", "USD/kg", "capital cost per t/yr of capacity, before the EPC fee");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }
  {
    auto f = number_field("investment.epc_fee_share", "1", "1", "engineering (EPC/EPCM) fee as a share of the capital cost, added to it");
    with_range(f, 0.0, 1.0);
    f.default_value = 0.0;
    f.typical_min = 0.0;
    f.typical_max = 0.25;
    f.source = "seed paper: Western projects' engineering firms 'often collect a fee on the order of 20 % of the project capital cost'";
    v.push_back(f);
  }
  v.push_back(integer("investment.construction_years", 0, 15, "years of construction (capex spread evenly)"));
  v.push_back(integer("investment.operating_years", 1, 80, "years of operation appraised"));
  {
    auto f = integer("investment.depreciation_years", 1, 80, "straight-line depreciation life (tax)");
    f.typical_min = 10;
    f.typical_max = 30;
    f.source = "seed paper: Chinese plants as short as 10 years, 30 years elsewhere";
    v.push_back(f);
  }
  {
    auto f = number_field("investment.wacc", "%", "1", "real weighted average cost of capital (discount rate)");
    with_range(f, 0.0, 100.0, false, true);
    v.push_back(f);
  }
  {
    auto f = number_field("investment.tax_rate", "%", "1", "tax rate on EBIT (0 = pre-tax appraisal)");
    with_range(f, 0.0, 100.0, false, true);
    f.default_value = 0.0;
    v.push_back(f);
  }
  {
    auto f = integer("investment.contract_years", 0, 80, "years of operation at the contract power price prices.power");
    f.default_note = "the whole operating life";
    v.push_back(f);
  }
  {
    auto f = number_field("investment.post_contract_power", "USD/MWh", "USD/J", "power price after the contract ends");
    with_range(f, 0.0, std::nullopt);
    f.default_note = "prices.power";
    v.push_back(f);
  }
  {
    auto f = number_field("investment.downtime_share", "1", "1", "retrofit: share of production lost during construction");
    with_range(f, 0.0, 1.0);
    f.default_value = 0.0;
    v.push_back(f);
  }
  v.push_back([] {
    FieldSpec f;
    f.key = "retrofit.technology";
    f.type = FieldType::kString;
    f.description = "catalogue technology of the new cells (SEC from the cell model)";
    return f;
  }());
  {
    auto f = number_field("retrofit.sec_ac", "kWh/kg", "J/kg", "AC SEC of the new potlines (overrides retrofit.technology)");
    with_range(f, 5.0, 30.0, true);
    v.push_back(f);
  }
  {
    auto f = number_field("retrofit.capacity", "t/yr", "kg/s", "capacity after the retrofit");
    with_range(f, 0.0, 1e8, true);
    f.default_note = "plant.capacity (unchanged)";
    v.push_back(f);
  }
  v.push_back(integer("retrofit.employees", 0, 1e6, "employees after the retrofit (default unchanged)"));
  {
    auto f = number_field("retrofit.other_cost", "USD/t", "USD/kg", "other cash costs after the retrofit (maintenance falls with new cells)");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }
  return v;
}

io::ValueSet without(const io::ValueSet& v, const std::set<std::string>& drop) {
  io::ValueSet out;
  for (const auto& [k, x] : v.all()) {
    if (!drop.count(k)) out.set(k, x);
  }
  return out;
}

}  // namespace

const io::Schema& invest_schema() {
  static const io::Schema schema("invest", build());
  return schema;
}

InvestCase load_invest_case(const std::string& path, const std::vector<std::string>& sets,
                            const plant::SmelterData& data, core::Diagnostics& d) {
  const io::Schema& schema = invest_schema();
  io::ValueSet user;
  // Potline groups are a smelter feature the investment model does not take yet: say so plainly
  // instead of "unknown key 'potline'".
  try {
    const toml::table doc = toml::parse_file(path);
    if (const toml::array* groups = doc["potline"].as_array()) {
      d.error(io::toml_location(*groups, path), "potline",
              "'potline invest' does not take [[potline]] groups yet: describe the plant with one [potline] table "
              "(use 'potline smelter' for several groups)");
      throw core::InputError(d);
    }
  } catch (const toml::parse_error&) {
    // read_case_file below reports the syntax error with its position.
  }
  io::read_case_file(path, schema, user, d);
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d)) overrides.push_back(*o);
  }
  io::apply_overrides(overrides, schema, user, d);
  if (d.has_errors()) throw core::InputError(d);
  io::fill_defaults(schema, user);

  auto need = [&](const std::string& key) -> double {
    if (auto x = user.maybe_number(key)) return *x;
    const io::FieldSpec* f = schema.find(key);
    d.error({}, key, "required for 'potline invest': give it in [investment]" +
                         (f && !f->unit.empty() && f->unit != "1" ? " (in " + f->unit + ")" : std::string()));
    return 0.0;
  };
  const bool retrofit = user.text("investment.kind") == "retrofit";
  InvestCase c;
  std::optional<plant::SmelterCase> existing;
  std::optional<plant::SmelterCase> operating;
  if (retrofit) {
    existing = plant::build_smelter_case(user, data, d);
    io::ValueSet after = user;
    if (!user.text("retrofit.technology").empty() || user.has("retrofit.sec_ac")) {
      after = without(user, {"potline.sec_ac", "potline.technology", "potline.current_efficiency", "potline.line_current"});
      if (!user.text("retrofit.technology").empty()) after.set("potline.technology", *user.get("retrofit.technology"));
      if (user.has("retrofit.sec_ac")) after.set("potline.sec_ac", *user.get("retrofit.sec_ac"));
    } else {
      d.error({}, "retrofit.technology", "a retrofit needs retrofit.technology or retrofit.sec_ac (the new cells)");
    }
    if (user.has("retrofit.capacity")) after.set("plant.capacity", *user.get("retrofit.capacity"));
    if (user.has("retrofit.employees")) after.set("labour.employees", *user.get("retrofit.employees"));
    if (user.has("retrofit.other_cost")) after.set("costs.other", *user.get("retrofit.other_cost"));
    if (!after.has("plant.capacity") && existing) {
      // Keep the existing plant's capacity when it was derived from its pots and current.
      io::Value cap;
      cap.number = existing->inputs.capacity_kg_per_s;
      cap.origin = io::Origin::kCalibrated;
      after.set("plant.capacity", cap);
    }
    operating = plant::build_smelter_case(after, data, d);
  } else {
    operating = plant::build_smelter_case(user, data, d);
  }
  InvestmentInputs& in = c.inputs;
  in.kind = retrofit ? ProjectKind::kRetrofit : ProjectKind::kNewBuild;
  const double capex_per = need("investment.capex");
  const double epc = need("investment.epc_fee_share");
  in.construction_years = static_cast<int>(need("investment.construction_years"));
  in.operating_years = static_cast<int>(need("investment.operating_years"));
  in.depreciation_years = static_cast<int>(need("investment.depreciation_years"));
  in.wacc = need("investment.wacc");
  in.tax_rate = need("investment.tax_rate");
  in.contract_years = static_cast<int>(user.maybe_number("investment.contract_years").value_or(in.operating_years));
  in.downtime_share = need("investment.downtime_share");
  if (!retrofit && user.number("investment.downtime_share") > 0.0) {
    d.warning({}, "investment.downtime_share", "ignored for a new build");
  }
  if (!operating || d.has_errors()) throw core::InputError(d);
  c.operating = std::move(*operating);
  if (existing) c.existing = std::move(*existing);
  in.operating = c.operating.inputs;
  if (c.existing) in.existing = c.existing->inputs;
  in.capex_usd = capex_per * (1.0 + epc) * in.operating.capacity_kg_per_s * plant::kSecondsPerYear;
  in.contract_power_usd_per_J = in.operating.power_usd_per_J;
  in.post_contract_power_usd_per_J =
      user.maybe_number("investment.post_contract_power").value_or(in.operating.power_usd_per_J);
  return c;
}

}  // namespace potline::finance

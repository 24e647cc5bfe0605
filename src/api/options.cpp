// The option schemas of bath, emissions and cbam (see options.hpp).
#include "potline/api/options.hpp"

#include "potline/cell/cell_schema.hpp"
#include "potline/core/text.hpp"
#include "potline/fleet/case_input.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::api {
namespace {

using fleet::Field;

/// A cell-case field as a bath option: the same unit, default, range and source.
io::FieldSpec from_cell(const std::string& cell_key, const std::string& option) {
  io::FieldSpec f = *cell::cell_schema().find(cell_key);
  f.key = "bath." + option;
  return f;
}

}  // namespace

std::string option_of(const std::string& key) { return "--" + key.substr(key.find('.') + 1); }

const io::Schema& bath_options_schema() {
  static const io::Schema schema("bath", {from_cell("bath.alumina", "alumina"), from_cell("bath.alf3", "alf3"),
                                          from_cell("bath.caf2", "caf2"), from_cell("bath.mgf2", "mgf2"),
                                          from_cell("bath.lif", "lif"), from_cell("bath.kf", "kf"),
                                          from_cell("operation.bath_temperature", "temperature"),
                                          from_cell("model.conductivity", "conductivity-model")});
  return schema;
}

const io::Schema& emissions_options_schema() {
  static const io::Schema schema("emissions", {
      Field::number("emissions.production-t", "t", "t", "aluminium produced").range(0.0, 1e9, true).fallback(1.0),
      Field::choice("emissions.technology-class", plant::technology_class_names(), "CWPB", "cell technology class (IPCC)"),
      Field::number("emissions.aem", "min/d", "min/d", "anode-effect minutes per cell-day (slope method)").range(0.0, 100.0),
      Field::number("emissions.ae-frequency", "1/d", "1/d",
                    "anode effects per cell-day (slope method, with --ae-duration-min)").range(0.0, 20.0),
      Field::number("emissions.ae-duration-min", "min", "min", "mean anode-effect duration").range(0.0, 600.0),
      Field::number("emissions.aeo", "mV", "mV", "anode-effect overvoltage (overvoltage method, with --ce)").range(0.0, 10000.0),
      Field::number("emissions.ce", "%", "%", "current efficiency (overvoltage method)").range(50.0, 100.0),
      Field::number("emissions.nac", "t/t", "t/t", "net anode consumption, t C per t Al (Tier 2 CO2; else Tier 1)")
          .range(0.0, 1.0, true),
      Field::number("emissions.sulfur", "%", "%", "anode sulfur (Tier 2)").range(0.0, 10.0).note("the data's Tier 2 default"),
      Field::number("emissions.ash", "%", "%", "anode ash (Tier 2)").range(0.0, 10.0).note("the data's Tier 2 default"),
      Field::choice("emissions.coefficients", {"IPCC2006", "IPCC2019"}, "IPCC2006", "PFC coefficient set"),
      Field::choice("emissions.gwp", plant::gwp_set_names(), "AR5", "GWP-100 set"),
  });
  return schema;
}

const io::Schema& cbam_options_schema() {
  static const io::Schema schema("cbam", {
      Field::integer("cbam.year", "import year of the CBAM schedule (certificates from 2026; free allocation ends in 2034)").range(policy::kCbamFirstYear, policy::kCbamLastYear).fallback(2026),
      Field::number("cbam.direct-t-co2e-per-t", "t/t", "t/t",
                    "actual direct embedded emissions, t CO2e per t (incl. PFC); or --default-country")
          .range(0.0, 50.0),
      Field::text("cbam.default-country", "use the country default value (ISO3, e.g. CHN) with its mark-up"),
      Field::number("cbam.eua-price-eur", "EUR/t", "EUR/t", "certificate price per t CO2e (required)")
          .range(0.0, 10000.0)
          .note("required"),
      Field::number("cbam.carbon-price-paid-eur", "EUR/t", "EUR/t", "carbon price effectively paid at origin per t CO2e")
          .range(0.0, 10000.0)
          .fallback(0.0),
      Field::number("cbam.cscf", "1", "1", "cross-sectoral correction factor").range(0.0, 1.0).note("data/cbam.toml"),
  });
  return schema;
}

io::ValueSet read_schema_options(const io::Schema& schema, const OptionTexts& given, core::Diagnostics& d) {
  io::ValueSet values;
  std::vector<std::string> known;
  for (const auto& f : schema.fields()) known.push_back(option_of(f.key));
  for (const auto& [key, text] : given) {
    const io::FieldSpec* spec = schema.find(key);
    if (spec == nullptr) {
      std::string message = "unknown option of '" + schema.name() + "'";
      const std::string hint = core::closest_match(option_of(key), known);
      if (!hint.empty()) message += "; did you mean '" + hint + "'?";
      d.error({option_of(key), 0, 0}, option_of(key), message);
      continue;
    }
    io::FieldSpec f = *spec;
    f.key = option_of(key);
    const bool numeric = !text.empty() && text.find_first_not_of("+-.0123456789eE") == std::string::npos;
    if (auto v = io::convert_input(f, text, !numeric, {f.key, 0, 0}, d)) {
      v->origin = io::Origin::kCommandLine;
      values.set(key, std::move(*v));
    }
  }
  io::fill_defaults(schema, values);
  return values;
}

}  // namespace potline::api

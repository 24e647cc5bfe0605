// potline bath as a library function (see flag_commands.hpp).
#include <fmt/format.h>

#include "potline/api/flag_commands.hpp"
#include "potline/bath/properties.hpp"

namespace potline::api {
namespace {

// A correlation's validity warning ("... used outside its validity range: t = 940 °C ...") or the
// frozen-bath warning at the option given that put the bath there ("--temperature: ..."), as `cell`
// places them at their key (T18-6), so that Python issues them as InputWarnings (docs audit
// DA19-35). Unchanged when that option was not given.
std::string placed(const std::string& sentence, const io::ValueSet& values) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"AlF3 = ", "bath.alf3"},
      {"CaF2 = ", "bath.caf2"},
      {"LiF = ", "bath.lif"},
      {"MgF2 = ", "bath.mgf2"},
      {"KF = ", "bath.kf"},
      {"Al2O3 = ", "bath.alumina"},
      {": t = ", "bath.temperature"},
      {"; t = ", "bath.temperature"},
      {"Bath temperature ", "bath.temperature"},
      {"Alumina ", "bath.alumina"}};
  for (const auto& [name, key] : kNames) {
    if (sentence.find(name) == std::string::npos) continue;
    const io::Value* v = values.get(key);
    if (v != nullptr && v->origin == io::Origin::kCommandLine && !v->location.file.empty())
      return v->location.file + ": " + sentence;
  }
  return sentence;
}

}  // namespace

io::Json bath(const OptionTexts& options) {
  core::Diagnostics diagnostics;
  const io::ValueSet values = read_schema_options(bath_options_schema(), options, diagnostics);
  bath::Composition c;
  c.alumina_wt = values.number("bath.alumina");
  c.alf3_excess_wt = values.number("bath.alf3");
  c.caf2_wt = values.number("bath.caf2");
  c.mgf2_wt = values.number("bath.mgf2");
  c.lif_wt = values.number("bath.lif");
  c.kf_wt = values.number("bath.kf");
  if (!diagnostics.has_errors() && c.cryolite_wt() < 0.0) {
    // Located at the component options given, "--alumina --alf3 ...", as every other option error (T13-12).
    std::string where;
    for (const char* key : {"bath.alumina", "bath.alf3", "bath.caf2", "bath.mgf2", "bath.lif", "bath.kf"}) {
      const io::Value* v = values.get(key);
      if (v && v->origin == io::Origin::kCommandLine) where += (where.empty() ? "" : " ") + v->location.file;
    }
    diagnostics.error({where.empty() ? "bath options" : where, 0, 0}, "bath", fmt::format("components sum to {:.4g} wt%, more than 100 wt%; "
                                              "cryolite is the rest and cannot be negative",
                                              100.0 - c.cryolite_wt()));
  }
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  const double T = values.number("bath.temperature");
  const auto model = bath::conductivity_model_from_name(values.text("bath.conductivity-model"));
  const bath::Properties p = bath::evaluate(c, T, *model);

  io::Json j;
  j["temperature_C"] = T - 273.15;
  j["composition_wt"] = {{"alumina", c.alumina_wt}, {"alf3_excess", c.alf3_excess_wt},
                         {"caf2", c.caf2_wt},       {"mgf2", c.mgf2_wt},
                         {"lif", c.lif_wt},         {"kf", c.kf_wt},
                         {"cryolite", c.cryolite_wt()}};
  j["liquidus_C"] = p.liquidus_K - 273.15;
  j["superheat_K"] = p.superheat_K;
  j["alumina_saturation_wt"] = p.alumina_saturation_wt;
  j["alumina_activity"] = p.alumina_activity;
  // What dissolves (min of the alumina and its saturation): the conductivity is evaluated there.
  j["alumina_dissolved_wt"] = bath::dissolved_composition(c, p.alumina_saturation_wt).alumina_wt;
  j["conductivity_S_per_cm"] = p.conductivity_S_per_m / 100.0;
  j["conductivity_model"] = std::string(bath::to_name(*model));
  j["density_kg_per_m3"] = p.density_kg_per_m3;
  j["bath_ratio"] = p.bath_ratio;
  j["cryolite_ratio"] = p.cryolite_ratio;
  // The options' own warnings first (`--alf3 0.11`: read as 0.11 wt%), then the correlations'; the
  // first were dropped, as `emissions` keeps them.
  std::vector<std::string> warnings = diagnostics.warning_messages();
  for (auto& w : bath::describe(p.flags, c, T, *model)) warnings.push_back(placed(w, values));
  j["warnings"] = warnings;
  return j;
}

}  // namespace potline::api

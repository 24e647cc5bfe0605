// The [[uncertain]] inputs of a sweep file (see sweep_file_internal.hpp). Each input acts on a
// fleet lever; its distribution's value parameters take that lever's unit and must lie in its
// allowed range, and its draws are kept inside the range (docs/model/sweep.md, "Draws stay in
// the lever's range").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "sweep_file_internal.hpp"

namespace potline::sweep {
namespace {

struct ParamInfo {
  const char* name;
  Parameter parameter;
  bool regional;
};
constexpr ParamInfo kParams[] = {
    {"power_factor", Parameter::kPowerFactor, true},     {"power_adder", Parameter::kPowerAdder, true},
    {"carbon_price", Parameter::kCarbonPrice, true},     {"alumina_factor", Parameter::kAluminaFactor, false},
    {"demand_factor", Parameter::kDemandFactor, true},   {"eua_price", Parameter::kEuaPrice, false},
};

const char* const kAllParameters[] = {"min", "max", "mode", "mean", "sd", "median", "sigma"};

}  // namespace

std::string to_string(Parameter p) {
  for (const auto& info : kParams) {
    if (info.parameter == p) return info.name;
  }
  return "?";
}

namespace detail {
namespace {

using fleet::TableValues;

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// The probability that a draw of `dist` lies in [lo, hi]. Uniform and triangular distributions
/// have their whole support inside (their ends are checked against the range).
double mass_in_range(const Distribution& dist, double lo, double hi) {
  switch (dist.kind) {
    case DistributionKind::kNormal:
      return standard_normal_cdf((hi - dist.a) / dist.b) - standard_normal_cdf((lo - dist.a) / dist.b);
    case DistributionKind::kLognormal: {
      const double upper = std::isinf(hi) ? 1.0 : standard_normal_cdf(std::log(hi / dist.a) / dist.b);
      const double lower = lo > 0 ? standard_normal_cdf(std::log(lo / dist.a) / dist.b) : 0.0;
      return upper - lower;
    }
    case DistributionKind::kUniform:
    case DistributionKind::kTriangular: return 1.0;
  }
  return 1.0;
}

double to_internal(const io::FieldSpec& f, std::optional<double> bound, double none) {
  if (!bound) return none;
  return core::convert(*bound, f.unit, f.internal_unit).value;
}

/// A distribution parameter given in the lever's unit: values (min, max, mode, mean, median) in
/// the lever's range; the spread sd only > 0.
std::optional<double> parameter_value(const TableValues& t, const std::string& name, const io::FieldSpec& lever,
                                      core::Diagnostics& d) {
  const std::string key = "uncertain." + name;
  if (name == "sigma") return t.values.maybe_number(key);
  const io::Value* raw = t.values.get(key);
  if (raw == nullptr) return std::nullopt;
  io::FieldSpec f = lever;
  f.key = fleet::shown_key(t, key);
  f.typical_min.reset();
  f.typical_max.reset();
  if (name == "sd") {
    f.min = 0.0;
    f.min_exclusive = true;
    f.max.reset();
    f.description = "the standard deviation of a normal distribution";
  }
  return fleet::convert_deferred(f, *raw, d);
}

/// Reports parameters the distribution does not take and the ones it needs but lacks.
void check_parameter_keys(const TableValues& t, const std::string& dist, core::Diagnostics& d) {
  const auto& wanted = distribution_parameters(dist);
  for (const char* name : kAllParameters) {
    const std::string key = std::string("uncertain.") + name;
    const bool given = t.values.has(key) || t.rejected.count(key) != 0;
    const bool needed = std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    if (given && !needed) {
      const io::Value* v = t.values.get(key);
      d.error(v != nullptr ? v->location : t.where, fleet::shown_key(t, key),
              "not a parameter of a " + dist + " distribution (give " + fmt::format("{}", fmt::join(wanted, ", ")) + ")");
    } else if (!given && needed) {
      d.error(t.where, fleet::shown_key(t, key), "required for a " + dist + " distribution");
    }
  }
}

/// The distribution of an input, its parameters converted; nullopt after an error.
std::optional<Distribution> read_distribution(const TableValues& t, const std::string& dist, const io::FieldSpec& lever,
                                              core::Diagnostics& d) {
  check_parameter_keys(t, dist, d);
  const auto& names = distribution_parameters(dist);
  std::vector<double> p;
  bool ok = true;
  for (const auto& name : names) {
    const auto v = parameter_value(t, name, lever, d);
    ok = ok && v.has_value();
    p.push_back(v.value_or(0.0));
  }
  if (!ok) return std::nullopt;
  if (dist == "uniform") return Distribution{DistributionKind::kUniform, p[0], p[1], 0};
  if (dist == "normal") return Distribution{DistributionKind::kNormal, p[0], p[1], 0};
  if (dist == "lognormal") return Distribution{DistributionKind::kLognormal, p[0], p[1], 0};
  return Distribution{DistributionKind::kTriangular, p[0], p[1], p[2]};
}

/// A distribution that mostly falls outside the range would be mostly discarded: refused.
void check_mass(const ReadInput& r, const io::FieldSpec& lever, const TableValues& t, core::Diagnostics& d) {
  const UncertainInput& u = r.input;
  const double mass = mass_in_range(u.distribution, u.lower, u.upper);
  if (mass >= kMinMassInRange) return;
  d.error(t.where, t.label,
          fmt::format("'{}': only {:.3g} % of this {} distribution lies in the allowed range {} of {}; draws outside "
                      "the range are drawn again, so at least {:g} % must lie inside",
                      u.name, 100 * mass, to_string(u.distribution.kind), lever.range_text(), lever.key,
                      100 * kMinMassInRange));
}

const ParamInfo* find_parameter(const std::string& name) {
  for (const auto& p : kParams) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

// The parameters a distribution was given, in the lever's unit ("min 1.2, max 1.1"): a rejected
// distribution's message named neither value (one of them may have come from --set).
std::string parameters_text(const UncertainInput& u) {
  const Distribution& x = u.distribution;
  const auto v = [&](double si) { return fmt::format("{:.6g}", si / u.si_per_unit); };
  const std::string unit = u.unit.empty() || u.unit == "1" ? "" : " " + u.unit;
  switch (x.kind) {
    case DistributionKind::kUniform: return "min " + v(x.a) + ", max " + v(x.b) + unit;
    case DistributionKind::kNormal: return "mean " + v(x.a) + ", sd " + v(x.b) + unit;
    case DistributionKind::kLognormal: return "median " + v(x.a) + unit + fmt::format(", sigma {:.6g}", x.b);
    case DistributionKind::kTriangular: return "min " + v(x.a) + ", mode " + v(x.b) + ", max " + v(x.c) + unit;
  }
  return "";
}

// With the parameter or the distribution rejected the values cannot be converted to the lever's
// unit, but a min above the max (two plain numbers, or two values in the same unit) is wrong for
// any distribution: said in this pass, not once the name is fixed (user trial T10-5).
void check_raw_min_max(const TableValues& t, core::Diagnostics& d) {
  const io::Value* lo = t.values.get("uncertain.min");
  const io::Value* hi = t.values.get("uncertain.max");
  if (lo == nullptr || hi == nullptr) return;
  const auto split = [](const std::string& text, double& x, std::string& unit) {
    char* end = nullptr;
    x = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(x)) return false;
    unit = end;
    unit.erase(0, unit.find_first_not_of(' '));
    unit.erase(unit.find_last_not_of(' ') + 1);
    return true;
  };
  double a = 0, b = 0;
  std::string ua, ub;
  if (!split(lo->text, a, ua) || !split(hi->text, b, ub) || ua != ub || a < b) return;
  d.error(t.where, t.label,
          fmt::format("min {} is not below max {}: every distribution needs min < max", lo->text, hi->text));
}

// With the distribution rejected, the values given are still converted in the lever's unit and
// checked against its range: a "20 EUR/t" mode of a USD/t lever is said in this pass, not once the
// distribution's name is fixed (user trial T16-14).
void check_values_alone(const TableValues& t, const io::FieldSpec& lever, core::Diagnostics& d) {
  for (const char* name : {"min", "max", "mode", "mean", "median", "sd"}) {
    if (t.values.get(std::string("uncertain.") + name) != nullptr) parameter_value(t, name, lever, d);
  }
}

ReadInput read_one(const TableValues& t, core::Diagnostics& d) {
  const io::Value* param = t.values.get("uncertain.parameter");
  const io::Value* dist = t.values.get("uncertain.distribution");
  for (const char* key : {"uncertain.parameter", "uncertain.distribution"}) {
    if (!t.values.has(key) && t.rejected.count(key) == 0) d.error(t.where, fleet::shown_key(t, key), "required");
  }
  ReadInput r;
  r.label = t.label;
  r.region_name = t.values.text("uncertain.region", "all");
  if (const io::Value* region = t.values.get("uncertain.region")) r.region_at = region->location;
  const ParamInfo* info = param != nullptr ? find_parameter(param->text) : nullptr;
  if (info != nullptr && r.region_name != "all" && !info->regional) {
    d.error(r.region_at, fleet::shown_key(t, "uncertain.region"), param->text + " applies to every smelter: remove 'region'");
  }
  if (info == nullptr || dist == nullptr) {
    check_raw_min_max(t, d);
    if (info != nullptr) check_values_alone(t, *uncertain_lever_field(param->text), d);
    return r;  // incomplete: its region is still resolved, nothing is drawn (the errors stop the sweep)
  }
  const io::FieldSpec& lever = *uncertain_lever_field(param->text);
  UncertainInput& u = r.input;
  u.where = t.where;
  u.parameter = info->parameter;
  u.unit = lever.unit;
  u.si_per_unit = core::convert(1.0, lever.unit, lever.internal_unit).value;
  u.lower = to_internal(lever, lever.min, -std::numeric_limits<double>::infinity());
  u.upper = to_internal(lever, lever.max, std::numeric_limits<double>::infinity());
  u.name = t.values.text("uncertain.name", param->text + (r.region_name == "all" ? std::string() : "_" + r.region_name));
  r.complete = true;
  const auto distribution = read_distribution(t, dist->text, lever, d);
  if (!distribution) return r;
  u.distribution = *distribution;
  const std::string why = check(u.distribution);
  if (!why.empty()) d.error(t.where, t.label, "'" + u.name + "': " + why + " (" + parameters_text(u) + ")");
  else check_mass(r, lever, t, d);
  return r;
}

}  // namespace

std::vector<ReadInput> read_uncertain_inputs(const fleet::CaseInput& in, core::Diagnostics& d) {
  std::vector<ReadInput> out;
  std::set<std::string> names;
  const auto it = in.arrays.find("uncertain");
  if (it == in.arrays.end()) return out;
  for (const TableValues& t : it->second) {
    ReadInput r = read_one(t, d);
    if (r.complete && !names.insert(r.input.name).second) {
      d.error(t.where, fleet::shown_key(t, "uncertain.name"), "duplicate uncertain input name '" + r.input.name + "'");
    }
    out.push_back(std::move(r));
  }
  return out;
}

void resolve_region(ReadInput& r, const fleet::RegionTable& regions, core::Diagnostics& d) {
  if (r.region_name == "all") return;
  r.input.region = regions.index_of(r.region_name);
  if (r.input.region >= 0) return;
  auto ids = regions.ids();
  ids.push_back("all");
  io::report_unknown_name("region", r.region_name, ids, r.region_at, r.label + ".region", d);
}

}  // namespace detail
}  // namespace potline::sweep

#include "potline/bath/properties.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "potline/core/constants.hpp"

namespace potline::bath {

Composition dissolved_composition(const Composition& c, double saturation_wt) noexcept {
  Composition d = c;
  if (saturation_wt >= 0.0 && d.alumina_wt > saturation_wt) d.alumina_wt = saturation_wt;
  return d;
}

Properties evaluate(const Composition& c, double temperature_K, ConductivityModel model) noexcept {
  Properties p{};
  std::uint32_t flags = 0;

  p.liquidus_K = liquidus_K(c);
  p.superheat_K = temperature_K - p.liquidus_K;
  if (!liquidus_in_range(c)) flags |= kLiquidusOutOfRange;
  if (p.superheat_K < 0.0) flags |= kBelowLiquidus;

  p.alumina_saturation_wt = alumina_saturation_wt(c, temperature_K);
  if (!solubility_in_range(c, temperature_K)) flags |= kSolubilityOutOfRange;

  p.alumina_activity = alumina_activity(c.alumina_wt, p.alumina_saturation_wt);
  if (!(c.alumina_wt < p.alumina_saturation_wt)) {
    flags |= kAboveSaturation;
  } else if (p.alumina_saturation_wt > 0.0 &&
             c.alumina_wt / p.alumina_saturation_wt <= kActivityPolynomialRoot) {
    flags |= kActivityOutOfRange;
  }

  // Only the dissolved alumina conducts: above saturation the rest is undissolved (sludge, crust), so
  // the conductivity takes min(Al2O3, saturation) (trial 6, T6-11: 12 wt% at a saturation of 8.27
  // extrapolated Hives et al. to 12 wt%). The activity is 1 there already; the density of Kan et al.
  // (2007) has no alumina term.
  const Composition dissolved = dissolved_composition(c, p.alumina_saturation_wt);
  p.conductivity_S_per_m = conductivity_S_per_m(dissolved, temperature_K, model);
  if (!conductivity_in_range(dissolved, temperature_K)) flags |= kConductivityOutOfRange;

  p.density_kg_per_m3 = density_kg_per_m3(c, temperature_K);
  if (!density_in_range(c, temperature_K)) flags |= kDensityOutOfRange;

  p.bath_ratio = bath_ratio(c);
  p.cryolite_ratio = cryolite_ratio(c);
  p.flags = flags;
  return p;
}

namespace {

std::string num(double v) {
  return fmt::format("{:.4g}", v);
}

// Appends "name = v unit (valid a–b unit)" to `reasons` when v is outside `range`.
void check(std::string& reasons, std::string_view name, double value, ValidityRange range,
           std::string_view unit) {
  if (range.contains(value)) return;
  if (!reasons.empty()) reasons += "; ";
  reasons += fmt::format("{} = {} {} (valid {}\u2013{} {})", name, num(value), unit, num(range.min),
                         num(range.max), unit);
}

std::string sentence(std::string_view what, const std::string& reasons) {
  return fmt::format("{} used outside its validity range: {}.", what, reasons);
}

}  // namespace

std::vector<std::string> describe(std::uint32_t flags, const Composition& c, double temperature_K,
                                  ConductivityModel model) {
  std::vector<std::string> out;
  const double t_degC = temperature_K - constants::kKelvinOffset_K;
  const double sat_wt = alumina_saturation_wt(c, temperature_K);

  if (flags & kLiquidusOutOfRange) {
    std::string r;
    check(r, "AlF3", c.alf3_excess_wt, kSolheim1996AlF3_wt, "wt%");
    check(r, "CaF2", c.caf2_wt, kSolheim1996CaF2_wt, "wt%");
    check(r, "LiF", c.lif_wt, kSolheim1996LiF_wt, "wt%");
    check(r, "MgF2", c.mgf2_wt, kSolheim1996MgF2_wt, "wt%");
    check(r, "KF", c.kf_wt, kSolheim1996KF_wt, "wt%");
    check(r, "Al2O3", c.alumina_wt, kSolheim1996Al2O3_wt, "wt%");
    out.push_back(sentence("Solheim et al. (1996) liquidus correlation", r));
  }
  if (flags & kSolubilityOutOfRange) {
    std::string r;
    check(r, "t", t_degC, kSkybakmoen1997Temperature_degC, "°C");
    check(r, "AlF3", c.alf3_excess_wt, kSkybakmoen1997AlF3_wt, "wt%");
    check(r, "CaF2", c.caf2_wt, kSkybakmoen1997CaF2_wt, "wt%");
    check(r, "LiF", c.lif_wt, kSkybakmoen1997LiF_wt, "wt%");
    check(r, "MgF2", c.mgf2_wt, kSkybakmoen1997MgF2_wt, "wt%");
    out.push_back(sentence("Skybakmoen et al. (1997) alumina solubility", r));
  }
  if (flags & kConductivityOutOfRange) {
    std::string r;
    check(r, "t", t_degC, kConductivityTemperature_degC, "°C");
    check(r, c.alumina_wt > sat_wt ? "dissolved Al2O3" : "Al2O3", std::min(c.alumina_wt, sat_wt), kConductivityAl2O3_wt,
          "wt%");
    check(r, "AlF3", c.alf3_excess_wt, kConductivityAlF3_wt, "wt%");
    check(r, "CaF2", c.caf2_wt, kConductivityCaF2_wt, "wt%");
    check(r, "MgF2", c.mgf2_wt, kConductivityMgF2_wt, "wt%");
    check(r, "LiF", c.lif_wt, kConductivityLiF_wt, "wt%");
    check(r, "KF", c.kf_wt, kConductivityKF_wt, "wt%");
    out.push_back(sentence(fmt::format("{} conductivity", citation(model)), r));
  }
  if (flags & kDensityOutOfRange) {
    std::string r;
    check(r, "t", t_degC, kKan2007Temperature_degC, "°C");
    check(r, "AlF3", c.alf3_excess_wt, kKan2007AlF3_wt, "wt%");
    check(r, "LiF", c.lif_wt, kKan2007LiF_wt, "wt%");
    out.push_back(sentence("Kan et al. (2007) density", r));
  }
  if (flags & kAboveSaturation) {
    // Saturated at its own liquidus too: the liquidus is where the liquidus and solubility curves
    // meet (liquidus_K), not the liquidus equation at the whole alumina content.
    const double liquidus = liquidus_K(c);
    const double dissolved = alumina_saturation_wt(c, liquidus);
    const std::string at_liquidus =
        c.alumina_wt > dissolved
            ? fmt::format("; the liquidus {} °C is where the liquidus curve (Solheim et al. 1996) meets the "
                          "solubility curve, with {} wt% dissolved and the rest undissolved",
                          num(liquidus - constants::kKelvinOffset_K), num(dissolved))
            : "";
    out.push_back(fmt::format(
        "Alumina {} wt% is at or above its saturation {} wt% (Skybakmoen et al. 1997) "
        "at {} °C; alumina activity set to 1, and the conductivity taken at the dissolved {} wt%{}.",
        num(c.alumina_wt), num(sat_wt), num(t_degC), num(sat_wt), at_liquidus));
  }
  if (flags & kBelowLiquidus) {
    out.push_back(
        fmt::format("Bath temperature {} °C is below its liquidus {} °C (Solheim et al. 1996): "
                    "superheat {} K; the bath would be partly frozen.",
                    num(t_degC), num(liquidus_K(c) - constants::kKelvinOffset_K),
                    num(temperature_K - liquidus_K(c))));
  }
  if (flags & kActivityOutOfRange) {
    const double ros = sat_wt > 0.0 ? c.alumina_wt / sat_wt : 0.0;
    out.push_back(fmt::format(
        "Alumina relative saturation C/Csat = {} is below {}, where the alumina activity "
        "polynomial is not positive; alumina activity set to 0.",
        num(ros), num(kActivityPolynomialRoot)));
  }
  return out;
}

}  // namespace potline::bath

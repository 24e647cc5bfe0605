// Plausibility of a smelter's size and staff together (user trial T12-8): a kt/t slip in
// plant.capacity is caught by its typical range (smelter_schema.cpp), but 810,000 employees for
// Alma's 473 kt/yr (1,712 per kt/yr) passed silently with C1 190,273 USD/t. The ratio the program
// prints anyway, employees per kt/yr of capacity, gets a typical band with the 1000x hint of the
// schema's typical ranges (io/values.cpp).
#include <fmt/format.h>

#include "potline/core/text.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/plant/typical_prices.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant::detail {

void check_labour_intensity(const SmelterCase& c, core::Diagnostics& d) {
  const SmelterInputs& in = c.inputs;
  double employees = in.employees;
  double capacity = in.potlines.empty() ? in.capacity_kg_per_s : 0.0;
  for (const PotlineGroupInputs& g : in.potlines) {
    employees += g.employees;
    capacity += g.capacity_kg_per_s;
  }
  const double per_kt = employees_per_kt(employees, capacity);
  if (!(employees > 0.0) || !(capacity > 0.0)) return;
  // A capacity outside its own typical range has had its warning: the ratio would repeat it.
  const io::FieldSpec& cap = *smelter_schema().find("plant.capacity");
  const double kt = capacity * kSecondsPerYear / 1e6;
  if (kt * 1000.0 < *cap.typical_min || kt * 1000.0 > *cap.typical_max) return;
  if (per_kt >= kTypicalEmployeesPerKt.lo && per_kt <= kTypicalEmployeesPerKt.hi) return;
  std::string hint;
  for (const double factor : {1000.0, 0.001}) {
    const double scaled = employees / factor;
    const double r = per_kt / factor;
    if (r >= kTypicalEmployeesPerKt.lo && r <= kTypicalEmployeesPerKt.hi)
      hint = fmt::format("; 1000 times too {}? {} employees would be typical", factor > 1 ? "many" : "few",
                         core::format_number(scaled));
  }
  d.warning(loc(c.values, "labour.employees"), "labour.employees",
            fmt::format("{} employees for {} kt/yr of capacity are {} per kt/yr, outside the typical range "
                        "{}–{} ({}){}",
                        core::format_number(employees), core::format_number(kt), fmt::format("{:.1f}", per_kt),
                        core::format_number(kTypicalEmployeesPerKt.lo), core::format_number(kTypicalEmployeesPerKt.hi),
                        kTypicalEmployeesPerKt.basis, hint));
}

}  // namespace potline::plant::detail

#pragma once
// The issue-14 levers of a fleet case, applied by apply_levers (fleet_levers.cpp) like the others:
// [[ccs_retrofit]] (ccs_lever.cpp) and [[hpa]] (hpa_product.cpp).
#include "fleet_case_internal.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::fleet::detail {

/// Declares `key` in the fleet table as a copy of another schema's field `from` (type, unit, range,
/// source; its default when `with_default`, else "required"), described as `prefix` + its
/// description.
io::FieldBuilder declare_like(io::SchemaTable<FleetCase>& t, const io::FieldSpec& from,
                              const std::string& key, const std::string& prefix, bool with_default);

/// One [[ccs_retrofit]] table into c.ccs_retrofits (selectors and required inputs checked).
void ccs_retrofit_lever(const TableValues& t, const LeverContext& x, FleetCase& c);

/// One [[hpa]] table into c.hpa_products (selectors, grade premium and raw materials checked; the
/// upgrading line is checked per smelter once the smelters are built, check_hpa_products).
void hpa_product_lever(const TableValues& t, const LeverContext& x, FleetCase& c);

}  // namespace potline::fleet::detail

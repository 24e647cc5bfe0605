// potline flex CASE.toml: TOML reader against the flex schema (the simulate fields plus [flex],
// [economics], [envelope]), case building (relative paths resolve in examples/), the price series
// the case names (the shipped ones in data/prices/ for the examples) and the horizon check. The
// dispatch optimisation itself is not run: it is a MILP per day of the horizon.
#include "fuzz_common.hpp"
#include "potline/cell/technology.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/flex/prices.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  const cell::TechnologyCatalogue& catalogue = potline_fuzz::catalogue();
  const plant::EmissionData& emissions = potline_fuzz::emission_data();
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    io::ValueSet user;
    io::read_case_text(potline_fuzz::text_of(data, size), "fuzz.toml", flex::flex_schema(), user, d);
    if (d.has_errors()) throw core::InputError(d);
    auto c = flex::build_flex_case(user, catalogue, emissions, potline_fuzz::examples_dir(), d);
    if (!c || d.has_errors()) throw core::InputError(d);
    if (c->prices_path.empty()) return;
    const auto prices = flex::read_price_csv(c->prices_path, d, "flex.prices", c->prices_where);
    if (!prices) throw core::InputError(d);
    flex::check_horizon(*prices, c->dispatch.horizon_s, "flex.horizon", {}, d);
    if (d.has_errors()) throw core::InputError(d);
  });
}

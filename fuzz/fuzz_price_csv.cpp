// potline flex --prices PRICES.csv: the price series reader (io::parse_csv, ISO 8601 UTC times,
// steps, gaps) and the horizon check of a one-day and a one-week case.
#include "fuzz_common.hpp"
#include "potline/flex/prices.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    const auto prices = flex::read_price_csv_text(potline_fuzz::text_of(data, size), "fuzz.csv", d, "flex.prices");
    if (!prices) throw core::InputError(d);
    for (double horizon_h : {24.0, 168.0}) {
      flex::check_horizon(*prices, horizon_h * 3600.0, "flex.horizon", {}, d);
    }
    if (d.has_errors()) throw core::InputError(d);
  });
}

// data/smelters.csv: the smelter dataset reader (io::parse_csv plus column and value checks).
#include "fuzz_common.hpp"
#include "potline/fleet/dataset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    (void)fleet::parse_smelters(potline_fuzz::text_of(data, size), "fuzz.csv", d, {"AP40", "AP60", "P155"});
  });
}

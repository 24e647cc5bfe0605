// potline fleet CASE.toml: the fleet case reader, with the shipped smelter dataset and region table
// (relative paths resolve in examples/). Building the case evaluates every smelter; the trade LP is
// not solved.
#include "fuzz_common.hpp"
#include "potline/fleet/fleet_case.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  static core::Diagnostics load_diagnostics;
  static const plant::SmelterData smelter_data = plant::SmelterData::load(potline_fuzz::data_dir(), load_diagnostics);
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    (void)fleet::parse_fleet_case(potline_fuzz::text_of(data, size), "fuzz.toml", potline_fuzz::examples_dir(),
                                  potline_fuzz::data_dir(), smelter_data, d);
  });
}

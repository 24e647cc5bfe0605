// potline sweep SWEEP.toml: the sweep reader (scenarios, distributions, levers; the base fleet case
// resolves in examples/), then the draws of the first samples of every scenario.
#include "fuzz_common.hpp"
#include "potline/sweep/sweep_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  static core::Diagnostics load_diagnostics;
  static const plant::SmelterData smelter_data = plant::SmelterData::load(potline_fuzz::data_dir(), load_diagnostics);
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    const sweep::SweepSpec spec = sweep::parse_sweep(potline_fuzz::text_of(data, size), "fuzz.toml",
                                                     potline_fuzz::examples_dir(), potline_fuzz::data_dir(),
                                                     smelter_data, d);
    for (int s = 0; s < static_cast<int>(spec.scenarios.size()); ++s) {
      for (std::int64_t k = 0; k < 4; ++k) (void)sweep::draw_inputs(spec, s, k);
    }
  });
}

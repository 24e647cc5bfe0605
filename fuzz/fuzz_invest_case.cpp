// potline invest CASE.toml: the invest reader takes a path, so each input is written to a file in
// a private temporary folder first; then the investment appraisal runs (cheap: one plant
// evaluation per year and a bisection).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_common.hpp"
#include "potline/finance/invest_case.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  static core::Diagnostics load_diagnostics;
  static const plant::SmelterData smelter_data = plant::SmelterData::load(potline_fuzz::data_dir(), load_diagnostics);
  static const std::string path = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("potline-fuzz-invest-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return (dir / "case.toml").string();
  }();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 static_cast<std::streamsize>(size));
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    const finance::InvestCase c = finance::load_invest_case(path, {}, smelter_data, d);
    (void)finance::evaluate_investment(c.inputs);
  });
}

// potline smelter CASE.toml: smelter TOML reader ([[potline]] groups included), case building,
// evaluation and the JSON summary (which refuses non-finite numbers).
#include "fuzz_common.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  static core::Diagnostics load_diagnostics;
  static const plant::SmelterData smelter_data = plant::SmelterData::load(potline_fuzz::data_dir(), load_diagnostics);
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    io::ValueSet user;
    std::vector<plant::PotlineGroupValues> groups;
    plant::read_smelter_case_text(potline_fuzz::text_of(data, size), "fuzz.toml", user, groups, d);
    if (d.has_errors()) throw core::InputError(d);
    auto c = plant::build_smelter_case(user, groups, smelter_data, d);
    if (!c || d.has_errors()) throw core::InputError(d);
    const plant::SmelterResult r = plant::evaluate(c->inputs);
    (void)io::dump(plant::smelter_result_json(*c, r, d.warning_messages()));
  });
}

// potline simulate CASE.toml: TOML reader against the simulate schema and case building (current
// steps, CSV schedules relative to examples/, control and disturbance inputs). The simulation itself
// is not run: its length is an input.
#include "fuzz_common.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/potline/simulate_case.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  const cell::TechnologyCatalogue& catalogue = potline_fuzz::catalogue();
  const plant::EmissionData& emissions = potline_fuzz::emission_data();
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    io::ValueSet user;
    io::read_case_text(potline_fuzz::text_of(data, size), "fuzz.toml", line::simulate_schema(), user, d);
    if (d.has_errors()) throw core::InputError(d);
    auto c = line::build_simulation_case(user, catalogue, emissions, potline_fuzz::examples_dir(), d);
    if (!c || d.has_errors()) throw core::InputError(d);
  });
}

// potline cell CASE.toml: TOML reader against the cell schema, case building, one evaluation and
// the JSON summary (which refuses non-finite numbers).
#include "fuzz_common.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/report.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  const cell::TechnologyCatalogue& catalogue = potline_fuzz::catalogue();
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    io::ValueSet user;
    io::read_case_text(potline_fuzz::text_of(data, size), "fuzz.toml", cell::cell_schema(), user, d);
    if (d.has_errors()) throw core::InputError(d);
    auto c = cell::build_cell_case(user, catalogue, d);
    if (!c || d.has_errors()) throw core::InputError(d);
    const cell::CellResult r = cell::evaluate(c->design, c->constants, c->op);
    const auto warnings = cell::collect_warnings(*c, r, d);
    (void)io::dump(cell::cell_result_json(*c, r, warnings));
  });
}

// potline.current_csv / power schedules: the CSV reader (io::parse_csv) and the schedule checks.
#include "fuzz_common.hpp"
#include "potline/potline/schedule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace potline;
  return potline_fuzz::guarded([&] {
    core::Diagnostics d;
    line::CurrentSchedule schedule(400e3);
    if (!schedule.read_csv_text(potline_fuzz::text_of(data, size), "fuzz.csv", d)) return;
    for (double t : {0.0, 3600.0, 86400.0, 1e9}) {
      (void)schedule.current_at(t);
      (void)schedule.power_at(t);
    }
  });
}

#pragma once
// Shared parts of the libFuzzer targets (see docs/reliability.md).
//
// Every target feeds arbitrary bytes to one reader the CLI uses and goes as far as the CLI goes
// before running a model (parse, validate, build the case; cheap evaluations where the command
// does them). Expected outcomes: success or core::InputError (exit 2). Everything else is a
// finding: a crash, a sanitizer report, an uncaught exception (the CLI would print "internal
// error"), a non-finite number in a JSON output, or a run-time failure the input checks should
// have caught.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/plant/emissions.hpp"

namespace potline_fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// The shipped data folder (technologies, emissions, smelters, regions).
inline std::string data_dir() { return POTLINE_DATA_DIR; }
/// The examples folder: relative paths in fuzzed cases resolve there.
inline std::string examples_dir() { return POTLINE_SOURCE_DIR "/examples"; }

/// The shipped technology catalogue, loaded once per fuzzing process.
inline const potline::cell::TechnologyCatalogue& catalogue() {
  static potline::core::Diagnostics diagnostics;
  static const potline::cell::TechnologyCatalogue loaded =
      potline::cell::TechnologyCatalogue::load(data_dir() + "/technologies.toml", diagnostics);
  return loaded;
}

/// The shipped emission data (IPCC factors, fuels, power), loaded once per fuzzing process.
inline const potline::plant::EmissionData& emission_data() {
  static potline::core::Diagnostics diagnostics;
  static const potline::plant::EmissionData loaded = potline::plant::EmissionData::load(data_dir(), diagnostics);
  return loaded;
}

/// Runs `body`; input errors are the expected way to refuse bad input. A run-time failure is
/// tolerated only when `run_errors_allowed` (a model that may legitimately fail to converge).
template <class Body>
int guarded(Body&& body, bool run_errors_allowed = false) {
  try {
    body();
  } catch (const potline::core::InputError&) {
  } catch (const potline::core::RunError& e) {
    if (!run_errors_allowed) {
      std::fprintf(stderr, "fuzz finding: run-time failure after input checks passed: %s\n", e.what());
      std::abort();
    }
  }
  return 0;
}

}  // namespace potline_fuzz

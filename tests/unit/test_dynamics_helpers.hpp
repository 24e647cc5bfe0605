#pragma once
// Shared helpers for the dynamics tests: build a simulation case from TOML text or an example.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/io/case_file.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::testing_dyn {

inline const cell::TechnologyCatalogue& catalogue() {
  static const cell::TechnologyCatalogue c = [] {
    core::Diagnostics d;
    auto cat = cell::TechnologyCatalogue::load(std::string(POTLINE_SOURCE_DIR) + "/data/technologies.toml", d);
    if (d.has_errors()) throw std::runtime_error(d.to_string());
    return cat;
  }();
  return c;
}

/// A case from TOML text plus --set style overrides; nothing when reading or building reports an
/// error (the diagnostics say which).
inline std::optional<line::SimulationCase> try_make_case(const std::string& toml, const std::vector<std::string>& sets,
                                                         const std::string& dir, core::Diagnostics& d) {
  io::ValueSet v;
  io::read_case_text(toml, "<test>", line::simulate_schema(), v, d);
  std::vector<io::Override> ov;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d)) ov.push_back(*o);
  }
  io::apply_overrides(ov, line::simulate_schema(), v, d);
  return line::build_simulation_case(v, catalogue(), potline::testing::shipped_emission_data(), dir, d);
}

/// A case from TOML text plus --set style overrides; fails the test on input errors.
inline line::SimulationCase make_case(const std::string& toml, const std::vector<std::string>& sets = {},
                                      const std::string& dir = "") {
  core::Diagnostics d;
  auto c = try_make_case(toml, sets, dir, d);
  if (!c) throw std::runtime_error(d.to_string());
  return *c;
}

inline std::string read_example(const std::string& name) {
  std::ifstream in(std::string(POTLINE_SOURCE_DIR) + "/examples/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Records every row (small runs only).
struct Recorder : line::Observer {
  std::vector<line::Row> rows;
  std::vector<line::Event> events;
  void on_row(const line::Row& r) override { rows.push_back(r); }
  void on_events(const std::vector<line::Event>& e) override { events.insert(events.end(), e.begin(), e.end()); }
};

}  // namespace potline::testing_dyn

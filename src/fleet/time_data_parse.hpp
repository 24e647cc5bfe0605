#pragma once
// Parsing helpers shared by the readers of the scenario's time data (time_data.hpp):
// data/fleet-pipeline.toml (time_data.cpp), data/fleet-sanctions.toml and data/fleet-paths.toml
// (sanctions_paths.cpp). Private to src/fleet.
#include <toml++/toml.h>

#include <charconv>
#include <optional>
#include <set>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet::detail {

inline constexpr int kFirstYear = 2020, kLastYear = 2060;  // years a scenario may name

inline core::SourceLocation loc(const toml::node& n, const std::string& file) {
  return io::toml_location(n, file);
}

inline void reject_unknown(const toml::table& t, const std::set<std::string>& known,
                           const std::string& table, const std::string& file, core::Diagnostics& d) {
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (!known.count(key))
      io::report_unknown_name("key in " + table, key, {known.begin(), known.end()}, loc(v, file),
                              key, d);
  }
}

inline std::string text(const toml::table& t, const char* key) {
  return t[key].value_or(std::string());
}

inline std::optional<int> parse_year(const std::string& s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

/// A required text key; reports "required: WHAT" naming the table's id.
inline std::string required_text(const toml::table& t, const char* key, const std::string& owner,
                                 const std::string& what, const std::string& file, core::Diagnostics& d) {
  std::string v = text(t, key);
  if (v.empty()) d.error(loc(t, file), key, owner + ": required: " + what);
  return v;
}

}  // namespace potline::fleet::detail

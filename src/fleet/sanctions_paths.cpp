// data/fleet-sanctions.toml and data/fleet-paths.toml (time_data.hpp; the pipeline file is read by
// time_data.cpp). Every problem is collected with file:line:col; a measure without a date or a
// source, a path with a gap and a region that is not in the region table are errors, with a
// did-you-mean.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <map>

#include "potline/fleet/time_data.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "time_data_parse.hpp"

namespace potline::fleet {

namespace {
using detail::kFirstYear;
using detail::kLastYear;
using detail::loc;
using detail::parse_year;
using detail::reject_unknown;
using detail::required_text;
using detail::text;
}  // namespace

// ---------------------------------------------------------------- sanctions

namespace {

// The first (or last) year in force on 1 July: the LP's one period per year.
int year_in_force(const toml::date& date, bool first) {
  const bool by_july = date.month < 7 || (date.month == 7 && date.day <= 1);
  if (first) return by_july ? date.year : date.year + 1;
  return (date.month > 7 || (date.month == 7 && date.day >= 1)) ? date.year : date.year - 1;
}

Sanction parse_sanction(const toml::table& t, const RegionTable& regions, const std::string& file,
                        core::Diagnostics& d) {
  reject_unknown(t,
                 {"id", "importers", "origin_country", "origin_region", "from", "until", "source"},
                 "[[sanction]]", file, d);
  Sanction s;
  s.where = loc(t, file);
  s.id = text(t, "id");
  const std::string owner = "sanction '" + s.id + "'";
  s.source =
      required_text(t, "source", owner, "the legal act or announcement and its date", file, d);
  s.origin_country = text(t, "origin_country");
  s.origin_region = text(t, "origin_region");
  if (s.origin_country.empty() == s.origin_region.empty())
    d.error(s.where, "origin_country",
            owner + ": give exactly one of origin_country (ISO3) or origin_region");
  if (!s.origin_region.empty() && regions.index_of(s.origin_region) < 0)
    io::report_unknown_name("region", s.origin_region, regions.ids(),
                            loc(*t.get("origin_region"), file), "origin_region", d);
  const auto* importers = t["importers"].as_array();
  if (importers == nullptr || importers->empty())
    d.error(s.where, "importers", owner + ": required: importers, an array of region ids");
  else
    for (const auto& n : *importers) {
      const std::string id = n.value_or(std::string());
      const int r = regions.index_of(id);
      if (r < 0)
        io::report_unknown_name("region", id, regions.ids(), loc(n, file), "importers", d);
      else
        s.importers.push_back(r);
    }
  if (const auto from = t["from"].value<toml::date>())
    s.from_year = year_in_force(*from, true);
  else
    d.error(s.where, "from",
            owner + ": required: from, the date the measure takes effect (YYYY-MM-DD)");
  if (const auto until = t["until"].value<toml::date>())
    s.until_year = year_in_force(*until, false);
  else if (t.contains("until"))
    d.error(loc(*t.get("until"), file), "until", owner + ": until must be a date (YYYY-MM-DD)");
  return s;
}

}  // namespace

std::vector<Sanction> parse_sanctions(const std::string& text_in, const std::string& file,
                                      const RegionTable& regions, core::Diagnostics& d) {
  std::vector<Sanction> out;
  auto doc = io::parse_toml(text_in, file, d);
  if (!doc) return out;
  reject_unknown(*doc, {"sanction"}, "the sanctions file", file, d);
  if (const auto* list = (*doc)["sanction"].as_array())
    for (const auto& node : *list)
      if (const auto* t = node.as_table()) out.push_back(parse_sanction(*t, regions, file, d));
  return out;
}

std::vector<Sanction> load_sanctions(const std::string& path, const RegionTable& regions,
                                     core::Diagnostics& d) {
  const auto t = io::read_text_file(path, "the dated trade measures", d);
  return t ? parse_sanctions(*t, path, regions, d) : std::vector<Sanction>{};
}

// ---------------------------------------------------------------- paths

namespace {

void read_values(const toml::table& values, const std::string& owner, const std::string& file,
                 YearPath& p, core::Diagnostics& d) {
  std::map<int, double> by_year;
  for (const auto& [k, v] : values) {
    const std::string key(k.str());
    const auto year = parse_year(key);
    const auto x = v.value<double>();
    if (!year || *year < kFirstYear || *year > kLastYear) {
      d.error(loc(v, file), key,
              fmt::format("{}: '{}' is not a year in {}..{}", owner, key, kFirstYear, kLastYear));
    } else if (!x || !std::isfinite(*x) || *x < 0) {
      d.error(loc(v, file), key,
              owner + ": the value for " + key + " must be a finite number >= 0");
    } else {
      by_year[*year] = *x;
    }
  }
  if (by_year.empty()) return;
  p.first_year = by_year.begin()->first;
  const int last = by_year.rbegin()->first;
  for (int y = p.first_year; y <= last; ++y) {
    const auto it = by_year.find(y);
    if (it == by_year.end()) {
      d.error(
          p.where, "values",
          fmt::format(
              "{}: no value for {} (a path lists every year from its first, {}, to its last, {})",
              owner, y, p.first_year, last));
      p.values.push_back(0.0);
    } else {
      p.values.push_back(it->second);
    }
  }
}

YearPath parse_path(const toml::table& t, const RegionTable& regions, const std::string& file,
                    core::Diagnostics& d) {
  reject_unknown(t, {"name", "region", "unit", "source", "values"}, "[[path]]", file, d);
  static const std::map<std::string, std::string> units = {{"eua_price", "EUR/t"},
                                                           {"usd_per_eur", "USD/EUR"},
                                                           {"demand_factor", "1"},
                                                           {"published_production", "Mt"},
                                                           {"published_lme", "USD/t"}};
  YearPath p;
  p.where = loc(t, file);
  p.name = text(t, "name");
  p.region = text(t, "region");
  p.unit = text(t, "unit");
  const std::string owner = "path '" + p.name + (p.region.empty() ? "" : " " + p.region) + "'";
  const auto unit = units.find(p.name);
  if (unit == units.end()) {
    io::report_unknown_name("path", p.name,
                            {"demand_factor", "eua_price", "published_lme", "published_production", "usd_per_eur"},
                            p.where, "name", d);
  } else if (p.unit != unit->second) {
    d.error(p.where, "unit",
            fmt::format("{}: unit '{}': this path is in {}", owner, p.unit, unit->second));
  }
  if (!p.region.empty() && p.region != "rest_of_world" && regions.index_of(p.region) < 0) {
    std::vector<std::string> ids = regions.ids();
    ids.push_back("rest_of_world");
    io::report_unknown_name("region", p.region, ids, loc(*t.get("region"), file), "region", d);
  }
  p.source =
      required_text(t, "source", owner, "the source (or 'estimate: basis') of its values", file, d);
  if (const auto* values = t["values"].as_table())
    read_values(*values, owner, file, p, d);
  else
    d.error(p.where, "values", owner + ": required: values = { YEAR = VALUE, ... }");
  return p;
}

}  // namespace

std::vector<YearPath> parse_paths(const std::string& text_in, const std::string& file,
                                  const RegionTable& regions, core::Diagnostics& d) {
  std::vector<YearPath> out;
  auto doc = io::parse_toml(text_in, file, d);
  if (!doc) return out;
  reject_unknown(*doc, {"path"}, "the paths file", file, d);
  if (const auto* list = (*doc)["path"].as_array())
    for (const auto& node : *list)
      if (const auto* t = node.as_table()) out.push_back(parse_path(*t, regions, file, d));
  return out;
}

std::vector<YearPath> load_paths(const std::string& path, const RegionTable& regions,
                                 core::Diagnostics& d) {
  const auto t = io::read_text_file(path, "the price and demand paths", d);
  return t ? parse_paths(*t, path, regions, d) : std::vector<YearPath>{};
}

}  // namespace potline::fleet

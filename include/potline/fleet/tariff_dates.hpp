#pragma once
// Dated [[tariff]] tables (tariff.from, tariff.until; docs/model/fleet.md, "Dated tariffs"). The
// LP has one period per year, and a tariff is a cost per tonne that a flow pays on the days it
// crosses: a year's ad valorem rate is therefore the time-weighted mean of the rates in force,
// rate x (days in force in the year) / (days in the year), exact for a flow spread evenly over the
// year. Tables of one importer and exporters must not be in force on the same day when one of them
// is dated (two undated tables of one lane add up, as before tariffs had dates).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/fleet_case.hpp"

namespace potline::fleet {

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar written YYYY-MM-DD;
/// nullopt when `text` is not of that form or not a day of the calendar (2025-02-29).
std::optional<int> parse_date(std::string_view text);

/// YYYY-MM-DD of a day counted from 1970-01-01.
std::string format_date(int day);

/// Day number of 1 January of `year`.
int first_day_of_year(int year);

/// 365 or 366.
int days_in_year(int year);

/// Share of `year`'s days on which `t` is in force, in [0, 1] (1 for an undated tariff).
double share_of_year_in_force(const Tariff& t, int year);

/// The tariffs of `year`: each at its time-weighted rate (rate x share of the year in force);
/// those not in force on any day of the year are dropped.
std::vector<Tariff> tariffs_in_year(const std::vector<Tariff>& tariffs, int year);

/// Checks the dates of the case's tariffs, every problem collected in `d`: `until` before `from`,
/// a dated tariff without fleet.year (errors), two tables of one importer and exporters in force
/// on the same day (an error), and a tariff in force on no day of the case's years (a warning:
/// a path cut short with --set fleet.last_year keeps its later measures).
void check_tariff_dates(const FleetCase& c, core::Diagnostics& d);

}  // namespace potline::fleet

// The plausibility of a price series against the SDAC clearing range (see prices.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "potline/flex/prices.hpp"

namespace potline::flex {

namespace {

constexpr double kJ_per_MWh = 3.6e9;

// A series in EUR/kWh (or a EUR/MWh series divided by 1000) stays inside the clearing range:
// flex-day's series / 1000 (median 0.08) valued the day at +62,192 EUR, "a year: +15.55 M EUR",
// without a word (user trial 11, T11-1). Every price within +-1 EUR/MWh, when a day-ahead year
// averages tens of EUR/MWh (Germany 2024: 78.51, [SMARD 2024]), is taken for such a slip (estimate:
// a threshold of the slip, not a market figure; a real day of zero prices has at least a few hours
// above it).
constexpr double kSlipBand_eur_per_MWh = 1.0;

void warn_thousandfold_low(const PriceSeries& series, const std::string& key,
                           core::Diagnostics& diagnostics) {
  if (series.size() == 0) return;
  double lowest = series.price_eur_per_J[0] * kJ_per_MWh, highest = lowest;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double p = series.price_eur_per_J[i] * kJ_per_MWh;
    lowest = std::min(lowest, p);
    highest = std::max(highest, p);
  }
  if (lowest < -kSlipBand_eur_per_MWh || highest > kSlipBand_eur_per_MWh || highest - lowest <= 0.0)
    return;
  const int line = series.lines.empty() ? 0 : series.lines.front();
  diagnostics.warning(
      {series.path, line, 0}, key,
      fmt::format("every price is within +-{:g} EUR/MWh (lowest {:.6g}, highest {:.6g}): 1000 "
                  "times too low? The column is read in EUR/MWh (a EUR/kWh series gives {:.6g} to "
                  "{:.6g} EUR/MWh); a day-ahead year averages tens of EUR/MWh (Germany 2024 78.51, "
                  "[SMARD 2024])",
                  kSlipBand_eur_per_MWh, lowest, highest, 1000.0 * lowest, 1000.0 * highest));
}

// More than this share of the rows outside the SDAC limits makes the series an input error (T13-6).
// Basis: an SDAC price never clears outside the limits, so one row outside is already a data slip or
// another market; past half the rows the series as a whole is read in the wrong unit (estimate: a
// rule of the check, not a market figure; the shipped series have none outside).
constexpr double kWrongUnitShare = 0.5;

// The unit a series read in EUR/MWh but too high is likely in: the median of the prices outside the
// limits, divided by 1000 (EUR/GWh) or 100 (euro cents per MWh), back inside a day-ahead range.
std::string likely_unit(std::vector<double> magnitudes) {
  std::nth_element(magnitudes.begin(), magnitudes.begin() + magnitudes.size() / 2, magnitudes.end());
  const double median = magnitudes[magnitudes.size() / 2];
  for (const auto& [factor, unit] : {std::pair{1000.0, "EUR/GWh (1000 times EUR/MWh)"},
                                     std::pair{100.0, "euro cents per MWh (100 times EUR/MWh)"}}) {
    if (median / factor <= kSdacMaxPrice_eur_per_MWh)
      return fmt::format("the median of those, {:.6g}, is {:.6g} EUR/MWh if the column is in {}", median,
                         median / factor, unit);
  }
  return fmt::format("the median of those, {:.6g}, fits no price unit read as EUR/MWh", median);
}

// T13-6 (c): a series whose mean lies above every daily mean an SDAC market is reported to have cleared. Under a
// ct/kWh header EUR/MWh numbers read 10 times too high (a day of 82.6 EUR/MWh as 826) and stay inside
// the clearing limits, so only the mean shows the slip.
void warn_mean_above_record(const PriceSeries& series, const std::string& key, core::Diagnostics& diagnostics) {
  // The record is a day's mean: a shorter series may lie above it in a real market (hours at the peak).
  if (series.size() == 0 || series.duration_s() < 86400.0) return;
  double sum = 0.0;
  for (double p : series.price_eur_per_J) sum += p * kJ_per_MWh;
  const double mean = sum / static_cast<double>(series.size());
  if (mean <= kImplausibleDailyMean_eur_per_MWh) return;
  const std::string record = fmt::format(
      "the mean of its {} prices, {:.1f} EUR/MWh, is above {:g} EUR/MWh, an estimate above every daily mean an SDAC "
      "market is reported to have cleared (the highest read: Italy's PUN 718.71 EUR/MWh on 26 August 2022, [Sky "
      "TG24 PUN Aug 2022])",
      series.size(), mean, kImplausibleDailyMean_eur_per_MWh);
  if (series.unit == "ct/kWh") {
    diagnostics.warning(
        series.unit_at, key,
        fmt::format("the header says ct/kWh (1 ct/kWh = 10 EUR/MWh), and {}: EUR/MWh numbers under a ct/kWh header? "
                    "Read as EUR/MWh the mean is {:.2f} EUR/MWh, a usual day (Germany 2024 averaged 78.51, [SMARD "
                    "2024]); if so, name the column's unit EUR/MWh (price_eur_per_MWh)",
                    record, mean / 10.0));
    return;
  }
  diagnostics.warning(series.unit_at, key,
                      fmt::format("read in {}, {}: check the column's unit and currency (ct/kWh is 10 times "
                                  "EUR/MWh, DKK about 7.5 times EUR)",
                                  series.unit.empty() ? std::string("EUR/MWh") : series.unit, record));
}

}  // namespace

void warn_implausible_prices(const PriceSeries& series, const std::string& key,
                             core::Diagnostics& diagnostics) {
  warn_thousandfold_low(series, key, diagnostics);
  std::size_t count = 0, first = 0;
  double lowest = 0, highest = 0;
  std::vector<double> outside;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double p = series.price_eur_per_J[i] * kJ_per_MWh;
    if (p >= kSdacMinPrice_eur_per_MWh && p <= kSdacMaxPrice_eur_per_MWh) continue;
    if (count == 0) {
      first = i;
      lowest = highest = p;
    }
    lowest = std::min(lowest, p);
    highest = std::max(highest, p);
    outside.push_back(std::abs(p));
    ++count;
  }
  if (count == 0) {
    warn_mean_above_record(series, key, diagnostics);
    return;
  }
  const core::SourceLocation at{series.path, first < series.lines.size() ? series.lines[first] : 0,
                                first < series.price_columns.size() ? series.price_columns[first] : 0};
  const std::string range = fmt::format(
      "outside {:g} to {:+g} EUR/MWh (lowest {:.6g}, highest {:.6g} EUR/MWh; the first on this line), the "
      "harmonised minimum and maximum clearing prices of the European day-ahead market (SDAC, [ACER HMMCP 2023])",
      kSdacMinPrice_eur_per_MWh, kSdacMaxPrice_eur_per_MWh, lowest, highest);
  if (static_cast<double>(count) > kWrongUnitShare * static_cast<double>(series.size())) {
    diagnostics.error(at, key,
                      fmt::format("{} of {} prices {}: more than half of the rows outside the limits is a series in "
                                  "another unit, not prices an SDAC market clears; {}. Convert the column to EUR/MWh "
                                  "or name its unit in the header (price [EUR/kWh], price [ct/kWh], ...)",
                                  count, series.size(), range, likely_unit(outside)));
    return;
  }
  // A few rows outside the limits that lift the whole series' mean above every daily mean cleared
  // (user trial T18-3: one price of 1e9 EUR/MWh in a day valued the year at +1.7 trillion EUR): the
  // run's value would rest on rows no SDAC market clears, so they are an error, not a warning.
  if (series.duration_s() >= 86400.0) {
    double sum = 0.0;
    for (double p : series.price_eur_per_J) sum += p * kJ_per_MWh;
    const double mean = sum / static_cast<double>(series.size());
    if (mean > kImplausibleDailyMean_eur_per_MWh) {
      diagnostics.error(at, key,
                        fmt::format("{} price(s) {}, and they lift the mean of the {} prices to {:.1f} EUR/MWh, above "
                                    "{:g} EUR/MWh, an estimate above every daily mean an SDAC market is reported to "
                                    "have cleared: a slip in the data, on which the schedule's value would rest. Fix "
                                    "the row(s) or the column's unit",
                                    count, range, series.size(), mean, kImplausibleDailyMean_eur_per_MWh));
      return;
    }
  }
  warn_mean_above_record(series, key, diagnostics);
  diagnostics.warning(
      at, key,
      fmt::format("{} price(s) {}: check the column and its unit (EUR/MWh, not EUR/GWh or cents); other markets "
                  "have their own limits",
                  count, range));
}

}  // namespace potline::flex

#pragma once
// The layouts of price-series CSV files potline flex reads (docs/model/flexibility.md, "Prices"),
// recognised from their header, and the price units their headers name:
//
//  - generic: `time_utc,price_eur_per_MWh` (or `time`, `time [ZONE]`; any unit of
//    parse_price_unit), ',' or ';' between columns;
//  - SMARD (Bundesnetzagentur) CSV downloads: `Datum von;Datum bis;AREA [€/MWh] ...;...` (or the
//    older `Datum;Anfang;Ende;AREA [€/MWh] ...`), German local times, decimal commas;
//  - Energi Data Service (Energinet) CSV downloads: `HourUTC;HourDK;PriceArea;SpotPriceDKK;
//    SpotPriceEUR` (dataset Elspotprices) or `TimeUTC;TimeDK;PriceArea;DayAheadPriceEUR;
//    DayAheadPriceDKK` (DayAheadPrices); the UTC column is read, prices in EUR/MWh.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "potline/flex/price_times.hpp"
#include "potline/io/csv.hpp"

namespace potline::flex {

/// A price unit: currency per energy.
struct PriceUnit {
  std::string text;      ///< normalised, e.g. "EUR/MWh", "ct/kWh", "USD/MWh"
  std::string currency;  ///< ISO 4217 code of the currency the factor gives ("EUR" for ct)
  double per_J = 0;      ///< one unit of the column in currency per joule
};

/// The unit of a column name: "price_eur_per_MWh", "price [EUR/kWh]", "ct/kWh", "€/MWh", "USD/MWh".
std::optional<PriceUnit> parse_price_unit(const std::string& text);
/// The accepted units, for messages.
std::string accepted_price_units();

/// ';' between columns: the first line that is neither blank nor a comment holds ';' and no ','.
bool semicolon_separated(const std::string& text);
/// The text of a price file as UTF-8: unchanged when it is UTF-8, else decoded as Windows-1252 (what
/// Excel writes on a Windows PC in western Europe: "€/MWh" with '€' as byte 0x80) with a warning under
/// `key` at the file:line:col of the first byte that is not UTF-8 (user trial T7-37: the unit was
/// refused as "price [\ufffd/MWh]").
std::string price_text_as_utf8(const std::string& text, const std::string& path, const std::string& key,
                               core::Diagnostics& d);
/// The CSV records of a price file (io::parse_csv), with ';' as the separator when `semicolons`.
std::vector<io::CsvRecord> read_price_records(const std::string& text, bool semicolons, const std::string& path,
                                              core::Diagnostics& d);
/// A price as written, nullopt (with a `hint` for the message, maybe empty) when it is not a finite
/// number. With ';' between columns a decimal comma is read ("1.234,5": '.' groups thousands), and a
/// '.' alone is a decimal point unless it could group thousands ("1.234").
std::optional<double> parse_price_text(std::string text, bool semicolons, std::string& hint);

enum class PriceLayout { kGeneric, kSmard, kSmardDateAndTime, kEnergiDataService };

/// Which column holds what.
struct PriceColumns {
  PriceLayout layout = PriceLayout::kGeneric;
  std::size_t count = 2;             ///< fields per row
  std::size_t time = 0;              ///< the time (SMARD's older layout: the date)
  std::optional<std::size_t> clock;  ///< SMARD's older layout: the time of day
  std::size_t price = 1;
  std::optional<std::size_t> area;   ///< Energi Data Service: PriceArea
  std::optional<TimeZoneRule> zone;  ///< the zone the header declares (time_utc, HourUTC: UTC)
  PriceUnit unit;
  std::string name;  ///< the layout, for messages
};

/// A problem with the header: the field (index; -1: the whole header) and the message.
struct HeaderProblem {
  int field = -1;
  std::string message;
};

/// Recognises the layout from the header fields; `area` is flex.price_area ("" when not given).
/// Returns nullopt with `problems` filled when the header is not one of the layouts.
std::optional<PriceColumns> recognise_layout(const std::vector<std::string>& header, const std::string& area,
                                             std::vector<HeaderProblem>& problems);

}  // namespace potline::flex

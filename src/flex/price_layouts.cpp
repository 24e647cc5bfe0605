// Price-series layouts and units (see price_layouts.hpp).
#include "potline/flex/price_layouts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "potline/core/constants.hpp"
#include "potline/io/csv.hpp"

namespace potline::flex {
namespace {

constexpr double kJoulesPerKWh = constants::kJoulePerKWh;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

// Currencies a price column may be in besides EUR (with flex.price_exchange_rate).
constexpr std::array<std::string_view, 12> kCurrencies{"usd", "gbp", "chf", "dkk", "nok", "sek",
                                                       "pln", "czk", "cny", "aud", "cad", "jpy"};

// "Deutschland/Luxemburg [€/MWh] Originalauflösungen" → area "Deutschland/Luxemburg", unit "€/MWh".
bool split_smard_column(const std::string& text, std::string& area, std::string& unit) {
  const auto open = text.find('[');
  const auto close = text.find(']', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return false;
  area = text.substr(0, open);
  while (!area.empty() && area.back() == ' ') area.pop_back();
  unit = text.substr(open + 1, close - open - 1);
  return true;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// SMARD: one price column per area; flex.price_area chooses one when there are several.
std::optional<PriceColumns> smard_layout(const std::vector<std::string>& h, PriceColumns c, const std::string& area,
                                         std::vector<HeaderProblem>& problems) {
  std::vector<std::size_t> columns;
  std::vector<std::string> areas;
  for (std::size_t i = (c.clock ? 3 : 2); i < h.size(); ++i) {
    std::string a, u;
    if (!split_smard_column(h[i], a, u)) continue;
    if (!area.empty() && lower(a) != lower(area)) continue;
    const auto unit = parse_price_unit(u);
    if (!unit) {
      problems.push_back({static_cast<int>(i),
                          fmt::format("column '{}': unit '{}' is not one of {}", h[i], u, accepted_price_units())});
      return std::nullopt;
    }
    columns.push_back(i);
    areas.push_back(a);
    c.unit = *unit;
  }
  if (columns.size() == 1) {
    c.price = columns.front();
    return c;
  }
  if (columns.empty()) {
    std::vector<std::string> all;
    for (std::size_t i = (c.clock ? 3 : 2); i < h.size(); ++i) {
      std::string a, u;
      if (split_smard_column(h[i], a, u)) all.push_back(a);
    }
    problems.push_back({-1, area.empty() ? "a SMARD export without a price column 'AREA [€/MWh]'"
                                         : fmt::format("flex.price_area '{}' is not a column of this SMARD export "
                                                       "(its areas: {})",
                                                       area, join(all))});
    return std::nullopt;
  }
  problems.push_back({-1, fmt::format("this SMARD export holds {} price columns ({}): choose one with "
                                      "flex.price_area (e.g. --set flex.price_area={})",
                                      columns.size(), join(areas), areas.front())});
  return std::nullopt;
}

// Energi Data Service: the UTC column, the EUR price (EUR/MWh), and PriceArea.
std::optional<PriceColumns> eds_layout(const std::vector<std::string>& h, std::vector<HeaderProblem>& problems) {
  PriceColumns c;
  c.layout = PriceLayout::kEnergiDataService;
  c.name = "Energi Data Service";
  c.count = h.size();
  c.zone = TimeZoneRule{TimeZoneRule::Kind::kFixed, 0, "UTC"};
  std::optional<std::size_t> eur, dkk;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const std::string f = lower(h[i]);
    if (f == "hourutc" || f == "timeutc") c.time = i;
    if (f == "pricearea") c.area = i;
    if (f == "spotpriceeur" || f == "dayaheadpriceeur") eur = i;
    if (f == "spotpricedkk" || f == "dayaheadpricedkk") dkk = i;
  }
  if (!eur && !dkk) {
    problems.push_back({-1,
                        "an Energi Data Service export without a price column (SpotPriceEUR or "
                        "DayAheadPriceEUR, EUR/MWh)"});
    return std::nullopt;
  }
  c.price = eur ? *eur : *dkk;
  c.unit = *parse_price_unit(eur ? "EUR/MWh" : "DKK/MWh");
  return c;
}

// time_utc, time, time [ZONE] / time (ZONE).
bool generic_time_column(const std::string& text, PriceColumns& c, std::vector<HeaderProblem>& problems) {
  const std::string f = lower(text);
  if (f == "time_utc") {
    c.zone = TimeZoneRule{TimeZoneRule::Kind::kFixed, 0, "UTC"};
    return true;
  }
  if (f == "time") return true;
  const auto open = text.find_first_of("[(");
  const auto close = text.find_first_of("])", open == std::string::npos ? 0 : open);
  std::string head = f.substr(0, open == std::string::npos ? f.size() : open);
  while (!head.empty() && head.back() == ' ') head.pop_back();
  if (head == "time" && open != std::string::npos && close == text.size() - 1) {
    std::string why;
    c.zone = parse_time_zone(text.substr(open + 1, close - open - 1), why);
    if (c.zone) return true;
    problems.push_back({0, fmt::format("first column '{}': {}", text, why)});
    return false;
  }
  problems.push_back({0, fmt::format("first column '{}': name it time_utc (UTC times), time (each time with its "
                                     "offset, e.g. 2024-03-31T03:00+02:00, or zone-less times in the zone of "
                                     "flex.price_time_zone) or time [ZONE] (e.g. time [+01:00], time [Europe/Berlin])",
                                     text)});
  return false;
}

}  // namespace

std::optional<PriceUnit> parse_price_unit(const std::string& text) {
  std::string s = lower(text);
  replace_all(s, "\xe2\x82\xac", "eur");  // €
  replace_all(s, "euro", "eur");
  replace_all(s, "_per_", "/");
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  if (starts_with(s, "price")) s = s.substr(5);
  const auto strip = [](char ch) { return ch == '_' || ch == '[' || ch == ']' || ch == '(' || ch == ')'; };
  while (!s.empty() && strip(s.front())) s.erase(s.begin());
  while (!s.empty() && strip(s.back())) s.pop_back();
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const std::string money = s.substr(0, slash);
  const std::string energy = s.substr(slash + 1);
  const double per_energy = energy == "mwh"   ? 1.0 / (1000.0 * kJoulesPerKWh)
                            : energy == "kwh" ? 1.0 / kJoulesPerKWh
                                              : 0.0;
  if (per_energy == 0.0) return std::nullopt;
  const std::string e = energy == "mwh" ? "MWh" : "kWh";
  if (money == "eur") return PriceUnit{"EUR/" + e, "EUR", per_energy};
  if (money == "ct" || money == "cent" || money == "eurct" || money == "eurcent" || money == "cteur") {
    return PriceUnit{"ct/" + e, "EUR", 0.01 * per_energy};
  }
  for (const auto cur : kCurrencies) {
    if (money == cur) {
      std::string code = std::string(cur);
      std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
      return PriceUnit{code + "/" + e, code, per_energy};
    }
  }
  return std::nullopt;
}

// ';' between columns: the first line that is neither blank nor a comment holds ';' and no ','.
bool semicolon_separated(const std::string& text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string line = text.substr(pos, end - pos);
    const auto first = line.find_first_not_of(" \t\r");
    pos = end + 1;
    if (first == std::string::npos || line[first] == '#') continue;
    return line.find(';') != std::string::npos && line.find(',') == std::string::npos;
  }
  return false;
}

namespace {

// The length of the UTF-8 sequence at text[i] (1-4), 0 when it is not a valid one (overlong forms,
// surrogates and code points above U+10FFFF included: the table of well-formed sequences of
// [Yergeau 2003] §4).
std::size_t utf8_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252's bytes 0x80-0x9F [Microsoft CP1252 1998]; 0xFFFD for its five undefined bytes.
// Bytes 0xA0-0xFF are U+00A0-U+00FF.
constexpr unsigned kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

std::string price_text_as_utf8(const std::string& text, const std::string& path,
                               const std::string& key, core::Diagnostics& d) {
  std::size_t bad = 0;
  while (bad < text.size()) {
    const std::size_t n = utf8_length(text, bad);
    if (n == 0) break;
    bad += n;
  }
  if (bad == text.size()) return text;
  const std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
  const int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
  const int column =
      static_cast<int>(bad - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
  const auto b = static_cast<unsigned char>(text[bad]);
  d.warning({path, line, column}, key,
            fmt::format("the file is not UTF-8 (byte 0x{:02X} here): read as Windows-1252, as "
                        "Excel saves CSV on a Windows PC{}; save it as UTF-8 (\"CSV UTF-8\" in "
                        "Excel) to be sure",
                        b, b == 0x80 ? " (0x80 is €)" : ""));
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    append_utf8(out, c >= 0x80 && c < 0xA0 ? kCp1252High[c - 0x80] : c);
  }
  return out;
}

// The records, with ';' as the separator when `semicolons` (',' and ';' swapped around io::parse_csv:
// both are one byte, so columns stay right).
std::vector<io::CsvRecord> read_price_records(const std::string& text, bool semicolons, const std::string& path,
                                        core::Diagnostics& d) {
  if (!semicolons) return io::parse_csv(text, path, d);
  const auto swap = [](char& c) {
    if (c == ';') {
      c = ',';
    } else if (c == ',') {
      c = ';';
    }
  };
  std::string swapped = text;
  std::for_each(swapped.begin(), swapped.end(), swap);
  auto records = io::parse_csv(swapped, path, d);
  for (auto& r : records) {
    for (auto& f : r.fields) std::for_each(f.text.begin(), f.text.end(), swap);
  }
  return records;
}

// A price as written; with ';' between columns a decimal comma is read ("1.234,5": '.' groups
// thousands), and a '.' alone is a decimal point unless it could group thousands ("1.234").
std::optional<double> parse_price_text(std::string p, bool semicolons, std::string& hint) {
  if (semicolons && p.find(',') != std::string::npos) {
    p.erase(std::remove(p.begin(), p.end(), '.'), p.end());
    std::replace(p.begin(), p.end(), ',', '.');
  } else if (semicolons) {
    const auto dot = p.find('.');
    if (dot != std::string::npos && p.size() - dot == 4 && p.find('.', dot + 1) == std::string::npos) {
      hint = "; with ';' between columns the decimal mark is ',' and '.' groups thousands: write 1234 or 1,234";
      return std::nullopt;
    }
  } else if (p.find(',') != std::string::npos) {
    hint = "; write the decimal comma as a '.' (or separate the columns with ';')";
  }
  if (p == "-") hint = "; '-' marks an hour without a published price (SMARD): choose a period with prices";
  char* end = nullptr;
  const double price = std::strtod(p.c_str(), &end);
  if (p.empty() || end == p.c_str() || *end != '\0' || !std::isfinite(price)) return std::nullopt;
  return price;
}

std::string accepted_price_units() {
  return "EUR/MWh, EUR/kWh, ct/kWh (euro cents), or USD, GBP, CHF, DKK, NOK, SEK, PLN, CZK, CNY, "
         "AUD, CAD, JPY per "
         "MWh or kWh with flex.price_exchange_rate (written e.g. price_eur_per_MWh, price "
         "[ct/kWh], EUR/MWh)";
}

std::optional<PriceColumns> recognise_layout(const std::vector<std::string>& h, const std::string& area,
                                             std::vector<HeaderProblem>& problems) {
  const std::string first = h.empty() ? "" : lower(h[0]);
  if (starts_with(first, "datum von") || (first == "datum" && h.size() > 1 && lower(h[1]) == "anfang")) {
    PriceColumns c;
    c.layout = first == "datum" ? PriceLayout::kSmardDateAndTime : PriceLayout::kSmard;
    c.name = "SMARD";
    c.count = h.size();
    if (first == "datum") c.clock = 1;
    return smard_layout(h, c, area, problems);
  }
  for (const auto& f : h) {
    const std::string l = lower(f);
    if (l == "hourutc" || l == "timeutc") return eds_layout(h, problems);
  }
  PriceColumns c;
  c.name = "time,price";
  if (h.size() != 2) {
    problems.push_back({-1, fmt::format("the header must have two columns, the time and the price with its unit "
                                        "(e.g. 'time_utc,price_eur_per_MWh'), or be a SMARD or Energi Data Service "
                                        "export; found {} column(s)",
                                        h.size())});
    return std::nullopt;
  }
  bool ok = generic_time_column(h[0], c, problems);
  const auto unit = parse_price_unit(h[1]);
  if (unit) {
    c.unit = *unit;
  } else {
    problems.push_back(
        {1, fmt::format("second column '{}': name the price's unit, one of {}", h[1], accepted_price_units())});
    ok = false;
  }
  if (ok && !area.empty()) {
    problems.push_back({-1, fmt::format("flex.price_area '{}' is given but this file has one price column: remove "
                                        "flex.price_area",
                                        area)});
    ok = false;
  }
  if (!ok) return std::nullopt;
  return c;
}

}  // namespace potline::flex

// Unit tests for core/units: the one unit parser (parse_unit, convert, parse_quantity).
// Every expected value is worked out by hand in the comment next to it.
#include <gtest/gtest.h>

#include <string>

#include "potline/core/units.hpp"

namespace test_units {

namespace pc = potline::core;
using pc::TemperatureKind;

namespace {

// Parses `text` and returns the value in `target`; fails the test on a parse error.
double q(const std::string& text, const std::string& default_unit, const std::string& target,
         TemperatureKind kind = TemperatureKind::kDifference) {
  const auto r = pc::parse_quantity(text, default_unit, target, kind);
  EXPECT_TRUE(r.ok()) << "'" << text << "' -> " << target << ": " << r.error;
  return r.value;
}

// The error text of a parse that must fail.
std::string err(const std::string& text, const std::string& default_unit, const std::string& target,
                TemperatureKind kind = TemperatureKind::kDifference) {
  const auto r = pc::parse_quantity(text, default_unit, target, kind);
  EXPECT_FALSE(r.ok()) << "'" << text << "' unexpectedly parsed as " << r.value;
  return r.error;
}

pc::Dimension dim(int m, int kg, int s, int a, int k = 0, int mol = 0, int usd = 0, int eur = 0) {
  return {m, kg, s, a, k, mol, usd, eur};
}

pc::Unit unit(const std::string& text) {
  const auto r = pc::parse_unit(text);
  EXPECT_TRUE(r.unit.has_value()) << text << ": " << r.error;
  EXPECT_EQ(r.error, "");
  return r.unit.value_or(pc::Unit{});
}

}  // namespace

// ---- quantities the design names -------------------------------------------------------------

TEST(Units, KiloampereToAmpere) {
  EXPECT_DOUBLE_EQ(q("600 kA", "kA", "A"), 6e5);
  EXPECT_DOUBLE_EQ(q("600kA", "kA", "A"), 6e5);      // no space
  EXPECT_DOUBLE_EQ(q("  600 kA  ", "kA", "A"), 6e5);  // surrounding blanks
  EXPECT_DOUBLE_EQ(q("0.6 MA", "kA", "A"), 6e5);
  EXPECT_DOUBLE_EQ(q("+600 kA", "kA", "kA"), 600.0);
}

TEST(Units, PlainNumberTakesTheDefaultUnit) {
  EXPECT_DOUBLE_EQ(q("600", "kA", "A"), 6e5);
  EXPECT_DOUBLE_EQ(q("4.5", "cm", "m"), 0.045);
  EXPECT_DOUBLE_EQ(q("960", "degC", "K", TemperatureKind::kAbsolute), 1233.15);
  EXPECT_DOUBLE_EQ(q("2.5", "wt%", "wt%"), 2.5);
  EXPECT_DOUBLE_EQ(q("1e3", "A", "kA"), 1.0);
  EXPECT_DOUBLE_EQ(q("7", "", "1"), 7.0);  // no default unit: dimensionless
}

TEST(Units, CelsiusAsAbsoluteTemperature) {
  // T_K = 960 + 273.15
  EXPECT_DOUBLE_EQ(q("960 degC", "degC", "K", TemperatureKind::kAbsolute), 1233.15);
  EXPECT_DOUBLE_EQ(q("960 \xC2\xB0" "C", "degC", "K", TemperatureKind::kAbsolute), 1233.15);  // °C
  EXPECT_DOUBLE_EQ(q("0 degC", "degC", "K", TemperatureKind::kAbsolute), 273.15);
  EXPECT_DOUBLE_EQ(q("-273.15 degC", "degC", "K", TemperatureKind::kAbsolute), 0.0);
}

TEST(Units, CelsiusAsTemperatureDifference) {
  // A superheat of 960 degC is a difference of 960 K: no offset.
  EXPECT_DOUBLE_EQ(q("960 degC", "degC", "K"), 960.0);
  EXPECT_DOUBLE_EQ(q("10 degC", "K", "K", TemperatureKind::kDifference), 10.0);
  // 18 degF of difference = 10 K.
  EXPECT_NEAR(q("18 degF", "K", "K"), 10.0, 1e-12);
}

TEST(Units, KelvinAbsolute) {
  EXPECT_DOUBLE_EQ(q("1233.15 K", "degC", "K", TemperatureKind::kAbsolute), 1233.15);
  // Into a degC field: 1233.15 - 273.15 = 960.
  EXPECT_NEAR(q("1233.15 K", "degC", "degC", TemperatureKind::kAbsolute), 960.0, 1e-9);
}

TEST(Units, FahrenheitAbsolute) {
  // (1760 + 459.67) * 5/9 = 2219.67 * 5/9 = 1233.15 K
  EXPECT_NEAR(q("1760 degF", "degC", "K", TemperatureKind::kAbsolute), 1233.15, 1e-9);
  EXPECT_NEAR(q("32 degF", "degC", "degC", TemperatureKind::kAbsolute), 0.0, 1e-9);
  EXPECT_NEAR(q("-459.67 degF", "degC", "K", TemperatureKind::kAbsolute), 0.0, 1e-9);
  // And back: 0 degC = 32 degF.
  const auto r = pc::convert(0.0, "degC", "degF", TemperatureKind::kAbsolute);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_NEAR(r.value, 32.0, 1e-9);
}

TEST(Units, Lengths) {
  EXPECT_DOUBLE_EQ(q("4.5 cm", "cm", "m"), 0.045);
  EXPECT_DOUBLE_EQ(q("45 mm", "cm", "cm"), 4.5);
  EXPECT_DOUBLE_EQ(q("0.045 m", "cm", "cm"), 4.5);
  EXPECT_DOUBLE_EQ(q("1 km", "m", "m"), 1000.0);
  EXPECT_DOUBLE_EQ(q("2 um", "m", "m"), 2e-6);
}

TEST(Units, CurrentDensity) {
  // 0.85 A / (0.01 m)^2 = 8500 A/m2
  EXPECT_DOUBLE_EQ(q("0.85 A/cm2", "A/cm2", "A/m2"), 8500.0);
  EXPECT_DOUBLE_EQ(q("0.85 A/cm^2", "A/cm2", "A/m2"), 8500.0);
  EXPECT_DOUBLE_EQ(q("0.85 A cm-2", "A/cm2", "A/m2"), 8500.0);
  EXPECT_DOUBLE_EQ(q("8500 A/m2", "A/cm2", "A/cm2"), 0.85);
}

TEST(Units, SpecificEnergy) {
  // 13.5 MWh/t = 13.5 * 3.6e9 J / 1000 kg = 4.86e7 J/kg
  EXPECT_DOUBLE_EQ(q("13.5 MWh/t", "kWh/kg", "J/kg"), 4.86e7);
  EXPECT_DOUBLE_EQ(q("13.5 MWh/t", "kWh/kg", "kWh/kg"), 13.5);
  EXPECT_DOUBLE_EQ(q("13.5 kWh/kg", "kWh/kg", "J/kg"), 4.86e7);
  const auto u = unit("kWh/kg");
  EXPECT_DOUBLE_EQ(u.factor, 3.6e6);
  EXPECT_EQ(u.dimension, dim(2, 0, -2, 0));
}

TEST(Units, MoneyIsNotScaledButEnergyIs) {
  EXPECT_DOUBLE_EQ(q("40 USD/MWh", "USD/MWh", "USD/MWh"), 40.0);
  EXPECT_DOUBLE_EQ(q("40 USD/MWh", "USD/MWh", "USD/kWh"), 0.04);
  // 40 USD per 3.6e9 J
  EXPECT_DOUBLE_EQ(q("40 USD/MWh", "USD/MWh", "USD/J"), 40.0 / 3.6e9);
  EXPECT_DOUBLE_EQ(q("40 USD", "USD", "USD"), 40.0);
  EXPECT_DOUBLE_EQ(q("2000 USD/t", "USD/t", "USD/kg"), 2.0);
  const auto u = unit("USD/MWh");
  EXPECT_EQ(u.dimension, dim(-2, -1, 2, 0, 0, 0, 1, 0));
}

TEST(Units, DollarsAndEurosDoNotMix) {
  EXPECT_EQ(err("40 USD/MWh", "EUR/MWh", "EUR/MWh"),
            "unit 'USD/MWh' (m^-2 kg^-1 s^2 USD) cannot be converted to 'EUR/MWh' "
            "(m^-2 kg^-1 s^2 EUR)");
  EXPECT_EQ(err("5 EUR", "USD", "USD"), "unit 'EUR' (EUR) cannot be converted to 'USD' (USD)");
}

TEST(Units, MoneyPrefixesAreRejected) {
  EXPECT_EQ(err("5 kUSD", "USD", "USD"),
            "unknown unit 'kUSD': the prefix 'k' cannot be used with 'USD' "
            "(money is never scaled; write the amount in USD)");
  EXPECT_EQ(err("5 MEUR", "EUR", "EUR"),
            "unknown unit 'MEUR': the prefix 'M' cannot be used with 'EUR' "
            "(money is never scaled; write the amount in EUR)");
  EXPECT_FALSE(pc::parse_unit("kUSD").unit.has_value());
}

TEST(Units, WeightPercent) {
  EXPECT_DOUBLE_EQ(q("3 wt%", "wt%", "wt%"), 3.0);
  EXPECT_DOUBLE_EQ(q("3wt%", "wt%", "wt%"), 3.0);
  EXPECT_DOUBLE_EQ(q("3 wt%", "wt%", "1"), 0.03);
  EXPECT_DOUBLE_EQ(q("0.03", "1", "wt%"), 3.0);
}

TEST(Units, PercentIsAFraction) {
  EXPECT_DOUBLE_EQ(q("95 %", "1", "1"), 0.95);
  EXPECT_DOUBLE_EQ(q("95%", "1", "1"), 0.95);
  EXPECT_DOUBLE_EQ(q("95 percent", "1", "1"), 0.95);
  EXPECT_DOUBLE_EQ(q("0.95", "1", "1"), 0.95);
  EXPECT_DOUBLE_EQ(q("250 ppm", "1", "1"), 2.5e-4);
  EXPECT_DOUBLE_EQ(q("0.95 -", "1", "1"), 0.95);
}

TEST(Units, TimeUnits) {
  EXPECT_DOUBLE_EQ(q("2 h", "s", "s"), 7200.0);
  EXPECT_DOUBLE_EQ(q("3 min", "s", "s"), 180.0);
  EXPECT_DOUBLE_EQ(q("1 d", "s", "h"), 24.0);
  EXPECT_DOUBLE_EQ(q("1 yr", "s", "day"), 365.25);
  EXPECT_DOUBLE_EQ(q("250 ms", "s", "s"), 0.25);
}

// ---- unit expressions ------------------------------------------------------------------------

TEST(ParseUnit, NegativeExponentWithCaret) {
  const auto u = unit("m^-2");
  EXPECT_DOUBLE_EQ(u.factor, 1.0);
  EXPECT_EQ(u.dimension, dim(-2, 0, 0, 0));
  const auto c = unit("cm^-2");
  EXPECT_DOUBLE_EQ(c.factor, 1e4);
  EXPECT_EQ(c.dimension, dim(-2, 0, 0, 0));
}

TEST(ParseUnit, NegativeExponentWithoutCaret) {
  const auto u = unit("s-1");
  EXPECT_DOUBLE_EQ(u.factor, 1.0);
  EXPECT_EQ(u.dimension, dim(0, 0, -1, 0));
  const auto h = unit("h-1");
  EXPECT_DOUBLE_EQ(h.factor, 1.0 / 3600.0);
  EXPECT_EQ(h.dimension, dim(0, 0, -1, 0));
  EXPECT_EQ(unit("1/s").dimension, dim(0, 0, -1, 0));
}

TEST(ParseUnit, ParenthesisedDenominator) {
  const auto u = unit("W/(m K)");
  EXPECT_DOUBLE_EQ(u.factor, 1.0);
  EXPECT_EQ(u.dimension, dim(1, 1, -3, 0, -1));  // m kg s^-3 K^-1
  EXPECT_FALSE(u.lone_temperature);
  EXPECT_EQ(unit("W/m/K").dimension, u.dimension);
  EXPECT_EQ(unit("W m-1 K-1").dimension, u.dimension);
  EXPECT_EQ(unit("W/(m*K)").dimension, u.dimension);
  EXPECT_EQ(unit("W/(m\xC2\xB7K)").dimension, u.dimension);  // middle dot
  EXPECT_EQ(pc::dimension_to_string(u.dimension), "m kg s^-3 K^-1");
}

TEST(ParseUnit, Density) {
  const auto u = unit("kg/m3");
  EXPECT_DOUBLE_EQ(u.factor, 1.0);
  EXPECT_EQ(u.dimension, dim(-3, 1, 0, 0));
  // 1 g/cm3 = 1e-3 kg / 1e-6 m3 = 1000 kg/m3
  EXPECT_DOUBLE_EQ(unit("g/cm3").factor, 1000.0);
  EXPECT_DOUBLE_EQ(q("2.1 g/cm3", "kg/m3", "kg/m3"), 2100.0);
}

TEST(ParseUnit, MicroOhmInAsciiAndUnicode) {
  const pc::Dimension ohm = dim(2, 1, -3, -2);
  const auto ascii = unit("uOhm");
  EXPECT_DOUBLE_EQ(ascii.factor, 1e-6);
  EXPECT_EQ(ascii.dimension, ohm);
  const auto micro_sign = unit("\xC2\xB5\xCE\xA9");  // µΩ (U+00B5, U+03A9)
  EXPECT_DOUBLE_EQ(micro_sign.factor, 1e-6);
  EXPECT_EQ(micro_sign.dimension, ohm);
  const auto greek_mu = unit("\xCE\xBC\xCE\xA9");  // μΩ (U+03BC, U+03A9)
  EXPECT_DOUBLE_EQ(greek_mu.factor, 1e-6);
  EXPECT_EQ(greek_mu.dimension, ohm);
  EXPECT_DOUBLE_EQ(q("3.5 uOhm", "Ohm", "Ohm"), 3.5e-6);
  EXPECT_DOUBLE_EQ(q("3.5 \xC2\xB5\xCE\xA9", "Ohm", "uOhm"), 3.5);
  EXPECT_DOUBLE_EQ(q("1 V/A", "Ohm", "Ohm"), 1.0);  // V/A is an ohm
}

TEST(ParseUnit, EmptyOneAndDashAreDimensionless) {
  for (const char* text : {"", "1", "-", "  "}) {
    const auto u = unit(text);
    EXPECT_DOUBLE_EQ(u.factor, 1.0) << text;
    EXPECT_EQ(u.dimension, dim(0, 0, 0, 0)) << text;
  }
}

TEST(ParseUnit, LoneTemperatureCarriesItsOffset) {
  const auto c = unit("degC");
  EXPECT_TRUE(c.lone_temperature);
  EXPECT_DOUBLE_EQ(c.absolute_offset_K, 273.15);
  const auto k = unit("K");
  EXPECT_TRUE(k.lone_temperature);
  EXPECT_DOUBLE_EQ(k.absolute_offset_K, 0.0);
  const auto f = unit("degF");
  EXPECT_TRUE(f.lone_temperature);
  EXPECT_DOUBLE_EQ(f.factor, 5.0 / 9.0);
  EXPECT_DOUBLE_EQ(f.absolute_offset_K, 459.67 * 5.0 / 9.0);
  EXPECT_FALSE(unit("K/s").lone_temperature);
  EXPECT_FALSE(unit("1/K").lone_temperature);
  EXPECT_FALSE(unit("K2").lone_temperature);
}

TEST(ParseUnit, DimensionToString) {
  EXPECT_EQ(pc::dimension_to_string(dim(0, 0, 0, 0)), "dimensionless");
  EXPECT_EQ(pc::dimension_to_string(unit("A/m2").dimension), "m^-2 A");
  EXPECT_EQ(pc::dimension_to_string(unit("V").dimension), "m^2 kg s^-3 A^-1");
  EXPECT_EQ(pc::dimension_to_string(unit("mol").dimension), "mol");
  EXPECT_EQ(pc::dimension_to_string(unit("EUR/t").dimension), "kg^-1 EUR");
}

// ---- errors ----------------------------------------------------------------------------------

TEST(UnitErrors, UnknownUnitSuggestsTheClosestPrefixedUnit) {
  EXPECT_EQ(err("4.5 cmm", "cm", "m"), "unknown unit 'cmm' (did you mean 'cm'?)");
  EXPECT_EQ(err("600 kAA", "kA", "A"), "unknown unit 'kAA' (did you mean 'kA'?)");
  EXPECT_EQ(err("960 degc", "degC", "K", TemperatureKind::kAbsolute),
            "unknown unit 'degc' (did you mean 'degC'?)");
  const auto r = pc::parse_unit("furlong");
  EXPECT_FALSE(r.unit.has_value());
  EXPECT_EQ(r.error, "unknown unit 'furlong'");
}

TEST(UnitErrors, DimensionMismatchNamesBothUnitsAndDimensions) {
  EXPECT_EQ(err("4 kA", "cm", "m"), "unit 'kA' (A) cannot be converted to 'm' (m)");
  EXPECT_EQ(err("4 kA", "cm", "cm"), "unit 'kA' (A) cannot be converted to 'cm' (m)");
  EXPECT_EQ(err("3 V", "A/cm2", "A/m2"),
            "unit 'V' (m^2 kg s^-3 A^-1) cannot be converted to 'A/m2' (m^-2 A)");
  EXPECT_EQ(err("95 %", "cm", "m"), "unit '%' (dimensionless) cannot be converted to 'm' (m)");
}

TEST(UnitErrors, NotANumber) {
  EXPECT_EQ(err("abc", "cm", "m"), "'abc' is not a number (expected e.g. \"4.5 cm\" or 4.5)");
  EXPECT_EQ(err("cm 4.5", "cm", "m"), "'cm 4.5' is not a number (expected e.g. \"4.5 cm\" or 4.5)");
}

TEST(UnitErrors, EmptyText) {
  EXPECT_EQ(err("", "cm", "m"), "empty value: expected a number, optionally with a unit");
  EXPECT_EQ(err("   ", "cm", "m"), "empty value: expected a number, optionally with a unit");
}

TEST(UnitErrors, NonFiniteNumbers) {
  EXPECT_EQ(err("nan", "cm", "m"), "'nan' is not a finite number");
  EXPECT_EQ(err("NaN cm", "cm", "m"), "'NaN cm' is not a finite number");
  EXPECT_EQ(err("inf", "cm", "m"), "'inf' is not a finite number");
  EXPECT_EQ(err("-inf kA", "kA", "A"), "'-inf kA' is not a finite number");
  EXPECT_EQ(err("1e400", "cm", "m"), "'1e400' is not a finite number");
}

TEST(UnitErrors, ConversionOverflowIsAnError) {
  // 1e308 kA = 1e311 A does not fit in a double.
  EXPECT_EQ(err("1e308 kA", "kA", "A"), "'1e+308 kA' is too large: it overflows when converted to 'A'");
  EXPECT_EQ(err("1e308", "kA", "A"), "'1e+308 kA' is too large: it overflows when converted to 'A'");
  const auto r = pc::convert(1e308, "MWh", "J");
  EXPECT_FALSE(r.ok());
}

TEST(UnitErrors, AHugeExponentIsRefusedNotWrapped) {
  // Found by the fuzzer (fuzz_schedule_csv): "MW0001778009262" multiplied W's integer dimension
  // by 1,778,009,262 and overflowed it.
  const auto r = pc::convert(1.0, "MW0001778009262", "W");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("exponent '0001778009262' in unit 'MW0001778009262' is outside -12 to 12"), std::string::npos)
      << r.error;
  EXPECT_FALSE(pc::parse_unit("m99999999999999999999").unit.has_value());
  EXPECT_DOUBLE_EQ(q("1 m3", "m3", "m3"), 1.0);
  EXPECT_DOUBLE_EQ(q("1 m^-12", "m^-12", "m^-12"), 1.0);
}

TEST(UnitErrors, AScaleFactorBeyondADoubleIsRefusedNotInfiniteOrZero) {
  // A sibling of the huge exponent (found by reading, not by the fuzzer): each term is in range, but
  // TWh^12 = (3.6e15 J)^12 = 4.7e186, squared, overflows to infinity, and pg^12 = (1e-15 kg)^12 =
  // 1e-180, squared, underflows to 0: a value in "pg12 pg12 / pg12 / pg12" (dimensionless) became 0.
  const auto inf = pc::convert(1.0, "TWh12 TWh12 / TWh12 / TWh12", "1");
  EXPECT_FALSE(inf.ok());
  EXPECT_EQ(inf.error,
            "unit 'TWh12 TWh12 / TWh12 / TWh12' scales by a factor outside 1e-300 to 1e300 (near the range of a "
            "double): write it with smaller prefixes or powers");
  EXPECT_FALSE(pc::parse_quantity("3 pg12 pg12 / pg12 / pg12", "1", "1").ok());
  EXPECT_FALSE(pc::parse_unit("pm12 pm12 pm12").unit.has_value());
  // The largest single terms still work: 3.6^12 = 4,738,381.3.
  EXPECT_NEAR(pc::parse_unit("TWh12").unit->factor / 4.7383813e186, 1.0, 1e-6);
  EXPECT_NEAR(q("2 pg12 / pg12", "1", "1"), 2.0, 1e-12);
}

TEST(UnitErrors, AbsoluteTemperatureNeedsAPlainUnit) {
  EXPECT_EQ(err("960 degC m/m", "degC", "K", TemperatureKind::kAbsolute),
            "an absolute temperature needs a plain temperature unit (degC, K or degF), not "
            "'degC m/m'");
  // The same compound unit is fine for a temperature difference.
  EXPECT_DOUBLE_EQ(q("10 degC m/m", "K", "K"), 10.0);
  // A temperature rate is not a temperature.
  EXPECT_EQ(err("5 K/s", "degC", "K", TemperatureKind::kAbsolute),
            "unit 'K/s' (s^-1 K) cannot be converted to 'K' (K)");
}

TEST(UnitErrors, TemperaturesAreNotPrefixed) {
  EXPECT_FALSE(pc::parse_unit("mK").unit.has_value());
  EXPECT_FALSE(pc::parse_unit("kdegC").unit.has_value());
}

TEST(UnitErrors, BadTargetUnitIsAnInternalError) {
  const auto r = pc::convert(1.0, "m", "furlong");
  EXPECT_EQ(r.error, "internal: bad target unit 'furlong': unknown unit 'furlong'");
}

// User trial T8-14: the US Midwest premium is quoted in US cents per lb; 20 USc/lb is
// 0.20 USD / 0.45359237 kg = 0.44092 USD/kg = 440.92 USD/t (the pound exact, [NIST SP 811]).
TEST(Units, UsCentsPerPoundIsAPrice) {
  EXPECT_NEAR(q("20 USc/lb", "USD/t", "USD/kg"), 0.20 / 0.45359237, 1e-12);
  EXPECT_NEAR(q("1 USD/lb", "USD/t", "USD/t"), 1000 / 0.45359237, 1e-9);
  EXPECT_FALSE(
      err("20 USc/lb", "EUR/t", "EUR/t").empty());  // money is not converted between currencies
}

// User trial T16-15: parentheses were dropped, so "USD/(t/yr)" (the unit of a capital cost per t/yr of
// capacity) read as USD/t/yr, with the time in the denominator. A group takes the sign of its place and
// has its own '/'; "W/m/K" keeps every term after a '/' in the denominator.
TEST(Units, ParenthesesGroupADenominator) {
  EXPECT_EQ(unit("USD/(t/yr)").dimension, dim(0, -1, 1, 0, 0, 0, 1));
  EXPECT_EQ(unit("USD/t/yr").dimension, dim(0, -1, -1, 0, 0, 0, 1));
  EXPECT_EQ(unit("W/(m K)").dimension, unit("W/m/K").dimension);
  EXPECT_EQ(unit("(kg/m3)").dimension, unit("kg/m3").dimension);
  EXPECT_EQ(unit("W/(m2*K)").dimension, dim(0, 1, -3, 0, -1));
  // 1 USD/(t/yr) is 1 USD yr / t: 31557600 s / 1000 kg (the Julian year of 'yr').
  EXPECT_NEAR(unit("USD/(t/yr)").factor, unit("yr").factor / 1000.0, 1e-9);
}

// User trial T16-19: `fleet.restart_lead_time="0.75 year"` got "unknown unit 'year' (did you mean
// 'yr'?)" and "9 months" an unknown unit; "270 d" was accepted.
TEST(Units, YearsMonthsAndDaysInWords) {
  EXPECT_DOUBLE_EQ(q("0.75 year", "yr", "yr"), 0.75);
  EXPECT_DOUBLE_EQ(q("2 years", "yr", "yr"), 2.0);
  EXPECT_DOUBLE_EQ(q("9 months", "yr", "yr"), 0.75);
  EXPECT_DOUBLE_EQ(q("1 month", "d", "d"), 365.25 / 12.0);
  EXPECT_DOUBLE_EQ(q("270 days", "d", "d"), 270.0);
}

}  // namespace test_units

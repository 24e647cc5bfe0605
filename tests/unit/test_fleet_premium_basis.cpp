// The basis of a region's premium (data/fleet-regions.toml `premium_basis`, user trial 13, T13-14):
// published (a named benchmark), estimate or none; what it defaults to and the input errors.
#include <gtest/gtest.h>

#include <string>

#include "potline/fleet/dataset.hpp"

namespace test_fleet_premium_basis {

using namespace potline;
using namespace potline::fleet;

namespace {

RegionTable parse(const std::string& premium_lines, core::Diagnostics& d) {
  const std::string text =
      "price_year = 2024\n[freight]\ndefault = \"80 USD/t\"\n"
      "[[region]]\nid = \"usa\"\ndemand = \"1 Mt/yr\"\nwage = \"1 USD/yr\"\nemployees_per_kt = 1\nother = 1\n"
      "anode = 1\nalf3 = 1\ngrid_emission_factor = \"0.25 t/MWh\"\npower = { grid = \"70 USD/MWh\" }\n" +
      premium_lines;
  return RegionTable::parse(text, "regions.toml", d);
}

}  // namespace

TEST(fleet_premium_basis, OnlyABenchmarkIsAPublishedFigure) {
  struct Case {
    std::string lines;
    PremiumBasis basis;
    bool published;
  };
  const Case cases[] = {
      {"premium = \"430 USD/t\"\npremium_benchmark = \"US Midwest\"\n", PremiumBasis::kPublished, true},
      {"premium = \"430 USD/t\"\n", PremiumBasis::kEstimate, false},  // no benchmark: an estimate
      {"premium = \"0 USD/t\"\n", PremiumBasis::kNone, false},
      {"", PremiumBasis::kNone, false},
      {"premium = \"100 USD/t\"\npremium_basis = \"estimate\"\n", PremiumBasis::kEstimate, false},
      {"premium = \"0 USD/t\"\npremium_basis = \"none\"\n", PremiumBasis::kNone, false},
      {"premium = \"155 USD/t\"\npremium_benchmark = \"MJP\"\npremium_basis = \"published\"\n", PremiumBasis::kPublished,
       true},
  };
  for (const Case& c : cases) {
    core::Diagnostics d;
    const RegionTable t = parse(c.lines, d);
    ASSERT_FALSE(d.has_errors()) << c.lines << d.to_string();
    const Region& r = t.regions.at(0);
    EXPECT_EQ(r.premium_basis, c.basis) << c.lines;
    EXPECT_EQ(r.published_premium_usd_per_kg().has_value(), c.published) << c.lines;
    if (c.published) {
      EXPECT_DOUBLE_EQ(*r.published_premium_usd_per_kg(), r.premium_usd_per_kg) << c.lines;
    }
  }
  EXPECT_STREQ(to_string(PremiumBasis::kPublished), "published");
  EXPECT_STREQ(to_string(PremiumBasis::kEstimate), "estimate");
  EXPECT_STREQ(to_string(PremiumBasis::kNone), "none");
}

TEST(fleet_premium_basis, ABasisThatContradictsTheTableIsAnInputError) {
  const std::pair<const char*, const char*> cases[] = {
      {"premium = \"430 USD/t\"\npremium_basis = \"published\"\n", "\"published\" needs premium_benchmark"},
      {"premium = \"430 USD/t\"\npremium_benchmark = \"US Midwest\"\npremium_basis = \"estimate\"\n",
       "a premium_benchmark is given: the basis is \"published\""},
      {"premium = \"100 USD/t\"\npremium_basis = \"none\"\n", "\"none\" is a premium of 0 USD/t"},
      {"premium = \"100 USD/t\"\npremium_basis = \"guess\"\n", "'guess': write \"published\", \"estimate\" or \"none\""},
  };
  for (const auto& [lines, message] : cases) {
    core::Diagnostics d;
    parse(lines, d);
    const std::string s = d.to_string();
    EXPECT_TRUE(d.has_errors()) << lines;
    EXPECT_NE(s.find(message), std::string::npos) << s;
    EXPECT_NE(s.find("regions.toml:"), std::string::npos) << s;
    EXPECT_NE(s.find("premium_basis"), std::string::npos) << s;
  }
}

}  // namespace test_fleet_premium_basis

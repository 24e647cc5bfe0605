// CBAM formula and schedule against hand computations (Regulation (EU) 2023/956 Art. 31, Art. 9).
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/policy/cbam.hpp"

namespace test_cbam {

using namespace potline;
using namespace potline::policy;

namespace {
const CbamSchedule& schedule() {
  static const CbamSchedule s = [] {
    core::Diagnostics d;
    auto x = CbamSchedule::load(cell::default_data_dir() + "/cbam.toml", d);
    EXPECT_FALSE(d.has_errors()) << d.to_string();
    return x;
  }();
  return s;
}
}  // namespace

TEST(cbam, ScheduleLoadsEveryYear) {
  const auto& s = schedule();
  EXPECT_DOUBLE_EQ(s.factor[0], 0.975);  // 2026
  EXPECT_DOUBLE_EQ(s.factor[4], 0.515);  // 2030
  EXPECT_DOUBLE_EQ(s.factor[8], 0.0);    // 2034
  EXPECT_DOUBLE_EQ(s.default_markup[0], 0.10);
  EXPECT_DOUBLE_EQ(s.default_markup[1], 0.20);
  EXPECT_DOUBLE_EQ(s.default_markup[2], 0.30);
  EXPECT_DOUBLE_EQ(s.benchmark_primary_t_per_t, 1.423);
  ASSERT_NE(s.default_for("CHN"), nullptr);
  EXPECT_EQ(s.default_for("XYZ"), nullptr);
  for (double f : s.factor) EXPECT_TRUE(f >= 0.0 && f <= 1.0);
}

TEST(cbam, ActualRoute2030) {
  // SEE 2.0 t/t, 2030: FAA = 1.423 × 0.515 × 1 = 0.732845; certificates = 1.267155; × 80 EUR = 101.3724 EUR/t.
  CbamInputs in;
  in.year = 2030;
  in.see_direct_t_per_t = 2.0;
  in.eua_price_eur_per_t = 80.0;
  in = with_schedule(in, schedule());
  const CbamResult r = cbam_cost(in);
  EXPECT_NEAR(r.free_allocation_adjustment_t_per_t, 0.732845, 1e-9);
  EXPECT_NEAR(r.certificates_per_t, 1.267155, 1e-9);
  EXPECT_NEAR(r.cost_eur_per_t, 101.3724, 1e-6);
}

TEST(cbam, OriginCarbonPriceIsDeducted) {
  // 2034 (factor 0): SEE 2.0, EUA 80, paid 20 EUR/t → deduction 2.0 × 20/80 = 0.5; certificates 1.5; 120 EUR/t.
  CbamInputs in;
  in.year = 2034;
  in.see_direct_t_per_t = 2.0;
  in.eua_price_eur_per_t = 80.0;
  in.carbon_price_paid_eur_per_t = 20.0;
  in = with_schedule(in, schedule());
  const CbamResult r = cbam_cost(in);
  EXPECT_NEAR(r.certificates_per_t, 1.5, 1e-12);
  EXPECT_NEAR(r.cost_eur_per_t, 120.0, 1e-9);
}

TEST(cbam, DefaultRouteWithMarkupAndNoNegativeCertificates) {
  // China default 3.0 t/t, 2028 mark-up 30 % → 3.9; FAA 1.423 × 0.90 = 1.2807; certificates 2.6193.
  const double see = marked_up_default(schedule().default_for("CHN")->direct_t_co2e_per_t, schedule().default_markup[2]);
  EXPECT_NEAR(see, 3.9, 1e-12);
  CbamInputs in;
  in.year = 2028;
  in.see_direct_t_per_t = see;
  in.eua_price_eur_per_t = 80.0;
  in = with_schedule(in, schedule());
  EXPECT_NEAR(cbam_cost(in).certificates_per_t, 2.6193, 1e-9);
  // A very clean producer in 2026 owes nothing (never negative): SEE 1.0 < FAA 1.387425.
  in.year = 2026;
  in.see_direct_t_per_t = 1.0;
  in = with_schedule(in, schedule());
  EXPECT_EQ(cbam_cost(in).certificates_per_t, 0.0);
}

// The CBAM does not end with free allocation ([EU 2023/956] has no end date): years after 2034, to
// the horizon bound 2050, take the 2034 row (no free-allocation adjustment: certificates for the full
// SEE less the origin price). `potline cbam --year 2035` used to be refused while fleet paths ran on.
TEST(cbam, YearsAfterTheScheduleTakeThe2034RowUpTo2050) {
  EXPECT_FALSE(cbam_year_valid(2025));
  EXPECT_TRUE(cbam_year_valid(2026));
  EXPECT_TRUE(cbam_year_valid(2034));
  EXPECT_TRUE(cbam_year_valid(2035));
  EXPECT_TRUE(cbam_year_valid(2050));
  EXPECT_FALSE(cbam_year_valid(2051));
  EXPECT_EQ(cbam_schedule_index(2026), 0);
  EXPECT_EQ(cbam_schedule_index(2034), 8);
  EXPECT_EQ(cbam_schedule_index(2040), 8);
  // SEE 2.0, EUA 80, nothing paid at origin: 2 certificates, 160 EUR/t, in 2034 as in 2045.
  for (const int year : {2034, 2045}) {
    CbamInputs in;
    in.year = year;
    in.see_direct_t_per_t = 2.0;
    in.eua_price_eur_per_t = 80.0;
    in = with_schedule(in, schedule());
    EXPECT_EQ(in.cbam_factor, 0.0) << year;
    EXPECT_DOUBLE_EQ(cbam_cost(in).certificates_per_t, 2.0) << year;
    EXPECT_DOUBLE_EQ(cbam_cost(in).cost_eur_per_t, 160.0) << year;
  }
}

// Norway, Iceland, Liechtenstein (EEA, in the EU ETS) and Switzerland (ETS linked) are outside the
// CBAM's scope ([EU 2023/956] Annex III): asking for their default value says so instead of
// suggesting another country (NOR got "did you mean 'BHR'?", ISL 'IND', LIE 'ARE').
TEST(cbam, ExemptCountriesAreSaidToBeOutsideTheScopeNotMisspelt) {
  for (const char* iso3 : {"NOR", "ISL", "LIE"}) {
    const std::string m = no_default_message(schedule(), iso3);
    EXPECT_EQ(m.find("CBAM does not apply to imports from " + std::string(iso3) + " ("), 0u) << m;
    EXPECT_NE(m.find("EEA state, in the EU ETS; [EU 2023/956] Annex III"), std::string::npos) << m;
    EXPECT_EQ(m.find("did you mean"), std::string::npos) << m;
  }
  EXPECT_NE(no_default_message(schedule(), "NOR").find("(Norway: "), std::string::npos);
  EXPECT_NE(no_default_message(schedule(), "CHE").find("(Switzerland: its ETS is linked to the EU ETS"), std::string::npos);
  EXPECT_EQ(schedule().default_for("NOR"), nullptr);
  const std::string other = no_default_message(schedule(), "CHM");
  EXPECT_NE(other.find("no CBAM default value for 'CHM' in data/cbam.toml (has: CHN, ARE"), std::string::npos) << other;
  EXPECT_NE(other.find("did you mean 'CHN'?"), std::string::npos) << other;
}

// One spelling of the default route everywhere (potline cbam, smelter, fleet).
TEST(cbam, DefaultRouteLabelIsHumanReadable) { EXPECT_EQ(default_route_label("ARE"), "default (ARE)"); }
}  // namespace test_cbam

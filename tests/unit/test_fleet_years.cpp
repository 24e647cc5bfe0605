// Scenario years and paths (docs/model/fleet.md, "Years and paths"): the capacity pipeline, the
// dated trade measures, the price and demand paths, and their input errors (messages asserted).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_years {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;

const plant::SmelterData& data() {
  return potline::testing::shipped_smelter_data();
}

fleet::RegionTable regions() {
  core::Diagnostics d;
  return fleet::RegionTable::load(cell::default_data_dir() + "/fleet-regions.toml", d);
}

std::vector<fleet::SmelterRecord> rows() {
  core::Diagnostics d;
  return fleet::load_smelters(cell::default_data_dir() + "/smelters.csv", d);
}

std::string errors_of_pipeline(const std::string& text) {
  core::Diagnostics d;
  fleet::parse_pipeline(text, "p.toml", regions(), rows(), d);
  return d.to_string();
}

fleet::FleetCase path_case(const std::vector<std::string>& sets = {}) {
  core::Diagnostics d;
  fleet::FleetCase c =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                             cell::default_data_dir(), data(), d, sets);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return c;
}

int smelter_index(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST(fleet_years, ShippedTimeDataReadsWithoutErrors) {
  core::Diagnostics d;
  const std::string dir = cell::default_data_dir();
  EXPECT_FALSE(fleet::load_pipeline(dir + "/fleet-pipeline.toml", regions(), rows(), d).empty());
  EXPECT_FALSE(fleet::load_sanctions(dir + "/fleet-sanctions.toml", regions(), d).empty());
  EXPECT_FALSE(fleet::load_paths(dir + "/fleet-paths.toml", regions(), d).empty());
  EXPECT_FALSE(d.has_errors()) << d.to_string();
}

TEST(fleet_years, ProjectWithoutYearOrSourceIsAnError) {
  const std::string e =
      errors_of_pipeline("[[project]]\nid = \"x\"\nkind = \"closure\"\nsmelter = \"eu-kubal\"\n");
  EXPECT_NE(e.find("project 'x': required: year, the first year of the change"), std::string::npos)
      << e;
  EXPECT_NE(e.find("project 'x': required: the source of the project and its date"),
            std::string::npos)
      << e;
}

TEST(fleet_years, ProjectNamingAnUnknownSmelterOrKindIsAnError) {
  const std::string e = errors_of_pipeline(
      "[[project]]\nid = \"x\"\nkind = \"restart\"\nsmelter = \"eu-kubbal\"\nyear = 2027\nsource = "
      "\"s\"\n"
      "[[project]]\nid = \"y\"\nkind = \"reopen\"\nsmelter = \"eu-kubal\"\nyear = 2027\nsource = "
      "\"s\"\n");
  EXPECT_NE(e.find("unknown smelter 'eu-kubbal'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'eu-kubal'"), std::string::npos) << e;
  EXPECT_NE(e.find("kind 'reopen': expected new, restart, expansion, closure or curtailment"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("p.toml:4:"), std::string::npos) << e;  // located
}

// A dated status change (curtailment, restart by date): a date and a source are required, the
// smelter must be a dataset id, a date only for a curtailment or a restart, not with a year, and a
// partial curtailment keeps less than the row's capacity. Each error located (file:line:col).
TEST(fleet_years, DatedEventWithoutDateOrSourceOrWithAnUnknownSmelterIsAnError) {
  const std::string e = errors_of_pipeline(
      "[[project]]\nid = \"a\"\nkind = \"curtailment\"\nsmelter = \"eu-nordural\"\n"
      "[[project]]\nid = \"b\"\nkind = \"curtailment\"\nsmelter = \"eu-nordurall\"\n"
      "date = 2025-10-21\nsource = \"s\"\n"
      "[[project]]\nid = \"c\"\nkind = \"closure\"\nsmelter = \"eu-kubal\"\ndate = "
      "2027-01-01\nsource = \"s\"\n"
      "[[project]]\nid = \"d\"\nkind = \"restart\"\nsmelter = \"eu-nordural\"\nyear = "
      "2026\ndate = 2026-06-15\nsource = \"s\"\n"
      "[[project]]\nid = \"e\"\nkind = \"curtailment\"\nsmelter = \"eu-nordural\"\ndate = "
      "2025-10-21\ncapacity = \"400 kt/yr\"\nsource = \"s\"\n"
      "[[project]]\nid = \"f\"\nkind = \"curtailment\"\nsmelter = \"eu-nordural\"\ndate = "
      "\"October 2025\"\nsource = \"s\"\n");
  EXPECT_NE(e.find("'date': project 'a': required: date, the day the curtailment "
                   "takes effect (YYYY-MM-DD)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("project 'a': required: the source of the project and its date"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("p.toml:8:11: error: 'smelter': unknown smelter 'eu-nordurall'"), std::string::npos)
      << e;
  EXPECT_NE(e.find("did you mean 'eu-nordural'"), std::string::npos) << e;
  EXPECT_NE(e.find("project 'c': only a curtailment or a restart takes a date"), std::string::npos)
      << e;
  EXPECT_NE(e.find("project 'd': give date or year, not both"), std::string::npos) << e;
  EXPECT_NE(e.find("project 'e': a curtailment's capacity is the part still running, below the "
                   "row's 320.0 kt/yr"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("project 'f': date must be a date (YYYY-MM-DD)"), std::string::npos) << e;
}

// The dated curtailments and restarts of one row, in time order from its 2024 status, must each move
// the capacity running the right way (src/fleet/dated_status.cpp).
TEST(fleet_years, DatedStatusStepsThatDoNotFitTheRowAreErrors) {
  const std::string e = errors_of_pipeline(
      // Nordural (320 kt/yr): a restart above the row's capacity
      "[[project]]\nid = \"a\"\nkind = \"curtailment\"\nsmelter = \"eu-nordural\"\ndate = "
      "2025-10-21\ncapacity = \"107 kt/yr\"\nsource = \"s\"\n"
      "[[project]]\nid = \"b\"\nkind = \"restart\"\nsmelter = \"eu-nordural\"\ndate = "
      "2026-06-15\ncapacity = \"400 kt/yr\"\nsource = \"s\"\n"
      // Kubal operates in 2024: a restart needs an earlier curtailment
      "[[project]]\nid = \"c\"\nkind = \"restart\"\nsmelter = \"eu-kubal\"\ndate = "
      "2026-01-01\nsource = \"s\"\n"
      // Sunndal (360 kt/yr): a second curtailment that raises, a restart that lowers (listed out
      // of time order: the check sorts by date)
      "[[project]]\nid = \"f\"\nkind = \"restart\"\nsmelter = \"eu-sunndal\"\ndate = "
      "2027-01-01\ncapacity = \"150 kt/yr\"\nsource = \"s\"\n"
      "[[project]]\nid = \"d\"\nkind = \"curtailment\"\nsmelter = \"eu-sunndal\"\ndate = "
      "2025-01-01\ncapacity = \"100 kt/yr\"\nsource = \"s\"\n"
      "[[project]]\nid = \"e\"\nkind = \"curtailment\"\nsmelter = \"eu-sunndal\"\ndate = "
      "2026-01-01\ncapacity = \"200 kt/yr\"\nsource = \"s\"\n"
      // San Ciprian is curtailed in 2024: nothing runs to curtail
      "[[project]]\nid = \"g\"\nkind = \"curtailment\"\nsmelter = \"eu-san-ciprian\"\ndate = "
      "2025-01-01\ncapacity = \"100 kt/yr\"\nsource = \"s\"\n");
  EXPECT_NE(e.find("p.toml:8:1: error: 'capacity': project 'b' (eu-nordural): a restart to 400.0 kt/yr, "
                   "above the row's 320.0 kt/yr (allowed: 0 < capacity <= 320.0 kt/yr"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("'date': project 'c' (eu-kubal): a restart before any curtailment of the row, which "
                   "operates in 2024"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("'capacity': project 'e' (eu-sunndal): a curtailment to 200.0 kt/yr, while 100.0 "
                   "kt/yr run after project 'd' (allowed: below 100.0 kt/yr"),
            std::string::npos)
      << e;
  // After 'e' (an error, which leaves 100 kt/yr running) the restart 'f' to 150 kt/yr raises it.
  EXPECT_EQ(e.find("project 'f'"), std::string::npos) << e;
  EXPECT_NE(e.find("'date': project 'g' (eu-san-ciprian): a curtailment of a row stopped at that date"),
            std::string::npos)
      << e;
  // A restart that does not raise what runs.
  const std::string lower = errors_of_pipeline(
      "[[project]]\nid = \"d\"\nkind = \"curtailment\"\nsmelter = \"eu-sunndal\"\ndate = "
      "2025-01-01\ncapacity = \"100 kt/yr\"\nsource = \"s\"\n"
      "[[project]]\nid = \"h\"\nkind = \"restart\"\nsmelter = \"eu-sunndal\"\ndate = "
      "2026-01-01\ncapacity = \"80 kt/yr\"\nsource = \"s\"\n");
  EXPECT_NE(lower.find("'capacity': project 'h' (eu-sunndal): a restart to 80.0 kt/yr, while 100.0 kt/yr "
                       "already run after project 'd' (a restart raises the capacity running)"),
            std::string::npos)
      << lower;
}

// Germany (data/fleet-pipeline.toml): Trimet's three plants at 40 % from 2023 ([FAZ Speira 2023],
// the split an estimate), a linear ramp from 1 January 2024 to full capacity by mid-2025 (Voerde: the
// start of Q4 2025; [Recycling Magazin 2025]) weighed as a step at its midpoint in each year; the
// Rheinwerk idle in 2024 ([Speira Rheinwerk 2023]). A check of the file and the time weights (the
// figures recompute them), not an independent validation. A head count estimated from the region's
// employees per kt follows the capacity in force; a published one (Mount Holly's 465) does not.
TEST(fleet_years, GermanPlantsRunTheirDatedPartIn2024) {
  const fleet::FleetCase c = path_case();
  const auto kt_in = [](const fleet::FleetCase& y, const std::string& id) {
    const int i = smelter_index(y, id);
    return i < 0 ? -1.0 : y.model.smelters[static_cast<std::size_t>(i)].inputs.capacity_kg_per_s * kToMt * 1e3;
  };
  const auto kt = [&](int year, const std::string& id) { return kt_in(fleet::case_for_year(c, year, nullptr), id); };
  const double h1 = 182 / 366.0;  // share of 2024 before 1 July (leap year)
  EXPECT_NEAR(kt(2024, "eu-trimet-essen"), 66.0 * h1 + 132.0 * (1 - h1), 1e-6);
  EXPECT_NEAR(kt(2024, "eu-trimet-hamburg"), 54.0 * h1 + 108.0 * (1 - h1), 1e-6);
  EXPECT_NEAR(kt(2024, "eu-trimet-voerde"), 38.0 * h1 + 70.6 * (1 - h1), 1e-6);
  EXPECT_NEAR(kt(2023, "eu-trimet-essen"), 66.0, 1e-6);
  EXPECT_NEAR(kt(2025, "eu-trimet-essen"), 132.0 * 90 / 365.0 + 165.0 * 275 / 365.0, 1e-6);  // from 1 April
  EXPECT_NEAR(kt(2025, "eu-trimet-voerde"), 70.6 * 136 / 365.0 + 95.0 * 229 / 365.0, 1e-6);  // from 17 May
  EXPECT_NEAR(kt(2026, "eu-trimet-hamburg"), 135.0, 1e-6);
  const fleet::FleetCase y2024 = fleet::case_for_year(c, 2024, nullptr);
  EXPECT_LT(kt_in(y2024, "eu-rheinwerk"), 0.0);  // idle in 2024: not in the case
  const auto& essen = y2024.model.smelters[static_cast<std::size_t>(smelter_index(y2024, "eu-trimet-essen"))];
  const auto& essen_nameplate = c.model.smelters[static_cast<std::size_t>(smelter_index(c, "eu-trimet-essen"))];
  ASSERT_TRUE(essen.employees_estimated);
  EXPECT_NEAR(essen_nameplate.inputs.employees, 412.0, 0.5);  // 2.5 per kt x 165 kt (rounded)
  EXPECT_NEAR(essen.inputs.employees, essen_nameplate.inputs.employees * kt_in(y2024, "eu-trimet-essen") / 165.0, 0.5);
  EXPECT_EQ(essen.inputs.employees, std::round(essen.inputs.employees));  // whole people, as the export writes them
  const int holly = smelter_index(y2024, "us-mount-holly");
  ASSERT_GE(holly, 0);
  EXPECT_NEAR(y2024.model.smelters[static_cast<std::size_t>(holly)].inputs.employees, 465.0, 1e-9);
}

// Dated status (data/fleet-pipeline.toml): the dataset holds each row's 2024 status and later changes
// are dated events, each acting on the time-weighted mean of its year. Nordural ran its published
// 2024 output, 308,335 t ([Nordural 2024]; a curtailment dated 1 January 2024 and its 320 kt/yr again
// from 1 January 2025, since 2026-12-05: 320 in 2024 before), lost one
// potline (two thirds of its output) on 21 October 2025 and is back by mid-2026 (the ramp from the
// end of April to the end of July weighed at its midpoint); Lista runs two of its three lines since
// 30 August 2022; Qatalum runs at about 60 % from 3 March 2026. The expected figures recompute the
// time weights by hand (a check of the arithmetic and the file, not an independent validation).
TEST(fleet_years, DatedCurtailmentsAndRestartsSetTheYearsCapacity) {
  const fleet::FleetCase c = path_case();
  const auto kt = [&](int year, const std::string& id) {
    const fleet::FleetCase y = fleet::case_for_year(c, year, nullptr);
    const int i = smelter_index(y, id);
    return i < 0 ? -1.0
                 : y.model.smelters[static_cast<std::size_t>(i)].inputs.capacity_kg_per_s * kToMt *
                       1e3;
  };
  const double third = 320.0 - 107.0;  // kt/yr stopped by the failure
  EXPECT_NEAR(kt(2024, "eu-nordural"), 308.335, 1e-6);
  EXPECT_NEAR(kt(2024, "eu-fjardaal"), 340.826, 1e-6);  // [Fjardaal 2024]
  EXPECT_NEAR(kt(2025, "eu-fjardaal"), 344.0, 1e-6);
  EXPECT_NEAR(kt(2025, "eu-nordural"), 320.0 - third * (365 - 293) / 365.0, 1e-6);  // from day 294
  EXPECT_NEAR(kt(2026, "eu-nordural"), 320.0 - third * 165 / 365.0, 1e-6);  // to 15 June
  EXPECT_NEAR(kt(2027, "eu-nordural"), 320.0, 1e-6);
  EXPECT_NEAR(kt(2024, "eu-lista"), 63.0, 1e-6);
  EXPECT_NEAR(kt(2035, "eu-lista"), 63.0, 1e-6);
  EXPECT_NEAR(kt(2025, "gcc-qatalum"), 636.0, 1e-6);
  EXPECT_NEAR(kt(2026, "gcc-qatalum"), 636.0 - (636.0 - 381.6) * (365 - 61) / 365.0, 1e-6);
  EXPECT_NEAR(kt(2024, "us-mount-holly"), 172.5, 1e-6);
  EXPECT_NEAR(kt(2026, "us-mount-holly"), 172.5 + 50.0 * (365 - 90) / 365.0, 1e-6);
  EXPECT_NEAR(kt(2027, "us-mount-holly"), 222.5, 1e-6);
}

// A row stopped whole by a dated curtailment is out of the years it is stopped and pays its restart
// when it comes back (it did not run the year before).
TEST(fleet_years, RowStoppedWholeByADatedCurtailmentRestartsStopped) {
  core::Diagnostics d;
  fleet::FleetCase c = path_case();
  c.pipeline = fleet::parse_pipeline(
      "[[project]]\nid = \"a\"\nkind = \"curtailment\"\nsmelter = \"eu-nordural\"\ndate = "
      "2025-01-01\nsource = \"s\"\n"
      "[[project]]\nid = \"b\"\nkind = \"restart\"\nsmelter = \"eu-nordural\"\ndate = "
      "2027-07-02\nsource = \"s\"\n",
      "p.toml", regions(), rows(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_GE(smelter_index(fleet::case_for_year(c, 2024, nullptr), "eu-nordural"), 0);
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2025, nullptr), "eu-nordural"), 0);
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2026, nullptr), "eu-nordural"), 0);
  const fleet::RanLastYear ran = {{"eu-kubal", true}};
  const fleet::FleetCase y2027 = fleet::case_for_year(c, 2027, &ran);
  const int i = smelter_index(y2027, "eu-nordural");
  ASSERT_GE(i, 0);
  EXPECT_FALSE(y2027.model.smelters[static_cast<std::size_t>(i)].running);
  EXPECT_NEAR(y2027.model.smelters[static_cast<std::size_t>(i)].inputs.capacity_kg_per_s * kToMt,
              0.320 * (365 - 182) / 365.0, 1e-9);
}

TEST(fleet_years, NewProjectNeedsCapacityAndAKnownRegion) {
  const std::string e = errors_of_pipeline(
      "[[project]]\nid = \"x\"\nkind = \"new\"\nyear = 2028\nsource = \"s\"\ncountry = "
      "\"USA\"\nregion = \"usaa\"\n"
      "power_source = \"grid\"\n");
  EXPECT_NE(e.find("project 'x': required: capacity (kt/yr)"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown region 'usaa'"), std::string::npos) << e;
}

TEST(fleet_years, PathWithAGapIsAnError) {
  core::Diagnostics d;
  fleet::parse_paths(
      "[[path]]\nname = \"eua_price\"\nunit = \"EUR/t\"\nsource = \"s\"\nvalues = { 2024 = 65, "
      "2025 = 70, 2027 = 80 }\n",
      "paths.toml", regions(), d);
  EXPECT_NE(d.to_string().find("path 'eua_price': no value for 2026 (a path lists every year from "
                               "its first, 2024, to its last, 2027)"),
            std::string::npos)
      << d.to_string();
}

TEST(fleet_years, PathOfAnUnknownNameOrWrongUnitIsAnError) {
  core::Diagnostics d;
  fleet::parse_paths(
      "[[path]]\nname = \"eua_prices\"\nunit = \"EUR/t\"\nsource = \"s\"\nvalues = { 2024 = 65 }\n"
      "[[path]]\nname = \"eua_price\"\nunit = \"USD/t\"\nsource = \"s\"\nvalues = { 2024 = 65 }\n",
      "paths.toml", regions(), d);
  EXPECT_NE(d.to_string().find("unknown path 'eua_prices'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("path 'eua_price': unit 'USD/t': this path is in EUR/t"),
            std::string::npos)
      << d.to_string();
}

TEST(fleet_years, SanctionNamingAnUnknownRegionIsAnError) {
  core::Diagnostics d;
  fleet::parse_sanctions(
      "[[sanction]]\nid = \"s\"\nimporters = [\"eurpoe\"]\norigin_country = \"RUS\"\nfrom = "
      "2026-02-26\n"
      "source = \"x\"\n[[sanction]]\nid = \"t\"\nimporters = [\"usa\"]\norigin_country = "
      "\"RUS\"\nsource = \"x\"\n",
      "s.toml", regions(), d);
  EXPECT_NE(d.to_string().find("unknown region 'eurpoe'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("did you mean 'europe'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("sanction 't': required: from, the date the measure takes effect"),
            std::string::npos)
      << d.to_string();
}

// A measure counts in a year when in force on 1 July: the EU ban (full from 26 February 2026) from
// 2026.
TEST(fleet_years, SanctionYearsFollowTheFirstOfJuly) {
  core::Diagnostics d;
  const auto s = fleet::parse_sanctions(
      "[[sanction]]\nid = \"a\"\nimporters = [\"europe\"]\norigin_country = \"RUS\"\n"
      "from = 2026-02-26\nuntil = 2030-06-30\nsource = \"x\"\n",
      "s.toml", regions(), d);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].from_year, 2026);
  EXPECT_EQ(s[0].until_year, 2029);
}

TEST(fleet_years, CaseYearOutsideAPathIsAnError) {
  core::Diagnostics d;
  EXPECT_THROW(
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                             cell::default_data_dir(), data(), d, {"fleet.last_year=2040"}),
      core::InputError);
  // One error at the user's key, not one per path in the data file (trial 6, T6-20).
  EXPECT_NE(d.to_string().find("--set #1: error: 'fleet.last_year': 2040 is outside the years the paths cover (2024–2035, "),
            std::string::npos)
      << d.to_string();
  EXPECT_EQ(d.error_count(), 1u) << d.to_string();
}

// The pipeline's windows: Inola (new, 2030) is not in 2029 and is in 2030; San Ciprian (restart,
// 2026) enters stopped in 2026 and is running by 2027 when it ran in 2026.
TEST(fleet_years, PipelineProjectsEnterInTheirYear) {
  const fleet::FleetCase c = path_case();
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2029, nullptr), "us-ega-century-inola"), 0);
  const fleet::FleetCase y2030 = fleet::case_for_year(c, 2030, nullptr);
  const int inola = smelter_index(y2030, "us-ega-century-inola");
  ASSERT_GE(inola, 0);
  EXPECT_NEAR(
      y2030.model.smelters[static_cast<std::size_t>(inola)].record.capacity_kg_per_s * kToMt, 0.75,
      1e-9);
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2025, nullptr), "eu-san-ciprian"), 0);
  // A committed restart (San Ciprián's workforce agreement, `committed = true`) runs from its year,
  // its restart cost sunk (user trial T19-26); an uncommitted one starts stopped.
  const fleet::FleetCase y2026 = fleet::case_for_year(c, 2026, nullptr);
  EXPECT_TRUE(
      y2026.model.smelters[static_cast<std::size_t>(smelter_index(y2026, "eu-san-ciprian"))]
          .running);
}

// User trial T19-26: the path kept San Ciprián idle 2026-2029 on a margin of -121 to +99 USD/t, under
// the 280 USD/t restart cost, although the workforce agreement dated its restart (at least 75 % of 228
// kt/yr to the end of 2026) and the restart went ahead in 2025. As a committed restart it runs from
// 2026, and as a running smelter stays on while its margin is above minus the restart cost.
TEST(fleet_years, ACommittedRestartRunsThroughItsPathYears) {
  const fleet::FleetCase c = path_case({"fleet.last_year=2029"});
  const std::vector<fleet::YearResult> years = fleet::solve_years(c);
  ASSERT_EQ(years.size(), 6u);
  for (const auto& y : years) {
    if (y.year < 2026) continue;
    const int i = smelter_index(y.c, "eu-san-ciprian");
    ASSERT_GE(i, 0) << y.year;
    EXPECT_GE(y.r.production_kg_per_s[static_cast<std::size_t>(i)] * kToMt * 1e3, 0.75 * 228 - 1e-6) << y.year;
  }
  const std::string wrong = errors_of_pipeline(
      "[[project]]\nid = \"x\"\nkind = \"closure\"\nsmelter = \"eu-san-ciprian\"\nyear = 2027\ncommitted = true\n"
      "source = \"s\"\n");
  EXPECT_EQ(wrong, "p.toml:6:13: error: 'committed': project 'x': only a restart takes committed\n");
}

// The path of 12 years: China never above its cap, whose shadow price turns positive once the idle
// capacity restarts and demand grows; Russian metal reaches Europe in 2025 but not from 2026 (the
// EU ban); CBAM none before 2026 and the phase-in year after.
TEST(fleet_years, PathOfTwelveYearsHoldsTheCapAndTheDatedBan) {
  const fleet::FleetCase c = path_case();
  const std::vector<fleet::YearResult> years = fleet::solve_years(c);
  ASSERT_EQ(years.size(), 12u);
  bool cap_binds = false;
  for (const auto& y : years) {
    ASSERT_TRUE(y.r.feasible) << y.year << ": " << y.r.explanation;
    const auto china = static_cast<std::size_t>(y.c.model.regions.index_of("china"));
    EXPECT_LE(y.r.production_by_region_kg_per_s[china] * kToMt, 45.0 + 1e-6) << y.year;
    if (y.r.cap_shadow_usd_per_kg[0] > 0) cap_binds = true;
    const auto russia = static_cast<std::size_t>(y.c.model.regions.index_of("russia"));
    const auto europe = static_cast<std::size_t>(y.c.model.regions.index_of("europe"));
    if (y.year >= 2026) {
      EXPECT_EQ(y.r.flow_kg_per_s[russia][europe], 0.0) << y.year;
    }
    EXPECT_EQ(y.c.cbam_year, y.year < 2026 ? 0 : std::min(y.year, 2034)) << y.year;
  }
  EXPECT_TRUE(cap_binds);
}
// A [[flow_limit]] dated with from_year/until_year holds only in those scenario years; a case without
// fleet.year applies it; the last year before the first is an input error at its line.
TEST(fleet_years, DatedFlowLimitHoldsOnlyInItsYears) {
  const std::string lane = "[[flow_limit]]\nfrom = \"oceania\"\nto = \"usa\"\nmax = \"0.1 Mt/yr\"\nsource = \"estimate: test\"\n";
  const auto parse = [&](const std::string& text) {
    core::Diagnostics d;
    return fleet::parse_fleet_case(text, "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                                   data(), d);
  };
  const fleet::FleetCase c = parse("[fleet]\nlme = \"2400 USD/t\"\nyear = 2024\n" + lane + "from_year = 2025\nuntil_year = 2026\n");
  EXPECT_TRUE(fleet::case_for_year(c, 2024, nullptr).flow_limits.empty());
  EXPECT_EQ(fleet::case_for_year(c, 2025, nullptr).flow_limits.size(), 1u);
  EXPECT_EQ(fleet::case_for_year(c, 2026, nullptr).flow_limits.size(), 1u);
  EXPECT_TRUE(fleet::case_for_year(c, 2027, nullptr).flow_limits.empty());
  EXPECT_EQ(parse("[fleet]\nlme = \"2400 USD/t\"\n" + lane + "until_year = 2024\n").flow_limits.size(), 1u);
  try {
    parse("[fleet]\nlme = \"2400 USD/t\"\n" + lane + "from_year = 2026\nuntil_year = 2025\n");
    ADD_FAILURE() << "until_year before from_year accepted";
  } catch (const core::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("t.toml:9:"), std::string::npos) << what;
    EXPECT_NE(what.find("flow_limit"), std::string::npos) << what;
    EXPECT_NE(what.find("(2025) is before its first (2026)"), std::string::npos) << what;
  }
}
}  // namespace test_fleet_years

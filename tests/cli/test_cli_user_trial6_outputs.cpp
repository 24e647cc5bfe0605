// User trial 6 (2026-12-05, /work/coord/trial6-findings.md): outputs that dropped or misread what
// the program knows — the smelter's calibration caveat and notes (T6-5, T6-6), the PFC coefficients
// of a simulated run (T6-22), cell --thermal off the design point (T6-7), the liquidus range in
// simulate (T6-8), undissolved alumina in bath (T6-11) and the inert-anode smelter (T6-12, T6-13).
#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial6_outputs {
namespace {

// T6-5: `cell` and `technologies` flag A697's calibrated ACD 6.04 cm (outside 3-6 cm); the smelter
// whose SEC comes from that cell model said "calibrated to its published operating point" only. Since
// user trial T19-10 a note (a caveat of the catalogue's data, not a doubt of the case's input; it was
// a warning at potline.technology), in `cell` as in `smelter`.
TEST(CliUserTrial6Outputs, SmelterForwardsTheImplausibleCalibrationOfItsTechnology) {
  const RunResult text = potline({"smelter", example("smelter-us-old-grid.toml")});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "  note: technology 'A697' is implausibly calibrated: calibrated ACD 6.04 cm is outside the "
                      "plausible 3–6 cm");
  expect_not_in(text.err, "implausibly calibrated");
  const RunResult json = potline({"smelter", example("smelter-us-old-grid.toml"), "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const Json summary = parse_json(json.out);
  expect_in(summary.at("notes").dump(), "'A697' is implausibly calibrated");
  expect_not_in(summary.at("warnings").dump(), "implausibly calibrated");
  const RunResult cell = potline({"cell", "--technology", "A697"});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  expect_in(cell.out, "  note: technology 'A697' is implausibly calibrated: calibrated ACD 6.04 cm");
  // A plausible technology (AP40) gets no such note.
  const RunResult ap = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                                "potline.technology=AP40", "--set", "potline.line_current=400 kA"});
  ASSERT_EQ(ap.exit_code, 0) << ap.describe();
  expect_not_in(ap.out + ap.err, "implausibly calibrated");
}

// T19-10: DX+ has no published voltage or SEC: its estimated ACD is a note of the catalogue's data in
// `cell` and `smelter` alike, not a warning at technologies.toml's line blamed on operation.acd.
TEST(CliUserTrial6Outputs, AnEstimatedCatalogueAcdIsANoteEverywhere) {
  const RunResult cell = potline({"cell", "--technology", "DX+"});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  expect_not_in(cell.err, "has no published voltage or SEC");
  expect_in(cell.out, "  note: technology 'DX+' has no published voltage or SEC to calibrate the ACD against; ACD "
                      "4.5 cm is an estimate (middle of 3–6 cm)");
  const RunResult smelter = potline({"smelter", example("smelter-gcc-gas.toml")});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  expect_not_in(smelter.err, "has no published voltage or SEC");
  expect_in(smelter.out, "  note: technology 'DX+' has no published voltage or SEC to calibrate the ACD against");
}

// T6-6: the text printed three notes, summary.json's "notes" held one.
TEST(CliUserTrial6Outputs, SmelterJsonNotesAreTheNotesTheTextPrints) {
  const RunResult text = potline({"smelter", example("smelter-us-old-grid.toml")});
  const RunResult json = potline({"smelter", example("smelter-us-old-grid.toml"), "--json"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const Json notes = parse_json(json.out).at("notes");
  EXPECT_EQ(static_cast<int>(notes.size()), count_lines_containing(text.out, "  note: "));
  EXPECT_GE(notes.size(), 3u);
  for (const Json& n : notes) expect_in(text.out, "  note: " + n.get<std::string>() + "\n");
  expect_in(notes.dump(), "with plant.auxiliary_share 0 nothing is added");
  expect_in(notes.dump(), "C2, business and full cost equal C1");
}

// T6-22: the smelter took a run's AEM and applied its own IPCC2006 CWPB slope (0.143) where the run
// used IPCC2019 PFPB_modern (0.104). Now it takes the run's set unless the case sets one.
TEST(CliUserTrial6Outputs, FromSimulationTakesTheRunsPfcCoefficients) {
  TempDir dir;
  const auto run = dir.path() / "run.json";
  const RunResult sim =
      potline({"simulate", example("cell-stuck-feeder.toml"), "--set", "pfc.coefficients=IPCC2019",
               "--set", "pfc.technology=PFPB_modern", "--json"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  {
    std::ofstream f(run);
    f << sim.out;
  }
  const Json s = parse_json(sim.out);
  ASSERT_EQ(s.at("pfc_coefficients"), "IPCC2019/PFPB_modern");
  ASSERT_GT(s.at("ae_minutes_per_cell_day").get<double>(), 0.0);
  // smelter-ca-hydro without its own AEM (the trial's sm-fs.toml).
  const auto sm = dir.path() / "sm-fs.toml";
  {
    std::ofstream f(sm);
    std::istringstream in(read_file(example("smelter-ca-hydro.toml")));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("aem", 0) != 0) f << line << "\n";
    }
  }
  const RunResult own = potline(
      {"smelter", sm.string(), "--json", "--set", "emissions.from_simulation=" + run.string()});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  const Json j = parse_json(own.out);
  const Json& ae = j.at("emissions_method").at("anode_effects_from_simulation");
  EXPECT_EQ(ae.at("pfc_coefficients"), "IPCC2019/PFPB_modern");
  EXPECT_EQ(ae.at("run_pfc_coefficients"), "IPCC2019/PFPB_modern");
  EXPECT_EQ(j.at("emissions_method").at("coefficient_set"), "IPCC2019");
  // The same anode effects, the same coefficients: the run's PFC per tonne (GWP AR5 both).
  EXPECT_NEAR(j.at("emissions_t_co2e_per_t").at("pfc").get<double>(),
              s.at("pfc_t_co2e_per_t_al").get<double>(),
              0.002 * s.at("pfc_t_co2e_per_t_al").get<double>());
  // A case that sets its own set keeps it, and is told that the run used another.
  const RunResult set =
      potline({"smelter", sm.string(), "--set", "emissions.from_simulation=" + run.string(),
               "--set", "emissions.coefficient_set=IPCC2006"});
  ASSERT_EQ(set.exit_code, 0) << set.describe();
  expect_in(set.out,
            "PFC coefficients IPCC2006/CWPB (the case's; the run used IPCC2019/PFPB_modern)");
  expect_in(
      set.err,  // a warning: on stderr since T12-5
      "the run used the PFC coefficients IPCC2019/PFPB_modern, this case applies IPCC2006/CWPB");
}

// At the design ACD held (given): since T18-2 `cell --thermal` at another current runs at the ACD the pot
// control settles at, where these currents are steady states.
Json thermal_at(const std::string& current) {
  const RunResult r = potline({"cell", default_case(), "--thermal", "--json", "--set",
                               "operation.line_current=" + current, "--set", "operation.acd=3.8036037 cm"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out).at("thermal");
}

// T6-7: a freezing state printed "ledge none, side 0 kW, shell node 40 °C"; 360 kA a "steady" 25.9
// cm ledge at 3.5 K with no flag; the SEC of a state the cell cannot run in read as a gain.
TEST(CliUserTrial6Outputs, CellThermalOffTheDesignPointSaysWhatTheStateIs) {
  const Json freezes = thermal_at("300 kA");
  EXPECT_EQ(freezes.at("status"), "freezes");
  EXPECT_TRUE(freezes.at("ledge_fills_side_channel").get<bool>());
  EXPECT_FALSE(freezes.at("operating_point").get<bool>());
  expect_in(freezes.at("warnings").dump(),
            "the ledge grows to fill the side channel (28.0 cm) and beyond");
  const Json thick = thermal_at("360 kA");
  EXPECT_EQ(thick.at("status"), "steady");
  EXPECT_TRUE(thick.at("operating_point").get<bool>());
  const Json& w = thick.at("window");
  EXPECT_FALSE(w.at("within").get<bool>());
  // The window of simulate and flex, at its declared defaults ([window]).
  EXPECT_DOUBLE_EQ(w.at("ledge_max_cm").get<double>(), 10.0);
  EXPECT_DOUBLE_EQ(w.at("superheat_min_K").get<double>(), 5.0);
  expect_in(w.at("outside").dump(), "ledge 25.9 cm > 10 cm");
  expect_in(w.at("outside").dump(), "superheat 3.5 K < 5 K");
  const Json bound = thermal_at("340 kA");
  EXPECT_TRUE(bound.at("ledge_fills_side_channel").get<bool>());
  EXPECT_FALSE(bound.at("operating_point").get<bool>());
  // The design point itself is a working state within the window.
  const Json design = thermal_at("400 kA");
  EXPECT_TRUE(design.at("operating_point").get<bool>());
  EXPECT_TRUE(design.at("window").at("within").get<bool>());
  EXPECT_TRUE(design.at("warnings").empty()) << design.dump();

  const RunResult text =
      potline({"cell", default_case(), "--thermal", "--set", "operation.line_current=300 kA", "--set",
               "operation.acd=3.8036037 cm"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "ledge fills the side channel (≥ 28.0 cm)");
  expect_in(text.out, "SEC n/a (not an operating point: the cell does not run in this state)");  // T14-1
  expect_not_in(text.out, "ledge none");
  const RunResult steady =
      potline({"cell", default_case(), "--thermal", "--set", "operation.line_current=360 kA", "--set",
               "operation.acd=3.8036037 cm"});
  expect_in(steady.out, "Thermal steady state (steady, outside the safe window;");
  expect_in(steady.err,
            "--thermal: warning: the steady state is outside the safe window of simulate and flex");
}

// T6-8: the 5-h rung of outage-ladder reaches 23.1 wt% excess AlF3 at 856 °C, beyond the 20 wt% of
// the liquidus correlation, and simulate said nothing (bath warns). A note since 2026-12-07 (a
// warning before): the superheat there is extrapolated, a caveat of the model that doubts no input.
TEST(CliUserTrial6Outputs, SimulateSaysWhenTheBathLeavesTheLiquidusCorrelation) {
  const RunResult r = potline({"simulate", example("outage-ladder.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json x = parse_json(r.out).at("liquidus_out_of_range");
  EXPECT_EQ(x.at("cells").get<int>(), 1);
  EXPECT_GT(x.at("cell_hours").get<double>(), 1.0);
  EXPECT_LT(x.at("cell_hours").get<double>(), 5.0);  // within the 5-h rung
  EXPECT_NEAR(x.at("max_alf3_excess_wt").get<double>(), 23.1, 0.3);
  EXPECT_NEAR(x.at("min_bath_temperature_degC").get<double>(), 856.0, 2.0);
  expect_in(r.err,
            "note: the bath left the validity range of the liquidus correlation [Solheim 1996]");
  expect_not_in(r.err, "warning: the bath left");
  expect_in(r.err, "max excess AlF3 23.");
  // An undisturbed run stays within it: no warning, zeros and nulls.
  const RunResult calm = potline({"simulate", example("cell-7d.toml"), "--json"});
  ASSERT_EQ(calm.exit_code, 0) << calm.describe();
  const Json y = parse_json(calm.out).at("liquidus_out_of_range");
  EXPECT_EQ(y.at("cells").get<int>(), 0);
  EXPECT_TRUE(y.at("max_alf3_excess_wt").is_null());
  expect_not_in(calm.err, "liquidus correlation");
}

// T6-11: 12 wt% alumina (saturation 8.27) evaluated Hives' conductivity at 12 wt%.
TEST(CliUserTrial6Outputs, BathConductivityIsTheDissolvedAluminas) {
  const auto run = [](const std::string& alumina) {
    const RunResult r =
        potline({"bath", "--alumina", alumina, "--alf3", "11", "--temperature", "960", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    return parse_json(r.out);
  };
  const Json over = run("12");
  const double sat = over.at("alumina_saturation_wt").get<double>();
  EXPECT_NEAR(sat, 8.27, 0.01);
  EXPECT_DOUBLE_EQ(over.at("alumina_dissolved_wt").get<double>(), sat);
  // The same conductivity as the bath given exactly its saturation; no Hives range warning at 12
  // wt%.
  std::ostringstream exact;
  exact.precision(17);
  exact << sat;
  const Json at_sat = run(exact.str());
  EXPECT_NEAR(over.at("conductivity_S_per_cm").get<double>(),
              at_sat.at("conductivity_S_per_cm").get<double>(), 1e-9);
  expect_not_in(over.at("warnings").dump(), "Al2O3 = 12 wt% (valid");
  expect_in(over.at("warnings").dump(), "the conductivity taken at the dissolved 8.268 wt%");
  EXPECT_DOUBLE_EQ(run("3").at("alumina_dissolved_wt").get<double>(), 3.0);
  const RunResult text =
      potline({"bath", "--alumina", "12", "--alf3", "11", "--temperature", "960"});
  expect_in(text.out, "(hives1996, at the dissolved 8.27 wt% Al2O3)");
}

// T6-12, T6-13: the inert-anode smelter's SEC is the AC figure `cell` prints (rectifier efficiency
// 0.975: 14.40 DC -> 14.77 AC at the cell's 4-cm design ACD, since user trial T10-10 the working
// design; 13.75 at 3 cm, a cell that freezes), and its anode cost line is "anodes", not "carbon".
TEST(CliUserTrial6Outputs, InertAnodeSmelterUsesTheCellsAcSecAndLabelsItsAnodes) {
  const RunResult cell = potline({"cell", example("inert-anode-elysis-like.toml"), "--json"});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  const double cell_ac = parse_json(cell.out).at("sec_ac_kWh_per_kg").get<double>();
  const RunResult r =
      potline({"smelter", example("smelter-inert-anode-elysis-like.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NEAR(j.at("sec_ac_kWh_per_kg").get<double>(), cell_ac, 0.005);
  const Json& b = j.at("cost_usd_per_t").at("breakdown");
  EXPECT_DOUBLE_EQ(b.at("anodes").get<double>(), 255.0);
  EXPECT_DOUBLE_EQ(b.at("carbon").get<double>(), 255.0);  // kept for scripts
  const RunResult text = potline({"smelter", example("smelter-inert-anode-elysis-like.toml")});
  expect_in(text.out, "  anodes 255  power");
  expect_not_in(text.out, "  carbon 255");
  // The run folder's cost_breakdown.csv names the row as the text does.
  TempDir dir;
  const RunResult folder = potline(
      {"smelter", example("smelter-inert-anode-elysis-like.toml"), "--out", (dir.path() / "run").string()});
  ASSERT_EQ(folder.exit_code, 0) << folder.describe();
  const std::string csv = read_file(dir.path() / "run" / "cost_breakdown.csv");
  expect_in(csv, "\nanodes,255,");
  expect_not_in(csv, "\ncarbon,");
  // A carbon-anode smelter keeps its carbon line and has no "anodes" key.
  const RunResult carbon = potline({"smelter", example("smelter-ca-hydro.toml"), "--json"});
  EXPECT_FALSE(parse_json(carbon.out).at("cost_usd_per_t").at("breakdown").contains("anodes"));
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial6_outputs

// `potline simulate` end to end when a run cannot finish: a frozen bath or an overheated bath
// stops it with exit 1 and a run folder marked partial; SIGTERM/SIGINT stop it cleanly with
// exit 143/130 and the same marking; the rectifier limit warns; schedule and --out mistakes are
// input errors (exit 2).
#include <fcntl.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_simulate_guards {
namespace {

// Starts `potline args...` without waiting (stdout and stderr to files in `dir`).
pid_t start_potline(const std::vector<std::string>& args, const std::filesystem::path& dir) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (dir / "stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (dir / "stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> storage{potline_bin()};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, potline_bin().c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start potline");
  return pid;
}

// Exit status as the shell reports it (128 + signal when killed by one).
int wait_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Sends `signal_number` once the run has written a few time-series rows; returns the exit status.
int interrupt_run(const std::filesystem::path& dir, int signal_number) {
  const pid_t pid = start_potline({"simulate", example("potline-year.toml"), "--set", "potline.cells=4", "-q", "--out",
                                   (dir / "run").string()},
                                  dir);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (count_lines_containing(read_file(dir / "run" / "timeseries.csv"), ",") < 4 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, signal_number);
  return wait_exit(pid);
}

void expect_partial_folder(const std::filesystem::path& run) {
  const Json summary = parse_json(read_file(run / "summary.json"));
  const Json manifest = parse_json(read_file(run / "manifest.json"));
  EXPECT_EQ(summary.at("complete"), false);
  EXPECT_EQ(manifest.at("complete"), false);
  expect_all_finite(summary);
}

TEST(CliSimulateSignals, SigtermStopsCleanlyWithAPartialRunFolder) {
  TempDir dir;
  EXPECT_EQ(interrupt_run(dir.path(), SIGTERM), 143);
  const auto run = dir.path() / "run";
  expect_partial_folder(run);
  const Json summary = parse_json(read_file(run / "summary.json"));
  const double days = finite_number(summary, "simulated_days");
  EXPECT_GT(days, 0.0);
  EXPECT_LT(days, 365.0);
  // The time series ends at the time reached, complete lines only.
  const auto rows = lines_of(read_file(run / "timeseries.csv"));
  ASSERT_GE(rows.size(), 3u);
  EXPECT_NEAR(std::stod(rows.back().substr(0, rows.back().find(','))), days * 24.0, 1e-6);
  EXPECT_EQ(std::count(rows.back().begin(), rows.back().end(), ','), std::count(rows[0].begin(), rows[0].end(), ','));
  const std::string err = read_file(dir.path() / "stderr.txt");
  EXPECT_NE(err.find("stopped by signal 15 (SIGTERM)"), std::string::npos) << err;
}

TEST(CliSimulateSignals, SigintExitsWith130) {
  TempDir dir;
  EXPECT_EQ(interrupt_run(dir.path(), SIGINT), 130);
  expect_partial_folder(dir.path() / "run");
}

// The cell freezes at 17.51 h (17.49 h before the feed cycle was centred, 2026-12-06; 17.7 h until 2026-12-05 (3)): its bath, enriched to 24 wt% AlF3 at
// 845 °C, holds 4.3 wt% alumina against a saturation of 4.1 wt%, so its liquidus is where the liquidus
// and solubility curves meet, a little higher (docs/model/bath.md).
TEST(CliSimulateGuards, FrozenBathIsARunTimeFailureWithAPartialRunFolder) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=12 h 0; 72 h 1.0",
                          "--set", "run.duration=5 d", "-q", "--out", run.string()});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  EXPECT_NE(r.err.find("cell 0 at 17.51 h"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bath frozen"), std::string::npos) << r.err;
  expect_partial_folder(run);
  const Json summary = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(summary.at("stop_reason"), "bath_frozen");
  EXPECT_EQ(summary.at("stop_cell"), 0);
  EXPECT_EQ(count_lines_containing(read_file(run / "events.csv"), ",0,bath_frozen,"), 1);
  EXPECT_FALSE(has_nonfinite_word(read_file(run / "timeseries.csv")));
}

// The metal pad's own temperature in timeseries.csv (docs/model/dynamics.md, "Metal pad"): at the
// design point the pad sits just below the bath (the bottom loss leaves through it), and during the
// 3 h outage of examples/outage-3h.toml (from 24 h) the bath, with the smaller heat capacity and the
// top loss, cools faster, so the pad is the warmer of the two.
TEST(CliSimulateOutputs, MetalPadTemperatureColumnIsBelowTheBathAtTheDesignPointAndAboveItInAnOutage) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("outage-3h.toml"), "--set", "run.duration=28 h", "--set",
                          "run.output_interval=30 min", "-q", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto rows = lines_of(read_file(run / "timeseries.csv"));
  ASSERT_GE(rows.size(), 50u);
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
    return out;
  };
  const std::vector<std::string> header = cells(rows[0]);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t time = column("Time [h]"), bath = column("Mean bath temperature [degC]"),
                    metal = column("Mean metal temperature [degC]");
  ASSERT_LT(bath, header.size());
  ASSERT_LT(metal, header.size());
  bool seen_outage = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto v = cells(rows[i]);
    ASSERT_EQ(v.size(), header.size()) << rows[i];
    const double t_h = std::stod(v[time]), bath_C = std::stod(v[bath]), metal_C = std::stod(v[metal]);
    if (t_h <= 12.0) {  // undisturbed: a fraction of a kelvin below the bath
      EXPECT_LT(metal_C, bath_C) << t_h;
      EXPECT_GT(metal_C, bath_C - 2.0) << t_h;
    }
    if (t_h >= 25.5 && t_h <= 27.0) {  // the current has been off for 1.5-3 h
      seen_outage = true;
      EXPECT_GT(metal_C, bath_C) << t_h;
    }
  }
  EXPECT_TRUE(seen_outage);
}

TEST(CliSimulateGuards, TenDayOutageIsARunTimeFailure) {
  const auto r = potline({"simulate", example("outage-3h.toml"), "--set", "potline.outage_duration=10 d", "--set",
                          "run.duration=12 d", "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  EXPECT_NE(r.err.find("bath frozen"), std::string::npos) << r.err;
}

TEST(CliSimulateGuards, PowerBeyondTheRectifierLimitWarnsAndHoldsTheCurrent) {
  TempDir dir;
  // 6 h at the limit (with dynamics.ledge_heat_transfer = 1.2 kW/(m² K), 12 h at 500 kA overheat
  // the bath to the 1100 °C guard once the ledge has melted: docs/model/dynamics.md).
  dir.write("power.csv", "time [h],power [MW]\n0,1.68\n6,1.68\n12,100\n18,1.68\n");
  const auto c = dir.write("case.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"power.csv\"\n");
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", c, "--set", "run.duration=2 d", "-q", "--json", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("warning: the rectifier limit potline.max_current = 500 kA"), std::string::npos) << r.err;
  const Json s = parse_json(r.out);
  EXPECT_NEAR(finite_number(s, "current_limit_hours"), 6.0, 0.05);
  EXPECT_EQ(s.at("complete"), true);
  EXPECT_LE(finite_number(s, "mean_line_current_kA"), 500.0);
  EXPECT_EQ(count_lines_containing(read_file(run / "events.csv"), "12,-1,current_limit,"), 1);
}

TEST(CliSimulateGuards, ScheduleMistakesAreInputErrors) {
  TempDir dir;
  dir.write("huge.csv", "time [h],current [kA]\n0,400\n1,1e6\n");
  const auto c = dir.write("case.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"huge.csv\"\n");
  const auto run = dir.path() / "run";
  auto r = potline({"simulate", c, "-q", "--out", run.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("huge.csv:3:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the allowed range 0 to 500 kA"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(run / "timeseries.csv"));
  r = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=;;;", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("';;;' holds no step"), std::string::npos) << r.err;
}

// Feeder inputs: a stopped feeder the cell does not have (a cross-field check) and a mixing time
// out of range are input errors (exit 2) naming the key, the value and the limit.
TEST(CliSimulateGuards, FeederMistakesAreInputErrors) {
  auto r = potline({"simulate", example("cell-stuck-feeder.toml"), "--set", "disturbance.feed_stop_feeder=9", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'disturbance.feed_stop_feeder': 9: no such feeder: the cell has 4 feeders"),
            std::string::npos)
      << r.err;
  r = potline({"simulate", example("cell-stuck-feeder.toml"), "--set", "feeders.mixing_time=0.5", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'feeders.mixing_time': value 0.5 min is outside the allowed range [1, 600] min"),
            std::string::npos)
      << r.err;
}

TEST(CliSimulateGuards, OutNamingAFileIsAnInputError) {
  TempDir dir;
  const auto file = dir.write("taken.txt", "x");
  const auto r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1 h", "-q", "--out", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("exists and is not a folder"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace test_cli_simulate_guards
}  // namespace potline_cli_test

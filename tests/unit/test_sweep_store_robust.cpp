// The sweep store under misuse (issue 9 part 6): two sweeps on one file, a store with more samples
// than the sweep declares, and memory that must not grow with the declared sample count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "potline/cell/technology.hpp"
#include "potline/sweep/run.hpp"
#include "../common/shipped_data.hpp"

namespace test_sweep_store_robust {

using namespace potline;
using namespace potline::sweep;

namespace {

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-sweep-robust");
  std::filesystem::create_directories(dir);
  return dir;
}

SweepSpec small() {
  core::Diagnostics d;
  return load_sweep(std::string(POTLINE_SOURCE_DIR) + "/examples/sweep-small.toml", cell::default_data_dir(),
                    potline::testing::shipped_smelter_data(), d);
}

// Peak resident memory of this process so far, in kB (Linux /proc).
long peak_rss_kB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(sweep_store_robust, SecondClaimOfOneFileIsRefused) {
  const std::string path = (temp_dir() / "claimed.sqlite").string();
  std::filesystem::remove(path);
  ResultStore first(path, "h", "t");
  first.claim();
  ResultStore second(path, "h", "t");
  try {
    second.claim();
    FAIL() << "a second claim of one store must be refused";
  } catch (const core::InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ": error: '--out': another 'potline sweep' is writing this results file now; two sweeps on one "
                     "file would compute the same samples twice: wait for it to finish (then run again to resume), or "
                     "give another --out path\n");
  }
}

TEST(sweep_store_robust, ClaimIsReleasedWithTheStore) {
  const std::string path = (temp_dir() / "released.sqlite").string();
  std::filesystem::remove(path);
  {
    ResultStore first(path, "h", "t");
    first.claim();
    first.write({SampleResult{"s", 0, {{"world", "x", 1.0}}}});
  }
  ResultStore again(path, "h", "t");
  EXPECT_NO_THROW(again.claim());
  EXPECT_EQ(again.finished().size(), 1u);  // the first store's SQLite data survived the lock's release
}

TEST(sweep_store_robust, MaxSampleIsTheHighestStoredIndex) {
  const std::string path = (temp_dir() / "max.sqlite").string();
  std::filesystem::remove(path);
  ResultStore s(path, "h", "t");
  EXPECT_EQ(s.max_sample(), -1);
  s.write({SampleResult{"a", 3, {{"world", "x", 1.0}}}, SampleResult{"b", 7, {{"world", "x", 1.0}}}});
  EXPECT_EQ(s.max_sample(), 7);
}

TEST(sweep_store_robust, MemoryDoesNotGrowWithTheDeclaredSampleCount) {
  SweepSpec spec = small();
  spec.samples = 100000000;  // 1e8 per scenario: the sample list alone took 3.2 GB before
  const std::string path = (temp_dir() / "huge.sqlite").string();
  std::filesystem::remove(path);
  ResultStore store(path, spec.hash, spec.title);
  RunOptions o;
  o.threads = 1;
  o.limit = 2;
  const long before = peak_rss_kB();
  const RunSummary r = run_sweep(spec, store, o);
  const long after = peak_rss_kB();
  EXPECT_EQ(r.computed, 2);
  EXPECT_EQ(r.total, 200000000);
  EXPECT_EQ(r.skipped, 0);
  ASSERT_GT(before, 0);
  EXPECT_LT(after - before, 200 * 1024) << "peak RSS grew by " << (after - before) / 1024 << " MB";
}

TEST(sweep_store_robust, SkippedCountsOnlyThisSweepsSamples) {
  SweepSpec spec = small();  // 2 scenarios x 6 samples
  const std::string path = (temp_dir() / "skipped.sqlite").string();
  std::filesystem::remove(path);
  ResultStore store(path, spec.hash, spec.title);
  RunOptions o;
  o.threads = 1;
  o.limit = 5;
  run_sweep(spec, store, o);
  spec.samples = 2;  // 4 samples in range; the store holds 5 (samples 0, 1 of both and 2 of 'base')
  o.limit = -1;
  const RunSummary r = run_sweep(spec, store, o);
  EXPECT_EQ(r.total, 4);
  EXPECT_EQ(r.skipped, 4);
  EXPECT_EQ(r.computed, 0);
}

}  // namespace
}  // namespace test_sweep_store_robust

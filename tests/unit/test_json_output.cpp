// Unit tests for io/json_output: no NaN/Inf leaves Potline; file writing; SHA-256 (FIPS 180-4).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"

namespace test_json_output {

namespace io = potline::io;
namespace pc = potline::core;
namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The RunError text of require_finite, or "" if it does not throw.
std::string finite_error(const io::Json& j) {
  try {
    io::require_finite(j);
  } catch (const pc::RunError& e) {
    return e.what();
  }
  return {};
}

std::string expected(const std::string& kind, const std::string& path) {
  return "non-finite result " + kind + " in output '" + path +
         "'; this is a bug or an input far outside the model's range: please report it with the "
         "case file";
}

// A fresh folder under the test temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::path(testing::TempDir()) /
            (std::string("potline_json_") + info->test_suite_name() + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path path() const { return path_; }

 private:
  fs::path path_;
};

std::string sha_of(const TempDir& dir, const std::string& bytes) {
  const auto p = dir.path() / "data.bin";
  {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
  }
  return io::file_sha256(p.string());
}

}  // namespace

TEST(RequireFinite, FiniteDocumentPasses) {
  io::Json j;
  j["voltage_V"] = 4.2;
  j["count"] = 3;
  j["name"] = "pot";
  j["ok"] = true;
  j["nothing"] = nullptr;
  j["series"] = {1.0, 2.0, -3.5};
  j["breakdown_V"] = {{"bath", 1.5}, {"bubble", 0.2}};
  EXPECT_NO_THROW(io::require_finite(j));
  EXPECT_EQ(finite_error(j), "");
}

TEST(RequireFinite, NaNAtTopLevelKey) {
  io::Json j;
  j["ok"] = 1.0;
  j["sec_dc_kWh_per_kg"] = kNaN;
  EXPECT_EQ(finite_error(j), expected("NaN", "sec_dc_kWh_per_kg"));
}

TEST(RequireFinite, InfNestedInObjects) {
  io::Json j;
  j["breakdown_V"] = {{"bath", 1.5}, {"bubble", kInf}};
  EXPECT_EQ(finite_error(j), expected("Inf", "breakdown_V.bubble"));
  io::Json k;
  k["breakdown_V"] = {{"bubble", -kInf}};
  EXPECT_EQ(finite_error(k), expected("Inf", "breakdown_V.bubble"));
}

TEST(RequireFinite, NaNNestedInArraysAndObjects) {
  io::Json j;
  j["cells"] = io::Json::array();
  j["cells"].push_back({{"id", 1}, {"voltage_V", 4.1}});
  j["cells"].push_back({{"id", 2}, {"series", {4.0, 4.1, kNaN}}});
  EXPECT_EQ(finite_error(j), expected("NaN", "cells[1].series[2]"));
}

TEST(RequireFinite, ArrayAtTheRootAndExplicitPath) {
  const io::Json a = io::Json::array({1.0, io::Json::array({2.0, kNaN})});
  EXPECT_EQ(finite_error(a), expected("NaN", "[1][1]"));
  try {
    io::require_finite(io::Json{{"x", kInf}}, "summary");
    FAIL() << "no throw";
  } catch (const pc::RunError& e) {
    EXPECT_EQ(std::string(e.what()), expected("Inf", "summary.x"));
  }
}

TEST(RequireFinite, FirstBadValueIsReported) {
  io::Json j;
  j["a"] = kInf;
  j["b"] = kNaN;
  EXPECT_EQ(finite_error(j), expected("Inf", "a"));  // ordered_json keeps insertion order
}

TEST(Dump, PrettyWithTrailingNewline) {
  io::Json j;
  j["voltage_V"] = 4.25;
  j["n"] = 2;
  EXPECT_EQ(io::dump(j), "{\n  \"voltage_V\": 4.25,\n  \"n\": 2\n}\n");
}

TEST(Dump, RefusesNonFinite) {
  io::Json j;
  j["x"] = {{"y", kNaN}};
  EXPECT_THROW(io::dump(j), pc::RunError);
}

TEST(WriteTextFile, CreatesParentFolders) {
  TempDir dir;
  const auto p = dir.path() / "run" / "nested" / "summary.json";
  io::write_text_file(p.string(), "{}\n");
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), "{}\n");
}

TEST(WriteTextFile, FailureIsARunError) {
  TempDir dir;
  // A folder cannot be opened as a file.
  EXPECT_THROW(io::write_text_file(dir.path().string(), "x"), pc::RunError);
  try {
    io::write_text_file(dir.path().string(), "x");
  } catch (const pc::RunError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write " + dir.path().string());
  }
}

// FIPS 180-4 / NIST CSRC example values for SHA-256.
TEST(FileSha256, FipsTestVectors) {
  TempDir dir;
  EXPECT_EQ(sha_of(dir, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha_of(dir, ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha_of(dir, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha_of(dir,
                   "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                   "klmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha_of(dir, std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Padding edge cases: messages of 55, 56, 63, 64, 65 and 119 bytes ('a' repeated), checked
// against GNU coreutils sha256sum.
TEST(FileSha256, PaddingBoundaries) {
  TempDir dir;
  EXPECT_EQ(sha_of(dir, std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha_of(dir, std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha_of(dir, std::string(63, 'a')),
            "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(sha_of(dir, std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(sha_of(dir, std::string(65, 'a')),
            "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
  EXPECT_EQ(sha_of(dir, std::string(119, 'a')),
            "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
}

TEST(FileSha256, BinaryBytesAndUnreadableFile) {
  TempDir dir;
  // The bytes 0x00 0xff (sha256sum): hashing must not stop at NUL or sign-extend.
  EXPECT_EQ(sha_of(dir, std::string("\x00\xff", 2)),
            "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8");
  EXPECT_EQ(io::file_sha256((dir.path() / "missing.toml").string()), "");
}
}  // namespace test_json_output

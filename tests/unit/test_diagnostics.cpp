// Unit tests for core/diagnostics: locations, message format, de-duplication, InputError.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace test_diagnostics {

namespace pc = potline::core;

namespace {
pc::Diagnostic make(pc::Severity severity, pc::SourceLocation where, std::string key,
                    std::string message) {
  pc::Diagnostic d;
  d.severity = severity;
  d.location = std::move(where);
  d.key = std::move(key);
  d.message = std::move(message);
  return d;
}
}  // namespace

TEST(SourceLocation, ShowsWhatIsKnown) {
  EXPECT_EQ((pc::SourceLocation{"case.toml", 12, 7}.to_string()), "case.toml:12:7");
  EXPECT_EQ((pc::SourceLocation{"case.toml", 12, 0}.to_string()), "case.toml:12");
  EXPECT_EQ((pc::SourceLocation{"case.toml", 0, 0}.to_string()), "case.toml");
  EXPECT_EQ((pc::SourceLocation{"case.toml", 0, 5}.to_string()), "case.toml");  // no line, no col
  EXPECT_EQ((pc::SourceLocation{}.to_string()), "");
}

TEST(Diagnostic, ErrorFormat) {
  const auto d = make(pc::Severity::kError, {"case.toml", 3, 7}, "operation.acd",
                      "value 20 cm is outside the allowed range [1, 15] cm");
  EXPECT_EQ(d.to_string(),
            "case.toml:3:7: error: 'operation.acd': value 20 cm is outside the allowed range "
            "[1, 15] cm");
}

TEST(Diagnostic, WarningWithoutLocationOrKey) {
  const auto w = make(pc::Severity::kWarning, {}, "", "liquidus correlation extrapolated");
  EXPECT_EQ(w.to_string(), "warning: liquidus correlation extrapolated");
  const auto k = make(pc::Severity::kWarning, {}, "bath.lif", "outside validity");
  EXPECT_EQ(k.to_string(), "warning: 'bath.lif': outside validity");
  const auto e = make(pc::Severity::kError, {"--set #2", 0, 0}, "", "malformed");
  EXPECT_EQ(e.to_string(), "--set #2: error: malformed");
}

TEST(Diagnostics, CountsErrorsNotWarnings) {
  pc::Diagnostics d;
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(d.error_count(), 0u);
  d.warning("bath.alf3", "outside typical range");
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(d.error_count(), 0u);
  d.error({"a.toml", 1, 1}, "x", "bad");
  d.error({"a.toml", 2, 1}, "y", "bad");
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.items().size(), 3u);
}

TEST(Diagnostics, IdenticalWarningsAreKeptOnce) {
  pc::Diagnostics d;
  d.warning("bath.alf3", "outside the range of Solheim 1996");
  d.warning("bath.alf3", "outside the range of Solheim 1996");
  d.warning({"case.toml", 4, 1}, "bath.alf3", "outside the range of Solheim 1996");  // other place
  d.warning("bath.caf2", "outside the range of Solheim 1996");  // other key: kept
  d.warning("bath.alf3", "another message");                    // other text: kept
  ASSERT_EQ(d.items().size(), 3u);
  EXPECT_EQ(d.warning_messages(),
            (std::vector<std::string>{"bath.alf3: outside the range of Solheim 1996",
                                      "bath.caf2: outside the range of Solheim 1996",
                                      "bath.alf3: another message"}));
}

TEST(Diagnostics, IdenticalErrorsAreAllKept) {
  pc::Diagnostics d;
  d.error({"a.toml", 1, 1}, "k", "bad");
  d.error({"a.toml", 1, 1}, "k", "bad");
  EXPECT_EQ(d.error_count(), 2u);
}

TEST(Diagnostics, WarningMessagesWithoutKey) {
  pc::Diagnostics d;
  d.warning("", "no key here");
  d.error({}, "k", "an error is not a warning");
  EXPECT_EQ(d.warning_messages(), std::vector<std::string>{"no key here"});
}

TEST(Diagnostics, ToStringKeepsOrderOneLineEach) {
  pc::Diagnostics d;
  d.error({"case.toml", 2, 1}, "operation.acdd", "unknown key");
  d.warning({"case.toml", 5, 9}, "operation.acd", "value 2 cm is outside the typical range 3–6 cm");
  EXPECT_EQ(d.to_string(),
            "case.toml:2:1: error: 'operation.acdd': unknown key\n"
            "case.toml:5:9: warning: 'operation.acd': value 2 cm is outside the typical range 3–6 cm\n");
  EXPECT_EQ(pc::Diagnostics{}.to_string(), "");
}

TEST(Diagnostics, AppendKeepsErrorsAndDeduplicatesWarnings) {
  pc::Diagnostics a;
  a.warning("w", "same");
  a.error({"a", 1, 1}, "e", "first");
  pc::Diagnostics b;
  b.warning("w", "same");
  b.warning("w", "new");
  b.error({"a", 1, 1}, "e", "first");
  a.append(b);
  EXPECT_EQ(a.error_count(), 2u);
  EXPECT_EQ(a.items().size(), 4u);  // w/same, e/first, w/new, e/first
  EXPECT_EQ(a.warning_messages(), (std::vector<std::string>{"w: same", "w: new"}));
}

TEST(InputError, WhatIsEveryDiagnostic) {
  pc::Diagnostics d;
  d.error({"case.toml", 3, 7}, "operation.acd", "bad value");
  d.error({"--set #1", 0, 0}, "operation.line_current", "too large");
  const pc::InputError e(d);
  EXPECT_STREQ(e.what(),
               "case.toml:3:7: error: 'operation.acd': bad value\n"
               "--set #1: error: 'operation.line_current': too large\n");
  EXPECT_EQ(e.diagnostics().error_count(), 2u);
}

TEST(InputError, CanBeCaughtAsStdException) {
  pc::Diagnostics d;
  d.error({}, "k", "m");
  try {
    throw pc::InputError(d);
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(), "error: 'k': m\n");
    return;
  }
  FAIL() << "not caught";
}

TEST(RunError, IsARuntimeError) {
  try {
    throw pc::RunError("solver failed");
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "solver failed");
    return;
  }
  FAIL() << "not caught";
}
}  // namespace test_diagnostics

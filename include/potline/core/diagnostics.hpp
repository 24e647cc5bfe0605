#pragma once
// Collected input errors and warnings with their place in the input (file:line:col).
//
// Input errors are collected, never thrown one at a time, so that a user sees every problem
// in a case file in one run. Hot-path physics never touches this type: it returns validity
// flags that the boundary turns into warnings (see cell/flags.hpp).
#include <stdexcept>
#include <string>
#include <vector>

namespace potline::core {

/// Where a value came from: a file position, or a command-line override ("--set", line 0).
struct SourceLocation {
  std::string file;  ///< file path, or "<command line>" for --set overrides
  int line = 0;      ///< 1-based; 0 when unknown
  int column = 0;    ///< 1-based; 0 when unknown

  /// "file:line:col", "file:line" or "file" depending on what is known.
  std::string to_string() const;
};

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string key;      ///< dotted key of the input field, empty when not tied to one
  std::string message;  ///< what is wrong and how to fix it

  /// "file:line:col: error: 'operation.acd': message" (location and key only when known)
  std::string to_string() const;
};

/// An ordered collection of diagnostics. Warnings with identical text are kept once.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string key, std::string message);
  void warning(SourceLocation where, std::string key, std::string message);
  /// A warning not tied to an input position (e.g. a correlation used outside its range).
  void warning(std::string key, std::string message);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<std::string> warning_messages() const;
  /// Every diagnostic, one per line.
  std::string to_string() const;
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

/// Thrown by the boundary (parsers, CLI) after all input errors have been collected.
/// The CLI maps it to exit status 2.
class InputError : public std::exception {
 public:
  explicit InputError(Diagnostics diagnostics);
  const char* what() const noexcept override { return text_.c_str(); }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
  std::string text_;
};

/// A failure while running a valid input (a solver that does not converge, a non-finite
/// result). The CLI maps it to exit status 1.
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace potline::core

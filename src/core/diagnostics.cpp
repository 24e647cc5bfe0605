#include "potline/core/diagnostics.hpp"

#include <algorithm>

namespace potline::core {

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out;
  const std::string where = location.to_string();
  if (!where.empty()) out += where + ": ";
  out += severity == Severity::kError ? "error: " : "warning: ";
  if (!key.empty()) out += "'" + key + "': ";
  out += message;
  return out;
}

void Diagnostics::error(SourceLocation where, std::string key, std::string message) {
  items_.push_back({Severity::kError, std::move(where), std::move(key), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string key, std::string message) {
  Diagnostic d{Severity::kWarning, std::move(where), std::move(key), std::move(message)};
  const bool seen = std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& other) {
    return other.severity == Severity::kWarning && other.key == d.key && other.message == d.message;
  });
  if (!seen) items_.push_back(std::move(d));
}

void Diagnostics::warning(std::string key, std::string message) {
  warning(SourceLocation{}, std::move(key), std::move(message));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == Severity::kError;
  }));
}

std::vector<std::string> Diagnostics::warning_messages() const {
  std::vector<std::string> out;
  for (const auto& d : items_) {
    if (d.severity == Severity::kWarning) out.push_back(d.key.empty() ? d.message : d.key + ": " + d.message);
  }
  return out;
}

std::string Diagnostics::to_string() const {
  std::string out;
  for (const auto& d : items_) out += d.to_string() + "\n";
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    if (d.severity == Severity::kError) {
      items_.push_back(d);
    } else {
      warning(d.location, d.key, d.message);
    }
  }
}

InputError::InputError(Diagnostics diagnostics)
    : diagnostics_(std::move(diagnostics)), text_(diagnostics_.to_string()) {}

}  // namespace potline::core

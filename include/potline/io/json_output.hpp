#pragma once
// JSON output helpers: every output passes through require_finite so no NaN or Inf leaves Potline.
#include <nlohmann/json.hpp>
#include <string>

namespace potline::io {

using Json = nlohmann::ordered_json;

/// Throws core::RunError naming the first non-finite number's path (e.g. "breakdown_V.bubble").
void require_finite(const Json& value, const std::string& path = "");

/// Pretty JSON text with a trailing newline, after require_finite.
std::string dump(const Json& value);

/// Writes `text` to `path`, creating parent folders; throws core::RunError on failure.
void write_text_file(const std::string& path, const std::string& text);

/// SHA-256 of a file's bytes as hex (for manifests); empty if unreadable.
std::string file_sha256(const std::string& path);

}  // namespace potline::io

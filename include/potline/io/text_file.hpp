#pragma once
// The one way the program reads an input file: whole, as text, without a UTF-8 byte-order mark,
// with a reason the user can act on when it cannot ("no such file", "is a directory",
// "permission denied").
#include <optional>
#include <string>
#include <string_view>

#include "potline/core/diagnostics.hpp"

namespace potline::io {

/// Why `path` cannot be read as a file, or "" when it can be opened for reading.
std::string unreadable_reason(const std::string& path);

/// `text` without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view strip_utf8_bom(std::string_view text);

/// Reads the whole file at `path` (without a leading BOM). When it cannot be read, reports one error
/// "cannot read WHAT 'PATH': REASON" at `where` (the path itself when `where.file` is empty) under
/// `key`, and returns nothing. `what` names the file for the user, e.g. "the case file".
std::optional<std::string> read_text_file(const std::string& path, std::string_view what,
                                          core::Diagnostics& diagnostics, const std::string& key = "",
                                          const core::SourceLocation& where = {});

}  // namespace potline::io

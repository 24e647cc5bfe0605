#pragma once
// The one CSV writer and the one CSV reader of the program: RFC 4180 [Shafranovich 2005].
//
// Writer: a cell is quoted when it holds a comma, a double quote, CR or LF; a quote inside a
// quoted cell is doubled. Records end with LF (RFC 4180 allows CRLF; every reader accepts LF).
// Reader: accepts a leading UTF-8 byte-order mark, LF and CRLF line ends, quoted fields with
// doubled quotes and line breaks inside quotes; reports malformed quoting with file:line:col.
#include <string>
#include <string_view>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::io {

/// One cell, quoted per RFC 4180 when it needs to be.
std::string csv_cell(std::string_view text);

/// One record: the cells (each through csv_cell) joined by ',' and ended by "\n".
std::string csv_row(const std::vector<std::string>& cells);

/// One field of a read record.
struct CsvField {
  std::string text;  ///< unquoted text; unquoted fields are trimmed of blanks when asked
  int column = 1;    ///< 1-based byte column of the field's first character in its line
  bool quoted = false;
};

/// One record of a CSV file.
struct CsvRecord {
  int line = 0;  ///< 1-based line where the record starts
  std::vector<CsvField> fields;
};

struct CsvReadOptions {
  bool skip_comments = true;   ///< a record whose first non-blank character is '#' is skipped
  bool trim_unquoted = true;   ///< blanks around unquoted fields are removed
};

/// Parses CSV text into records; blank lines are skipped. Malformed quoting (an unterminated quote,
/// text after a closing quote) is reported at its file:line:col and that record is dropped.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file, core::Diagnostics& diagnostics,
                                 const CsvReadOptions& options = {});

}  // namespace potline::io

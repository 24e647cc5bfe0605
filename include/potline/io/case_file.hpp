#pragma once
// Reading TOML case files and --set overrides against a schema.
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::io {

/// One "KEY=VALUE" command-line override.
struct Override {
  std::string key;
  std::string value;
  int index = 0;  ///< position among --set options (1-based), for messages
};

/// Splits "KEY=VALUE" at the first '='; trims blanks and one pair of matching quotes around
/// VALUE. A missing '=' or an empty KEY is reported as an error.
std::optional<Override> parse_override(const std::string& text, int index,
                                       core::Diagnostics& diagnostics);

/// Parses a TOML document (from a file path) into values of `schema`. Unknown keys are errors with
/// a did-you-mean, located at the key; all errors are collected, in document order. Values already
/// in `values` (defaults, technology) are overwritten. False when the file could not be read or is no
/// TOML (the error is in `diagnostics`, and nothing was read): a loader stops there, as every later
/// check ("required", "give a price series") would only repeat that the file was not read (user trial
/// T16-5: one TOML syntax error followed by 11 spurious "required" errors).
bool read_case_file(const std::string& path, const Schema& schema, ValueSet& values,
                    core::Diagnostics& diagnostics);

/// Same, from TOML text (tests; `display_name` stands in for the file path in messages).
bool read_case_text(const std::string& toml_text, const std::string& display_name,
                    const Schema& schema, ValueSet& values, core::Diagnostics& diagnostics,
                    Origin origin = Origin::kCaseFile);

/// Applies --set overrides with the same conversion and validation as the case file.
void apply_overrides(const std::vector<Override>& overrides, const Schema& schema,
                     ValueSet& values, core::Diagnostics& diagnostics);

/// Appends the errors of `later` (building a case from values that already had input errors)
/// whose key has no error in `diagnostics` yet and whose message names no such key: a value
/// rejected while reading is missing when the case is built, and "required", or an either-or check
/// naming it ("required: give prices.alumina (USD/t) or prices.alumina_lme_share" after a rejected
/// prices.alumina_lme_share, T9-12), would only repeat the first error at no file position.
/// Warnings are dropped. This is how every input error is reported in one pass (an unknown
/// technology together with range errors).
void append_errors_except_rejected(const core::Diagnostics& later, core::Diagnostics& diagnostics);

/// Fills schema defaults for fields that have one and are not set yet. Throws std::logic_error
/// if a default cannot be converted to the field's internal unit (a bug in the catalogue).
void fill_defaults(const Schema& schema, ValueSet& values);

/// The allowed indices of an array of `size` tables, for an out-of-range "[[x]] table I" message:
/// "the index must be 0", "the index must be 0 or 1", "the index must be 0 to 4" (size > 0).
std::string index_range_text(std::size_t size);

/// " — changed on the command line: KEY, KEY" for the keys of --set KEY=VALUE overrides (case.*
/// keys left out), "" for none: appended to a run's title in text output and report headings.
std::string changed_on_command_line(const std::vector<std::string>& sets);
/// The same for a run titled `title`: a changed key that moves what the title states says so
/// (`run.duration (the title's "7 days" is the case file's)`; flex.horizon likewise, and
/// potline.cells against a title's "300 x"; user trial T15-11).
std::string changed_on_command_line(const std::vector<std::string>& sets, const std::string& title);

}  // namespace potline::io

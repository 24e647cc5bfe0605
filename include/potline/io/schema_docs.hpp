#pragma once
// Text generated from a schema: the commented starter case of `potline template NAME` and the
// Markdown reference table of `potline schema NAME --markdown` (pasted into docs/cli.md by
// scripts/update-cli-docs.sh; a CLI test checks that docs/cli.md equals it).
#include <string>
#include <utility>
#include <vector>

#include "potline/io/schema.hpp"

namespace potline::io {

/// How to write the starter case of one schema.
struct TemplateSpec {
  std::string run;                 ///< how to run the case, e.g. "potline cell THIS_FILE.toml"
  std::vector<std::string> notes;  ///< extra comment lines for the header
  /// Fields written uncommented, as TOML literals (e.g. {"case.technology", "\"AP40\""}): the
  /// inputs a case needs to run. Every other field is listed commented out with its default.
  std::vector<std::pair<std::string, std::string>> starter;
};

/// A TOML case file: a header, then per section every field with a comment line (description,
/// unit, allowed and typical range) and either its starter value or its commented default.
std::string case_template(const Schema& schema, const TemplateSpec& spec);

/// The Markdown reference table of every field (key, type, unit, default, allowed, typical,
/// description, source), one line per field, ending with a newline.
std::string schema_markdown(const Schema& schema);

/// The default as shown to users: "20 cm", "true", the default note, "required" or "none".
std::string default_text(const FieldSpec& field);

}  // namespace potline::io

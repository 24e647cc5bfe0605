#pragma once
// The reference commands as library functions: `potline technologies` (the technology catalogue
// with its published operating points and the model calibrated to each) and `potline schema` (every
// input field). The CLI prints these documents and the Python API returns them
// (potline.technologies(), potline.schema()), so both agree by construction. Input errors throw
// core::InputError.
#include <string>

#include "potline/io/json_output.hpp"

namespace potline::api {

/// The catalogue and its text listing: `json` is what `potline technologies --json` prints, `text`
/// what `potline technologies` prints (the entries with their model lines, IMPLAUSIBLE marks and
/// problems). `data_dir` holds technologies.toml.
struct TechnologyListing {
  io::Json json;
  std::string text;
};
TechnologyListing technology_listing(const std::string& data_dir);

/// What `potline technologies --json` prints: {"catalogue": path, "technologies": [...]}.
io::Json technologies_json(const std::string& data_dir);

/// What `potline schema [NAME] --json` prints: {"schemas": [{"name", "command", "fields": [...]}]};
/// every schema for an empty `name`. An unknown name is an input error naming the closest.
io::Json schemas_json(const std::string& name);

}  // namespace potline::api

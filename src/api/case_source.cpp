// CaseSource (see case_commands.hpp).
#include <filesystem>

#include "potline/api/case_commands.hpp"
#include "potline/cell/technology.hpp"

namespace potline::api {

std::string CaseSource::base_dir() const {
  return text ? std::string() : std::filesystem::path(path).parent_path().string();
}

std::string CaseSource::data() const { return data_dir.empty() ? cell::default_data_dir() : data_dir; }

}  // namespace potline::api

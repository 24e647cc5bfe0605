#pragma once
// How outputs name a data file: by its file name. Provenance texts (power_origin, pfc_standard,
// the notes of an exported smelter case) would otherwise carry the absolute path the file was
// resolved to, so the same run's outputs would differ from one checkout or machine to another.
// Input errors keep the full path: the user must find the file.

#include <filesystem>
#include <string>

namespace potline::fleet {

inline std::string file_label(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace potline::fleet

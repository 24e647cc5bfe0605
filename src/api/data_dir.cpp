// The data folder used when none is given (see data_dir.hpp).
#include "potline/api/data_dir.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef POTLINE_BUILD_DIR
#define POTLINE_BUILD_DIR ""
#endif

namespace potline::api {
namespace {

namespace fs = std::filesystem;

fs::path canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  return ec ? fs::path() : c;
}

// The file of the program whose code this is: the executable, or the shared object (the Python
// extension potline._core) when the library is linked into one.
fs::path program_file() {
  const fs::path exe = canonical_or_empty("/proc/self/exe");
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&canonical_or_empty), &info) != 0 && info.dli_fname != nullptr &&
      *info.dli_fname != '\0') {
    const fs::path object = canonical_or_empty(info.dli_fname);
    std::error_code ec;
    if (!object.empty() && object != exe && fs::is_regular_file(object, ec)) return object;
  }
  return exe;
}

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "technologies.toml", ec);
}

// True when `dir` is `root` or inside it (both canonical).
bool inside(const fs::path& dir, const fs::path& root) {
  if (dir.empty() || root.empty()) return false;
  auto d = dir.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++d) {
    if (d == dir.end() || *d != *r) return false;
  }
  return true;
}

}  // namespace

DataDir locate_data_dir() {
  DataDir out;
  const fs::path program = program_file();
  const fs::path dir = program.empty() ? fs::path() : program.parent_path();
  out.program_dir = dir.string();
  if (const char* env = std::getenv("POTLINE_DATA_DIR"); env != nullptr && *env != '\0') {
    out.path = env;
    out.source = DataDirSource::kEnvironment;
    return out;
  }
  if (!dir.empty() && holds_data(dir / "data")) {
    out.path = (dir / "data").string();
    out.source = DataDirSource::kBesideProgram;
    return out;
  }
  if (!dir.empty()) {
    const fs::path share = (dir / ".." / "share" / "potline" / "data").lexically_normal();
    if (holds_data(share)) {
      out.path = share.string();
      out.source = DataDirSource::kShare;
      return out;
    }
  }
  out.path = POTLINE_DATA_DIR;
  out.source = inside(dir, canonical_or_empty(POTLINE_BUILD_DIR)) ? DataDirSource::kBuildTree
                                                                   : DataDirSource::kSourceTree;
  return out;
}

std::string data_dir_note(const DataDir& dir, const std::string& option) {
  if (dir.source != DataDirSource::kSourceTree) return {};
  const std::string where = dir.program_dir.empty() ? std::string("the program's folder") : dir.program_dir;
  return "note: data folder " + dir.path +
         ": the source tree's data/ this program was built from (compiled in), as there is no data/ "
         "with technologies.toml in " + where + " nor in its ../share/potline/data; set POTLINE_DATA_DIR or give " +
         option + " to read another\n";
}

}  // namespace potline::api

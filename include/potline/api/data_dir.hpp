#pragma once
// Which data folder (technologies.toml, smelters.csv, ...) a program uses when none is given.
#include <string>

namespace potline::api {

/// Where the data folder was found.
enum class DataDirSource {
  kEnvironment,    ///< $POTLINE_DATA_DIR (set and non-empty)
  kBesideProgram,  ///< data/ in the program's folder
  kShare,          ///< ../share/potline/data from the program's folder
  kBuildTree,      ///< the program runs from the build folder of the source tree it was built from
  kSourceTree,     ///< the source tree's data/ compiled in, the program having been copied elsewhere
};

struct DataDir {
  std::string path;
  DataDirSource source = DataDirSource::kSourceTree;
  /// The folder of the program: the executable, or for the Python module the folder of potline._core
  /// (the package folder); empty when it cannot be told.
  std::string program_dir;
};

/// The data folder used when none is given (--data-dir, data_dir=): $POTLINE_DATA_DIR if set and
/// non-empty; else data/ beside the program, then ../share/potline/data from it (a folder counts when
/// it holds technologies.toml); else the source tree's data/ compiled in. A program copied out of its
/// build folder (user trial T17-16: /opt/trial17/potline read a live worktree's data) gets the last
/// only with data_dir_note().
DataDir locate_data_dir();

/// For kSourceTree, one line "note: data folder DIR: ... set POTLINE_DATA_DIR or give OPTION ..."
/// (newline-terminated) naming the folders looked in; empty otherwise. `option` is how the caller
/// names a data folder: "--data-dir DIR" for the CLI, "data_dir=" for Python.
std::string data_dir_note(const DataDir& dir, const std::string& option);

}  // namespace potline::api

// The data files of a command's run, for its manifest (see read_files.hpp).
#include "potline/api/read_files.hpp"

#include <algorithm>
#include <filesystem>

namespace potline::api {

namespace {

// Each file once, in the order read; "" (an optional file not given) and a name that is no file
// (prices handed over as text from Python, "<prices>") are skipped.
void add(std::vector<std::string>& files, const std::string& f) {
  std::error_code ec;
  if (f.empty() || !std::filesystem::is_regular_file(f, ec)) return;
  if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
}

void add_all(std::vector<std::string>& files, const std::vector<std::string>& more) {
  for (const auto& f : more) add(files, f);
}

}  // namespace

std::vector<std::string> read_files(const CellRun& run) {
  std::vector<std::string> files;
  add(files, run.catalogue_path);
  return files;
}

std::vector<std::string> read_files(const SmelterRun& run) {
  std::vector<std::string> files;
  add_all(files, run.c.input_files());  // simulation summaries the case names (AE statistics)
  add_all(files, run.data.files);
  return files;
}

std::vector<std::string> read_files(const InvestRun& run) {
  std::vector<std::string> files;
  add_all(files, run.c.operating.input_files());
  if (run.c.existing) add_all(files, run.c.existing->input_files());
  add_all(files, run.data.files);
  return files;
}

std::vector<std::string> read_files(const FleetInput& input) {
  const fleet::FleetCase& c = input.c;
  std::vector<std::string> files;
  for (const std::string* f :
       {&c.smelters_path, &c.regions_path, &c.technology_classes_path, &c.power_prices_path,
        &c.power_supply_path, &c.anode_effects_path, &c.pipeline_path, &c.sanctions_path,
        &c.paths_path, &c.fuel_paths_path}) {
    add(files, *f);
  }
  add_all(files, input.data.files);
  return files;
}

std::vector<std::string> read_files(const SimulationInput& input) {
  std::vector<std::string> files;
  add(files, input.catalogue_path);
  for (const auto& f : input.emission_files) add(files, f);  // DA19-37: read by EmissionData::load
  return files;
}

std::vector<std::string> read_files(const FlexInput& input) {
  std::vector<std::string> files;
  add(files, input.c.prices_path);
  add(files, input.catalogue_path);
  for (const auto& f : input.emission_files) add(files, f);  // DA19-37: read by EmissionData::load
  return files;
}

}  // namespace potline::api

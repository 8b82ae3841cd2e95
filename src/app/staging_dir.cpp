#include "app/staging_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace clipgen::app {

StagingDir::StagingDir(const fs::path& final_dir) : final_dir_(fs::absolute(final_dir)) {
  const fs::path parent = final_dir_.parent_path();
  fs::create_directories(parent);
  std::string pattern = (parent / ("." + final_dir_.filename().string() + ".partial-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a working folder in " + parent.string() + ": " +
                             std::generic_category().message(errno));
  path_ = pattern;
}

StagingDir::~StagingDir() {
  std::error_code ignored;  // best effort in a destructor; nothing useful to report
  fs::remove_all(path_, ignored);
}

void StagingDir::commit() {
  fs::create_directories(final_dir_);
  // All or none: when one move fails (a folder of that name, another filesystem), the files
  // already moved are taken back out, so no partial set of results is left.
  std::vector<fs::path> moved;
  for (const auto& entry : fs::directory_iterator(path_)) {
    if (!entry.is_regular_file()) continue;
    const fs::path target = final_dir_ / entry.path().filename();
    std::error_code error;
    fs::rename(entry.path(), target, error);
    if (error) {
      for (const auto& done : moved) fs::remove(done, error);
      throw std::runtime_error("cannot put " + target.string() + " in place: " + error.message());
    }
    moved.push_back(target);
  }
}

}  // namespace clipgen::app

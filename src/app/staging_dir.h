#pragma once
// A scratch folder beside the final output folder: work is written there and moved into
// place only when it all succeeded, so a failure never leaves partial output behind.
#include <filesystem>

namespace clipgen::app {

class StagingDir {
 public:
  // Creates a hidden, uniquely named folder next to `final_dir` (same filesystem, so the
  // final moves are renames).
  explicit StagingDir(const std::filesystem::path& final_dir);
  ~StagingDir();  // removes whatever is left
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Moves every file into `final_dir` (created if needed), replacing files of the same name;
  // when a move fails, removes the ones already moved and throws std::runtime_error.
  void commit();

 private:
  std::filesystem::path final_dir_;
  std::filesystem::path path_;
};

}  // namespace clipgen::app

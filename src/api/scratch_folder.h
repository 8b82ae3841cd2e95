#pragma once
// A private folder for one upload, removed with whatever is left in it when the request ends:
// a rejected upload leaves nothing behind.
#include <filesystem>
#include <system_error>

namespace clipgen::api {

class ScratchFolder {
 public:
  explicit ScratchFolder(std::filesystem::path path) : path_(std::move(path)) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;  // best effort: a leftover folder must not turn success into an error
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace clipgen::api

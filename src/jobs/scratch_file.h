#pragma once
// A file the pipeline needs only while it runs (extracted audio, a clip's captions).
#include <filesystem>
#include <system_error>

namespace clipgen::jobs {

// Removes the file however the pipeline ends.
struct ScratchFile {
  std::filesystem::path path;
  ~ScratchFile() {
    std::error_code ignored;  // nothing to report from a destructor; the folder is scratch anyway
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace clipgen::jobs

#pragma once
// An input the user must fix: not media, truncated, no audio, ... The message is one line,
// "FILE: reason", so the CLI can print it as is and the API can answer 422 with it.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace clipgen::media {

struct MediaError : std::runtime_error {
  MediaError(const std::filesystem::path& file, const std::string& reason)
      : std::runtime_error(file.filename().string() + ": " + reason) {}
};

}  // namespace clipgen::media

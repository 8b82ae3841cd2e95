// Any bytes as an uploaded file, probed the way an upload is (media/probe.h): a MediaError is
// the expected answer to junk; anything else escaping, a crash or a hang is a bug.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "media/media_error.h"
#include "media/probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto file = std::filesystem::temp_directory_path() / ("clipgen-fuzz-" + std::to_string(::getpid()) + ".mp4");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const auto info = clipgen::media::probe(file);
    clipgen::media::require_audio_and_video(info, file);
  } catch (const clipgen::media::MediaError&) {
  }
  return 0;
}

// A user's own transcript as PUT /api/videos/{id}/transcript receives it: the first byte picks
// the Content-Type, the rest is the body; its kind is chosen (api/transcript_kind.h) and it is
// read as that kind (speech/transcript_file.h, SubRip and WebVTT with libavformat's demuxers).
// HttpError and std::invalid_argument are the expected answers to junk; anything else escaping,
// a crash or a hang is a bug.
#include <unistd.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "api/http_error.h"
#include "api/transcript_kind.h"
#include "speech/transcript_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto file =
      std::filesystem::temp_directory_path() / ("clipgen-fuzz-transcript-" + std::to_string(::getpid()));
  static constexpr std::array<std::string_view, 5> kTypes = {"", "application/x-subrip", "text/vtt",
                                                             "application/json", "text/plain"};
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const auto kind = clipgen::api::transcript_kind(kTypes[data[0] % kTypes.size()], body);
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(body.data(), static_cast<std::streamsize>(body.size()));
    }
    clipgen::speech::read_transcript(file, kind);
  } catch (const clipgen::api::HttpError&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}

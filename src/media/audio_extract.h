#pragma once
// The audio of any file FFmpeg reads, as 16 kHz mono signed 16-bit PCM: the format every
// speech engine and the loudness analysis take.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>

namespace clipgen::media {

// Decodes the best audio stream of `input` and writes raw PCM (native-endian s16, 16 kHz,
// mono) to `output`, streaming. `progress` gets the fraction done. Throws MediaError when the
// file has no decodable audio.
void extract_audio_pcm(const std::filesystem::path& input, const std::filesystem::path& output,
                       const std::function<void(double)>& progress);

// A raw PCM file mapped read-only into memory: the pages are loaded on demand, so an hours-long
// recording does not sit in RAM.
class PcmFile {
 public:
  explicit PcmFile(const std::filesystem::path& path);
  ~PcmFile();
  PcmFile(const PcmFile&) = delete;
  PcmFile& operator=(const PcmFile&) = delete;

  std::span<const std::int16_t> samples() const { return {data_, count_}; }

 private:
  const std::int16_t* data_ = nullptr;
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace clipgen::media

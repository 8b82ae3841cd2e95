#pragma once
// The audio of any file FFmpeg reads, as 16 kHz mono signed 16-bit PCM: the format every
// speech engine and the loudness analysis take.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

namespace clipgen::media {

// One audio track to extract and where its PCM goes.
struct PcmTarget {
  int stream_index = 0;           // the file's stream index (probe's audio_tracks[].stream_index)
  std::filesystem::path output;
};

// Decodes the given audio streams of `input` in one pass and writes each as raw PCM
// (native-endian s16, 16 kHz, mono) to its output, streaming. Sample 0 is the file's time
// origin (time_origin in media/input_file.h), as for the picture: a track that starts late
// begins with silence and gaps in its timestamps are filled with silence, so a word's sample
// position is its time in the video. `progress` gets the fraction done. Throws MediaError when
// a stream is not audio or holds no decodable sound.
void extract_audio_pcm(const std::filesystem::path& input, const std::vector<PcmTarget>& targets,
                       const std::function<void(double)>& progress);

// The same for the file's best audio stream.
void extract_audio_pcm(const std::filesystem::path& input, const std::filesystem::path& output,
                       const std::function<void(double)>& progress);

// The sound of stream `stream_index` of `input` from `from` to `to` (seconds from the file's
// time origin, as extract_audio_pcm places it) as 16 kHz mono s16 in memory: sample k is at
// from + k / 16000 s, silence where the track has none. Seeks, so a few seconds of an hours-long
// recording cost a few seconds of decoding (in a file without an index, a seek that lands late
// is retried further back). Throws MediaError when the stream is not audio.
std::vector<std::int16_t> decode_audio_window(const std::filesystem::path& input, int stream_index, double from,
                                              double to);

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

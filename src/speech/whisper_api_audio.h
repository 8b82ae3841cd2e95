#pragma once
// Audio as the Whisper API takes it: FLAC (lossless, about half the size of WAV), encoded in
// process with libav, in pieces small enough for the API's 25 MB upload limit.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "speech/chunking.h"

namespace clipgen::speech {

inline constexpr std::size_t kWhisperUploadLimit = 25u * 1000u * 1000u;

// A FLAC file of 16 kHz mono PCM.
std::string encode_flac(std::span<const std::int16_t> samples);

struct EncodedPart {
  Chunk chunk;        // which samples it holds
  std::string flac;   // under the upload limit
};

// The recording cut at pauses into parts of at most `max_seconds`, each encoded; a part still
// over `max_bytes` is cut again.
std::vector<EncodedPart> encode_parts(std::span<const std::int16_t> samples, double max_seconds,
                                      std::size_t max_bytes = kWhisperUploadLimit);

}  // namespace clipgen::speech

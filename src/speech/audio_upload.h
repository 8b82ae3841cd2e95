#pragma once
// Audio as the remote engines take it (Whisper APIs, Gemini): FLAC (lossless, about half the
// size of WAV) or WAV (what every whisper.cpp server reads), encoded in process with libav, in
// pieces small enough for a request's size limit.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "speech/chunking.h"

namespace clipgen::speech {

inline constexpr std::size_t kWhisperUploadLimit = 25u * 1000u * 1000u;

// A FLAC file of 16 kHz mono PCM.
std::string encode_flac(std::span<const std::int16_t> samples);
// A WAV file (PCM s16le) of 16 kHz mono PCM.
std::string encode_wav(std::span<const std::int16_t> samples);

enum class AudioFormat { flac, wav };

struct EncodedPart {
  Chunk chunk;        // which samples it holds
  std::string file;   // under the upload limit
};

// The recording cut at pauses into parts of at most `max_seconds`, each encoded; a part still
// over `max_bytes` is cut again. Throws std::runtime_error when a part of 10 s is still over.
std::vector<EncodedPart> encode_parts(std::span<const std::int16_t> samples, double max_seconds,
                                      std::size_t max_bytes = kWhisperUploadLimit,
                                      AudioFormat format = AudioFormat::flac);

}  // namespace clipgen::speech

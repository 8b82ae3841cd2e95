#pragma once
// The seam where a user picks a speech engine: embedded pocketsphinx or a Whisper API.
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "speech/transcript.h"

namespace clipgen::speech {

// 16 kHz mono signed 16-bit PCM, the one audio format every engine takes.
inline constexpr int kSampleRate = 16000;

class Transcriber {
 public:
  virtual ~Transcriber() = default;
  // Throws std::runtime_error with a message a user can act on when the engine fails.
  // `progress` receives the fraction done, 0..1, from any thread but never concurrently.
  virtual Transcript transcribe(std::span<const std::int16_t> samples, const std::string& language,
                                const std::function<void(double)>& progress) = 0;
  virtual std::string name() const = 0;
};

}  // namespace clipgen::speech

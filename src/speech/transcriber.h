#pragma once
// The seam where a user picks a speech engine: embedded pocketsphinx or a Whisper API.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "speech/transcript.h"
#include "speech/voice_activity.h"

namespace clipgen::speech {

// 16 kHz mono signed 16-bit PCM, the one audio format every engine takes.
inline constexpr int kSampleRate = 16000;

// What an engine is asked to transcribe: the whole recording, and where in it somebody
// speaks (detect_speech). Engines need not decode what lies outside `speech`; words found
// there are dropped, so music and silence never become words.
struct SpeechAudio {
  std::span<const std::int16_t> samples;
  std::vector<SpeechSpan> speech;
};

// Runs voice-activity detection over `samples`.
inline SpeechAudio with_voice_activity(std::span<const std::int16_t> samples) {
  return {samples, detect_speech(samples, kSampleRate)};
}

class Transcriber {
 public:
  virtual ~Transcriber() = default;
  // The engine's words, keeping only those inside audio.speech (unless words_are_given).
  // Word times are seconds from the first sample. Throws std::runtime_error with a message a user can act on when the
  // engine fails. `progress` receives the fraction done, 0..1, from any thread but never
  // concurrently; it may throw to cancel, and the engine lets that exception through within
  // about a second.
  Transcript transcribe(const SpeechAudio& audio, const std::string& language,
                        const std::function<void(double)>& progress);
  virtual std::string name() const = 0;

 protected:
  // What the engine recognises, before the words outside speech are dropped.
  virtual Transcript recognise(const SpeechAudio& audio, const std::string& language,
                               const std::function<void(double)>& progress) = 0;
  // True for an engine that times words the user gave rather than recognising words: those are
  // kept wherever they land (a word said under the voice-activity threshold is still said).
  virtual bool words_are_given() const { return false; }
};

// What a remote engine does when its service keeps failing: the words of `attempt` (which
// reports through the progress callback it is given), or when it throws, those of `fallback`
// (the reason logged), or without one a std::runtime_error naming `engine` and the reason. An
// exception thrown by `progress` itself (a cancelled job) is no failure of the engine: it
// passes through as it is, with no fallback.
Transcript transcribe_or_fall_back(const std::string& engine, Transcriber* fallback,
                                   const std::function<Transcript(const std::function<void(double)>&)>& attempt,
                                   const SpeechAudio& audio, const std::string& language,
                                   const std::function<void(double)>& progress);

// The words whose middle lies inside one of `spans`.
std::vector<Word> words_in_speech(std::vector<Word> words, const std::vector<SpeechSpan>& spans);

}  // namespace clipgen::speech

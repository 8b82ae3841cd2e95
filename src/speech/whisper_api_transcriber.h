#pragma once
// Speech recognition by any OpenAI-compatible /v1/audio/transcriptions endpoint (OpenAI's
// whisper-1, Groq, a whisper.cpp or speaches server), with word times.
// https://platform.openai.com/docs/api-reference/audio/createTranscription
#include <memory>
#include <optional>

#include "net/retry.h"
#include "speech/transcriber.h"

namespace clipgen::speech {

struct WhisperApiSettings {
  std::string api_key;                         // may be empty for a local server
  std::string base_url = "https://api.openai.com";  // without /v1
  std::string model = "whisper-1";
  double part_seconds = 600;  // audio per request; FLAC of 10 minutes of speech is ~11 MB
  net::RetryPolicy retry;
  int answer_attempts = 2;    // tries per part when the answer has no usable word times
  long timeout_seconds = 600;
};

// WHISPER_API_KEY, WHISPER_BASE_URL, WHISPER_MODEL, falling back to OPENAI_API_KEY and
// OPENAI_BASE_URL (whose trailing /v1 is dropped); nullopt when no key or URL is set.
std::optional<WhisperApiSettings> whisper_settings_from_env();

class WhisperApiTranscriber final : public Transcriber {
 public:
  // `fallback`, when given, transcribes instead if the API keeps failing.
  WhisperApiTranscriber(WhisperApiSettings settings, std::unique_ptr<Transcriber> fallback);
  std::string name() const override { return "whisper-api:" + settings_.model; }

 protected:
  Transcript recognise(const SpeechAudio& audio, const std::string& language,
                       const std::function<void(double)>& progress) override;

 private:
  std::vector<Word> transcribe_part(const std::string& flac, const std::string& language, double part_seconds);

  WhisperApiSettings settings_;
  std::unique_ptr<Transcriber> fallback_;
};

// The words of a verbose_json response with timestamp_granularities[]=word, shifted by
// `offset` seconds; words with times outside [0, part_seconds] (plus a little slack) are
// dropped as invented. Throws std::invalid_argument when the body is not that shape. Pure.
std::vector<Word> read_whisper_words(const std::string& body, double offset, double part_seconds);

}  // namespace clipgen::speech

#pragma once
// Speech recognition by a Whisper server: any OpenAI-compatible /v1/audio/transcriptions
// endpoint (OpenAI's whisper-1, Groq, speaches), or whisper.cpp's own server route
// (POST /inference, examples/server in ggml-org/whisper.cpp).
// https://platform.openai.com/docs/api-reference/audio/createTranscription
// Word times are the server's when it gives them; an answer with segments only (whisper.cpp,
// whose per-token times are pieces of words, or a server that ignores
// timestamp_granularities) has its words timed in the audio by local alignment
// (word_aligner.h), each bound to its segment's times.
#include <memory>
#include <optional>

#include "net/retry.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcriber.h"
#include "speech/word_aligner.h"

namespace clipgen::speech {

struct WhisperApiSettings {
  std::string api_key;                         // may be empty for a local server
  std::string base_url = "https://api.openai.com";  // without /v1
  bool whisper_cpp = false;                    // whisper.cpp's route: POST {base_url}/inference, WAV
  std::string model = "whisper-1";
  double part_seconds = 600;  // audio per request; FLAC of 10 minutes of speech is ~11 MB
  net::RetryPolicy retry;
  int answer_attempts = 2;    // tries per part when the answer has no usable word times
  long timeout_seconds = 600;
  PocketsphinxOptions aligner;  // for answers without word times
};

// WHISPER_API_KEY, WHISPER_BASE_URL, WHISPER_MODEL, falling back to OPENAI_API_KEY and
// OPENAI_BASE_URL (whose trailing /v1 is dropped); nullopt when no key or URL is set. A
// WHISPER_BASE_URL ending in /inference is a whisper.cpp server.
std::optional<WhisperApiSettings> whisper_settings_from_env();

// What a verbose_json answer for `part_seconds` of audio holds: words with the server's times
// (timestamp_granularities[]=word; times outside [0, part_seconds] plus a little slack are
// dropped as invented), or else the segments' words, each bound to its segment's times (the
// whole part when the segment has none), for alignment.
struct WhisperAnswer {
  std::vector<Word> words;
  std::vector<TextWord> untimed;
};

class WhisperApiTranscriber final : public Transcriber {
 public:
  // `fallback`, when given, transcribes instead if the API keeps failing.
  WhisperApiTranscriber(WhisperApiSettings settings, std::unique_ptr<Transcriber> fallback);
  std::string name() const override { return settings_.whisper_cpp ? "whisper.cpp" : "whisper-api:" + settings_.model; }

 protected:
  Transcript recognise(const SpeechAudio& audio, const std::string& language,
                       const std::function<void(double)>& progress) override;

 private:
  WhisperAnswer transcribe_part(const std::string& audio, const std::string& language, double part_seconds);
  Transcript transcribe_with_server(const SpeechAudio& audio, const std::string& language,
                                    const std::function<void(double)>& progress);

  WhisperApiSettings settings_;
  std::unique_ptr<Transcriber> fallback_;
};

// Throws std::invalid_argument when the body is not that shape or is an error ({"error": ...},
// which whisper.cpp sends with status 200). Pure.
WhisperAnswer read_whisper_answer(const std::string& body, double part_seconds);

}  // namespace clipgen::speech

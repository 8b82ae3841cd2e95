#pragma once
// Speech recognition by Gemini (the key the seed's users already hold): generateContent with the
// audio inline, asking for a verbatim transcript; the words' times come from local forced
// alignment (speech/word_aligner.h), never from the model, which invents them.
// https://ai.google.dev/gemini-api/docs/audio
//
// How the audio goes: only the stretches where somebody speaks (voice_activity.h), gathered
// into pieces of at most `piece_seconds` that begin and end at a pause (chunking.h), each sent
// as FLAC inline in its own request, a few requests in flight. Inline rather than through the
// Files API: one call per piece and nothing left stored at Google; the request must then stay
// under Gemini's 20 MB inline limit, which `max_request_bytes` keeps (5 minutes of FLAC are
// ~6 MB, ~8 MB as base64). Pieces of minutes rather than the whole recording: the answers come
// back in parallel, a failed piece is asked again alone, and a model transcribing many minutes
// in one answer is likelier to skip or repeat a passage. Each piece's words are bound to the
// piece's times when aligned, as caption cues bind theirs.
// Cost: 32 audio tokens per second sent (Gemini's documented rate), billed at the model's audio
// input price (llm/pricing.h), plus the transcript's output tokens.
#include <memory>

#include "llm/gemini_client.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcriber.h"
#include "speech/word_aligner.h"

namespace clipgen::llm {

struct GeminiTranscriptionOptions {
  double piece_seconds = 300;
  std::size_t max_request_bytes = 19u * 1000u * 1000u;  // under the documented 20 MB, with room for headers
  int in_flight = 3;
  int answer_attempts = 2;  // tries per piece when the answer is unusable (blocked, empty)
  speech::PocketsphinxOptions aligner;
};

class GeminiTranscriber final : public speech::Transcriber {
 public:
  // `fallback`, when given, transcribes instead if Gemini keeps failing or its text cannot be
  // aligned to the audio.
  GeminiTranscriber(GeminiSettings settings, GeminiTranscriptionOptions options,
                    std::unique_ptr<speech::Transcriber> fallback);
  std::string name() const override { return "gemini:" + settings_.model; }

 protected:
  // English only: the aligner's acoustic model is English (std::invalid_argument otherwise,
  // before any paid call). The transcript's usage holds the tokens and their list price.
  speech::Transcript recognise(const speech::SpeechAudio& audio, const std::string& language,
                               const std::function<void(double)>& progress) override;
  // Gemini heard them inside stretches of speech, and alignment kept them there.
  bool words_are_given() const override { return true; }

 private:
  speech::Transcript transcribe_with_gemini(const speech::SpeechAudio& audio, const std::string& language,
                                            const std::function<void(double)>& progress);

  GeminiSettings settings_;
  GeminiTranscriptionOptions options_;
  std::unique_ptr<speech::Transcriber> fallback_;
};

// The generateContent body asking for a verbatim transcript of `audio` (a file of `mime_type`).
// Pure.
nlohmann::json transcription_request_body(const std::string& audio, const std::string& mime_type,
                                          const std::string& language);
// The words of a transcription answer: whitespace-separated, with what is not speech dropped
// ("[music]", "(laughs)", the no-speech marker the prompt asks for). Pure.
std::vector<std::string> transcript_words(const std::string& answer);

}  // namespace clipgen::llm

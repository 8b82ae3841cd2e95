#pragma once
// A transcript: the words of a recording with their times, the common currency of
// the speech engines (which produce it) and the analyzers (which read it).
#include <string>
#include <vector>

namespace clipgen::speech {

struct Word {
  std::string text;   // as spoken, no pronunciation variant, no markup
  double start = 0;   // seconds from the start of the recording
  double end = 0;
  double confidence = 1.0;  // 0..1 where the engine gives one
  // Times estimated, not heard: a corrected word placed by its neighbours (word_edits.h) until
  // a render times it from the audio (correction_timing.h).
  bool estimated = false;
  // Who says it: 1, 2, ... numbered left to right by where people sit in the picture of the
  // clip it was rendered in (reframe/active_speaker.h); 0 unknown.
  int speaker = 0;

  bool operator==(const Word&) const = default;
};

// What a paid model's calls used (a Gemini transcription, an LLM's highlight search): tokens
// and their list-price cost (llm/pricing.h).
struct ModelUsage {
  long long input_tokens = 0;
  long long output_tokens = 0;
  double cost_usd = 0;

  ModelUsage& operator+=(const ModelUsage& other) {
    input_tokens += other.input_tokens;
    output_tokens += other.output_tokens;
    cost_usd += other.cost_usd;
    return *this;
  }
};

// Faster than anybody speaks (auctioneers reach about 6): more words than this per second of
// audio are a model repeating itself or text that was never said.
inline constexpr double kFastestSpeechWordsPerSecond = 8;

struct Transcript {
  std::vector<Word> words;  // in time order, non-overlapping
  std::string engine;       // "pocketsphinx", "whisper-api:whisper-1", ...
  std::string language = "en";
  double duration = 0;      // of the recording, seconds
  int audio_track = 1;      // which of the file's audio tracks was heard (1-based)
  ModelUsage usage;         // of a paid engine, for this transcription (not kept with the transcript)
};

}  // namespace clipgen::speech

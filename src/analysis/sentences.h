#pragma once
// Sentence-like stretches of speech, the units clips are built from. pocketsphinx gives no
// punctuation, so a pause is the sentence signal; a transcript with punctuation (Whisper)
// also breaks after '.', '?' and '!'. Pure.
#include <cstddef>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::analysis {

struct Sentence {
  std::size_t first = 0;  // index of its first word
  std::size_t last = 0;   // index of its last word (inclusive)
  double start = 0;       // where a clip beginning here starts: inside the pause before it
  double end = 0;         // where a clip ending here ends: inside the pause after it
  double gap_before = 0;  // seconds of silence before its first word
  double gap_after = 0;
};

inline constexpr double kSentencePause = 0.3;  // seconds of silence that end a sentence
inline constexpr double kMaxPadding = 0.3;     // how far into a pause a clip may reach

// Sentences no longer than `max_seconds` where the speech allows it: an over-long stretch is
// split at its longest inner pauses.
std::vector<Sentence> split_sentences(const speech::Transcript& transcript, double max_seconds);

}  // namespace clipgen::analysis

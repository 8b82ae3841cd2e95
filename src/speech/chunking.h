#pragma once
// Splitting long audio at pauses so pieces can be recognised in parallel without cutting a
// word. Pure.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "speech/voice_activity.h"

namespace clipgen::speech {

struct Chunk {
  std::size_t begin = 0;  // sample index, inclusive
  std::size_t end = 0;    // exclusive
};

struct ChunkLimits {
  double target_seconds = 20;  // look for a pause from here on
  double max_seconds = 40;     // cut at the quietest point found by here
};

// Consecutive chunks covering all samples (16 kHz). Each cut sits in the middle of the
// quietest 200 ms stretch between target and max length (sampled every 100 ms).
std::vector<Chunk> split_at_pauses(std::span<const std::int16_t> samples, int sample_rate, ChunkLimits limits = {});

// Consecutive stretches of `speech` (voice_activity.h) gathered into pieces that reach from a
// stretch's start to a later one's end and last at most `max_seconds`, so that the audio
// between pieces is never speech. A stretch longer than that is a piece of its own (for
// split_at_pauses). Sample indexes at `sample_rate`, clamped to `total_samples`.
std::vector<Chunk> group_speech(const std::vector<SpeechSpan>& speech, double max_seconds, int sample_rate,
                                std::size_t total_samples);

}  // namespace clipgen::speech

#pragma once
// Splitting long audio at pauses so pieces can be recognised in parallel without cutting a
// word. Pure.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

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

}  // namespace clipgen::speech

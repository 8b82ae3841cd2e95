#pragma once
// Words grouped into the short bursts that short-form captions show: one to three words at a
// time, broken at pauses, punctuation and changes of speaker. Pure.
#include <cstddef>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::captions {

struct CaptionCue {
  std::vector<speech::Word> words;  // never empty

  double start() const { return words.front().start; }
  double end() const { return words.back().end; }
};

struct GroupingRules {
  std::size_t max_words = 3;
  std::size_t max_chars = 16;  // letters and spaces: the cue stays on one line
  double max_gap = 0.5;        // seconds of silence that end a cue
};

std::vector<CaptionCue> group_words(const std::vector<speech::Word>& words, const GroupingRules& rules = {});

}  // namespace clipgen::captions

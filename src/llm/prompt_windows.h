#pragma once
// Splitting a long transcript into pieces that each fit the model's context. Pure.
#include <cstddef>
#include <vector>

#include "llm/highlight_prompt.h"

namespace clipgen::llm {

// Runs of sentences whose prompt lines add up to at most `max_chars` (a sentence longer than
// that gets a window of its own). Consecutive windows share `overlap_seconds` of speech, so a
// clip crossing a border is still seen whole in one of them.
std::vector<PromptWindow> split_windows(const speech::Transcript& transcript,
                                        const std::vector<analysis::Sentence>& sentences, std::size_t max_chars,
                                        double overlap_seconds);

// Characters of the prompt line for one sentence: its words plus the "[start-end] " prefix.
std::size_t prompt_line_chars(const speech::Transcript& transcript, const analysis::Sentence& sentence);

}  // namespace clipgen::llm

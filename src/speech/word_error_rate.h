#pragma once
// Word error rate of a recognised text against a reference, the measure the speech tests hold
// the engines to. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace clipgen::speech {

// Lowercase words with punctuation dropped and apostrophes kept ("Feed'st" -> "feed'st").
std::vector<std::string> normalized_words(std::string_view text);

// (substitutions + deletions + insertions) / reference length, by word-level edit distance on
// normalized words. An empty reference gives 0 for an empty hypothesis and 1 otherwise.
double word_error_rate(std::string_view reference, std::string_view hypothesis);

}  // namespace clipgen::speech

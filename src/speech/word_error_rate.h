#pragma once
// Word error rate of a recognised text against a reference, the measure the speech tests hold
// the engines to. Pure.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clipgen::speech {

// Lowercase words with punctuation dropped and apostrophes kept ("Feed'st" -> "feed'st").
std::vector<std::string> normalized_words(std::string_view text);

// The edits of a minimum word-level edit distance alignment of a hypothesis to a reference (the
// one word_error_rate counts). Where alignments with as few edits differ in kind, each step
// takes a match or substitution first, then a deletion, then an insertion.
struct WordErrors {
  std::size_t substitutions = 0, deletions = 0, insertions = 0;
  std::size_t reference_words = 0;
  std::size_t edits() const { return substitutions + deletions + insertions; }
};

// The edits on normalized words.
WordErrors word_errors(std::string_view reference, std::string_view hypothesis);

// (substitutions + deletions + insertions) / reference length, by word-level edit distance on
// normalized words. An empty reference gives 0 for an empty hypothesis and 1 otherwise.
double word_error_rate(std::string_view reference, std::string_view hypothesis);

// The pairs (i, j), in order, where reference[i] and hypothesis[j] are the same word in a
// minimum-edit-distance alignment of the two sequences (as few edits as word_error_rate counts;
// among alignments with as few, the one that pairs the most words).
// O(n*m) time and memory: for texts of up to a few thousand words.
std::vector<std::pair<std::size_t, std::size_t>> matching_words(const std::vector<std::string>& reference,
                                                                const std::vector<std::string>& hypothesis);

// The pairs of matching_words that sit in a run of at least two consecutive matches: where most
// words are misrecognised, a lone match of a common word ("the") may pair words seconds apart,
// while two in a row rarely do.
std::vector<std::pair<std::size_t, std::size_t>> anchored_matches(const std::vector<std::string>& reference,
                                                                  const std::vector<std::string>& hypothesis);

}  // namespace clipgen::speech

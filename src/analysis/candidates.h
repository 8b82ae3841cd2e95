#pragma once
// Every run of whole sentences whose length fits the requested clip duration. Pure.
#include <vector>

#include "analysis/sentences.h"

namespace clipgen::analysis {

struct Candidate {
  std::size_t first = 0;  // first sentence
  std::size_t last = 0;   // last sentence (inclusive)
  double start = 0;       // seconds, inside the pause before the first word
  double end = 0;         // seconds, inside the pause after the last word
};

// Windows of consecutive sentences lasting [min_seconds, max_seconds], in start order.
// Linear in sentences times the sentences a window can hold.
std::vector<Candidate> make_candidates(const std::vector<Sentence>& sentences, double min_seconds, double max_seconds);

}  // namespace clipgen::analysis

#include "analysis/candidates.h"

namespace clipgen::analysis {

std::vector<Candidate> make_candidates(const std::vector<Sentence>& sentences, double min_seconds, double max_seconds) {
  std::vector<Candidate> out;
  for (std::size_t first = 0; first < sentences.size(); ++first) {
    for (std::size_t last = first; last < sentences.size(); ++last) {
      const double length = sentences[last].end - sentences[first].start;
      if (length > max_seconds) break;
      if (length >= min_seconds) out.push_back({first, last, sentences[first].start, sentences[last].end});
    }
  }
  return out;
}

}  // namespace clipgen::analysis

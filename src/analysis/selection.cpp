#include "analysis/selection.h"

#include <algorithm>
#include <numeric>

namespace clipgen::analysis {

std::vector<std::size_t> select_best(const std::vector<Candidate>& candidates, const std::vector<double>& scores,
                                     std::size_t count) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return candidates[a].start < candidates[b].start;
  });
  std::vector<std::size_t> chosen;
  for (std::size_t i : order) {
    if (chosen.size() == count) break;
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](std::size_t j) {
      return candidates[i].start < candidates[j].end && candidates[j].start < candidates[i].end;
    });
    if (!overlaps) chosen.push_back(i);
  }
  return chosen;
}

}  // namespace clipgen::analysis

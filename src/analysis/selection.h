#pragma once
// Picking the clips: the best candidates that do not overlap. Pure.
#include <cstddef>
#include <vector>

#include "analysis/candidates.h"

namespace clipgen::analysis {

// Indexes of at most `count` candidates, best first, no two overlapping in time. Ties go to
// the earlier start, so the result is deterministic.
std::vector<std::size_t> select_best(const std::vector<Candidate>& candidates, const std::vector<double>& scores,
                                     std::size_t count);

}  // namespace clipgen::analysis

#include "analysis/selection.h"

#include <gtest/gtest.h>

using clipgen::analysis::Candidate;
using clipgen::analysis::select_best;

namespace {

TEST(SelectBest, TakesTheBestFirstAndSkipsOverlaps) {
  const std::vector<Candidate> c = {{0, 0, 0, 30}, {0, 0, 20, 50}, {0, 0, 50, 80}, {0, 0, 10, 40}};
  const std::vector<double> scores = {1.0, 3.0, 2.0, 2.5};
  const auto chosen = select_best(c, scores, 4);
  // 1 (20-50) first; 3 (10-40) and 0 (0-30) overlap it; 2 (50-80) touches it only at 50.
  EXPECT_EQ(chosen, (std::vector<std::size_t>{1, 2}));
}

TEST(SelectBest, ReturnsFewerWhenFewerFit) {
  const std::vector<Candidate> c = {{0, 0, 0, 30}, {0, 0, 5, 35}, {0, 0, 10, 40}};
  EXPECT_EQ(select_best(c, {1, 2, 3}, 5).size(), 1u);
}

TEST(SelectBest, BreaksTiesByEarlierStart) {
  const std::vector<Candidate> c = {{0, 0, 40, 60}, {0, 0, 0, 20}, {0, 0, 20, 40}};
  EXPECT_EQ(select_best(c, {1, 1, 1}, 2), (std::vector<std::size_t>{1, 2}));
}

TEST(SelectBest, StopsAtTheRequestedCount) {
  const std::vector<Candidate> c = {{0, 0, 0, 10}, {0, 0, 10, 20}, {0, 0, 20, 30}};
  EXPECT_EQ(select_best(c, {1, 2, 3}, 2), (std::vector<std::size_t>{2, 1}));
}

TEST(SelectBest, EmptyInEmptyOut) { EXPECT_TRUE(select_best({}, {}, 3).empty()); }

}  // namespace

#include "analysis/scoring.h"

#include <gtest/gtest.h>

#include <set>

using namespace clipgen::analysis;

namespace {

TEST(Virality, MapsStandardDeviationsOntoOneToTen) {
  EXPECT_EQ(virality(0), 5);
  EXPECT_EQ(virality(-10), 1);
  EXPECT_EQ(virality(10), 10);
  EXPECT_GT(virality(1.5), virality(0.5));
}

TEST(ScoreCandidates, SpreadsScoresAndNamesWhatPushedThem) {
  std::vector<Features> f(20);
  for (std::size_t i = 0; i < f.size(); ++i) {
    f[i].speech_rate = 2.0 + 0.1 * static_cast<double>(i);
    f[i].hook = i % 3;
    f[i].salience = 1.0 + 0.05 * static_cast<double>(i % 7);
  }
  const auto s = score_candidates(f);
  ASSERT_EQ(s.total.size(), f.size());
  std::set<int> distinct;
  for (double t : s.total) distinct.insert(virality(t));
  EXPECT_GE(distinct.size(), 4u) << "scores should spread across the range";
  EXPECT_GT(s.contributions[19][0], 0) << "the fastest speaker gains from speech_rate";
  EXPECT_LT(s.contributions[0][0], 0);
  EXPECT_EQ(s.contributions[5][6], 0) << "a feature all share (fillers) contributes nothing";
}

TEST(ScoreCandidates, NoCandidatesNoScores) { EXPECT_TRUE(score_candidates({}).total.empty()); }

}  // namespace

// Which corrected words a render times, over which audio, and when the timing may be kept
// (speech/correction_timing.h). The timing itself is tested against the manifesto's word times
// (tests/integration/speech/correction_timing_test.cpp).
#include "speech/correction_timing.h"

#include <gtest/gtest.h>

namespace clipgen::speech {
namespace {

Transcript words(std::vector<Word> w, double duration = 100) {
  Transcript t;
  t.engine = "test";
  t.duration = duration;
  t.words = std::move(w);
  return t;
}

Word heard(const char* text, double start, double end) { return {text, start, end}; }
Word estimate(const char* text, double start, double end) { return {text, start, end, 1.0, true}; }

}  // namespace

TEST(CorrectionRuns, EachRunIsDecodedBetweenTheStartAndEndOfItsHeardNeighbours) {
  const auto t = words({heard("so", 1, 1.2), estimate("my", 1.3, 1.5), estimate("fellow", 1.5, 1.9),
                        heard("Americans", 2.0, 2.6), heard("ask", 5, 5.2), estimate("not", 5.3, 5.5),
                        heard("what", 5.6, 5.8)});
  const auto runs = correction_runs(t, 0, 10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].first, 1u);
  EXPECT_EQ(runs[0].last, 3u);
  EXPECT_DOUBLE_EQ(runs[0].from, 1.0);
  EXPECT_DOUBLE_EQ(runs[0].to, 2.6);
  EXPECT_EQ(runs[1].first, 5u);
  EXPECT_DOUBLE_EQ(runs[1].from, 5.0);
  EXPECT_DOUBLE_EQ(runs[1].to, 5.8);
  // Only what overlaps the clip: [4, 10] holds the second run.
  const auto clip = correction_runs(t, 4, 10);
  ASSERT_EQ(clip.size(), 1u);
  EXPECT_EQ(clip[0].first, 5u);
  EXPECT_TRUE(correction_runs(t, 3, 4.5).empty());
}

TEST(CorrectionRuns, RunsAtTheEdgesTakeAMarginInsideTheRecording) {
  const auto t = words({estimate("And", 0.4, 0.6), heard("so", 0.7, 0.9), estimate("country", 9.5, 9.9)}, 10);
  const auto runs = correction_runs(t, 0, 10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_DOUBLE_EQ(runs[0].from, 0.0);  // not before the recording
  EXPECT_DOUBLE_EQ(runs[0].to, 0.9);
  EXPECT_DOUBLE_EQ(runs[1].from, 0.7);
  EXPECT_DOUBLE_EQ(runs[1].to, 10.0);   // not past it
}

TEST(CorrectionRuns, ARunWithTooMuchAudioKeepsItsEstimate) {
  const auto t = words({heard("before", 0, 0.5), estimate("long", 1, 70), heard("after", 70.5, 71)});
  EXPECT_TRUE(correction_runs(t, 0, 100).empty());
  EXPECT_TRUE(correction_runs(words({heard("a", 0, 1)}), 0, 100).empty());
}

TEST(KeepTimedCorrections, TheTimingIsKeptOnlyWhenTheWordsAreStillTheSame) {
  const auto before = words({heard("ask", 1, 1.2), estimate("not", 1.3, 1.5)});
  auto timed = before;
  timed.words[1] = heard("not", 1.25, 1.45);
  EXPECT_EQ(keep_timed_corrections(before, timed).words, timed.words);
  // Corrected again while the render ran: that correction stays, for the next render to time.
  auto changed = before;
  changed.words[1] = estimate("now", 1.3, 1.5);
  EXPECT_EQ(keep_timed_corrections(changed, timed).words, changed.words);
  changed.words.push_back(heard("what", 2, 2.2));
  EXPECT_EQ(keep_timed_corrections(changed, timed).words, changed.words);
}

}  // namespace clipgen::speech

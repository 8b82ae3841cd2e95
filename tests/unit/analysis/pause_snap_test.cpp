#include "analysis/pause_snap.h"

#include <gtest/gtest.h>

#include "analysis/sentences.h"
#include "transcript_builder.h"

using namespace clipgen::analysis;
using clipgen::testing::TranscriptBuilder;

namespace {

// Words 0.3 s long, 0.05 s apart; pauses of 1.0 s after "three" and 0.2 s after "five".
const auto kTalk = TranscriptBuilder().say("one two three", 1.0).say("four five", 0.2).say("six seven", 2.0).build();

TEST(PauseSnap, ABoundaryInsideAWordMovesIntoTheNearestPause) {
  const auto& w = kTalk.words;
  // Inside "three": the 1 s pause after it, a start at most kMaxPadding before "four".
  const double start = snap_to_pause(kTalk, (w[2].start + w[2].end) / 2, Boundary::start);
  EXPECT_DOUBLE_EQ(start, w[3].start - kMaxPadding);
  // An end inside "four" reaches back to the same pause: kMaxPadding after "three".
  EXPECT_DOUBLE_EQ(snap_to_pause(kTalk, w[3].start + 0.1, Boundary::end), w[2].end + kMaxPadding);
}

TEST(PauseSnap, AShortPauseIsUsedToItsMiddle) {
  const auto& w = kTalk.words;
  // Inside "five": the 0.2 s pause after it, shorter than twice the padding.
  EXPECT_DOUBLE_EQ(snap_to_pause(kTalk, w[4].end - 0.05, Boundary::end), (w[4].end + w[5].start) / 2);
}

TEST(PauseSnap, WithoutAPauseInReachAWordBoundaryIsUsed) {
  // 30 words in one breath (gaps of 0.05 s, below kSnapPause), then a pause.
  std::string breath;
  for (int i = 0; i < 30; ++i) breath += "word ";
  const auto t = TranscriptBuilder().say(breath, 1.0).build();
  const auto& w = t.words;
  const double inside = w[10].start + 0.1;  // nearer to word 10's start than its end
  const double snapped = snap_to_pause(t, inside, Boundary::start);
  EXPECT_GE(snapped, w[9].end);
  EXPECT_LE(snapped, w[10].start);
}

TEST(PauseSnap, TheEndsOfTheRecordingCountAndNothingLeavesIt) {
  const auto& w = kTalk.words;
  // The 0.5 s before the first word: its middle (shorter than twice the padding).
  EXPECT_DOUBLE_EQ(snap_to_pause(kTalk, 0.0, Boundary::start), w[0].start / 2);
  const double end = snap_to_pause(kTalk, kTalk.duration, Boundary::end);
  EXPECT_DOUBLE_EQ(end, w.back().end + kMaxPadding);
  EXPECT_LE(end, kTalk.duration);
  clipgen::speech::Transcript silent;
  EXPECT_DOUBLE_EQ(snap_to_pause(silent, 4.2, Boundary::end), 4.2);
}

}  // namespace

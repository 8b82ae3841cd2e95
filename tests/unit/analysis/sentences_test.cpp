#include "analysis/sentences.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/candidates.h"
#include "transcript_builder.h"

using namespace clipgen::analysis;
using clipgen::testing::TranscriptBuilder;

namespace {

TEST(Sentences, BreakAtPausesAndPadIntoThemWithoutReachingTheNextWord) {
  const auto t = TranscriptBuilder().say("one two three", 1.0).say("four five", 0.2).say("six seven", 2.0).build();
  const auto s = split_sentences(t, 60);
  ASSERT_EQ(s.size(), 2u);  // the 0.2 s pause is not a sentence break
  EXPECT_EQ(s[0].first, 0u);
  EXPECT_EQ(s[0].last, 2u);
  EXPECT_EQ(s[1].first, 3u);
  EXPECT_EQ(s[1].last, 6u);
  EXPECT_LT(s[0].start, t.words[0].start);
  EXPECT_GT(s[0].end, t.words[2].end);
  EXPECT_LE(s[0].end, s[1].start);
  EXPECT_NEAR(s[0].end - t.words[2].end, kMaxPadding, 1e-9);
  EXPECT_LE(s[1].end, t.duration);
}

TEST(Sentences, PunctuationEndsASentenceEvenWithoutAPause) {
  const auto t = TranscriptBuilder().say("Really? yes it is.", 0.1).say("next", 1).build();
  EXPECT_EQ(split_sentences(t, 60).size(), 3u);
}

TEST(Sentences, OverlongSpeechIsSplitAtItsLongestInnerPauses) {
  TranscriptBuilder b;
  for (int i = 0; i < 40; ++i) b.say("word word word word", i == 20 ? 0.25 : 0.1);  // 40 x ~1.45 s, no real pause
  const auto t = b.build();
  const auto s = split_sentences(t, 30);
  ASSERT_GE(s.size(), 2u);
  bool split_at_longest = false;
  for (std::size_t i = 1; i < s.size(); ++i)
    split_at_longest |= std::abs(t.words[s[i].first].start - t.words[s[i].first - 1].end - 0.25) < 1e-9;
  EXPECT_TRUE(split_at_longest) << "the 0.25 s pause is the first place to split";
  for (const auto& sen : s) EXPECT_LE(t.words[sen.last].end - t.words[sen.first].start, 30.0);
}

TEST(Candidates, RespectDurationBoundsAndSentenceEdges) {
  TranscriptBuilder b;
  for (int i = 0; i < 30; ++i) b.say("this is a sentence of some length", 0.8);  // ~3.2 s each
  const auto t = b.build();
  const auto sentences = split_sentences(t, 40);
  const auto c = make_candidates(sentences, 10, 20);
  ASSERT_FALSE(c.empty());
  for (const auto& cand : c) {
    EXPECT_GE(cand.end - cand.start, 10);
    EXPECT_LE(cand.end - cand.start, 20);
    EXPECT_EQ(cand.start, sentences[cand.first].start);
    EXPECT_EQ(cand.end, sentences[cand.last].end);
  }
}

}  // namespace

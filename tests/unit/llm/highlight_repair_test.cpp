#include "llm/highlight_repair.h"

#include <gtest/gtest.h>

#include "unit/llm/talk_transcript.h"

namespace clipgen::llm {

namespace {

using analysis::Highlight;

struct Fixture {
  speech::Transcript transcript = testing::talk_transcript();
  std::vector<analysis::Sentence> sentences = analysis::split_sentences(transcript, 60);
};

Highlight proposal(double start, double end, int score = 7) {
  return {.start = start, .end = end, .title = "T", .hook = "H", .score = score, .reason = "R",
          .hashtags = {"growth", "#money ", "", "two words"}};
}

bool at_sentence_start(const std::vector<analysis::Sentence>& s, double t) {
  return std::any_of(s.begin(), s.end(), [&](const auto& x) { return x.start == t; });
}
bool at_sentence_end(const std::vector<analysis::Sentence>& s, double t) {
  return std::any_of(s.begin(), s.end(), [&](const auto& x) { return x.end == t; });
}

}  // namespace

TEST(HighlightRepair, SnapsToSentencePausesAndFillsText) {
  Fixture f;
  RepairReport report;
  const auto out = repair_highlights({proposal(9.9, 35.2)}, f.transcript, f.sentences, {20, 60, 5}, report);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at_sentence_start(f.sentences, out[0].start));
  EXPECT_TRUE(at_sentence_end(f.sentences, out[0].end));
  EXPECT_NEAR(out[0].start, 9.9, 2.5);
  EXPECT_NEAR(out[0].end, 35.2, 2.5);
  EXPECT_TRUE(out[0].text.starts_with("why does")) << out[0].text;
  EXPECT_EQ(out[0].hashtags, (std::vector<std::string>{"#growth", "#money", "#twowords"}));
}

TEST(HighlightRepair, DropsInventedTimesAndClampsScores) {
  Fixture f;
  RepairReport report;
  const auto out = repair_highlights({proposal(500, 540), proposal(30, 10), proposal(-50, -20),
                                      proposal(std::nan(""), 20), proposal(10, 40, 42), proposal(100, 130, -3)},
                                     f.transcript, f.sentences, {20, 60, 5}, report);
  EXPECT_EQ(report.invented, 4);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].score, 10);
  EXPECT_EQ(out[1].score, 1);
}

TEST(HighlightRepair, BringsDurationsWithinTheLimits) {
  Fixture f;
  RepairReport report;
  // 5 s is too short and 150 s too long for 20-60 s clips: grown and cut by whole sentences.
  const auto out = repair_highlights({proposal(20, 25, 9), proposal(60, 170, 8)}, f.transcript, f.sentences,
                                     {20, 60, 5}, report);
  ASSERT_EQ(out.size(), 2u);
  for (const auto& h : out) {
    EXPECT_GE(h.end - h.start, 20);
    EXPECT_LE(h.end - h.start, 60);
  }
  EXPECT_EQ(report.unfit, 0);
}

TEST(HighlightRepair, KeepsTheBetterOfOverlappingClipsAndCapsTheCount) {
  Fixture f;
  RepairReport report;
  const auto out = repair_highlights({proposal(10, 40, 5), proposal(20, 50, 9), proposal(60, 90, 7),
                                      proposal(100, 130, 6), proposal(140, 170, 4)},
                                     f.transcript, f.sentences, {20, 60, 3}, report);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].score, 9);
  EXPECT_EQ(out[1].score, 7);
  EXPECT_EQ(out[2].score, 6);
  EXPECT_EQ(report.overlapping, 1);
}

TEST(HighlightRepair, TopUpAddsOnlyNonOverlappingExtras) {
  const std::vector<Highlight> chosen{proposal(10, 40, 8)};
  const std::vector<Highlight> extra{proposal(30, 60, 9), proposal(70, 100, 3), proposal(110, 140, 5)};
  const auto out = top_up(chosen, extra, 3);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].start, 10);
  EXPECT_EQ(out[1].start, 110);
  EXPECT_EQ(out[2].start, 70);
}

}  // namespace clipgen::llm

#include "analysis/heuristic_analyzer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "transcript_builder.h"

using namespace clipgen::analysis;
using clipgen::speech::Transcript;
using clipgen::testing::TranscriptBuilder;

namespace {

const std::vector<float> kNoLoudness;

AnalysisResult run(const Transcript& t, int clips, double min, double max, const std::string& prompt = "") {
  HeuristicAnalyzer analyzer;
  return analyzer.analyze({t, kNoLoudness, clips, min, max, prompt}, nullptr);
}

// Machine captions of a real 88 s reading (videogrep's test input), with word times.
Transcript manifesto() {
  std::ifstream in(std::string(CLIPGEN_MEDIA_DIR) + "/video/videogrep_manifesto.json");
  const auto json = nlohmann::json::parse(in);
  Transcript t;
  for (const auto& line : json)
    for (const auto& w : line["words"]) t.words.push_back({w["word"], w["start"], w["end"], w["conf"]});
  t.duration = 88.1;
  return t;
}

void expect_well_formed(const Transcript& t, const AnalysisResult& r, double min, double max) {
  for (std::size_t i = 0; i < r.highlights.size(); ++i) {
    const auto& h = r.highlights[i];
    SCOPED_TRACE("clip " + std::to_string(i + 1) + ": " + h.title);
    EXPECT_GE(h.end - h.start, min);
    EXPECT_LE(h.end - h.start, max);
    EXPECT_GE(h.start, 0);
    EXPECT_LE(h.end, t.duration);
    EXPECT_GE(h.score, 1);
    EXPECT_LE(h.score, 10);
    EXPECT_FALSE(h.title.empty());
    EXPECT_FALSE(h.reason.empty());
    EXPECT_FALSE(h.text.empty());
    for (const auto& w : t.words) {
      EXPECT_FALSE(w.start < h.start && h.start < w.end) << "starts inside '" << w.text << "'";
      EXPECT_FALSE(w.start < h.end && h.end < w.end) << "ends inside '" << w.text << "'";
    }
    for (std::size_t j = 0; j < i; ++j)
      EXPECT_TRUE(h.end <= r.highlights[j].start || r.highlights[j].end <= h.start) << "overlaps clip " << j + 1;
    if (i > 0) {
      EXPECT_LE(h.score, r.highlights[i - 1].score) << "best first";
    }
  }
}

TEST(HeuristicAnalyzer, EmptyTranscriptGivesNoClipsAndSaysWhy) {
  const auto r = run(Transcript{}, 5, 20, 60);
  EXPECT_TRUE(r.highlights.empty());
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("no speech"), std::string::npos);
}

TEST(HeuristicAnalyzer, ReturnsFewerThanAskedWhenFewerFitAndSaysSo) {
  TranscriptBuilder b;
  for (int i = 0; i < 12; ++i) b.say("we talk about the plan for the future of the company", 0.8);  // ~50 s
  const auto t = b.build();
  const auto r = run(t, 5, 20, 30);
  EXPECT_GE(r.highlights.size(), 1u);
  EXPECT_LE(r.highlights.size(), 2u);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("asked for 5"), std::string::npos) << r.notes[0];
  expect_well_formed(t, r, 20, 30);
}

TEST(HeuristicAnalyzer, RealTranscriptGivesDistinctWellFormedClips) {
  const auto t = manifesto();
  const auto r = run(t, 3, 10, 30);
  ASSERT_EQ(r.highlights.size(), 3u);
  expect_well_formed(t, r, 10, 30);
  std::set<std::string> titles;
  for (const auto& h : r.highlights) titles.insert(h.title);
  EXPECT_EQ(titles.size(), 3u);
}

TEST(HeuristicAnalyzer, ThePromptSteersThePick) {
  TranscriptBuilder b;
  for (int i = 0; i < 6; ++i) b.say("the weather was mild and the meeting went on as planned today", 1.0);
  b.say("the funniest joke about penguins made everyone laugh out loud", 1.0);
  for (int i = 0; i < 6; ++i) b.say("the weather was mild and the meeting went on as planned today", 1.0);
  const auto t = b.build();
  const auto r = run(t, 1, 5, 12, "funny penguins joke");
  ASSERT_EQ(r.highlights.size(), 1u);
  EXPECT_NE(r.highlights[0].text.find("penguins"), std::string::npos) << r.highlights[0].text;
  EXPECT_NE(r.highlights[0].reason.find("asked for"), std::string::npos) << r.highlights[0].reason;
}

TEST(HeuristicAnalyzer, AQuestionHookBeatsAFlatOpening) {
  TranscriptBuilder b;
  for (int i = 0; i < 5; ++i) b.say("the report was filed and then the office closed for the evening", 1.0);
  b.say("why do you never see the biggest mistake coming until it is too late", 1.0);
  for (int i = 0; i < 5; ++i) b.say("the report was filed and then the office closed for the evening", 1.0);
  const auto r = run(b.build(), 1, 5, 12);
  ASSERT_EQ(r.highlights.size(), 1u);
  EXPECT_EQ(r.highlights[0].hook.rfind("why do you", 0), 0u) << r.highlights[0].hook;
}

}  // namespace

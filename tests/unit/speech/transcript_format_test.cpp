#include "speech/transcript_format.h"

#include <gtest/gtest.h>

namespace clipgen::speech {
namespace {

Transcript sample() {
  Transcript t;
  t.engine = "test";
  t.duration = 10;
  t.words = {{"ask", 1.0, 1.3, 0.9}, {"not", 1.35, 1.6, 1.0}, {"what", 3.0, 3.2, 1.0}, {"your", 3.25, 3.5, 1.0}};
  return t;
}

}  // namespace

TEST(TranscriptFormat, JsonRoundTrips) {
  const auto back = transcript_from_json(to_json(sample()));
  ASSERT_EQ(back.words.size(), 4u);
  EXPECT_EQ(back.words[2].text, "what");
  EXPECT_DOUBLE_EQ(back.words[0].confidence, 0.9);
  EXPECT_DOUBLE_EQ(back.duration, 10);
  auto corrected = sample();
  corrected.words[1].estimated = true;
  const auto json = to_json(corrected);
  EXPECT_FALSE(json["words"][0].contains("estimated"));  // said only of the words it is true of
  EXPECT_TRUE(transcript_from_json(json).words[1].estimated);
}

TEST(TranscriptFormat, RejectsForeignJson) {
  EXPECT_THROW(transcript_from_json(nlohmann::json{{"words", 3}}), std::invalid_argument);
}

TEST(TranscriptFormat, SrtAndVttBreakCuesAtPauses) {
  const auto srt = to_srt(sample());
  EXPECT_EQ(srt, "1\n00:00:01,000 --> 00:00:01,600\nask not\n\n2\n00:00:03,000 --> 00:00:03,500\nwhat your\n\n");
  const auto vtt = to_vtt(sample());
  EXPECT_EQ(vtt.rfind("WEBVTT\n\n", 0), 0u);
  EXPECT_NE(vtt.find("00:00:03.000 --> 00:00:03.500\nwhat your"), std::string::npos);
}

TEST(TranscriptFormat, ClipTranscriptIsRelativeToTheClip) {
  const auto clip = clip_transcript(sample(), 2.5, 4.0);
  ASSERT_EQ(clip.words.size(), 2u);
  EXPECT_DOUBLE_EQ(clip.words[0].start, 0.5);
  EXPECT_DOUBLE_EQ(clip.duration, 1.5);
}

}  // namespace clipgen::speech

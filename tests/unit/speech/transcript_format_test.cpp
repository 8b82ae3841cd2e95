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
  for (const auto& speaker : {nlohmann::json(1e300), nlohmann::json(-1), nlohmann::json(2.5), nlohmann::json("2")}) {
    auto json = to_json(sample());
    json["words"][0]["speaker"] = speaker;
    EXPECT_THROW(transcript_from_json(json), std::invalid_argument) << speaker;
  }
}

TEST(TranscriptFormat, SrtAndVttBreakCuesAtPauses) {
  const auto srt = to_srt(sample());
  EXPECT_EQ(srt, "1\n00:00:01,000 --> 00:00:01,600\nask not\n\n2\n00:00:03,000 --> 00:00:03,500\nwhat your\n\n");
  const auto vtt = to_vtt(sample());
  EXPECT_EQ(vtt.rfind("WEBVTT\n\n", 0), 0u);
  EXPECT_NE(vtt.find("00:00:03.000 --> 00:00:03.500\nwhat your"), std::string::npos);
}

TEST(TranscriptFormat, SpeakersAreKeptAndTurnsStartCues) {
  auto t = sample();
  t.words[0].speaker = t.words[1].speaker = 1;
  t.words[2].speaker = 2;  // "what" starts a turn without a pause
  t.words[2].start = 1.65;
  t.words[3].speaker = 2;
  t.words[3].start = 1.9;
  const auto json = to_json(t);
  EXPECT_EQ(json["words"][2]["speaker"], 2);
  EXPECT_EQ(transcript_from_json(json).words, t.words);
  EXPECT_FALSE(to_json(sample())["words"][0].contains("speaker"));
  EXPECT_EQ(to_srt(t),
            "1\n00:00:01,000 --> 00:00:01,600\nSpeaker 1: ask not\n\n"
            "2\n00:00:01,650 --> 00:00:03,500\nSpeaker 2: what your\n\n");
  EXPECT_NE(to_vtt(t).find("00:00:01.650 --> 00:00:03.500\n<v Speaker 2>what your\n"), std::string::npos);
  // The name is said once per turn, not on every cue of it.
  t.words[3].start = 3.0;
  EXPECT_EQ(to_srt(t).find("Speaker 2: your"), std::string::npos);
  // After words of nobody known, the name is said again.
  t.words[2].speaker = 0;
  EXPECT_NE(to_srt(t).find("Speaker 2: your"), std::string::npos);
  const auto clip = clip_transcript(t, 0.5, 4.0);
  EXPECT_EQ(clip.words[3].speaker, 2);
}

TEST(TranscriptFormat, ClipTranscriptIsRelativeToTheClip) {
  const auto clip = clip_transcript(sample(), 2.5, 4.0);
  ASSERT_EQ(clip.words.size(), 2u);
  EXPECT_DOUBLE_EQ(clip.words[0].start, 0.5);
  EXPECT_DOUBLE_EQ(clip.duration, 1.5);
}

}  // namespace clipgen::speech

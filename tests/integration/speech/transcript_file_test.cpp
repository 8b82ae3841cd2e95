// Reading the user's transcript or captions, against the real caption files shipped with the
// manifesto recording: YouTube's rolling WebVTT (each cue shows the previous line again) must
// give each word once, as the SubRip made from the same captions (one line per cue) has them.
#include "speech/transcript_file.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

const fs::path kVideo = fs::path(CLIPGEN_MEDIA_DIR) / "video";

std::string text_of(const std::vector<TextWord>& words) {
  std::string text;
  for (const auto& w : words) text += w.text + " ";
  return text;
}

TEST(TranscriptFile, RollingWebVttGivesEachWordOnceWithinItsCue) {
  const auto vtt = read_transcript_file(kVideo / "videogrep_manifesto.vtt");  // 73 cues showing 598 words
  const auto srt = read_transcript_file(kVideo / "videogrep_manifesto.srt");  // 37 cues
  ASSERT_EQ(vtt.size(), srt.size()) << text_of(vtt);
  EXPECT_EQ(text_of(vtt), text_of(srt));
  EXPECT_EQ(vtt.front().text, "this");
  EXPECT_NEAR(vtt.front().cue_start, 1.599, 1e-6);
  EXPECT_NEAR(vtt.front().cue_end, 3.909, 1e-6);
  EXPECT_NEAR(srt.front().cue_end, 3.919, 1e-6);
  for (const auto& w : vtt) EXPECT_LT(w.cue_start, w.cue_end) << w.text;
}

TEST(TranscriptFile, WhatCannotBeReadIsAClearError) {
  try {
    read_transcript_file(kVideo / "videogrep_manifesto.mp4.srt");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("cannot be read"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_transcript_file(kVideo), std::invalid_argument);  // a folder
  // A device is no transcript: reading /dev/zero once grew without bound.
  EXPECT_THROW(read_transcript_file("/dev/zero"), std::invalid_argument);
  const fs::path big = fs::temp_directory_path() / ("clipgen_big_" + std::to_string(getpid()) + ".txt");
  fs::resize_file((std::ofstream(big), big), (16u << 20) + 1);
  EXPECT_THROW(read_transcript_file(big), std::invalid_argument);
  fs::remove(big);
  // A number past double's range is no JSON we can read (the fuzzer's find: it escaped as
  // nlohmann's out_of_range and ended the server).
  const fs::path huge = fs::temp_directory_path() / ("clipgen_huge_" + std::to_string(getpid()) + ".json");
  std::ofstream(huge) << R"({"words": [{"text": "a", "start": 1e99999}]})";
  EXPECT_THROW(read_transcript_file(huge), std::invalid_argument);
  fs::remove(huge);
}

TEST(TranscriptFile, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  const fs::path latin1 = fs::temp_directory_path() / ("clipgen_latin1_" + std::to_string(getpid()) + ".txt");
  std::ofstream(latin1, std::ios::binary) << "caf\xe9 ol\xe9\n";  // Latin-1, as old editors save it
  const auto words = read_transcript_file(latin1);
  fs::remove(latin1);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "caf\xef\xbf\xbd");
  EXPECT_EQ(words[1].text, "ol\xef\xbf\xbd");
}

}  // namespace
}  // namespace clipgen::speech

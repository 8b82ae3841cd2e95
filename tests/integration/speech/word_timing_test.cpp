// Word times against references clipgen did not make: the same recording shifted by a known
// offset (silence, room tone or music before it), speech onsets after digital silence, the
// field recordings' known layout, and the manifesto's own caption word times. Words are paired
// with the reference by a minimum-edit-distance alignment of their texts, so recognition errors
// only leave words out of the comparison.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <random>

#include "speech/pocketsphinx_transcriber.h"
#include "speech/word_error_rate.h"
#include "speech_references.h"
#include "support/reference_words.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

using testing::pcm_of;
using testing::percentile;

const fs::path kMedia = CLIPGEN_MEDIA_DIR;

Transcript transcribe(const std::vector<std::int16_t>& samples) {
  PocketsphinxTranscriber engine({});
  return engine.transcribe(with_voice_activity(samples), "en", {});
}

std::vector<std::string> texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

// Start-time differences (hypothesis - reference) of the words both transcripts share, in runs
// of two or more (anchored_matches).
std::vector<double> start_shifts(const std::vector<Word>& reference, const std::vector<Word>& hypothesis) {
  std::vector<double> shifts;
  for (const auto& [i, j] : anchored_matches(texts(reference), texts(hypothesis)))
    shifts.push_back(hypothesis[j].start - reference[i].start);
  return shifts;
}

// Quiet noise at about -60 dBFS, like an empty room through a microphone.
std::vector<std::int16_t> room_tone(double seconds) {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0, 30);
  std::vector<std::int16_t> out(static_cast<std::size_t>(seconds * kSampleRate));
  for (auto& s : out) s = static_cast<std::int16_t>(std::clamp(noise(random), -32768.0, 32767.0));
  return out;
}

// A melody of decaying tones with harmonics: music with nobody speaking.
std::vector<std::int16_t> tones(double seconds) {
  std::vector<std::int16_t> out(static_cast<std::size_t>(seconds * kSampleRate));
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = double(i) / kSampleRate, note = std::fmod(t, 0.4);
    const double f = 220 * std::pow(2.0, double(static_cast<int>(t / 0.4) % 5) / 4);
    const double v = (std::sin(2 * M_PI * f * t) + 0.5 * std::sin(4 * M_PI * f * t)) * std::exp(-4 * note);
    out[i] = static_cast<std::int16_t>(8000 * v);
  }
  return out;
}

std::vector<std::int16_t> join(std::vector<std::int16_t> a, const std::vector<std::int16_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::vector<std::int16_t>& jfk() {
  static const auto samples = pcm_of(kMedia / "speech/jfk.wav");
  return samples;
}

const Transcript& jfk_words() {
  static const auto transcript = transcribe(jfk());
  return transcript;
}

struct Padding {
  const char* name;
  std::vector<std::int16_t> (*before)(double seconds);
  double seconds;
};

class PaddedCopy : public ::testing::TestWithParam<Padding> {};

TEST_P(PaddedCopy, ShiftsEveryWordByExactlyThePadding) {
  const Padding& p = GetParam();
  const auto padded = transcribe(join(p.before(p.seconds), jfk()));
  const auto shifts = start_shifts(jfk_words().words, padded.words);
  ASSERT_GE(shifts.size(), jfk_words().words.size() * 6 / 10) << "too few words recognised alike to compare";
  for (double s : shifts) EXPECT_NEAR(s, p.seconds, 0.05);
  ASSERT_FALSE(padded.words.empty());
  EXPECT_GE(padded.words.front().start, p.seconds) << "a word was found in the " << p.name;
}

INSTANTIATE_TEST_SUITE_P(
    Jfk, PaddedCopy,
    ::testing::Values(Padding{"silence", [](double s) { return std::vector<std::int16_t>(std::size_t(s * kSampleRate)); }, 3.7},
                      Padding{"room tone", room_tone, 6.3}, Padding{"music", tones, 8.1}),
    [](const auto& test) {
      std::string name = test.param.name;
      std::replace(name.begin(), name.end(), ' ', '_');
      return name;
    });

TEST(WordTiming, FirstWordAfterDigitalSilenceStartsAtTheSpeechOnset) {
  // ../shared/media/field: 10 s of digital silence, then jfk.wav.
  const auto samples = pcm_of(kMedia / "field/silence10_then_jfk.wav");
  const auto transcript = transcribe(samples);
  ASSERT_FALSE(transcript.words.empty());
  const double first = transcript.words.front().start, spoken = testing::onset_after_silence(samples);
  std::cout << "speech onset " << spoken << " s, first word " << first << " s\n";
  EXPECT_GT(first, 10.2);  // the field file's right value
  EXPECT_NEAR(first, spoken, 0.05);
  for (double s : start_shifts(jfk_words().words, transcript.words)) EXPECT_NEAR(s, 10.0, 0.05);
}

TEST(WordTiming, APauseInTheMiddleShiftsTheWordsAfterItByItsLength) {
  // jfk.wav, 10 s of silence, jfk.wav: the second "and so my fellow" starts 21.0 s after the first.
  const auto transcript = transcribe(pcm_of(kMedia / "field/jfk_silence10_jfk.wav"));
  std::vector<Word> first, second;
  for (const auto& w : transcript.words) (w.start < 16 ? first : second).push_back(w);
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  EXPECT_NEAR(second.front().start - first.front().start, 21.0, 0.05);
  const auto shifts = start_shifts(first, second);
  ASSERT_GE(shifts.size(), first.size() / 2);
  for (double s : shifts) EXPECT_NEAR(s, 21.0, 0.05);
}

TEST(WordTiming, ManifestoWordsStartWhereItsCaptionsSayWithinMeasuredError) {
  // The word times shipped with the recording (video/videogrep_manifesto.json).
  const auto reference = clipgen::testing::reference_words(0, 1e9);
  // Decoded once for this and correction_timing_test.cpp's test.
  const auto transcript =
      testing::decoded_once("manifesto", [] { return transcribe(pcm_of(kMedia / "video/videogrep_manifesto.mp4")); });
  std::vector<double> errors;
  for (double s : start_shifts(reference, transcript.words)) errors.push_back(std::abs(s));
  ASSERT_GE(errors.size(), reference.size() / 3);
  const double median = percentile(errors, 0.5), p95 = percentile(errors, 0.95);
  std::cout << errors.size() << " of " << reference.size() << " words matched; onset error median " << median
            << " s, 95th percentile " << p95 << " s\n";
  RecordProperty("median_onset_error", std::to_string(median));
  RecordProperty("p95_onset_error", std::to_string(p95));
  EXPECT_LT(median, 0.1);
  EXPECT_LT(p95, 0.3);
}

}  // namespace
}  // namespace clipgen::speech

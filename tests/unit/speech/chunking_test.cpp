#include "speech/chunking.h"

#include <gtest/gtest.h>

#include <cmath>

namespace clipgen::speech {
namespace {

constexpr int kRate = 16000;

// Loud "speech" everywhere except silent gaps at the given seconds (each 0.5 s long).
std::vector<std::int16_t> speech_with_pauses(double seconds, const std::vector<double>& pauses) {
  std::vector<std::int16_t> samples(static_cast<std::size_t>(seconds * kRate));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double t = static_cast<double>(i) / kRate;
    bool silent = false;
    for (double p : pauses) silent = silent || (t >= p && t < p + 0.5);
    samples[i] = silent ? 0 : static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * 220 * t));
  }
  return samples;
}

}  // namespace

TEST(Chunking, ShortAudioIsOneChunk) {
  const auto samples = speech_with_pauses(30, {});
  const auto chunks = split_at_pauses(samples, kRate);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].begin, 0u);
  EXPECT_EQ(chunks[0].end, samples.size());
}

TEST(Chunking, CutsInsidePausesAndCoversEverySample) {
  const auto samples = speech_with_pauses(100, {27.0, 55.0, 81.0});
  const auto chunks = split_at_pauses(samples, kRate);
  ASSERT_EQ(chunks.size(), 4u);
  EXPECT_EQ(chunks.front().begin, 0u);
  EXPECT_EQ(chunks.back().end, samples.size());
  for (std::size_t i = 1; i < chunks.size(); ++i) {
    EXPECT_EQ(chunks[i].begin, chunks[i - 1].end);
    const std::int16_t at_cut = samples[chunks[i].begin];
    EXPECT_EQ(at_cut, 0) << "cut " << i << " at " << static_cast<double>(chunks[i].begin) / kRate << " s";
  }
}

TEST(Chunking, NeverLongerThanTheLimitWithoutPauses) {
  const auto samples = speech_with_pauses(130, {});
  const auto chunks = split_at_pauses(samples, kRate, {20, 40});
  ASSERT_GE(chunks.size(), 4u);
  for (const auto& c : chunks) EXPECT_LE(static_cast<double>(c.end - c.begin) / kRate, 40.0 + 0.2);
}

TEST(Chunking, SpeechIsGatheredIntoPiecesThatLeaveOutTheSilenceBetween) {
  // Stretches at 1-4, 5-9, 30-33 and 34-80 s: the first two fit 10 s, the long pause starts a
  // new piece, and the 46 s stretch is a piece of its own.
  const std::vector<SpeechSpan> speech{{1, 4}, {5, 9}, {30, 33}, {34, 80}};
  const auto pieces = group_speech(speech, 10, kRate, 75 * kRate);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].begin, 1u * kRate);
  EXPECT_EQ(pieces[0].end, 9u * kRate);
  EXPECT_EQ(pieces[1].begin, 30u * kRate);
  EXPECT_EQ(pieces[1].end, 33u * kRate);
  EXPECT_EQ(pieces[2].begin, 34u * kRate);
  EXPECT_EQ(pieces[2].end, 75u * kRate);  // clamped to the recording
  EXPECT_TRUE(group_speech({}, 10, kRate, 75 * kRate).empty());
}

}  // namespace clipgen::speech

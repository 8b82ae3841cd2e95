#pragma once
// What an analyzer hands back: the moments worth a clip, ranked.
#include <string>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::analysis {

struct Highlight {
  double start = 0;  // seconds, at a pause before the first word
  double end = 0;    // seconds, at a pause after the last word
  std::string title;
  std::string hook;    // the opening line that grabs attention
  int score = 1;       // virality, 1..10
  std::string reason;  // one line naming what drove the score
  std::vector<std::string> hashtags;
  std::string text;    // the words spoken inside [start, end]
};

struct AnalysisRequest {
  const speech::Transcript& transcript;
  // Loudness of the audio in dBFS, one value per 100 ms from time 0 (may be empty).
  const std::vector<float>& loudness_db;
  int num_clips = 5;
  double min_duration = 20;
  double max_duration = 60;
  std::string prompt;  // the user's optional wish, e.g. "the funniest moments"
};

using LlmUsage = speech::ModelUsage;

struct AnalysisResult {
  std::vector<Highlight> highlights;  // best first, non-overlapping
  std::vector<std::string> notes;     // for the user, e.g. "only 3 clips fit"
  LlmUsage usage;
};

}  // namespace clipgen::analysis

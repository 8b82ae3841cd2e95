#pragma once
// What the scorer measures about each candidate. Pure: transcript, loudness and prompt in,
// numbers out.
#include <string>
#include <vector>

#include "analysis/candidates.h"

namespace clipgen::analysis {

struct Features {
  double speech_rate = 0;   // words per second
  double loudness = 0;      // mean dBFS minus the whole video's mean
  double dynamics = 0;      // standard deviation of dBFS inside the window: lively delivery
  double hook = 0;          // 0..4: question, number, "you", strong word in the opening
  double salience = 0;      // mean distinctiveness of its words
  double completeness = 0;  // 0..1: how clearly it starts and ends at a pause
  double fillers = 0;       // share of um/uh words
  double prompt_match = 0;  // share of the prompt's words it contains
};

// The named features, for weights and reasons (same order as the struct).
inline constexpr const char* kFeatureNames[] = {"speech_rate", "loudness", "dynamics", "hook",
                                                "salience", "completeness", "fillers", "prompt_match"};
inline constexpr std::size_t kFeatureCount = std::size(kFeatureNames);
double feature_value(const Features& f, std::size_t index);

struct FeatureInputs {
  const speech::Transcript& transcript;
  const std::vector<Sentence>& sentences;
  const std::vector<double>& salience;      // per word
  const std::vector<float>& loudness_db;    // per 100 ms
  const std::string& prompt;
};

std::vector<Features> compute_features(const FeatureInputs& in, const std::vector<Candidate>& candidates);

// The opening words a listener hears first, as the hook feature reads them.
inline constexpr std::size_t kHookWords = 12;

}  // namespace clipgen::analysis

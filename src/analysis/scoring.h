#pragma once
// From features to one number per candidate, and from that to a 1-10 virality score. Pure.
#include <array>
#include <vector>

#include "analysis/features.h"

namespace clipgen::analysis {

// How much each feature (in kFeatureNames order) counts, per standard deviation.
inline constexpr std::array<double, kFeatureCount> kWeights = {
    0.6,   // speech_rate: energetic delivery holds viewers
    0.5,   // loudness
    0.4,   // dynamics
    1.0,   // hook: the first seconds decide whether people stay
    0.9,   // salience: distinctive content beats small talk
    0.5,   // completeness: a self-contained thought
    -0.7,  // fillers
    1.5,   // prompt_match: what the user asked for
};

struct Scores {
  std::vector<double> total;  // per candidate, in standard deviations above the mean candidate
  // per candidate and feature: weight * z-score, what pushed it up or down
  std::vector<std::array<double, kFeatureCount>> contributions;
};

Scores score_candidates(const std::vector<Features>& features);

// 1..10 from a total in standard deviations: the mean candidate is a 5, +3 sd a 10.
int virality(double total);

}  // namespace clipgen::analysis

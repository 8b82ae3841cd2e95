#pragma once
// The words a chosen clip is presented with: title, hook, reason, hashtags, text. Pure.
#include <array>
#include <string>
#include <vector>

#include "analysis/candidates.h"
#include "analysis/features.h"
#include "analysis/scoring.h"

namespace clipgen::analysis {

struct ClipWords {
  const speech::Transcript& transcript;
  const std::vector<Sentence>& sentences;
  const std::vector<double>& salience;  // per word
};

// The clip's spoken words joined with spaces.
std::string clip_text(const ClipWords& in, const Candidate& c);
// A short Title Case phrase: the most distinctive run of words of its most distinctive sentence.
std::string clip_title(const ClipWords& in, const Candidate& c);
// Its first sentence, cut to a readable length.
std::string clip_hook(const ClipWords& in, const Candidate& c);
// Up to three #tags from its most distinctive words.
std::vector<std::string> clip_hashtags(const ClipWords& in, const Candidate& c);
// One line naming what drove the score, e.g. "a question up front, distinctive terms (x, y)".
std::string clip_reason(const ClipWords& in, const Candidate& c, const Features& f,
                        const std::array<double, kFeatureCount>& contributions);

}  // namespace clipgen::analysis

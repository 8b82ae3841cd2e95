#include "analysis/window_description.h"

#include <algorithm>

#include "analysis/candidates.h"
#include "analysis/description.h"
#include "analysis/features.h"
#include "analysis/scoring.h"
#include "analysis/vocabulary.h"

namespace clipgen::analysis {
namespace {

// The sentence holding word `word`.
std::size_t sentence_of(const std::vector<Sentence>& sentences, std::size_t word) {
  const auto it = std::find_if(sentences.begin(), sentences.end(), [&](const Sentence& s) { return s.last >= word; });
  return it == sentences.end() ? sentences.size() - 1 : static_cast<std::size_t>(it - sentences.begin());
}

}  // namespace

Highlight describe_window(const speech::Transcript& transcript, double start, double end) {
  Highlight h{.start = start, .end = end};
  const auto& words = transcript.words;
  std::size_t first = words.size(), last = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].start < start || words[i].end > end) continue;
    first = std::min(first, i);
    last = i;
    h.text += (h.text.empty() ? "" : " ") + words[i].text;
  }
  if (first == words.size()) {
    h.reason = "no words are spoken in this stretch";
    return h;
  }
  const double length = end - start;
  const auto sentences = split_sentences(transcript, length);
  const auto salience = word_salience(transcript, sentences);
  auto candidates = make_candidates(sentences, length / 2, length * 1.5);
  const Candidate window{sentence_of(sentences, first), sentence_of(sentences, last), start, end};
  candidates.push_back(window);
  const std::vector<float> no_loudness;
  const std::string no_prompt;
  const auto features = compute_features({transcript, sentences, salience, no_loudness, no_prompt}, candidates);
  const auto scores = score_candidates(features);
  const ClipWords described{transcript, sentences, salience};
  h.title = clip_title(described, window);
  h.hook = clip_hook(described, window);
  h.score = virality(scores.total.back());
  h.reason = clip_reason(described, window, features.back(), scores.contributions.back());
  h.hashtags = clip_hashtags(described, window);
  return h;
}

}  // namespace clipgen::analysis

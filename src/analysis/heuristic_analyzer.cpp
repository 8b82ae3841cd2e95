#include "analysis/heuristic_analyzer.h"

#include <fmt/format.h>

#include "analysis/candidates.h"
#include "analysis/description.h"
#include "analysis/features.h"
#include "analysis/scoring.h"
#include "analysis/selection.h"
#include "analysis/vocabulary.h"

namespace clipgen::analysis {

AnalysisResult HeuristicAnalyzer::analyze(const AnalysisRequest& request, const std::function<void(double)>& progress) {
  AnalysisResult result;
  const auto& transcript = request.transcript;
  if (transcript.words.empty()) {
    result.notes.push_back("no speech was recognised in this video, so there is nothing to cut clips from");
    return result;
  }
  const auto sentences = split_sentences(transcript, request.max_duration);
  const auto salience = word_salience(transcript, sentences);
  const auto candidates = make_candidates(sentences, request.min_duration, request.max_duration);
  if (progress) progress(0.3);
  const auto features = compute_features({transcript, sentences, salience, request.loudness_db, request.prompt}, candidates);
  const auto scores = score_candidates(features);
  if (progress) progress(0.8);
  const auto chosen = select_best(candidates, scores.total, static_cast<std::size_t>(request.num_clips));

  const ClipWords words{transcript, sentences, salience};
  for (std::size_t i : chosen) {
    const Candidate& c = candidates[i];
    result.highlights.push_back({
        .start = c.start,
        .end = c.end,
        .title = clip_title(words, c),
        .hook = clip_hook(words, c),
        .score = virality(scores.total[i]),
        .reason = clip_reason(words, c, features[i], scores.contributions[i]),
        .hashtags = clip_hashtags(words, c),
        .text = clip_text(words, c),
    });
  }
  if (chosen.size() < static_cast<std::size_t>(request.num_clips))
    result.notes.push_back(fmt::format(
        "only {} clip{} of {:g}-{:g} s fit{} this video's sentences without overlapping (asked for {})", chosen.size(),
        chosen.size() == 1 ? "" : "s", request.min_duration, request.max_duration, chosen.size() == 1 ? "s" : "",
        request.num_clips));
  if (progress) progress(1.0);
  return result;
}

}  // namespace clipgen::analysis

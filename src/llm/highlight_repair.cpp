#include "llm/highlight_repair.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace clipgen::llm {

namespace {

using analysis::Highlight;
using analysis::Sentence;

bool overlaps(const Highlight& a, const Highlight& b) { return a.start < b.end && b.start < a.end; }

// The sentence whose start (or end) is nearest to `time`, searching from `from`.
std::size_t nearest(const std::vector<Sentence>& sentences, double time, std::size_t from, bool by_end) {
  std::size_t best = from;
  for (std::size_t i = from; i < sentences.size(); ++i) {
    const double edge = by_end ? sentences[i].end : sentences[i].start;
    const double best_edge = by_end ? sentences[best].end : sentences[best].start;
    if (std::abs(edge - time) < std::abs(best_edge - time)) best = i;
  }
  return best;
}

struct Span {
  std::size_t first = 0;
  std::size_t last = 0;
};

double length(const std::vector<Sentence>& s, const Span& span) { return s[span.last].end - s[span.first].start; }

// Grows or shrinks the span by whole sentences until it lasts [min, max], or nullopt.
std::optional<Span> fit_duration(const std::vector<Sentence>& s, Span span, const ClipLimits& limits) {
  while (length(s, span) > limits.max_duration && span.last > span.first) --span.last;
  while (length(s, span) < limits.min_duration) {
    if (span.last + 1 < s.size() && s[span.last + 1].end - s[span.first].start <= limits.max_duration)
      ++span.last;
    else if (span.first > 0 && s[span.last].end - s[span.first - 1].start <= limits.max_duration)
      --span.first;
    else
      break;
  }
  const double seconds = length(s, span);
  if (seconds < limits.min_duration || seconds > limits.max_duration) return std::nullopt;
  return span;
}

std::string words_between(const speech::Transcript& transcript, std::size_t first_word, std::size_t last_word,
                          std::size_t max_words) {
  std::string text;
  for (std::size_t i = first_word; i <= last_word && i - first_word < max_words; ++i)
    text += (text.empty() ? "" : " ") + transcript.words[i].text;
  return text;
}

std::vector<std::string> clean_hashtags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const auto& tag : tags) {
    std::string clean;
    for (char c : tag)
      if (c != ' ' && c != '#' && c != '\t' && c != '\n') clean.push_back(c);
    if (!clean.empty() && out.size() < 5) out.push_back("#" + clean);
  }
  return out;
}

void sort_best_first(std::vector<Highlight>& highlights) {
  std::stable_sort(highlights.begin(), highlights.end(), [](const Highlight& a, const Highlight& b) {
    return a.score != b.score ? a.score > b.score : a.start < b.start;
  });
}

}  // namespace

std::vector<Highlight> repair_highlights(const std::vector<Highlight>& raw, const speech::Transcript& transcript,
                                         const std::vector<Sentence>& sentences, const ClipLimits& limits,
                                         RepairReport& report) {
  std::vector<Highlight> fixed;
  if (sentences.empty()) return fixed;
  // A little slack past the end: models round the last time up.
  const double duration = std::max(transcript.duration, sentences.back().end);
  for (const Highlight& h : raw) {
    if (!std::isfinite(h.start) || !std::isfinite(h.end) || h.end <= h.start || h.start < -1 || h.end > duration + 1 ||
        h.start >= duration) {
      ++report.invented;
      continue;
    }
    Span span;
    span.first = nearest(sentences, std::max(0.0, h.start), 0, false);
    span.last = nearest(sentences, std::min(duration, h.end), span.first, true);
    const auto fitted = fit_duration(sentences, span, limits);
    if (!fitted) {
      ++report.unfit;
      continue;
    }
    Highlight out = h;
    out.start = sentences[fitted->first].start;
    out.end = sentences[fitted->last].end;
    out.score = std::clamp(h.score, 1, 10);
    out.text = words_between(transcript, sentences[fitted->first].first, sentences[fitted->last].last, SIZE_MAX);
    if (out.hook.empty())
      out.hook = words_between(transcript, sentences[fitted->first].first, sentences[fitted->first].last, 20);
    if (out.title.empty()) out.title = words_between(transcript, sentences[fitted->first].first, sentences[fitted->last].last, 6);
    if (out.reason.empty()) out.reason = "picked by the language model";
    out.hashtags = clean_hashtags(h.hashtags);
    fixed.push_back(std::move(out));
  }
  sort_best_first(fixed);
  std::vector<Highlight> chosen;
  for (auto& h : fixed) {
    if (std::any_of(chosen.begin(), chosen.end(), [&](const Highlight& c) { return overlaps(c, h); })) {
      ++report.overlapping;
      continue;
    }
    if (static_cast<int>(chosen.size()) < limits.num_clips) chosen.push_back(std::move(h));
  }
  return chosen;
}

std::vector<Highlight> top_up(std::vector<Highlight> chosen, const std::vector<Highlight>& extra, int count) {
  for (const Highlight& h : extra) {
    if (static_cast<int>(chosen.size()) >= count) break;
    if (std::none_of(chosen.begin(), chosen.end(), [&](const Highlight& c) { return overlaps(c, h); }))
      chosen.push_back(h);
  }
  sort_best_first(chosen);
  return chosen;
}

}  // namespace clipgen::llm

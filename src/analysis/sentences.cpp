#include "analysis/sentences.h"

#include <algorithm>

namespace clipgen::analysis {
namespace {

bool ends_sentence(const std::string& word) {
  return !word.empty() && (word.back() == '.' || word.back() == '?' || word.back() == '!');
}

// Silence before word i (to the start of the recording for the first word).
double gap_before(const std::vector<speech::Word>& words, std::size_t i) {
  return i == 0 ? words[0].start : std::max(0.0, words[i].start - words[i - 1].end);
}
double gap_after(const speech::Transcript& t, std::size_t i) {
  return i + 1 == t.words.size() ? std::max(0.0, t.duration - t.words[i].end)
                                 : std::max(0.0, t.words[i + 1].start - t.words[i].end);
}

// Breaks [first, last] at its longest inner gaps until every piece fits in max_seconds.
void split_long(const std::vector<speech::Word>& words, std::size_t first, std::size_t last, double max_seconds,
                std::vector<std::size_t>& breaks) {
  if (first >= last || words[last].end - words[first].start <= max_seconds) return;
  std::size_t cut = first + 1;
  for (std::size_t i = first + 1; i <= last; ++i)
    if (gap_before(words, i) > gap_before(words, cut)) cut = i;
  breaks.push_back(cut);
  split_long(words, first, cut - 1, max_seconds, breaks);
  split_long(words, cut, last, max_seconds, breaks);
}

}  // namespace

std::vector<Sentence> split_sentences(const speech::Transcript& t, double max_seconds) {
  const auto& words = t.words;
  std::vector<std::size_t> breaks;  // index of a word that starts a sentence
  if (words.empty()) return {};
  breaks.push_back(0);
  for (std::size_t i = 1; i < words.size(); ++i)
    if (gap_before(words, i) >= kSentencePause || ends_sentence(words[i - 1].text)) breaks.push_back(i);
  const std::size_t natural = breaks.size();
  for (std::size_t b = 0; b < natural; ++b) {
    const std::size_t last = b + 1 < natural ? breaks[b + 1] - 1 : words.size() - 1;
    split_long(words, breaks[b], last, max_seconds, breaks);
  }
  std::sort(breaks.begin(), breaks.end());

  std::vector<Sentence> sentences;
  for (std::size_t b = 0; b < breaks.size(); ++b) {
    Sentence s;
    s.first = breaks[b];
    s.last = b + 1 < breaks.size() ? breaks[b + 1] - 1 : words.size() - 1;
    s.gap_before = gap_before(words, s.first);
    s.gap_after = gap_after(t, s.last);
    s.start = words[s.first].start - std::min(kMaxPadding, s.gap_before / 2);
    s.end = words[s.last].end + std::min(kMaxPadding, s.gap_after / 2);
    sentences.push_back(s);
  }
  return sentences;
}

}  // namespace clipgen::analysis

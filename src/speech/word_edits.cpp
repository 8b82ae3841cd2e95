#include "speech/word_edits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace clipgen::speech {
namespace {

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Letters (UTF-8 code points) of a word: the share of the run's time it is given.
std::size_t letters(const std::string& word) {
  return std::max<std::size_t>(1, std::count_if(word.begin(), word.end(),
                                                [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `texts` spread over [from, to] by letter count.
std::vector<Word> spread(const std::vector<std::string>& texts, double from, double to) {
  std::vector<Word> out;
  std::size_t total = 0;
  for (const auto& t : texts) total += letters(t);
  double at = from;
  std::size_t done = 0;
  for (const auto& t : texts) {
    done += letters(t);
    const double until = from + (to - from) * static_cast<double>(done) / static_cast<double>(total);
    out.push_back({t, at, until, 1.0, true});  // the user's words (certain), timed by estimate
    at = until;
  }
  return out;
}

struct Indexed {
  WordEdit edit;
  std::size_t index;  // in the list given
};

}  // namespace

Transcript apply_word_edits(const Transcript& transcript, const std::vector<WordEdit>& edits) {
  const auto& words = transcript.words;
  const std::size_t n = words.size();
  std::vector<Indexed> sorted;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const auto& e = edits[i];
    if (e.start > e.end || e.end > n)
      throw WordEditError(i, fmt::format("start ({}) and end ({}) must satisfy 0 <= start <= end <= {} (the word count)",
                                         e.start, e.end, n));
    if (std::any_of(e.text.begin(), e.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != ' ' && c != '\t' && c != '\n'; }))
      throw WordEditError(i, "text holds control characters");
    if (e.start == e.end && split_words(e.text).empty())
      throw WordEditError(i, "an insertion (start == end) needs text");
    sorted.push_back({e, i});
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Indexed& a, const Indexed& b) {
    return a.edit.start != b.edit.start ? a.edit.start < b.edit.start : a.edit.end < b.edit.end;
  });
  std::vector<bool> touched(n, false);
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    const auto& e = sorted[k].edit;
    for (std::size_t w = e.start; w < e.end; ++w) touched[w] = true;
    if (k == 0) continue;
    const auto& before = sorted[k - 1].edit;
    const bool same_insertion = before.start == before.end && e.start == e.end && before.start == e.start;
    if (e.start < before.end || same_insertion)
      throw WordEditError(sorted[k].index, fmt::format("overlaps edit {} (words {}..{})", sorted[k - 1].index,
                                                       before.start, before.end));
  }

  std::vector<Word> out_words(words.begin(), words.end());  // times of untouched neighbours may shrink
  // Each edit's new words, placed by the edit's start; applied back to front so indexes hold.
  struct Placed {
    const Indexed* source;
    std::vector<Word> words;
  };
  std::vector<Placed> placed;
  for (const auto& item : sorted) {
    const auto& e = item.edit;
    const auto texts = split_words(e.text);
    if (e.start < e.end) {
      placed.push_back({&item, spread(texts, words[e.start].start, words[e.end - 1].end)});
      continue;
    }
    // An insertion: the silence between its neighbours, widened into untouched ones when short.
    const std::size_t i = e.start;
    const double least = kMinInsertedWordSeconds * static_cast<double>(texts.size());
    double from = i > 0 ? words[i - 1].end : i < n ? std::max(0.0, words[i].start - least) : 0.0;
    double to = i < n ? words[i].start : from + least;
    if (i == n && transcript.duration > 0) to = std::min(to, transcript.duration);  // not past the recording
    if (to - from < least) {
      // A shortened neighbour's time is no longer what was heard: it is timed again with them.
      if (i > 0 && !touched[i - 1]) {
        from = (words[i - 1].start + words[i - 1].end) / 2;
        out_words[i - 1].end = from;
        out_words[i - 1].estimated = true;
      }
      if (i < n && !touched[i]) {
        to = (words[i].start + words[i].end) / 2;
        out_words[i].start = to;
        out_words[i].estimated = true;
      }
    }
    placed.push_back({&item, spread(texts, from, std::max(from, to))});
  }

  // Corrections, not new content: bounded by the time the words get and by the recording.
  std::size_t count = n;
  for (const auto& [source, added] : placed) {
    const std::size_t replaced = source->edit.end - source->edit.start;
    const double seconds = added.empty() ? 0 : added.back().end - added.front().start;
    const std::size_t allowed = replaced + kWordsAlwaysAllowedPerEdit +
                                static_cast<std::size_t>(std::ceil(seconds * kFastestSpeechWordsPerSecond));
    if (added.size() > allowed)
      throw WordEditError(source->index, fmt::format("{} words in {:.2f} s: a correction there may hold at most {}",
                                                     added.size(), seconds, allowed));
    count = count - replaced + added.size();
  }
  const double recording = transcript.duration > 0 ? transcript.duration : n ? words.back().end : 0;
  const auto most = std::max(n, static_cast<std::size_t>(std::ceil(recording * kFastestSpeechWordsPerSecond)));
  if (count > most) {
    const auto adding = std::find_if(placed.begin(), placed.end(), [](const Placed& p) {
      return p.words.size() > p.source->edit.end - p.source->edit.start;
    });
    throw WordEditError(adding->source->index,
                        fmt::format("the transcript would hold {} words, more than {:.0f} s of speech can ({})", count,
                                    recording, most));
  }

  Transcript result = transcript;
  result.words.clear();
  std::size_t next = 0;
  for (const auto& [source, added] : placed) {
    const auto& e = source->edit;
    result.words.insert(result.words.end(), out_words.begin() + static_cast<long>(next),
                        out_words.begin() + static_cast<long>(e.start));
    result.words.insert(result.words.end(), added.begin(), added.end());
    next = e.end;
  }
  result.words.insert(result.words.end(), out_words.begin() + static_cast<long>(next), out_words.end());
  return result;
}

}  // namespace clipgen::speech

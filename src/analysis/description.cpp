#include "analysis/description.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>

#include "analysis/vocabulary.h"

namespace clipgen::analysis {
namespace {

constexpr std::size_t kTitleWords = 7;
constexpr std::size_t kHookWordsShown = 15;

std::size_t first_word(const ClipWords& in, const Candidate& c) { return in.sentences[c.first].first; }
std::size_t last_word(const ClipWords& in, const Candidate& c) { return in.sentences[c.last].last; }

// Distinct content words, most distinctive (count x salience) first, then by first use.
std::vector<std::string> top_terms(const ClipWords& in, const Candidate& c, std::size_t k) {
  std::map<std::string, std::pair<double, std::size_t>> weight;  // term -> (weight, first index)
  for (std::size_t i = first_word(in, c); i <= last_word(in, c); ++i) {
    if (in.salience[i] <= 0) continue;
    auto [it, fresh] = weight.try_emplace(normalize(in.transcript.words[i].text), 0.0, i);
    it->second.first += in.salience[i];
  }
  std::vector<std::pair<std::string, std::pair<double, std::size_t>>> ranked(weight.begin(), weight.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first : a.second.second < b.second.second;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) out.push_back(ranked[i].first);
  return out;
}

// Words a title should not open with ("and so ...") or trail off on ("... the").
bool weak_opening(const std::string& word) {
  static const std::vector<std::string> words = {"and", "but", "so", "or", "um", "uh", "because", "then",
                                                 "well", "like", "oh", "yeah", "now", "also"};
  return std::find(words.begin(), words.end(), normalize(word)) != words.end() || is_filler(normalize(word));
}
bool weak_ending(const std::string& word) {
  static const std::vector<std::string> words = {"a", "an", "the", "and", "but", "or", "of", "to", "in", "on",
                                                 "at", "for", "with", "so", "that", "is", "are", "was", "my",
                                                 "your", "our", "their", "his", "her", "its", "i", "we", "you",
                                                 "they", "he", "she", "um", "uh", "as", "if", "than", "be"};
  return std::find(words.begin(), words.end(), normalize(word)) != words.end();
}

std::string title_case(const std::string& word, bool first) {
  std::string w = normalize(word);
  static const std::vector<std::string> small = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"};
  if (!w.empty() && (first || std::find(small.begin(), small.end(), w) == small.end()))
    w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  if (w == "i" || w.rfind("i'", 0) == 0) w[0] = 'I';
  return w;
}

}  // namespace

std::string clip_text(const ClipWords& in, const Candidate& c) {
  std::string text;
  for (std::size_t i = first_word(in, c); i <= last_word(in, c); ++i) {
    if (!text.empty()) text += ' ';
    text += in.transcript.words[i].text;
  }
  return text;
}

std::string clip_title(const ClipWords& in, const Candidate& c) {
  // The sentence with the most distinctive words on average, among those long enough to say
  // something (a lone word is a poor title) ...
  std::size_t longest = 0;
  for (std::size_t s = c.first; s <= c.last; ++s)
    longest = std::max(longest, in.sentences[s].last - in.sentences[s].first + 1);
  const std::size_t min_words = std::min<std::size_t>(4, longest);
  std::size_t best_sentence = c.first;
  double best_mean = -1;
  for (std::size_t s = c.first; s <= c.last; ++s) {
    const auto& sen = in.sentences[s];
    const std::size_t count = sen.last - sen.first + 1;
    if (count < min_words) continue;
    const double sum = std::accumulate(in.salience.begin() + static_cast<long>(sen.first),
                                       in.salience.begin() + static_cast<long>(sen.last) + 1, 0.0);
    const double mean = sum / static_cast<double>(count);
    if (mean > best_mean) best_mean = mean, best_sentence = s;
  }
  // ... and its most distinctive run of words, without stopwords dangling at either end.
  const auto& sen = in.sentences[best_sentence];
  const std::size_t span = std::min(kTitleWords, sen.last - sen.first + 1);
  std::size_t from = sen.first;
  double best_run = -1;
  for (std::size_t i = sen.first; i + span <= sen.last + 1; ++i) {
    const double run = std::accumulate(in.salience.begin() + static_cast<long>(i),
                                       in.salience.begin() + static_cast<long>(i + span), 0.0);
    if (run > best_run) best_run = run, from = i;
  }
  std::size_t to = from + span;  // exclusive
  while (from + 1 < to && weak_opening(in.transcript.words[from].text)) ++from;
  while (to > from + 1 && weak_ending(in.transcript.words[to - 1].text)) --to;
  std::string title;
  for (std::size_t i = from; i < to; ++i) {
    const auto word = title_case(in.transcript.words[i].text, title.empty());
    if (word.empty()) continue;
    if (!title.empty()) title += ' ';
    title += word;
  }
  return title;
}

std::string clip_hook(const ClipWords& in, const Candidate& c) {
  const auto& sen = in.sentences[c.first];
  std::string hook;
  const std::size_t end = std::min(sen.last + 1, sen.first + kHookWordsShown);
  for (std::size_t i = sen.first; i < end; ++i) {
    if (!hook.empty()) hook += ' ';
    hook += in.transcript.words[i].text;
  }
  if (end <= sen.last) hook += "...";
  return hook;
}

std::vector<std::string> clip_hashtags(const ClipWords& in, const Candidate& c) {
  std::vector<std::string> tags;
  for (auto term : top_terms(in, c, 3)) {
    std::erase(term, '\'');
    if (!term.empty()) tags.push_back("#" + term);
  }
  return tags;
}

std::string clip_reason(const ClipWords& in, const Candidate& c, const Features& f,
                        const std::array<double, kFeatureCount>& contributions) {
  std::vector<std::size_t> order(kFeatureCount);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return contributions[a] > contributions[b]; });

  std::vector<std::string> parts;
  for (std::size_t k : order) {
    if (parts.size() == 3 || contributions[k] < 0.15) break;
    const std::string name = kFeatureNames[k];
    if (name == "speech_rate") parts.push_back(fmt::format("brisk delivery ({:.1f} words/s)", f.speech_rate));
    else if (name == "loudness") parts.push_back(fmt::format("more emphatic than the rest ({:+.1f} dB)", f.loudness));
    else if (name == "dynamics") parts.push_back("a lively, varied voice");
    else if (name == "hook") parts.push_back("a hook in the opening words (a question, a number, \"you\" or a strong word)");
    else if (name == "salience") parts.push_back("distinctive terms: " + fmt::format("{}", fmt::join(top_terms(in, c, 3), ", ")));
    else if (name == "completeness") parts.push_back("a self-contained thought with clean pauses around it");
    else if (name == "fillers") parts.push_back("few filler words");
    else if (name == "prompt_match") parts.push_back("matches what you asked for");
  }
  if (parts.empty()) return "An even stretch of the talk that fits the requested length.";
  std::string reason = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) reason += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  reason[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(reason[0])));
  return reason + ".";
}

}  // namespace clipgen::analysis

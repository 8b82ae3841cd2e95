#include "analysis/vocabulary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace clipgen::analysis {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& stopwords() {
  static const WordSet words = {
      "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
      "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
      "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
      "her", "here", "hers", "herself", "him", "himself", "his", "i", "if", "in", "into", "is", "it", "it's", "its",
      "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
      "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such",
      "than", "that", "that's", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
      "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
      "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "i'm", "don't",
      "can't", "won't", "isn't", "there's", "let's", "we're", "they're", "you're", "i've", "we've", "also", "get",
      "got", "go", "going", "gonna", "know", "like", "one", "really", "right", "say", "said", "see", "thing",
      "things", "think", "want", "well", "yeah", "yes", "okay", "oh", "us", "may", "might", "must", "shall", "upon",
      "thee", "thou", "thy", "make", "made", "much", "many", "even", "still", "every", "way"};
  return words;
}

}  // namespace

std::string normalize(std::string_view word) {
  std::string out;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'' || u >= 0x80) out += static_cast<char>(std::tolower(u));
  }
  while (!out.empty() && out.back() == '\'') out.pop_back();
  while (!out.empty() && out.front() == '\'') out.erase(out.begin());
  return out;
}

bool is_stopword(std::string_view w) { return w.size() < 3 || stopwords().contains(w); }

bool is_filler(std::string_view w) {
  static const WordSet words = {"um", "uh", "er", "ah", "hmm", "mm", "erm", "uhm", "huh"};
  return words.contains(w);
}

bool is_question_word(std::string_view w) {
  static const WordSet words = {"what", "why", "how", "who", "when", "where", "which", "whats", "what's"};
  return words.contains(w);
}

bool is_strong_word(std::string_view w) {
  static const WordSet words = {
      "never", "always", "secret", "secrets", "mistake", "mistakes", "best", "worst", "truth", "true", "amazing",
      "important", "problem", "problems", "love", "hate", "money", "crazy", "stop", "imagine", "everyone",
      "nobody", "nothing", "everything", "biggest", "huge", "incredible", "terrible", "wrong", "real", "power",
      "powerful", "free", "freedom", "fail", "failure", "success", "win", "lose", "fear", "death", "die", "life",
      "war", "first", "last", "only", "must", "need", "shocking", "simple", "easy", "hard", "impossible"};
  return words.contains(w);
}

bool is_number(std::string_view w) {
  static const WordSet words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                "eleven", "twelve", "twenty", "thirty", "fifty", "hundred", "thousand", "million",
                                "billion", "percent", "half", "double", "triple"};
  return (!w.empty() && std::isdigit(static_cast<unsigned char>(w.front()))) || words.contains(w);
}

std::vector<double> word_salience(const speech::Transcript& t, const std::vector<Sentence>& sentences) {
  std::vector<std::string> norm(t.words.size());
  for (std::size_t i = 0; i < t.words.size(); ++i) norm[i] = normalize(t.words[i].text);

  std::unordered_map<std::string, int> document_frequency;
  for (const auto& s : sentences) {
    std::unordered_set<std::string> seen;
    for (std::size_t i = s.first; i <= s.last; ++i)
      if (seen.insert(norm[i]).second) ++document_frequency[norm[i]];
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, sentences.size()));
  std::vector<double> salience(t.words.size(), 0.0);
  for (std::size_t i = 0; i < norm.size(); ++i) {
    if (is_stopword(norm[i]) || is_filler(norm[i])) continue;
    salience[i] = std::log((1.0 + n) / (1.0 + document_frequency[norm[i]])) + 1.0;
  }
  return salience;
}

}  // namespace clipgen::analysis

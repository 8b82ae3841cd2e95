#include "speech/word_error_rate.h"

#include <algorithm>
#include <cctype>

namespace clipgen::speech {

std::vector<std::string> normalized_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    // An apostrophe only belongs inside a word: quotes around it are punctuation.
    while (!current.empty() && current.back() == '\'') current.pop_back();
    while (!current.empty() && current.front() == '\'') current.erase(current.begin());
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'' || c >= 0x80)
      current.push_back(static_cast<char>(std::tolower(c)));
    else if (std::isspace(c) || c == '-')
      flush();
    // other punctuation is dropped without splitting ("U.S." -> "us")
  }
  flush();
  return words;
}

WordErrors word_errors(std::string_view reference, std::string_view hypothesis) {
  const auto ref = normalized_words(reference);
  const auto hyp = normalized_words(hypothesis);
  // Levenshtein distance over words, one row at a time, each cell carrying its edits' kinds.
  const auto deletion = [](WordErrors e) { return ++e.deletions, e; };
  const auto insertion = [](WordErrors e) { return ++e.insertions, e; };
  std::vector<WordErrors> row(hyp.size() + 1);
  for (std::size_t j = 1; j <= hyp.size(); ++j) row[j] = insertion(row[j - 1]);
  for (std::size_t i = 1; i <= ref.size(); ++i) {
    WordErrors diagonal = row[0];
    row[0] = deletion(row[0]);
    for (std::size_t j = 1; j <= hyp.size(); ++j) {
      const WordErrors above = row[j];
      WordErrors best = diagonal;
      if (ref[i - 1] != hyp[j - 1]) ++best.substitutions;
      if (above.edits() + 1 < best.edits()) best = deletion(above);
      if (row[j - 1].edits() + 1 < best.edits()) best = insertion(row[j - 1]);
      row[j] = best;
      diagonal = above;
    }
  }
  WordErrors errors = row[hyp.size()];
  errors.reference_words = ref.size();
  return errors;
}

double word_error_rate(std::string_view reference, std::string_view hypothesis) {
  const WordErrors errors = word_errors(reference, hypothesis);
  if (errors.reference_words == 0) return errors.insertions == 0 ? 0.0 : 1.0;
  return static_cast<double>(errors.edits()) / static_cast<double>(errors.reference_words);
}

std::vector<std::pair<std::size_t, std::size_t>> matching_words(const std::vector<std::string>& ref,
                                                                const std::vector<std::string>& hyp) {
  // cost(i, j): the alignment of ref[i..] with hyp[j..], as edits * K - matches with K larger
  // than any count of matches: the fewest edits first and, among alignments with as few, the
  // most matched words (a substitution and an insertion can tie with a deletion and a match).
  const std::size_t n = ref.size(), m = hyp.size();
  const long long k = static_cast<long long>(n + m + 1);
  std::vector<long long> cost((n + 1) * (m + 1));
  const auto at = [&](std::size_t i, std::size_t j) -> long long& { return cost[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, m) = static_cast<long long>(n - i) * k;
  for (std::size_t j = 0; j <= m; ++j) at(n, j) = static_cast<long long>(m - j) * k;
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = std::min({at(i + 1, j) + k, at(i, j + 1) + k, at(i + 1, j + 1) + (ref[i] == hyp[j] ? -1 : k)});
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (ref[i] == hyp[j] && at(i, j) == at(i + 1, j + 1) - 1) {
      pairs.emplace_back(i++, j++);
    } else if (at(i, j) == at(i + 1, j + 1) + k) {
      ++i, ++j;  // substitution
    } else if (at(i, j) == at(i + 1, j) + k) {
      ++i;  // deletion
    } else {
      ++j;  // insertion
    }
  }
  return pairs;
}

std::vector<std::pair<std::size_t, std::size_t>> anchored_matches(const std::vector<std::string>& ref,
                                                                  const std::vector<std::string>& hyp) {
  const auto pairs = matching_words(ref, hyp);
  const auto follows = [&](std::size_t a, std::size_t b) {
    return pairs[b].first == pairs[a].first + 1 && pairs[b].second == pairs[a].second + 1;
  };
  std::vector<std::pair<std::size_t, std::size_t>> anchored;
  for (std::size_t k = 0; k < pairs.size(); ++k)
    if ((k > 0 && follows(k - 1, k)) || (k + 1 < pairs.size() && follows(k, k + 1))) anchored.push_back(pairs[k]);
  return anchored;
}

}  // namespace clipgen::speech

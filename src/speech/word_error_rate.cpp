#include "speech/word_error_rate.h"

#include <algorithm>
#include <cctype>
#include <numeric>

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

double word_error_rate(std::string_view reference, std::string_view hypothesis) {
  const auto ref = normalized_words(reference);
  const auto hyp = normalized_words(hypothesis);
  if (ref.empty()) return hyp.empty() ? 0.0 : 1.0;
  // Levenshtein distance over words, one row at a time.
  std::vector<std::size_t> row(hyp.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= ref.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= hyp.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (ref[i - 1] == hyp[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return static_cast<double>(row[hyp.size()]) / static_cast<double>(ref.size());
}

}  // namespace clipgen::speech

#include "speech/long_text_matching.h"

#include <gtest/gtest.h>

#include <random>

#include "speech/word_error_rate.h"

namespace clipgen::speech {
namespace {

// A text of `n` words from a vocabulary of 400, like speech: words repeat, triples mostly not.
std::vector<std::string> text(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; ++i) words.push_back("w" + std::to_string(random() % 400));
  return words;
}

TEST(LongTextMatching, ShortTextsMatchAsAnchoredMatchesDoes) {
  const auto a = text(300, 1);
  auto b = a;
  b.erase(b.begin() + 40, b.begin() + 45);
  b[100] = "other";
  EXPECT_EQ(long_text_matches(a, b), anchored_matches(a, b));
}

TEST(LongTextMatching, AnHourOfWordsWithRecognitionErrorsPairsTheSameWords) {
  // 9,000 words (an hour of talk) against a copy with every seventh word wrong, one word in
  // eleven dropped and one in thirteen added: each pair is a word with the one it became.
  const auto reference = text(9000, 2);
  std::vector<std::string> hypothesis;
  std::vector<std::size_t> source;  // per hypothesis word: its reference index, or npos
  for (std::size_t i = 0; i < reference.size(); ++i) {
    if (i % 11 == 5) continue;
    if (i % 13 == 3) {
      hypothesis.push_back("uh");
      source.push_back(std::string::npos);
    }
    hypothesis.push_back(i % 7 == 2 ? "wrong" : reference[i]);
    source.push_back(i % 7 == 2 ? std::string::npos : i);
  }
  const auto pairs = long_text_matches(reference, hypothesis);
  std::size_t right = 0;
  for (const auto& [i, j] : pairs) right += source[j] == i ? 1 : 0;
  EXPECT_GT(pairs.size(), reference.size() * 6 / 10);  // of about 6,900 words kept right: 6,243
  EXPECT_GE(right, pairs.size() * 99 / 100);
  for (std::size_t k = 1; k < pairs.size(); ++k) {
    EXPECT_LT(pairs[k - 1].first, pairs[k].first);
    EXPECT_LT(pairs[k - 1].second, pairs[k].second);
  }
}

}  // namespace
}  // namespace clipgen::speech

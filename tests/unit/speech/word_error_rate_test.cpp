#include "speech/word_error_rate.h"

#include <gtest/gtest.h>

namespace clipgen::speech {

TEST(WordErrorRate, NormalizesCaseAndPunctuation) {
  EXPECT_EQ(normalized_words("And so, my fellow Americans: ask not!"),
            (std::vector<std::string>{"and", "so", "my", "fellow", "americans", "ask", "not"}));
  EXPECT_EQ(normalized_words("Feed'st thy light's 'flame'"),
            (std::vector<std::string>{"feed'st", "thy", "light's", "flame"}));
  EXPECT_EQ(normalized_words("self-substantial"), (std::vector<std::string>{"self", "substantial"}));
}

TEST(WordErrorRate, CountsSubstitutionsDeletionsAndInsertions) {
  EXPECT_DOUBLE_EQ(word_error_rate("a b c d", "a b c d"), 0.0);
  EXPECT_DOUBLE_EQ(word_error_rate("a b c d", "a x c d"), 0.25);       // one substitution
  EXPECT_DOUBLE_EQ(word_error_rate("a b c d", "a c d"), 0.25);         // one deletion
  EXPECT_DOUBLE_EQ(word_error_rate("a b c d", "a b b c d e"), 0.5);    // two insertions
  EXPECT_DOUBLE_EQ(word_error_rate("a b", "c d e f"), 2.0);            // can exceed 1
}

TEST(WordErrorRate, EmptyReference) {
  EXPECT_DOUBLE_EQ(word_error_rate("", ""), 0.0);
  EXPECT_DOUBLE_EQ(word_error_rate("", "words"), 1.0);
  EXPECT_DOUBLE_EQ(word_error_rate("words here", ""), 1.0);
}

}  // namespace clipgen::speech

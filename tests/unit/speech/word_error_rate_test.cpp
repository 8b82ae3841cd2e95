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

TEST(WordErrorRate, CountsEachKindOfEdit) {
  const auto counts = [](std::string_view ref, std::string_view hyp) {
    const WordErrors e = word_errors(ref, hyp);
    return std::vector<std::size_t>{e.substitutions, e.deletions, e.insertions, e.reference_words};
  };
  using Counts = std::vector<std::size_t>;
  EXPECT_EQ(counts("a b c d", "A, b c d."), (Counts{0, 0, 0, 4}));
  EXPECT_EQ(counts("a b c d", "a x c d"), (Counts{1, 0, 0, 4}));
  EXPECT_EQ(counts("a b c d", "a c d"), (Counts{0, 1, 0, 4}));
  EXPECT_EQ(counts("a b c d", "a b b c d e"), (Counts{0, 0, 2, 4}));
  // A word heard before the first and one missed: an insertion and a deletion, not substitutions.
  EXPECT_EQ(counts("ask not what your country", "and ask not your country"), (Counts{0, 1, 1, 5}));
  // Two words for four: two substitutions and two insertions, never more edits than needed.
  EXPECT_EQ(counts("a b", "c d e f"), (Counts{2, 0, 2, 2}));
  EXPECT_EQ(counts("words here", ""), (Counts{0, 2, 0, 2}));
  EXPECT_EQ(counts("", "words"), (Counts{0, 0, 1, 0}));
}

TEST(WordErrorRate, EmptyReference) {
  EXPECT_DOUBLE_EQ(word_error_rate("", ""), 0.0);
  EXPECT_DOUBLE_EQ(word_error_rate("", "words"), 1.0);
  EXPECT_DOUBLE_EQ(word_error_rate("words here", ""), 1.0);
}

}  // namespace clipgen::speech

namespace clipgen::speech {

TEST(MatchingWords, PairsTheWordsAnAlignmentKeeps) {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  const std::vector<std::string> ref{"ask", "not", "what", "your", "country", "can", "do"};
  EXPECT_EQ(matching_words(ref, ref).size(), ref.size());
  // A substitution, a deletion ("what") and an insertion ("uh") between matches.
  EXPECT_EQ(matching_words(ref, {"and", "not", "your", "uh", "country", "can", "do"}),
            (Pairs{{1, 1}, {3, 2}, {4, 4}, {5, 5}, {6, 6}}));
  EXPECT_TRUE(matching_words(ref, {}).empty());
  EXPECT_TRUE(matching_words({}, ref).empty());
  // Repeated words pair in order, never crossing.
  EXPECT_EQ(matching_words({"a", "b", "a"}, {"a", "a"}), (Pairs{{0, 0}, {2, 1}}));
}

TEST(MatchingWords, AnchoredMatchesKeepRunsOfTwoOrMore) {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  // "the" alone matches across a misrecognised stretch; "your country" is a run.
  EXPECT_EQ(anchored_matches({"the", "x", "y", "your", "country"}, {"q", "the", "your", "country"}),
            (Pairs{{3, 2}, {4, 3}}));
  EXPECT_TRUE(anchored_matches({"a", "b"}, {"a", "c"}).empty());
}

}  // namespace clipgen::speech

#include "speech/word_edits.h"

#include <gtest/gtest.h>

using namespace clipgen::speech;

namespace {

// "ask not what your country" : words 0.5 s long with 0.1 s gaps, from 1.0 s.
Transcript talk() {
  Transcript t;
  double at = 1.0;
  for (const char* w : {"ask", "knot", "what", "your", "country"}) {
    t.words.push_back({w, at, at + 0.5, 0.9});
    at += 0.6;
  }
  t.duration = 5;
  return t;
}

std::string text_of(const Transcript& t) {
  std::string out;
  for (const auto& w : t.words) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

void expect_ordered(const Transcript& t) {
  for (std::size_t i = 0; i < t.words.size(); ++i) {
    EXPECT_LE(t.words[i].start, t.words[i].end) << i;
    if (i > 0) EXPECT_LE(t.words[i - 1].end, t.words[i].start + 1e-9) << i;
  }
}

TEST(WordEdits, AReplacementSharesTheReplacedWordsTimeByLetters) {
  const auto before = talk();
  const auto after = apply_word_edits(before, {{1, 2, "not"}, {4, 5, "great nation"}});
  EXPECT_EQ(text_of(after), "ask not what your great nation");
  EXPECT_DOUBLE_EQ(after.words[1].start, before.words[1].start);
  EXPECT_DOUBLE_EQ(after.words[1].end, before.words[1].end);
  // "great" (5 letters) and "nation" (6) share "country"'s 0.5 s.
  EXPECT_DOUBLE_EQ(after.words[4].start, before.words[4].start);
  EXPECT_NEAR(after.words[4].end - after.words[4].start, 0.5 * 5 / 11, 1e-9);
  EXPECT_DOUBLE_EQ(after.words[5].end, before.words[4].end);
  EXPECT_TRUE(after.words[5].estimated);   // nobody heard it where it is put
  EXPECT_FALSE(after.words[0].estimated);  // untouched
  EXPECT_EQ(after.words[0].confidence, 0.9);
  EXPECT_DOUBLE_EQ(after.duration, before.duration);
  expect_ordered(after);
}

TEST(WordEdits, IndexesReferToTheTranscriptBeforeTheChange) {
  // Given in any order; the deletion does not shift the later edit's indexes.
  const auto after = apply_word_edits(talk(), {{3, 4, "thy"}, {0, 2, ""}});
  EXPECT_EQ(text_of(after), "what thy country");
  expect_ordered(after);
}

TEST(WordEdits, AnInsertionTakesTheGapOrMakesRoomInItsNeighbours) {
  const auto before = talk();
  // The 0.1 s gap between "what" and "your" holds one word.
  const auto one = apply_word_edits(before, {{3, 3, "oh"}});
  EXPECT_EQ(text_of(one), "ask knot what oh your country");
  EXPECT_DOUBLE_EQ(one.words[3].start, before.words[2].end);
  EXPECT_DOUBLE_EQ(one.words[3].end, before.words[3].start);
  // Three words do not fit in it: the neighbours give up their nearer halves.
  const auto three = apply_word_edits(before, {{3, 3, "oh so very"}});
  EXPECT_EQ(text_of(three), "ask knot what oh so very your country");
  EXPECT_DOUBLE_EQ(three.words[2].end, (before.words[2].start + before.words[2].end) / 2);
  EXPECT_DOUBLE_EQ(three.words[6].start, (before.words[3].start + before.words[3].end) / 2);
  EXPECT_TRUE(three.words[2].estimated);  // shortened: timed again with the new words
  EXPECT_TRUE(three.words[6].estimated);
  EXPECT_FALSE(three.words[1].estimated);
  expect_ordered(three);
  // Words put after the last never run past the recording's end.
  auto short_recording = before;
  short_recording.duration = 4.0;
  const auto appended = apply_word_edits(short_recording, {{5, 5, "for you and me"}});
  EXPECT_LE(appended.words.back().end, 4.0);
  expect_ordered(appended);
  // At the very end and the very start.
  EXPECT_EQ(text_of(apply_word_edits(before, {{5, 5, "now"}, {0, 0, "so"}})), "so ask knot what your country now");
  expect_ordered(apply_word_edits(before, {{5, 5, "now"}, {0, 0, "so"}}));
}

TEST(WordEdits, BadEditsAreRefusedNamingTheirPlace) {
  const auto t = talk();
  const auto refused_at = [&](const std::vector<WordEdit>& edits) -> long {
    try {
      apply_word_edits(t, edits);
    } catch (const WordEditError& e) {
      return static_cast<long>(e.index);
    }
    return -1;
  };
  EXPECT_EQ(refused_at({{0, 1, "a"}, {2, 6, "b"}}), 1);          // past the end
  EXPECT_EQ(refused_at({{3, 2, "a"}}), 0);                       // end before start
  EXPECT_EQ(refused_at({{2, 4, "a"}, {0, 3, "b"}}), 0);          // overlap: the later one in order named
  EXPECT_EQ(refused_at({{1, 1, "a"}, {1, 1, "b"}}), 1);          // two insertions at one place
  EXPECT_EQ(refused_at({{1, 1, " "}}), 0);                       // an empty insertion
  EXPECT_EQ(refused_at({{1, 2, "a\x01"}}), 0);                   // control characters
  EXPECT_EQ(refused_at({{1, 2, ""}, {2, 2, "x"}, {2, 3, "y"}}), -1);  // touching edits are fine
}

std::string words(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += "a ";
  return text;
}

// A correction may hold as many words as fast speech fits in its time (0.5 s: 4, plus the
// word replaced and 3 always allowed), and no set of edits may grow the transcript past what
// the recording could hold (5 s: 40 words). Once 32,000 words went into one gap, ten times over.
TEST(WordEdits, CorrectionsCannotGrowTheTranscriptWithoutBound) {
  const auto t = talk();
  EXPECT_NO_THROW(apply_word_edits(t, {{1, 2, words(8)}}));
  try {
    apply_word_edits(t, {{0, 1, "ask"}, {1, 2, words(9)}});
    FAIL();
  } catch (const WordEditError& e) {
    EXPECT_EQ(e.index, 1u);
    EXPECT_NE(std::string(e.what()).find("at most 8"), std::string::npos) << e.what();
  }
  EXPECT_THROW(apply_word_edits(t, {{2, 2, words(32000)}}), WordEditError);
  // Many small insertions, each within its own bound, together past the recording's 40 words.
  std::vector<WordEdit> many;
  for (std::size_t i = 0; i <= 5; ++i) many.push_back({i, i, words(3)});
  EXPECT_NO_THROW(apply_word_edits(t, many));  // 5 + 18 words
  Transcript grown = apply_word_edits(t, many);
  many.clear();
  for (std::size_t i = 0; i <= grown.words.size(); ++i) many.push_back({i, i, "b"});
  try {
    apply_word_edits(grown, many);  // 23 + 24 words
    FAIL();
  } catch (const WordEditError& e) {
    EXPECT_EQ(e.index, 0u);
    EXPECT_NE(std::string(e.what()).find("40"), std::string::npos) << e.what();
  }
}

}  // namespace

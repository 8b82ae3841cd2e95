#include "captions/cue_grouping.h"

#include <gtest/gtest.h>

using namespace clipgen::captions;
using clipgen::speech::Word;

namespace {

std::vector<std::string> texts(const std::vector<CaptionCue>& cues) {
  std::vector<std::string> out;
  for (const auto& cue : cues) {
    std::string text;
    for (const auto& w : cue.words) text += (text.empty() ? "" : " ") + w.text;
    out.push_back(text);
  }
  return out;
}

// Words a quarter second apart, each 0.2 s long.
std::vector<Word> steady(const std::vector<std::string>& words) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < words.size(); ++i) out.push_back({words[i], i * 0.25, i * 0.25 + 0.2});
  return out;
}

}  // namespace

TEST(CueGrouping, ShowsAtMostThreeWordsAtATime) {
  const auto cues = group_words(steady({"we", "are", "the", "ones", "who", "can", "do", "it"}));
  EXPECT_EQ(texts(cues), (std::vector<std::string>{"we are the", "ones who can", "do it"}));
  EXPECT_DOUBLE_EQ(cues[1].start(), 0.75);
  EXPECT_DOUBLE_EQ(cues[1].end(), 1.45);
}

TEST(CueGrouping, BreaksAtAPause) {
  auto words = steady({"hello", "there", "friends"});
  words[2].start += 0.8;
  words[2].end += 0.8;
  EXPECT_EQ(texts(group_words(words)), (std::vector<std::string>{"hello there", "friends"}));
}

TEST(CueGrouping, BreaksAfterPunctuation) {
  EXPECT_EQ(texts(group_words(steady({"Yes.", "I", "know,", "right"}))),
            (std::vector<std::string>{"Yes.", "I know,", "right"}));
}

TEST(CueGrouping, KeepsACueToOneLine) {
  const auto cues = group_words(steady({"extraordinary", "circumstances", "demand", "it"}), {.max_chars = 16});
  EXPECT_EQ(texts(cues), (std::vector<std::string>{"extraordinary", "circumstances", "demand it"}));
}

TEST(CueGrouping, BreaksWhereTheSpeakerChanges) {
  auto words = steady({"so", "yes", "right"});
  words[0].speaker = 1;
  words[1].speaker = words[2].speaker = 2;
  EXPECT_EQ(texts(group_words(words)), (std::vector<std::string>{"so", "yes right"}));
}

TEST(CueGrouping, SkipsEmptyWordsAndHandlesNone) {
  EXPECT_TRUE(group_words({}).empty());
  EXPECT_EQ(texts(group_words(steady({"", "hi", ""}))), (std::vector<std::string>{"hi"}));
}

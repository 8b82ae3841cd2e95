#include "speech/word_cleanup.h"

#include <gtest/gtest.h>

namespace clipgen::speech {

TEST(WordCleanup, DropsNonWords) {
  for (const char* token : {"<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "++BREATH++", ""})
    EXPECT_FALSE(clean_word(token)) << token;
}

TEST(WordCleanup, StripsPronunciationVariants) {
  EXPECT_EQ(clean_word("been(2)"), "been");
  EXPECT_EQ(clean_word("the(3)"), "the");
  EXPECT_EQ(clean_word("country"), "country");
}

}  // namespace clipgen::speech

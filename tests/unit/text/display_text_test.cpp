#include "text/display_text.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace clipgen::text {
namespace {

TEST(DisplayText, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(display_text("holiday-\xff\xfe.mp4", 255), "holiday-\uFFFD\uFFFD.mp4");
}

TEST(DisplayText, ControlAndInvisibleCharactersAreDropped) {
  // A newline, a zero-width space, a right-to-left override (which would show "4pm.exe" as
  // "exe.mp4") and a soft hyphen.
  EXPECT_EQ(display_text("talk\n\u200b\u202eexe.mp4\u00ad", 255), "talkexe.mp4");
  EXPECT_EQ(display_text("  spaced  ", 255), "spaced");
  EXPECT_EQ(display_text("\u200b\u200c", 255), "");
}

TEST(DisplayText, TextIsComposedAndBounded) {
  EXPECT_EQ(display_text("cafe\u0301.mp4", 255), "caf\u00e9.mp4");  // NFC
  std::string long_name;
  for (int i = 0; i < 300; ++i) long_name += "\u00e9";
  const auto kept = display_text(long_name, 255);
  EXPECT_EQ(code_points(kept), 255u);
  EXPECT_TRUE(is_valid_utf8(kept));
}

}  // namespace
TEST(VisibleWords, SpacesOfAnyKindSeparateWordsAndWordsThatShowNothingGo) {
  EXPECT_EQ(visible_words("fellow\u00a0Americans\u3000ask"), "fellow Americans ask");
  // A lone no-break space, a Hangul filler, a variation selector, a combining mark alone.
  EXPECT_EQ(visible_words("\u00a0 \u3164 \ufe0f \u0301"), "");
  EXPECT_EQ(visible_words("caf\u0065\u0301 \u2764\ufe0f \u05e9\u05dc\u05d5\u05dd"), "cafe\u0301 \u2764\ufe0f \u05e9\u05dc\u05d5\u05dd");
}

}  // namespace clipgen::text

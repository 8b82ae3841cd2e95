#include "text/utf8.h"

#include <gtest/gtest.h>

namespace clipgen::text {
namespace {

TEST(Utf8, IllFormedSequencesAreReplacedAsTheUnicodeStandardSays) {
  // The Unicode Standard 15.0, section 3.9, table 3-8: "U+FFFD for maximal subparts".
  const std::string bytes = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  const std::string replaced = "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd";
  EXPECT_FALSE(is_valid_utf8(bytes));
  EXPECT_EQ(repair_utf8(bytes), replaced);
  EXPECT_TRUE(is_valid_utf8(replaced));
}

TEST(Utf8, OverlongFormsAndSurrogatesAreIllFormed) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("caf\xE9.mp4"));       // Latin-1
  EXPECT_TRUE(is_valid_utf8("caf\u00e9 \U0001F600.mp4"));
  EXPECT_EQ(repair_utf8("caf\xE9.mp4"), "caf\uFFFD.mp4");
}

TEST(Utf8, CodePointsAreCountedNotBytes) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points(std::string(1000, 'x')), 1000u);
  std::string euros;
  for (int i = 0; i < 1000; ++i) euros += "\u20ac";  // 3 bytes each
  EXPECT_EQ(euros.size(), 3000u);
  EXPECT_EQ(code_points(euros), 1000u);
  EXPECT_EQ(code_points("\U0001F600"), 1u);
}

TEST(Utf8, APrefixNeverCutsACodePoint) {
  EXPECT_EQ(first_code_points("\u20ac\u20ac\u20ac", 2), "\u20ac\u20ac");
  EXPECT_EQ(first_code_points("ab", 5), "ab");
  EXPECT_EQ(first_code_points("ab", 0), "");
}

}  // namespace
}  // namespace clipgen::text

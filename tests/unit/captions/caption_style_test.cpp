#include "captions/caption_style.h"

#include <gtest/gtest.h>

#include <set>

using namespace clipgen::captions;

TEST(CaptionStyle, OffersAtLeastThreeDistinctLooksWithBoldFirst) {
  const auto& styles = caption_styles();
  ASSERT_GE(styles.size(), 3u);
  EXPECT_EQ(styles.front().name, "bold");
  std::set<std::string> names;
  for (const auto& s : styles) {
    names.insert(s.name);
    EXPECT_NE(s.highlight_colour, s.text_colour) << s.name << ": the spoken word must stand out";
    EXPECT_GE(s.size, 0.06) << s.name << ": captions are large";
    EXPECT_GT(s.outline, 0) << s.name << ": an outline or box keeps them readable on any picture";
  }
  EXPECT_EQ(names.size(), styles.size());
}

TEST(CaptionStyle, IsFoundByName) {
  ASSERT_NE(find_style("pop"), nullptr);
  EXPECT_TRUE(find_style("pop")->uppercase);
  EXPECT_EQ(find_style("comic-sans"), nullptr);
  EXPECT_EQ(style_names(), "bold, boxed, pop, minimal, speakers");
}

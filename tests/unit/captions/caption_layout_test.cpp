#include "captions/caption_layout.h"

#include <gtest/gtest.h>

using namespace clipgen::captions;

namespace {

const Frame kVertical{1080, 1920};
const CaptionStyle& bold() { return *find_style("bold"); }

}  // namespace

TEST(CaptionLayout, VerticalSafeAreaKeepsClearOfTheAppsButtons) {
  const SafeArea safe = safe_area(kVertical);
  EXPECT_GE(safe.bottom, 1920 * 0.2);
  EXPECT_GE(safe.top, 1920 * 0.1);
  EXPECT_GT(safe.sides, 0);
  EXPECT_LT(safe_area({1920, 1080}).bottom, safe.bottom);
}

TEST(CaptionLayout, SizesTheFontToTheFrame) {
  EXPECT_EQ(font_pixels(bold(), kVertical), 92);
  EXPECT_EQ(font_pixels(bold(), {1920, 1080}), 92);
  EXPECT_GE(line_chars(bold(), kVertical), 12u);
  EXPECT_LT(line_chars(*find_style("pop"), kVertical), line_chars(bold(), kVertical));
  const double one_line = caption_height("hi there", bold(), kVertical);
  EXPECT_GT(one_line, 92);
  EXPECT_NEAR(caption_height("a caption on two lines", bold(), kVertical), 2 * one_line - 2 * 92 * 0.07, 1);
}

TEST(CaptionLayout, UsesTheLowerSafeAreaWhenNoFaceIsThere) {
  const auto place = place_caption(1, 2, 120, kVertical, {{0, 3, 400, 1100}});
  EXPECT_EQ(place.anchor, Anchor::Bottom);
  EXPECT_EQ(place.margin, safe_area(kVertical).bottom);
  const auto [top, bottom] = place.rows(120, kVertical);
  EXPECT_DOUBLE_EQ(bottom - top, 120);
  EXPECT_LE(bottom, 1920 - 1920 * 0.2);
}

TEST(CaptionLayout, MovesToTheTopWhenAFaceCoversTheLowerArea) {
  const auto place = place_caption(1, 2, 120, kVertical, {{1.5, 1.8, 900, 1600}});
  EXPECT_EQ(place.anchor, Anchor::Top);
  EXPECT_EQ(place.margin, safe_area(kVertical).top);
}

TEST(CaptionLayout, IgnoresFacesAtOtherTimes) {
  EXPECT_EQ(place_caption(1, 2, 120, kVertical, {{2.5, 3, 900, 1600}}).anchor, Anchor::Bottom);
}

TEST(CaptionLayout, GoesBelowAFaceThatFillsBothSafeBands) {
  const auto place = place_caption(1, 2, 120, kVertical, {{0, 3, 150, 1500}});
  const auto [top, bottom] = place.rows(120, kVertical);
  EXPECT_GE(top, 1500);
  EXPECT_LE(bottom, 1920);
}

TEST(CaptionLayout, GoesBetweenTwoFacesThatCoverBothSafeBands) {
  // A split layout: one face in each half, the gap between them 700-1100.
  const auto place = place_caption(1, 2, 120, kVertical, {{0, 3, 100, 700}, {0, 3, 1100, 1900}, {0, 1, 600, 1500}});
  const auto [top, bottom] = place.rows(120, kVertical);
  EXPECT_GE(top, 700);
  EXPECT_LE(bottom, 1100);
  EXPECT_NEAR((top + bottom) / 2, 900, 1);
}

TEST(CaptionLayout, OverlapsTheLeastWhenNothingIsClear) {
  const auto place = place_caption(1, 2, 120, kVertical, {{0, 3, 300, 1850}});
  const auto [top, bottom] = place.rows(120, kVertical);
  EXPECT_EQ(place.anchor, Anchor::Top);  // overlaps it by less than the others
  EXPECT_LT(bottom, 1378) << "the lower band is covered whole";
}

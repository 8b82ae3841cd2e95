#include "media/crop.h"

#include <gtest/gtest.h>

using namespace clipgen::media;

namespace {

TEST(OutputSize, StandardSizesPerAspect) {
  EXPECT_EQ(output_size("9:16", 1280, 720), std::make_pair(1080, 1920));
  EXPECT_EQ(output_size("1:1", 1280, 720), std::make_pair(1080, 1080));
  EXPECT_EQ(output_size("16:9", 640, 360), std::make_pair(1920, 1080));
  EXPECT_EQ(output_size("original", 1279, 719), std::make_pair(1278, 718));
  EXPECT_THROW(output_size("4:3", 1280, 720), std::invalid_argument);
}

TEST(CenteredCrop, VerticalFromLandscapeKeepsFullHeightCentred) {
  const auto r = centered_crop(1280, 720, 1080, 1920);
  EXPECT_EQ(r.h, 720);
  EXPECT_EQ(r.w, 404);  // 720 * 9/16 = 405, rounded down to even
  EXPECT_EQ(r.x, 438);
  EXPECT_EQ(r.y, 0);
}

TEST(CenteredCrop, LandscapeFromPortraitKeepsFullWidth) {
  const auto r = centered_crop(720, 1280, 1920, 1080);
  EXPECT_EQ(r.w, 720);
  EXPECT_EQ(r.h, 404);
  EXPECT_EQ(r.x, 0);
  EXPECT_EQ(r.y, 438);
}

TEST(CenteredCrop, SameShapeIsTheWholeFrameAndEverythingIsEven) {
  const auto r = centered_crop(1920, 1080, 1920, 1080);
  EXPECT_EQ(r.x, 0);
  EXPECT_EQ(r.w, 1920);
  for (auto [w, h] : {std::pair{321, 181}, {513, 511}, {99, 1001}}) {
    const auto c = centered_crop(w, h, 1080, 1920);
    EXPECT_EQ(c.w % 2, 0);
    EXPECT_EQ(c.h % 2, 0);
    EXPECT_EQ(c.x % 2, 0);
    EXPECT_EQ(c.y % 2, 0);
    EXPECT_LE(c.x + c.w, w);
    EXPECT_LE(c.y + c.h, h);
  }
}

TEST(CropAt, HoldsTheLastKeyAtOrBeforeTheTime) {
  const CropPath path = {{10, {0, 0, 100, 100}}, {12, {50, 0, 100, 100}}, {14, {90, 0, 100, 100}}};
  EXPECT_EQ(crop_at(path, 5).x, 0);  // before the first key: the first key
  EXPECT_EQ(crop_at(path, 11.9).x, 0);
  EXPECT_EQ(crop_at(path, 12).x, 50);
  EXPECT_EQ(crop_at(path, 100).x, 90);
  EXPECT_THROW(crop_at({}, 1), std::invalid_argument);
}

}  // namespace

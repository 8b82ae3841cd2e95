#include "reframe/clip_framing.h"

#include <gtest/gtest.h>

using namespace clipgen::reframe;
using clipgen::media::Layout;

namespace {

FaceTrack talk_like() {
  FaceTrack track{1280, 720, {}};
  for (int i = 0; i < 30; ++i) {
    std::vector<FaceBox> faces;
    if (i != 4) faces.push_back({300, 200, i == 20 ? 360.0 : 320.0, i == 20 ? 360.0 : 320.0});
    track.samples.push_back({10 + i / 3.0, faces});
  }
  return track;
}

}  // namespace

TEST(ClipFraming, FillsAndFollowsTheSpeakerLeftOfCentre) {
  const auto framing = plan_framing(talk_like(), {.start = 10, .end = 20});
  EXPECT_EQ(framing.layout, Layout::Fill);
  ASSERT_FALSE(framing.crop.empty());
  for (const auto& key : framing.crop) {
    EXPECT_LE(key.rect.x, 300);
    EXPECT_GE(key.rect.x + key.rect.w, 620);
  }
}

TEST(ClipFraming, ThumbnailShowsTheLargestFaceNearTheMiddle) {
  EXPECT_NEAR(plan_framing(talk_like(), {.start = 10, .end = 20}).thumbnail_time, 10 + 20 / 3.0, 1e-9);
  FaceTrack empty{1280, 720, {{10, {}}, {10.3, {}}}};
  EXPECT_DOUBLE_EQ(plan_framing(empty, {.start = 10, .end = 20}).thumbnail_time, 15);
}

TEST(ClipFraming, MapsFacesIntoTheOutputThroughTheCrop) {
  FaceTrack track{1280, 720, {{0, {{300, 180, 360, 360}}}}};
  ClipFraming fill{Layout::Fill, {{0, {200, 0, 405, 720}}}, 0};
  const auto faces = faces_in_output(track, fill, 810, 1440);  // twice the crop's size
  ASSERT_EQ(faces.size(), 1u);
  EXPECT_DOUBLE_EQ(faces[0].left, 200);
  EXPECT_DOUBLE_EQ(faces[0].right, 810) << "clipped at the frame's edge";
  EXPECT_DOUBLE_EQ(faces[0].top, 360);
  EXPECT_DOUBLE_EQ(faces[0].bottom, 1080);
}

TEST(ClipFraming, MapsFacesIntoTheOutputThroughTheFitScaling) {
  FaceTrack track{1280, 720, {{0, {{640, 360, 128, 72}}}}};
  ClipFraming fit{Layout::Fit, {{0, {0, 0, 404, 720}}}, 0};
  const auto faces = faces_in_output(track, fit, 1080, 1920);  // scale 1080/1280, centred vertically
  ASSERT_EQ(faces.size(), 1u);
  const double scale = 1080.0 / 1280, top = (1920 - 720 * scale) / 2;
  EXPECT_DOUBLE_EQ(faces[0].left, 640 * scale);
  EXPECT_DOUBLE_EQ(faces[0].top, top + 360 * scale);
  EXPECT_DOUBLE_EQ(faces[0].bottom, top + 432 * scale);
}

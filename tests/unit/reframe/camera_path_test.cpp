#include "reframe/camera_path.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace clipgen::reframe;

namespace {

const AxisLimits kLimits{.dead_zone = 30, .settle = 4, .max_step = 10, .ease = 0.12, .ramp_frames = 8};

}  // namespace

TEST(Follow, StaysStillWhileTheAimIsInsideTheDeadZone) {
  AxisState s{100};
  for (double aim : {110.0, 125.0, 80.0, 129.0}) {
    s = follow(s, aim, kLimits);
    EXPECT_DOUBLE_EQ(s.position, 100);
    EXPECT_FALSE(s.moving);
  }
}

TEST(Follow, NeverMovesMoreThanTheMaximumStepAndSettlesOnTheAim) {
  AxisState s{0};
  double previous = s.position;
  int frames = 0;
  while (frames < 500 && (frames == 0 || s.moving)) {
    s = follow(s, 600, kLimits);
    EXPECT_LE(std::abs(s.position - previous), kLimits.max_step + 1e-9);
    previous = s.position;
    ++frames;
  }
  EXPECT_FALSE(s.moving);
  EXPECT_NEAR(s.position, 600, kLimits.settle);
  EXPECT_GE(frames, 60) << "600 px at 10 px a frame takes at least 60 frames";
}

TEST(Follow, StartsAPanGently) {
  AxisState s{0};
  s = follow(s, 600, kLimits);
  EXPECT_GT(s.position, 0);
  EXPECT_LE(s.position, kLimits.max_step / kLimits.ramp_frames + 1e-9);
}

TEST(Follow, DoesNotJitterAroundAStillAim) {
  AxisState s{0};
  for (int i = 0; i < 300; ++i) s = follow(s, 200, kLimits);
  const double settled = s.position;
  // The detector's box wobbles by a few pixels: the window must not.
  for (int i = 0; i < 100; ++i) {
    s = follow(s, 200 + ((i % 2) ? 6 : -6), kLimits);
    EXPECT_DOUBLE_EQ(s.position, settled);
  }
}

TEST(CameraPath, HoldsOneKeyForAStillSpeaker) {
  std::vector<Aim> aims;
  for (int i = 0; i < 30; ++i) aims.push_back({10 + i / 3.0, 300, 0, false});
  const auto path = camera_path(aims, 1280, 720, 404, 720, 25, 10, 20, {});
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(path[0].t, 10);
  EXPECT_EQ(path[0].rect.x, 300);
  EXPECT_EQ(path[0].rect.w, 404);
  EXPECT_EQ(path[0].rect.h, 720);
}

TEST(CameraPath, PansWithinTheSpeedLimitAndJumpsAtACut) {
  const CameraSettings settings;
  std::vector<Aim> aims;
  for (int i = 0; i < 30; ++i) {
    const double t = i / 3.0;
    aims.push_back({t, t < 5 ? 0.0 + 150 * t : 100.0, 0, i == 15});  // a moving speaker, then a cut
  }
  const auto path = camera_path(aims, 1280, 720, 404, 720, 25, 0, 10, settings);
  const double limit = settings.max_speed * 1280 / 25;
  int jumps = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double moved = std::abs(path[i].rect.x - path[i - 1].rect.x);
    if (moved > limit + 2) {
      ++jumps;
      EXPECT_NEAR(path[i].t, 5.0, 0.05) << "only at the cut";
      EXPECT_EQ(path[i].rect.x, 100);
    }
    EXPECT_EQ(path[i].rect.x % 2, 0);
    EXPECT_GE(path[i].rect.x, 0);
    EXPECT_LE(path[i].rect.x + 404, 1280);
  }
  EXPECT_EQ(jumps, 1);
  EXPECT_GT(path.size(), 20u) << "it followed the speaker before the cut";
}

TEST(CameraPath, CentresWithoutAims) {
  const auto path = camera_path({}, 1280, 720, 404, 720, 25, 3, 8, {});
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(path[0].rect.x, 438);
}

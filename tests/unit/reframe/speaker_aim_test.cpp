#include "reframe/speaker_aim.h"

#include <gtest/gtest.h>

using namespace clipgen::reframe;

namespace {

FaceTrack track_of(std::vector<FrameSample> samples) { return {1280, 720, std::move(samples)}; }

}  // namespace

TEST(MainFace, IsTheLargestAtFirst) {
  const auto face = main_face({{0, 0, 50, 50}, {600, 100, 120, 120}}, std::nullopt);
  ASSERT_TRUE(face);
  EXPECT_EQ(face->x, 600);
  EXPECT_FALSE(main_face({}, std::nullopt));
}

TEST(MainFace, StaysWithThePersonFollowedUnlessAnotherIsFarLarger) {
  const FaceBox followed{100, 100, 100, 100};
  EXPECT_EQ(main_face({{110, 100, 100, 100}, {900, 100, 120, 120}}, followed)->x, 110);
  EXPECT_EQ(main_face({{110, 100, 60, 60}, {900, 100, 400, 400}}, followed)->x, 900);
}

TEST(SpeakerAims, CentreTheFaceInTheWindowWithinTheFrame) {
  const auto aims = speaker_aims(track_of({{0, {{300, 200, 200, 200}}}, {0.3, {{1200, 200, 80, 80}}}}), 404, 720, {});
  ASSERT_EQ(aims.size(), 2u);
  EXPECT_DOUBLE_EQ(aims[0].x, 400 - 202);
  EXPECT_DOUBLE_EQ(aims[0].y, 0);  // the window is as tall as the frame
  EXPECT_DOUBLE_EQ(aims[1].x, 1280 - 404) << "clamped to the frame";
}

TEST(SpeakerAims, HoldALostFaceBrieflyThenReturnToTheCentre) {
  std::vector<FrameSample> samples{{0, {{100, 200, 200, 200}}}};
  for (int i = 1; i <= 9; ++i) samples.push_back({i / 3.0, {}});
  const auto aims = speaker_aims(track_of(samples), 404, 720, {});  // hold: 1 s
  EXPECT_DOUBLE_EQ(aims[2].x, 0) << "held";
  EXPECT_DOUBLE_EQ(aims[3].x, 0) << "held at exactly 1 s";
  EXPECT_DOUBLE_EQ(aims[5].x, 438) << "centred after the hold";
}

TEST(SpeakerAims, DropAOneSampleFalseDetection) {
  std::vector<FrameSample> samples;
  for (int i = 0; i < 6; ++i) samples.push_back({i / 3.0, {{400, 200, 200, 200}}});
  samples[3].faces = {{1000, 50, 210, 210}};  // a poster's face, once
  const auto aims = speaker_aims(track_of(samples), 404, 720, {});
  for (const auto& aim : aims) EXPECT_DOUBLE_EQ(aim.x, 500 - 202) << aim.t;
}

TEST(SpeakerAims, ForgetTheFaceAtACut) {
  std::vector<FrameSample> samples{{0, {{100, 200, 200, 200}}}, {0.3, {}, true}, {0.6, {}}};
  const auto aims = speaker_aims(track_of(samples), 404, 720, {});
  EXPECT_TRUE(aims[1].cut);
  EXPECT_DOUBLE_EQ(aims[1].x, 438);
  EXPECT_DOUBLE_EQ(aims[2].x, 438);
}

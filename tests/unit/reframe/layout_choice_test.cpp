#include "reframe/layout_choice.h"

#include <gtest/gtest.h>

using namespace clipgen::reframe;
using clipgen::media::CropRect;
using clipgen::media::Layout;

namespace {

const CropRect kVertical{438, 0, 404, 720};  // 9:16 out of 1280x720

FaceTrack repeated(const std::vector<FaceBox>& faces, int count = 30) {
  FaceTrack track{1280, 720, {}};
  for (int i = 0; i < count; ++i) track.samples.push_back({i / 3.0, faces});
  return track;
}

}  // namespace

TEST(LayoutChoice, FollowsAnExplicitChoice) {
  const auto apart = repeated({{50, 200, 150, 150}, {1000, 200, 150, 150}});
  EXPECT_EQ(choose_layout("fill", apart, kVertical), Layout::Fill);
  EXPECT_EQ(choose_layout("fit", repeated({{500, 200, 150, 150}}), kVertical), Layout::Fit);
  EXPECT_THROW(choose_layout("zoom", apart, kVertical), std::invalid_argument);
}

TEST(LayoutChoice, AutoFillsForOneSpeaker) {
  EXPECT_EQ(choose_layout("auto", repeated({{300, 200, 300, 300}}), kVertical), Layout::Fill);
}

TEST(LayoutChoice, AutoFitsTwoSpeakersTooFarApartForOneWindow) {
  EXPECT_EQ(choose_layout("auto", repeated({{50, 200, 150, 150}, {1000, 200, 150, 150}}), kVertical), Layout::Fit);
  // Side by side within one window: a crop holds both.
  EXPECT_EQ(choose_layout("auto", repeated({{450, 200, 150, 150}, {650, 200, 150, 150}}), kVertical), Layout::Fill);
  // A small face in the crowd is not a second speaker.
  EXPECT_EQ(choose_layout("auto", repeated({{300, 200, 300, 300}, {1100, 50, 90, 90}}), kVertical), Layout::Fill);
}

TEST(LayoutChoice, AutoFitsAWideShotWithNobodyInIt) {
  EXPECT_EQ(choose_layout("auto", repeated({}), kVertical), Layout::Fit);
}

TEST(LayoutChoice, AutoFillsWhenTheCropLosesLittle) {
  const CropRect almost_all{0, 0, 1280, 640};
  EXPECT_EQ(choose_layout("auto", repeated({}), almost_all), Layout::Fill);
}

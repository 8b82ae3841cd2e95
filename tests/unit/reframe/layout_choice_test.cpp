#include "reframe/layout_choice.h"

#include <gtest/gtest.h>

#include <functional>

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

// The layout for faces whose mouths are not seen to move (no talker found).
Layout choose(const std::string& setting, const FaceTrack& track, const CropRect& crop) {
  return choose_layout(setting, track, crop, find_conversation(track, {}, 0, 10));
}

// Two people at the edges of the picture; `left_talks` and `right_talks` say whose mouth moves
// in which of the 30 samples, all of them voiced.
FaceTrack two_people(const std::function<bool(int)>& left_talks, const std::function<bool(int)>& right_talks) {
  FaceTrack track{1280, 720, {}};
  for (int i = 0; i < 30; ++i) {
    FaceBox left{50, 200, 150, 150, left_talks(i) ? 4.0 : 0.1}, right{1000, 200, 150, 150, right_talks(i) ? 4.0 : 0.1};
    track.samples.push_back({i / 3.0, {left, right}});
  }
  return track;
}

Layout choose_talking(const std::string& setting, const FaceTrack& track) {
  return choose_layout(setting, track, kVertical, find_conversation(track, {{0, 10}}, 0, 10));
}

}  // namespace

TEST(LayoutChoice, FollowsAnExplicitChoice) {
  const auto apart = repeated({{50, 200, 150, 150}, {1000, 200, 150, 150}});
  EXPECT_EQ(choose("fill", apart, kVertical), Layout::Fill);
  EXPECT_EQ(choose("fit", repeated({{500, 200, 150, 150}}), kVertical), Layout::Fit);
  EXPECT_THROW(choose("zoom", apart, kVertical), std::invalid_argument);
}

TEST(LayoutChoice, AutoFillsForOneSpeaker) {
  EXPECT_EQ(choose("auto", repeated({{300, 200, 300, 300}}), kVertical), Layout::Fill);
}

TEST(LayoutChoice, AutoFitsTwoSpeakersTooFarApartForOneWindow) {
  EXPECT_EQ(choose("auto", repeated({{50, 200, 150, 150}, {1000, 200, 150, 150}}), kVertical), Layout::Fit);
  // Side by side within one window: a crop holds both.
  EXPECT_EQ(choose("auto", repeated({{450, 200, 150, 150}, {650, 200, 150, 150}}), kVertical), Layout::Fill);
  // A small face in the crowd is not a second speaker.
  EXPECT_EQ(choose("auto", repeated({{300, 200, 300, 300}, {1100, 50, 90, 90}}), kVertical), Layout::Fill);
}

TEST(LayoutChoice, AutoFitsAWideShotWithNobodyInIt) {
  EXPECT_EQ(choose("auto", repeated({}), kVertical), Layout::Fit);
}

TEST(LayoutChoice, AutoFillsWhenTheCropLosesLittle) {
  const CropRect almost_all{0, 0, 1280, 640};
  EXPECT_EQ(choose("auto", repeated({}), almost_all), Layout::Fill);
}

TEST(LayoutChoice, AutoSplitsWhenTwoPeopleOnScreenBothTalk) {
  const auto both = two_people([](int i) { return i < 15; }, [](int i) { return i >= 15; });
  EXPECT_EQ(choose_talking("auto", both), Layout::Split);
  EXPECT_EQ(choose_talking("split", both), Layout::Split);
  EXPECT_EQ(choose_talking("fill", both), Layout::Fill);
}

TEST(LayoutChoice, AutoFillsWhenOneOfTwoTalks) {
  // Too far apart for one window, but only the left one talks: the crop follows them.
  EXPECT_EQ(choose_talking("auto", two_people([](int) { return true; }, [](int) { return false; })), Layout::Fill);
  // One who only says "yes" once is not a second talker.
  EXPECT_EQ(choose_talking("auto", two_people([](int i) { return i != 7 && i != 8; }, [](int i) { return i == 7 || i == 8; })),
            Layout::Fill);
}

TEST(LayoutChoice, SplitWithoutTwoPeopleFills) {
  EXPECT_EQ(choose("split", repeated({{300, 200, 300, 300}}), kVertical), Layout::Fill);
  EXPECT_THROW(choose("stacked", repeated({{300, 200, 300, 300}}), kVertical), std::invalid_argument);
}

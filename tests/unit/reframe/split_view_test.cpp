#include "reframe/split_view.h"

#include <gtest/gtest.h>

#include <tuple>

using namespace clipgen::reframe;
using clipgen::media::CropRect;

namespace {

Conversation two_people(FaceBox left, FaceBox right) {
  Conversation c;
  c.people = {{left, 1, 0.6}, {right, 1, 0.4}};
  c.turns = {{0, 4, 0}, {4, 9, 1}, {9, 12, 1}, {12, 20, 0}};
  return c;
}

bool holds(const CropRect& window, const FaceBox& f) {
  return f.x >= window.x && f.x + f.w <= window.x + window.w && f.y >= window.y && f.y + f.h <= window.y + window.h;
}

}  // namespace

TEST(SplitView, EachWindowHoldsItsPersonInTheHalfsShapeAndNotTheOther) {
  const FaceBox left{200, 150, 150, 150}, right{900, 180, 140, 140};
  const auto view = split_view(two_people(left, right), 1280, 720, 1080, 1920, {});
  for (const auto& [window, face, other] : {std::tuple{view.first, left, right}, std::tuple{view.second, right, left}}) {
    EXPECT_TRUE(holds(window, face));
    EXPECT_FALSE(window.x <= other.cx() && other.cx() <= window.x + window.w);
    EXPECT_NEAR(double(window.w) / window.h, 1080.0 / 960, 0.02);  // a half of 9:16 is 9:8
    EXPECT_GE(window.x, 0);
    EXPECT_LE(window.x + window.w, 1280);
    EXPECT_GE(window.y, 0);
    EXPECT_LE(window.y + window.h, 720);
    EXPECT_EQ(window.w % 2, 0);
    EXPECT_EQ(window.h % 2, 0);
  }
  // The border follows the turns, once per change.
  ASSERT_EQ(view.talker.size(), 3u);
  EXPECT_EQ(view.talker[0].half, 0);
  EXPECT_DOUBLE_EQ(view.talker[1].t, 4);
  EXPECT_EQ(view.talker[1].half, 1);
  EXPECT_DOUBLE_EQ(view.talker[2].t, 12);
}

TEST(SplitView, PeopleCloseTogetherGetNarrowerWindows) {
  const FaceBox left{480, 200, 120, 120}, right{700, 200, 120, 120};
  const auto view = split_view(two_people(left, right), 1280, 720, 1080, 1920, {});
  EXPECT_TRUE(holds(view.first, left));
  EXPECT_LT(view.first.x + view.first.w, right.cx());
  EXPECT_GT(view.second.x, left.cx());
}

TEST(SplitView, AWideFrameSetsTheHalvesSideBySide) {
  const auto view = split_view(two_people({200, 150, 150, 150}, {900, 180, 140, 140}), 1280, 720, 1920, 1080, {});
  EXPECT_NEAR(double(view.first.w) / view.first.h, 960.0 / 1080, 0.02);
}

TEST(SplitView, ThePairIsTheTwoWhoTalkMostInTheirOrderOnScreen) {
  Conversation c = two_people({100, 100, 100, 100}, {500, 100, 100, 100});
  c.people.push_back({{900, 100, 100, 100}, 1, 0.5});
  c.people[0].talks = 0.1;
  c.people[1].talks = 0.4;
  EXPECT_EQ(split_pair(c), (std::pair{1, 2}));
  c.people.resize(1);
  EXPECT_FALSE(split_pair(c));
}

TEST(SplitView, AThirdPersonIsKeptOutOfBothWindows) {
  Conversation c = two_people({100, 200, 150, 150}, {1000, 200, 150, 150});
  c.people.insert(c.people.begin() + 1, Person{{560, 200, 150, 150}, 1, 0});  // listens in the middle
  c.turns = {{0, 4, 0}, {4, 9, 2}};
  const auto view = split_view(c, 1280, 720, 1080, 1920, {});
  for (const auto& window : {view.first, view.second}) {
    EXPECT_TRUE(window.x + window.w <= 560 || window.x >= 710) << window.x << "+" << window.w;
  }
  EXPECT_TRUE(holds(view.first, c.people[0].face));
  EXPECT_TRUE(holds(view.second, c.people[2].face));
}

TEST(SplitView, PeopleOneAboveTheOtherAreKeptApartDownThePicture) {
  // A portrait source: one person in the upper half, one in the lower.
  const FaceBox upper{250, 200, 200, 200}, lower{260, 800, 200, 200};
  const auto view = split_view(two_people(upper, lower), 720, 1280, 1080, 1920, {});
  EXPECT_TRUE(holds(view.first, upper));
  EXPECT_TRUE(holds(view.second, lower));
  EXPECT_LE(view.first.y + view.first.h, lower.y);
  EXPECT_GE(view.second.y, upper.y + upper.h);
}

#include "reframe/active_speaker.h"

#include <gtest/gtest.h>

#include <functional>

using namespace clipgen::reframe;

namespace {

// Samples every 1/3 s over [0, seconds) of two people, `talker(t)` the one whose mouth moves
// (0 left, 1 right, -1 neither); a still mouth shows compression noise.
FaceTrack conversation(double seconds, const std::function<int(double)>& talker) {
  FaceTrack track{1280, 720, {}};
  for (int i = 0; i < seconds * 3; ++i) {
    const double t = i / 3.0;
    const int who = talker(t);
    // The right one is listed first (larger), as a detector may order them.
    track.samples.push_back({t, {FaceBox{1000, 210, 160, 160, who == 1 ? 3.0 : 0.2},
                                 FaceBox{100, 200, 150, 150, who == 0 ? 3.0 : 0.2}}});
  }
  return track;
}

std::vector<double> times_of(const std::vector<int>& talker) {
  std::vector<double> t;
  for (std::size_t i = 0; i < talker.size(); ++i) t.push_back(i / 3.0);
  return t;
}

}  // namespace

TEST(SpeakerTurns, CutWhenTheOtherPersonStartsTalking) {
  // 3 s of person 0, then 3 s of person 1.
  std::vector<int> talker(18, 0);
  for (int i = 9; i < 18; ++i) talker[i] = 1;
  const auto turns = speaker_turns(times_of(talker), talker, 0, 6);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].person, 0);
  EXPECT_DOUBLE_EQ(turns[0].start, 0);
  EXPECT_DOUBLE_EQ(turns[1].start, 3);  // at the new talker's first sample, not after the hysteresis
  EXPECT_EQ(turns[1].person, 1);
  EXPECT_DOUBLE_EQ(turns[1].end, 6);
}

TEST(SpeakerTurns, AnInterjectionKeepsTheShot) {
  // Person 1 says "yes" for 2 samples (0.67 s) in the middle of person 0's turn.
  std::vector<int> talker(30, 0);
  talker[12] = talker[13] = 1;
  const auto turns = speaker_turns(times_of(talker), talker, 0, 10);
  ASSERT_EQ(turns.size(), 1u);
  EXPECT_EQ(turns[0].person, 0);
}

TEST(SpeakerTurns, NoShotIsShorterThanTheMinimum) {
  // Person 1 talks from 1.33 s for 1.33 s, person 0 again from 2.67 s: the first cut waits
  // until the opening shot has lasted 1.5 s, the second until that shot has.
  std::vector<int> talker(30, 0);
  for (int i = 4; i < 8; ++i) talker[i] = 1;
  const auto turns = speaker_turns(times_of(talker), talker, 0, 10);
  for (const auto& turn : turns) EXPECT_GE(turn.end - turn.start, 1.5 - 1e-9);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_DOUBLE_EQ(turns[1].start, 1.5);
  EXPECT_DOUBLE_EQ(turns[2].start, 3.0);
  // And no cut so close to the end that the last shot would be short.
  std::vector<int> late(30, 0);
  for (int i = 26; i < 30; ++i) late[i] = 1;
  EXPECT_EQ(speaker_turns(times_of(late), late, 0, 10).size(), 1u);
}

TEST(SpeakerTurns, UnknownSamplesNeitherCutNorBreakATurn) {
  std::vector<int> talker(30, -1);
  EXPECT_TRUE(speaker_turns(times_of(talker), talker, 0, 10).empty());
  // Person 1 named now and then through silence (-1) for 2 s is one turn of 2 s.
  for (int i = 0; i < 9; ++i) talker[i] = 0;
  for (int i = 12; i < 18; i += 2) talker[i] = 1;
  const auto turns = speaker_turns(times_of(talker), talker, 0, 10);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_DOUBLE_EQ(turns[1].start, 4);
  // An opening interjection does not choose the first shot.
  std::vector<int> opening(30, 0);
  opening[0] = 1;
  const auto first = speaker_turns(times_of(opening), opening, 0, 10);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].person, 0);
}

TEST(ActiveSpeaker, PeopleAreNumberedLeftToRightAndTheTalkerIsTheMovingMouth) {
  const auto track = conversation(12, [](double t) { return t < 6 ? 0 : 1; });
  const auto c = find_conversation(track, {{0, 12}}, 0, 12);
  ASSERT_EQ(c.people.size(), 2u);
  EXPECT_LT(c.people[0].face.cx(), c.people[1].face.cx());
  EXPECT_DOUBLE_EQ(c.people[0].seen, 1);
  EXPECT_EQ(c.person_of[0], (std::vector<int>{1, 0}));
  EXPECT_EQ(c.talker[3], 0);
  EXPECT_EQ(c.talker[30], 1);
  ASSERT_EQ(c.turns.size(), 2u);
  EXPECT_NEAR(c.turns[1].start, 6, 1.0 / 3);
  EXPECT_NEAR(c.people[0].talks, 0.5, 0.05);
  EXPECT_EQ(speaker_of_word(c, track, 2.0, 2.3), 1);
  EXPECT_EQ(speaker_of_word(c, track, 8.0, 8.4), 2);
}

TEST(ActiveSpeaker, NobodyTalksWhereNobodyIsHeardOrNoMouthMoves) {
  // Mouths move (chewing, laughing) but the sound is silent from 3 s on.
  const auto track = conversation(6, [](double t) { return t < 3 ? 0 : 1; });
  const auto c = find_conversation(track, {{0, 2.5}}, 0, 6);
  EXPECT_EQ(c.talker[2], 0);
  EXPECT_EQ(c.talker[13], -1);
  // Heard, but no mouth moves: a voice from off screen.
  const auto still = find_conversation(conversation(6, [](double) { return -1; }), {{0, 6}}, 0, 6);
  EXPECT_TRUE(still.turns.empty());
  EXPECT_EQ(speaker_of_word(still, conversation(6, [](double) { return -1; }), 1, 1.5), 0);
}

TEST(ActiveSpeaker, AFaceSeenInFewSamplesIsNobody) {
  auto track = conversation(10, [](double) { return 0; });
  track.samples[5].faces.push_back({600, 300, 100, 100, 9.0});  // a false detection, moving a lot
  const auto c = find_conversation(track, {{0, 10}}, 0, 10);
  EXPECT_EQ(c.people.size(), 2u);
  EXPECT_EQ(c.person_of[5][2], -1);
  EXPECT_EQ(c.talker[5], 0);
}

TEST(SpeakerTurns, AClipOpeningMidTurnStartsOnItsTalkerThroughStraySamples) {
  // Person 0 talks for 3 s with person 1 named at a stray sample now and then, then person 1.
  std::vector<int> talker(18, 0);
  talker[2] = talker[5] = 1;
  for (int i = 9; i < 18; ++i) talker[i] = 1;
  const auto turns = speaker_turns(times_of(talker), talker, 0, 6);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].person, 0);
  EXPECT_DOUBLE_EQ(turns[1].start, 3);
}

TEST(SpeakerTurns, TurnsOfOneSecondAndMoreAreCutTo) {
  // 1.33 s turns (4 samples), alternating, with a silent sample between.
  std::vector<int> talker;
  for (int turn = 0; turn < 6; ++turn) {
    for (int k = 0; k < 4; ++k) talker.push_back(turn % 2);
    talker.push_back(-1);
  }
  const auto turns = speaker_turns(times_of(talker), talker, 0, talker.size() / 3.0);
  EXPECT_GE(turns.size(), 4u);
  for (std::size_t k = 0; k + 1 < turns.size(); ++k) EXPECT_GE(turns[k].end - turns[k].start, 1.5 - 1e-9);
}

TEST(ActiveSpeaker, PeopleOneAboveTheOtherAreNumberedTopToBottom) {
  FaceTrack track{720, 1280, {}};
  for (int i = 0; i < 30; ++i)
    track.samples.push_back({i / 3.0, {FaceBox{260, 900, 200, 200, 0.2}, FaceBox{250, 200, 180, 180, 3.0}}});
  const auto c = find_conversation(track, {{0, 10}}, 0, 10);
  ASSERT_EQ(c.people.size(), 2u);
  EXPECT_LT(c.people[0].face.cy(), c.people[1].face.cy());
  EXPECT_EQ(c.talker[10], 0);
}

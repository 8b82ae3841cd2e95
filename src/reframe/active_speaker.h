#pragma once
// Who is talking in a clip, from the faces sampled in it and where its sound carries voice. Pure.
//
// How it decides: faces are grouped into people by where they sit (podcast and interview
// cameras hold still). At each sample where somebody is heard, the talker is the person whose
// mouth moves most over the second around it (FaceBox::mouth_motion), clearly more than anybody
// else's. Turns for the framing follow the talkers with hysteresis: the shots are the path over
// people that disagrees with the fewest talker samples when each cut costs half of min_turn
// (Viterbi), so another person must talk for a while before a cut; no shot is shorter than a
// minimum.
//
// Where it cannot decide (no talker, no turns): voice from off screen (nobody's mouth moves), a
// face turned away or covered (not detected), and a listener whose mouth moves as much as the
// talker's (laughing, chewing). Where it can be wrong: two people talking at once (the one
// moving more wins) and one camera per person with cuts between them (each shot shows one
// person, who is taken as talking when heard).
#include <vector>

#include "reframe/face_track.h"

namespace clipgen::reframe {

struct TimeSpan {
  double start = 0, end = 0;  // seconds in the source
};

struct Person {
  FaceBox face;       // the median box over the samples showing this person, source pixels
  double seen = 0;    // share of the samples showing this person
  double talks = 0;   // share of the clip's time in this person's turns
};

struct SpeakerTurn {
  double start = 0, end = 0;  // seconds in the source
  int person = -1;            // index into Conversation::people
};

struct TurnSettings {
  double min_shot = 1.5;  // seconds: no shot is shorter (except one cut short by the clip's end)
  double min_turn = 1.0;  // seconds another person must talk before the framing cuts to them;
                          // shorter is an interjection ("yes", "right") and keeps the shot
};

struct Conversation {
  std::vector<Person> people;               // left to right (top to bottom when they sit one
                                            // above the other): people[0] is "Speaker 1"
  std::vector<std::vector<int>> person_of;  // per sample, per face: index into people, -1 for none
  std::vector<int> talker;                  // per sample: who talks then, -1 when nobody heard or no clear mouth
  std::vector<SpeakerTurn> turns;           // covering [start, end]; empty when no talker was found
};

// `voice`: where somebody is heard (from the transcript's words), in time order.
Conversation find_conversation(const FaceTrack& track, const std::vector<TimeSpan>& voice, double start, double end,
                               const TurnSettings& settings = {});

// The shots of a conversation from the talker at each sample (times ascending, -1 unknown).
std::vector<SpeakerTurn> speaker_turns(const std::vector<double>& times, const std::vector<int>& talker, double start,
                                       double end, const TurnSettings& settings = {});

// Who says a word spanning [start, end] (source seconds): the person whose mouth clearly moves
// most in the samples during it, else the talker most samples around it name, else the nearest
// talker within a second; as a label (1 for people[0], ...), 0 unknown.
int speaker_of_word(const Conversation& conversation, const FaceTrack& track, double start, double end);

}  // namespace clipgen::reframe

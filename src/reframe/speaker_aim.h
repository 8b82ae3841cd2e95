#pragma once
// Where the crop window wants to be at each sampled frame: on the main face, held briefly
// when the face is lost, centred when there is none; in a conversation, on whoever talks. Pure.
#include <optional>
#include <vector>

#include "reframe/active_speaker.h"
#include "reframe/camera_settings.h"
#include "reframe/face_track.h"

namespace clipgen::reframe {

struct Aim {
  double t = 0;          // seconds in the source
  double x = 0, y = 0;   // the crop window's top-left corner, source pixels
  bool cut = false;      // a new shot starts here: the window jumps instead of panning
};

// The face to follow: the one nearest the face followed so far unless another is much larger,
// else the largest. nullopt when there is none.
std::optional<FaceBox> main_face(const std::vector<FaceBox>& faces, const std::optional<FaceBox>& previous);

// One aim per sample, with single-sample outliers (a missed or false detection) removed.
std::vector<Aim> speaker_aims(const FaceTrack& track, int crop_w, int crop_h, const CameraSettings& settings);

// A conversation's aims: on each turn's talker, with a cut (not a pan) where the turn changes.
std::vector<Aim> turn_aims(const FaceTrack& track, const Conversation& conversation, int crop_w, int crop_h,
                           const CameraSettings& settings);

}  // namespace clipgen::reframe

#pragma once
// Fill (crop to the output's shape), split (two people, a half each) or fit (the whole picture
// over a blurred copy): the user's choice, or for `auto` the one the faces call for. Pure.
#include <string>

#include "media/render_spec.h"
#include "reframe/active_speaker.h"
#include "reframe/face_track.h"

namespace clipgen::reframe {

// `setting` is auto, fill, split or fit (std::invalid_argument otherwise); split needs two
// people in the picture and is fill without them. Auto picks split when two people are on
// screen and both talk; fill when one talks (the crop follows whoever talks); fit when a crop
// of `crop` would lose the point of the shot: a wide shot with nobody in it, or two people too
// far apart for one window with no talker found; else fill.
media::Layout choose_layout(const std::string& setting, const FaceTrack& track, const media::CropRect& crop,
                            const Conversation& conversation);

}  // namespace clipgen::reframe

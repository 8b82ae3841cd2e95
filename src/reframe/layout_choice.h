#pragma once
// Fill (crop to the output's shape) or fit (the whole picture over a blurred copy): the
// user's choice, or for `auto` the one the faces call for. Pure.
#include <string>

#include "media/render_spec.h"
#include "reframe/face_track.h"

namespace clipgen::reframe {

// `setting` is auto, fill or fit (std::invalid_argument otherwise). Auto picks fit when a crop
// of `crop` would lose the point of the shot: two people too far apart for one window, or a
// wide shot with nobody in it to follow; else fill.
media::Layout choose_layout(const std::string& setting, const FaceTrack& track, const media::CropRect& crop);

}  // namespace clipgen::reframe

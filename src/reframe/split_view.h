#pragma once
// The split layout of a conversation: a window around each of two people, one per half of the
// frame, and the border that follows whoever talks. Pure.
#include <optional>
#include <utility>

#include "media/render_spec.h"
#include "reframe/active_speaker.h"
#include "reframe/camera_settings.h"

namespace clipgen::reframe {

// The two people who talk most (left one first), if there are two.
std::optional<std::pair<int, int>> split_pair(const Conversation& conversation);

// Windows for split_pair's people in a source_w x source_h picture, shaped like the halves of an
// out_w x out_h frame (media::split_half): the face a third of the window's height, its centre
// at the camera's headroom, everybody else kept out unless they sit too close.
// Requires split_pair to have found two people.
media::SplitView split_view(const Conversation& conversation, int source_w, int source_h, int out_w, int out_h,
                            const CameraSettings& settings);

}  // namespace clipgen::reframe

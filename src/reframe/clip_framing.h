#pragma once
// Everything about how one clip is framed, decided from the faces sampled in it and where its
// sound carries voice: who talks when, the layout, the crop that follows the speaker (cutting
// between the people of a conversation), the split layout's windows, the thumbnail's moment, and
// where the faces land in the output (so captions can keep off them). Pure.
#include <string>
#include <vector>

#include "media/render_spec.h"
#include "reframe/active_speaker.h"
#include "reframe/camera_settings.h"
#include "reframe/face_track.h"

namespace clipgen::reframe {

struct ClipFraming {
  media::Layout layout = media::Layout::Fill;
  media::CropPath crop;        // follows the speaker; in Fit and Split it frames the thumbnail only
  media::SplitView split;      // in Split
  double thumbnail_time = 0;   // source seconds: a sampled frame showing the speaker's face
  Conversation conversation;   // who is in the picture and who talks when
};

struct FramingRequest {
  std::string layout = "auto";  // auto | fill | split | fit
  int out_width = 1080, out_height = 1920;
  double fps = 25;              // the source's, so the window moves once per frame
  double start = 0, end = 0;    // the clip in source seconds
  std::vector<TimeSpan> voice;  // where somebody is heard, in time order
  CameraSettings camera;
  TurnSettings turns;
};

ClipFraming plan_framing(const FaceTrack& track, const FramingRequest& request);

// A face as it appears in the output picture, in output pixels.
struct OutputFace {
  double t = 0;  // source seconds
  double left = 0, top = 0, right = 0, bottom = 0;
};

// Every sampled face mapped through the framing's crop (Fill), fit scaling (Fit) or its
// person's half (Split; faces of anybody else are left out).
std::vector<OutputFace> faces_in_output(const FaceTrack& track, const ClipFraming& framing, int out_width,
                                        int out_height);

}  // namespace clipgen::reframe

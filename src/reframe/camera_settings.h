#pragma once
// How the virtual camera (the crop window) follows the speaker.
namespace clipgen::reframe {

struct CameraSettings {
  double dead_zone = 0.08;  // the aim may stray this share of the crop's size before the window follows
  double settle = 0.015;    // a following window stops this close to its aim (share of the crop's size)
  double max_speed = 0.4;   // fastest pan: this share of the source's size per second
  double ease = 0.12;       // share of the remaining distance the window wants to cover per frame
  double ramp_frames = 8;   // frames from still to full speed (no jerk at the start of a pan)
  double hold = 1.0;        // seconds a lost face keeps the window before it returns to the centre
  double headroom = 0.4;    // where the face's centre sits from the top of a crop shorter than the source
};

}  // namespace clipgen::reframe

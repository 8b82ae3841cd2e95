#pragma once
// Finding sync marks in decoded media: white flashes (a whole frame of white) and 1 kHz beeps,
// each as the time it starts. Pure functions over what support/frames.h and support/sound.h
// decode with the ffmpeg CLI.
#include <vector>

#include "support/frames.h"
#include "support/sound.h"

namespace clipgen::testing {

// Times of the frames that start a flash: mean luma at least 200 of 255 (white is 235 in
// limited-range video; the matrix pictures average about 100), after a frame below that.
std::vector<double> flash_times(const std::vector<TimedFrame>& frames);

// Onsets of beeps at `hz`: stretches of at least 40 ms where a Goertzel filter over 5 ms windows
// (hop 1 ms) finds a tone of amplitude 0.2 or more carrying at least half of the window's power.
// The onset is where the tone reaches half its peak amplitude: a window half filled with the
// tone, so its centre (interpolated between hops). Onsets closer than 150 ms are one beep.
std::vector<double> beep_onsets(const DecodedSound& sound, double hz = 1000);

// The share (0-1) of the sound's power carried by a steady tone at `hz`: about 1 for a tone
// track, small for speech. Measured over 100 ms windows.
double tone_share(const DecodedSound& sound, double hz);

}  // namespace clipgen::testing

#pragma once
// Reading the sound of media files for tests, through the ffmpeg CLI: an independent decoder.
#include <cstddef>
#include <filesystem>
#include <vector>

namespace clipgen::testing {

// One audio track, decoded and mixed to mono at its own sample rate, laid out on the file's
// timeline: decoded frames follow each other, except where a timestamp says there is a gap or an
// overlap (more than 1 ms): then the frame sits at its timestamp, as a player would play it.
struct DecodedSound {
  int sample_rate = 0;
  double start = 0;            // time of samples[0]: the first frame's, from the file's time origin
  std::vector<float> samples;  // mono, full scale 1.0; silence where no frame covers the time
  std::size_t decoded = 0;     // samples (per channel) the decoder produced, each counted once
  int frame_size = 0;          // samples in the first decoded frame: "one audio frame"
};

// The track-th audio stream of the file (0-based, in file order).
DecodedSound decode_sound(const std::filesystem::path& file, int track = 0);

}  // namespace clipgen::testing

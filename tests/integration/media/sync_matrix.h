#pragma once
// The container x codec sync matrix: inputs with sync marks (white flashes and 1 kHz beeps at
// the same instants) made by make-sync-matrix.sh into the build folder, the clips cut from
// them, and the checks each clip must pass, all measured with the ffmpeg/ffprobe CLI.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "support/frames.h"

namespace clipgen::testing::sync {

// Where the `sync_matrix` CTest fixture writes the inputs.
std::filesystem::path matrix_dir();

// The inputs' file names, <container>_<video codec>_<audio codec>[_<special case>].<ext>.
const std::vector<std::string>& matrix_inputs();

// A clip to cut: nominal bounds in seconds on the input's timeline (from its time origin).
struct ClipCase {
  std::string input;
  double start = 0, end = 0;
};
std::vector<ClipCase> matrix_clips();
void PrintTo(const ClipCase& clip, std::ostream* out);  // for gtest's listing

// Test names: "mp4_h264_aac_mp4" for an input, "mp4_h264_aac_mp4_1100ms_to_4300ms" for a clip.
std::string input_name(const std::string& input);
std::string case_name(const ClipCase& clip);

// An input as the ffmpeg CLI decodes it.
struct Source {
  std::filesystem::path file;
  int width = 0, height = 0;       // the picture's size
  double frame_duration = 0;       // seconds
  std::vector<TimedFrame> frames;  // every frame, at width/4 x height/4
  std::vector<double> keyframes;   // times of the packets flagged as keyframes
  std::vector<double> flashes;     // flash onsets
  std::vector<double> beeps;       // beep onsets on the first audio track
};
Source measure_source(const std::filesystem::path& file);

// A clip's bounds moved from the nominal ones to the middle between two source frames, so the
// frame it must begin with (the first whose time is >= start) is not a matter of rounding.
struct Cut {
  double start = 0, end = 0;
  std::size_t first = 0;  // index in Source::frames of the clip's first frame
};
Cut cut_between_frames(const Source& source, double start, double end);

// Checks `clip` (cut from source at `cut`) with gtest expectations, and prints what it measured:
// - its first frame is source frame cut.first (compared with every source frame: the best match);
// - each stream starts at 0; audio and video last as long as each other within one audio frame
//   (as ffprobe reports them, and as decoded: frames x frame duration, samples / rate), and the
//   video as long as the cut within one frame;
// - every flash of the source within the cut is in the clip, with a beep within 40 ms of it, and
//   as far from it as in the source within 5 ms (the sound begins with the first frame);
// - each flash and each beep is at its source time minus cut.start, within one frame.
void expect_true_to_source(const Source& source, const Cut& cut, const std::filesystem::path& clip);

}  // namespace clipgen::testing::sync

#pragma once
// Reading pictures out of media files for tests, through the ffmpeg CLI: an independent
// decoder, so a test does not check clipgen's libav code with itself.
#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace clipgen::testing {

struct GrayFrame {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // row-major luma
};

// The frame shown at `t` seconds, scaled to width x height, as 8-bit gray.
GrayFrame gray_frame(const std::filesystem::path& file, double t, int width, int height);

// A frame of a video and when it is shown.
struct TimedFrame {
  double t = 0;          // seconds from the file's time origin (time_origin in support/ffprobe.h)
  GrayFrame picture;
  double mean_luma = 0;  // mean of picture.pixels, 0-255
};

// Every frame of the file's first video stream as the ffmpeg CLI decodes it, in presentation
// order, none dropped or repeated, each scaled to width x height as 8-bit gray.
std::vector<TimedFrame> decode_frames(const std::filesystem::path& file, int width, int height);

// A still picture (a JPEG thumbnail), scaled to width x height, as 8-bit gray.
GrayFrame gray_image(const std::filesystem::path& file, int width, int height);

// The mean colour of blocks of a video's pictures, as the ffmpeg CLI decodes them.
struct BlockColours {
  double t = 0;                                  // seconds from the video's first picture
  std::vector<std::array<double, 3>> blocks;     // mean R, G, B (0-255) of each block, row by row
};

// `per_second` pictures a second from the first one (the CLI's fps filter), each divided into
// columns x rows equal blocks.
std::vector<BlockColours> block_colours(const std::filesystem::path& file, double per_second, int columns, int rows);

// Mean absolute difference of the pixels in rows [row_from, row_to) of two same-size frames.
double mean_difference(const GrayFrame& a, const GrayFrame& b, int row_from, int row_to);

}  // namespace clipgen::testing

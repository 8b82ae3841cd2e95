#pragma once
// Reading pictures out of media files for tests, through the ffmpeg CLI: an independent
// decoder, so a test does not check clipgen's libav code with itself.
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

// A still picture (a JPEG thumbnail), scaled to width x height, as 8-bit gray.
GrayFrame gray_image(const std::filesystem::path& file, int width, int height);

// Mean absolute difference of the pixels in rows [row_from, row_to) of two same-size frames.
double mean_difference(const GrayFrame& a, const GrayFrame& b, int row_from, int row_to);

}  // namespace clipgen::testing

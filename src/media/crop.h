#pragma once
// Frame geometry decisions: output sizes per aspect and crop rectangles. Pure functions.
#include <string>
#include <utility>

#include "media/render_spec.h"

namespace clipgen::media {

// Output size for an aspect: 9:16 -> 1080x1920, 1:1 -> 1080x1080, 16:9 -> 1920x1080,
// original -> the source size (even). Throws std::invalid_argument for another aspect.
std::pair<int, int> output_size(const std::string& aspect, int src_width, int src_height);

// The largest rectangle of the output's shape inside the source, centred; even coordinates
// and sizes so 4:2:0 chroma stays aligned.
CropRect centered_crop(int src_width, int src_height, int out_width, int out_height);

// The crop in force at source time `t`: the last key at or before t (the first key before it).
CropRect crop_at(const CropPath& path, double t);

}  // namespace clipgen::media

#pragma once
// A JPEG still of one moment of a video, cropped and scaled like the clip it stands for.
#include <filesystem>

#include "media/render_spec.h"

namespace clipgen::media {

// Writes the frame shown at source time `t`, cropped to `crop` and scaled to width x height.
void write_thumbnail(const std::filesystem::path& input, double t, const CropRect& crop, int width, int height,
                     const std::filesystem::path& output);

}  // namespace clipgen::media

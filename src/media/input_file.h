#pragma once
// Opening a media file for reading and a decoder for one of its streams.
#include <filesystem>

#include "media/av_handles.h"

namespace clipgen::media {

// Opens `path` and reads its stream info. Throws MediaError when it is missing, empty or not
// media that FFmpeg can read.
InputPtr open_input(const std::filesystem::path& path);

// The best video (skipping cover art) or audio stream, or nullptr when there is none.
AVStream* find_stream(AVFormatContext* input, AVMediaType type);

// An opened decoder for `stream`, decoding on up to `threads` threads.
CodecPtr open_decoder(const std::filesystem::path& path, const AVStream* stream, int threads);

// Rotation to apply for upright display, in degrees clockwise: 0, 90, 180 or 270.
int display_rotation(const AVStream* stream);

}  // namespace clipgen::media

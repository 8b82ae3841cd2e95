#pragma once
// Opening a media file for reading and a decoder for one of its streams.
#include <filesystem>
#include <string>

#include "media/av_handles.h"

namespace clipgen::media {

// The demuxers clipgen opens user files with: the containers its tests cover (mov/mp4,
// Matroska/WebM, MPEG-TS, AVI, FLV) and audio files. Everything else, playlists (HLS, DASH),
// concat lists and image sequences among them, is refused: those formats open further files
// or URLs named inside them, so a crafted upload could make the server read its own disk.
inline constexpr const char* kAllowedDemuxers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,mpegts,avi,flv,wav,mp3,flac,ogg,aac";

// Opens `path` (a local file only: no other protocol, no demuxer outside kAllowedDemuxers) and
// reads its stream info. Throws MediaError when it is missing, empty, not media clipgen reads,
// or a playlist or other kind of file it refuses (the message names the kind).
InputPtr open_input(const std::filesystem::path& path);

// The best video (skipping cover art) or audio stream, or nullptr when there is none.
AVStream* find_stream(AVFormatContext* input, AVMediaType type);

// An opened decoder for `stream`, decoding on up to `threads` threads.
CodecPtr open_decoder(const std::filesystem::path& path, const AVStream* stream, int threads);

// Rotation to apply for upright display, in degrees clockwise: 0, 90, 180 or 270.
int display_rotation(const AVStream* stream);

// The file's time zero in seconds: its earliest stream start. Every time clipgen gives for a
// file (word times, clip bounds, samples of faces) counts from here.
double time_origin(const AVFormatContext* input);

}  // namespace clipgen::media

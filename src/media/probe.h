#pragma once
// What a media file holds, read with libavformat.
#include <filesystem>
#include <string>

namespace clipgen::media {

struct MediaInfo {
  std::string format;       // container, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
  double duration = 0;      // seconds of media actually present
  bool has_video = false;
  bool has_audio = false;
  int width = 0;            // as displayed, after rotation
  int height = 0;
  int rotation = 0;         // degrees clockwise applied for display: 0, 90, 180, 270
  double fps = 0;
  std::string video_codec;
  std::string audio_codec;
  int sample_rate = 0;
  int channels = 0;
  bool undecodable_audio = false;  // an audio track without a codec description (damaged file)
};

// Throws MediaError naming the file when it is not media, unreadable or truncated beyond use.
MediaInfo probe(const std::filesystem::path& path);

// Throws MediaError when the file cannot become clips: clips need speech and a picture.
void require_audio_and_video(const MediaInfo& info, const std::filesystem::path& path);

}  // namespace clipgen::media

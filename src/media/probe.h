#pragma once
// What a media file holds, read with libavformat.
#include <filesystem>
#include <string>
#include <vector>

namespace clipgen::media {

// One audio track as probe lists it.
struct AudioTrack {
  int number = 0;          // 1-based, in file order: "track 2" as OBS and players number them
  int stream_index = 0;    // the file's stream index
  std::string codec;       // empty when the track has no codec description (damaged file)
  int sample_rate = 0;
  int channels = 0;
  std::string language;    // from the file's tags; may be empty
  std::string title;
};

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
  std::vector<AudioTrack> audio_tracks;  // every audio track, decodable or not
  double picture_end = 0;   // seconds from the time origin to the end of the picture (0: no video)
};

// Throws MediaError naming the file when it is not media, unreadable or truncated beyond use.
MediaInfo probe(const std::filesystem::path& path);

// Throws MediaError when the file cannot become clips: clips need speech and a picture.
void require_audio_and_video(const MediaInfo& info, const std::filesystem::path& path);

}  // namespace clipgen::media

#pragma once
// The one demux/decode loop every reader of a media file shares: clip rendering, thumbnails,
// face sampling and audio extraction. It decodes the streams asked for, seeks in a way that
// also works in files without an index, and gives each frame its time in seconds from the
// file's time origin (media/input_file.h: time_origin), the one clock for word times, clip
// bounds and pictures.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "media/av_handles.h"

namespace clipgen::media {

// One decoded stream and what the loop knows of it.
struct DecodedStream {
  AVStream* stream = nullptr;
  CodecPtr decoder;
  bool done = false;        // its consumer wants no more frames
  double next_time = 0;     // where a frame without a timestamp is placed: after the previous one
};

// What a frame handler wants next.
enum class Next {
  more,         // keep going
  stream_done,  // no more frames of this stream (the loop stops when every stream is done)
  stop,         // stop reading now
};

class MediaReader {
 public:
  // Opens `path` (open_input's rules). Throws MediaError.
  explicit MediaReader(const std::filesystem::path& path);

  AVFormatContext* format() const { return input_.get(); }
  const std::filesystem::path& path() const { return path_; }
  // Seconds from the file's start time (time_origin) to t = 0.
  double origin() const { return origin_; }

  // Decodes `stream` (one of format()'s) on up to `threads` threads. Streams never added are
  // not demuxed. The reference is valid as long as the reader.
  DecodedStream& decode(AVStream* stream, int threads);

  // Positions the reader so that every decoded stream's next frames start at or before `t`
  // (seconds from the origin). In a file without an index (MPEG-TS, Matroska without cues) a
  // seek can land after the keyframe before `t`, or on a packet the decoder cannot start from:
  // the video is read from its first keyframe packet only, and when that keyframe comes after
  // `t` the reader seeks further back and tries again.
  void seek(double t);

  // (stream, decoded frame with pts = its best-effort timestamp, time in seconds from the origin)
  using FrameHandler = std::function<Next(DecodedStream&, AVFrame*, double)>;

  // Reads in file order and hands each decoded frame to `on_frame`. At the end of the file the
  // decoders' delayed frames are handed out too. Returns when every stream is done, the
  // handler says stop, or the file ends. Damaged packets are skipped, as players do; a read
  // error midway throws MediaError.
  void read(const FrameHandler& on_frame);

 private:
  // Reads until the first keyframe packet of the video stream after a seek; packets of other
  // streams read meanwhile are kept for read(). Returns that keyframe's time, or nullopt at
  // the end of the file.
  std::optional<double> find_keyframe();
  void rewind();
  // Sends one packet to its stream's decoder and hands out what it returns. False: stop.
  bool decode_packet(DecodedStream& s, AVPacket* packet, const FrameHandler& on_frame);
  bool hand_out(DecodedStream& s, const FrameHandler& on_frame);
  DecodedStream* stream_of(const AVPacket* packet);
  bool all_done() const;

  std::filesystem::path path_;
  InputPtr input_;
  double origin_ = 0;
  std::vector<std::unique_ptr<DecodedStream>> streams_;
  DecodedStream* reference_ = nullptr;  // the video stream, which seeks align on
  std::vector<PacketPtr> held_;         // read while looking for the keyframe
  FramePtr frame_;
};

}  // namespace clipgen::media

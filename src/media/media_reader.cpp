#include "media/media_reader.h"

#include <string_view>

#include <optional>

#include "media/input_file.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

// A keyframe this close after the target still counts as at it (timestamp rounding).
constexpr double kTolerance = 0.001;
// The first step back when a seek landed after the target; doubled on each retry.
constexpr double kFirstStepBack = 1.0;
// Packets of other streams kept while looking for a keyframe; beyond this the oldest go (they
// lie before the keyframe, which is before the target).
constexpr std::size_t kMaxHeld = 4096;

double seconds_of(int64_t ts, AVRational tb) { return static_cast<double>(ts) * av_q2d(tb); }

}  // namespace

MediaReader::MediaReader(const fs::path& path) : path_(path), input_(open_input(path)), frame_(make_frame()) {
  origin_ = time_origin(input_.get());
  for (unsigned i = 0; i < input_->nb_streams; ++i) input_->streams[i]->discard = AVDISCARD_ALL;
}

DecodedStream& MediaReader::decode(AVStream* stream, int threads) {
  auto s = std::make_unique<DecodedStream>();
  s->stream = stream;
  s->decoder = open_decoder(path_, stream, threads);
  stream->discard = AVDISCARD_DEFAULT;
  if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !reference_) reference_ = s.get();
  streams_.push_back(std::move(s));
  return *streams_.back();
}

void MediaReader::seek(double t) {
  for (auto& s : streams_) {
    avcodec_flush_buffers(s->decoder.get());
    s->done = false;
    s->next_time = t;
  }
  const int64_t start = input_->start_time == AV_NOPTS_VALUE ? 0 : input_->start_time;
  for (double back = 0;; back = back == 0 ? kFirstStepBack : back * 2) {
    const double target = t - back;
    const bool at_start = target <= 0;
    held_.clear();  // what an attempt that landed too late kept
    if (at_start) {
      rewind();
    } else if (av_seek_frame(input_.get(), -1, start + static_cast<int64_t>(target * AV_TIME_BASE),
                             AVSEEK_FLAG_BACKWARD) < 0) {
      continue;  // try further back
    }
    if (!reference_) return;  // audio: every packet is a place to start from
    const std::optional<double> key = find_keyframe();
    if (at_start || (key && *key <= t + kTolerance)) return;
  }
}

void MediaReader::rewind() {
  // To the first byte where the container allows it: a timestamp seek to the start of a file
  // without an index (MPEG-TS) can land past its first keyframe. Not in Matroska, whose first
  // bytes are its header: from there the demuxer resyncs to a later cluster (a clip from 0 s of
  // an .mkv came out one frame long).
  const bool matroska = std::string_view(input_->iformat->name).find("matroska") != std::string_view::npos;
  if (!matroska && av_seek_frame(input_.get(), -1, 0, AVSEEK_FLAG_BYTE) >= 0) return;
  const int64_t start = input_->start_time == AV_NOPTS_VALUE ? 0 : input_->start_time;
  check_av(av_seek_frame(input_.get(), -1, start, AVSEEK_FLAG_BACKWARD), "seeking to the start");
}

std::optional<double> MediaReader::find_keyframe() {
  PacketPtr packet = make_packet();
  while (true) {
    const int rc = av_read_frame(input_.get(), packet.get());
    if (rc == AVERROR_EOF) return std::nullopt;
    if (rc < 0) throw MediaError(path_, "reading failed midway (" + av_error_text(rc) + ")");
    DecodedStream* s = stream_of(packet.get());
    if (s == reference_ && (packet->flags & AV_PKT_FLAG_KEY)) {
      const int64_t ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
      held_.push_back(std::move(packet));
      if (ts == AV_NOPTS_VALUE) return -origin_;  // no time to check: take it
      return seconds_of(ts, reference_->stream->time_base) - origin_;
    }
    if (s && s != reference_) {
      if (held_.size() >= kMaxHeld) held_.erase(held_.begin());
      held_.push_back(std::move(packet));
      packet = make_packet();
    } else {
      av_packet_unref(packet.get());  // video before its keyframe cannot be decoded
    }
  }
}

void MediaReader::read(const FrameHandler& on_frame) {
  for (auto& packet : held_) {
    DecodedStream* s = stream_of(packet.get());
    if (s && !s->done && !decode_packet(*s, packet.get(), on_frame)) return;
    if (all_done()) return;
  }
  held_.clear();

  PacketPtr packet = make_packet();
  while (!all_done()) {
    const int rc = av_read_frame(input_.get(), packet.get());
    if (rc == AVERROR_EOF) break;
    if (rc < 0) throw MediaError(path_, "reading failed midway (" + av_error_text(rc) + ")");
    DecodedStream* s = stream_of(packet.get());
    const bool go_on = !s || s->done || decode_packet(*s, packet.get(), on_frame);
    av_packet_unref(packet.get());
    if (!go_on) return;
  }
  // The file ended: the decoders still hold their delayed frames.
  for (auto& s : streams_) {
    if (s->done) continue;
    avcodec_send_packet(s->decoder.get(), nullptr);
    if (!hand_out(*s, on_frame)) return;
  }
}

bool MediaReader::decode_packet(DecodedStream& s, AVPacket* packet, const FrameHandler& on_frame) {
  if (avcodec_send_packet(s.decoder.get(), packet) < 0) return true;  // a damaged packet: skip it
  return hand_out(s, on_frame);
}

bool MediaReader::hand_out(DecodedStream& s, const FrameHandler& on_frame) {
  const AVRational tb = s.stream->time_base;
  AVFrame* frame = frame_.get();
  // A frame that fails to decode (AVERROR_INVALIDDATA and the like) is skipped too.
  while (avcodec_receive_frame(s.decoder.get(), frame) >= 0) {
    double t = s.next_time;
    if (frame->best_effort_timestamp != AV_NOPTS_VALUE) {
      frame->pts = frame->best_effort_timestamp;
      t = seconds_of(frame->pts, tb) - origin_;
    } else {
      frame->pts = static_cast<int64_t>((t + origin_) / av_q2d(tb));
    }
    const bool audio = s.stream->codecpar->codec_type == AVMEDIA_TYPE_AUDIO;
    const AVRational rate = s.stream->avg_frame_rate.num ? s.stream->avg_frame_rate : s.stream->r_frame_rate;
    s.next_time = t + (audio && frame->sample_rate > 0 ? double(frame->nb_samples) / frame->sample_rate
                       : frame->pkt_duration > 0     ? seconds_of(frame->pkt_duration, tb)
                       : rate.num > 0                ? av_q2d(av_inv_q(rate))
                                                     : 0.04);
    const Next next = on_frame(s, frame, t);
    av_frame_unref(frame);
    if (next == Next::stop) return false;
    if (next == Next::stream_done) {
      s.done = true;
      break;
    }
  }
  return true;
}

DecodedStream* MediaReader::stream_of(const AVPacket* packet) {
  for (auto& s : streams_)
    if (s->stream->index == packet->stream_index) return s.get();
  return nullptr;
}

bool MediaReader::all_done() const {
  for (const auto& s : streams_)
    if (!s->done) return false;
  return true;
}

}  // namespace clipgen::media

#include "media/probe.h"

#include <fmt/format.h>

#include <cmath>

#include "media/input_file.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

double seconds(int64_t ts, AVRational tb) { return ts == AV_NOPTS_VALUE ? 0 : ts * av_q2d(tb); }

// The end time of the media whose bytes are really in the file. A file cut short after its
// index (moov) still claims the full duration; the index then points past the end of file.
double present_duration(AVFormatContext* input, AVStream* stream, double claimed) {
  const int64_t file_size = avio_size(input->pb);
  const int entries = avformat_index_get_entries_count(stream);
  if (file_size <= 0 || entries == 0) return claimed;
  const AVIndexEntry* last = avformat_index_get_entry(stream, entries - 1);
  if (last->pos + last->size <= file_size) return claimed;
  // Binary search for the last index entry whose data lies inside the file.
  int lo = 0, hi = entries - 1;
  while (lo < hi) {
    const int mid = (lo + hi + 1) / 2;
    const AVIndexEntry* e = avformat_index_get_entry(stream, mid);
    if (e->pos + e->size <= file_size) lo = mid; else hi = mid - 1;
  }
  const AVIndexEntry* inside = avformat_index_get_entry(stream, lo);
  return std::max(0.0, seconds(inside->timestamp - (stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time),
                               stream->time_base));
}

}  // namespace

MediaInfo probe(const fs::path& path) {
  InputPtr input = open_input(path);
  MediaInfo info;
  info.format = input->iformat->name;
  const double claimed = input->duration == AV_NOPTS_VALUE ? 0 : input->duration / double(AV_TIME_BASE);
  info.duration = claimed;

  if (AVStream* v = find_stream(input.get(), AVMEDIA_TYPE_VIDEO)) {
    info.has_video = true;
    info.video_codec = avcodec_get_name(v->codecpar->codec_id);
    info.rotation = display_rotation(v);
    const bool turned = info.rotation == 90 || info.rotation == 270;
    info.width = turned ? v->codecpar->height : v->codecpar->width;
    info.height = turned ? v->codecpar->width : v->codecpar->height;
    const AVRational rate = v->avg_frame_rate.num ? v->avg_frame_rate : v->r_frame_rate;
    info.fps = rate.den ? av_q2d(rate) : 0;
    if (info.width <= 0 || info.height <= 0) throw MediaError(path, "its video stream has no picture size");
    info.duration = std::min(info.duration, present_duration(input.get(), v, claimed));
    info.picture_end = info.duration;
    if (v->duration != AV_NOPTS_VALUE && v->duration > 0) {
      const double start = v->start_time == AV_NOPTS_VALUE ? 0 : seconds(v->start_time, v->time_base);
      info.picture_end = std::min(info.duration, start - time_origin(input.get()) + seconds(v->duration, v->time_base));
    }
  }
  if (AVStream* a = find_stream(input.get(), AVMEDIA_TYPE_AUDIO)) {
    info.has_audio = true;
    info.audio_codec = avcodec_get_name(a->codecpar->codec_id);
    info.sample_rate = a->codecpar->sample_rate;
    info.channels = a->codecpar->ch_layout.nb_channels;
    info.duration = std::min(info.duration, present_duration(input.get(), a, claimed));
  }
  bool undescribed = false;
  for (unsigned i = 0; i < input->nb_streams; ++i) {
    const AVStream* stream = input->streams[i];
    const AVCodecParameters* p = stream->codecpar;
    undescribed |= p->codec_id == AV_CODEC_ID_NONE;
    if (p->codec_type != AVMEDIA_TYPE_AUDIO) continue;
    info.undecodable_audio |= p->codec_id == AV_CODEC_ID_NONE;
    const auto tag = [stream](const char* key) {
      const AVDictionaryEntry* e = av_dict_get(stream->metadata, key, nullptr, 0);
      return std::string(e ? e->value : "");
    };
    info.audio_tracks.push_back({.number = static_cast<int>(info.audio_tracks.size()) + 1,
                                 .stream_index = stream->index,
                                 .codec = p->codec_id == AV_CODEC_ID_NONE ? "" : avcodec_get_name(p->codec_id),
                                 .sample_rate = p->sample_rate,
                                 .channels = p->ch_layout.nb_channels,
                                 .language = tag("language"),
                                 .title = tag("title")});
  }
  if (!info.has_video && !info.has_audio)
    throw MediaError(path, undescribed ? "its track has no codec description (damaged or incomplete file)"
                                       : "it holds no audio or video stream");
  if (claimed > 0 && info.duration < claimed * 0.5)
    throw MediaError(path, info.duration > 0 ? fmt::format("truncated: its header promises {:.0f} s but the file "
                                                           "holds only {:.1f} s", claimed, info.duration)
                                             : fmt::format("truncated: its header promises {:.0f} s but the file "
                                                           "ends before any of it", claimed));
  if (info.duration <= 0) throw MediaError(path, "it holds no media (duration 0)");
  if (info.has_video) info.picture_end = std::min(info.picture_end, info.duration);
  return info;
}

void require_audio_and_video(const MediaInfo& info, const fs::path& path) {
  if (!info.has_audio)
    throw MediaError(path, info.undecodable_audio
                               ? "its audio track has no codec description (damaged file), so there is no speech to use"
                               : "it has no audio stream, so there is no speech to find clips in");
  if (!info.has_video) throw MediaError(path, "it has no video stream; clipgen cuts clips from videos");
}

}  // namespace clipgen::media

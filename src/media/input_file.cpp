#include "media/input_file.h"

extern "C" {
#include <libavutil/avstring.h>
#include <libavutil/display.h>
}

#include <cmath>

#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

struct IoDeleter {
  void operator()(AVIOContext* io) const { avio_closep(&io); }
};

// Whether a demuxer's name ("matroska,webm") shares an entry with the allow-list, as
// libavformat's own format_whitelist check (av_match_list) decides.
bool allowed(const char* demuxer) {
  return av_match_list(demuxer, kAllowedDemuxers, ',') > 0;
}

// Why a file the allow-listed open refused was refused: what FFmpeg's prober takes it for
// (probing reads bytes; it opens nothing the file names).
std::string refusal(const fs::path& path, int rc) {
  AVIOContext* raw = nullptr;
  const AVInputFormat* format = nullptr;
  if (avio_open(&raw, path.c_str(), AVIO_FLAG_READ) >= 0) {
    std::unique_ptr<AVIOContext, IoDeleter> io(raw);
    av_probe_input_buffer2(io.get(), &format, nullptr, nullptr, 0, 0);
  }
  if (format && !allowed(format->name))
    return std::string("it is ") + (format->long_name ? format->long_name : format->name) + " (" + format->name +
           "), which clipgen does not open: give it the video file itself";
  return "not a media file FFmpeg can read (" + av_error_text(rc) + ")";
}

}  // namespace

InputPtr open_input(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw MediaError(path, "no such file");
  if (fs::file_size(path, ec) == 0) throw MediaError(path, "the file is empty");

  AVFormatContext* raw = avformat_alloc_context();
  if (!raw) throw std::bad_alloc();
  AVDictionary* options = nullptr;
  av_dict_set(&options, "protocol_whitelist", "file", 0);
  av_dict_set(&options, "format_whitelist", kAllowedDemuxers, 0);
  // "file:" so that a name like "concat:a|b" or "subfile,,..." is a file name, not a protocol.
  const std::string url = "file:" + fs::absolute(path).string();
  const int rc = avformat_open_input(&raw, url.c_str(), nullptr, &options);  // frees raw on failure
  av_dict_free(&options);
  if (rc < 0) throw MediaError(path, refusal(path, rc));
  InputPtr input(raw);
  if (const int info = avformat_find_stream_info(input.get(), nullptr); info < 0)
    throw MediaError(path, "cannot read its streams (" + av_error_text(info) + ")");
  return input;
}

AVStream* find_stream(AVFormatContext* input, AVMediaType type) {
  auto usable = [type](const AVStream* s) {
    return s->codecpar->codec_type == type && s->codecpar->codec_id != AV_CODEC_ID_NONE &&
           !(s->disposition & AV_DISPOSITION_ATTACHED_PIC);  // cover art is not the video
  };
  const int best = av_find_best_stream(input, type, -1, -1, nullptr, 0);
  if (best >= 0 && usable(input->streams[best])) return input->streams[best];
  for (unsigned i = 0; i < input->nb_streams; ++i)
    if (usable(input->streams[i])) return input->streams[i];
  return nullptr;
}

CodecPtr open_decoder(const fs::path& path, const AVStream* stream, int threads) {
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  if (!codec) throw MediaError(path, std::string("no decoder for codec ") + avcodec_get_name(stream->codecpar->codec_id));
  CodecPtr ctx(avcodec_alloc_context3(codec));
  if (!ctx) throw std::bad_alloc();
  check_av(avcodec_parameters_to_context(ctx.get(), stream->codecpar), "copying codec parameters");
  ctx->pkt_timebase = stream->time_base;
  ctx->thread_count = threads;
  ctx->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (int rc = avcodec_open2(ctx.get(), codec, nullptr); rc < 0)
    throw MediaError(path, std::string("cannot decode its ") + av_get_media_type_string(codec->type) + " (" +
                               av_error_text(rc) + ")");
  return ctx;
}

double time_origin(const AVFormatContext* input) {
  return input->start_time == AV_NOPTS_VALUE ? 0 : input->start_time / double(AV_TIME_BASE);
}

int display_rotation(const AVStream* stream) {
  const auto* matrix =
      reinterpret_cast<const int32_t*>(av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
  if (!matrix) return 0;
  // av_display_rotation_get gives the counter-clockwise angle; players turn the picture back.
  const double ccw = av_display_rotation_get(matrix);
  if (std::isnan(ccw)) return 0;
  int cw = static_cast<int>(std::lround(-ccw)) % 360;
  if (cw < 0) cw += 360;
  return (cw + 45) / 90 % 4 * 90;
}

}  // namespace clipgen::media

#include "media/thumbnail.h"

extern "C" {
#include <libavfilter/buffersink.h>
}

#include <fmt/format.h>

#include <cstdio>

#include "media/filter_chain.h"
#include "media/input_file.h"
#include "media/media_reader.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

constexpr int kJpegQuality = 3;  // mjpeg qscale: 2 (best) .. 31

// The frame shown at `t` (the first at or after it; the last one when the picture ends
// before `t`), cropped and scaled.
FramePtr frame_at(const fs::path& path, double t, const CropRect& crop, int width, int height) {
  MediaReader reader(path);
  AVStream* video = find_stream(reader.format(), AVMEDIA_TYPE_VIDEO);
  if (!video) throw MediaError(path, "it has no video stream");
  DecodedStream& decoded = reader.decode(video, 1);
  FilterChain filter(decoded.decoder.get(), video->time_base,
                     fmt::format("{}crop={}:{}:{}:{},scale={}:{},format=yuvj420p", rotation_filters(display_rotation(video)),
                                 crop.w, crop.h, crop.x, crop.y, width, height),
                     1);
  reader.seek(t);
  FramePtr chosen;
  reader.read([&](DecodedStream&, AVFrame* frame, double at) {
    chosen = FramePtr(av_frame_clone(frame));
    if (!chosen) throw std::bad_alloc();
    return at >= t - 0.001 ? Next::stop : Next::more;
  });
  if (!chosen) throw MediaError(path, fmt::format("no picture at {:.2f} s", t));
  filter.push(chosen.get());
  filter.push(nullptr);
  FramePtr out = make_frame();
  if (!filter.pull(out.get())) throw MediaError(path, fmt::format("no picture at {:.2f} s", t));
  return out;
}

}  // namespace

void write_thumbnail(const fs::path& input, double t, const CropRect& crop, int width, int height,
                     const fs::path& output) {
  FramePtr frame = frame_at(input, t, crop, width, height);
  const AVCodec* mjpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
  if (!mjpeg) throw std::runtime_error("this FFmpeg has no JPEG encoder");
  CodecPtr enc(avcodec_alloc_context3(mjpeg));
  enc->width = frame->width;
  enc->height = frame->height;
  enc->pix_fmt = AV_PIX_FMT_YUVJ420P;
  enc->time_base = {1, 25};
  enc->flags |= AV_CODEC_FLAG_QSCALE;
  enc->global_quality = FF_QP2LAMBDA * kJpegQuality;
  frame->quality = enc->global_quality;
  frame->pict_type = AV_PICTURE_TYPE_I;
  check_av(avcodec_open2(enc.get(), mjpeg, nullptr), "opening the JPEG encoder");
  check_av(avcodec_send_frame(enc.get(), frame.get()), "encoding the thumbnail");
  check_av(avcodec_send_frame(enc.get(), nullptr), "encoding the thumbnail");
  PacketPtr packet = make_packet();
  check_av(avcodec_receive_packet(enc.get(), packet.get()), "encoding the thumbnail");

  const fs::path partial = output.string() + ".partial";
  std::FILE* file = std::fopen(partial.c_str(), "wb");
  if (!file) throw std::runtime_error("cannot write " + partial.string());
  const bool written = std::fwrite(packet->data, 1, static_cast<std::size_t>(packet->size), file) ==
                       static_cast<std::size_t>(packet->size);
  if (std::fclose(file) != 0 || !written) {
    fs::remove(partial);
    throw std::runtime_error("cannot write " + output.string());
  }
  fs::rename(partial, output);
}

}  // namespace clipgen::media

#include "media/thumbnail.h"

extern "C" {
#include <libavfilter/buffersink.h>
}

#include <fmt/format.h>

#include <cstdio>

#include "media/filter_chain.h"
#include "media/input_file.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

constexpr int kJpegQuality = 3;  // mjpeg qscale: 2 (best) .. 31

FramePtr first_frame_at(const fs::path& path, double t, const CropRect& crop, int width, int height) {
  InputPtr input = open_input(path);
  AVStream* video = find_stream(input.get(), AVMEDIA_TYPE_VIDEO);
  if (!video) throw MediaError(path, "it has no video stream");
  for (unsigned i = 0; i < input->nb_streams; ++i)
    if (input->streams[i] != video) input->streams[i]->discard = AVDISCARD_ALL;
  CodecPtr dec = open_decoder(path, video, 1);
  const double offset = input->start_time == AV_NOPTS_VALUE ? 0 : input->start_time / double(AV_TIME_BASE);
  FilterChain filter(dec.get(), video->time_base,
                     fmt::format("trim=start={:.6f},{}crop={}:{}:{}:{},scale={}:{},format=yuvj420p", t + offset, rotation_filters(display_rotation(video)),
                                 crop.w, crop.h, crop.x, crop.y, width, height),
                     1);
  check_av(av_seek_frame(input.get(), -1, static_cast<int64_t>((t + offset) * AV_TIME_BASE), AVSEEK_FLAG_BACKWARD),
           "seeking");
  PacketPtr packet = make_packet();
  FramePtr frame = make_frame();
  FramePtr out = make_frame();
  bool ended = false;
  while (!ended) {
    if (av_read_frame(input.get(), packet.get()) < 0) {
      avcodec_send_packet(dec.get(), nullptr);  // end of file: drain what the decoder holds
      ended = true;
    } else {
      const bool ours = packet->stream_index == video->index;
      if (ours) avcodec_send_packet(dec.get(), packet.get());
      av_packet_unref(packet.get());
      if (!ours) continue;
    }
    while (avcodec_receive_frame(dec.get(), frame.get()) >= 0) {
      frame->pts = frame->best_effort_timestamp;
      filter.push(frame.get());
      av_frame_unref(frame.get());
      if (filter.pull(out.get())) return out;
    }
  }
  filter.push(nullptr);
  if (filter.pull(out.get())) return out;
  throw MediaError(path, fmt::format("no picture at {:.2f} s", t));
}

}  // namespace

void write_thumbnail(const fs::path& input, double t, const CropRect& crop, int width, int height,
                     const fs::path& output) {
  FramePtr frame = first_frame_at(input, t, crop, width, height);
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

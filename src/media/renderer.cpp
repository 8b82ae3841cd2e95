#include "media/renderer.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "media/crop.h"
#include "media/filter_chain.h"
#include "media/input_file.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

std::string video_filters(const RenderSpec& spec, double offset, int rotation, const CropRect& first_crop) {
  const int w = spec.out_width, h = spec.out_height;
  std::string chain = fmt::format("trim=start={:.6f}:end={:.6f},setpts=PTS-STARTPTS,{}", spec.start + offset,
                                  spec.end + offset, rotation_filters(rotation));
  if (spec.layout == Layout::Fill) {
    chain += fmt::format("crop=w={}:h={}:x={}:y={}:exact=1,scale={}:{}:flags=bicubic", first_crop.w, first_crop.h,
                         first_crop.x, first_crop.y, w, h);
  } else {
    // The background is blurred at 1/8 size: the same look as a full-size blur at a tiny cost.
    const int bw = std::max(2, w / 8 & ~1), bh = std::max(2, h / 8 & ~1);
    chain += fmt::format(
        "split[bgsrc][fgsrc];"
        "[bgsrc]scale={bw}:{bh}:force_original_aspect_ratio=increase,crop={bw}:{bh},boxblur=6:2,scale={w}:{h}[bg];"
        "[fgsrc]scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2[fg];"
        "[bg][fg]overlay=(W-w)/2:(H-h)/2",
        fmt::arg("bw", bw), fmt::arg("bh", bh), fmt::arg("w", w), fmt::arg("h", h));
  }
  chain += ",setsar=1";
  if (!spec.ass_path.empty()) chain += ",ass=filename=" + filter_quote(spec.ass_path);
  return chain + ",format=yuv420p";
}

std::string audio_filters(const RenderSpec& spec, double offset, const AVCodecContext* dec) {
  const int channels = std::min(2, dec->ch_layout.nb_channels);
  return fmt::format(
      "atrim=start={:.6f}:end={:.6f},asetpts=PTS-STARTPTS,aformat=sample_fmts=fltp:sample_rates={}:channel_layouts={}",
      spec.start + offset, spec.end + offset, dec->sample_rate, channels == 1 ? "mono" : "stereo");
}

class ClipRenderer {
 public:
  ClipRenderer(const fs::path& input, const RenderSpec& spec, const fs::path& output, int threads)
      : path_(input), spec_(spec), input_(open_input(input)) {
    video_ = find_stream(input_.get(), AVMEDIA_TYPE_VIDEO);
    if (!video_) throw MediaError(path_, "it has no video stream");
    audio_ = find_stream(input_.get(), AVMEDIA_TYPE_AUDIO);
    for (unsigned i = 0; i < input_->nb_streams; ++i)
      if (input_->streams[i] != video_ && input_->streams[i] != audio_) input_->streams[i]->discard = AVDISCARD_ALL;

    offset_ = input_->start_time == AV_NOPTS_VALUE ? 0 : input_->start_time / double(AV_TIME_BASE);
    vdec_ = open_decoder(path_, video_, threads);
    crop_ = spec.crop.empty() ? std::nullopt : std::optional(crop_at(spec.crop, spec.start));
    const int rotation = display_rotation(video_);
    const bool turned = rotation == 90 || rotation == 270;
    const int src_w = turned ? vdec_->height : vdec_->width, src_h = turned ? vdec_->width : vdec_->height;
    const CropRect first = crop_.value_or(centered_crop(src_w, src_h, spec.out_width, spec.out_height));
    vfilter_.emplace(vdec_.get(), video_->time_base, video_filters(spec, offset_, rotation, first), threads);
    if (audio_) {
      adec_ = open_decoder(path_, audio_, 1);
      afilter_.emplace(adec_.get(), audio_->time_base, audio_filters(spec, offset_, adec_.get()), 1);
    }
    open_output(output, threads);
  }

  void run(const std::function<void(double)>& progress) {
    // Seek to the keyframe before the start; the trim filters drop what precedes it exactly.
    const auto target = static_cast<int64_t>((spec_.start + offset_) * AV_TIME_BASE);
    if (spec_.start > 0) check_av(av_seek_frame(input_.get(), -1, target, AVSEEK_FLAG_BACKWARD), "seeking");

    PacketPtr packet = make_packet();
    FramePtr frame = make_frame();
    const double end = spec_.end + offset_;
    bool video_done = false, audio_done = !audio_;
    while (!(video_done && audio_done)) {
      const int rc = av_read_frame(input_.get(), packet.get());
      if (rc == AVERROR_EOF) break;
      if (rc < 0) throw MediaError(path_, "reading failed midway (" + av_error_text(rc) + ")");
      if (packet->stream_index == video_->index && !video_done) {
        video_done = decode(vdec_.get(), packet.get(), frame.get(), *vfilter_, video_, end, true, progress);
      } else if (audio_ && packet->stream_index == audio_->index && !audio_done) {
        audio_done = decode(adec_.get(), packet.get(), frame.get(), *afilter_, audio_, end, false, progress);
      }
      av_packet_unref(packet.get());
    }
    finish(vdec_.get(), frame.get(), *vfilter_, video_, venc_.get(), vout_, video_done);
    if (audio_) finish(adec_.get(), frame.get(), *afilter_, audio_, aenc_.get(), aout_, audio_done);
    check_av(av_write_trailer(output_.get()), "finishing the mp4");
  }

 private:
  void open_output(const fs::path& output, int threads) {
    AVFormatContext* raw = nullptr;
    check_av(avformat_alloc_output_context2(&raw, nullptr, "mp4", output.c_str()), "creating the mp4");
    output_.reset(raw);

    const AVFilterContext* vsink = vfilter_->sink();
    const AVCodec* x264 = avcodec_find_encoder_by_name("libx264");
    if (!x264) throw std::runtime_error("this FFmpeg has no libx264 encoder");
    venc_.reset(avcodec_alloc_context3(x264));
    const AVRational rate = video_->avg_frame_rate.num ? video_->avg_frame_rate : AVRational{25, 1};
    venc_->width = av_buffersink_get_w(vsink);
    venc_->height = av_buffersink_get_h(vsink);
    venc_->pix_fmt = AV_PIX_FMT_YUV420P;
    venc_->sample_aspect_ratio = {1, 1};
    venc_->time_base = av_buffersink_get_time_base(vsink);
    venc_->framerate = rate;
    venc_->gop_size = static_cast<int>(std::lround(2 * av_q2d(rate)));  // a keyframe every 2 s
    venc_->thread_count = threads;
    av_opt_set(venc_->priv_data, "preset", kX264Preset, 0);
    av_opt_set_int(venc_->priv_data, "crf", kX264Crf, 0);
    vout_ = add_stream(venc_.get());

    if (audio_) {
      const AVCodec* aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
      if (!aac) throw std::runtime_error("this FFmpeg has no AAC encoder");
      aenc_.reset(avcodec_alloc_context3(aac));
      const AVFilterContext* asink = afilter_->sink();
      aenc_->sample_fmt = AV_SAMPLE_FMT_FLTP;
      aenc_->sample_rate = av_buffersink_get_sample_rate(asink);
      check_av(av_buffersink_get_ch_layout(asink, &aenc_->ch_layout), "copying the channel layout");
      aenc_->time_base = {1, aenc_->sample_rate};
      aenc_->bit_rate = kAacBitrate;
      aout_ = add_stream(aenc_.get());
      afilter_->set_frame_size(aenc_->frame_size);
    }

    check_av(avio_open(&output_->pb, output.c_str(), AVIO_FLAG_WRITE), "opening the output file");
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    const int rc = avformat_write_header(output_.get(), &options);
    av_dict_free(&options);
    check_av(rc, "writing the mp4 header");
  }

  AVStream* add_stream(AVCodecContext* enc) {
    if (output_->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check_av(avcodec_open2(enc, enc->codec, nullptr), "opening the encoder");
    AVStream* stream = avformat_new_stream(output_.get(), nullptr);
    if (!stream) throw std::bad_alloc();
    check_av(avcodec_parameters_from_context(stream->codecpar, enc), "describing the output stream");
    stream->time_base = enc->time_base;
    return stream;
  }

  // Decodes one packet and moves what comes out through the filters into the encoder.
  // Returns true once frames reach the end of the clip.
  bool decode(AVCodecContext* dec, AVPacket* packet, AVFrame* frame, FilterChain& filter, const AVStream* in,
              double end, bool is_video, const std::function<void(double)>& progress) {
    if (avcodec_send_packet(dec, packet) < 0) return false;  // a damaged packet: skip it as players do
    bool done = false;
    while (avcodec_receive_frame(dec, frame) >= 0) {
      frame->pts = frame->best_effort_timestamp;
      const double t = frame->pts == AV_NOPTS_VALUE ? 0 : frame->pts * av_q2d(in->time_base);
      if (is_video) {
        follow_crop(t - offset_);
        if (progress) progress(std::clamp((t - offset_ - spec_.start) / (spec_.end - spec_.start), 0.0, 1.0));
      }
      filter.push(frame);
      av_frame_unref(frame);
      encode_filtered(filter, is_video ? venc_.get() : aenc_.get(), is_video ? vout_ : aout_, frame);
      done |= t >= end;
    }
    return done;
  }

  void follow_crop(double t) {
    if (!crop_ || spec_.layout != Layout::Fill) return;
    const CropRect want = crop_at(spec_.crop, t);
    if (want.x == crop_->x && want.y == crop_->y && want.w == crop_->w && want.h == crop_->h) return;
    vfilter_->command("crop", "w", std::to_string(want.w));
    vfilter_->command("crop", "h", std::to_string(want.h));
    vfilter_->command("crop", "x", std::to_string(want.x));
    vfilter_->command("crop", "y", std::to_string(want.y));
    crop_ = want;
  }

  void encode_filtered(FilterChain& filter, AVCodecContext* enc, AVStream* out, AVFrame* frame) {
    while (filter.pull(frame)) {
      frame->pict_type = AV_PICTURE_TYPE_NONE;
      encode(enc, out, frame);
      av_frame_unref(frame);
    }
  }

  void encode(AVCodecContext* enc, AVStream* out, const AVFrame* frame) {
    check_av(avcodec_send_frame(enc, frame), "encoding");
    PacketPtr packet = make_packet();
    int rc;
    while ((rc = avcodec_receive_packet(enc, packet.get())) >= 0) {
      if (packet->duration == 0 && enc->codec_type == AVMEDIA_TYPE_VIDEO)
        packet->duration = av_rescale_q(1, av_inv_q(enc->framerate), enc->time_base);  // so the last frame counts
      av_packet_rescale_ts(packet.get(), enc->time_base, out->time_base);
      packet->stream_index = out->index;
      check_av(av_interleaved_write_frame(output_.get(), packet.get()), "writing the mp4");
    }
    if (rc != AVERROR(EAGAIN) && rc != AVERROR_EOF) check_av(rc, "encoding");
  }

  void finish(AVCodecContext* dec, AVFrame* frame, FilterChain& filter, const AVStream* in, AVCodecContext* enc,
              AVStream* out, bool reached_end) {
    if (!reached_end) {  // the file ended first: drain the decoder's delayed frames
      avcodec_send_packet(dec, nullptr);
      while (avcodec_receive_frame(dec, frame) >= 0) {
        frame->pts = frame->best_effort_timestamp;
        if (in == video_) follow_crop(frame->pts * av_q2d(in->time_base) - offset_);
        filter.push(frame);
        av_frame_unref(frame);
      }
    }
    filter.push(nullptr);
    encode_filtered(filter, enc, out, frame);
    encode(enc, out, nullptr);
  }

  fs::path path_;
  RenderSpec spec_;
  InputPtr input_;
  AVStream* video_ = nullptr;
  AVStream* audio_ = nullptr;
  double offset_ = 0;
  CodecPtr vdec_, adec_, venc_, aenc_;
  std::optional<CropRect> crop_;
  std::optional<FilterChain> vfilter_, afilter_;
  OutputPtr output_;
  AVStream* vout_ = nullptr;
  AVStream* aout_ = nullptr;
};

}  // namespace

void render_clip(const fs::path& input, const RenderSpec& spec, const fs::path& output, int threads,
                 const std::function<void(double)>& progress) {
  if (!(spec.end > spec.start)) throw std::invalid_argument("a clip must end after it starts");
  const fs::path partial = output.string() + ".partial";
  try {
    {
      ClipRenderer renderer(input, spec, partial, threads);
      renderer.run(progress);
    }  // closes the file before it is renamed
    fs::rename(partial, output);
  } catch (...) {
    std::error_code ignored;  // the original error is the one worth reporting
    fs::remove(partial, ignored);
    throw;
  }
  if (progress) progress(1.0);
}

}  // namespace clipgen::media

#include "media/renderer.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/samplefmt.h>
}

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <vector>

#include "media/crop.h"
#include "media/filter_chain.h"
#include "media/input_file.h"
#include "media/media_error.h"
#include "media/media_reader.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

// A frame this close before a bound counts as on it (timestamps are rounded to their time base).
constexpr double kTolerance = 0.001;
// Clips carry 48 kHz sound, what the short-video apps ask for, whatever the source's rate.
constexpr int kAacSampleRate = 48000;

std::string video_filters(const RenderSpec& spec, int rotation, const CropRect& first_crop) {
  const int w = spec.out_width, h = spec.out_height;
  // Interlaced frames (broadcast, camcorders) are deinterlaced; progressive ones pass as they are.
  std::string chain = "bwdif=mode=send_frame:deint=interlaced," + rotation_filters(rotation);
  if (spec.layout == Layout::Fill) {
    chain += fmt::format("crop=w={}:h={}:x={}:y={}:exact=1,scale={}:{}:flags=bicubic", first_crop.w, first_crop.h,
                         first_crop.x, first_crop.y, w, h);
  } else if (spec.layout == Layout::Split) {
    const auto [hw, hh] = split_half(w, h);
    // Each half's border is drawn with thickness 0 (invisible) until its person talks.
    auto half = [&](const char* name, const CropRect& c) {
      return fmt::format("crop=w={}:h={}:x={}:y={}:exact=1,scale={}:{}:flags=bicubic,setsar=1,"
                         "drawbox@{}=x=0:y=0:w=iw:h=ih:color=0xF5C542@0.9:t=0",
                         c.w, c.h, c.x, c.y, hw, hh, name);
    };
    chain += fmt::format("split[first][second];[first]{}[a];[second]{}[b];[a][b]{}", half("first", spec.split.first),
                         half("second", spec.split.second), h >= w ? "vstack" : "hstack");
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
  // Frames come in timed from the requested start, which the captions count from; the clip
  // itself begins at its first frame, at most a frame later, and the sound begins there too.
  return chain + ",setpts=PTS-STARTPTS,format=yuv420p";
}

// The sound is placed by its timestamps, counted in samples from the clip's first frame:
// aresample pads gaps and a late start with silence and drops overlaps (min_hard_comp), and
// trims what lies before the first frame (first_pts=0).
std::string audio_filters(int sample_rate, int channels) {
  return fmt::format(
      "aresample=async=1:min_hard_comp=0.02:first_pts=0,aformat=sample_fmts=fltp:sample_rates={}:channel_layouts={}",
      sample_rate, channels == 1 ? "mono" : "stereo");
}

AVStream* audio_stream_at(AVFormatContext* input, int index, const fs::path& path) {
  if (index < 0 || static_cast<unsigned>(index) >= input->nb_streams ||
      input->streams[index]->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
    throw MediaError(path, fmt::format("stream {} is not an audio track", index));
  return input->streams[index];
}

FramePtr clone(const AVFrame* frame) {
  FramePtr copy(av_frame_clone(frame));
  if (!copy) throw std::bad_alloc();
  return copy;
}

class ClipRenderer {
 public:
  ClipRenderer(const fs::path& input, const RenderSpec& spec, const fs::path& output, int threads)
      : spec_(spec), reader_(input) {
    AVFormatContext* format = reader_.format();
    AVStream* video = find_stream(format, AVMEDIA_TYPE_VIDEO);
    if (!video) throw MediaError(input, "it has no video stream");
    AVStream* audio = spec.audio_stream >= 0 ? audio_stream_at(format, spec.audio_stream, input)
                                             : find_stream(format, AVMEDIA_TYPE_AUDIO);
    video_ = &reader_.decode(video, threads);
    if (audio) audio_ = &reader_.decode(audio, 1);

    const AVCodecContext* vdec = video_->decoder.get();
    crop_ = spec.crop.empty() ? std::nullopt : std::optional(crop_at(spec.crop, spec.start));
    const int rotation = display_rotation(video);
    const bool turned = rotation == 90 || rotation == 270;
    const int src_w = turned ? vdec->height : vdec->width, src_h = turned ? vdec->width : vdec->height;
    const CropRect first = crop_.value_or(centered_crop(src_w, src_h, spec.out_width, spec.out_height));
    vfilter_.emplace(vdec, video->time_base, video_filters(spec, rotation, first), threads);
    if (audio_) {
      const AVCodecContext* adec = audio_->decoder.get();
      afilter_.emplace(adec, AVRational{1, adec->sample_rate},
                       audio_filters(kAacSampleRate, std::min(2, adec->ch_layout.nb_channels)), 1);
    }
    open_output(output, threads);
  }

  void run(const std::function<void(double)>& progress) {
    reader_.seek(spec_.start);
    reader_.read([&](DecodedStream& s, AVFrame* frame, double t) {
      return &s == video_ ? on_video(s, frame, t, progress) : on_audio(frame, t);
    });
    finish();
  }

 private:
  Next on_video(const DecodedStream& s, AVFrame* frame, double t, const std::function<void(double)>& progress) {
    if (t < spec_.start - kTolerance) return Next::more;
    if (first_ && t >= spec_.end - kTolerance) {
      clip_end_ = t;  // the first frame after the clip ends the clip's last one
      release_pending_audio();
      return Next::stream_done;
    }
    if (!first_) {
      first_ = t;
      for (auto& [held, at] : held_audio_) push_audio(held.get(), at);
      held_audio_.clear();
    }
    last_end_ = s.next_time;
    follow_crop(t);
    follow_talker(t);
    if (progress) progress(std::clamp((t - spec_.start) / (spec_.end - spec_.start), 0.0, 1.0));
    // Timed from the requested start (see video_filters).
    frame->pts -= static_cast<int64_t>(std::llround((spec_.start + reader_.origin()) / av_q2d(video_->stream->time_base)));
    vfilter_->push(frame);
    encode_filtered(*vfilter_, venc_.get(), vout_);
    return Next::more;
  }

  Next on_audio(AVFrame* frame, double t) {
    if (t + double(frame->nb_samples) / frame->sample_rate <= spec_.start) return Next::more;
    if (clip_end_ && t >= *clip_end_) return Next::stream_done;
    if (!first_) {  // the clip's first frame is not decoded yet: the sound waits for it
      held_audio_.emplace_back(clone(frame), t);
      return Next::more;
    }
    push_audio(frame, t);
    return Next::more;
  }

  void push_audio(AVFrame* frame, double t) {
    frame->pts = std::llround((t - *first_) * frame->sample_rate);
    pushed_end_ = std::max(pushed_end_, frame->pts + frame->nb_samples);
    afilter_->push(frame);
    drain_audio();
  }

  // Filtered sound goes to the encoder up to the clip's end, which is known once the video has
  // passed it: until then what may reach past the requested end waits.
  void drain_audio() {
    while (afilter_->pull(scratch_.get())) {
      scratch_->pts = av_rescale_q(scratch_->pts, av_buffersink_get_time_base(afilter_->sink()), aenc_->time_base);
      pending_audio_.push_back(clone(scratch_.get()));
      av_frame_unref(scratch_.get());
    }
    release_pending_audio();
  }

  void release_pending_audio() {
    if (!audio_) return;
    const int64_t surely_inside = std::llround((spec_.end - first_.value_or(spec_.start)) * aenc_->sample_rate);
    const std::optional<int64_t> limit = end_sample();
    std::size_t used = 0;
    for (; used < pending_audio_.size(); ++used) {
      AVFrame* f = pending_audio_[used].get();
      if (!limit && f->pts + f->nb_samples > surely_inside) break;
      if (limit && f->pts >= *limit) continue;
      if (limit && f->pts + f->nb_samples > *limit) f->nb_samples = static_cast<int>(*limit - f->pts);
      encode(aenc_.get(), aout_, f);
    }
    pending_audio_.erase(pending_audio_.begin(), pending_audio_.begin() + static_cast<std::ptrdiff_t>(used));
  }

  // The clip's length in samples, once its end is known.
  std::optional<int64_t> end_sample() const {
    if (!clip_end_ || !first_ || !aenc_) return std::nullopt;
    return std::llround((*clip_end_ - *first_) * aenc_->sample_rate);
  }

  void finish() {
    if (!first_)
      throw MediaError(reader_.path(), fmt::format("it has no picture between {:.2f} s and {:.2f} s", spec_.start,
                                                   spec_.end));
    if (!clip_end_) clip_end_ = last_end_;  // the video ended inside the clip
    vfilter_->push(nullptr);
    encode_filtered(*vfilter_, venc_.get(), vout_);
    encode(venc_.get(), vout_, nullptr);
    if (audio_) {
      pad_with_silence();
      afilter_->push(nullptr);
      drain_audio();
      encode(aenc_.get(), aout_, nullptr);
    }
    check_av(av_write_trailer(output_.get()), "finishing the mp4");
  }

  // Sound that ends before the picture (or never starts) is made up with silence, so both
  // tracks last as long as the clip.
  void pad_with_silence() {
    const AVCodecContext* dec = audio_->decoder.get();
    const int64_t want = std::llround((*clip_end_ - *first_) * dec->sample_rate);
    constexpr int kChunk = 4096;
    while (pushed_end_ < want) {
      FramePtr silence = make_frame();
      silence->format = dec->sample_fmt;
      silence->sample_rate = dec->sample_rate;
      check_av(av_channel_layout_copy(&silence->ch_layout, &dec->ch_layout), "copying the channel layout");
      silence->nb_samples = static_cast<int>(std::min<int64_t>(kChunk, want - pushed_end_));
      check_av(av_frame_get_buffer(silence.get(), 0), "allocating silence");
      av_samples_set_silence(silence->extended_data, 0, silence->nb_samples, dec->ch_layout.nb_channels,
                             dec->sample_fmt);
      silence->pts = pushed_end_;
      pushed_end_ += silence->nb_samples;
      afilter_->push(silence.get());
    }
  }

  void open_output(const fs::path& output, int threads) {
    AVFormatContext* raw = nullptr;
    check_av(avformat_alloc_output_context2(&raw, nullptr, "mp4", output.c_str()), "creating the mp4");
    output_.reset(raw);

    const AVFilterContext* vsink = vfilter_->sink();
    const AVCodec* x264 = avcodec_find_encoder_by_name("libx264");
    if (!x264) throw std::runtime_error("this FFmpeg has no libx264 encoder");
    venc_.reset(avcodec_alloc_context3(x264));
    const AVStream* video = video_->stream;
    const AVRational rate = video->avg_frame_rate.num ? video->avg_frame_rate
                            : video->r_frame_rate.num ? video->r_frame_rate
                                                      : AVRational{25, 1};
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

  // Split: the border moves to the half whose person talks.
  void follow_talker(double t) {
    if (spec_.layout != Layout::Split || spec_.split.talker.empty()) return;
    const auto after = std::upper_bound(spec_.split.talker.begin(), spec_.split.talker.end(), t,
                                        [](double v, const TalkerKey& k) { return v < k.t; });
    const int half = after == spec_.split.talker.begin() ? -1 : std::prev(after)->half;
    if (half == talking_) return;
    const std::string border = std::to_string(std::max(4, spec_.out_width / 150));
    vfilter_->command("drawbox@first", "t", half == 0 ? border : "0");
    vfilter_->command("drawbox@second", "t", half == 1 ? border : "0");
    talking_ = half;
  }

  // The video sink's frames are in the encoder's time base (the encoder was opened with it).
  void encode_filtered(FilterChain& filter, AVCodecContext* enc, AVStream* out) {
    while (filter.pull(scratch_.get())) {
      scratch_->pict_type = AV_PICTURE_TYPE_NONE;
      encode(enc, out, scratch_.get());
      av_frame_unref(scratch_.get());
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

  RenderSpec spec_;
  MediaReader reader_;
  DecodedStream* video_ = nullptr;
  DecodedStream* audio_ = nullptr;
  std::optional<CropRect> crop_;
  int talking_ = -1;  // the split half with the border
  std::optional<FilterChain> vfilter_, afilter_;
  CodecPtr venc_, aenc_;
  OutputPtr output_;
  AVStream* vout_ = nullptr;
  AVStream* aout_ = nullptr;
  FramePtr scratch_ = make_frame();

  std::optional<double> first_;     // source time of the clip's first frame: t = 0 of both tracks
  std::optional<double> clip_end_;  // source time where the clip's last frame ends
  double last_end_ = 0;             // where the last frame taken ends
  std::vector<std::pair<FramePtr, double>> held_audio_;  // decoded before the first frame
  std::vector<FramePtr> pending_audio_;                  // filtered, may reach past the end
  int64_t pushed_end_ = 0;                               // samples given to the audio filter so far
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

#include "reframe/face_sampler.h"

extern "C" {
#include <libswscale/swscale.h>
}

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>

#include "media/input_file.h"
#include "media/media_error.h"
#include "media/media_reader.h"

namespace fs = std::filesystem;

namespace clipgen::reframe {
namespace {

struct SwsDeleter {
  void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

// Mean gray-level change between thumbnails above which two samples are different shots.
// A speaker moving changes a few levels; a cut to another camera changes tens.
constexpr double kShotChangeLevels = 28;
const cv::Size kThumbnail{32, 18};

// The frame shrunk to `width` (height by the aspect), as gray, turned upright.
class GrayShrinker {
 public:
  GrayShrinker(const AVCodecContext* dec, int width, int rotation) : rotation_(rotation) {
    const bool turned = rotation == 90 || rotation == 270;
    const int upright_w = turned ? dec->height : dec->width, upright_h = turned ? dec->width : dec->height;
    const int w = std::min(width, upright_w) & ~1;
    const int h = std::max(2, static_cast<int>(std::lround(double(w) * upright_h / upright_w)) & ~1);
    out_w_ = turned ? h : w;
    out_h_ = turned ? w : h;
    scale_back_ = double(upright_w) / w;
  }

  cv::Mat shrink(const AVFrame* frame) {
    sws_.reset(sws_getCachedContext(sws_.release(), frame->width, frame->height,
                                    static_cast<AVPixelFormat>(frame->format), out_w_, out_h_, AV_PIX_FMT_GRAY8,
                                    SWS_AREA, nullptr, nullptr, nullptr));
    if (!sws_) throw std::runtime_error("cannot convert video frames for face detection");
    cv::Mat gray(out_h_, out_w_, CV_8UC1);
    uint8_t* planes[4] = {gray.data, nullptr, nullptr, nullptr};
    int strides[4] = {static_cast<int>(gray.step), 0, 0, 0};
    sws_scale(sws_.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
    switch (rotation_) {
      case 90: cv::rotate(gray, gray, cv::ROTATE_90_CLOCKWISE); break;
      case 180: cv::rotate(gray, gray, cv::ROTATE_180); break;
      case 270: cv::rotate(gray, gray, cv::ROTATE_90_COUNTERCLOCKWISE); break;
      default: break;
    }
    return gray;
  }

  // Source pixels per pixel of the shrunk picture.
  double scale_back() const { return scale_back_; }

 private:
  int rotation_;
  int out_w_ = 0, out_h_ = 0;
  double scale_back_ = 1;
  SwsPtr sws_;
};

// Mean absolute gray-level change over `box`, clipped to the pictures.
double change_in(const cv::Mat& before, const cv::Mat& now, cv::Rect box) {
  box &= cv::Rect(0, 0, now.cols, now.rows);
  if (box.area() == 0) return 0;
  return cv::norm(before(box), now(box), cv::NORM_L1) / box.area();
}

// Frames decoded this many frame durations before a sample are kept as its "before" picture:
// non-reference frames are skipped, so the one just before may be up to four frames back (three
// B-frames between references).
constexpr double kBeforeFrames = 6;

}  // namespace

double mouth_motion(const cv::Mat& before, const cv::Mat& now, const FaceBox& f) {
  if (before.empty() || before.size() != now.size()) return 0;
  // A cascade's box runs from the brows to the mouth: the mouth is its lowest third and a
  // little below, the eyes a band across its upper half. Half the eyes' change is taken off:
  // a talking head sways, which moves both, but a talker's mouth moves more (on the test
  // conversation the full eyes' change hid four samples in five of the talker's).
  auto band = [&](double left, double top, double width, double height) {
    return cv::Rect(static_cast<int>(f.x + left * f.w), static_cast<int>(f.y + top * f.h),
                    std::max(1, static_cast<int>(width * f.w)), std::max(1, static_cast<int>(height * f.h)));
  };
  const double mouth = change_in(before, now, band(0.25, 0.68, 0.5, 0.37));
  const double eyes = change_in(before, now, band(0.15, 0.2, 0.7, 0.25));
  return std::max(0.0, mouth - 0.5 * eyes);
}

bool is_shot_change(const cv::Mat& previous, const cv::Mat& current) {
  if (previous.empty()) return false;
  return cv::mean(cv::abs(previous - current))[0] > kShotChangeLevels;
}

FaceTrack sample_faces(const fs::path& input, double start, double end, FaceDetector& detector,
                       const SamplingOptions& options, const std::function<void(double)>& progress) {
  media::MediaReader reader(input);
  AVStream* video = media::find_stream(reader.format(), AVMEDIA_TYPE_VIDEO);
  if (!video) throw media::MediaError(input, "it has no video stream");
  AVCodecContext* dec = reader.decode(video, options.threads).decoder.get();
  // Detection needs no deblocking and no frame nothing refers to: both cut decoding time.
  dec->skip_loop_filter = AVDISCARD_ALL;
  dec->skip_frame = AVDISCARD_NONREF;

  const int rotation = media::display_rotation(video);
  const bool turned = rotation == 90 || rotation == 270;
  FaceTrack track;
  track.width = turned ? dec->height : dec->width;
  track.height = turned ? dec->width : dec->height;
  GrayShrinker shrinker(dec, options.detect_width, rotation);

  const double step = 1.0 / options.per_second;
  const double fps = video->avg_frame_rate.num > 0 ? av_q2d(video->avg_frame_rate) : 25;
  double next = start;
  cv::Mat previous, before;
  reader.seek(start);
  reader.read([&](media::DecodedStream&, AVFrame* frame, double t) {
    if (t >= end) return media::Next::stop;
    if (t + 1e-6 < next) {
      if (options.mouth_motion && t >= next - kBeforeFrames / fps) before = shrinker.shrink(frame);
      return media::Next::more;
    }
    const cv::Mat gray = shrinker.shrink(frame);
    cv::Mat thumb;
    cv::resize(gray, thumb, kThumbnail, 0, 0, cv::INTER_AREA);
    FrameSample sample{t, detector.detect(gray), is_shot_change(previous, thumb)};
    const double s = shrinker.scale_back();
    for (auto& f : sample.faces) {
      const double motion = options.mouth_motion ? mouth_motion(before, gray, f) : 0;
      f = {f.x * s, f.y * s, f.w * s, f.h * s, motion};
    }
    track.samples.push_back(std::move(sample));
    previous = thumb;
    before.release();
    while (next <= t) next += step;
    if (progress) progress((t - start) / (end - start));
    return media::Next::more;
  });
  return track;
}

}  // namespace clipgen::reframe

// Speaker-following crops and the auto layout on real recordings: the test talk (a face left of
// centre), and clips made from the same talking head: moving then cut, and twice, far apart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "media/crop.h"
#include "media/renderer.h"
#include "reframe/clip_framing.h"
#include "reframe/face_sampler.h"
#include "support/command.h"
#include "support/frame_faces.h"

namespace fs = std::filesystem;
using namespace clipgen::reframe;
using namespace clipgen::media;
using clipgen::testing::faces_in;
using clipgen::testing::gray_frame;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "reframe";
const fs::path kTalk = fs::path(CLIPGEN_TEST_WORK_DIR) / "talk.mp4";  // 1280x720, 25 fps
const fs::path kMedia = CLIPGEN_MEDIA_DIR;

// Whether the face lies inside the window, give or take `slack` pixels.
bool inside(const FaceBox& f, const CropRect& c, double slack = 0) {
  return f.x >= c.x - slack && f.x + f.w <= c.x + c.w + slack && f.y >= c.y - slack && f.y + f.h <= c.y + c.h + slack;
}

// A scene staged around the real talking head by an ffmpeg filter graph (the head is input
// [0:v], the scene's output [v]), made once per build folder.
fs::path staged(const std::string& name, const std::string& graph, int seconds) {
  fs::create_directories(kWork);
  // ctest runs each test in its own process, possibly at once: each writes its own partial file.
  const fs::path out = kWork / (name + ".mp4"), partial = kWork / (name + "." + std::to_string(getpid()) + ".tmp.mp4");
  if (fs::exists(out)) return out;
  const auto r = clipgen::testing::run_command(
      {"ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1", "-i",
       (kMedia / "video/sadtalker_WDA_AOC_talkinghead.mp4").string(), "-filter_complex", graph, "-map", "[v]", "-t",
       std::to_string(seconds), "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p",
       partial.string()});
  if (r.exit_code != 0) throw std::runtime_error("ffmpeg: " + r.err);
  fs::rename(partial, out);
  return out;
}

// 6 s: the talking head glides right at 100 px/s for 3 s, then the shot cuts to another
// backdrop with the head on the right.
fs::path moving_speaker() {
  return staged("moving-speaker",
                "color=c=0x202830:s=1280x720:r=25:d=6[a];color=c=0x705030:s=1280x720:r=25:d=6[b];"
                "[a][b]overlay=enable='gte(t,3)'[bg];[0:v]scale=400:400,setsar=1[fg];"
                "[bg][fg]overlay=x='if(lt(t,3),40+100*t,820)':y=160:shortest=1[v]",
                6);
}

// 4 s of two copies of the talking head, at the left and right edges of a wide stage.
fs::path two_speakers() {
  return staged("two-speakers",
                "color=c=0x202830:s=1280x720:r=25:d=4[bg];[0:v]scale=320:320,setsar=1,split[l][r];"
                "[bg][l]overlay=x=20:y=200[half];[half][r]overlay=x=940:y=200:shortest=1[v]",
                4);
}

fs::path render_framed(const fs::path& input, const ClipFraming& framing, double start, double end,
                       const std::string& name) {
  RenderSpec spec{.start = start, .end = end, .out_width = 540, .out_height = 960, .crop = framing.crop,
                  .layout = framing.layout};
  fs::create_directories(kWork);
  const fs::path out = kWork / (name + ".mp4");
  render_clip(input, spec, out, 2, nullptr);
  return out;
}

// The rendered frame at `t` shows one whole face, `min_width` wide or more, inside the frame.
void expect_whole_face(const fs::path& clip, double t, double min_width, FaceDetector& detector) {
  const auto frame = gray_frame(clip, t, 360, 640);
  const auto faces = faces_in(frame, detector);
  ASSERT_FALSE(faces.empty()) << "no face at " << t << " s of " << clip;
  const FaceBox& f = faces.front();
  EXPECT_GT(f.x, 0) << t;
  EXPECT_LT(f.x + f.w, 360) << t;
  EXPECT_GT(f.y, 0) << t;
  EXPECT_LT(f.y + f.h, 640) << t;
  EXPECT_GE(f.w, min_width) << "a cut face is detected smaller, if at all; at " << t;
}

}  // namespace

TEST(FaceFollowing, KeepsTheTalksFaceInsideTheVerticalFrameWhereACentreCropCutsIt) {
  FaceDetector detector;
  const double start = 61.3, end = 67.3;
  const auto track = sample_faces(kTalk, start, end, detector, {}, nullptr);
  EXPECT_EQ(track.width, 1280);
  EXPECT_EQ(track.height, 720);
  ASSERT_GE(track.samples.size(), 15u) << "about 3 samples a second";

  const auto framing = plan_framing(
      track, {.layout = "auto", .out_width = 540, .out_height = 960, .fps = 25, .start = start, .end = end});
  EXPECT_EQ(framing.layout, Layout::Fill);
  const CropRect centre = centered_crop(1280, 720, 540, 960);
  std::size_t with_face = 0, cut_by_centre = 0;
  std::vector<double> widths;
  for (const auto& s : track.samples) {
    if (s.faces.empty()) continue;
    ++with_face;
    widths.push_back(s.faces.front().w);
    cut_by_centre += !inside(s.faces.front(), centre);
    // The detector's box wobbles by a few percent between frames; the window rightly does not.
    EXPECT_TRUE(inside(s.faces.front(), crop_at(framing.crop, s.t), 0.05 * s.faces.front().w))
        << "face outside the window at " << s.t;
  }
  EXPECT_GE(with_face, track.samples.size() * 9 / 10);
  EXPECT_EQ(cut_by_centre, with_face) << "the talk's face sits left of centre";

  // In the rendered clip, an independent decoder's frames show the whole face.
  std::sort(widths.begin(), widths.end());
  const double expected = widths[widths.size() / 2] * 360 / centre.w;
  const fs::path clip = render_framed(kTalk, framing, start, end, "talk-vertical");
  for (double t : {0.5, 2.5, 4.5}) expect_whole_face(clip, t, 0.75 * expected, detector);
}

TEST(FaceFollowing, PansWithinTheSpeedLimitAndJumpsOnlyAtTheCut) {
  FaceDetector detector;
  const fs::path input = moving_speaker();
  const auto track = sample_faces(input, 0, 6, detector, {}, nullptr);
  const auto cuts = std::count_if(track.samples.begin(), track.samples.end(),
                                  [](const FrameSample& s) { return s.shot_change; });
  EXPECT_EQ(cuts, 1);

  const FramingRequest request{.layout = "fill", .out_width = 540, .out_height = 960, .fps = 25, .start = 0, .end = 6};
  const auto framing = plan_framing(track, request);
  const double limit = request.camera.max_speed * 1280;  // px per second
  int jumps = 0;
  for (std::size_t i = 1; i < framing.crop.size(); ++i) {
    const auto& a = framing.crop[i - 1];
    const auto& b = framing.crop[i];
    const double moved = std::abs(b.rect.x - a.rect.x);
    if (moved <= limit * (b.t - a.t) + 2) continue;  // +2: even pixel rounding
    ++jumps;
    EXPECT_GE(b.t, 3.0);
    EXPECT_LE(b.t, 3.4) << "the jump comes at the first sample after the cut";
  }
  EXPECT_EQ(jumps, 1);
  EXPECT_GT(crop_at(framing.crop, 2.9).x, crop_at(framing.crop, 0).x + 100) << "it followed the glide";

  const double head_face = 400 * 0.55 * 360 / 404;  // the detector boxes about half the head's width
  const fs::path clip = render_framed(input, framing, 0, 6, "moving-speaker-vertical");
  for (double t : {1.0, 2.5, 4.0, 5.5}) expect_whole_face(clip, t, 0.75 * head_face, detector);
}

TEST(AutoLayout, FitsTwoSpeakersTooFarApartForOneVerticalWindow) {
  FaceDetector detector;
  const auto track = sample_faces(two_speakers(), 0, 4, detector, {}, nullptr);
  const auto both = std::count_if(track.samples.begin(), track.samples.end(),
                                  [](const FrameSample& s) { return s.faces.size() == 2; });
  EXPECT_GE(both, static_cast<long>(track.samples.size() * 8 / 10)) << "both faces found";
  EXPECT_EQ(plan_framing(track, {.layout = "auto", .start = 0, .end = 4}).layout, Layout::Fit);
  EXPECT_EQ(plan_framing(track, {.layout = "auto", .out_width = 1920, .out_height = 1080, .start = 0, .end = 4}).layout,
            Layout::Fill)
      << "a 16:9 output keeps them both";
}

TEST(AutoLayout, FitsAWideShotWithoutAFace) {
  // A plain backdrop with a timecode in its corner, which a 9:16 crop would cut away.
  FaceDetector detector;
  const auto track =
      sample_faces(kMedia / "video/autoeditor_speech_then_silence.mp4", 2, 6, detector, {}, nullptr);
  ASSERT_FALSE(track.samples.empty());
  for (const auto& s : track.samples) EXPECT_TRUE(s.faces.empty()) << s.t;
  const auto framing = plan_framing(track, {.layout = "auto", .start = 2, .end = 6});
  EXPECT_EQ(framing.layout, Layout::Fit);
  EXPECT_EQ(framing.crop.size(), 1u) << "nobody to follow: the window stays centred";
  EXPECT_EQ(framing.crop.front().rect.x, centered_crop(1280, 720, 1080, 1920).x);
}

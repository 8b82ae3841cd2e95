#include "media/renderer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "media/crop.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/thumbnail.h"
#include "support/command.h"
#include "support/frames.h"

namespace fs = std::filesystem;
using namespace clipgen::media;
using clipgen::testing::gray_frame;
using clipgen::testing::mean_difference;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "render";
const fs::path kTalk = fs::path(CLIPGEN_TEST_WORK_DIR) / "talk.mp4";  // 1280x720, 25 fps
const fs::path kMedia = CLIPGEN_MEDIA_DIR;

fs::path render(const std::string& name, RenderSpec spec, const fs::path& input = kTalk) {
  fs::create_directories(kWork);
  const fs::path out = kWork / (name + ".mp4");
  fs::remove(out);
  render_clip(input, spec, out, 2, nullptr);
  return out;
}

RenderSpec spec_of(double start, double end, int w, int h) {
  RenderSpec s;
  s.start = start;
  s.end = end;
  s.out_width = w;
  s.out_height = h;
  return s;
}

TEST(Renderer, VerticalClipHasTheRequestedLengthSizeAndSound) {
  const auto out = render("vertical", spec_of(31.3, 43.7, 1080, 1920));
  const auto info = probe(out);
  EXPECT_NEAR(info.duration, 12.4, 0.1);
  EXPECT_EQ(info.width, 1080);
  EXPECT_EQ(info.height, 1920);
  EXPECT_TRUE(info.has_audio);
  EXPECT_EQ(info.video_codec, "h264");
  EXPECT_EQ(info.audio_codec, "aac");
  // faststart: the index (moov) comes before the media data (mdat).
  std::ifstream file(out, std::ios::binary);
  std::string head(64 * 1024, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  ASSERT_NE(head.find("moov"), std::string::npos);
  EXPECT_LT(head.find("moov"), head.find("mdat"));
}

TEST(Renderer, StartsOnTheRequestedFrameNotTheKeyframeBefore) {
  // 37.2 s is between the talk's keyframes (every 2 s). Compare the clip's first frame with the
  // source at 37.2 s and at the keyframe before it, 36.0 s.
  auto spec = spec_of(37.2, 39.2, 1280, 720);
  const auto out = render("accurate", spec);
  const auto first = gray_frame(out, 0, 128, 72);
  const double at_start = mean_difference(first, gray_frame(kTalk, 37.2, 128, 72), 0, 72);
  const double at_keyframe = mean_difference(first, gray_frame(kTalk, 36.0, 128, 72), 0, 72);
  EXPECT_LT(at_start, 2.0);
  EXPECT_LT(at_start * 2, at_keyframe) << "the first frame should be the one at 37.2 s";
}

TEST(Renderer, FollowsTheCropPath) {
  const CropRect left{0, 0, 404, 720}, right{876, 0, 404, 720};
  auto still = spec_of(50, 54, 540, 960);
  still.crop = {{50, left}};
  auto moving = still;
  moving.crop = {{50, left}, {52, right}};
  const auto a = render("crop-still", still), b = render("crop-moving", moving);
  EXPECT_LT(mean_difference(gray_frame(a, 1.0, 54, 96), gray_frame(b, 1.0, 54, 96), 0, 96), 1.0) << "same until 52 s";
  EXPECT_GT(mean_difference(gray_frame(a, 3.0, 54, 96), gray_frame(b, 3.0, 54, 96), 0, 96), 5.0) << "moved after 52 s";
  // The moved window shows the right edge of the source.
  const auto source_right = gray_frame(kTalk, 53.0, 128, 72);
  const auto clip_right = gray_frame(b, 3.0, 54, 96);
  double src_mean = 0, clip_mean = 0;
  for (int y = 0; y < 72; ++y)
    for (int x = 110; x < 128; ++x) src_mean += source_right.pixels[static_cast<std::size_t>(y) * 128 + x];
  for (auto p : clip_right.pixels) clip_mean += p;
  EXPECT_NEAR(src_mean / (72 * 18), clip_mean / static_cast<double>(clip_right.pixels.size()), 6.0);
}

TEST(Renderer, FitLayoutKeepsTheWholeFrameOverABlurredFill) {
  auto spec = spec_of(10, 13, 1080, 1920);
  spec.layout = Layout::Fit;
  const auto out = render("fit", spec);
  const auto info = probe(out);
  EXPECT_EQ(info.width, 1080);
  EXPECT_EQ(info.height, 1920);
  EXPECT_NEAR(info.duration, 3.0, 0.1);
  // The middle band is the sharp frame, scaled; the top band is its blurred copy, not black.
  const auto frame = gray_frame(out, 1.0, 108, 192);
  double top = 0;
  for (int i = 0; i < 108 * 40; ++i) top += frame.pixels[static_cast<std::size_t>(i)];
  EXPECT_GT(top / (108 * 40), 20.0);
}

TEST(Renderer, BurnsInAssCaptions) {
  fs::create_directories(kWork);
  const fs::path ass = kWork / "caption's test.ass";  // a quote in the name exercises filter escaping
  std::ofstream(ass) << "[Script Info]\nScriptType: v4.00+\nPlayResX: 1080\nPlayResY: 1920\n\n"
                        "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, OutlineColour, BorderStyle, "
                        "Outline, Alignment, MarginV\nStyle: Default,DejaVu Sans,120,&H00FFFFFF,&H00000000,1,6,2,300\n\n"
                        "[Events]\nFormat: Layer, Start, End, Style, Text\n"
                        "Dialogue: 0,0:00:00.00,0:00:05.00,Default,HELLO WORLD\n";
  auto plain = spec_of(60, 62, 540, 960);
  auto captioned = plain;
  captioned.ass_path = ass.string();
  const auto a = gray_frame(render("plain", plain), 1.0, 54, 96);
  const auto b = gray_frame(render("captioned", captioned), 1.0, 54, 96);
  EXPECT_GT(mean_difference(a, b, 75, 85), 10.0) << "the caption band changed";
  EXPECT_LT(mean_difference(a, b, 0, 40), 1.0) << "the rest did not";
}

TEST(Renderer, HonoursRotation) {
  fs::create_directories(kWork);
  const fs::path rotated = kWork / "rotated.mp4";
  const auto r = clipgen::testing::run_command({"ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                                                (kMedia / "video/videogrep_manifesto.mp4").string(), "-t", "6",
                                                "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto info = probe(rotated);
  EXPECT_TRUE(info.rotation == 90 || info.rotation == 270) << info.rotation;
  EXPECT_EQ(info.width, 180);
  EXPECT_EQ(info.height, 320);
  const auto out = render("upright", spec_of(1, 4, 180, 320), rotated);
  const auto upright = probe(out);
  EXPECT_EQ(upright.width, 180);
  EXPECT_EQ(upright.height, 320);
  EXPECT_EQ(upright.rotation, 0);
  // The ffmpeg CLI turns the picture upright on decode: ours must look the same.
  const auto theirs = gray_frame(rotated, 2.0, 36, 64);
  EXPECT_LT(mean_difference(gray_frame(out, 1.0, 36, 64), theirs, 0, 64), 4.0);
}

TEST(Renderer, LeavesNothingBehindWhenItFails) {
  fs::create_directories(kWork);
  const fs::path out = kWork / "never.mp4";
  EXPECT_THROW(render_clip(kMedia / "odd/androidx_sample_audio_only_15s.mp4", spec_of(1, 3, 540, 960), out, 1, nullptr),
               MediaError);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out.string() + ".partial"));
}

TEST(Thumbnail, IsAJpegOfTheCroppedFrame) {
  fs::create_directories(kWork);
  const fs::path jpg = kWork / "thumb.jpg";
  write_thumbnail(kTalk, 20.0, centered_crop(1280, 720, 1080, 1920), 540, 960, jpg);
  std::ifstream in(jpg, std::ios::binary);
  unsigned char magic[3] = {};
  in.read(reinterpret_cast<char*>(magic), 3);
  EXPECT_EQ(magic[0], 0xFF);
  EXPECT_EQ(magic[1], 0xD8);
  // ffprobe, not clipgen's own probe (which opens videos only).
  const auto size = clipgen::testing::run_command(
      {"ffprobe", "-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0", jpg.string()});
  EXPECT_EQ(size.out, "540,960\n");
}

}  // namespace

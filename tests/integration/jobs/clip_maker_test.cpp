// One clip of the test talk made as the pipeline makes it, with captions on and off, checked
// in frames decoded by the ffmpeg CLI.
#include "jobs/clip_maker.h"

#include <gtest/gtest.h>

#include "support/frame_faces.h"
#include "support/reference_words.h"

namespace fs = std::filesystem;
using namespace clipgen;
using clipgen::testing::faces_in;
using clipgen::testing::GrayFrame;
using clipgen::testing::gray_frame;
using clipgen::testing::gray_image;
using clipgen::testing::mean_difference;
using clipgen::testing::reference_words;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "clip-maker";
const fs::path kTalk = fs::path(CLIPGEN_TEST_WORK_DIR) / "talk.mp4";
constexpr double kStart = 40.0, kEnd = 48.0;
constexpr int kW = 270, kH = 480;  // frames are compared at a quarter of 1080x1920

jobs::ClipOutput make(const std::string& name, bool captions) {
  fs::create_directories(kWork);
  jobs::ClipSettings settings;
  settings.captions = captions;
  speech::Transcript transcript;
  transcript.words = reference_words(0, 200);
  jobs::ClipOutput clip;
  clip.highlight.start = kStart;
  clip.highlight.end = kEnd;
  clip.video = kWork / (name + ".mp4");
  clip.thumbnail = kWork / (name + ".jpg");
  clip.subtitles = kWork / (name + ".srt");
  reframe::FaceDetector detector;
  jobs::make_clip(kTalk, media::probe(kTalk), settings, transcript, -1, clip, 2, detector, [](double) {});
  return clip;
}

// Rows where two frames differ by more than `levels` on average.
std::vector<int> differing_rows(const GrayFrame& a, const GrayFrame& b, double levels) {
  std::vector<int> rows;
  for (int y = 0; y < a.height; ++y)
    if (mean_difference(a, b, y, y + 1) > levels) rows.push_back(y);
  return rows;
}

}  // namespace

// One test, so the two renders are made once.
TEST(ClipMaker, MakesAVerticalClipWhoseCaptionsStayOffTheFace) {
  const auto plain = make("plain", false);
  const auto captioned = make("captioned", true);
  EXPECT_EQ(captioned.width, 1080);
  EXPECT_EQ(captioned.height, 1920);
  EXPECT_NEAR(captioned.duration, kEnd - kStart, 0.1);
  EXPECT_GT(fs::file_size(captioned.subtitles), 0u);
  reframe::FaceDetector detector;
  EXPECT_FALSE(faces_in(gray_image(captioned.thumbnail, kW, kH), detector).empty());

  const auto words = reference_words(kStart, kEnd);
  ASSERT_GE(words.size(), 10u);
  for (std::size_t i = 0; i < words.size(); i += 4) {
    const double t = (words[i].start + words[i].end) / 2;
    SCOPED_TRACE(t);
    const auto off = gray_frame(plain.video, t, kW, kH);
    const auto on = gray_frame(captioned.video, t, kW, kH);
    const auto rows = differing_rows(off, on, 8);
    ASSERT_FALSE(rows.empty()) << "a caption shows while a word is spoken";
    EXPECT_LE(rows.back() - rows.front(), kH / 6) << "one band of captions";
    const auto faces = faces_in(off, detector);
    ASSERT_FALSE(faces.empty());
    const auto& face = faces.front();
    EXPECT_TRUE(rows.back() < face.y || rows.front() > face.y + face.h)
        << "caption rows " << rows.front() << "-" << rows.back() << " cross the face at " << face.y << "-"
        << face.y + face.h;
  }
  // In the longest pause no caption shows: the two clips are the same picture.
  std::size_t pause = 0;
  for (std::size_t i = 1; i + 1 < words.size(); ++i)
    if (words[i + 1].start - words[i].end > words[pause + 1].start - words[pause].end) pause = i;
  ASSERT_GT(words[pause + 1].start - words[pause].end, 0.3);
  const double quiet = (words[pause].end + words[pause + 1].start) / 2;
  EXPECT_LT(mean_difference(gray_frame(plain.video, quiet, kW, kH), gray_frame(captioned.video, quiet, kW, kH), 0, kH),
            1.5);
}

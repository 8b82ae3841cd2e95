// The container x codec sync matrix: clips rendered with clipgen's renderer from every input of
// make-sync-matrix.sh, held to the source as the ffmpeg CLI decodes it (sync_matrix.h says how).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

extern "C" {
#include <libavutil/log.h>
}

#include "integration/media/sync_matrix.h"
#include "media/renderer.h"

namespace fs = std::filesystem;
using namespace clipgen::testing::sync;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "sync-clips";

class SyncMatrix : public ::testing::TestWithParam<ClipCase> {
 protected:
  static void SetUpTestSuite() { av_log_set_level(AV_LOG_ERROR); }  // not x264's statistics
};

TEST_P(SyncMatrix, ClipIsTrueToTheSource) {
  const auto source = measure_source(matrix_dir() / GetParam().input);
  const auto cut = cut_between_frames(source, GetParam().start, GetParam().end);
  // The cut must fall between keyframes, or a renderer that starts at a keyframe would pass.
  const double first = source.frames[cut.first].t;
  double keyframe_before = -1;
  for (double keyframe : source.keyframes) {
    ASSERT_GT(std::abs(keyframe - first), source.frame_duration / 2) << "the clip's first frame is a keyframe";
    if (keyframe < first) keyframe_before = std::max(keyframe_before, keyframe);
  }
  std::cout << "the first frame, at " << first << " s, is " << first - keyframe_before
            << " s after the keyframe before it\n";

  clipgen::media::RenderSpec spec;
  spec.start = cut.start;
  spec.end = cut.end;
  spec.out_width = source.width;
  spec.out_height = source.height;
  fs::create_directories(kWork);
  const fs::path clip = kWork / (case_name(GetParam()) + ".mp4");
  fs::remove(clip);
  clipgen::media::render_clip(source.file, spec, clip, 2, nullptr);
  expect_true_to_source(source, cut, clip);
}

INSTANTIATE_TEST_SUITE_P(Clips, SyncMatrix, ::testing::ValuesIn(matrix_clips()),
                         [](const auto& param_info) { return case_name(param_info.param); });

}  // namespace

// Every odd file in ../shared/media/odd gets a clear error or a correct result from the CLI:
// never a crash, never a hang, never partial output.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/command.h"

namespace fs = std::filesystem;
using clipgen::testing::run_command;

namespace {

const fs::path kOdd = fs::path(CLIPGEN_MEDIA_DIR) / "odd";
const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "odd";

class OddMedia : public ::testing::TestWithParam<std::string> {};

TEST_P(OddMedia, ProcessFailsCleanlyNamingTheFile) {
  const fs::path input = kOdd / GetParam();
  const fs::path work = kWork / GetParam();  // one folder per case: ctest runs cases in parallel
  const fs::path out = work / "clips";
  fs::remove_all(work);
  fs::create_directories(work);
  const auto r = run_command({CLIPGEN_BINARY, "process", input.string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam()), std::string::npos) << "the error should name the file: " << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  EXPECT_FALSE(fs::exists(out)) << "no output folder on failure";
  for (const auto& entry : fs::directory_iterator(work)) ADD_FAILURE() << "left behind: " << entry.path();
}

TEST_P(OddMedia, ProbeAnswersWithoutCrashing) {
  const auto r = run_command({CLIPGEN_BINARY, "probe", (kOdd / GetParam()).string()});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.exit_code << " " << r.err;
  if (r.exit_code == 2) {
    EXPECT_NE(r.err.find(GetParam()), std::string::npos) << r.err;
  }
}

// None of these can become clips: no usable media, no audio track to transcribe, or no picture.
INSTANTIATE_TEST_SUITE_P(Files, OddMedia,
                         ::testing::Values("aeneas_mono.empty.wav", "aeneas_mono.invalid.wav", "aeneas_mono.zero.wav",
                                           "androidx_large_stbl_truncated_after_moov.m4b",
                                           "androidx_long_1080p_videoonly_lowbitrate.mp4",
                                           "androidx_sample_audio_only_15s.mp4",
                                           "androidx_sample_malformed_free_box.mp4",
                                           "androidx_sample_missing_stsd.mp4"),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace

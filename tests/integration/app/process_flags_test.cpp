// `clipgen process` refuses bad framing and caption settings, from flags or the environment,
// before doing any work.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/command.h"

namespace fs = std::filesystem;
using clipgen::testing::run_command;

namespace {

const fs::path kInput = fs::path(CLIPGEN_MEDIA_DIR) / "video/videogrep_manifesto.mp4";
const fs::path kOut = fs::path(CLIPGEN_TEST_WORK_DIR) / "process-flags";

void expect_refused(const std::vector<std::string>& argv, const std::string& words) {
  const auto r = run_command(argv);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(kOut));
}

}  // namespace

TEST(ProcessFlags, RefusesAnUnknownLayout) {
  expect_refused({CLIPGEN_BINARY, "process", kInput.string(), "-o", kOut.string(), "-q", "--layout", "zoom"},
                 "--layout: must be one of auto, fill, split, fit; got 'zoom'");
}

TEST(ProcessFlags, RefusesAnUnknownCaptionStyleFromTheEnvironment) {
  expect_refused({"env", "CLIPGEN_CAPTION_STYLE=comic", CLIPGEN_BINARY, "process", kInput.string(), "-o",
                  kOut.string(), "-q", "--captions"},
                 "--caption-style: must be one of bold, boxed, pop, minimal, speakers; got 'comic'");
}

TEST(ProcessFlags, TheFlagWinsOverTheEnvironment) {
  expect_refused({"env", "CLIPGEN_LAYOUT=fit", CLIPGEN_BINARY, "process", kInput.string(), "-o", kOut.string(), "-q",
                  "--layout", "wide"},
                 "got 'wide'");
}

TEST(ProcessFlags, ListsTheCaptionStylesInItsHelp) {
  const auto r = run_command({CLIPGEN_BINARY, "process", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("bold, boxed, pop, minimal, speakers"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CLIPGEN_CAPTIONS"), std::string::npos) << r.out;
}

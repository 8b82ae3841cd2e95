#include "app/scratch_area.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

fs::path fresh_folder(const std::string& name) {
  const auto dir = fs::path(CLIPGEN_TEST_WORK_DIR) / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST(ScratchArea, LeftoversOfDeadProcessesAreSweptAndLiveOnesKept) {
  const auto shared = fresh_folder("scratch-area");
  // What a killed server left: a partial upload in the old layout, and a folder of its own whose
  // lock nobody holds any more.
  fs::create_directories(shared / "3f2b8c1e" / "d41d8cd9");
  std::ofstream(shared / "3f2b8c1e" / "d41d8cd9" / "talk.mp4") << "half an upload";
  fs::create_directories(shared / "0a1b2c3d");
  std::ofstream(shared / "0a1b2c3d" / ".lock");
  std::ofstream(shared / "stray.part") << "x";
  {
    ScratchArea live(shared);
    EXPECT_TRUE(fs::is_directory(live.path()));
    EXPECT_FALSE(fs::exists(shared / "3f2b8c1e"));
    EXPECT_FALSE(fs::exists(shared / "0a1b2c3d"));
    EXPECT_FALSE(fs::exists(shared / "stray.part"));
    std::ofstream(live.path() / "upload.mp4") << "in progress";
    // A second process starting on the same data dir leaves the first one's folder alone.
    ScratchArea other(shared);
    EXPECT_TRUE(fs::exists(live.path() / "upload.mp4"));
    EXPECT_EQ(ScratchArea::sweep(shared), 0);
    EXPECT_NE(other.path(), live.path());
  }
  EXPECT_TRUE(fs::is_empty(shared));
  fs::remove_all(shared);
}

}  // namespace
}  // namespace clipgen::app

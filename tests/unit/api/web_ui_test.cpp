#include "api/web_ui.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace fs = std::filesystem;
using namespace clipgen::api;

namespace {

class WebUiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dist_ = fs::path(CLIPGEN_TEST_WORK_DIR) / ("web-ui-" + std::to_string(getpid()));
    fs::create_directories(dist_ / "assets");
    std::ofstream(dist_ / "index.html") << "<html>";
    std::ofstream(dist_ / "assets" / "index-3f2a.js") << "app";
    std::ofstream(dist_ / "favicon.ico") << "icon";
    std::ofstream(dist_.parent_path() / "outside.txt") << "secret";
  }
  void TearDown() override { fs::remove_all(dist_); }
  fs::path dist_;
};

TEST_F(WebUiTest, HashedAssetsAreCachedForever) {
  const auto file = resolve_web_file(dist_, "/assets/index-3f2a.js");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->path, dist_ / "assets" / "index-3f2a.js");
  EXPECT_NE(file->cache_control.find("immutable"), std::string::npos);
}

TEST_F(WebUiTest, ClientRoutesGetIndexHtmlThatIsRevalidated) {
  for (const auto* path : {"/", "/videos", "/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/jobs"}) {
    const auto file = resolve_web_file(dist_, path);
    ASSERT_TRUE(file) << path;
    EXPECT_EQ(file->path, dist_ / "index.html") << path;
    EXPECT_EQ(file->cache_control, "no-cache");
  }
  EXPECT_EQ(resolve_web_file(dist_, "/favicon.ico")->path, dist_ / "favicon.ico");
}

TEST_F(WebUiTest, MissingFilesApiPathsAndEscapesAreNotFound) {
  EXPECT_FALSE(resolve_web_file(dist_, "/assets/gone-1234.js"));
  EXPECT_FALSE(resolve_web_file(dist_, "/missing.png"));
  EXPECT_FALSE(resolve_web_file(dist_, "/api/nothing"));
  EXPECT_FALSE(resolve_web_file(dist_, "/files/users/x"));
  EXPECT_FALSE(resolve_web_file(dist_, "/../outside.txt"));
  EXPECT_FALSE(resolve_web_file(dist_, "/assets/../../outside.txt"));
}

}  // namespace

#include "http/path_pattern.h"

#include <gtest/gtest.h>

using clipgen::http::PathPattern;

namespace {

constexpr const char* kUuid = "3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c";

TEST(PathPattern, IdsMatchOnlyLowercaseUuids) {
  const PathPattern pattern("/api/videos/{id}/jobs");
  const auto match = pattern.match(std::string("/api/videos/") + kUuid + "/jobs");
  ASSERT_TRUE(match);
  EXPECT_EQ(*match, std::vector<std::string>{kUuid});
  for (const std::string bad : {"/api/videos/../../etc/jobs", "/api/videos/3F2B8C1E-9A4D-4E7F-B1C2-5D6E7F8A9B0C/jobs",
                                "/api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c0/jobs", "/api/videos//jobs",
                                "/api/videosX3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/jobs",
                                "/api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/jobs/",
                                "/api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c"}) {
    EXPECT_FALSE(pattern.match(bad)) << bad;
  }
}

TEST(PathPattern, LiteralsMatchWholeSegmentsExactly) {
  const PathPattern pattern("/a.b");
  EXPECT_TRUE(pattern.match("/a.b"));
  EXPECT_FALSE(pattern.match("/aXb"));
  EXPECT_FALSE(pattern.match("/a.b/"));
  EXPECT_FALSE(pattern.match("/a.bc"));
  EXPECT_TRUE(PathPattern("/").match("/"));
  EXPECT_FALSE(PathPattern("/").match("/x"));
}

TEST(PathPattern, TokensAreBase64urlADotAndAMac) {
  const PathPattern pattern("/api/uploads/{token}/complete");
  const std::string token = "eyJ1Ijoi-_x." + std::string(64, 'a');
  EXPECT_EQ(pattern.match("/api/uploads/" + token + "/complete")->at(0), token);
  for (const std::string& bad : {"." + std::string(64, 'a'), "abc." + std::string(63, 'a'), "abc." + std::string(64, 'A'),
                                "a/b." + std::string(64, 'a'), std::string("abc")}) {
    EXPECT_FALSE(pattern.match("/api/uploads/" + bad + "/complete")) << bad;
  }
}

TEST(PathPattern, AStarTakesTheRestOfThePath) {
  const PathPattern files("/files/*");
  EXPECT_EQ(files.match("/files/users/a/b.mp4")->at(0), "users/a/b.mp4");
  EXPECT_FALSE(files.match("/files/"));
  EXPECT_FALSE(files.match("/files"));
  EXPECT_FALSE(files.match("/filesx/a"));
  const PathPattern any("/*");
  EXPECT_EQ(any.match("/videos/x")->at(0), "videos/x");
  EXPECT_FALSE(any.match("/"));
}

TEST(PathPattern, BadPatternsAreRefused) {
  EXPECT_THROW(PathPattern("/api/{name}"), std::invalid_argument);
  EXPECT_THROW(PathPattern("/a/*/b"), std::invalid_argument);
  EXPECT_THROW(PathPattern("api"), std::invalid_argument);
}

}  // namespace

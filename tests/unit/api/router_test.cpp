#include "api/router.h"

#include <gtest/gtest.h>

#include <regex>

using clipgen::api::Router;

TEST(Router, IdsMatchOnlyLowercaseUuids) {
  const std::regex pattern(Router::to_regex("/api/videos/{id}/jobs"));
  std::smatch match;
  const std::string good = "/api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/jobs";
  ASSERT_TRUE(std::regex_match(good, match, pattern));
  EXPECT_EQ(match[1], "3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c");
  for (const std::string bad : {"/api/videos/../../etc/jobs", "/api/videos/3F2B8C1E-9A4D-4E7F-B1C2-5D6E7F8A9B0C/jobs",
                                "/api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c0/jobs", "/api/videos//jobs",
                                "/api/videosX3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/jobs"}) {
    EXPECT_FALSE(std::regex_match(bad, pattern)) << bad;
  }
}

TEST(Router, OtherCharactersMatchLiterally) {
  const std::regex pattern(Router::to_regex("/a.b"));
  EXPECT_TRUE(std::regex_match(std::string("/a.b"), pattern));
  EXPECT_FALSE(std::regex_match(std::string("/aXb"), pattern));
}

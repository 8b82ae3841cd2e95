#include "api/upload_token.h"

#include <gtest/gtest.h>

#include <vector>

#include "http/path_pattern.h"

using namespace clipgen::api;

namespace {

constexpr const char* kSecret = "0123456789abcdef0123456789abcdef";

UploadTicket ticket() {
  return {.user_id = "3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c",
          .video_id = "0a1b2c3d-9a4d-4e7f-b1c2-5d6e7f8a9b0c",
          .storage_key = "users/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c/videos/0a1b2c3d-9a4d-4e7f-b1c2-5d6e7f8a9b0c/original.mp4",
          .filename = "My talk – ünïcødé \"quoted\" / part 1.mp4",
          .expires = 2000};
}

TEST(UploadToken, RoundTripsUntilItExpires) {
  const std::string token = issue_upload_token(ticket(), kSecret);
  const auto read = read_upload_token(token, 1999, kSecret);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->user_id, ticket().user_id);
  EXPECT_EQ(read->video_id, ticket().video_id);
  EXPECT_EQ(read->storage_key, ticket().storage_key);
  EXPECT_EQ(read->filename, ticket().filename);
  EXPECT_EQ(read->expires, 2000);
  EXPECT_TRUE(read_upload_token(token, 2000, kSecret));
  EXPECT_FALSE(read_upload_token(token, 2001, kSecret));
}

TEST(UploadToken, AnyChangeOrAnotherSecretIsRefused) {
  const std::string token = issue_upload_token(ticket(), kSecret);
  EXPECT_FALSE(read_upload_token(token, 0, "another secret, also 32 chars.."));
  for (std::size_t i = 0; i < token.size(); i += 7) {
    std::string altered = token;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(read_upload_token(altered, 0, kSecret)) << i;
  }
  // Another user's id in the payload, re-encoded without the key, does not verify.
  UploadTicket other = ticket();
  other.user_id = "ffffffff-9a4d-4e7f-b1c2-5d6e7f8a9b0c";
  const std::string forged = issue_upload_token(other, "an attacker's secret of 32 chars");
  EXPECT_FALSE(read_upload_token(forged, 0, kSecret));
  for (const std::string& bad : std::vector<std::string>{"", ".", "abc", "abc.", ".abc", "!!!." + std::string(64, 'a')})
    EXPECT_FALSE(read_upload_token(bad, 0, kSecret)) << bad;
}

TEST(UploadToken, FitsTheRoutersTokenPlaceholder) {
  const clipgen::http::PathPattern pattern("/api/uploads/{token}/complete");
  const std::string path = "/api/uploads/" + issue_upload_token(ticket(), kSecret) + "/complete";
  const auto match = pattern.match(path);
  ASSERT_TRUE(match) << path;
  EXPECT_TRUE(read_upload_token(match->at(0), 0, kSecret));
  for (const std::string& bad : std::vector<std::string>{"/api/uploads/../../x/complete", "/api/uploads/abc/complete",
                                "/api/uploads/a/b." + std::string(64, 'a') + "/complete"})
    EXPECT_FALSE(pattern.match(bad)) << bad;
}

}  // namespace

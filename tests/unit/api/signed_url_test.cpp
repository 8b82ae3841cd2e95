#include "api/signed_url.h"

#include <gtest/gtest.h>

using namespace clipgen::api;

namespace {

constexpr const char* kSecret = "0123456789abcdef0123456789abcdef";
constexpr const char* kPath = "/files/users/u/jobs/j/clip-01.mp4";

TEST(SignedUrl, AValidLinkChecksOutUntilItExpires) {
  const SignedUrl url{kPath, 2000, sign_path(kPath, 2000, kSecret)};
  EXPECT_EQ(check_signature(url, 1999, kSecret), SignatureCheck::valid);
  EXPECT_EQ(check_signature(url, 2000, kSecret), SignatureCheck::valid);
  EXPECT_EQ(check_signature(url, 2001, kSecret), SignatureCheck::expired);
}

TEST(SignedUrl, AnyChangeInvalidatesIt) {
  const std::string signature = sign_path(kPath, 2000, kSecret);
  EXPECT_EQ(check_signature({"/files/users/u/jobs/j/clip-02.mp4", 2000, signature}, 0, kSecret), SignatureCheck::invalid);
  EXPECT_EQ(check_signature({kPath, 2001, signature}, 0, kSecret), SignatureCheck::invalid);
  EXPECT_EQ(check_signature({kPath, 2000, signature}, 0, "another secret, also 32 chars.."), SignatureCheck::invalid);
  EXPECT_EQ(check_signature({kPath, 2000, signature.substr(1)}, 0, kSecret), SignatureCheck::invalid);
  EXPECT_EQ(check_signature({kPath, 2000, ""}, 0, kSecret), SignatureCheck::invalid);
}

TEST(SignedUrl, IsAnHmacSha256InHex) {
  // Reference (an independent implementation): printf 'clipgen-file\n/a\n5' | openssl dgst -sha256 -hmac key
  EXPECT_EQ(sign_path("/a", 5, "key"), "48f8779606133fe6450e1a54a6fc2857919128de3bbcbacc6eb91fbce007bbb0");
}

TEST(SignedUrl, TheUrlCarriesExpiryAndSignature) {
  EXPECT_EQ(signed_url("/a", 5, "key"), "/a?expires=5&signature=" + sign_path("/a", 5, "key"));
}

}  // namespace

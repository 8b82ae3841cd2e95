#include "api/session_cookie.h"

#include <gtest/gtest.h>

#include "api/security_headers.h"

namespace clipgen::api {
namespace {

TEST(SessionCookie, IsHttpOnlyStrictAndScopedToTheApi) {
  EXPECT_EQ(session_cookie("t0k", std::chrono::hours(24), false),
            "clipgen_session=t0k; Path=/api; Max-Age=86400; HttpOnly; SameSite=Strict");
  EXPECT_EQ(expired_session_cookie(true), "clipgen_session=; Path=/api; Max-Age=0; HttpOnly; SameSite=Strict; Secure");
}

TEST(SessionCookie, TheTokenIsFoundAmongOtherCookies) {
  EXPECT_EQ(cookie_token("clipgen_session=abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(cookie_token("theme=dark; clipgen_session=abc; lang=en"), "abc");
  EXPECT_EQ(cookie_token("xclipgen_session=abc; theme=dark"), "");
  EXPECT_EQ(cookie_token(""), "");
}

TEST(SessionCookie, OnlyTheSitesOwnPagesMayChangeThings) {
  EXPECT_TRUE(same_origin("http://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_TRUE(same_origin("https://clips.example", "clips.example"));
  EXPECT_TRUE(same_origin("https://clips.example", "clips.example:443"));
  EXPECT_FALSE(same_origin("https://evil.example", "clips.example"));
  EXPECT_FALSE(same_origin("https://clips.example.evil.example", "clips.example"));
  EXPECT_FALSE(same_origin("http://127.0.0.1:9090", "127.0.0.1:8080"));
  EXPECT_FALSE(same_origin("", "clips.example"));
  EXPECT_FALSE(same_origin("null", "clips.example"));
}

TEST(SecurityHeaders, ApiAnswersAreNeverStoredAndThePageRunsOnlyItsOwnCode) {
  const auto find = [](const HeaderList& headers, const std::string& name) {
    for (const auto& [key, value] : headers)
      if (key == name) return value;
    return std::string();
  };
  const auto api = security_headers(ResponseKind::api);
  EXPECT_EQ(find(api, "Cache-Control"), "no-store");
  EXPECT_EQ(find(api, "X-Content-Type-Options"), "nosniff");
  const auto page = security_headers(ResponseKind::page, "https://bucket.s3.eu-west-1.amazonaws.com");
  const auto csp = find(page, "Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(csp.find("media-src 'self' blob: https://bucket.s3.eu-west-1.amazonaws.com;"), std::string::npos);
  EXPECT_NE(csp.find("connect-src 'self' https://bucket.s3.eu-west-1.amazonaws.com;"), std::string::npos);
  EXPECT_EQ(find(page, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(origin_of("http://127.0.0.1:9000/bucket/users/a?X-Amz-Signature=1"), "http://127.0.0.1:9000");
  EXPECT_EQ(origin_of("not a url"), "");
}

}  // namespace
}  // namespace clipgen::api

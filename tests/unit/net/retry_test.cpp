#include "net/retry.h"

#include <gtest/gtest.h>

#include "net/api_call.h"

namespace clipgen::net {

using std::chrono::milliseconds;

TEST(Retry, BackoffDoublesUpToTheCap) {
  const RetryPolicy policy{.attempts = 6, .first_delay = milliseconds(500), .max_delay = milliseconds(3000)};
  EXPECT_EQ(retry_delay(policy, 1, std::nullopt), milliseconds(500));
  EXPECT_EQ(retry_delay(policy, 2, std::nullopt), milliseconds(1000));
  EXPECT_EQ(retry_delay(policy, 3, std::nullopt), milliseconds(2000));
  EXPECT_EQ(retry_delay(policy, 4, std::nullopt), milliseconds(3000));
  EXPECT_EQ(retry_delay(policy, 30, std::nullopt), milliseconds(3000));
}

TEST(Retry, RetryAfterSecondsWinsButIsCapped) {
  const RetryPolicy policy{.attempts = 3, .first_delay = milliseconds(500), .max_delay = milliseconds(20000)};
  EXPECT_EQ(retry_delay(policy, 1, "7"), milliseconds(7000));
  EXPECT_EQ(retry_delay(policy, 1, "0"), milliseconds(0));
  EXPECT_EQ(retry_delay(policy, 1, "3600"), milliseconds(20000));
  // The HTTP-date form and junk fall back to the backoff.
  EXPECT_EQ(retry_delay(policy, 2, "Wed, 21 Oct 2015 07:28:00 GMT"), milliseconds(1000));
  EXPECT_EQ(retry_delay(policy, 1, "-5"), milliseconds(500));
}

TEST(Retry, WhichStatusesAreWorthAnotherTry) {
  for (long status : {408L, 429L, 500L, 502L, 503L, 504L}) EXPECT_TRUE(is_retryable_status(status)) << status;
  for (long status : {200L, 204L, 400L, 401L, 403L, 404L, 416L}) EXPECT_FALSE(is_retryable_status(status)) << status;
}

TEST(ApiCall, ErrorMessageReadsGoogleAndOpenAiBodies) {
  EXPECT_EQ(error_message(R"({"error":{"code":400,"message":"Invalid JSON payload","status":"INVALID_ARGUMENT"}})"),
            "Invalid JSON payload");
  EXPECT_EQ(error_message(R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})"),
            "Incorrect API key provided");
  EXPECT_EQ(error_message(R"({"error":"model not found"})"), "model not found");
  EXPECT_EQ(error_message("<html>Bad Gateway</html>"), "<html>Bad Gateway</html>");
  EXPECT_EQ(error_message(std::string(1000, 'x')).size(), 303u);
}

}  // namespace clipgen::net

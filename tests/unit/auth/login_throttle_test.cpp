#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace clipgen::auth {
namespace {

using namespace std::chrono_literals;
const LoginThrottle::Clock::time_point t0{};

TEST(LoginThrottle, AnEmailIsLockedAfterItsLimitUntilTheWindowEnds) {
  LoginThrottle throttle({.max_failures_per_ip = 100, .max_failures_per_email = 3, .window = 60s});
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(throttle.retry_after("10.0.0.1", "ada@example.com", t0 + std::chrono::seconds(i)));
    throttle.record_failure("10.0.0.1", "ada@example.com", t0 + std::chrono::seconds(i));
  }
  EXPECT_EQ(throttle.retry_after("10.0.0.1", "ada@example.com", t0 + 10s), 50s);
  // From another address too: the email is what is being guessed.
  EXPECT_EQ(throttle.retry_after("10.0.0.2", "ada@example.com", t0 + 10500ms), 50s);  // rounded up
  EXPECT_FALSE(throttle.retry_after("10.0.0.1", "bob@example.com", t0 + 10s));
  EXPECT_FALSE(throttle.retry_after("10.0.0.1", "ada@example.com", t0 + 60s));
}

TEST(LoginThrottle, AnIpIsLockedAfterSprayingManyEmails) {
  LoginThrottle throttle({.max_failures_per_ip = 5, .max_failures_per_email = 100, .window = 5min});
  for (int i = 0; i < 5; ++i) throttle.record_failure("10.0.0.9", "user" + std::to_string(i) + "@example.com", t0);
  EXPECT_EQ(throttle.retry_after("10.0.0.9", "new@example.com", t0 + 1min), 4min);
  EXPECT_FALSE(throttle.retry_after("10.0.0.10", "new@example.com", t0 + 1min));
}

TEST(LoginThrottle, SuccessClearsTheEmailButNotTheIp) {
  LoginThrottle throttle({.max_failures_per_ip = 3, .max_failures_per_email = 2, .window = 60s});
  throttle.record_failure("10.0.0.1", "ada@example.com", t0);
  throttle.record_failure("10.0.0.1", "ada@example.com", t0);
  EXPECT_TRUE(throttle.retry_after("10.0.0.2", "ada@example.com", t0));
  throttle.record_success("ada@example.com");
  EXPECT_FALSE(throttle.retry_after("10.0.0.2", "ada@example.com", t0));
  throttle.record_failure("10.0.0.1", "bob@example.com", t0);
  EXPECT_TRUE(throttle.retry_after("10.0.0.1", "carol@example.com", t0));
}

TEST(LoginThrottle, AFailureAfterTheWindowStartsANewCount) {
  LoginThrottle throttle({.max_failures_per_ip = 100, .max_failures_per_email = 2, .window = 60s});
  throttle.record_failure("ip", "ada@example.com", t0);
  throttle.record_failure("ip", "ada@example.com", t0 + 61s);  // the first one is forgotten
  EXPECT_FALSE(throttle.retry_after("ip", "ada@example.com", t0 + 62s));
  throttle.record_failure("ip", "ada@example.com", t0 + 63s);
  EXPECT_EQ(throttle.retry_after("ip", "ada@example.com", t0 + 63s), 58s);
}

TEST(LoginThrottle, MemoryStaysBounded) {
  LoginThrottle throttle({.max_failures_per_ip = 1, .max_failures_per_email = 1, .window = 60s, .max_tracked_keys = 10});
  for (int i = 0; i < 1000; ++i)
    throttle.record_failure("ip" + std::to_string(i), "e" + std::to_string(i) + "@example.com", t0 + 61s * i);
  // The newest failure is still counted.
  EXPECT_TRUE(throttle.retry_after("ip999", "x@example.com", t0 + 61s * 999));
}

}  // namespace
}  // namespace clipgen::auth

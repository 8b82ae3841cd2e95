#include "auth/login_throttle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace clipgen::auth {
namespace {

using namespace std::chrono_literals;
const LoginThrottle::Clock::time_point t0{};

TEST(LoginThrottle, OneAddressGetsAFixedNumberOfGuessesAtOneAccount) {
  LoginThrottle throttle({.max_failures_per_pair = 3, .max_failures_per_ip = 100, .window = 60s,
                          .free_failures_per_account = 100});
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0 + 1s * i));
  EXPECT_EQ(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0 + 10s), 50s);
  EXPECT_EQ(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0 + 10500ms), 50s);  // rounded up
  // Another account from there, and this account from elsewhere, are not held up by it.
  EXPECT_FALSE(throttle.begin_attempt("10.0.0.1", "bob@example.com", t0 + 10s));
  EXPECT_FALSE(throttle.begin_attempt("10.0.0.2", "ada@example.com", t0 + 10s));
  EXPECT_FALSE(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0 + 60s));  // a new window
}

TEST(LoginThrottle, ConcurrentAttemptsAreCountedBeforeAnyIsJudged) {
  // 30 guesses at once from one address, none judged yet: exactly the limit goes ahead.
  LoginThrottle throttle({.max_failures_per_pair = 5});
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 30; ++i)
    threads.emplace_back([&] { admitted += !throttle.begin_attempt("10.0.0.1", "ada@example.com", t0); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted, 5);
}

TEST(LoginThrottle, AnAccountGuessedFromManyAddressesSlowsDownButIsNeverLocked) {
  LoginThrottle throttle({.max_failures_per_pair = 100, .max_failures_per_ip = 100, .window = 15min,
                          .free_failures_per_account = 2, .first_delay = 1s, .max_delay = 8s});
  const auto from = [](int i) { return "10.0.0." + std::to_string(i); };
  EXPECT_FALSE(throttle.begin_attempt(from(1), "ada@example.com", t0));
  EXPECT_FALSE(throttle.begin_attempt(from(2), "ada@example.com", t0));
  // Two failures are free; then each waits twice as long as the one before, up to 8 s.
  EXPECT_EQ(throttle.begin_attempt(from(3), "ada@example.com", t0), 1s);
  auto at = t0 + 1s;
  for (const auto delay : {2s, 4s, 8s, 8s, 8s}) {
    EXPECT_FALSE(throttle.begin_attempt(from(4), "ada@example.com", at));
    EXPECT_EQ(throttle.begin_attempt(from(5), "ada@example.com", at), delay);
    at += delay;
  }
  // The owner, from their own address, gets in after at most the longest delay.
  EXPECT_FALSE(throttle.begin_attempt("192.168.1.7", "ada@example.com", at));
  throttle.succeeded("192.168.1.7", "ada@example.com");
  EXPECT_FALSE(throttle.begin_attempt(from(6), "ada@example.com", at));  // success cleared the delays
}

TEST(LoginThrottle, AnAddressSprayingManyAccountsIsStopped) {
  LoginThrottle throttle({.max_failures_per_pair = 100, .max_failures_per_ip = 5, .window = 5min});
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(throttle.begin_attempt("10.0.0.9", "user" + std::to_string(i) + "@example.com", t0));
  EXPECT_EQ(throttle.begin_attempt("10.0.0.9", "new@example.com", t0 + 1min), 4min);
  EXPECT_FALSE(throttle.begin_attempt("10.0.0.10", "new@example.com", t0 + 1min));
}

TEST(LoginThrottle, SuccessesAndAbandonedAttemptsDoNotCountAgainstAnAddress) {
  // Many people behind one address sign in all day without being throttled.
  LoginThrottle throttle({.max_failures_per_pair = 2, .max_failures_per_ip = 2, .window = 60s});
  for (int i = 0; i < 10; ++i) {
    const std::string email = "user" + std::to_string(i) + "@example.com";
    ASSERT_FALSE(throttle.begin_attempt("10.0.0.1", email, t0));
    throttle.succeeded("10.0.0.1", email);
  }
  for (int i = 0; i < 10; ++i) {
    ASSERT_FALSE(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0));
    throttle.abandoned("10.0.0.1", "ada@example.com");
  }
  EXPECT_FALSE(throttle.begin_attempt("10.0.0.1", "ada@example.com", t0));
}

TEST(LoginThrottle, MemoryStaysBounded) {
  LoginThrottle throttle({.max_failures_per_pair = 1, .max_failures_per_ip = 1, .window = 60s, .max_tracked_keys = 10});
  for (int i = 0; i < 1000; ++i)
    throttle.begin_attempt("ip" + std::to_string(i), "e" + std::to_string(i) + "@example.com", t0 + 61s * i);
  // The newest attempt is still counted.
  EXPECT_TRUE(throttle.begin_attempt("ip999", "e999@example.com", t0 + 61s * 999));
}

}  // namespace
}  // namespace clipgen::auth

#include "auth/attempt_limits.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace clipgen::auth {
namespace {

using namespace std::chrono_literals;
const ThrottleClock::time_point t0{};

TEST(RateLimiter, TakesUpToItsLimitPerWindowAtomically) {
  RateLimiter limiter(3, 1h);
  std::atomic<int> taken{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) threads.emplace_back([&] { taken += !limiter.take("10.0.0.1", t0); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(taken, 3);
  EXPECT_EQ(limiter.take("10.0.0.1", t0 + 10min), 50min);
  EXPECT_FALSE(limiter.take("10.0.0.2", t0));
  limiter.give_back("10.0.0.1");
  EXPECT_FALSE(limiter.take("10.0.0.1", t0 + 10min));
  EXPECT_FALSE(limiter.take("10.0.0.1", t0 + 1h));  // the window has passed
}

}  // namespace
}  // namespace clipgen::auth

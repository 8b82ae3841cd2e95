#include "auth/hashing_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace clipgen::auth {
namespace {

TEST(HashingPool, RunsAtMostItsThreadsAtOnceAndRefusesPastItsQueue) {
  HashingPool pool(2, 3);
  std::promise<void> release;
  const auto gate = release.get_future().share();
  std::atomic<int> running{0}, most{0};
  const auto work = [&] {
    const int now = ++running;
    most = std::max(most.load(), now);
    gate.wait();
    --running;
    return 7;
  };
  // 2 run, 3 wait; the 6th is refused at once without running.
  std::vector<std::future<int>> callers;
  // One caller at a time, each seen running or waiting before the next: all five must get in.
  for (int i = 0; i < 5; ++i) {
    callers.push_back(std::async(std::launch::async, [&] { return pool.run(work); }));
    while (running + static_cast<int>(pool.waiting()) < i + 1) std::this_thread::yield();
  }
  EXPECT_THROW(pool.run(work), HashingOverloaded);
  release.set_value();
  for (auto& caller : callers) EXPECT_EQ(caller.get(), 7);
  EXPECT_EQ(most, 2);
  EXPECT_EQ(pool.run([] { return 1; }), 1);  // room again
}

TEST(HashingPool, AnExceptionReachesTheCaller) {
  HashingPool pool(1, 1);
  EXPECT_THROW(pool.run([]() -> int { throw std::runtime_error("out of memory"); }), std::runtime_error);
}

}  // namespace
}  // namespace clipgen::auth

#include "auth/hashing_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

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
  // The first two are waited for until they run (a sum of running and waiting could count a task
  // twice while a thread takes it from the queue); with both threads held, the queue only grows.
  const auto call = [&] { callers.push_back(std::async(std::launch::async, [&] { return pool.run(work); })); };
  for (int i = 1; i <= 2; ++i) {
    call();
    while (running < i) std::this_thread::yield();
  }
  for (std::size_t queued = 1; queued <= 3; ++queued) {
    call();
    while (pool.waiting() < queued) std::this_thread::yield();
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

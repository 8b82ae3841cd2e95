#include "auth/hashing_pool.h"

#include <pthread.h>

#include <csignal>

namespace clipgen::auth {

HashingPool::HashingPool(unsigned threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
  if (threads == 0) throw std::invalid_argument("the password hashing pool needs at least one thread");
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
}

HashingPool::~HashingPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void HashingPool::submit(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (waiting_.size() >= max_waiting_) throw HashingOverloaded();
    waiting_.push(std::move(task));
  }
  wake_.notify_one();
}

std::size_t HashingPool::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

void HashingPool::loop() {
  // Process-wide signals (SIGTERM) are for the thread that waits for them, whenever this pool
  // was made: a hashing thread must never take one.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      // Queued tasks still run when stopping: their callers are blocked waiting for them.
      if (waiting_.empty()) return;
      task = std::move(waiting_.front());
      waiting_.pop();
    }
    task();
  }
}

}  // namespace clipgen::auth

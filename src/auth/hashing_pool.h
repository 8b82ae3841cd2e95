#pragma once
// Where password hashes run: a fixed number of threads (each Argon2id hash holds its memory
// cost, 64 MiB by default, for its whole run) and a bounded queue in front of them, so that a
// burst of registrations or logins costs at most threads x 64 MiB and waits in line instead of
// taking the server's memory. Past the queue's limit callers are refused at once (the API
// answers 503 with Retry-After) rather than piling up.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <future>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>
#include <vector>

namespace clipgen::auth {

// The queue is full: try again shortly.
struct HashingOverloaded : std::runtime_error {
  HashingOverloaded() : std::runtime_error("too many password checks are waiting; try again in a moment") {}
};

class HashingPool {
 public:
  // `threads` at least 1; `max_waiting` tasks may wait beyond those running.
  HashingPool(unsigned threads, std::size_t max_waiting);
  ~HashingPool();
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  // Runs `work` on a pool thread, blocks until it is done and returns its result (or rethrows
  // its exception). Throws HashingOverloaded, without running it, when the queue is full.
  template <typename Work>
  auto run(Work work) -> decltype(work()) {
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto result = task.get_future();
    submit([&task] { task(); });
    return result.get();
  }

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }
  // Tasks waiting for a thread now.
  std::size_t waiting();

 private:
  void submit(std::function<void()> task);
  void loop();

  std::size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::queue<std::function<void()>> waiting_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace clipgen::auth

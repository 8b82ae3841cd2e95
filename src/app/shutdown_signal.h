#pragma once
// SIGTERM and SIGINT as an event: blocked in every thread started after this object, then
// awaited on a thread of its own, which calls the handler once (never inside a signal
// handler, so it may lock, log and stop servers).
#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace clipgen::app {

class ShutdownSignal {
 public:
  explicit ShutdownSignal(std::function<void()> on_signal);
  ~ShutdownSignal();
  ShutdownSignal(const ShutdownSignal&) = delete;
  ShutdownSignal& operator=(const ShutdownSignal&) = delete;

  // Blocks until a signal came and its handler returned.
  void wait();

 private:
  sigset_t signals_{};
  std::atomic<bool> closing_{false};
  std::thread waiter_;
};

}  // namespace clipgen::app

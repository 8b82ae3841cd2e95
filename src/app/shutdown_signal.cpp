#include "app/shutdown_signal.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

namespace clipgen::app {

ShutdownSignal::ShutdownSignal(std::function<void()> on_signal) {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  waiter_ = std::thread([this, on_signal = std::move(on_signal)] {
    int signal = 0;
    sigwait(&signals_, &signal);
    if (closing_) return;  // woken by our own destructor
    spdlog::info("{}: shutting down", signal == SIGTERM ? "SIGTERM" : "SIGINT");
    on_signal();
  });
}

void ShutdownSignal::wait() {
  if (waiter_.joinable()) waiter_.join();
}

ShutdownSignal::~ShutdownSignal() {
  if (waiter_.joinable()) {
    closing_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
  }
}

}  // namespace clipgen::app

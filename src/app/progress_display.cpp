#include "app/progress_display.h"

#include <unistd.h>

#include <cstdio>

namespace clipgen::app {

ProgressDisplay::ProgressDisplay(bool enabled) : enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0) {}

ProgressDisplay::~ProgressDisplay() { finish(); }

void ProgressDisplay::update(const std::string& stage, double percent) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  const int whole = static_cast<int>(percent);
  const bool new_stage = stage != stage_;
  if (!new_stage && whole == shown_percent_) return;
  stage_ = stage;
  shown_percent_ = whole;
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%-10s %3d%%  %lld:%02lld", stage.c_str(), whole,
                 static_cast<long long>(elapsed / 60), static_cast<long long>(elapsed % 60));
    line_open_ = true;
  } else if (new_stage) {
    std::fprintf(stderr, "clipgen: %s (%d%%, %llds)\n", stage.c_str(), whole, static_cast<long long>(elapsed));
  }
  std::fflush(stderr);
}

void ProgressDisplay::finish() {
  std::lock_guard lock(mutex_);
  if (line_open_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    line_open_ = false;
  }
}

}  // namespace clipgen::app

#pragma once
// Shows a job's stage and percent on stderr: a live line on a terminal, one line per stage
// otherwise (so logs stay readable).
#include <chrono>
#include <mutex>
#include <string>

namespace clipgen::app {

class ProgressDisplay {
 public:
  explicit ProgressDisplay(bool enabled);
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  void update(const std::string& stage, double percent);
  // Ends the live line so later output starts on a fresh one.
  void finish();

 private:
  bool enabled_;
  bool tty_;
  std::mutex mutex_;
  std::string stage_;
  int shown_percent_ = -1;
  bool line_open_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace clipgen::app

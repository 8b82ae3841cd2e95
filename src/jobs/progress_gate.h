#pragma once
// Decides which progress reports reach the database: a new stage always, otherwise at most
// one per interval, so a pipeline calling back thousands of times writes a few rows a second.
// Pure: time is passed in.
#include <chrono>
#include <optional>
#include <string>

namespace clipgen::jobs {

class ProgressGate {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ProgressGate(std::chrono::milliseconds interval) : interval_(interval) {}

  // True when this report should be written; it then counts as the last write.
  bool admit(const std::string& stage, Clock::time_point now);

 private:
  std::chrono::milliseconds interval_;
  std::string last_stage_;
  std::optional<Clock::time_point> last_write_;
};

}  // namespace clipgen::jobs

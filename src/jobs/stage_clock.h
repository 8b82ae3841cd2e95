#pragma once
// How long each pipeline stage took, read off the progress reports: a stage ends when the next
// one is first reported, or when the job ends. Pure: time is passed in.
#include <chrono>
#include <optional>
#include <string>

namespace clipgen::jobs {

struct StageLap {
  std::string stage;
  double seconds = 0;
};

class StageClock {
 public:
  using Clock = std::chrono::steady_clock;

  // The stage that ended, when `stage` is not the one already running.
  std::optional<StageLap> report(const std::string& stage, Clock::time_point now);
  // The stage still running, ended now.
  std::optional<StageLap> finish(Clock::time_point now);

 private:
  std::string stage_;
  Clock::time_point started_{};
};

}  // namespace clipgen::jobs

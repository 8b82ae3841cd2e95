#include "jobs/stage_clock.h"

namespace clipgen::jobs {

std::optional<StageLap> StageClock::report(const std::string& stage, Clock::time_point now) {
  if (stage == stage_) return std::nullopt;
  auto ended = finish(now);
  stage_ = stage;
  started_ = now;
  return ended;
}

std::optional<StageLap> StageClock::finish(Clock::time_point now) {
  if (stage_.empty()) return std::nullopt;
  StageLap lap{stage_, std::chrono::duration<double>(now - started_).count()};
  stage_.clear();
  return lap;
}

}  // namespace clipgen::jobs

#include "jobs/progress_gate.h"

namespace clipgen::jobs {

bool ProgressGate::admit(const std::string& stage, Clock::time_point now) {
  if (last_write_ && stage == last_stage_ && now - *last_write_ < interval_) return false;
  last_stage_ = stage;
  last_write_ = now;
  return true;
}

}  // namespace clipgen::jobs

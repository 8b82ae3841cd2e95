#include "auth/attempt_limits.h"

namespace clipgen::auth {

std::optional<std::chrono::seconds> AttemptWindows::wait(const std::string& key,
                                                         ThrottleClock::time_point now) const {
  const auto it = windows_.find(key);
  if (it == windows_.end() || it->second.attempts < limit_) return std::nullopt;
  const auto reopens = it->second.opened + window_;
  if (now >= reopens) return std::nullopt;
  return std::chrono::ceil<std::chrono::seconds>(reopens - now);
}

void AttemptWindows::count(const std::string& key, ThrottleClock::time_point now) {
  make_room(windows_, key, max_keys_, [&](const Window& w) { return now - w.opened >= window_; });
  auto& window = windows_[key];
  if (window.attempts == 0 || now - window.opened >= window_) window = {0, now};
  ++window.attempts;
}

void AttemptWindows::uncount(const std::string& key) {
  const auto it = windows_.find(key);
  if (it != windows_.end() && it->second.attempts > 0) --it->second.attempts;
}

std::optional<std::chrono::seconds> RateLimiter::take(const std::string& key, ThrottleClock::time_point now) {
  std::lock_guard lock(mutex_);
  if (auto wait = windows_.wait(key, now)) return wait;
  windows_.count(key, now);
  return std::nullopt;
}

void RateLimiter::give_back(const std::string& key) {
  std::lock_guard lock(mutex_);
  windows_.uncount(key);
}

}  // namespace clipgen::auth

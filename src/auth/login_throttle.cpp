#include "auth/login_throttle.h"

#include <algorithm>

namespace clipgen::auth {

std::optional<std::chrono::seconds> LoginThrottle::wait_for(const std::unordered_map<std::string, Window>& windows,
                                                            const std::string& key, int limit,
                                                            Clock::time_point now) const {
  const auto it = windows.find(key);
  if (it == windows.end() || it->second.failures < limit) return std::nullopt;
  const auto reopens = it->second.first_failure + policy_.window;
  if (now >= reopens) return std::nullopt;
  // Round up so a client that waits exactly this long is let through.
  return std::chrono::ceil<std::chrono::seconds>(reopens - now);
}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(const std::string& ip, const std::string& email,
                                                               Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto by_ip = wait_for(by_ip_, ip, policy_.max_failures_per_ip, now);
  const auto by_email = wait_for(by_email_, email, policy_.max_failures_per_email, now);
  if (by_ip && by_email) return std::max(*by_ip, *by_email);
  return by_ip ? by_ip : by_email;
}

void LoginThrottle::count(std::unordered_map<std::string, Window>& windows, const std::string& key,
                          Clock::time_point now) {
  if (windows.size() >= policy_.max_tracked_keys && !windows.contains(key)) {
    std::erase_if(windows, [&](const auto& entry) { return now - entry.second.first_failure >= policy_.window; });
    // Still full of live windows: forget everything rather than grow without bound.
    if (windows.size() >= policy_.max_tracked_keys) windows.clear();
  }
  auto& window = windows[key];
  if (window.failures == 0 || now - window.first_failure >= policy_.window) window = {0, now};
  ++window.failures;
}

void LoginThrottle::record_failure(const std::string& ip, const std::string& email, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  count(by_ip_, ip, now);
  count(by_email_, email, now);
}

void LoginThrottle::record_success(const std::string& email) {
  std::lock_guard lock(mutex_);
  by_email_.erase(email);
}

}  // namespace clipgen::auth

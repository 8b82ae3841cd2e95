#include "auth/login_throttle.h"

#include <algorithm>

namespace clipgen::auth {

LoginThrottle::LoginThrottle(ThrottlePolicy policy)
    : policy_(policy),
      by_pair_(policy.max_failures_per_pair, policy.window, policy.max_tracked_keys),
      by_ip_(policy.max_failures_per_ip, policy.window, policy.max_tracked_keys) {}

std::optional<std::chrono::seconds> LoginThrottle::account_wait(const std::string& email,
                                                                Clock::time_point now) const {
  const auto it = by_account_.find(email);
  if (it == by_account_.end()) return std::nullopt;
  const auto& backoff = it->second;
  const int over = backoff.failures - policy_.free_failures_per_account;
  if (over < 0 || now - backoff.last >= policy_.window) return std::nullopt;
  // first_delay * 2^over, capped (the shift is bounded so it cannot overflow).
  const auto delay = std::min<std::chrono::seconds>(policy_.max_delay, policy_.first_delay * (1LL << std::min(over, 30)));
  const auto until = backoff.last + delay;
  if (now >= until) return std::nullopt;
  return std::chrono::ceil<std::chrono::seconds>(until - now);
}

std::optional<std::chrono::seconds> LoginThrottle::begin_attempt(const std::string& ip, const std::string& email,
                                                                 Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const std::string pair = pair_key(ip, email);
  std::optional<std::chrono::seconds> wait;
  for (const auto& limit : {by_pair_.wait(pair, now), by_ip_.wait(ip, now), account_wait(email, now)}) {
    if (limit) wait = std::max(wait.value_or(std::chrono::seconds(0)), *limit);
  }
  if (wait) return wait;
  by_pair_.count(pair, now);
  by_ip_.count(ip, now);
  make_room(by_account_, email, policy_.max_tracked_keys,
            [&](const Backoff& b) { return now - b.last >= policy_.window; });
  auto& backoff = by_account_[email];
  if (now - backoff.last >= policy_.window) backoff.failures = 0;
  ++backoff.failures;
  backoff.last = now;
  return std::nullopt;
}

void LoginThrottle::succeeded(const std::string& ip, const std::string& email) {
  std::lock_guard lock(mutex_);
  by_pair_.forget(pair_key(ip, email));
  by_ip_.uncount(ip);
  by_account_.erase(email);
}

void LoginThrottle::abandoned(const std::string& ip, const std::string& email) {
  std::lock_guard lock(mutex_);
  by_pair_.uncount(pair_key(ip, email));
  by_ip_.uncount(ip);
  const auto it = by_account_.find(email);
  if (it != by_account_.end() && it->second.failures > 0) --it->second.failures;
}

}  // namespace clipgen::auth

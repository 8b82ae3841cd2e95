#pragma once
// Slows password guessing: after too many failed logins from one IP address or for one
// email within a window, further attempts must wait. In memory, time injected, no I/O;
// safe to share between threads.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace clipgen::auth {

struct ThrottlePolicy {
  int max_failures_per_ip = 20;
  int max_failures_per_email = 5;
  std::chrono::seconds window{15 * 60};  // failures older than this are forgotten
  std::size_t max_tracked_keys = 100000;  // bounds memory under a spray of addresses
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  // How long this IP or email must wait before another attempt, or nullopt when it may try now.
  std::optional<std::chrono::seconds> retry_after(const std::string& ip, const std::string& email,
                                                  Clock::time_point now);
  void record_failure(const std::string& ip, const std::string& email, Clock::time_point now);
  // A correct password clears the email's failures (not the IP's: one IP may try many emails).
  void record_success(const std::string& email);

 private:
  struct Window {
    int failures = 0;
    Clock::time_point first_failure;
  };
  std::optional<std::chrono::seconds> wait_for(const std::unordered_map<std::string, Window>& windows,
                                               const std::string& key, int limit, Clock::time_point now) const;
  void count(std::unordered_map<std::string, Window>& windows, const std::string& key, Clock::time_point now);

  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> by_ip_;
  std::unordered_map<std::string, Window> by_email_;
};

}  // namespace clipgen::auth

#pragma once
// Slows password guessing without letting anyone lock another person out:
//   - one account from one address: at most `max_failures_per_pair` failures per window, then
//     that address waits for the window to end (a strict limit on the guesser);
//   - one address over all accounts: at most `max_failures_per_ip` per window (spraying);
//   - one account over all addresses: `free_failures_per_account` failures, then each further
//     attempt waits a delay that doubles per failure up to `max_delay` (no hard lock: the owner
//     can always get in within a minute, while a distributed guesser gets one try per delay).
// An attempt is counted as a failure when it begins, before the password is checked, so that
// concurrent guesses cannot all pass the check; a success takes it back. In memory, time
// injected, no I/O; safe to share between threads.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/attempt_limits.h"

namespace clipgen::auth {

struct ThrottlePolicy {
  int max_failures_per_pair = 5;
  int max_failures_per_ip = 20;
  std::chrono::seconds window{15 * 60};  // failures older than this are forgotten
  int free_failures_per_account = 5;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{60};
  std::size_t max_tracked_keys = 100000;  // per kind of key: bounds memory under a spray
};

class LoginThrottle {
 public:
  using Clock = ThrottleClock;

  explicit LoginThrottle(ThrottlePolicy policy = {});

  // Counts an attempt by `ip` at `email` as a failure and returns nullopt when it may go ahead;
  // otherwise counts nothing and returns how long to wait.
  std::optional<std::chrono::seconds> begin_attempt(const std::string& ip, const std::string& email,
                                                    Clock::time_point now);
  // The password was right: the account's and this pair's failures are cleared, and the
  // address's count of this attempt taken back (one address may serve many users).
  void succeeded(const std::string& ip, const std::string& email);
  // The attempt was never judged (the server was too busy to check it): it counts for nothing.
  void abandoned(const std::string& ip, const std::string& email);

 private:
  struct Backoff {
    int failures = 0;
    Clock::time_point last;
  };
  std::optional<std::chrono::seconds> account_wait(const std::string& email, Clock::time_point now) const;
  static std::string pair_key(const std::string& ip, const std::string& email) { return ip + '\n' + email; }

  ThrottlePolicy policy_;
  std::mutex mutex_;
  AttemptWindows by_pair_;
  AttemptWindows by_ip_;
  std::unordered_map<std::string, Backoff> by_account_;
};

}  // namespace clipgen::auth

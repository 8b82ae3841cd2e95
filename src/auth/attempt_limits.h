#pragma once
// Counting attempts per key (an address, an account) in fixed windows, with the number of keys
// tracked bounded so that a spray of addresses cannot grow memory. Time injected, no I/O.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace clipgen::auth {

using ThrottleClock = std::chrono::steady_clock;

// Drops entries `stale` says are over, then everything, when `entries` is full and `key` new.
template <typename Map, typename Stale>
void make_room(Map& entries, const std::string& key, std::size_t max_keys, Stale stale) {
  if (entries.size() < max_keys || entries.contains(key)) return;
  std::erase_if(entries, [&](const auto& entry) { return stale(entry.second); });
  // Still full of live entries: forget them all rather than grow without bound.
  if (entries.size() >= max_keys) entries.clear();
}

// At most `limit` attempts per key in a window that opens with the key's first attempt. Not
// thread-safe: its owner locks.
class AttemptWindows {
 public:
  AttemptWindows(int limit, std::chrono::seconds window, std::size_t max_keys)
      : limit_(limit), window_(window), max_keys_(max_keys) {}

  // How long `key` must wait before its next attempt (rounded up to whole seconds, so a client
  // that waits exactly this long gets through), or nullopt when one more fits now.
  std::optional<std::chrono::seconds> wait(const std::string& key, ThrottleClock::time_point now) const;
  void count(const std::string& key, ThrottleClock::time_point now);
  // Takes back one counted attempt (it turned out not to be what is being limited).
  void uncount(const std::string& key);
  void forget(const std::string& key) { windows_.erase(key); }

 private:
  struct Window {
    int attempts = 0;
    ThrottleClock::time_point opened;
  };
  int limit_;
  std::chrono::seconds window_;
  std::size_t max_keys_;
  std::unordered_map<std::string, Window> windows_;
};

// AttemptWindows for one kind of key, shared between threads: take() checks and counts at once,
// so concurrent requests cannot all pass a check made before any of them was counted.
class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window, std::size_t max_keys = 100000)
      : windows_(limit, window, max_keys) {}

  // nullopt: counted, go ahead; else how long to wait.
  std::optional<std::chrono::seconds> take(const std::string& key, ThrottleClock::time_point now);
  void give_back(const std::string& key);

 private:
  std::mutex mutex_;
  AttemptWindows windows_;
};

}  // namespace clipgen::auth

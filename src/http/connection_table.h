#pragma once
// Open connections counted overall and per client address, so that one client (or everyone
// together) cannot hold more than its share of the server's sockets. Thread-safe.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace clipgen::http {

class ConnectionTable {
 public:
  ConnectionTable(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // Counts a new connection from `address` unless that would pass a limit (then counts a refusal).
  bool admit(const std::string& address);
  void release(const std::string& address);
  void set_max_total(std::size_t max_total);

  std::size_t open() const;
  std::uint64_t refused() const;

 private:
  mutable std::mutex mutex_;
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::size_t open_ = 0;
  std::uint64_t refused_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace clipgen::http

#include "http/connection_table.h"

namespace clipgen::http {

bool ConnectionTable::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto& from_address = per_address_[address];
  if (open_ >= max_total_ || from_address >= max_per_address_) {
    if (from_address == 0) per_address_.erase(address);
    ++refused_;
    return false;
  }
  ++from_address;
  ++open_;
  return true;
}

void ConnectionTable::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);
  --open_;
}

void ConnectionTable::set_max_total(std::size_t max_total) {
  std::lock_guard lock(mutex_);
  max_total_ = max_total;
}

std::size_t ConnectionTable::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::uint64_t ConnectionTable::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace clipgen::http

#include "storage/storage_key.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

namespace clipgen::storage {

void check_key(const std::string& key) {
  auto reject = [&](std::string_view why) {
    throw std::invalid_argument(fmt::format("storage key '{}' is not allowed: {}", key, why));
  };
  if (key.empty()) reject("it is empty");
  if (key.front() == '/') reject("it starts with '/'");
  for (unsigned char c : key)
    if (c < 0x20 || c == 0x7f) reject("it contains a control character");
  std::string_view rest = key;
  while (true) {
    const auto slash = rest.find('/');
    const auto segment = rest.substr(0, slash);
    if (segment.empty()) reject("it has an empty path segment");
    if (segment == "." || segment == "..") reject("it has a '.' or '..' segment");
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
}

}  // namespace clipgen::storage

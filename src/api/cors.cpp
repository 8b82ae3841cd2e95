#include "api/cors.h"

#include <algorithm>
#include <sstream>

namespace clipgen::api {

std::optional<std::string> allowed_origin(const std::vector<std::string>& allowed, const std::string& origin) {
  if (origin.empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), origin) != allowed.end()) return origin;
  if (std::find(allowed.begin(), allowed.end(), "*") != allowed.end()) return "*";
  return std::nullopt;
}

std::vector<std::string> parse_origins(const std::string& list) {
  std::vector<std::string> origins;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
    while (item.size() > 1 && item.back() == '/') item.pop_back();
    origins.push_back(item);
  }
  return origins;
}

}  // namespace clipgen::api

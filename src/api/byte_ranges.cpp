#include "api/byte_ranges.h"

#include <algorithm>

namespace clipgen::api {

bool ranges_satisfiable(const httplib::Ranges& ranges, std::uintmax_t size) {
  return std::none_of(ranges.begin(), ranges.end(), [size](const auto& range) {
    const auto [first, last] = range;
    const bool suffix = first < 0;
    return (!suffix && static_cast<std::uintmax_t>(first) >= size) || (suffix && (last <= 0 || size == 0)) ||
           (!suffix && last >= 0 && last < first);
  });
}

}  // namespace clipgen::api

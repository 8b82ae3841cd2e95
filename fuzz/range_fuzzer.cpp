// Range header values: httplib's parser, then the 416 decision (api/byte_ranges.h).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/byte_ranges.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // The first two bytes pick the file's size; the rest is the header value.
  const std::uintmax_t file_size = data[0] | (data[1] << 8);
  const std::string header(reinterpret_cast<const char*>(data + 2), size - 2);
  httplib::Ranges ranges;
  if (!httplib::detail::parse_range_header(header, ranges)) return 0;
  if (!clipgen::api::ranges_satisfiable(ranges, file_size)) return 0;
  // A satisfiable range starts inside the file.
  for (const auto& [first, last] : ranges) {
    if (first >= 0 && static_cast<std::uintmax_t>(first) >= file_size) std::abort();
    if (first < 0 && (last <= 0 || file_size == 0)) std::abort();
  }
  return 0;
}

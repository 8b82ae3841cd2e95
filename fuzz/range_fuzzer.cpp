// Range header values as the HTTP front plans a file's answer (http/byte_ranges.h). A partial
// plan must be what the header promises: at most max_ranges ranges inside the file, sorted,
// disjoint and not touching; and written back as a header, it must plan to itself.
#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/byte_ranges.h"

namespace {

constexpr std::size_t kMaxRanges = 8;  // the server's default (http::Limits::max_ranges)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // The first two bytes pick the file's size; the rest is the header value.
  const std::uint64_t file_size = data[0] | (data[1] << 8);
  const std::string header(reinterpret_cast<const char*>(data + 2), size - 2);
  using Kind = clipgen::http::RangePlan::Kind;
  const auto plan = clipgen::http::plan_ranges(header, file_size, kMaxRanges);
  if (plan.kind != Kind::partial) {
    if (!plan.ranges.empty()) std::abort();
    return 0;
  }
  if (plan.ranges.empty() || plan.ranges.size() > kMaxRanges) std::abort();
  std::string again = "bytes=";
  for (std::size_t i = 0; i < plan.ranges.size(); ++i) {
    const auto& range = plan.ranges[i];
    if (range.first > range.last || range.last >= file_size) std::abort();
    if (i > 0 && range.first <= plan.ranges[i - 1].last + 1) std::abort();
    again += fmt::format("{}{}-{}", i > 0 ? "," : "", range.first, range.last);
  }
  const auto replanned = clipgen::http::plan_ranges(again, file_size, kMaxRanges);
  if (replanned.kind != Kind::partial || replanned.ranges != plan.ranges) std::abort();
  return 0;
}

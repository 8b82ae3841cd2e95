#pragma once
// What to send for a Range header (RFC 9110 section 14) on a file of known size. Pure.
// - No header, another unit, a malformed header, or more than `max_ranges` ranges: the whole
//   file (200). The RFC lets a server ignore a Range header, and many tiny ranges are how one
//   small request asks for a huge answer.
// - No range overlaps the file: unsatisfiable (416, with "Content-Range: bytes */<size>").
// - Otherwise the ranges that overlap the file, clamped to it, sorted, and merged where they
//   overlap or touch, so no byte is sent twice (206).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace clipgen::http {

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
  std::uint64_t length() const { return last - first + 1; }
  bool operator==(const ByteRange&) const = default;
};

struct RangePlan {
  enum class Kind { whole, partial, unsatisfiable };
  Kind kind = Kind::whole;
  std::vector<ByteRange> ranges;  // partial: at least one, sorted, disjoint and not touching
};

RangePlan plan_ranges(std::string_view header, std::uint64_t size, std::size_t max_ranges);

}  // namespace clipgen::http

#include "http/byte_ranges.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "http/headers.h"

namespace clipgen::http {
namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Digits only (no sign, no spaces); nullopt when empty, not a number or too large.
std::optional<std::uint64_t> number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct Spec {
  bool valid = false;
  std::optional<ByteRange> range;  // nullopt: valid but outside the file
};

// One "first-last", "first-" or "-suffix" against a file of `size` bytes.
Spec resolve(std::string_view spec, std::uint64_t size) {
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  const auto first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
  if (first_text.empty()) {  // the last N bytes
    const auto suffix = number(last_text);
    if (!suffix) return {};
    if (*suffix == 0 || size == 0) return {true, std::nullopt};
    return {true, ByteRange{size - std::min(*suffix, size), size - 1}};
  }
  const auto first = number(first_text);
  const auto last = last_text.empty() ? std::optional<std::uint64_t>(UINT64_MAX) : number(last_text);
  if (!first || !last || *last < *first) return {};
  if (*first >= size) return {true, std::nullopt};
  return {true, ByteRange{*first, std::min(*last, size - 1)}};
}

}  // namespace

RangePlan plan_ranges(std::string_view header, std::uint64_t size, std::size_t max_ranges) {
  const RangePlan whole;
  const auto equals = header.find('=');
  if (equals == std::string_view::npos || !iequals(trim(header.substr(0, equals)), "bytes")) return whole;
  std::vector<ByteRange> ranges;
  std::size_t specs = 0;
  std::string_view rest = header.substr(equals + 1);
  while (true) {
    const auto comma = rest.find(',');
    const auto spec = trim(rest.substr(0, comma));
    if (!spec.empty()) {  // the list syntax allows empty elements
      if (++specs > max_ranges) return whole;
      const auto resolved = resolve(spec, size);
      if (!resolved.valid) return whole;
      if (resolved.range) ranges.push_back(*resolved.range);
    }
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (specs == 0) return whole;
  if (ranges.empty()) return {RangePlan::Kind::unsatisfiable, {}};
  std::sort(ranges.begin(), ranges.end(), [](const ByteRange& a, const ByteRange& b) { return a.first < b.first; });
  std::vector<ByteRange> merged = {ranges.front()};
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].first <= merged.back().last + 1) {
      merged.back().last = std::max(merged.back().last, ranges[i].last);
    } else {
      merged.push_back(ranges[i]);
    }
  }
  return {RangePlan::Kind::partial, std::move(merged)};
}

}  // namespace clipgen::http

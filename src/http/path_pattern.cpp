#include "http/path_pattern.h"

#include <algorithm>
#include <stdexcept>

namespace clipgen::http {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_token(std::string_view text) {
  constexpr std::size_t kMacDigits = 64;
  const auto dot = text.find('.');
  if (dot == 0 || dot == std::string_view::npos) return false;
  const auto payload = text.substr(0, dot), mac = text.substr(dot + 1);
  return std::all_of(payload.begin(), payload.end(), is_base64url) && mac.size() == kMacDigits &&
         std::all_of(mac.begin(), mac.end(), is_hex);
}

// "/a/b" -> "a", "b"; the leading '/' is required and not a segment.
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

PathPattern::PathPattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("a route pattern starts with '/'");
  const auto parts = split(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parts[i];
    if (part == "{id}") {
      segments_.push_back({Kind::id, {}});
    } else if (part == "{token}") {
      segments_.push_back({Kind::token, {}});
    } else if (part == "*") {
      if (i + 1 != parts.size()) throw std::invalid_argument("'*' must be the last segment of a route pattern");
      segments_.push_back({Kind::rest, {}});
    } else if (part.find_first_of("{}*") != std::string_view::npos) {
      throw std::invalid_argument("unknown placeholder in route pattern " + std::string(pattern));
    } else {
      segments_.push_back({Kind::literal, std::string(part)});
    }
  }
}

std::optional<std::vector<std::string>> PathPattern::match(std::string_view path) const {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> params;
  std::size_t start = 1;  // where the next segment begins in `path`
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const Segment& segment = segments_[i];
    if (start > path.size()) return std::nullopt;  // the path ended early
    if (segment.kind == Kind::rest) {
      const auto rest = path.substr(start);
      if (rest.empty()) return std::nullopt;
      params.emplace_back(rest);
      return params;
    }
    const auto end = std::min(path.find('/', start), path.size());
    const auto part = path.substr(start, end - start);
    switch (segment.kind) {
      case Kind::literal:
        if (part != segment.text) return std::nullopt;
        break;
      case Kind::id:
        if (!is_uuid(part)) return std::nullopt;
        params.emplace_back(part);
        break;
      case Kind::token:
        if (!is_token(part)) return std::nullopt;
        params.emplace_back(part);
        break;
      case Kind::rest: break;
    }
    start = end + 1;
  }
  return start == path.size() + 1 ? std::optional(params) : std::nullopt;  // no segments left over
}

}  // namespace clipgen::http

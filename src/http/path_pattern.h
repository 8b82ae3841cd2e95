#pragma once
// Route patterns such as "/api/videos/{id}/jobs", matched against a decoded path segment by
// segment. Placeholders each match one whole segment, and only text of their kind, so a path can
// never smuggle "../" or odd characters into a route's parameters:
//   {id}     a lowercase UUID (8-4-4-4-12 hex digits)
//   {token}  a signed token: base64url text, '.', a 64-hex-digit MAC (upload ids)
//   *        as the last segment only: the rest of the path, at least one character ("/files/*";
//            "/*" matches every path but "/")
// Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clipgen::http {

class PathPattern {
 public:
  // Throws std::invalid_argument for an unknown {placeholder} or a '*' that is not last.
  explicit PathPattern(std::string_view pattern);

  // What the placeholders matched, in order (the rest of the path for '*'), or nullopt.
  std::optional<std::vector<std::string>> match(std::string_view path) const;

 private:
  enum class Kind { literal, id, token, rest };
  struct Segment {
    Kind kind;
    std::string text;  // literal segments
  };
  std::vector<Segment> segments_;
};

}  // namespace clipgen::http

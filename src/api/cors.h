#pragma once
// Which browser origins may call the API (CLIPGEN_CORS_ORIGINS). Pure.
#include <optional>
#include <string>
#include <vector>

namespace clipgen::api {

// The value for Access-Control-Allow-Origin when `origin` may call us: the origin itself when
// listed, "*" when the list holds "*", nothing otherwise (same-origin requests need no header).
std::optional<std::string> allowed_origin(const std::vector<std::string>& allowed, const std::string& origin);

// "https://a.example, https://b.example" -> the origins, trailing slashes dropped.
std::vector<std::string> parse_origins(const std::string& list);

}  // namespace clipgen::api

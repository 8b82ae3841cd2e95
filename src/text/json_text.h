#pragma once
// JSON to text without exceptions: nlohmann::json::dump() throws on a string that is not
// UTF-8, and a stored name from before intake normalised names (or any other bad byte) must
// never turn a listing into a 500. Every place clipgen writes JSON goes through here.
#include <nlohmann/json.hpp>
#include <string>

namespace clipgen::text {

// Compact JSON (or indented by `indent` spaces); ill-formed UTF-8 inside strings becomes U+FFFD.
std::string to_json_text(const nlohmann::json& value, int indent = -1);

}  // namespace clipgen::text

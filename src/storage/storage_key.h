#pragma once
// The one rule every backend applies to object keys. Pure.
#include <string>

namespace clipgen::storage {

// Throws std::invalid_argument naming the key when it is empty, starts with '/', has a ".."
// or "." segment, an empty segment, or a control character; such a key could escape the
// data folder or mean different objects on different backends.
void check_key(const std::string& key);

}  // namespace clipgen::storage

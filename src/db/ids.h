#pragma once
// Row ids: random (version 4) UUIDs from libsodium's CSPRNG, e.g.
// "3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c". Unguessable, so ids may appear in URLs.
#include <string>
#include <string_view>

namespace clipgen::db {

std::string new_id();
// True for the lowercase canonical form new_id() produces; use it to reject junk ids early.
bool is_id(std::string_view text);

}  // namespace clipgen::db

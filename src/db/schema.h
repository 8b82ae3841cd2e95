#pragma once
// The migrations themselves: numbered, in order, never edited once released (add a new one).
#include <string_view>
#include <vector>

namespace clipgen::db {

struct Migration {
  int version = 0;
  std::string_view name;
  // One statement each: SOCI runs a single statement per call on both backends.
  std::vector<std::string_view> statements;
};

const std::vector<Migration>& migrations();

}  // namespace clipgen::db

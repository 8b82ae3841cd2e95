#pragma once
// The migrations themselves: numbered, in order, never edited once released (add a new one).
#include <soci/soci.h>

#include <string_view>
#include <vector>

namespace clipgen::db {

struct Migration {
  int version = 0;
  std::string_view name;
  // One statement each: SOCI runs a single statement per call on both backends.
  std::vector<std::string_view> statements;
  // The number it was recorded under by a branch that ran it before it was renumbered (0:
  // none). A database holding it under that number and this name is renumbered first.
  int formerly = 0;
  // Run after the statements, in the same transaction, where the two dialects' SQL differs
  // (reading JSON kept as TEXT); nullptr: none.
  void (*backfill)(soci::session& sql) = nullptr;
};

const std::vector<Migration>& migrations();

}  // namespace clipgen::db

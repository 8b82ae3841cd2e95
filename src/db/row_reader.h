#pragma once
// Reads a SOCI row column by column in order, whatever integer width each backend reports
// (SQLite and PostgreSQL name the same declared type differently). Internal to db.
#include <soci/soci.h>

#include <cstddef>
#include <optional>
#include <string>

#include "db/timestamp.h"

namespace clipgen::db {

class RowReader {
 public:
  explicit RowReader(const soci::row& row) : row_(row) {}

  std::string text();
  long long integer();
  double real();
  bool flag() { return integer() != 0; }
  Timestamp time() { return from_millis(integer()); }
  std::optional<Timestamp> optional_time();
  std::optional<std::string> optional_text();

 private:
  const soci::row& row_;
  std::size_t column_ = 0;
};

}  // namespace clipgen::db

#pragma once
// A transaction that takes the write lock up front. On SQLite a deferred transaction that
// reads and then writes can fail with SQLITE_BUSY at once instead of waiting (the lock
// upgrade would deadlock), so every writing transaction starts with BEGIN IMMEDIATE there.
// Rolls back unless committed.
#include <soci/soci.h>

#include "db/database.h"

namespace clipgen::db {

class WriteTransaction {
 public:
  WriteTransaction(soci::session& sql, Dialect dialect);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

}  // namespace clipgen::db

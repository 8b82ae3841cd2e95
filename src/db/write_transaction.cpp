#include "db/write_transaction.h"

namespace clipgen::db {

WriteTransaction::WriteTransaction(soci::session& sql, Dialect dialect) : sql_(sql) {
  sql_ << (dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    sql_ << "ROLLBACK";
  } catch (const soci::soci_error&) {
    // The connection is gone; the server has rolled back already.
  }
}

void WriteTransaction::commit() {
  sql_ << "COMMIT";
  open_ = false;
}

}  // namespace clipgen::db

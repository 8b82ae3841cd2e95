#include "db/prepared_statements.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace clipgen::db {

void reset_sqlite_statement(soci::statement& statement) noexcept {
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
  // sqlite3_reset repeats the last step's error, which the step already reported.
  if (backend->stmt_) sqlite3_reset(backend->stmt_);
}

}  // namespace clipgen::db

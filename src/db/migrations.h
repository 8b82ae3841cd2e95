#pragma once
// Numbered schema migrations, embedded in the binary (db/schema.cpp), one set for SQLite and
// PostgreSQL. The pending ones (every one not recorded in schema_migrations, after renumbering
// those recorded under a former number: db/schema.h) are applied in order in one transaction
// (all or none) and recorded there.
#include "db/database.h"

namespace clipgen::db {

// Applies every migration not yet recorded; idempotent and safe when several processes start
// at once (PostgreSQL: an advisory lock; SQLite: an IMMEDIATE transaction). Returns how many
// it applied. Throws std::runtime_error naming the failing migration.
int migrate(Database& db);

// The highest migration applied (0 on an empty database) and the highest this binary knows.
int schema_version(Database& db);
int latest_schema_version();

}  // namespace clipgen::db

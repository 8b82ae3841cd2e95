#include "db/migrations.h"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "db/schema.h"
#include "db/timestamp.h"
#include "db/write_transaction.h"

namespace clipgen::db {
namespace {

// Any constant works; it only has to be the same in every clipgen process.
constexpr long long kMigrationLockKey = 0x636c697067656e;  // "clipgen"

bool has_migrations_table(soci::session& sql, Dialect dialect) {
  int count = 0;
  if (dialect == Dialect::sqlite) {
    sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", soci::into(count);
  } else {
    sql << "SELECT count(*) FROM information_schema.tables "
           "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
        soci::into(count);
  }
  return count > 0;
}

std::set<int> applied_versions(soci::session& sql) {
  std::set<int> versions;
  const soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations");
  for (const int version : rows) versions.insert(version);
  return versions;
}

// A migration renumbered after some database ran it under its former number is moved to its
// number now (matched by name, so another migration that has the former number is left alone).
void renumber(soci::session& sql, const Migration& migration) {
  const std::string name(migration.name);
  sql << "UPDATE schema_migrations SET version = :now WHERE version = :formerly AND name = :name",
      soci::use(migration.version), soci::use(migration.formerly), soci::use(name);
}

int applied_version(soci::session& sql) {
  int version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT max(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_null ? 0 : version;
}

}  // namespace

int migrate(Database& db) {
  auto sql = db.session();
  WriteTransaction tx(sql, db.dialect());
  // PostgreSQL: serialize concurrent starters; SQLite: BEGIN IMMEDIATE already did.
  if (db.dialect() == Dialect::postgresql) sql << "SELECT pg_advisory_xact_lock(" << kMigrationLockKey << ")";
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
  for (const auto& migration : migrations())
    if (migration.formerly != 0) renumber(sql, migration);
  // Each one not yet recorded, in order: after a renumbering, one below the highest may be missing.
  const auto done = applied_versions(sql);
  int applied = 0;
  for (const auto& migration : migrations()) {
    if (done.contains(migration.version)) continue;
    try {
      for (const auto statement : migration.statements) sql << std::string(statement);
      if (migration.backfill) migration.backfill(sql);
      const std::string name(migration.name);
      const long long at = to_millis(now());
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(migration.version), soci::use(name), soci::use(at);
    } catch (const std::exception& e) {
      throw std::runtime_error(fmt::format("database migration {} ({}) failed on {}: {}", migration.version,
                                           migration.name, db.display_name(), e.what()));
    }
    ++applied;
  }
  tx.commit();
  return applied;
}

int schema_version(Database& db) {
  auto sql = db.session();
  return has_migrations_table(sql, db.dialect()) ? applied_version(sql) : 0;
}

int latest_schema_version() { return migrations().back().version; }

}  // namespace clipgen::db

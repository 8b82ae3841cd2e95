#pragma once
// The service's database: SQLite (a file in the data dir, the default) or PostgreSQL (when
// DATABASE_URL names one), reached through a small pool of SOCI sessions shared by threads. Each
// pooled connection keeps the statements prepared on it (db/prepared_statements.h).
#include <soci/soci.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace clipgen::db {

class PreparedStatements;

enum class Dialect { sqlite, postgresql };

// Where to connect, decoded from a URL:
//   postgresql://user:pass@host:port/db  (also postgres://; handed to libpq as is)
//   sqlite:///absolute/path.db, sqlite://relative/path.db or sqlite:path.db
struct ConnectionTarget {
  Dialect dialect = Dialect::sqlite;
  std::string postgresql_uri;          // PostgreSQL: the URL (libpq syntax, ?sslmode=... allowed)
  std::filesystem::path sqlite_file;   // SQLite: the database file
};

// Throws std::invalid_argument naming what is wrong with `url` (never echoing a password).
ConnectionTarget parse_database_url(std::string_view url);

// The URL of the default SQLite file inside the data dir: sqlite://<data_dir>/clipgen.db.
std::string default_sqlite_url(const std::filesystem::path& data_dir);

namespace detail {
class ConnectionPool;
struct PooledConnection;

// Holds one of the pool's connections from construction to destruction (blocks while all are lent
// out). Session's first base, so the connection goes back only once the soci::session on it is gone.
class ConnectionLease {
 public:
  explicit ConnectionLease(ConnectionPool& pool);
  ~ConnectionLease();
  ConnectionLease(const ConnectionLease&) = delete;
  ConnectionLease& operator=(const ConnectionLease&) = delete;

 protected:
  PooledConnection& connection() { return *connection_; }

 private:
  ConnectionPool& pool_;
  PooledConnection* connection_;
};
}  // namespace detail

// A session borrowed from the pool for the lifetime of the object. A PostgreSQL connection that
// the server closed (a restart, a failover, an administrator ending it) is reopened before it is
// lent: libpq only notices a dead connection when a query on it fails. Throws std::exception
// (soci_error) when the server cannot be reached.
class Session : private detail::ConnectionLease, public soci::session {
 public:
  Session(detail::ConnectionPool& pool, Dialect dialect);

  // The statements prepared on this pooled connection (db/prepared_statements.h).
  PreparedStatements& prepared();
};

struct DatabaseOptions {
  std::size_t pool_size = 8;  // sessions opened up front; callers wait while all are lent out
  int busy_timeout_s = 10;    // SQLite: how long a writer waits for the lock
};

class Database {
 public:
  // Opens every pooled session (SQLite: WAL, foreign keys on, busy timeout; the file's folder
  // is created). Throws std::runtime_error naming the database when it cannot connect.
  explicit Database(std::string_view url, DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  // Borrows a session for the lifetime of the returned object (blocks while all are busy):
  //   auto sql = db.session(); sql << "select 1";
  Session session() { return Session(*pool_, dialect_); }
  // For log lines: the URL with any password hidden.
  const std::string& display_name() const { return display_name_; }

 private:
  Dialect dialect_;
  std::string display_name_;
  std::unique_ptr<detail::ConnectionPool> pool_;
};

}  // namespace clipgen::db

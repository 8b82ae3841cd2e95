#include "db/database.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <poll.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "db/prepared_statements.h"

namespace fs = std::filesystem;

namespace clipgen::db {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string hide_password(std::string_view url) {
  const auto scheme_end = url.find("://");
  const auto at = url.find('@');
  if (scheme_end == std::string_view::npos || at == std::string_view::npos || at < scheme_end) return std::string(url);
  const auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}***{}", url.substr(0, colon + 1), url.substr(at));
}

// libpq reads URLs itself, but SOCI 4.0 splits its connect string at spaces and '=' first and
// mangles a URL. So let libpq parse the URL and hand SOCI keyword='value' pairs.
std::string postgresql_conninfo(const std::string& url, const std::string& display_name) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(url.c_str(), &error),
                                                                        &PQconninfoFree);
  if (!options) {
    const std::string reason = error ? error : "out of memory";
    PQfreemem(error);
    throw std::invalid_argument(fmt::format("DATABASE_URL {} is not a valid PostgreSQL URL: {}", display_name, reason));
  }
  std::string conninfo;
  for (const auto* option = options.get(); option->keyword; ++option) {
    if (!option->val) continue;
    std::string quoted;
    for (const char c : std::string_view(option->val)) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    conninfo += fmt::format("{}{}='{}'", conninfo.empty() ? "" : " ", option->keyword, quoted);
  }
  return conninfo;
}

// True when the server has closed this idle connection. An idle connection has nothing to read
// unless the server sent its goodbye ("terminating connection due to administrator command")
// or closed the socket; reading that input tells a closed connection from a stray notice. One
// read can take the goodbye and leave the end of the stream for the next (libpq reports the
// closed socket only on a read that finds nothing), so read while there is input, a few times.
bool postgresql_connection_lost(PGconn* connection) {
  for (int reads = 0; reads < 4; ++reads) {
    if (PQstatus(connection) != CONNECTION_OK) return true;
    pollfd socket{PQsocket(connection), POLLIN, 0};
    if (::poll(&socket, 1, 0) <= 0) return false;
    if (PQconsumeInput(connection) == 0) return true;
  }
  return PQstatus(connection) != CONNECTION_OK;
}

}  // namespace

namespace detail {

// A SOCI pool of one gives Session SOCI's pooled-session behaviour on exactly this connection.
struct PooledConnection {
  explicit PooledConnection(Dialect dialect) : statements(sessions.at(0), dialect) {}
  soci::connection_pool sessions{1};
  PreparedStatements statements;
};

// Lends connections most recently given back first: theirs are the statements prepared lately.
class ConnectionPool {
 public:
  ConnectionPool(std::size_t size, Dialect dialect) {
    for (std::size_t i = 0; i < size; ++i) {
      connections_.push_back(std::make_unique<PooledConnection>(dialect));
      free_.push_back(connections_.back().get());
    }
  }
  PooledConnection& at(std::size_t i) { return *connections_[i]; }
  std::size_t size() const { return connections_.size(); }

  PooledConnection* lease() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !free_.empty(); });
    PooledConnection* connection = free_.back();
    free_.pop_back();
    return connection;
  }
  void give_back(PooledConnection* connection) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(connection);
    }
    returned_.notify_one();
  }

 private:
  std::vector<std::unique_ptr<PooledConnection>> connections_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<PooledConnection*> free_;
};

ConnectionLease::ConnectionLease(ConnectionPool& pool) : pool_(pool), connection_(pool.lease()) {}

ConnectionLease::~ConnectionLease() { pool_.give_back(connection_); }

}  // namespace detail

Session::Session(detail::ConnectionPool& pool, Dialect dialect)
    : detail::ConnectionLease(pool), soci::session(connection().sessions) {
  if (dialect != Dialect::postgresql) return;
  // No backend: an earlier reopening failed (the server was still down).
  auto* backend = static_cast<soci::postgresql_session_backend*>(get_backend());
  if (backend && !postgresql_connection_lost(backend->conn_)) return;
  prepared().clear();  // while the old connection's backend, which they refer to, still exists
  reconnect();
}

PreparedStatements& Session::prepared() { return connection().statements; }

ConnectionTarget parse_database_url(std::string_view url) {
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return {Dialect::postgresql, std::string(url), {}};
  }
  std::string_view path;
  if (starts_with(url, "sqlite://")) {
    path = url.substr(9);
  } else if (starts_with(url, "sqlite:")) {
    path = url.substr(7);
  } else {
    throw std::invalid_argument(fmt::format(
        "DATABASE_URL {} is not understood: use postgresql://user:password@host:port/database "
        "or sqlite:///path/to/file.db",
        hide_password(url)));
  }
  if (path.empty()) throw std::invalid_argument("DATABASE_URL names no SQLite file: use sqlite:///path/to/file.db");
  if (path.find('"') != std::string_view::npos)
    throw std::invalid_argument("the SQLite file name in DATABASE_URL may not contain a double quote");
  return {Dialect::sqlite, {}, fs::path(path)};
}

std::string default_sqlite_url(const fs::path& data_dir) {
  return "sqlite://" + (data_dir / "clipgen.db").string();
}

Database::Database(std::string_view url, DatabaseOptions options) : display_name_(hide_password(url)) {
  const auto target = parse_database_url(url);
  dialect_ = target.dialect;
  if (options.pool_size == 0) throw std::invalid_argument("the database pool needs at least one session");
  std::string connect_string;
  if (dialect_ == Dialect::postgresql) {
    connect_string = postgresql_conninfo(target.postgresql_uri, display_name_);
  } else {
    if (target.sqlite_file.has_parent_path()) fs::create_directories(target.sqlite_file.parent_path());
    connect_string = fmt::format("db=\"{}\" timeout={}", target.sqlite_file.string(), options.busy_timeout_s);
  }
  pool_ = std::make_unique<detail::ConnectionPool>(options.pool_size, dialect_);
  try {
    for (std::size_t i = 0; i < options.pool_size; ++i) {
      auto& session = pool_->at(i).sessions.at(0);
      if (dialect_ == Dialect::sqlite) {
        session.open(soci::sqlite3, connect_string);
        // WAL lets readers run beside the one writer; NORMAL sync is durable enough with WAL.
        session << "PRAGMA journal_mode=WAL";
        session << "PRAGMA synchronous=NORMAL";
        session << "PRAGMA foreign_keys=ON";
      } else {
        session.open(soci::postgresql, connect_string);
      }
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("cannot open the database {}: {}", display_name_, e.what()));
  }
}

Database::~Database() = default;

}  // namespace clipgen::db

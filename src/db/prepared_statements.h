#pragma once
// Statements prepared once on a pooled connection and run again with new values. Preparing costs
// more than running a lookup by key: SQLite parses and plans the SQL every time, and SOCI's
// PostgreSQL backend spends three round trips (PREPARE, EXECUTE, DEALLOCATE) on a query run once.
// Under `clipgen serve` that was a third of an authenticated GET's CPU. Internal to db.
#include <soci/soci.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>

#include "db/database.h"

namespace clipgen::db {

// A query with placeholders of types Params..., in order. SOCI binds by address, so it owns the
// variables its placeholders and its result row are bound to, and must stay where it was made.
template <typename... Params>
class PreparedQuery {
 public:
  PreparedQuery(soci::session& pooled, Dialect dialect, const std::string& query)
      : dialect_(dialect), statement_(pooled) {
    std::apply([this](auto&... value) { (statement_.exchange(soci::use(value)), ...); }, values_);
    statement_.exchange(soci::into(row_));
    statement_.alloc();
    statement_.prepare(query);
    statement_.define_and_bind();
  }
  PreparedQuery(const PreparedQuery&) = delete;
  PreparedQuery& operator=(const PreparedQuery&) = delete;

  // Runs the query with `values` and calls `each(row)` for each row until it returns false.
  template <typename Each>
  void run(Each&& each, const Params&... values) {
    values_ = std::tie(values...);
    const Finish finish{*this};
    for (bool more = statement_.execute(true); more && each(static_cast<const soci::row&>(row_));)
      more = statement_.fetch();
  }

 private:
  // SQLite: a statement not yet reset holds its read transaction open, and every later query on
  // the connection would see the database as it was then.
  struct Finish {
    PreparedQuery& query;
    ~Finish() { query.reset(); }
  };
  void reset() noexcept;

  Dialect dialect_;
  std::tuple<Params...> values_;
  soci::row row_;
  soci::statement statement_;
};

// One pooled connection's prepared statements, by their SQL text. Only one thread at a time uses
// them: the one holding the connection.
class PreparedStatements {
 public:
  // `pooled`: the connection's own session (statements keep a reference to it).
  PreparedStatements(soci::session& pooled, Dialect dialect) : pooled_(pooled), dialect_(dialect) {}

  // Runs `query` with `values` (prepared on first use) and calls `each(row)` for each row until
  // it returns false. A statement that failed is dropped: its state is unknown.
  template <typename Each, typename... Params>
  void run(const std::string& query, Each&& each, const Params&... values) {
    try {
      statement<Params...>(query).run(each, values...);
    } catch (...) {
      statements_.erase(query);
      throw;
    }
  }

  // Before the connection is reopened: its statements belong to the old one.
  void clear() { statements_.clear(); }

 private:
  struct Entry {
    virtual ~Entry() = default;
  };
  template <typename... Params>
  struct TypedEntry : Entry {
    TypedEntry(soci::session& pooled, Dialect dialect, const std::string& text) : query(pooled, dialect, text) {}
    PreparedQuery<Params...> query;
  };
  // Queries come from the code, not from input; the bound only guards against a caller that
  // builds its SQL text from values.
  static constexpr std::size_t kMaxStatements = 64;

  template <typename... Params>
  PreparedQuery<Params...>& statement(const std::string& query) {
    auto found = statements_.find(query);
    if (found == statements_.end()) {
      if (statements_.size() >= kMaxStatements) statements_.clear();
      found = statements_.emplace(query, std::make_unique<TypedEntry<Params...>>(pooled_, dialect_, query)).first;
    }
    auto* typed = dynamic_cast<TypedEntry<Params...>*>(found->second.get());
    if (!typed) throw std::logic_error("a prepared query was run with other parameter types: " + query);
    return typed->query;
  }

  soci::session& pooled_;
  Dialect dialect_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> statements_;
};

// Resets the SQLite statement (declared here, defined in prepared_statements.cpp, where the
// SQLite backend's header is).
void reset_sqlite_statement(soci::statement& statement) noexcept;

template <typename... Params>
void PreparedQuery<Params...>::reset() noexcept {
  if (dialect_ == Dialect::sqlite) reset_sqlite_statement(statement_);
}

}  // namespace clipgen::db

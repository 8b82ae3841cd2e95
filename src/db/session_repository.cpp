#include "db/session_repository.h"

#include "db/ids.h"
#include "db/row_queries.h"

namespace clipgen::db {

std::string SessionRepository::create(const std::string& user_id, Timestamp now_at, Timestamp expires_at) {
  const std::string id = new_id();
  const long long created = to_millis(now_at);
  const long long expires = to_millis(expires_at);
  auto sql = db_.session();
  sql << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(created);
  sql << "INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (:i, :u, :c, :e)", soci::use(id),
      soci::use(user_id), soci::use(created), soci::use(expires);
  return id;
}

bool SessionRepository::active(const std::string& session_id, const std::string& user_id, Timestamp now_at) {
  const long long at = to_millis(now_at);
  auto sql = db_.session();
  // Asked on every authenticated request: a prepared statement.
  return first_row(sql, "SELECT id FROM sessions WHERE id = :i AND user_id = :u AND expires_at > :now",
                   [](const soci::row&) { return true; }, session_id, user_id, at)
      .has_value();
}

void SessionRepository::remove(const std::string& session_id, const std::string& user_id) {
  auto sql = db_.session();
  sql << "DELETE FROM sessions WHERE id = :i AND user_id = :u", soci::use(session_id), soci::use(user_id);
}

void SessionRepository::remove_others(const std::string& user_id, const std::string& keep) {
  auto sql = db_.session();
  sql << "DELETE FROM sessions WHERE user_id = :u AND id <> :k", soci::use(user_id), soci::use(keep);
}

}  // namespace clipgen::db

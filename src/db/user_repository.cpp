#include "db/user_repository.h"

#include "db/ids.h"
#include "db/row_queries.h"
#include "db/row_reader.h"
#include "db/write_transaction.h"

namespace clipgen::db {
namespace {

constexpr const char* kColumns = "id, email, password_hash, created_at";

User read_user(const soci::row& row) {
  RowReader r(row);
  User user;
  user.id = r.text();
  user.email = r.text();
  user.password_hash = r.text();
  user.created_at = r.time();
  return user;
}

std::optional<User> find_one(Session& sql, std::string_view where, const std::string& value) {
  return first_row(sql, fmt::format("SELECT {} FROM users WHERE {} = :v", kColumns, where), read_user, value);
}

}  // namespace

User UserRepository::create(const std::string& email, const std::string& password_hash) {
  User user{new_id(), email, password_hash, now()};
  auto sql = db_.session();
  const long long created = to_millis(user.created_at);
  if (find_one(sql, "email", email)) throw DuplicateEmail(email);
  try {
    sql << "INSERT INTO users (id, email, password_hash, created_at) VALUES (:i, :e, :p, :c)", soci::use(user.id),
        soci::use(user.email), soci::use(user.password_hash), soci::use(created);
  } catch (const soci::soci_error&) {
    // Two registrations of one address raced past the check: the unique index stopped one.
    if (find_one(sql, "email", email)) throw DuplicateEmail(email);
    throw;
  }
  return user;
}

std::optional<User> UserRepository::find_by_email(const std::string& email) {
  auto sql = db_.session();
  return find_one(sql, "email", email);
}

std::optional<User> UserRepository::find_by_id(const std::string& id) {
  auto sql = db_.session();
  return find_one(sql, "id", id);
}

}  // namespace clipgen::db

namespace clipgen::db {

UserUsage UserRepository::usage(const std::string& id, Timestamp now_at) {
  auto sql = db_.session();
  return read_usage(sql, id, now_at);
}

void UserRepository::set_password_hash(const std::string& id, const std::string& password_hash) {
  auto sql = db_.session();
  sql << "UPDATE users SET password_hash = :p WHERE id = :i", soci::use(password_hash), soci::use(id);
}

bool UserRepository::remove(const std::string& id) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  if (!find_one(sql, "id", id)) return false;
  // Children before parents: the foreign keys are checked on every statement.
  for (const auto* table : {"clips", "transcripts", "given_transcripts", "jobs", "videos", "sessions"})
    sql << "DELETE FROM " << table << " WHERE user_id = :u", soci::use(id);
  sql << "DELETE FROM users WHERE id = :u", soci::use(id);
  tx.commit();
  return true;
}

}  // namespace clipgen::db

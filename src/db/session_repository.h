#pragma once
// Sign-in sessions: one row per token handed out. A token is only honoured while its row
// exists and has not expired, so deleting rows revokes tokens (logout: one; a password change:
// all others; account deletion: all).
#include <optional>
#include <string>

#include "db/database.h"
#include "db/timestamp.h"

namespace clipgen::db {

class SessionRepository {
 public:
  explicit SessionRepository(Database& db) : db_(db) {}

  // A new session of `user_id` valid until `expires_at`; returns its id. Also deletes sessions
  // that have expired, so the table holds live sessions only.
  std::string create(const std::string& user_id, Timestamp now, Timestamp expires_at);
  // True when the session exists, belongs to `user_id` and has not expired at `now`.
  bool active(const std::string& session_id, const std::string& user_id, Timestamp now);
  void remove(const std::string& session_id, const std::string& user_id);
  // Every session of the user but `keep` (empty: all of them).
  void remove_others(const std::string& user_id, const std::string& keep);

 private:
  Database& db_;
};

}  // namespace clipgen::db

#pragma once
// Accounts: an email (unique, stored lowercased) and an Argon2id password hash.
#include <optional>
#include <stdexcept>
#include <string>

#include "db/database.h"
#include "db/timestamp.h"
#include "db/user_usage.h"

namespace clipgen::db {

struct User {
  std::string id;
  std::string email;
  std::string password_hash;
  Timestamp created_at;
};

// Another account already uses this email (the API answers 409).
struct DuplicateEmail : std::runtime_error {
  explicit DuplicateEmail(const std::string& email)
      : std::runtime_error("an account with the email " + email + " already exists") {}
};

class UserRepository {
 public:
  explicit UserRepository(Database& db) : db_(db) {}

  // `email` must already be normalized (auth::normalize_email). Throws DuplicateEmail.
  User create(const std::string& email, const std::string& password_hash);
  std::optional<User> find_by_email(const std::string& email);
  std::optional<User> find_by_id(const std::string& id);
  // What the user has used at `now`, for quotas (a snapshot: the inserts check again, locked).
  UserUsage usage(const std::string& id, Timestamp now);
  void set_password_hash(const std::string& id, const std::string& password_hash);
  // Deletes the account with everything it owns (sessions, videos, jobs, clips, transcripts)
  // in one transaction. False when there is no such user. Stored files are the caller's to
  // remove: all of them live under storage_prefix(id).
  bool remove(const std::string& id);
  // "users/<id>/": the storage prefix of everything the user uploaded or had made.
  static std::string storage_prefix(const std::string& id) { return "users/" + id + "/"; }

 private:
  Database& db_;
};

}  // namespace clipgen::db

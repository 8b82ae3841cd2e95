#pragma once
// What a user has used, for quotas: read inside the write transaction that adds a video or a
// job, with the user's row locked, so that concurrent requests of one user are counted one
// after the other and a quota holds exactly. Internal to db.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <string>

#include "db/database.h"
#include "db/timestamp.h"

namespace clipgen::db {

struct UserUsage {
  int uploads_last_day = 0;       // videos created in the 24 hours before now
  std::uint64_t stored_bytes = 0; // originals and clips
  int active_jobs = 0;            // queued or running
};

// Called with the usage before the insert; throws to refuse it (the transaction rolls back).
using AdmitCheck = std::function<void(const UserUsage&)>;

// Serialises writers per user until the transaction ends (PostgreSQL: the user's row locked;
// SQLite: BEGIN IMMEDIATE already holds the only write lock). Throws when there is no such user.
void lock_user(soci::session& sql, Dialect dialect, const std::string& user_id);

UserUsage read_usage(soci::session& sql, const std::string& user_id, Timestamp now);

}  // namespace clipgen::db

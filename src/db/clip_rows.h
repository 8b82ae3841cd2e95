#pragma once
// Clip rows inside a caller's transaction, shared by ClipRepository and JobRepository (which
// must write clips and a job's status together).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "db/clip_repository.h"

namespace clipgen::db {

// Deletes the job's clips and inserts `clips`, filling in missing ids and created_at.
// Throws std::invalid_argument when a clip names another job or user.
void insert_clip(soci::session& sql, const Clip& clip);
std::optional<Clip> select_clip(Session& sql, const std::string& id, const std::string& user_id);

std::vector<Clip> write_job_clips(soci::session& sql, const std::string& job_id, const std::string& user_id,
                                  std::vector<Clip> clips);

}  // namespace clipgen::db

#pragma once
// Replacing a job's clips inside a caller's transaction, shared by ClipRepository and
// JobRepository::succeed (which must write the clips and the job's status together).
#include <soci/soci.h>

#include <string>
#include <vector>

#include "db/clip_repository.h"

namespace clipgen::db {

// Deletes the job's clips and inserts `clips`, filling in missing ids and created_at.
// Throws std::invalid_argument when a clip names another job or user.
std::vector<Clip> write_job_clips(soci::session& sql, const std::string& job_id, const std::string& user_id,
                                  std::vector<Clip> clips);

}  // namespace clipgen::db

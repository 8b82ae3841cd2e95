#pragma once
// How many jobs are in each status, for /metrics. (An adapter until db::JobRepository
// offers the count itself.)
#include <cstdint>
#include <map>
#include <string>

#include "db/database.h"

namespace clipgen::api {

std::map<std::string, std::int64_t> count_jobs_by_status(db::Database& db);

}  // namespace clipgen::api

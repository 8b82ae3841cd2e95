#include "api/job_counts.h"

#include "db/job.h"

namespace clipgen::api {

std::map<std::string, std::int64_t> count_jobs_by_status(db::Database& db) {
  // Every status appears, at 0 when no job has it, so dashboards see each series from the start.
  std::map<std::string, std::int64_t> counts;
  auto sql = db.session();
  for (const auto status : {db::JobStatus::queued, db::JobStatus::running, db::JobStatus::succeeded,
                            db::JobStatus::failed, db::JobStatus::canceled}) {
    const std::string name(db::to_string(status));
    long long count = 0;
    sql << "select count(*) from jobs where status = :status", soci::use(name), soci::into(count);
    counts[name] = count;
  }
  return counts;
}

}  // namespace clipgen::api

#include "jobs/queue.h"

namespace clipgen::jobs {

std::optional<db::Job> JobQueue::claim(const std::string& worker_id, db::Timestamp now) {
  jobs_.recover_expired(now, options_.max_attempts);
  return jobs_.claim(worker_id, now, now + options_.lease);
}

bool JobQueue::heartbeat(const std::string& job_id, const std::string& worker_id, db::Timestamp now) {
  return jobs_.renew_lease(job_id, worker_id, now + options_.lease);
}

std::optional<db::JobStatus> JobQueue::fail(const db::Job& job, const std::string& worker_id,
                                            const std::string& error, bool retryable, db::Timestamp now) {
  return jobs_.fail(job.id, worker_id, error, retryable, options_.max_attempts, now);
}

}  // namespace clipgen::jobs

#pragma once
// The job queue's policy over the jobs table: how long a lease lasts, how often a job may be
// tried, and the recovery of jobs whose worker died.
#include <chrono>
#include <optional>
#include <string>

#include "db/database.h"
#include "db/job.h"
#include "db/job_repository.h"
#include "db/timestamp.h"

namespace clipgen::jobs {

struct QueueOptions {
  std::chrono::milliseconds lease{std::chrono::seconds(60)};  // renewed every lease / 3
  int max_attempts = 3;
};

class JobQueue {
 public:
  explicit JobQueue(db::Database& db, QueueOptions options = {}) : jobs_(db), options_(options) {}

  const QueueOptions& options() const { return options_; }

  // First returns expired jobs to the queue (or fails them when out of attempts), then
  // claims the oldest queued job for `worker_id`. nullopt when nothing is queued.
  std::optional<db::Job> claim(const std::string& worker_id, db::Timestamp now);
  // Renews the lease; false when the worker must stop (canceled, deleted, taken over).
  bool heartbeat(const std::string& job_id, const std::string& worker_id, db::Timestamp now);
  // Records a failed attempt: back to the queue while attempts remain and `retryable`, else
  // failed with `error`. nullopt when the worker no longer held the job.
  std::optional<db::JobStatus> fail(const db::Job& job, const std::string& worker_id,
                                    const std::string& error, bool retryable, db::Timestamp now);

 private:
  db::JobRepository jobs_;
  QueueOptions options_;
};

}  // namespace clipgen::jobs

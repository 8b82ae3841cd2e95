#pragma once
// The jobs table: what users do with jobs (create, read, cancel) and what workers do
// (claim with a lease, renew it, report progress, finish). Queue policy (lease length, retry
// limits) lives in jobs/queue.h; the SQL, including each dialect's way to claim, lives here.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "db/clip_repository.h"
#include "db/database.h"
#include "db/job.h"
#include "db/timestamp.h"
#include "db/user_usage.h"

namespace clipgen::db {

// What a finished run hands back for the jobs row.
struct JobOutcome {
  std::vector<std::string> notes;
  long long llm_input_tokens = 0;
  long long llm_output_tokens = 0;
  double llm_cost_usd = 0;
  std::string transcript_engine;  // Transcript::engine of the words the clips came from
};

class JobRepository {
 public:
  explicit JobRepository(Database& db) : db_(db) {}

  // --- user side: every call filters by user_id --------------------------------------------
  // A queued job for the user's video (the caller checked the video is theirs). `admit`, when
  // given, sees the user's usage first (atomically with the insert) and throws to refuse.
  Job create(const std::string& video_id, const std::string& user_id, const nlohmann::json& settings,
             const AdmitCheck& admit = {});
  // A queued render job (kind render) for clip `clip_id` of the user's video, with the clip's
  // target values in `settings` (jobs::ClipEdit). `new_clip`, when given, is a hand-made clip
  // inserted with it (its job_id set to the job's). Atomic with the check that no render of
  // the clip is queued or running: nullopt (nothing written) when one is. `admit` as create().
  std::optional<Job> queue_render(const std::string& clip_id, const std::string& video_id, const std::string& user_id,
                                  const nlohmann::json& settings, const AdmitCheck& admit = {},
                                  std::optional<Clip> new_clip = std::nullopt);
  std::optional<Job> get(const std::string& id, const std::string& user_id);
  // Newest first; `video_id` empty: all of the user's jobs.
  std::vector<Job> list(const std::string& user_id, const std::string& video_id = {});
  // Moves a queued or running job to canceled (a running worker notices at its next lease
  // renewal or progress write and stops). Returns the job as it is now, nullopt when the user
  // has no such job; a job already final is returned unchanged.
  std::optional<Job> cancel(const std::string& id, const std::string& user_id, Timestamp now);

  // --- worker side: writes only succeed while `worker_id` holds the lease --------------------
  // Claims a queued job, taking turns between users so that one user's many jobs cannot hold
  // everyone else up: the job of the user with the fewest jobs running, among those the user
  // whose last job started longest ago (never: first), and that user's oldest job (jobs made
  // in the same millisecond in any order). Status running, attempts + 1, lease until `lease_until`.
  // Atomic across processes (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: BEGIN IMMEDIATE). On
  // PostgreSQL a claim made while others are taking the chosen user's last queued jobs finds
  // nothing; the worker's next poll claims again.
  std::optional<Job> claim(const std::string& worker_id, Timestamp now, Timestamp lease_until);
  // Extends the lease. False when the job is no longer this worker's to run (canceled,
  // deleted, or its lease expired and another took it): the worker must stop.
  bool renew_lease(const std::string& job_id, const std::string& worker_id, Timestamp lease_until);
  // Same contract as renew_lease.
  bool update_progress(const std::string& job_id, const std::string& worker_id,
                       const std::string& stage, double progress);
  // Marks the job succeeded (progress 100) and replaces its clips, in one transaction.
  // False (nothing written) when the worker no longer holds the job.
  bool succeed(const std::string& job_id, const std::string& worker_id, const JobOutcome& outcome,
               const std::vector<Clip>& clips, Timestamp now);
  // Marks the render job succeeded and writes `clip` (the clip it rendered, as it now is:
  // fields, files, framing) with its version one up, in one transaction. Returns the clip as it
  // was before (its files are now the caller's to remove); nullopt (nothing written) when the
  // worker no longer holds the job or the clip was deleted.
  std::optional<Clip> succeed_render(const std::string& job_id, const std::string& worker_id, const Clip& clip,
                                     Timestamp now);
  // Records `error`. With `retry` the job goes back to the queue (when attempts remain:
  // attempts < max_attempts), otherwise it fails. Returns the resulting status, or nullopt
  // when the worker no longer held the job.
  std::optional<JobStatus> fail(const std::string& job_id, const std::string& worker_id,
                                const std::string& error, bool retry, int max_attempts, Timestamp now);
  // Gives a running job back to the queue without spending an attempt (graceful shutdown).
  bool release(const std::string& job_id, const std::string& worker_id);
  // Jobs whose lease expired before `now` (their worker died): back to queued while attempts
  // < max_attempts, else failed with the last error. Returns how many it moved.
  int recover_expired(Timestamp now, int max_attempts);

 private:
  Database& db_;
};

}  // namespace clipgen::db

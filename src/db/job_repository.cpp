#include "db/job_repository.h"

#include <fmt/format.h>

#include "db/clip_rows.h"
#include "db/ids.h"
#include "db/row_queries.h"
#include "db/row_reader.h"
#include "db/write_transaction.h"
#include "text/json_text.h"

namespace clipgen::db {
namespace {

constexpr const char* kColumns =
    "id, video_id, user_id, kind, clip_id, settings, status, stage, progress, error, notes, attempts, lease_owner, "
    "lease_expires_at, llm_input_tokens, llm_output_tokens, llm_cost_usd, transcript_engine, created_at, started_at, "
    "finished_at";

// Worker-side writes only touch a job the worker still holds.
constexpr const char* kHeldBy = "id = :id AND lease_owner = :worker AND status = 'running'";

// Clears the lease and the progress of the attempt that ended.
constexpr const char* kBackToQueue =
    "status = 'queued', lease_owner = '', lease_expires_at = NULL, stage = '', progress = 0";

// What a claim writes; :worker, :until and :now are bound by the caller.
constexpr const char* kClaim =
    "status = 'running', attempts = attempts + 1, lease_owner = :worker, lease_expires_at = :until, "
    "started_at = COALESCE(started_at, :now), stage = '', progress = 0";

// Round-robin between users (see claim() in the header): first the user to serve, from the
// users with jobs queued (fewest running, then served longest ago, then waiting longest), then
// that user's oldest job. Per user a few index lookups (jobs_by_status, jobs_by_user_started),
// so a claim costs in proportion to the queued jobs, which per-user quotas bound.
constexpr const char* kNextUser =
    "SELECT q.user_id FROM jobs q WHERE q.status = 'queued' GROUP BY q.user_id ORDER BY "
    "(SELECT count(*) FROM jobs r WHERE r.status = 'running' AND r.user_id = q.user_id), "
    "COALESCE((SELECT max(s.started_at) FROM jobs s WHERE s.user_id = q.user_id), 0), "
    "min(q.created_at), q.user_id LIMIT 1";
const std::string kNextQueued = fmt::format(
    "SELECT id FROM jobs WHERE status = 'queued' AND user_id = ({}) ORDER BY created_at, id LIMIT 1", kNextUser);

Job read_job(const soci::row& row) {
  RowReader r(row);
  Job j;
  j.id = r.text();
  j.video_id = r.text();
  j.user_id = r.text();
  j.kind = r.text();
  j.clip_id = r.optional_text().value_or("");
  j.settings = nlohmann::json::parse(r.text());
  j.status = job_status_from_string(r.text());
  j.stage = r.text();
  j.progress = r.real();
  j.error = r.text();
  j.notes = nlohmann::json::parse(r.text()).get<std::vector<std::string>>();
  j.attempts = static_cast<int>(r.integer());
  j.lease_owner = r.text();
  j.lease_expires_at = r.optional_time();
  j.llm_input_tokens = r.integer();
  j.llm_output_tokens = r.integer();
  j.llm_cost_usd = r.real();
  j.transcript_engine = r.text();
  j.created_at = r.time();
  j.started_at = r.optional_time();
  j.finished_at = r.optional_time();
  return j;
}

std::optional<Job> select_job(Session& sql, const std::string& id) {
  return first_row(sql, fmt::format("SELECT {} FROM jobs WHERE id = :id", kColumns), read_job, id);
}

std::optional<std::string> next_queued_postgresql(soci::session& sql, const std::string& worker_id,
                                                  long long now_ms, long long until_ms) {
  // One statement: SKIP LOCKED lets concurrent claimers pass over a row another is taking.
  std::string id;
  soci::indicator ind = soci::i_null;
  soci::statement st =
      (sql.prepare << fmt::format("UPDATE jobs SET {} WHERE status = 'queued' AND id = ({} FOR UPDATE SKIP LOCKED) "
                                  "RETURNING id",
                                  kClaim, kNextQueued),
       soci::use(worker_id), soci::use(until_ms), soci::use(now_ms), soci::into(id, ind));
  if (!st.execute(true) || ind != soci::i_ok) return std::nullopt;
  return id;
}

std::optional<std::string> next_queued(soci::session& sql) {
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << kNextQueued, soci::into(id, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return id;
}

std::optional<std::string> next_queued_sqlite(soci::session& sql, const std::string& worker_id, long long now_ms,
                                              long long until_ms) {
  // Idle workers poll often: look without the write lock first (WAL readers never block).
  if (!next_queued(sql)) return std::nullopt;
  // BEGIN IMMEDIATE holds SQLite's single write lock from the read to the update.
  WriteTransaction tx(sql, Dialect::sqlite);
  const auto id = next_queued(sql);
  if (!id) return std::nullopt;
  sql << fmt::format("UPDATE jobs SET {} WHERE id = :id", kClaim), soci::use(worker_id), soci::use(until_ms),
      soci::use(now_ms), soci::use(*id);
  tx.commit();
  return id;
}

}  // namespace

Job JobRepository::create(const std::string& video_id, const std::string& user_id, const nlohmann::json& settings,
                          const AdmitCheck& admit) {
  Job job;
  job.id = new_id();
  job.video_id = video_id;
  job.user_id = user_id;
  job.settings = settings;
  job.created_at = now();
  const std::string settings_text = text::to_json_text(settings);
  const long long created = to_millis(job.created_at);
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  if (admit) {
    lock_user(sql, db_.dialect(), user_id);
    admit(read_usage(sql, user_id, job.created_at));
  }
  sql << "INSERT INTO jobs (id, video_id, user_id, settings, status, created_at) "
         "VALUES (:id, :video, :user, :settings, 'queued', :created)",
      soci::use(job.id), soci::use(video_id), soci::use(user_id), soci::use(settings_text), soci::use(created);
  tx.commit();
  return job;
}

std::optional<Job> JobRepository::queue_render(const std::string& clip_id, const std::string& video_id,
                                              const std::string& user_id, const nlohmann::json& settings,
                                              const AdmitCheck& admit, std::optional<Clip> new_clip) {
  Job job;
  job.id = new_id();
  job.video_id = video_id;
  job.user_id = user_id;
  job.kind = kRenderJob;
  job.clip_id = clip_id;
  job.settings = settings;
  job.created_at = now();
  const std::string settings_text = text::to_json_text(settings);
  const long long created = to_millis(job.created_at);
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  // The user's row lock serialises this user's requests, so two edits cannot both pass the check.
  lock_user(sql, db_.dialect(), user_id);
  if (admit) admit(read_usage(sql, user_id, job.created_at));
  int pending = 0;
  sql << "SELECT count(*) FROM jobs WHERE clip_id = :c AND status IN ('queued', 'running')", soci::use(clip_id),
      soci::into(pending);
  if (pending > 0) return std::nullopt;
  sql << "INSERT INTO jobs (id, video_id, user_id, kind, clip_id, settings, status, created_at) "
         "VALUES (:id, :video, :user, :kind, :clip, :settings, 'queued', :created)",
      soci::use(job.id), soci::use(video_id), soci::use(user_id), soci::use(job.kind), soci::use(clip_id),
      soci::use(settings_text), soci::use(created);
  if (new_clip) {
    new_clip->id = clip_id;
    new_clip->job_id = job.id;
    new_clip->video_id = video_id;
    new_clip->user_id = user_id;
    new_clip->created_at = job.created_at;
    insert_clip(sql, *new_clip);
  }
  tx.commit();
  return job;
}

std::optional<Job> JobRepository::get(const std::string& id, const std::string& user_id) {
  auto sql = db_.session();
  return find_owned(sql, "jobs", kColumns, id, user_id, read_job);
}

std::vector<Job> JobRepository::list(const std::string& user_id, const std::string& video_id) {
  auto sql = db_.session();
  const std::string by_video = video_id.empty() ? "" : " AND video_id = :v";
  const std::string query =
      fmt::format("SELECT {} FROM jobs WHERE user_id = :u{} ORDER BY created_at DESC, id", kColumns, by_video);
  if (video_id.empty()) return all_rows(sql, query, read_job, user_id);
  return all_rows(sql, query, read_job, user_id, video_id);
}

std::optional<Job> JobRepository::cancel(const std::string& id, const std::string& user_id, Timestamp now_at) {
  const long long at = to_millis(now_at);
  auto sql = db_.session();
  sql << "UPDATE jobs SET status = 'canceled', finished_at = :at, lease_owner = '', lease_expires_at = NULL "
         "WHERE id = :id AND user_id = :u AND status IN ('queued', 'running')",
      soci::use(at), soci::use(id), soci::use(user_id);
  auto job = select_job(sql, id);
  if (!job || job->user_id != user_id) return std::nullopt;
  return job;
}

std::optional<Job> JobRepository::claim(const std::string& worker_id, Timestamp now_at, Timestamp lease_until) {
  auto sql = db_.session();
  const long long now_ms = to_millis(now_at);
  const long long until_ms = to_millis(lease_until);
  const auto id = db_.dialect() == Dialect::postgresql ? next_queued_postgresql(sql, worker_id, now_ms, until_ms)
                                                       : next_queued_sqlite(sql, worker_id, now_ms, until_ms);
  if (!id) return std::nullopt;
  return select_job(sql, *id);
}

bool JobRepository::renew_lease(const std::string& job_id, const std::string& worker_id, Timestamp lease_until) {
  const long long until = to_millis(lease_until);
  auto sql = db_.session();
  return affected(sql, std::string("UPDATE jobs SET lease_expires_at = :until WHERE ") + kHeldBy, soci::use(until),
                  soci::use(job_id), soci::use(worker_id)) == 1;
}

bool JobRepository::update_progress(const std::string& job_id, const std::string& worker_id,
                                    const std::string& stage, double progress) {
  auto sql = db_.session();
  return affected(sql, std::string("UPDATE jobs SET stage = :stage, progress = :progress WHERE ") + kHeldBy,
                  soci::use(stage), soci::use(progress), soci::use(job_id), soci::use(worker_id)) == 1;
}

bool JobRepository::succeed(const std::string& job_id, const std::string& worker_id, const JobOutcome& outcome,
                            const std::vector<Clip>& clips, Timestamp now_at) {
  const long long at = to_millis(now_at);
  const std::string notes = text::to_json_text(nlohmann::json(outcome.notes));
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  const auto changed = affected(
      sql,
      std::string("UPDATE jobs SET status = 'succeeded', progress = 100, error = '', notes = :notes, "
                  "llm_input_tokens = :in, llm_output_tokens = :out, llm_cost_usd = :cost, transcript_engine = :engine, "
                  "finished_at = :at, "
                  "lease_owner = '', lease_expires_at = NULL WHERE ") +
          kHeldBy,
      soci::use(notes), soci::use(outcome.llm_input_tokens), soci::use(outcome.llm_output_tokens),
      soci::use(outcome.llm_cost_usd), soci::use(outcome.transcript_engine), soci::use(at), soci::use(job_id),
      soci::use(worker_id));
  if (changed != 1) return false;
  std::string user_id;
  sql << "SELECT user_id FROM jobs WHERE id = :id", soci::use(job_id), soci::into(user_id);
  write_job_clips(sql, job_id, user_id, clips);
  tx.commit();
  return true;
}

std::optional<Clip> JobRepository::succeed_render(const std::string& job_id, const std::string& worker_id,
                                                  const Clip& clip, Timestamp now_at) {
  const long long at = to_millis(now_at);
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  auto before = select_clip(sql, clip.id, clip.user_id);
  if (!before) return std::nullopt;
  if (affected(sql,
               std::string("UPDATE jobs SET status = 'succeeded', progress = 100, error = '', finished_at = :at, "
                           "lease_owner = '', lease_expires_at = NULL WHERE ") +
                   kHeldBy,
               soci::use(at), soci::use(job_id), soci::use(worker_id)) != 1)
    return std::nullopt;
  const std::string hashtags = text::to_json_text(nlohmann::json(clip.hashtags));
  const long long size = static_cast<long long>(clip.size_bytes);
  const int captions = clip.captions ? 1 : 0;
  sql << "UPDATE clips SET start_s = :start, end_s = :end, title = :title, text = :text, virality_score = :score, "
         "reason = :reason, hashtags = :hashtags, storage_key = :key, thumbnail_key = :thumb, subtitles_key = :srt, "
         "captions_key = :ass, width = :w, height = :h, size_bytes = :size, version = version + 1, aspect = :aspect, "
         "layout = :layout, captions = :captions, caption_style = :style WHERE id = :id AND user_id = :u",
      soci::use(clip.start_s), soci::use(clip.end_s), soci::use(clip.title), soci::use(clip.text),
      soci::use(clip.virality_score), soci::use(clip.reason), soci::use(hashtags), soci::use(clip.storage_key),
      soci::use(clip.thumbnail_key), soci::use(clip.subtitles_key), soci::use(clip.captions_key),
      soci::use(clip.width), soci::use(clip.height), soci::use(size), soci::use(clip.aspect), soci::use(clip.layout),
      soci::use(captions), soci::use(clip.caption_style), soci::use(clip.id), soci::use(clip.user_id);
  tx.commit();
  return before;
}

std::optional<JobStatus> JobRepository::fail(const std::string& job_id, const std::string& worker_id,
                                             const std::string& error, bool retry, int max_attempts,
                                             Timestamp now_at) {
  auto sql = db_.session();
  if (retry && affected(sql, fmt::format("UPDATE jobs SET {}, error = :error WHERE {} AND attempts < :max",
                                         kBackToQueue, kHeldBy),
                        soci::use(error), soci::use(job_id), soci::use(worker_id), soci::use(max_attempts)) == 1) {
    return JobStatus::queued;
  }
  const long long at = to_millis(now_at);
  if (affected(sql,
               std::string("UPDATE jobs SET status = 'failed', error = :error, finished_at = :at, lease_owner = '', "
                           "lease_expires_at = NULL WHERE ") +
                   kHeldBy,
               soci::use(error), soci::use(at), soci::use(job_id), soci::use(worker_id)) == 1) {
    return JobStatus::failed;
  }
  return std::nullopt;
}

bool JobRepository::release(const std::string& job_id, const std::string& worker_id) {
  auto sql = db_.session();
  return affected(sql, fmt::format("UPDATE jobs SET {}, attempts = attempts - 1 WHERE {}", kBackToQueue, kHeldBy),
                  soci::use(job_id), soci::use(worker_id)) == 1;
}

int JobRepository::recover_expired(Timestamp now_at, int max_attempts) {
  const long long at = to_millis(now_at);
  const std::string gave_up =
      fmt::format("gave up after {} attempts: the worker running it stopped responding", max_attempts);
  const std::string lost = "the worker running it stopped responding; queued again";
  auto sql = db_.session();
  // Called on every idle poll: a read finds the usual nothing without taking a write lock.
  int expired = 0;
  sql << "SELECT count(*) FROM jobs WHERE status = 'running' AND lease_expires_at < :now", soci::use(at),
      soci::into(expired);
  if (expired == 0) return 0;
  const auto failed = affected(sql,
                               "UPDATE jobs SET status = 'failed', error = :error, finished_at = :at, "
                               "lease_owner = '', lease_expires_at = NULL "
                               "WHERE status = 'running' AND lease_expires_at < :now AND attempts >= :max",
                               soci::use(gave_up), soci::use(at), soci::use(at), soci::use(max_attempts));
  const auto requeued = affected(sql,
                                 fmt::format("UPDATE jobs SET {}, error = :error "
                                             "WHERE status = 'running' AND lease_expires_at < :now AND attempts < :max",
                                             kBackToQueue),
                                 soci::use(lost), soci::use(at), soci::use(max_attempts));
  return static_cast<int>(failed + requeued);
}

}  // namespace clipgen::db
